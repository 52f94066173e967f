/* latar: touch. A tap on a marker or its phrase opens the note in a bottom sheet, a modal dialog titled with the
 * note's title; the phrase stays in view and highlighted; closing it never brings a tooltip back. A finger puts
 * the page in touch mode (no tooltips: one popping up under the finger would swallow the tap). */

import { fill } from "../data.js";
import { TYPESET } from "../material.js";
import { ANCHORED, contentOf, focusables, footnoteOf, make, markerOf, numberOf, phraseOf, shown } from "./markers.js";

const TOUCH = "latar-touch";
const CONTROL = `.latar-article ${ANCHORED} :is(a.footnote-ref, .latar-anchor)`;

/** Start; ``strings`` are the sheet's words, ``dismiss(ref)`` keeps a marker's tooltip closed. */
export function setupSheet(article, strings, { dismiss }) {
  const html = document.documentElement;
  const sheet = make("div", "latar-sheet");
  sheet.setAttribute("role", "dialog");
  sheet.setAttribute("aria-modal", "true");
  sheet.setAttribute("aria-labelledby", "latar-sheet-title");
  sheet.tabIndex = -1;
  sheet.hidden = true;
  const bar = make("div", "latar-sheet__bar");
  const number = make("span", "latar-sheet__number");
  number.setAttribute("aria-hidden", "true");
  const title = make("p", "latar-sheet__title");
  title.id = "latar-sheet-title";
  const close = make("button", "latar-sheet__close", strings.close_symbol);
  close.type = "button";
  close.setAttribute("aria-label", strings.close);
  bar.append(number, title, close);
  const body = make("div", `latar-sheet__body ${TYPESET}`);
  sheet.append(bar, body);
  document.body.append(sheet);
  let opener = null;
  let lastPointer = "mouse";

  const keepInView = (phrase) => {
    const rects = phrase.getClientRects();
    let last = rects[rects.length - 1];
    const top = sheet.getBoundingClientRect().top;
    if (last && last.bottom + 8 > top) window.scrollBy(0, last.bottom + 16 - top);
    last = phrase.getClientRects()[rects.length - 1];
    if (last && last.bottom + 8 > sheet.getBoundingClientRect().top) sheet.classList.add("latar-sheet--top"); // end of the page
  };
  const open = (ref) => {
    const content = contentOf(ref, true);
    if (!content) return false;
    if (opener) shut(false);
    body.replaceChildren(content);
    const noteTitle = footnoteOf(ref).querySelector(".latar-note-title");
    title.textContent = noteTitle ? noteTitle.textContent : fill(strings.title, { number: numberOf(ref) });
    number.textContent = numberOf(ref);
    opener = ref;
    sheet.classList.remove("latar-sheet--top");
    sheet.hidden = false;
    html.classList.add("latar-sheet-open");
    const phrase = phraseOf(ref);
    if (phrase) {
      phrase.classList.add("latar-current");
      keepInView(phrase);
    }
    sheet.focus({ preventScroll: true });
    return true;
  };
  function shut(restoreFocus) {
    if (sheet.hidden) return;
    sheet.hidden = true;
    html.classList.remove("latar-sheet-open");
    const phrase = opener && phraseOf(opener);
    if (phrase) phrase.classList.remove("latar-current");
    if (opener) {
      dismiss(opener); // focus goes back to the marker, where Material would open its tooltip again
      if (restoreFocus) opener.focus({ preventScroll: true });
    }
    opener = null;
  }
  close.addEventListener("click", () => shut(true));
  sheet.addEventListener("keydown", (event) => { // focus stays in the dialog
    if (event.key !== "Tab") return;
    const items = focusables(sheet);
    const first = items[0];
    const last = items[items.length - 1];
    if (event.shiftKey && (document.activeElement === first || document.activeElement === sheet)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });

  document.addEventListener("keydown", (event) => {
    if (event.key === "Tab") html.classList.remove(TOUCH);
  });
  document.addEventListener("pointerover", (event) => {
    if (event.pointerType === "mouse") html.classList.remove(TOUCH);
  });
  document.addEventListener("pointerdown", (event) => {
    lastPointer = event.pointerType;
    html.classList.toggle(TOUCH, event.pointerType !== "mouse");
    const own = event.target.closest?.(CONTROL);
    if (!sheet.hidden && !sheet.contains(event.target) && !own) shut(false);
  }, true);
  const tap = (event) => {
    if (lastPointer === "mouse" || event.detail === 0 || event.defaultPrevented) return; // mouse and keyboard follow the link
    const target = event.target.closest?.(CONTROL);
    const ref = target && (target.classList.contains("latar-anchor") ? markerOf(target) : target);
    if (shown(ref) && open(ref)) event.preventDefault();
  };
  article.addEventListener("click", tap);

  return { isOpen: () => !sheet.hidden, close: shut, tap };
}
