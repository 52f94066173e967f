/* latar: progressive enhancement of the article's footnotes. Without JavaScript every marker is a plain link to
 * its endnote and back, and the marker filter works (CSS). With it: the phrase shows its note like its marker
 * (markers.js); Tab enters an open note and Esc leaves it (keyboard.js); a tap opens a bottom sheet (sheet.js);
 * wide screens get margin notes beside their lines (margin.js); the filter is remembered (filter.js); a note's
 * link carries the marker it was opened from, and the note's page shows the way back to it (from.js); the proposal
 * form loads on the first selection (proposal.js). */

import { pageData } from "../data.js";
import { checkTooltips } from "../material.js";
import { rememberFilter } from "./filter.js";
import { passMarker, showWayBack } from "./from.js";
import { proposeOnSelection } from "./proposal.js";
import { setupKeyboard } from "./keyboard.js";
import { setupMargin, markerOf as marginMarker, noteOf } from "./margin.js";
import { highlight, linkPhrases, MARKER, markerOf, PHRASE } from "./markers.js";
import { setupSheet } from "./sheet.js";

const article = document.querySelector(".latar-article");
if (article) start(article);
const wayBack = document.querySelector(".latar-back");
if (wayBack) showWayBack(wayBack);

function start(article) {
  const strings = pageData("reading");
  checkTooltips(article, MARKER);
  const margin = setupMargin(article, strings);
  const sheet = setupSheet(article, strings, { dismiss: (ref) => keyboard.dismiss(ref) });
  const keyboard = setupKeyboard({ refFor, noteOf, sheet });

  /** Which marker an element belongs to: the marker, its phrase, its margin note, its open note or endnote. */
  function refFor(target) {
    if (!target?.closest) return null;
    const entered = keyboard.refInside(target);
    if (entered) return entered;
    const el = target.closest(`.latar-article a.footnote-ref, ${PHRASE}, .latar-margin-note, .latar-footnotes li`);
    if (!el) return null;
    if (el.classList.contains("latar-anchor")) return markerOf(el);
    if (el.classList.contains("footnote-ref")) return el;
    if (el.classList.contains("latar-margin-note")) return marginMarker(el);
    return article.querySelector(`${MARKER}[href="#${el.id}"]`);
  }

  highlight(refFor, margin.activate);
  passMarker(article, refFor);
  linkPhrases(article, sheet.tap);
  rememberFilter(article);
  proposeOnSelection(article);
  margin.relayout();
}
