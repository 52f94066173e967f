// latar's search worker (issues #13, #24): answers Material for MkDocs' search worker messages from latar's own index
// (outputs/searchindex.py), started by the search boot (templates/search-boot.js) when the reader opens search.
// A query fetches only its keys' shards, the titles of the pages found and the text of the first pages shown;
// Indonesian stemming is stem.js, equal to the build's. Material's protocol (material.js): it sends QUERY {data:
// text}; we answer READY once, then RESULT {data: {items}} per query, items being one array per page (every page
// found, so Material lists them all as the reader scrolls): the page first (no "#" in its location), then its
// paragraphs. The boot first sends {latar: words, here, article}: the reader's words (strings.py) and the page the
// reader is on, whose results come first. Groups after the first TEXTS carry placeholders; more.js asks for their
// snippets ({latar: "more", keys}) when Material lists them. Titles and snippets are HTML for Material's result list: every text is
// escaped here, only <mark> is added.
import { fill } from "../data.js";
import { SEARCH } from "../material.js";
import { keys, tokenize } from "./stem.js";

const { ready: READY, query: QUERY, result: RESULT } = SEARCH.messages;
const ROOT = new URL("../../../", import.meta.url); // assets/latar/search/ → the site's root
const INDEX = new URL("cari/", ROOT); // outputs/searchindex.FOLDER
const TEXTS = 10; // pages shown with a snippet: Material renders ten before the reader scrolls
const PARAGRAPHS = 3; // paragraphs shown under an article; the rest fold under Material's "more"
const WORDS = 28; // words in a snippet
const DEBOUNCE = 200; // ms of quiet before a query runs: typing "menyerang" fetches for it, not for "m", "me", …
const MORE = 0.25; // an article's other matching paragraphs count a quarter of its best one

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** A matched word with its letters marked, not the punctuation around them ("<mark>serangan</mark>;"). */
const mark = (word) => {
  const [, before, core, after] = word.match(/^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u);
  return core ? `${escape(before)}<mark>${escape(core)}</mark>${escape(after)}` : escape(word);
};

let asked = 0; // queries received; only the newest one is answered
let strings = { paragraph: "{number}" }; // the boot sends the reader's words before any query
let here = { path: "", article: "" };
let last = null; // the answer shown: its id, pages and query keys, for the snippets more.js asks for later
const files = new Map();

/** One index file, fetched once. */
function load(name) {
  if (!files.has(name)) {
    files.set(
      name,
      fetch(new URL(name, INDEX)).then((response) => {
        if (!response.ok) throw new Error(`${name}: ${response.status}`);
        return response.json();
      }),
    );
  }
  return files.get(name);
}

const manifest = load("index.json");
manifest.then(() => postMessage({ type: READY }));
const data = async (name) => load(`${(await manifest).build}/${name}`);

/** FNV-1a over the key's code points: outputs/searchindex.shard_of. */
function shardOf(key, shards) {
  let value = 0x811c9dc5;
  for (const char of key) value = Math.imul(value ^ char.codePointAt(0), 0x01000193) >>> 0;
  return value % shards;
}

/** For each query word: page → part → score (the best of the word's keys). */
async function lookup(words) {
  const { shards } = await manifest;
  const needed = [...new Set(words.flat().map((key) => shardOf(key, shards)))];
  const loaded = new Map(await Promise.all(needed.map(async (k) => [k, await data(`t${k}.json`)])));
  return words.map((wordKeys) => {
    const pages = new Map();
    for (const key of wordKeys) {
      const list = loaded.get(shardOf(key, shards))[key] || [];
      let page = 0;
      for (let i = 0; i < list.length; i += 3) {
        page += list[i];
        const parts = pages.get(page) || pages.set(page, new Map()).get(page);
        parts.set(list[i + 1], Math.max(parts.get(list[i + 1]) || 0, list[i + 2]));
      }
    }
    return pages;
  });
}

/** A page's score for one word: the page itself, its best paragraph, a quarter of the others. */
function wordScore(parts) {
  let best = 0;
  let rest = 0;
  for (const [part, score] of parts) {
    if (part === 0) continue;
    rest += score;
    best = Math.max(best, score);
  }
  return (parts.get(0) || 0) + best + MORE * (rest - best);
}

/** The window of WORDS words holding the most hits, as escaped HTML with the hits marked. */
function snippet(text, wanted, found) {
  const words = text.split(/\s+/).filter(Boolean);
  const hits = [];
  words.forEach((word, i) => {
    const matched = tokenize(word).filter((token) => keys(token).some((key) => wanted.has(key)));
    if (matched.length) hits.push(i);
    for (const token of matched) found[token] = true;
  });
  let best = 0;
  let most = -1;
  for (const hit of hits) {
    const count = hits.filter((h) => h >= hit - 3 && h < hit - 3 + WORDS).length;
    if (count > most) [most, best] = [count, hit - 3];
  }
  const start = Math.max(0, Math.min(best, words.length - WORDS));
  const end = Math.min(words.length, start + WORDS);
  const marked = new Set(hits);
  const html = [];
  for (let i = start; i < end; i++) html.push(marked.has(i) ? mark(words[i]) : escape(words[i]));
  return `${start > 0 ? "… " : ""}${html.join(" ")}${end < words.length ? " …" : ""}`;
}

/** Where more.js puts a snippet the worker has not fetched yet: Material renders it as it lists the group. */
const pending = (id, index, part) => `<span data-latar-more="${id}.${index}.${part}"></span>`;

