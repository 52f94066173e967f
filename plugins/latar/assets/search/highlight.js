// latar (issue #13): a page opened from a search result (?h=serangan+diserang) marks those words in its content,
// as Material's search.highlight does (Material's own highlighter needs its index, which latar never fetches).
// The words are the forms found in this page, so whole-word matching is enough; loaded only when ?h= is there.
import { changed, CONTENT, HIGHLIGHT } from "../material.js";

const words = new Set((new URLSearchParams(location.search).get("h") || "").toLowerCase().split(/\s+/).filter(Boolean));
const content = document.querySelector(CONTENT);
if (words.size && !content) changed(`no ${CONTENT} to mark the searched words in (bundle.ts mountSearchHiglight)`);
if (words.size && content) {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  for (const node of nodes) {
    const parts = node.data.split(/([\p{L}\p{N}]+)/u);
    if (!parts.some((part, i) => i % 2 && words.has(part.toLowerCase()))) continue;
    const fragment = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i % 2 && words.has(part.toLowerCase())) {
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
