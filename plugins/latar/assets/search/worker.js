// latar's search worker (issue #13): answers Material for MkDocs' search worker messages from the Pagefind
// index (Indonesian stemming), started by the search boot (templates/search-boot.js) when the reader opens search.
// Pagefind fetches only the index chunks of the query's words and the fragments of the pages shown, never the
// whole index. Material's protocol (material.js): it sends QUERY {data: text}; we answer READY once, then RESULT
// {data: {items}} per query, items being one array per page: the page first (no "#" in its location), then its
// paragraphs. The boot first sends {latar: words} (strings.py). Titles and snippets are HTML for Material's result
// list: every text is escaped here, only <mark> is added.
import * as pagefind from "../../../pagefind/pagefind.js"; // outputs/search.OUTPUT, beside assets/
import { fill } from "../data.js";
import { SEARCH } from "../material.js";

const { ready: READY, query: QUERY, result: RESULT } = SEARCH.messages;
const PAGES = 10; // pages whose text one query fetches: Material shows ten before the reader scrolls
const PARAGRAPHS = 3; // paragraphs shown under an article; the rest fold under Material's "more"
const WORDS = 28; // words in a snippet
const DEBOUNCE = 200; // ms of quiet before a query runs: typing "menyerang" fetches for it, not for "m", "me", …

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
const bare = (word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();

/** A matched word with its letters marked, not the punctuation around them ("<mark>serangan</mark>;"). */
const mark = (word) => {
  const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
  return core ? `${escape(before)}<mark>${escape(core)}</mark>${escape(after)}` : escape(word);
};

let asked = 0; // queries received; only the newest one is answered
let strings = { paragraph: "{number}" }; // the boot sends the reader's words before any query
const ready = pagefind.init().then(() => postMessage({ type: READY })); // the entry, the page list and the stemmer

/** The window of WORDS words in [from, to) holding the most hits, as escaped HTML with the hits marked. */
function snippet(words, hits, from, to) {
  let best = from;
  let most = -1;
  for (const hit of hits) {
    const count = hits.filter((h) => h >= hit - 3 && h < hit - 3 + WORDS).length;
    if (count > most) [most, best] = [count, hit - 3];
  }
  const start = Math.max(from, Math.min(best, to - WORDS));
  const end = Math.min(to, start + WORDS);
  const marked = new Set(hits);
  const html = [];
  for (let i = start; i < end; i++) html.push(marked.has(i) ? mark(words[i]) : escape(words[i]));
  return `${start > from ? "… " : ""}${html.join(" ")}${end < to ? " …" : ""}`;
}

/** One page's result group for Material: the page, then the paragraphs that hold its hits. */
function group(page, score) {
  const words = page.content.split(/[\r\n\s]+/g); // Pagefind's word positions count these words
  const hits = [...new Set(page.locations)].sort((a, b) => a - b);
  const terms = Object.fromEntries(hits.map((i) => [bare(words[i] || ""), true]).filter(([word]) => word));
  const kind = page.meta.kind ? `<span class="latar-kind">${escape(page.meta.kind)}</span> ` : "";
  const top = { location: page.url, title: kind + escape(page.meta.title || page.url), text: "", score, terms };
  const anchors = (page.anchors || []).filter((a) => a.element === "p" && a.id).sort((a, b) => a.location - b.location);
  const paragraphs = [];
  anchors.forEach((anchor, index) => {
    const end = index + 1 < anchors.length ? anchors[index + 1].location : words.length;
    const inside = hits.filter((h) => h >= anchor.location && h < end);
    if (!inside.length) return;
    const number = anchor.id.match(/(\d+)$/);
    paragraphs.push({
      location: `${page.url}#${anchor.id}`,
      title: number ? escape(fill(strings.paragraph, { number: number[1] })) : escape(anchor.text.split(/\s+/).slice(0, 6).join(" ")),
      text: snippet(words, inside, anchor.location, end),
      count: inside.length,
      terms,
    });
  });
  if (!paragraphs.length) return [{ ...top, text: snippet(words, hits, 0, words.length) }];
  paragraphs.sort((a, b) => b.count - a.count);
  // Material shows the items scored at least as high as the page and folds the rest; Enter opens the highest.
  const items = paragraphs.map(({ count, ...item }, rank) => ({
    ...item,
    score: rank < PARAGRAPHS ? score + (PARAGRAPHS - rank) / 100 : score / 2,
  }));
  return [top, ...items];
}

/** Material's result for one query, or null when a newer query came meanwhile (its answer is the one shown). */
async function answer(query, id) {
  if (!query.trim()) return { items: [] };
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE));
  if (id !== asked) return null;
  const search = await pagefind.search(query);
  if (id !== asked) return null;
  const pages = await Promise.all(search.results.slice(0, PAGES).map((result) => result.data()));
  if (id !== asked) return null;
  // total: every page found; Material counts the items, the search boot says when only the first PAGES are listed
  return { items: pages.map((page, index) => group(page, search.results[index].score)), total: search.results.length };
}

addEventListener("message", async ({ data: message }) => {
  if (message?.latar) strings = message.latar;
  if (message?.type !== QUERY) return; // SETUP never comes: Material has no index to send, by design
  const id = ++asked;
  await ready;
  try {
    const data = await answer(message.data, id);
    if (data) postMessage({ type: RESULT, data });
  } catch (error) {
    console.warn("latar: search failed", error);
    postMessage({ type: RESULT, data: { items: [] } });
  }
});
