/* latar: progressive enhancement of the article's footnotes.
 * Without JavaScript every marker is a plain link to its endnote and back.
 * With it: Esc closes the tooltip, a tap opens a bottom sheet, wide screens get margin notes,
 * the phrase of the note in focus is highlighted, and readers can filter markers by kind. */
(function () {
  "use strict";

  var article = document.querySelector(".latar-article");
  if (!article) return;
  var html = document.documentElement;
  var KEY_KINDS = "latar:hidden-kinds";
  var KEY_ALL = "latar:hide-all";

  function load(key, fallback) {
    try { var v = JSON.parse(window.localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: not remembered */ }
  }
  function noteOf(el) { return el && el.getAttribute("data-latar-note"); }
  function footnote(id) { return document.getElementById(id); }
  function refTarget(ref) { return decodeURIComponent(ref.hash.slice(1)); }
  function contentOf(ref) {
    var item = footnote(refTarget(ref));
    var p = item && item.querySelector("p");
    if (!p) return null;
    var copy = p.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    copy.removeAttribute("id");
    return copy;
  }

  /* Highlight the phrase (and margin note) of the note under the pointer or in focus. */
  function setActive(id, on) {
    if (!id) return;
    document.querySelectorAll('[data-latar-note="' + id + '"]').forEach(function (el) {
      if (el.classList.contains("latar-anchor") || el.classList.contains("latar-margin-note")) el.classList.toggle("latar-active", on);
    });
  }
  function activeId(target) {
    var el = target && target.closest && target.closest(".footnote-ref, .latar-margin-note, .latar-footnotes li");
    if (!el) return null;
    return noteOf(el) || (el.id ? el.id.replace(/^.*?-fn-/, "") : null);
  }
  ["mouseover", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (e) { setActive(activeId(e.target), true); });
  });
  ["mouseout", "focusout"].forEach(function (type) {
    document.addEventListener(type, function (e) { setActive(activeId(e.target), false); });
  });

  /* Esc closes the tooltip (Material shows it on hover and focus) and keeps focus on the marker. */
  var dismissedFor = null;
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    if (!sheet.hidden) { closeSheet(true); return; }
    var ref = document.activeElement && document.activeElement.closest && document.activeElement.closest(".footnote-ref");
    dismissedFor = ref || hovered;
    html.classList.add("latar-tooltips-dismissed");
    if (ref) ref.focus();
  });
  var hovered = null;
  document.addEventListener("pointerover", function (e) {
    var ref = e.target.closest && e.target.closest(".footnote-ref");
    if (ref && ref !== dismissedFor) { html.classList.remove("latar-tooltips-dismissed"); dismissedFor = null; }
    if (ref) hovered = ref;
  });
  document.addEventListener("focusin", function (e) {
    if (e.target !== dismissedFor) { html.classList.remove("latar-tooltips-dismissed"); dismissedFor = null; }
  });

  /* Touch: a tap opens the note in a bottom sheet instead of jumping to the endnotes. */
  var sheet = document.createElement("div");
  sheet.className = "latar-sheet";
  sheet.setAttribute("role", "dialog");
  sheet.setAttribute("aria-labelledby", "latar-sheet-title");
  sheet.tabIndex = -1;
  sheet.hidden = true;
  var bar = document.createElement("div");
  bar.className = "latar-sheet__bar";
  var title = document.createElement("p");
  title.className = "latar-sheet__title";
  title.id = "latar-sheet-title";
  var close = document.createElement("button");
  close.type = "button";
  close.className = "latar-sheet__close";
  close.setAttribute("aria-label", "Tutup catatan");
  close.textContent = "×";
  bar.append(title, close);
  var body = document.createElement("div");
  body.className = "latar-sheet__body md-typeset";
  sheet.append(bar, body);
  document.body.append(sheet);
  var opener = null;

  function openSheet(ref) {
    var content = contentOf(ref);
    if (!content) return false;
    body.replaceChildren(content);
    title.textContent = "Catatan " + ref.textContent;
    opener = ref;
    sheet.hidden = false;
    html.classList.add("latar-sheet-open");
    sheet.focus();
    return true;
  }
  function closeSheet(restoreFocus) {
    if (sheet.hidden) return;
    sheet.hidden = true;
    html.classList.remove("latar-sheet-open");
    if (restoreFocus && opener) opener.focus();
    opener = null;
  }
  close.addEventListener("click", function () { closeSheet(true); });

  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (e) {
    lastPointer = e.pointerType;
    if (!sheet.hidden && !sheet.contains(e.target) && !(e.target.closest && e.target.closest(".footnote-ref"))) closeSheet(false);
  }, true);
  article.addEventListener("click", function (e) {
    var ref = e.target.closest && e.target.closest(".footnote-ref");
    if (!ref || lastPointer === "mouse") return;
    if (openSheet(ref)) e.preventDefault();
  });

  /* Margin notes on wide screens, beside their line, never overlapping. */
  var wide = window.matchMedia("screen and (min-width: 100em)");
  var margin = null;
  function buildMargin() {
    margin = document.createElement("div");
    margin.className = "latar-margin";
    margin.setAttribute("aria-hidden", "true");
    article.querySelectorAll(".latar-article-body sup.latar-ref > a.footnote-ref").forEach(function (ref) {
      var id = noteOf(ref);
      if (margin.querySelector('[data-latar-note="' + id + '"]')) return;
      var content = contentOf(ref);
      if (!content) return;
      content.querySelectorAll("a").forEach(function (a) { a.tabIndex = -1; });
      var note = document.createElement("aside");
      note.className = "latar-margin-note";
      note.setAttribute("data-latar-note", id);
      note.setAttribute("data-latar-kind", ref.getAttribute("data-latar-kind") || "");
      var number = document.createElement("span");
      number.className = "latar-margin-number";
      number.textContent = ref.textContent;
      content.prepend(number);
      note.append(content);
      note.latarRef = ref;
      margin.append(note);
    });
    article.append(margin);
  }
  function layoutMargin() {
    if (!wide.matches) { html.classList.remove("latar-margin-on"); return; }
    if (!margin) buildMargin();
    html.classList.add("latar-margin-on");
    var origin = article.getBoundingClientRect().top;
    var floor = 0;
    margin.querySelectorAll(".latar-margin-note").forEach(function (note) {
      var ref = note.latarRef;
      var hidden = ref.offsetParent === null;
      note.hidden = hidden;
      if (hidden) return;
      var top = Math.max(ref.getBoundingClientRect().top - origin, floor);
      note.style.top = top + "px";
      floor = top + note.offsetHeight + 6;  /* measured clamped: an active note expands over its neighbours */
    });
  }
  if (wide.addEventListener) wide.addEventListener("change", layoutMargin);
  window.addEventListener("resize", layoutMargin);
  window.addEventListener("load", layoutMargin);

  /* Reader controls: filter markers by kind, or hide them all; remembered across visits. */
  function kindsPresent() {
    var seen = {};
    var list = [];
    article.querySelectorAll(".latar-footnotes li[data-latar-kind]").forEach(function (li) {
      var kind = li.getAttribute("data-latar-kind");
      if (!seen[kind]) { seen[kind] = li.querySelector(".latar-kind").textContent; list.push(kind); }
    });
    return list.map(function (k) { return [k, seen[k]]; });
  }
  function applyFilters() {
    var hidden = load(KEY_KINDS, []);
    html.classList.toggle("latar-hide-all", !!load(KEY_ALL, false));
    article.querySelectorAll("sup.latar-ref, .latar-anchor, .latar-margin-note").forEach(function (el) {
      var kind = el.getAttribute("data-latar-kind");
      var off = hidden.indexOf(kind) !== -1;
      if (el.matches("sup.latar-ref, .latar-margin-note")) el.hidden = off;
      else el.classList.toggle("latar-anchor--off", off);
    });
    layoutMargin();
  }
  function buildControls() {
    var kinds = kindsPresent();
    if (!kinds.length) return;
    var details = document.createElement("details");
    details.className = "latar-controls";
    var summary = document.createElement("summary");
    summary.textContent = "Atur penanda catatan";
    var set = document.createElement("fieldset");
    var legend = document.createElement("legend");
    legend.className = "latar-sr-only";
    legend.textContent = "Jenis catatan yang ditampilkan";
    set.append(legend);
    var hidden = load(KEY_KINDS, []);
    kinds.forEach(function (pair) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = hidden.indexOf(pair[0]) === -1;
      box.setAttribute("data-latar-kind", pair[0]);
      box.addEventListener("change", function () {
        var now = load(KEY_KINDS, []).filter(function (k) { return k !== pair[0]; });
        if (!box.checked) now.push(pair[0]);
        save(KEY_KINDS, now);
        applyFilters();
      });
      label.append(box, document.createTextNode(pair[1]));
      set.append(label);
    });
    var allLabel = document.createElement("label");
    var all = document.createElement("input");
    all.type = "checkbox";
    all.className = "latar-hide-all-toggle";
    all.checked = !!load(KEY_ALL, false);
    all.addEventListener("change", function () { save(KEY_ALL, all.checked); applyFilters(); });
    allLabel.append(all, document.createTextNode("Sembunyikan semua penanda"));
    set.append(allLabel);
    details.append(summary, set);
    var byline = article.querySelector(".latar-byline");
    (byline || article.firstChild).after(details);
  }

  buildControls();
  applyFilters();
  layoutMargin();
})();
