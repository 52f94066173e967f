/* latar: what a text selection in the article would propose. The anchor is a W3C TextQuoteSelector computed with
 * latar's own matching rules (rules.js), with the shortest prefix/suffix that makes the phrase unique in the
 * article, so the proposal attaches to the selected occurrence and no other. */

import { fill } from "../data.js";
import { atBoundary, Budget, chars, foldChars, hits, isWord, OVER_BUDGET, same } from "./rules.js";

/* ---- The article as latar sees it: one block per paragraph, markers left out. ---- */
function excluded(node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!el?.closest("sup.latar-ref, .latar-propose-control");
}
function textNodes(p) {
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const list = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!excluded(n)) list.push(n);
  return list;
}
const paragraphText = (p) => textNodes(p).map((n) => n.data).join("");
/** Offset (UTF-16) in the paragraph's text of a DOM boundary point. */
function offsetIn(p, container, offset) {
  const point = document.createRange();
  point.setStart(container, offset);
  let total = 0;
  for (const n of textNodes(p)) {
    if (n === container) return total + offset;
    if (point.comparePoint(n, n.length) >= 0) return total; // this node ends at or after the point
    total += n.length;
  }
  return total;
}
const paragraphs = (body) => [...body.querySelectorAll("p")].filter((p) => !p.closest(".latar-skip"));
function blocks(body) {
  return paragraphs(body).map((p) => {
    const text = chars(paragraphText(p));
    return { p, text, folded: foldChars(text) };
  });
}
const cpIndex = (text16, offset16) => chars(text16.slice(0, offset16)).length;

/* Candidate prefixes (growing word by word, back to the paragraph start) and suffixes. */
function prefixes(text, start, longest) {
  const list = [0];
  for (let i = start - 1; i >= 0; i--) {
    if (isWord(text[i]) && !isWord(text[i - 1])) list.push(start - i);
  }
  if (list[list.length - 1] !== start) list.push(start);
  return list.filter((len) => len <= longest);
}
function suffixes(text, end, longest) {
  const list = [0];
  for (let i = end + 1; i <= text.length; i++) {
    if (isWord(text[i - 1]) && !isWord(text[i])) list.push(i - end);
  }
  if (list[list.length - 1] !== text.length - end) list.push(text.length - end);
  return list.filter((len) => len <= longest);
}

/** At most this many character comparisons for one selection (a fraction of a second); past it, the reader is asked
 * for a longer phrase. */
const WORK_BUDGET = 2e7;

/** The shortest context that makes the phrase at (block, start, end) match there and nowhere else in the article,
 * or null (also when telling it apart would cost more than WORK_BUDGET). */
function uniqueContext(all, index, start, end, longest) {
  try {
    return tellApart(all, index, start, end, longest, new Budget(WORK_BUDGET));
  } catch (error) {
    if (error === OVER_BUDGET) return null;
    throw error;
  }
}

function tellApart(all, index, start, end, longest, budget) {
  const block = all[index];
  const phrase = block.folded.slice(start, end);
  const candidates = []; // every place the phrase alone matches: the context only has to rule these out
  all.forEach((b, i) => hits(b, phrase, [], [], budget).forEach((at) => candidates.push([b, at, i === index && at === start])));
  const options = [];
  const pre = prefixes(block.text, start, longest);
  const suf = suffixes(block.text, end, longest);
  pre.forEach((a, i) => suf.forEach((b, j) => options.push([i + j, a + b, a, b])));
  options.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [, , before, after] of options) {
    budget.spend(candidates.length * (1 + before + after));
    const prefix = block.folded.slice(start - before, start);
    const suffix = block.folded.slice(end, end + after);
    const matching = candidates.filter(([{ folded }, at]) =>
      (!prefix.length || same(folded.slice(Math.max(0, at - prefix.length), at), prefix)) &&
      (!suffix.length || same(folded.slice(at + phrase.length, at + phrase.length + suffix.length), suffix)));
    if (matching.length === 1 && matching[0][2]) {
      return { prefix: block.text.slice(start - before, start).join(""), suffix: block.text.slice(end, end + after).join("") };
    }
  }
  return null;
}

/** The article paragraph holding ``node``, or null. */
export function closestParagraph(body, node) {
  const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const p = el?.closest("p");
  return p && body.contains(p) && !p.closest(".latar-skip") ? p : null;
}

function anchoredSpans(p, text16) {
  return [...p.querySelectorAll(".latar-anchor")].map((span) => {
    const first = textNodes(span)[0];
    const start16 = first ? offsetIn(p, first, 0) : 0;
    const phrase = paragraphText(span);
    return { start: cpIndex(text16, start16), end: cpIndex(text16, start16 + phrase.length), phrase };
  });
}

/** What ``range`` would propose ({phrase, prefix, suffix, paragraph}), why it cannot ({phrase?, error}), or null.
 * ``propose``: the page's proposal data (max_quote, strings). */
export function analyse(body, range, { max_quote: longest, strings }) {
  const startP = closestParagraph(body, range.startContainer);
  const endP = closestParagraph(body, range.endContainer);
  if (!startP && !endP) return null;
  const p = startP || endP;
  const text16 = paragraphText(p);
  const start16 = startP ? offsetIn(p, range.startContainer, range.startOffset) : 0;
  const end16 = endP === p ? offsetIn(p, range.endContainer, range.endOffset) : text16.length;
  if (startP !== endP) {
    // A triple click ends the range at the start of the next paragraph: that is still one paragraph.
    const spills = startP && endP && offsetIn(endP, range.endContainer, range.endOffset) === 0;
    if (!spills) return { error: strings.error_paragraphs };
  }
  const all = blocks(body);
  const index = all.findIndex((b) => b.p === p);
  const { text } = all[index];
  let start = cpIndex(text16, start16);
  let end = cpIndex(text16, end16);
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  if (start >= end) return null;
  // Snap to whole words, the way latar matches (a clitic may stay outside).
  while (start > 0 && isWord(text[start - 1]) && isWord(text[start])) start--;
  while (!atBoundary(text, start, end)) end++;
  const phrase = text.slice(start, end).join("");
  const overlap = anchoredSpans(p, text16).find((s) => s.start < end && start < s.end);
  if (overlap) return { phrase, error: fill(strings.error_overlap, { phrase: overlap.phrase }) };
  if (end - start > longest) return { phrase, error: fill(strings.error_too_long, { max: longest }) };
  const context = uniqueContext(all, index, start, end, longest);
  if (!context) return { phrase, error: strings.error_ambiguous };
  return { phrase, prefix: context.prefix, suffix: context.suffix, paragraph: p };
}
