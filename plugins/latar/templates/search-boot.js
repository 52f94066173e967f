/* latar (issue #13): Material's search costs nothing until the reader opens it. Material fetches its whole
   index on every page load when a form is named "search" and starts its worker when its bundle loads; here the
   form loses that name, and the worker is a stand-in that starts latar's search worker when the search box is
   first focused (click, "/" or "s", or a ?q= link). Material's search box, keys and result list are unchanged;
   more.js fills in the snippets of the results listed as the reader scrolls.
   A page opened from a result (?h=words)
   marks those words, as Material's search.highlight does.
   Inlined before Material's bundle, so it cannot import: outputs/search.py replaces __LATAR_BOOT__ with
   Material's names from assets/material.js (SEARCH), the reader's words (strings.py) and latar's asset paths.
   What no longer holds is said once, loudly, as material.js does. */
(() => {
  const { material, words, assets } = __LATAR_BOOT__;
  const changed = (what) => console.error(`latar: Material changed: ${what}`);
  const Native = window.Worker;
  if (!Native) return;
  const form = document.forms.namedItem(material.form);
  if (!form) return changed(`no search form named "${material.form}" (bundle.ts): Material would fetch its own index`);
  let config = null;
  try {
    config = JSON.parse(document.getElementById(material.config).textContent);
  } catch {}
  const base = config?.[material.base];
  const search = config?.[material.worker];
  if (typeof base !== "string" || typeof search !== "string") {
    return changed(`no "${material.base}" and "${material.worker}" in #${material.config} (_/index.ts)`);
  }
  form.removeAttribute("name");
  if (new URLSearchParams(location.search).get("h")) import(new URL(`${base}/${assets.highlight}`, location.href).href);
  let asked = false;
  document.addEventListener("DOMContentLoaded", () => {
    if (!asked) changed(`its search did not start a worker from "${material.worker}" (components/search mountSearch)`);
  });
  window.Worker = function (url, options) {
    if (String(url) !== search) return new Native(url, options);
    asked = true;
    const stub = new EventTarget();
    const queue = [];
    let real = null;
    const start = () => {
      if (real) return;
      real = new Native(new URL(`${base}/${assets.worker}`, location.href), { type: "module" });
      real.addEventListener("message", (event) => {
        if (!event.data?.latar) stub.dispatchEvent(new MessageEvent("message", { data: event.data })); // latar's own: more.js
      });
      const more = import(new URL(`${base}/${assets.more}`, location.href).href);
      more.then((module) => module.watch(real)).catch((error) => console.warn("latar: search could not start", error));
      real.addEventListener("error", (event) => console.warn("latar: search could not start", event.message));
      const article = document.querySelector("[data-latar-article]")?.getAttribute("data-latar-article") || "";
      real.postMessage({ latar: words, here: location.href, article }); // the page read now: its results first
      queue.splice(0).forEach((message) => real.postMessage(message));
    };
    stub.postMessage = (message) => (real ? real.postMessage(message) : queue.push(message));
    stub.terminate = () => real && real.terminate();
    const input = form.querySelector(material.input);
    input.addEventListener("focus", start, { once: true });
    if (document.activeElement === input) start();
    return stub;
  };
  window.Worker.prototype = Native.prototype;
})();
