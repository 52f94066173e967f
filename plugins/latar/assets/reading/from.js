/* latar: the way back from a note's page to the paragraph the reader came from. The note page holds one way back
 * per placement, the first shown (that is all there is without JavaScript); on an article, a note's link
 * ("Selengkapnya") the reader follows carries the marker it was opened from, ?dari=<article>/<marker id>, and the
 * note page shows the way back with that name. Nothing from the address is written into the page. */

/** On an article: give each note link the reader activates the marker its note was opened from. */
export function passMarker(article, refFor) {
  let last = null; // the marker last pointed at, focused or tapped: its tooltip or sheet holds the link
  const remember = (event) => {
    const ref = refFor(event.target);
    if (ref && !event.target.closest?.("a.latar-more")) last = ref;
  };
  const mark = (event) => {
    const link = event.target.closest?.("a.latar-more");
    if (!link) return;
    const ref = link.closest(".latar-margin-note") ? refFor(link) : last;
    const url = new URL(link.href, location.href);
    const note = ref?.getAttribute("data-latar-note");
    if (!note || !url.pathname.replace(/index\.html$/, "").endsWith(`/${note}/`) || !ref.parentNode.id) return;
    url.searchParams.set("dari", `${article.getAttribute("data-latar-article")}/${ref.parentNode.id}`);
    link.href = url.href;
  };
  for (const type of ["mouseover", "focusin", "click"]) document.addEventListener(type, remember, true);
  for (const type of ["pointerdown", "focusin", "click", "contextmenu"]) document.addEventListener(type, mark, true);
}

/** On a note's page: show the way back the address names (``?dari=``), if the page has it. */
export function showWayBack(nav) {
  const from = new URLSearchParams(location.search).get("dari");
  const links = [...nav.querySelectorAll("a[data-latar-from]")];
  const chosen = from && links.find((a) => a.getAttribute("data-latar-from") === from);
  if (!chosen) return;
  for (const link of links) link.hidden = link !== chosen;
}
