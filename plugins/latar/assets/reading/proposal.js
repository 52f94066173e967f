/* latar: the proposal form ("Usulkan catatan", assets/propose/) and its stylesheet load on the reader's first
 * selection in the article, not with the page: most readers never propose. Only where readers can propose (the
 * article names a repository, html/article.py). */

const FORM = "../propose/form.js";
const STYLES = "../propose.css";

/** Wait for a selection inside ``article``'s text, then load the form (which then follows the selection). */
export function proposeOnSelection(article) {
  if (!article.hasAttribute("data-latar-repository")) return;
  const body = article.querySelector(".latar-article-body");
  if (!body) return;
  const first = () => {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount || !selection.getRangeAt(0).intersectsNode(body)) return;
    document.removeEventListener("selectionchange", first);
    const styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = new URL(STYLES, import.meta.url).href;
    const load = () => import(FORM);
    styles.addEventListener("load", load, { once: true });
    styles.addEventListener("error", load, { once: true });
    document.head.append(styles);
  };
  document.addEventListener("selectionchange", first);
}
