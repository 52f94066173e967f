// latar (issue #24): snippets for the results Material lists as the reader scrolls. The worker sends every page
// found, but fetches the text of the first ones only (bytes); the others carry an empty placeholder,
// <span data-latar-more="answer.group.part">. When Material renders such a group (four at a time, as the end of the
// list comes into view), this asks the worker for those texts and puts them in place. Started by the search boot
// with the worker; the messages between the two carry {latar: "more"} and never reach Material.
import { changed, SEARCH_RESULT } from "../material.js";

const PENDING = "data-latar-more";

/** Watch Material's result list for placeholders; ask ``worker`` for their texts. */
export function watch(worker) {
  const root = document.querySelector(SEARCH_RESULT);
  if (!root) return changed(`no search result list at "${SEARCH_RESULT}" (components/search/result)`);
  const asked = new Set();
  let soon = 0;
  const ask = () => {
    soon = 0;
    const keys = [...root.querySelectorAll(`[${PENDING}]`)].map((el) => el.getAttribute(PENDING)).filter((key) => !asked.has(key));
    if (!keys.length) return;
    keys.forEach((key) => asked.add(key));
    worker.postMessage({ latar: "more", keys });
  };
  new MutationObserver(() => (soon ||= requestAnimationFrame(ask))).observe(root, { childList: true, subtree: true });
  worker.addEventListener("message", ({ data }) => {
    if (data?.latar !== "more") return;
    for (const [key, html] of Object.entries(data.texts)) {
      for (const el of root.querySelectorAll(`[${PENDING}="${CSS.escape(key)}"]`)) el.outerHTML = html;
    }
  });
}
