/* latar (issue #13): Material's search costs nothing until the reader opens it. Material fetches its whole
   index on every page load when a form is named "search" and starts its worker at once; here the form loses
   that name, and the worker is a stand-in that starts latar's Pagefind worker when the search box is first
   focused (click, "/" or "s", or a ?q= link). Material's search box, keys and result list are unchanged; the
   count says so when only the first pages of a long answer are listed.
   A page opened from a result (?h=words) marks those words, as Material's search.highlight does. */
(() => {
  const form = document.forms.namedItem("search");
  const config = document.getElementById("__config");
  const Native = window.Worker;
  if (!form || !config || !Native) return;
  const { base, search } = JSON.parse(config.textContent);
  form.removeAttribute("name");
  if (new URLSearchParams(location.search).get("h")) import(new URL(`${base}/assets/latar/search-highlight.js`, location.href).href);
  window.Worker = function (url, options) {
    if (String(url) !== search) return new Native(url, options);
    const stub = new EventTarget();
    const queue = [];
    let real = null;
    const start = () => {
      if (real) return;
      real = new Native(new URL(`${base}/assets/latar/search-worker.js`, location.href), { type: "module" });
      real.addEventListener("message", (event) => {
        stub.dispatchEvent(new MessageEvent("message", { data: event.data }));
        const { items, total } = event.data.data || {};
        const meta = document.querySelector("[data-md-component=search-result] > :first-child");
        if (meta && items && total > items.length) meta.textContent = `${items.length} teratas dari ${total} dokumen ditemukan`;
      });
      real.addEventListener("error", (event) => console.warn("latar: search could not start", event.message));
      queue.splice(0).forEach((message) => real.postMessage(message));
    };
    stub.postMessage = (message) => (real ? real.postMessage(message) : queue.push(message));
    stub.terminate = () => real && real.terminate();
    const input = form.querySelector("input");
    input.addEventListener("focus", start, { once: true });
    if (document.activeElement === input) start();
    return stub;
  };
  window.Worker.prototype = Native.prototype;
})();
