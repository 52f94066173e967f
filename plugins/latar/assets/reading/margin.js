/* latar: margin notes on wide screens. One note beside each marker's line; where they would collide, the least
 * displacement (pooled adjacent violators); an active note grows downwards and pushes the next ones. latar.css
 * makes the room before any script runs; this only fills it (absolutely positioned notes shift nothing). */

import { contentOf, make, numberOf, MARKER, phraseOf, shown } from "./markers.js";

const GAP = 4;
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

/** Start; returns ``activate(ref, on)`` (a marker's note grows or shrinks). */
export function setupMargin(article) {
  const wide = window.matchMedia("screen and (min-width: 100em)");
  let margin = null;
  const notes = [];
  let rest = null;

  const build = () => {
    margin = make("div", "latar-margin");
    article.querySelectorAll(MARKER).forEach((ref) => {
      const content = contentOf(ref, false);
      if (!content) return;
      content.querySelectorAll("a").forEach((a) => { a.tabIndex = -1; });
      content.prepend(make("span", "latar-margin-number", numberOf(ref)));
      const note = make("aside", "latar-margin-note");
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
      const items = visible.map((note) => {
        const rects = phraseOf(markerOf(note)).getClientRects();
        const line = rects[rects.length - 1];
        const lineHeight = parseFloat(getComputedStyle(markerOf(note).closest("p")).lineHeight) || line.height;
        return { note, ideal: line.top - origin, height: note.offsetHeight, lineHeight };
      });
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
    },
  };
}
