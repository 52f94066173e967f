/* latar: the keyboard and the open note. Esc closes a marker's tooltip (Material shows it on hover and focus) and
 * keeps focus on the marker; Tab from a marker whose note is open (tooltip or margin note) enters the note's
 * links, and Shift+Tab or Esc goes back. */

import { holdTooltip, isTooltip, openTooltip } from "../material.js";
import { focusables, PHRASE, shown } from "./markers.js";

const DISMISSED = "latar-tooltips-dismissed";

/** Start; ``noteOf(ref)`` is a marker's margin note, ``sheet`` the touch sheet. */
export function setupKeyboard({ refFor, noteOf, sheet }) {
  const html = document.documentElement;
  let inside = null; // {box, ref}: the note the keyboard has entered
  let dismissedFor = null;
  let hovered = null;
  const isInside = (target) => !!inside && inside.box.contains(target);

  /* Esc: the tooltip stays hidden until the reader moves on. */
  const dismiss = (ref) => {
    dismissedFor = ref;
    html.classList.add(DISMISSED);
  };
  const undismiss = () => {
    html.classList.remove(DISMISSED);
    dismissedFor = null;
  };
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    if (sheet.isOpen()) {
      sheet.close(true);
      return;
    }
    if (inside) {
      const back = inside.ref;
      leave();
      dismiss(back);
      back.focus();
      return;
    }
    const ref = document.activeElement?.closest?.("a.footnote-ref");
    dismiss(ref || hovered);
    if (ref) ref.focus();
  });
  document.addEventListener("pointerover", (event) => {
    // a finger's pointerover comes before focus moves: un-dismissing then would flash the old tooltip
    const control = event.pointerType === "mouse" && event.target.closest?.(`.latar-article a.footnote-ref, ${PHRASE}`);
    if (!control) return;
    hovered = refFor(control);
    if (!shown(hovered)) { // the reader hid this kind of note
      dismiss(control);
      return;
    }
    if (control !== dismissedFor) undismiss();
  });
  document.addEventListener("focusout", (event) => { // coming back to a dismissed marker shows its note again
    if (event.target === dismissedFor) undismiss();
  });
  document.addEventListener("focusin", (event) => {
    if (event.target !== dismissedFor && !isInside(event.target)) undismiss();
  });

  /* Tab into the open note and out again. */
  const openNote = (ref) => {
    const note = noteOf(ref);
    if (note && shown(note)) return note;
    const tip = openTooltip(ref);
    // "↩︎" in a tooltip leads back to the marker the reader is on: no Tab stop
    tip?.querySelectorAll(".footnote-backref").forEach((a) => { a.tabIndex = -1; });
    return tip && shown(tip) ? tip : null;
  };
  const enter = (box, ref) => {
    inside = { box, ref };
    if (isTooltip(box)) holdTooltip(box, true);
    else {
      box.removeAttribute("aria-hidden");
      box.querySelectorAll("a").forEach((a) => { a.tabIndex = 0; });
    }
  };
  function leave() {
    if (!inside) return;
    const { box } = inside;
    inside = null;
    if (isTooltip(box)) holdTooltip(box, false);
    else {
      box.setAttribute("aria-hidden", "true");
      box.querySelectorAll("a").forEach((a) => { a.tabIndex = -1; });
    }
  }
  const after = (ref) => {
    const all = focusables(document);
    let next = all[all.indexOf(ref) + 1];
    while (next && isInside(next)) next = all[all.indexOf(next) + 1];
    return next;
  };
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || sheet.isOpen()) return;
    const active = document.activeElement;
    if (isInside(active)) {
      const links = focusables(inside.box);
      const { ref } = inside;
      if (event.shiftKey && active === links[0]) {
        event.preventDefault();
        leave();
        ref.focus();
      } else if (!event.shiftKey && active === links[links.length - 1]) {
        event.preventDefault();
        const next = after(ref);
        leave();
        if (next) next.focus();
      }
      return;
    }
    if (event.shiftKey || !active?.matches?.(".latar-article a.footnote-ref")) return;
    const box = openNote(active);
    const first = box?.querySelector("a[href]");
    if (!first) return;
    event.preventDefault();
    enter(box, active);
    first.focus();
  });
  document.addEventListener("focusout", (event) => {
    if (isInside(event.target) && !(event.relatedTarget && isInside(event.relatedTarget))) {
      const { ref } = inside;
      window.setTimeout(() => {
        if (inside && inside.ref === ref && !isInside(document.activeElement)) leave();
      }, 0);
    }
  });

  return {
    dismiss,
    /** The marker whose note the keyboard has entered, if ``target`` is inside that note. */
    refInside: (target) => (target && isInside(target) ? inside.ref : null),
  };
}
