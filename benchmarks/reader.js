// Probes for `make reader` (benchmarks/reader.py), installed in every page as window.__readerProbes.
// They read the page as a reader's browser lays it out: rectangles, Range rects, computed styles,
// PerformanceObserver. Nothing here knows latar's code; selectors come from reader.py's options.
(() => {
  const CLOSING = /[.,;:!?)\]}»”’…%]/;
  const squash = (text) =>
    String(text).replace(/[\u201c\u201d\u201e]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, " ").trim();

  // Layout shifts from the start of the page: every entry, so CLS can be computed on load and later.
  const shifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.hadRecentInput) continue;
        shifts.push({
          time: entry.startTime,
          value: entry.value,
          sources: (entry.sources || []).map((s) => describe(s.node)).filter(Boolean),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch (error) {
    shifts.unsupported = String(error);
  }

  function describe(node) {
    if (!node || node.nodeType !== 1) return node && node.nodeType === 3 ? "#text" : null;
    const classes = [...node.classList].slice(0, 2).map((c) => "." + c).join("");
    return node.localName + (node.id ? "#" + node.id : "") + classes;
  }

  /** CLS as Chrome defines it: the largest session window (gaps < 1 s, windows ≤ 5 s), and the plain sum. */
  function layoutShift() {
    let best = 0;
    let current = 0;
    let start = -Infinity;
    let last = -Infinity;
    for (const s of shifts) {
      if (s.time - last > 1000 || s.time - start > 5000) {
        current = 0;
        start = s.time;
      }
      current += s.value;
      last = s.time;
      best = Math.max(best, current);
    }
    const sources = {};
    for (const s of shifts) for (const name of s.sources) sources[name] = (sources[name] || 0) + s.value;
    return { cls: best, sum: shifts.reduce((a, s) => a + s.value, 0), count: shifts.length, sources };
  }

  const range = document.createRange();
  function rectsOf(node, start, end) {
    range.setStart(node, start);
    range.setEnd(node, end);
    return range.getClientRects();
  }
  function charRect(node, index) {
    const rects = rectsOf(node, index, index + 1);
    return rects.length ? rects[0] : null;
  }
  /** Text nodes of ``root`` a reader sees (not in hidden or screen-reader-only elements). */
  function textNodes(root) {
    const nodes = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const parent = node.parentElement;
      if (!/\S/.test(node.data) || !parent || !parent.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const box = parent.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      nodes.push(node);
    }
    return nodes;
  }
  const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, dd, dt, td, th, figcaption, div, section, aside";

  /** Every line start in the elements matched by ``selector``: the first visible character of each line. */
  function lineStarts(selector) {
    const started = performance.now();
    const bad = [];
    let lines = 0;
    for (const root of document.querySelectorAll(selector)) {
      let previous = null;
      let block = null;
      for (const node of textNodes(root)) {
        const text = node.data;
        const first = text.search(/\S/);
        const firstRect = charRect(node, first);
        if (!firstRect) continue;
        const here = node.parentElement.closest(BLOCKS);
        const starts = [];
        if (here !== block || !previous || (firstRect.top + firstRect.bottom) / 2 > previous.bottom) starts.push(first);
        block = here;
        // Further lines inside this node: the smallest offset whose prefix spans one more line (binary search).
        const tops = new Set();
        for (const r of rectsOf(node, first, text.length)) if (r.width > 0 || r.height > 0) tops.add(Math.round(r.top));
        const count = (end) => {
          const seen = new Set();
          for (const r of rectsOf(node, first, end)) if (r.width > 0) seen.add(Math.round(r.top));
          return seen.size;
        };
        for (let line = 2; line <= tops.size; line++) {
          let lo = first + 1;
          let hi = text.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (count(mid + 1) >= line) hi = mid;
            else lo = mid + 1;
          }
          let at = lo;
          while (at < text.length && /\s/.test(text[at])) at++;
          if (at < text.length) starts.push(at);
        }
        for (const at of starts) {
          lines++;
          if (CLOSING.test(text[at])) {
            const paragraph = node.parentElement.closest("p, li, [id]");
            bad.push({ text: text.slice(Math.max(0, at - 12), at) + "|" + text.slice(at, at + 12), in: paragraph ? describe(paragraph) : "" });
          }
        }
        let last = text.length - 1;
        while (last > 0 && /\s/.test(text[last])) last--;
        previous = charRect(node, last) || firstRect;
      }
    }
    return { lines, bad, ms: performance.now() - started, width: window.innerWidth };
  }

  function pageY(rect) {
    return rect.top + window.scrollY;
  }
  /** The first line box of ``element``: its first visible character's box, grown by the half-leading. */
  function firstLine(element) {
    for (const node of textNodes(element)) {
      const rect = charRect(node, node.data.search(/\S/));
      if (!rect) continue;
      const lineHeight = parseFloat(getComputedStyle(node.parentElement).lineHeight) || rect.height;
      return { top: rect.top - (lineHeight - rect.height) / 2, text_top: rect.top };
    }
    return null;
  }

  /** Top of the article as a phone shows it. */
  function top(options) {
    const body = document.querySelector(options.body);
    const headline = document.querySelector(options.headline);
    const paragraph = body && [...body.querySelectorAll("p")].find((p) => /\S/.test(p.textContent));
    const line = paragraph && firstLine(paragraph);
    const context = document.querySelector(options.context);
    const contextShown = !!context && context.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const height = window.innerHeight;
    const headRect = headline && headline.getBoundingClientRect();
    const marker = headline && headline.querySelector(options.marker);
    const header = document.querySelector(options.header);
    return {
      viewport: [window.innerWidth, height],
      header_bottom: header ? header.getBoundingClientRect().bottom : null,
      headline_top: headRect ? headRect.top : null,
      headline_bottom: headRect ? headRect.bottom : null,
      headline_font_px: headline ? parseFloat(getComputedStyle(headline).fontSize) : null,
      headline_lines: headline ? lineCount(headline) : null,
      headline_marker: !!marker,
      headline_marker_label: marker ? marker.getAttribute("aria-label") || marker.textContent : null,
      paragraph_top: line ? line.top : null,
      paragraph_text_top: line ? line.text_top : null,
      paragraph_fraction: line ? line.top / height : null,
      paragraph_text: paragraph ? squash(paragraph.textContent).slice(0, 60) : null,
      context_present: !!context,
      context_shown: contextShown,
      context_top: contextShown ? context.getBoundingClientRect().top : null,
      context_before_paragraph:
        contextShown && !!paragraph &&
        !!(context.compareDocumentPosition(paragraph) & Node.DOCUMENT_POSITION_FOLLOWING) &&
        context.getBoundingClientRect().bottom <= paragraph.getBoundingClientRect().top + 1,
      between: paragraph && headline ? blocksBetween(headline, paragraph) : [],
    };
  }
  function lineCount(element) {
    const tops = new Set();
    for (const node of textNodes(element)) for (const r of rectsOf(node, 0, node.data.length)) if (r.width > 0) tops.add(Math.round(r.top));
    return tops.size;
  }
  /** What stands between the headline and the first paragraph (element, height), in page order. */
  function blocksBetween(headline, paragraph) {
    const out = [];
    let element = headline.nextElementSibling;
    while (element && !element.contains(paragraph)) {
      const rect = element.getBoundingClientRect();
      if (rect.height > 0) out.push({ element: describe(element), height: Math.round(rect.height), text: squash(element.textContent).slice(0, 40) });
      element = element.nextElementSibling;
    }
    return out;
  }

  /** Why an element's text cannot be read whole where it stands, or "" when it can. */
  function clipped(element, stop) {
    const box = element.getBoundingClientRect();
    if (box.left < -0.5 || box.right > window.innerWidth + 0.5) return "outside the viewport's width";
    for (let e = element; e && e !== stop && e !== document.body; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (style.webkitLineClamp && style.webkitLineClamp !== "none") return `line-clamp ${style.webkitLineClamp} on ${describe(e)}`;
      const hides = (v) => v !== "visible";
      if (hides(style.overflowY) && e.scrollHeight > e.clientHeight + 1) return `overflow: ${e.scrollHeight} px of text in ${e.clientHeight} px (${describe(e)})`;
      if (hides(style.overflowX) && e.scrollWidth > e.clientWidth + 1) return `overflow-x: ${e.scrollWidth} > ${e.clientWidth} px (${describe(e)})`;
      if (e !== element && (hides(style.overflowX) || hides(style.overflowY))) {
        const outer = e.getBoundingClientRect();
        if (box.top < outer.top - 0.5 || box.bottom > outer.bottom + 0.5 || box.left < outer.left - 0.5 || box.right > outer.right + 0.5)
          return `cut by ${describe(e)}`;
      }
    }
    return "";
  }

  /** The smallest visible elements, outside ``column``, whose text holds ``text`` whole. */
  function holders(text, column, cache) {
    const wanted = squash(text);
    const found = [];
    for (const [element, content] of cache) {
      if (!content.includes(wanted)) continue;
      if (element.contains(column) || column.contains(element)) continue;
      if ([...element.children].some((child) => cache.get(child)?.includes(wanted))) continue;
      if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width < 1 || rect.height < 1) continue;
      found.push(element);
    }
    return found;
  }

  /** Margin notes: for each marker, the nearest visible element beside the text that holds its summary. */
  function margin(options) {
    const body = document.querySelector(options.body);
    const cache = new Map();
    for (const element of document.body.querySelectorAll("*")) cache.set(element, squash(element.textContent));
    const whole = squash(document.body.textContent);
    const seen = new Set();
    const rows = [];
    for (const annotation of options.annotations) {
      if (annotation.headline) { // said beside the headline: the body's markers of its note are repeats
        seen.add(annotation.note);
        continue;
      }
      const sup = document.getElementById(annotation.fragment);
      if (!sup || !body || !body.contains(sup)) {
        rows.push({ fragment: annotation.fragment, note: annotation.note, missing: true });
        continue;
      }
      const repeat = seen.has(annotation.note);
      seen.add(annotation.note);
      const paragraph = sup.closest("p") || sup.parentElement;
      const column = paragraph.getBoundingClientRect();
      // The line: the last visible character before the marker.
      let line = null;
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!(sup.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING)) break;
        let last = node.data.length - 1;
        while (last >= 0 && /\s/.test(node.data[last])) last--;
        if (last >= 0) line = charRect(node, last) || line;
      }
      line = line || sup.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(paragraph).lineHeight) || line.height;
      const beside = holders(annotation.summary, body, cache).filter((element) => {
        const rect = element.getBoundingClientRect();
        return rect.left >= column.right - 1 || rect.right <= column.left + 1;
      });
      let best = null;
      for (const element of beside) {
        const distance = element.getBoundingClientRect().top - line.top;
        if (!best || Math.abs(distance) < Math.abs(best.distance)) best = { element, distance };
      }
      const anywhere = whole.includes(squash(annotation.summary));
      const reason = best ? clipped(best.element, null) : "no element beside the text holds the summary";
      // What stands beside the line instead (for repeats: a back-reference?), among the margin selector's elements.
      let near = null;
      for (const element of document.querySelectorAll(options.marginNote)) {
        if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        const distance = element.getBoundingClientRect().top - line.top;
        if (Math.abs(distance) <= 3 * lineHeight && (!near || Math.abs(distance) < Math.abs(near.distance)))
          near = { distance, text: squash(element.textContent).slice(0, 80) };
      }
      rows.push({
        fragment: annotation.fragment,
        note: annotation.note,
        number: sup.querySelector("a")?.getAttribute("data-latar-number") || (sup.querySelector("a")?.getAttribute("aria-label") || "").match(/\d+/)?.[0] || null,
        repeat,
        line_y: pageY(line),
        in_first_two_viewports: pageY(line) < 2 * window.innerHeight,
        summary_in_page: anywhere,
        beside: !!best,
        readable: !!best && !reason && Math.abs(best.distance) <= 3 * lineHeight,
        reason,
        distance: best ? best.distance : null,
        line_height: lineHeight,
        holder: best ? describe(best.element) : null,
        near,
      });
    }
    const boxes = [...document.querySelectorAll(options.marginNote)]
      .filter((e) => e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }))
      .map((e) => e.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) overlaps++;
      }
    return { rows, margin_notes: boxes.length, overlaps, viewport: [window.innerWidth, window.innerHeight], text_column: body ? Math.round(body.getBoundingClientRect().width) : null };
  }

  /** Is the text ``text`` inside ``row`` shown whole (not clipped, inside the viewport's width)? */
  function textShown(row, text) {
    const wanted = squash(text);
    for (const node of textNodes(row)) {
      const at = squash(node.data).indexOf(wanted);
      if (at < 0) continue;
      const start = node.data.indexOf(wanted.split(" ")[0]);
      const rects = [...rectsOf(node, Math.max(0, start), Math.min(node.data.length, Math.max(0, start) + wanted.length))].filter((r) => r.width > 0);
      if (!rects.length) return "no box";
      for (const r of rects) {
        for (let e = node.parentElement; e && e !== document.body; e = e.parentElement) {
          const style = getComputedStyle(e);
          if (style.overflowX === "visible" && style.overflowY === "visible") continue;
          const outer = e.getBoundingClientRect();
          if (r.left < outer.left - 0.5 || r.right > outer.right + 0.5 || r.top < outer.top - 0.5 || r.bottom > outer.bottom + 0.5)
            return `cut by ${describe(e)}` + (style.textOverflow === "ellipsis" ? " (ellipsis)" : "");
        }
        if (r.left < -0.5 || r.right > window.innerWidth + 0.5) return "outside the viewport's width";
      }
      return "";
    }
    return "not in the row";
  }

  /** The row of a list (index, timeline) around each link to a note page. */
  function rows(options) {
    const main = document.querySelector(options.main);
    const links = [...main.querySelectorAll("a[href]")].filter((a) => noteId(a.href, options.notesPath));
    const out = [];
    for (const link of links) {
      const id = noteId(link.href, options.notesPath);
      let row = link;
      while (row.parentElement && row.parentElement !== main && [...row.parentElement.querySelectorAll("a[href]")].filter((a) => noteId(a.href, options.notesPath)).length === 1)
        row = row.parentElement;
      const note = options.notes[id] || {};
      const result = { note: id, row: describe(row), text: squash(row.textContent).slice(0, 120) };
      if (note.date) {
        const time = row.querySelector(`time[datetime="${note.date}"]`);
        const label = time ? time.textContent : note.date_text;
        result.date = label ? textShown(row, label) : "not in the row";
      }
      if (note.number) {
        // A number label: a text of its own, or an element's generated content (::before, ::after), not the title.
        const label = new RegExp(`^[#№(]?\\s*${note.number}[.):]?$`);
        const linkText = squash(link.textContent);
        const generated = [row, ...row.querySelectorAll("*")].flatMap((e) =>
          ["::before", "::after"].map((pseudo) => getComputedStyle(e, pseudo).content).filter((c) => c && c !== "none" && c !== "normal").map((c) => c.replace(/^"|"$/g, ""))
        );
        result.number = textNodes(row).some((n) => !linkText.includes(squash(n.data)) && label.test(squash(n.data))) || generated.some((c) => label.test(squash(c)));
      }
      if (note.summary_start) {
        result.summary = textShown(row, note.summary_start);
        if (result.summary === "not in the row") {
          // split across elements (emphasis): the smallest element holding it, if shown and not clipped
          const wanted = squash(note.summary_start);
          const holder = [row, ...row.querySelectorAll("*")].reverse().find((e) => squash(e.textContent).includes(wanted));
          if (holder) result.summary = holder.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) ? clipped(holder, null) : "hidden";
        }
      }
      out.push(result);
    }
    return out;
  }
  function noteId(href, notesPath) {
    const url = new URL(href, location.href);
    if (url.origin !== location.origin) return null;
    const match = url.pathname.match(new RegExp(`${notesPath}([^/]+)/(?:index\\.html)?$`));
    return match ? decodeURIComponent(match[1]) : null;
  }

  /** A note page: the first link into an article before the note's body, and where "Muncul di" is. */
  function notePage(options) {
    const main = document.querySelector(options.main);
    const height = window.innerHeight;
    let body = null;
    let method = "fingerprint";
    if (options.fingerprint) {
      const wanted = squash(options.fingerprint);
      body = [...main.querySelectorAll("p, div, li")].find((e) => squash(e.textContent).startsWith(wanted));
    }
    if (!body) {
      method = "first long paragraph";
      body = [...main.querySelectorAll("p")].find((p) => !p.closest("li, q, blockquote, nav, header") && squash(p.textContent).length >= 80);
    }
    const intoArticle = [...main.querySelectorAll("a[href]")].filter((a) => {
      const url = new URL(a.href, location.href);
      return url.origin === location.origin && url.hash.length > 1 && options.articlePaths.some((p) => url.pathname === p || url.pathname === p + "index.html");
    });
    const before = body ? intoArticle.filter((a) => a.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING) : [];
    const back = before[0] || null;
    const heading = [...main.querySelectorAll("h1, h2, h3, h4, p, strong, summary, div")].find((e) => /^Muncul di\b/.test(squash(e.textContent)) && squash(e.textContent).length < 40);
    const y = (e) => (e ? Math.round(pageY(e.getBoundingClientRect())) : null);
    return {
      body_found: !!body,
      body_method: method,
      body_y: y(body),
      back_link: back ? { text: squash(back.textContent).slice(0, 60), href: new URL(back.href).hash, y: y(back), fraction: pageY(back.getBoundingClientRect()) / height } : null,
      links_into_article: intoArticle.map((a) => new URL(a.href).hash),
      muncul_di_y: y(heading),
      muncul_di_before_body: !!heading && !!body && !!(heading.compareDocumentPosition(body) & Node.DOCUMENT_POSITION_FOLLOWING),
      page_height: document.documentElement.scrollHeight,
    };
  }

  /** Colour and weight of the primary navigation's links (is the current section marked?). */
  function nav(options) {
    return [...document.querySelectorAll(options.navLinks)]
      .filter((a) => a.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && a.getBoundingClientRect().width > 0)
      .map((a) => {
        const style = getComputedStyle(a);
        return { text: squash(a.textContent), color: style.color, weight: style.fontWeight, decoration: style.textDecorationLine, background: style.backgroundColor };
      });
  }

  window.__readerProbes = { lineStarts, layoutShift, top, margin, rows, notePage, nav };
})();
