/* latar: latar's matching rules, ported from core/anchoring.py (fold, word boundaries, clitics); a Chromium test
 * keeps them equal to Python's. Texts are arrays of code points, as Python's strings are. */

const CLITICS = ["nya", "lah", "kah", "pun"];
const WORD = /^[\p{L}\p{N}]$/u; // Python's str.isalnum(): letters (L*) and numerics (N*)

/** A text as an array of code points. */
export const chars = (text) => Array.from(text);
export const isWord = (ch) => ch !== undefined && WORD.test(ch);

/** fold(): lower case without changing the length, so offsets stay valid. */
export function foldChars(cps) {
  const lowered = chars(cps.join("").toLowerCase());
  if (lowered.length === cps.length) return lowered;
  return cps.map((ch) => {
    const lower = ch.toLowerCase();
    return chars(lower).length === 1 ? lower : ch;
  });
}

/** at_word_boundary(): [start, end) is not part of a longer word; a clitic may follow. */
export function atBoundary(text, start, end) {
  if (start > 0 && isWord(text[start - 1]) && isWord(text[start])) return false;
  if (end >= text.length || !(isWord(text[end]) && isWord(text[end - 1]))) return true;
  const rest = foldChars(text.slice(end, end + 4));
  return CLITICS.some((c) => rest.slice(0, c.length).join("") === c && (rest.length === c.length || !isWord(rest[c.length])));
}

export const same = (a, b) => a.length === b.length && a.join("") === b.join("");

/** Thrown by Budget.spend when the work allowed for one selection is spent. */
export const OVER_BUDGET = new Error("latar: selection too costly to tell apart");

/** A count of character comparisons: one selection may not freeze the tab (a one-letter word, or a long phrase of
 * one-letter words, in a long article once took most of a minute). */
export class Budget {
  constructor(limit) { this.left = limit; }
  spend(amount) {
    this.left -= amount;
    if (this.left < 0) throw OVER_BUDGET;
  }
}

/** Every start where a case-insensitive anchor {phrase, prefix, suffix} matches in one block (Anchorer.hits). */
export function hits(block, phrase, prefix, suffix, budget = null) {
  const found = [];
  const n = phrase.length;
  budget?.spend(block.folded.length);
  for (let i = 0; i + n <= block.folded.length; i++) {
    if (block.folded[i] !== phrase[0]) continue;
    budget?.spend(n);
    if (!same(block.folded.slice(i, i + n), phrase)) continue;
    if (!atBoundary(block.text, i, i + n)) continue;
    if (prefix.length && !same(block.folded.slice(Math.max(0, i - prefix.length), i), prefix)) continue;
    if (suffix.length && !same(block.folded.slice(i + n, i + n + suffix.length), suffix)) continue;
    found.push(i);
  }
  return found;
}

/** fold() on a string (code-point offsets, as Python's). */
export const fold = (text) => foldChars(chars(text)).join("");
/** at_word_boundary() on a string (code-point offsets, as Python's). */
export const atWordBoundary = (text, start, end) => atBoundary(chars(text), start, end);
