/* latar: every coupling to Material for MkDocs' internals, in one file (with the block "Material couplings" at the
 * end of latar.css). Checked against Material 9.8.2; each item names its source file in squidfunk/mkdocs-material,
 * under src/templates/assets/javascripts/. Upgrading Material means reviewing this file; what latar relies on is
 * checked in the reader's browser, and a mismatch is said once, loudly: console.error("latar: Material changed: …").
 * Importable from a worker: nothing here touches the document until a function is called. */

/* The search box. outputs/search.py reads this object as JSON for the inline search boot, which must run before
 * Material's bundle and cannot import: keep it JSON (double quotes, no comments inside, no trailing comma).
 * - form: bundle.ts, `document.forms.namedItem("search") ? fetchSearchIndex() : NEVER` (at load)
 * - config, base, worker: _/index.ts configuration(), the JSON in <script id="__config">; components/search/_/index.ts
 *   mountSearch → setupSearchWorker(config.search) → browser/worker/index.ts `new Worker(url)`, when the bundle loads
 * - input: partials/search.html, the search box's only <input>
 * - messages: integrations/search/worker/message/index.ts, `const enum SearchMessageType {SETUP, READY, QUERY,
 *   RESULT}`, compiled away, so Material can renumber them without any visible change; RESULT's data is
 *   {items: SearchItem[][]}, each item {location, title, text, score, terms} (templates/search/index.tsx); Material
 *   lists the first ten groups and four more each time the reader scrolls to the end (components/search/result) */
export const SEARCH = Object.freeze({
  "form": "search",
  "config": "__config",
  "base": "base",
  "worker": "search",
  "input": "input",
  "messages": {"setup": 0, "ready": 1, "query": 2, "result": 3}
});

/* The search result list (components/search/result/index.ts mountSearchResult: the first ten groups of a RESULT,
 * then four more each time the end of the list comes into view; templates/search/index.tsx renderSearchDocument
 * inserts an item's text as HTML). assets/search/more.js fills in there the snippets of the groups shown later. */
export const SEARCH_RESULT = "[data-md-component=search-result]";

/* The search highlight (bundle.ts mountSearchHiglight on component "content"; integrations/search/highlighter/
 * index.ts writes <mark data-md-highlight>): latar's own highlighter marks the same way, in the same place. */
export const CONTENT = "[data-md-component=content]";
export const HIGHLIGHT = "data-md-highlight";

/* Footnote tooltips (feature "content.footnote.tooltips"). components/content/_/index.ts mounts a tooltip on every
 * .footnote-ref in the content when the document is ready (after latar's modules), from its href alone;
 * templates/tooltip/index.tsx renderTooltip2 draws div.md-tooltip2[role=dialog] > .md-tooltip2__inner.md-typeset;
 * components/tooltip2/index.ts appends it while shown, points the host's aria-controls at it, toggles
 * md-tooltip2--active on the next animation frame, and keeps it while the host or the tooltip is focused or
 * hovered (browser/element/hover: mouseenter and mouseleave). */
const FOOTNOTE_TOOLTIPS = "content.footnote.tooltips";
const HOST = "footnote-ref";
const TOOLTIP = "md-tooltip2";
const ACTIVE = "md-tooltip2--active";

/* Material's public classes, used on what latar builds: typography (.md-typeset) and buttons (.md-button). */
export const TYPESET = "md-typeset";
export const BUTTON = "md-button";
export const PRIMARY_BUTTON = "md-button--primary";

/* The primary navigation (partials/nav.html inside .md-sidebar--primary > .md-sidebar__scrollwrap >
 * .md-sidebar__inner, layout/_sidebar.scss). On an article page from 76.25em latar.css makes it the top of the left
 * margin column, not sticky; reading/margin.js starts the notes of that column below it. */
const NAVIGATION = ".md-sidebar--primary .md-sidebar__inner";

const said = new Set();

/** Say once, loudly, that Material no longer does what latar relies on. */
export function changed(what) {
  if (said.has(what)) return;
  said.add(what);
  console.error(`latar: Material changed: ${what}`);
}

/** The features enabled in Material's page configuration (#__config). */
function features() {
  try {
    return JSON.parse(document.getElementById(SEARCH.config).textContent).features || [];
  } catch {
    changed(`no readable configuration in #${SEARCH.config} (_/index.ts configuration())`);
    return [];
  }
}

/** Make an element a host Material gives the same tooltip as ``ref`` (before Material mounts, i.e. now). */
export function shareTooltip(element, ref) {
  element.href = ref.href;
  element.classList.add(HOST);
}

/** The tooltip Material shows for ``ref`` right now, or null. */
export function openTooltip(ref) {
  const tip = document.getElementById(ref.getAttribute("aria-controls") || "");
  return tip && tip.classList.contains(ACTIVE) ? tip : null;
}

/** Whether ``box`` is one of Material's tooltips. */
export const isTooltip = (box) => box.classList.contains(TOOLTIP);

/** Keep a tooltip open while the keyboard is inside it (Material keeps it while it is hovered), or let it go. */
export function holdTooltip(tip, hold) {
  tip.dispatchEvent(new MouseEvent(hold ? "mouseenter" : "mouseleave"));
}

/** CSS selector of Material's tooltips (latar.css hides them in some states; tests wait for them). */
export const TOOLTIP_SELECTOR = `.${TOOLTIP}`;

/** Check, the first time a marker's tooltip should be open, that Material opened it as latar expects. */
export function checkTooltips(article, markerSelector) {
  if (!features().includes(FOOTNOTE_TOOLTIPS)) return;
  let checked = false;
  const verify = (ref) => {
    if (checked || (document.activeElement !== ref && !ref.matches(":hover"))) return; // moved on: next time
    checked = true;
    const tip = document.getElementById(ref.getAttribute("aria-controls") || "");
    if (!tip) changed(`an open footnote marker has no tooltip named by its aria-controls (components/tooltip2)`);
    else if (!tip.classList.contains(TOOLTIP) || tip.getAttribute("role") !== "dialog") {
      changed(`a footnote tooltip is no longer div.${TOOLTIP}[role=dialog] (templates/tooltip renderTooltip2)`);
    } else if (!tip.classList.contains(ACTIVE)) changed(`an open footnote tooltip lacks .${ACTIVE} (components/tooltip2)`);
  };
  const soon = (event) => {
    const ref = !checked && event.target.closest?.(markerSelector);
    if (!ref) return;
    // after Material's focus debounce and its animation frame; no frame (a hidden tab), no check
    window.setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => verify(ref))), 400);
  };
  article.addEventListener("focusin", soon);
  article.addEventListener("mouseover", soon);
}

/** The box of Material's primary navigation (a sidebar from 76.25em, a drawer below it), or null if it is gone. */
export function navigationBox() {
  const nav = document.querySelector(NAVIGATION);
  if (!nav) {
    changed(`no primary navigation at ${NAVIGATION} (partials/nav.html, layout/_sidebar.scss)`);
    return null;
  }
  return nav.getBoundingClientRect();
}
