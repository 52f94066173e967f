/* latar: margin notes on wide screens (from 75em, latar.css "Margin notes on wide screens"), in two columns, one each
 * side of the text, as Gwern.net's sidenotes. Beside each marker's line, each note's full summary with its kind,
 * unclamped; a repeated note is a short back-reference ("lihat catatan 5") to its first one. Each note goes to a
 * column, whole or as its first line: as many whole as can stand from RISE lines above their line to REACH below,
 * each as close to it as can be (fit); then, in each column, the least displacement (pooled adjacent violators). An
 * active note is raised and pushes the next ones in its column down, never covering them. latar.css makes the room
 * before any script runs (the columns, and room above the paragraphs after a crowded stretch: html/room.py); this
 * only fills it (absolutely positioned notes shift nothing). */

import { fill } from "../data.js";
import { navigationBox } from "../material.js";
import { contentOf, make, numberOf, MARKER, phraseOf, shown } from "./markers.js";

const GAP = 4;
const BRIEF = "latar-margin-brief";
const REACH = 2.9; // lines a note may stand below its own line and still be read as beside it (the measure's limit: 3)
const RISE = 1.9; // lines a note may stand above its own line where the ones after it need the room (html/room.py: 1.2)
const WAYS = 48; // partial layouts fit() keeps: more finds a few more whole notes, slowly
const NARROWEST = 120; // px: a column narrower than this takes no notes
const BELOW_NAV = 16; // px between the navigation at the top of the left column and the first note under it
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
  let floor = items.length ? items[0].floor ?? -Infinity : -Infinity;
  for (const block of blocks) {
    block.items.forEach((it, i) => { // never more than RISE lines above its line, never above the column's floor
      it.top = Math.max(block.top + block.offsets[i], it.ideal - RISE * it.lineHeight, floor);
      floor = it.top + it.height + GAP;
    });
  }
  let ceiling = Infinity; // and never lower than fit() found room for it (``item.reach``), the ones above it raised
  for (const it of [...items].reverse()) {
    it.top = Math.min(it.top, it.reach ?? Infinity, ceiling - it.height - GAP);
    ceiling = it.top;
  }
}

/** Each note's column and whether it shows whole (sets ``item.column``, ``item.brief``, ``item.height``, ``item.floor``,
 * ``item.reach``: the lowest it may then stand). ``item.full[c]`` and ``item.short[c]`` are its heights in column
 * ``c``, whole and as its first line; ``floors[c]`` is the highest a note may stand in column ``c``. Notes are placed
 * in reading order, each ``RISE`` lines above its line or below the one before it in its column; of the ways to do
 * so, the one with the fewest notes more than ``REACH`` lines below their line, then the most notes whole, then the
 * least displacement (a beam search over the two columns: the ``WAYS`` best partial ways are kept, and one kept way
 * that is no worse in any column drops another). A note that is not whole shows its first line, and opens whole
 * when its marker or phrase is active. */
export function fit(items, floors) {
  let ways = [{ at: [...floors], far: 0, whole: 0, cost: 0, path: null }];
  for (const item of items) {
    // beyond every column's last note, the ways differ only in their score: keep the best one
    if (ways.every((way) => way.at.every((floor) => floor <= item.ideal))) ways = [ways[0]];
    const next = [];
    for (const way of ways) {
      floors.forEach((_, c) => {
        const top = Math.max(item.ideal - RISE * item.lineHeight, way.at[c]);
        for (const brief of item.short[c] < item.full[c] ? [false, true] : [false]) {
          const at = [...way.at];
          at[c] = top + (brief ? item.short[c] : item.full[c]) + GAP;
          const far = way.far + (top > item.ideal + REACH * item.lineHeight ? 1 : 0);
          next.push({ at, far, whole: way.whole + (brief ? 0 : 1), cost: way.cost + Math.abs(top - item.ideal), path: { c, brief, top, before: way.path } });
        }
      });
    }
    next.sort((a, b) => a.far - b.far || b.whole - a.whole || a.cost - b.cost);
    ways = [];
    for (const way of next) {
      const better = (kept) => kept.far <= way.far && kept.whole >= way.whole && kept.at.every((floor, c) => floor <= way.at[c] + 0.5);
      if (ways.some(better)) continue;
      ways.push(way);
      if (ways.length === WAYS) break;
    }
  }
  for (let path = ways[0].path, i = items.length - 1; path; path = path.before, i--) {
    const item = items[i];
    Object.assign(item, { column: path.c, brief: path.brief, floor: floors[path.c], reach: Math.max(path.top, item.ideal + REACH * item.lineHeight) });
    item.height = path.brief ? item.short[path.c] : item.full[path.c];
  }
}

