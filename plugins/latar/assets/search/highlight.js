// latar (issues #13, #24): a page opened from a search result (?h=serangan+diserang) marks those words in its
// content, as Material's search.highlight does (Material's own highlighter needs its index, which latar never
// fetches): every word sharing a key with them (stem.js: serangan marks menyerang too). Loaded only when ?h= is there.
import { changed, CONTENT, HIGHLIGHT } from "../material.js";
import { keys, tokenize } from "./stem.js";

const wanted = new Set(tokenize(new URLSearchParams(location.search).get("h") || "").flatMap(keys));
const matches = (word) => tokenize(word).some((token) => keys(token).some((key) => wanted.has(key)));
const content = document.querySelector(CONTENT);
if (wanted.size && !content) changed(`no ${CONTENT} to mark the searched words in (bundle.ts mountSearchHiglight)`);
if (wanted.size && content) {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) {
    const parts = node.data.split(/([\p{L}\p{N}]+)/u);
    if (!parts.some((part, i) => i % 2 && matches(part))) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2 && matches(part)) {
        const mark = document.createElement("mark");
        mark.setAttribute(HIGHLIGHT, "");
        mark.textContent = part;
        fragment.append(mark);
      } else if (part) {
        fragment.append(part);
      }
    });
    node.replaceWith(fragment);
  }
}
