/* latar: margin notes on wide screens (from 75em, latar.css WIDE). Beside each marker's line, each note's full
 * summary with its kind, unclamped; a repeated note is a short back-reference ("lihat catatan 5") to its first one.
 * Where they would collide, the least displacement (pooled adjacent violators); an active note is raised and
 * pushes the next ones down, never covering them. latar.css makes the room before any script runs; this only
 * fills it (absolutely positioned notes shift nothing). */

import { fill } from "../data.js";
import { contentOf, make, numberOf, MARKER, phraseOf, shown } from "./markers.js";

const GAP = 4;
const BRIEF = "latar-margin-brief";
const REACH = 2.5; // lines a note may stand below its own line, so that it is still read as beside it
const noteOfRef = new WeakMap();
const refOfNote = new WeakMap();

/** A marker's margin note (once wide screens have built them), or undefined. */
export const noteOf = (ref) => noteOfRef.get(ref);
/** A margin note's marker. */
export const markerOf = (note) => refOfNote.get(note);

/** Positions minimising squared displacement, in order, without overlap (sets ``item.top``). */
export function settle(items) {
  const blocks = [];
  for (const item of items) {
    let block = { items: [item], offsets: [0], height: item.height, sum: item.ideal, top: item.ideal };
    while (blocks.length) {
      const prev = blocks[blocks.length - 1];
      if (prev.top + prev.height + GAP <= block.top) break;
      blocks.pop();
      const shift = prev.height + GAP;
      block = {
        items: prev.items.concat(block.items),
        offsets: prev.offsets.concat(block.offsets.map((o) => o + shift)),
        height: shift + block.height,
        sum: prev.sum + block.sum - shift * block.items.length,
      };
      block.top = block.sum / block.items.length;
    }
    blocks.push(block);
  }
  let floor = -Infinity;
  for (const block of blocks) {
    block.items.forEach((it, i) => { // never more than half a line above its line
      it.top = Math.max(block.top + block.offsets[i], it.ideal - it.lineHeight / 2, floor);
      floor = it.top + it.height + GAP;
    });
  }
}

/** Which notes show in full (sets ``item.brief`` and ``item.height``): all of them where there is room; a note whose
 * whole text would push the next one more than ``REACH`` lines below its own line shows its first line only, and
 * opens in full when its marker or phrase is active. */
export function fit(items) {
  let floor = -Infinity;
  items.forEach((item, i) => {
    const top = Math.max(item.ideal, floor);
    const next = items[i + 1];
    item.brief = !!next && item.short < item.full && top + item.full + GAP > next.ideal + REACH * next.lineHeight;
    item.height = item.brief ? item.short : item.full;
    floor = top + item.height + GAP;
  });
}

/** Start; returns ``activate(ref, on)`` (a marker's note grows or shrinks). */
export function setupMargin(article, strings) {
  const wide = window.matchMedia("screen and (min-width: 75em)");
  let margin = null;
  const notes = [];
  let rest = null;

  const build = () => {
    margin = make("div", "latar-margin");
    const first = new Map();
    article.querySelectorAll(MARKER).forEach((ref) => {
      const id = ref.getAttribute("data-latar-note");
      const earlier = first.get(id);
      let content;
      if (earlier) { // said once already: a back-reference, not a second copy
        content = make("p", "latar-margin-see");
        const see = make("a", "latar-margin-see-link", fill(strings.see, { number: numberOf(ref) }));
        see.href = ref.getAttribute("href"); // the endnote, as the marker without JavaScript
        see.tabIndex = -1;
        content.append(make("span", "latar-margin-number", numberOf(ref)), see);
      } else {
        // its phrase is beside it: the title only where it says the finding (a clarification)
        content = contentOf(ref, ref.getAttribute("data-latar-kind") !== "clarification");
        if (!content) return;
        first.set(id, ref);
        content.querySelectorAll("a").forEach((a) => { a.tabIndex = -1; });
        content.prepend(make("span", "latar-margin-number", numberOf(ref)));
      }
      const note = make("aside", earlier ? "latar-margin-note latar-margin-repeat" : "latar-margin-note");
      note.setAttribute("aria-hidden", "true"); // the endnotes say the same to screen readers
      note.setAttribute("data-latar-note", ref.getAttribute("data-latar-note"));
      note.setAttribute("data-latar-kind", ref.getAttribute("data-latar-kind") || "");
      note.append(content);
      refOfNote.set(note, ref);
      noteOfRef.set(ref, note);
      margin.append(note);
      notes.push(note);
    });
    article.append(margin);
  };
  const layout = () => {
    if (!wide.matches) return;
    if (!margin) build();
    const origin = margin.getBoundingClientRect().top;
    const visible = notes.filter((note) => shown(markerOf(note)) && shown(note));
    const activeIndex = visible.findLastIndex((note) => note.classList.contains("latar-active"));
    if (activeIndex === -1 || !rest) {
      visible.forEach((note) => note.classList.remove(BRIEF));
      const full = visible.map((note) => note.offsetHeight);
      visible.forEach((note) => note.classList.add(BRIEF));
      const items = visible.map((note, i) => {
        const rects = phraseOf(markerOf(note)).getClientRects();
        const line = rects[rects.length - 1];
        const lineHeight = parseFloat(getComputedStyle(markerOf(note).closest("p, h1")).lineHeight) || line.height;
        return { note, ideal: line.top - origin, full: full[i], short: note.offsetHeight, lineHeight };
      });
      fit(items);
      items.forEach((item) => item.note.classList.toggle(BRIEF, item.brief));
      if (activeIndex !== -1) items[activeIndex].height = items[activeIndex].note.offsetHeight;
      settle(items);
      rest = items;
    }
    let floor = -Infinity;
    rest.forEach((item, i) => {
      const top = i > activeIndex && activeIndex !== -1 ? Math.max(item.top, floor) : item.top;
      item.note.style.top = `${top}px`;
      floor = top + item.note.offsetHeight + GAP;
    });
  };
  const relayout = () => {
    rest = null;
    layout();
  };
  wide.addEventListener("change", relayout);
  window.addEventListener("resize", relayout);
  window.addEventListener("load", relayout);
  const watched = new ResizeObserver(() => { if (margin) relayout(); });
  article.querySelectorAll(".latar-article-body, .latar-controls").forEach((el) => watched.observe(el));

  return {
    relayout,
    activate(ref, on) {
      const note = noteOf(ref);
      if (!note) return;
      note.classList.toggle("latar-active", on);
      layout();
      // a marker reached by keyboard at the screen's edge: its note (up to REACH lines lower) comes into view too
      if (on && document.activeElement === ref) note.scrollIntoView({ block: "nearest" });
    },
  };
}
