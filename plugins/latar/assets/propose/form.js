/* latar: propose a note from a text selection. Select a phrase in the article and an "Usulkan catatan" button
 * appears next to it; it opens a short form and then GitHub: the proposal issue form, or a new note file, both
 * filled in (selection.js finds the anchor, note.js writes the note). The kinds, the words, the template and the
 * limits come from Python (the page's data island). Without JavaScript nothing of this is shown. Loaded on the
 * reader's first selection in the article (reading/proposal.js), with propose.css. */

import { fill, pageData } from "../data.js";
import { BUTTON, PRIMARY_BUTTON, TYPESET } from "../material.js";
import { noteText, slug } from "./note.js";
import { analyse, closestParagraph } from "./selection.js";

const article = document.querySelector(".latar-article[data-latar-repository]");
const body = article?.querySelector(".latar-article-body");
if (body) start(article, body, pageData("propose"));

function start(article, body, propose) {
  const { strings, form: issueForm } = propose;
  const ids = issueForm.fields; // the issue form's field ids; the dialog's inputs are named the same
  const repository = article.getAttribute("data-latar-repository").replace(/\/+$/, "");
  const branch = article.getAttribute("data-latar-branch") || "main";
  const notesPath = article.getAttribute("data-latar-notes") || "docs/anotasi";
  const articleName = article.getAttribute("data-latar-article") || "";

  /* ---- What goes to GitHub ---- */
  const today = () => new Date().toISOString().slice(0, 10);
  const query = (params) =>
    Object.keys(params).filter((k) => params[k]).map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(params[k])}`).join("&");
  const issueUrl = (f) => `${repository}/issues/new?${query({
    template: issueForm.template, title: fill(strings.issue_title, { title: f.title || f.phrase }),
    [ids.phrase]: f.phrase, [ids.prefix]: f.prefix, [ids.suffix]: f.suffix, [ids.article]: articleName,
    [ids.kind]: f.kind, [ids.title]: f.title, [ids.summary]: f.summary, [ids.sources]: f.url,
  })}`;
  /* A new file must not take the name of a note already in this article. */
  const freeId = (base) => {
    const taken = new Set([...article.querySelectorAll("[data-latar-note]")].map((el) => el.getAttribute("data-latar-note")));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  };
  const newFileUrl = (f) => {
    const path = `${notesPath}/${freeId(slug(f.title || f.phrase, propose.slug))}.md`;
    const fields = { ...f, article: articleName, sources: f.url ? [f.url] : [], accessed: today() };
    return `${repository}/new/${encodeURIComponent(branch).replace(/%2F/g, "/")}?${query({ filename: path, value: noteText(propose.template, fields) })}`;
  };

  /* ---- The control next to the selection, and the form ---- */
  const el = (name, attrs, text) => {
    const e = document.createElement(name);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    if (text) e.textContent = text;
    return e;
  };
  const control = el("button", { type: "button", class: "latar-propose-control", "aria-haspopup": "dialog" }, strings.control);
  control.hidden = true;
  control.addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection

  const dialog = el("dialog", { class: `latar-propose ${TYPESET}`, "aria-labelledby": "latar-propose-title" });
  const form = el("form", { method: "dialog" });
  const heading = el("h2", { id: "latar-propose-title" }, strings.heading);
  const quote = el("p", { class: "latar-propose-quote" });
  const message = el("p", { class: "latar-propose-message", role: "alert" });
  const fields = el("div", { class: "latar-propose-fields" });
  const field = (label, input, hint) => {
    const wrap = el("label", { class: "latar-propose-field" });
    wrap.append(el("span", { class: "latar-propose-label" }, label), input);
    if (hint) wrap.append(el("span", { class: "latar-propose-hint" }, hint));
    fields.append(wrap);
    return input;
  };
  const titleInput = field(strings.title_label, el("input", { type: "text", name: ids.title, maxlength: "160" }));
  const kindInput = field(strings.kind_label, el("select", { name: ids.kind }));
  propose.kinds.forEach(([kind, label]) => kindInput.append(el("option", { value: kind }, label)));
  const summaryInput = field(strings.summary_label, el("textarea", { name: ids.summary, rows: "3", maxlength: "1200" }), strings.summary_hint);
  const urlInput = field(strings.url_label, el("input", { type: "url", name: ids.sources, placeholder: strings.url_placeholder }));
  const actions = el("p", { class: "latar-propose-actions" });
  // real addresses from the start (the forms, empty), filled in as the reader types
  const toIssue = el("a", { class: `${BUTTON} ${PRIMARY_BUTTON} latar-propose-issue`, target: "_blank", rel: "noopener", href: `${repository}/issues/new?${query({ template: issueForm.template })}` }, strings.to_issue);
  const toFile = el("a", { class: `${BUTTON} latar-propose-file`, target: "_blank", rel: "noopener", href: `${repository}/new/${encodeURIComponent(branch).replace(/%2F/g, "/")}` }, strings.to_file);
  const cancel = el("button", { type: "submit", class: `${BUTTON} latar-propose-cancel`, value: "batal" }, strings.cancel);
  actions.append(toIssue, " ", toFile, " ", cancel);
  const hint = el("p", { class: "latar-propose-hint" }, strings.hint);
  form.append(heading, quote, message, fields, actions, hint);
  dialog.append(form);
  document.body.append(dialog);

  let current = null;
  const values = () => ({
    phrase: current.phrase, prefix: current.prefix, suffix: current.suffix, title: titleInput.value.trim(),
    kind: kindInput.value, summary: summaryInput.value.trim(), url: urlInput.value.trim(),
  });
  const refreshLinks = () => {
    if (!current || current.error) return;
    const f = values();
    toIssue.href = issueUrl(f);
    toFile.href = newFileUrl(f);
  };
  [titleInput, kindInput, summaryInput, urlInput].forEach((input) => {
    input.addEventListener("input", refreshLinks);
    input.addEventListener("change", refreshLinks);
  });

  const openForm = () => {
    if (!current) return;
    const ok = !current.error;
    quote.replaceChildren();
    if (current.phrase) quote.append(`…${current.prefix || ""}`, el("mark", {}, current.phrase), `${current.suffix || ""}…`);
    quote.hidden = !current.phrase;
    message.textContent = ok ? "" : current.error;
    message.hidden = ok;
    fields.hidden = !ok;
    toIssue.hidden = !ok;
    toFile.hidden = !ok;
    hint.hidden = !ok;
    refreshLinks();
    dialog.showModal();
    (ok ? titleInput : cancel).focus();
  };
  control.addEventListener("click", openForm);
  dialog.addEventListener("close", () => { if (control.isConnected && !control.hidden) control.focus(); });

  const hide = () => {
    control.hidden = true;
    current = null;
  };
  const place = (range, after) => {
    if (control.previousElementSibling !== after) after.after(control); // next in Tab order after the paragraph
    control.hidden = false;
    const rects = range.getClientRects();
    const rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    const parent = control.offsetParent || document.documentElement;
    let origin = parent.getBoundingClientRect();
    if (getComputedStyle(parent).position === "static") origin = { left: -window.scrollX, top: -window.scrollY };
    const left = Math.min(rect.right, document.documentElement.clientWidth - control.offsetWidth - 8);
    control.style.left = `${Math.max(8, left) - origin.left}px`;
    control.style.top = `${rect.bottom + 6 - origin.top}px`;
  };
  const update = () => {
    if (dialog.open) return;
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
      if (document.activeElement !== control) hide();
      return;
    }
    const range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) && !range.intersectsNode(body)) {
      hide();
      return;
    }
    const result = analyse(body, range, propose);
    if (!result) {
      hide();
      return;
    }
    current = result;
    place(range, result.paragraph || closestParagraph(body, range.endContainer) || closestParagraph(body, range.startContainer));
  };

  let pointerDown = false;
  let timer = 0;
  document.addEventListener("pointerdown", (event) => { if (event.target !== control) pointerDown = true; });
  document.addEventListener("pointerup", () => {
    pointerDown = false;
    window.setTimeout(update, 0);
  });
  document.addEventListener("pointercancel", () => { pointerDown = false; });
  document.addEventListener("selectionchange", () => {
    if (pointerDown) return; // still dragging: wait for the pointer to lift
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 120);
  });
  window.addEventListener("resize", () => { if (!control.hidden) update(); });
  if (!pointerDown) update(); // loaded on the first selection (reading/proposal.js): follow it now
}