/** Start; returns ``activate(ref, on)`` (a marker's note grows or shrinks). */
export function setupMargin(article, strings) {
  const wide = window.matchMedia("screen and (min-width: 75em)");
  let columns = null; // the right column, then the left one (latar.css)
  const notes = [];
  let rest = null;

  const build = () => {
    columns = [make("div", "latar-margin"), make("div", "latar-margin latar-margin-left")];
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
      columns[0].append(note);
      notes.push(note);
    });
    article.append(...columns);
  };

  /** The columns that take notes now (the right one always), each with its width and floor. */
  const usable = (origin) => {
    const width = document.documentElement.clientWidth;
    return columns.flatMap((el, c) => {
      const box = el.getBoundingClientRect();
      if (c > 0 && (box.width < NARROWEST || box.left < -0.5 || box.right > width + 0.5)) return [];
      let floor = -Infinity;
      const nav = c > 0 ? navigationBox() : null; // the navigation at the top of the left column: notes start below it
      if (nav && nav.height > 0 && nav.right > box.left && nav.left < box.right) floor = nav.bottom - origin + BELOW_NAV;
      return [{ el, width: box.width, floor }];
    });
  };

  /** Each note's height whole and as its first line, in each column (measured once for columns as wide). */
  const measure = (visible, used) => {
    const sizes = visible.map(() => ({ full: [], short: [] }));
    used.forEach((column, c) => {
      const same = used.findIndex((other, k) => k < c && Math.abs(other.width - column.width) < 0.5);
      if (same !== -1) {
        sizes.forEach((size) => { size.full[c] = size.full[same]; size.short[c] = size.short[same]; });
        return;
      }
      visible.forEach((note) => column.el.append(note));
      visible.forEach((note) => note.classList.remove(BRIEF));
      visible.forEach((note, i) => { sizes[i].full[c] = note.offsetHeight; });
      visible.forEach((note) => note.classList.add(BRIEF));
      visible.forEach((note, i) => { sizes[i].short[c] = note.offsetHeight; });
    });
    return sizes;
  };

  /** Columns, whole or first line, and places at rest of the visible notes. */
  const arrange = (visible) => {
    const origin = columns[0].getBoundingClientRect().top; // both columns start at the article's top
    const used = usable(origin);
    const sizes = measure(visible, used);
    const items = visible.map((note, i) => {
      const rects = phraseOf(markerOf(note)).getClientRects();
      const line = rects[rects.length - 1];
      const lineHeight = parseFloat(getComputedStyle(markerOf(note).closest("p, h1")).lineHeight) || line.height;
      return { note, ideal: line.top - origin, full: sizes[i].full, short: sizes[i].short, lineHeight };
    });
    fit(items, used.map((column) => column.floor));
    items.forEach((item) => {
      item.el = used[item.column].el;
      item.note.classList.toggle(BRIEF, item.brief);
      if (item.note.parentNode !== item.el) item.el.append(item.note);
    });
    used.forEach((_, c) => settle(items.filter((item) => item.column === c)));
    return items;
  };

  const layout = () => {
    if (!wide.matches) return;
    if (!columns) build();
    const visible = notes.filter((note) => shown(markerOf(note)) && shown(note));
    if (!rest || rest.length !== visible.length || rest.some((item, i) => item.note !== visible[i])) rest = arrange(visible);
    const active = rest.findLastIndex((item) => item.note.classList.contains("latar-active"));
    const grown = active === -1 ? 0 : rest[active].note.offsetHeight; // a note at rest keeps the height it was given
    const floors = new Map();
    rest.forEach((item, i) => {
      const top = active !== -1 && i > active ? Math.max(item.top, floors.get(item.el) ?? -Infinity) : item.top;
      item.note.style.top = `${top}px`;
      floors.set(item.el, top + (i === active ? grown : item.height) + GAP);
    });
  };
  const relayout = () => {
    rest = null;
    layout();
  };
  wide.addEventListener("change", relayout);
  window.addEventListener("resize", relayout);
  window.addEventListener("load", relayout);
  const watched = new ResizeObserver(() => { if (columns) relayout(); });
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