/** One page's snippet: the note's (part 0) or a paragraph's, as escaped HTML. */
const snippetOf = (text, part, wanted, found) =>
  part ? snippet(text.p?.[part - 1] || "", wanted, found) : snippet([text.s, text.b].filter(Boolean).join("\n"), wanted, found);

/** One page's result group for Material: the page, then the paragraphs that hold its hits (best first); without
 * its text (not fetched yet), placeholders for more.js. */
function group(id, index, meta, text, parts, score, wanted, typed, lacks = []) {
  const [url, title, kind, paragraphPrefix] = meta;
  const location = new URL(url, ROOT).href;
  const found = {};
  const top = { location, title: `<span class="latar-kind">${escape(kind)}</span> ${escape(title)}`, text: "", score, terms: found };
  const paragraphs = [...parts.entries()].filter(([part]) => part > 0).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  if (!paragraphPrefix) top.text = text ? snippetOf(text, 0, wanted, found) : pending(id, index, 0);
  const items = paragraphs.map(([part], rank) => ({
    location: `${location}#${paragraphPrefix}${part}`,
    title: escape(fill(strings.paragraph, { number: part })),
    text: text ? snippetOf(text, part, wanted, found) : pending(id, index, part),
    // Material shows the items scored at least as high as the page and folds the rest; Enter opens the highest.
    score: rank < PARAGRAPHS ? score + (PARAGRAPHS - rank) / 100 : score / 2,
    terms: found,
  }));
  if (!Object.keys(found).length) for (const word of typed) if (!lacks.includes(word)) found[word] = true;
  for (const word of lacks) found[word] = false; // Material lists them as missing
  return [top, ...items];
}

/** Material's result for one query, or null when a newer query came meanwhile (its answer is the one shown). */
async function answer(query, id) {
  const typed = [...new Set(tokenize(query))];
  if (!typed.length) return { items: [] };
  await new Promise((resolve) => setTimeout(resolve, DEBOUNCE));
  if (id !== asked) return null;
  const words = typed.map(keys);
  const wanted = new Set(words.flat());
  const perWord = await lookup(words);
  if (id !== asked) return null;
  // every page with any of the words (a page about "Psaki" is an answer to "Jen Psaki"), those with more of them first
  const pages = [...new Set(perWord.flatMap((word) => [...word.keys()]))];
  const scores = new Map();
  const parts = new Map();
  const lacking = new Map(); // page → the words typed it lacks (Material says so under the result)
  for (const page of pages) {
    const merged = new Map();
    let score = 0;
    perWord.forEach((word, i) => {
      const mine = word.get(page);
      if (!mine) return lacking.set(page, [...(lacking.get(page) || []), typed[i]]);
      score += wordScore(mine);
      for (const [part, value] of mine) merged.set(part, (merged.get(part) || 0) + value);
    });
    scores.set(page, score);
    parts.set(page, merged);
  }
  const { chunk } = await manifest;
  const metas = new Map();
  await Promise.all(
    [...new Set(pages.map((page) => Math.floor(page / chunk)))].map(async (k) => {
      (await data(`p${k}.json`)).forEach((meta, i) => metas.set(k * chunk + i, meta));
    }),
  );
  if (id !== asked) return null;
  const current = (page) => {
    const [url, , , , name] = metas.get(page);
    return Number(new URL(url, ROOT).pathname === here.path || Boolean(name && name === here.article));
  };
  const missing = (page) => (lacking.get(page) || []).length;
  pages.sort((a, b) => current(b) - current(a) || missing(a) - missing(b) || scores.get(b) - scores.get(a) || a - b);
  const texts = await Promise.all(pages.slice(0, TEXTS).map((page) => data(`x${page}.json`)));
  if (id !== asked) return null;
  last = { id, pages, wanted };
  return {
    items: pages.map((page, i) => group(id, i, metas.get(page), texts[i], parts.get(page), scores.get(page), wanted, typed, lacking.get(page))),
  };
}

/** The snippets more.js asks for ("answer.group.part"), for the answer shown. */
async function more(keys) {
  const { id, pages, wanted } = last || {};
  const requested = keys.map((key) => key.split(".").map(Number)).filter(([answer, index]) => answer === id && index < pages.length);
  const unique = [...new Set(requested.map(([, index]) => pages[index]))];
  const texts = new Map(await Promise.all(unique.map(async (page) => [page, await data(`x${page}.json`)])));
  const out = {};
  for (const [answer, index, part] of requested) out[`${answer}.${index}.${part}`] = snippetOf(texts.get(pages[index]), part, wanted, {});
  return out;
}

addEventListener("message", async ({ data: message }) => {
  if (message?.latar === "more") {
    more(message.keys).then((texts) => postMessage({ latar: "more", texts }), (error) => console.warn("latar: search failed", error));
    return;
  }
  if (message?.latar) {
    strings = message.latar;
    here = { path: message.here ? new URL(message.here).pathname : "", article: message.article || "" };
  }
  if (message?.type !== QUERY) return; // SETUP never comes: Material has no index to send, by design
  const id = ++asked;
  try {
    await manifest;
    const result = await answer(message.data, id);
    if (result) postMessage({ type: RESULT, data: result });
  } catch (error) {
    console.warn("latar: search failed", error);
    postMessage({ type: RESULT, data: { items: [] } });
  }
});
