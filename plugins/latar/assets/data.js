/* latar: what Python gives the page: one JSON data island, <script type="application/json" id="latar-data">
 * (html/clientdata.py), holding every word the scripts show (strings.py) and the proposal form's rules. */

const ISLAND = "latar-data";
let island = null;

/** One section of the page's data ("reading", "propose"); an error if latar did not write it. */
export function pageData(section) {
  island ??= JSON.parse(document.getElementById(ISLAND)?.textContent || "{}");
  if (!(section in island)) console.error(`latar: the page has no "${section}" data in <script id="${ISLAND}">`);
  return island[section] || {};
}

/** ``{name}`` in ``text`` replaced by ``values[name]``; unknown names are left as they are (core/template.fill). */
export const fill = (text, values) => text.replace(/\{([a-z_]+)\}/g, (all, name) => (Object.hasOwn(values, name) ? String(values[name]) : all));
