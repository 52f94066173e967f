/* latar: markers, their phrases and their notes in the article's DOM (Python-Markdown's footnote markup plus
 * latar's phrase spans), and the phrase made part of its marker's control. */

import { shareTooltip } from "../material.js";

/** Where anchored phrases are: the article's text and its headline. */
export const ANCHORED = ":is(.latar-article-body, .latar-headline)";
/** A marker: the footnote reference after an anchored phrase. */
export const MARKER = `.latar-article ${ANCHORED} sup.latar-ref > a.footnote-ref`;
/** An anchored phrase. */
export const PHRASE = `.latar-article ${ANCHORED} .latar-anchor`;
const FOCUSABLE = 'a[href]:not([tabindex="-1"]), button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export const shown = (el) => !!el && el.offsetParent !== null;
export const numberOf = (ref) => ref.getAttribute("data-latar-number") || ref.textContent;
export const footnoteOf = (ref) => document.getElementById(decodeURIComponent(ref.hash.slice(1)));

/** The anchored phrase just before a marker, or null. */
export function phraseOf(ref) {
  const phrase = ref.parentNode.previousElementSibling;
  return phrase?.classList.contains("latar-anchor") ? phrase : null;
}

/** The marker just after an anchored phrase, or null. */
export const markerOf = (phrase) => phrase.nextElementSibling?.querySelector("a.footnote-ref") ?? null;

/** A copy of a marker's note text (its endnote's paragraph without the back link), or null. */
export function contentOf(ref, withoutTitle) {
  const p = footnoteOf(ref)?.querySelector("p");
  if (!p) return null;
  const copy = p.cloneNode(true);
  copy.querySelectorAll(".footnote-backref").forEach((a) => a.remove());
  copy.removeAttribute("id");
  const title = copy.querySelector(".latar-note-title");
  if (withoutTitle && title) { // the sheet's heading already says it: drop the title and its dash
    const next = title.nextSibling;
    if (next?.nodeType === Node.TEXT_NODE) next.data = next.data.replace(/^\s*—\s*/, " ");
    title.remove();
  }
  return copy;
}

/** What Tab can reach inside ``root``, in order. */
export const focusables = (root) => [...root.querySelectorAll(FOCUSABLE)].filter((el) => shown(el) || el === document.activeElement);

/** A new element. */
export function make(name, className, text) {
  const el = document.createElement(name);
  el.className = className;
  if (text) el.textContent = text;
  return el;
}

/** The phrase is part of the control: hovering it shows its marker's tooltip, and a tap on it is a tap on the marker. */
export function linkPhrases(article, onTap) {
  article.querySelectorAll(PHRASE).forEach((phrase) => {
    const ref = markerOf(phrase);
    if (!ref) return;
    shareTooltip(phrase, ref);
    phrase.addEventListener("click", onTap); // its own listener: Chromium's touch adjustment then counts it as a target
  });
}

/** Highlight the phrase (and whatever ``also`` adds) of the marker under the pointer or in focus. */
export function highlight(refFor, also) {
  const activate = (ref, on) => {
    if (!ref || (on && !shown(ref))) return;
    phraseOf(ref)?.classList.toggle("latar-active", on);
    also(ref, on);
  };
  const follow = (on) => (event) => {
    const ref = refFor(event.target);
    if (ref && refFor(event.relatedTarget) !== ref) activate(ref, on);
  };
  document.addEventListener("mouseover", follow(true));
  document.addEventListener("focusin", follow(true));
  document.addEventListener("mouseout", follow(false));
  document.addEventListener("focusout", follow(false));
}
