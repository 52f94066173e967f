/* Indonesian stemming for latar's search, equal to what outputs/searchterms.py does at build time (a Chromium-free
 * node test, tests/test_search_index.py, compares the two over every word of the seeds and notes).
 *
 * stem() is a port of the Snowball Indonesian stemmer (indonesian.sbl, as Snowball 3.1.1 generates it for the
 * Python package snowballstemmer), under its licence:
 *
 * Copyright (c) 2001, Dr Martin Porter
 * Copyright (c) 2004,2005, Richard Boulton
 * Copyright (c) 2013, Yoshiki Shibukawa
 * Copyright (c) 2006-2025, Olly Betts
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without modification, are permitted provided that the
 * following conditions are met:
 *   1. Redistributions of source code must retain the above copyright notice, this list of conditions and the
 *      following disclaimer.
 *   2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the
 *      following disclaimer in the documentation and/or other materials provided with the distribution.
 *   3. Neither the name of the Snowball project nor the names of its contributors may be used to endorse or promote
 *      products derived from this software without specific prior written permission.
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES,
 * INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT OWNER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
 * SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
 * WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE
 * USE OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */

const isVowel = (c) => c === "a" || c === "e" || c === "i" || c === "o" || c === "u";
const FIRST = /^(meng|mem|men|me|peng|pem|pen|di|ke|ter)/;

/** The -an/-kan/-i suffix removed from ``w`` (not before ``limit``), or null. */
function removeSuffix(w, limit, prefix) {
  if (w.endsWith("an") && w.length - 2 >= limit) {
    let at = w.length - 2;
    if (prefix !== 3 && prefix !== 2 && at > limit && w[at - 1] === "k") at -= 1;
    else if (prefix === 1) return null;
    return w.slice(0, at);
  }
  if (w.endsWith("i") && w.length - 1 >= limit) {
    if (prefix > 2 || (w.length - 1 > limit && w[w.length - 2] === "s")) return null;
    return w.slice(0, -1);
  }
  return null;
}

/** The be-/pe- prefix removed at ``at``, with the prefix kind it sets, or null. */
function removeSecond(w, at, prefix) {
  const two = w.slice(at, at + 2);
  if (two !== "pe" && two !== "be") return null;
  const next = w[at + 2];
  let end = at + 2;
  if (next === "r" || (next === "l" && w.startsWith("ajar", at + 3))) end = at + 3;
  else if (two === "be" && !(next !== undefined && !isVowel(next) && w.startsWith("er", at + 3))) return null;
  const kind = two === "be" ? 4 : next === "l" && end === at + 3 ? prefix : 2;
  return { w: w.slice(0, at) + w.slice(end), prefix: kind };
}

/** Snowball's Indonesian stem of a lowercase word. */
export function stem(word) {
  let w = word;
  let measure = 0;
  for (const c of w) if (isVowel(c)) measure++;
  if (measure <= 2) return w;
  if (/(kah|lah|pun)$/.test(w)) [w, measure] = [w.slice(0, -3), measure - 1];
  if (measure <= 2) return w;
  if (/(nya|ku|mu)$/.test(w)) [w, measure] = [w.slice(0, w.endsWith("nya") ? -3 : -2), measure - 1];
  if (measure <= 2) return w;
  const first = w.match(FIRST);
  if (first) {
    const p = first[1];
    const rest = w.slice(p.length);
    let prefix = p === "ke" || p === "peng" || p === "pen" || p === "pem" ? 3 : 1;
    let cursor = 0;
    if ((p === "men" || p === "pen") && rest[0] === "y" && isVowel(rest[1])) [w, cursor] = ["s" + rest.slice(1), 1];
    else if ((p === "mem" || p === "pem") && isVowel(rest[0])) [w, cursor] = ["p" + rest, 1];
    else w = rest;
    measure--;
    if (measure <= 2) return w;
    const cut = removeSuffix(w, cursor, prefix);
    if (cut === null) return w;
    [w, measure] = [cut, measure - 1];
    if (measure <= 2) return w;
    const second = removeSecond(w, cursor, prefix);
    return second ? second.w : w;
  }
  let prefix = 0;
  const second = removeSecond(w, 0, prefix);
  if (second) [w, prefix, measure] = [second.w, second.prefix, measure - 1];
  if (measure <= 2) return w;
  return removeSuffix(w, 0, prefix) ?? w;
}

const PREFIXES = [
  [["meng", "peng"], "k"],
  [["men", "pen"], "t"],
  [["ber", "per"], "r"],
];
const PLAIN = ["ber", "per", "ter", "di", "ke", "se"];

/** The index keys of a lowercase word: its stem, the stem of the stem, and the roots a nasal or r-dropping prefix
 * may have hidden (menarik: arik and tarik; mengerahkan: erah and kerah; berunding: unding and runding; menyatakan:
 * sata and nyata); a word the stemmer cut only a -ku/-mu from (bertemu → berte) also gives the word without its
 * prefix (temu). The same rules as outputs/searchterms.py keys(). */
export function keys(word) {
  const s = stem(word);
  const out = [s];
  const add = (key) => key && !out.includes(key) && out.push(key);
  add(stem(s));
  for (const [prefixes, lead] of PREFIXES) {
    const p = prefixes.find((q) => word.startsWith(q) && isVowel(word[q.length] || "") && word.startsWith(s, q.length));
    if (p) add(lead + s);
  }
  if ((word.startsWith("meny") || word.startsWith("peny")) && isVowel(word[4] || "") && s[0] === "s" && word.startsWith(s.slice(1), 4)) {
    add("ny" + s.slice(1));
  }
  if ((word.endsWith("ku") || word.endsWith("mu")) && s === word.slice(0, -2)) {
    const p = PLAIN.find((q) => word.startsWith(q) && word.length > q.length + 2);
    if (p) add(word.slice(p.length));
  }
  return out;
}

/** A text's words as the index holds them: NFKC, lowercase, runs of letters and digits. */
export const tokenize = (text) => text.normalize("NFKC").toLowerCase().match(/[\p{L}\p{N}]+/gu) || [];
