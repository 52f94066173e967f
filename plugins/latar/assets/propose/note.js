/* latar: the note a proposal writes, from the one note template Python gives the page (core/template.py); every
 * step here is that module's, so a note proposed in the browser is byte for byte the note Python writes (a
 * Chromium test compares them). Also the one slug rule (core/slug.py), its parameters from Python. */

import { fill } from "../data.js";

/* Characters YAML reads differently from JSON: C1 controls, U+2028/2029, non-characters (JSON.stringify already
 * escapes lone surrogates). */
const YAML_ONLY = /[\x7f-\x9f\u2028\u2029\ufffe\uffff]/gu;

/** ``value`` as a JSON string, which is also a YAML double-quoted scalar (core/template.quote). */
export const quote = (value) =>
  JSON.stringify(String(value)).replace(YAML_ONLY, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** Fill a parsed template (core/template.render). */
export function render(parts, context) {
  return parts.map((part) => {
    if (typeof part === "string") return part;
    if ("quote" in part) return quote(context[part.quote] ?? "");
    if ("text" in part) return String(context[part.text] ?? "");
    const value = context[part.each];
    if (Array.isArray(value)) return value.map((item) => render(part.parts, { ...context, ...item })).join("");
    return value ? render(part.parts, context) : "";
  }).join("");
}

/** The template's values for ``fields`` (core/template.context): defaults for what is empty, the sources to write. */
export function context(template, fields) {
  const values = {};
  for (const name of ["phrase", "kind", "title", "summary", "prefix", "suffix", "article"]) values[name] = fields[name] || "";
  values.reason = "";
  for (const [name, text] of Object.entries(template.defaults)) values[name] ||= fill(text, values);
  const { https, source, not_https: notHttps, placeholders } = template.sources;
  const valid = new RegExp(`^(?:${https})$`);
  const sources = (fields.sources || []).map((url, index) =>
    valid.test(url)
      ? { ...source, url }
      : { ...placeholders[Math.min(index, placeholders.length - 1)], title: fill(notHttps, { url }) });
  sources.push(...placeholders.slice(sources.length));
  values.sources = sources.map((s) => ({ ...s, accessed: fields.accessed }));
  return values;
}

/** A new note's file (core/template.note_text). */
export const noteText = (template, fields) => render(template.parts, context(template, fields));

/** A safe id for any text (core/slug.slug): NFKD, non-ASCII dropped, lower case, runs of others → "-", at most ``limit``. */
export function slug(text, { limit, fallback }) {
  const ascii = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
  const s = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, limit).replace(/-+$/, "");
  return s || fallback;
}
