/* latar: propose a note from a text selection.
 * Select a phrase in the article and an "Usulkan catatan" button appears next to it; it opens a short form and
 * then GitHub: the "Usulan anotasi" issue form, or a new note file, both filled in. The anchor is a W3C
 * TextQuoteSelector computed with latar's own matching rules (anchoring.py: fold, word boundaries, clitics),
 * with the shortest prefix/suffix that makes the phrase unique in the article, so the proposal attaches to the
 * selected occurrence and no other. Without JavaScript nothing of this is shown. */
(function () {
  "use strict";

  var article = document.querySelector(".latar-article[data-latar-repository]");
  var body = article && article.querySelector(".latar-article-body");
  if (!body) return;
  var repository = article.getAttribute("data-latar-repository").replace(/\/+$/, "");
  var branch = article.getAttribute("data-latar-branch") || "main";
  var notesPath = article.getAttribute("data-latar-notes") || "docs/anotasi";
  var articleName = article.getAttribute("data-latar-article") || "";
  var TEMPLATE = "usulan-anotasi.yml";
  var MAX_QUOTE = 200;  /* note.schema.json: text, prefix and suffix are at most 200 characters */
  var KINDS = [
    ["background", "Latar belakang"], ["person", "Tokoh"], ["organization", "Lembaga"], ["place", "Tempat"],
    ["event", "Peristiwa"], ["clarification", "Klarifikasi"], ["aftermath", "Sesudahnya"]
  ];

  /* ---- latar's matching rules, ported from anchoring.py. Strings are arrays of code points, as in Python. ---- */
  var CLITICS = ["nya", "lah", "kah", "pun"];
  var WORD = /^[\p{L}\p{N}]$/u;  /* Python's str.isalnum(): letters (L*) and numerics (N*) */

  function chars(text) { return Array.from(text); }
  function isWord(ch) { return ch !== undefined && WORD.test(ch); }
  /* fold(): lower-case without changing the length, so offsets stay valid. */
  function fold(cps) {
    var lowered = chars(cps.join("").toLowerCase());
    if (lowered.length === cps.length) return lowered;
    return cps.map(function (ch) { var l = ch.toLowerCase(); return chars(l).length === 1 ? l : ch; });
  }
  /* at_word_boundary(): not part of a longer word; a clitic may follow. */
  function atWordBoundary(text, start, end) {
    if (start > 0 && isWord(text[start - 1]) && isWord(text[start])) return false;
    if (end >= text.length || !(isWord(text[end]) && isWord(text[end - 1]))) return true;
    var rest = fold(text.slice(end, end + 4));
    return CLITICS.some(function (c) {
      var head = rest.slice(0, c.length).join("");
      return head === c && (rest.length === c.length || !isWord(rest[c.length]));
    });
  }
  function same(a, b) { return a.length === b.length && a.join("") === b.join(""); }
  /* Every start where a (case-insensitive) anchor {text, prefix, suffix} matches in one block, as Anchorer.hits does. */
  function hits(block, phrase, prefix, suffix) {
    var found = [];
    var n = phrase.length;
    for (var i = 0; i + n <= block.folded.length; i++) {
      if (block.folded[i] !== phrase[0] || !same(block.folded.slice(i, i + n), phrase)) continue;
      if (!atWordBoundary(block.text, i, i + n)) continue;
      if (prefix.length && !same(block.folded.slice(Math.max(0, i - prefix.length), i), prefix)) continue;
      if (suffix.length && !same(block.folded.slice(i + n, i + n + suffix.length), suffix)) continue;
      found.push(i);
    }
    return found;
  }

  /* latar's rules for other scripts and tests, on strings with code-point offsets (as Python's). */
  window.latarRules = {
    fold: function (text) { return fold(chars(text)).join(""); },
    atWordBoundary: function (text, start, end) { return atWordBoundary(chars(text), start, end); }
  };

  /* ---- The article as latar sees it: one block per paragraph, markers left out. ---- */
  function excluded(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    return !!(el && el.closest("sup.latar-ref, .latar-propose-control"));
  }
  function textNodes(p) {
    var walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    var list = [];
    for (var n = walker.nextNode(); n; n = walker.nextNode()) if (!excluded(n)) list.push(n);
    return list;
  }
  function paragraphText(p) { return textNodes(p).map(function (n) { return n.data; }).join(""); }
  /* Offset (UTF-16) in the paragraph's text of a DOM boundary point. */
  function offsetIn(p, container, offset) {
    var point = document.createRange();
    point.setStart(container, offset);
    var total = 0;
    var nodes = textNodes(p);
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i];
      if (n === container) return total + offset;
      if (point.comparePoint(n, n.length) >= 0) return total;  /* this node ends at or after the point */
      total += n.length;
    }
    return total;
  }
  function paragraphs() {
    return Array.prototype.filter.call(body.querySelectorAll("p"), function (p) { return !p.closest(".latar-skip"); });
  }
  function blocks() {
    return paragraphs().map(function (p) { var text = chars(paragraphText(p)); return { p: p, text: text, folded: fold(text) }; });
  }
  function cpIndex(text16, offset16) { return chars(text16.slice(0, offset16)).length; }

  /* Candidate prefixes (growing word by word, back to the paragraph start) and suffixes. */
  function prefixes(text, start) {
    var list = [0];
    for (var i = start - 1; i >= 0; i--) {
      if (isWord(text[i]) && !isWord(text[i - 1])) list.push(start - i);
    }
    if (list[list.length - 1] !== start) list.push(start);
    return list.filter(function (len) { return len <= MAX_QUOTE; });
  }
  function suffixes(text, end) {
    var list = [0];
    for (var i = end + 1; i <= text.length; i++) {
      if (isWord(text[i - 1]) && !isWord(text[i])) list.push(i - end);
    }
    if (list[list.length - 1] !== text.length - end) list.push(text.length - end);
    return list.filter(function (len) { return len <= MAX_QUOTE; });
  }

  /* The shortest context that makes the phrase at (block, start, end) match there and nowhere else in the article. */
  function uniqueContext(all, index, start, end) {
    var block = all[index];
    var phrase = block.folded.slice(start, end);
    var candidates = [];  /* every place the phrase alone matches: the context only has to rule these out */
    all.forEach(function (b, i) { hits(b, phrase, [], []).forEach(function (at) { candidates.push([b, at, i === index && at === start]); }); });
    var pre = prefixes(block.text, start);
    var suf = suffixes(block.text, end);
    var options = [];
    pre.forEach(function (a, i) { suf.forEach(function (b, j) { options.push([i + j, a + b, a, b]); }); });
    options.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1]; });
    for (var k = 0; k < options.length; k++) {
      var prefix = block.folded.slice(start - options[k][2], start);
      var suffix = block.folded.slice(end, end + options[k][3]);
      var matching = candidates.filter(function (c) {
        var f = c[0].folded;
        var at = c[1];
        return (!prefix.length || same(f.slice(Math.max(0, at - prefix.length), at), prefix)) &&
          (!suffix.length || same(f.slice(at + phrase.length, at + phrase.length + suffix.length), suffix));
      });
      if (matching.length === 1 && matching[0][2]) {
        return {
          prefix: block.text.slice(start - options[k][2], start).join(""),
          suffix: block.text.slice(end, end + options[k][3]).join("")
        };
      }
    }
    return null;
  }

  /* What the current selection would propose, or why it cannot. */
  function analyse(range) {
    var startP = closestParagraph(range.startContainer);
    var endP = closestParagraph(range.endContainer);
    if (!startP && !endP) return null;
    var p = startP || endP;
    var text16 = paragraphText(p);
    var start16 = startP ? offsetIn(p, range.startContainer, range.startOffset) : 0;
    var end16 = endP === p ? offsetIn(p, range.endContainer, range.endOffset) : text16.length;
    if (startP !== endP) {
      /* A triple click ends the range at the start of the next paragraph: that is still one paragraph. */
      var spills = startP && endP && offsetIn(endP, range.endContainer, range.endOffset) === 0;
      if (!spills) {
        return { error: "Pilih frasa di dalam satu paragraf saja: catatan menempel pada satu frasa, tidak melintasi paragraf." };
      }
    }
    var all = blocks();
    var index = all.findIndex(function (b) { return b.p === p; });
    var text = all[index].text;
    var start = cpIndex(text16, start16);
    var end = cpIndex(text16, end16);
    while (start < end && /\s/u.test(text[start])) start++;
    while (end > start && /\s/u.test(text[end - 1])) end--;
    if (start >= end) return null;
    /* Snap to whole words, the way latar matches (a clitic may stay outside). */
    while (start > 0 && isWord(text[start - 1]) && isWord(text[start])) start--;
    while (!atWordBoundary(text, start, end)) end++;
    var phrase = text.slice(start, end).join("");
    var overlap = anchoredSpans(p, text16).filter(function (s) { return s.start < end && start < s.end; })[0];
    if (overlap) {
      return {
        phrase: phrase,
        error: "Frasa ini bertumpang tindih dengan “" + overlap.phrase + "”, yang sudah punya catatan. " +
          "Pilih frasa lain, atau usulkan perbaikan di halaman catatan itu."
      };
    }
    if (end - start > MAX_QUOTE) return { phrase: phrase, error: "Frasa terlalu panjang: pilih paling banyak " + MAX_QUOTE + " karakter." };
    var context = uniqueContext(all, index, start, end);
    if (!context) return { phrase: phrase, error: "Frasa ini tidak dapat dibedakan dari kemunculan lain di artikel; pilih frasa yang lebih panjang." };
    return { phrase: phrase, prefix: context.prefix, suffix: context.suffix, paragraph: p };
  }
  function closestParagraph(node) {
    var el = node.nodeType === 1 ? node : node.parentElement;
    var p = el && el.closest("p");
    return p && body.contains(p) && !p.closest(".latar-skip") ? p : null;
  }
  function anchoredSpans(p, text16) {
    return Array.prototype.map.call(p.querySelectorAll(".latar-anchor"), function (span) {
      var first = textNodes(span)[0];
      var start16 = first ? offsetIn(p, first, 0) : 0;
      var phrase = paragraphText(span);
      return { start: cpIndex(text16, start16), end: cpIndex(text16, start16 + phrase.length), phrase: phrase };
    });
  }

  /* ---- What goes to GitHub ---- */
  function slug(text) {
    /* notes.slug(): NFKD, non-ASCII dropped, lower case, runs of other characters → "-"; then at most 60 */
    var s = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
    s = s.replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
    return s || "nama-catatan";
  }
  function today() { return new Date().toISOString().slice(0, 10); }
  function q(value) { return JSON.stringify(value); }  /* a JSON string is a valid YAML double-quoted scalar */
  /* A complete note: valid front matter; what the proposer could not know is marked TODO for `latar check`. */
  function noteText(f) {
    var https = /^https:\/\/[^\s/$.?#]\S*$/.test(f.url);
    var lines = [
      "---",
      "title: " + q(f.title || f.phrase),
      "kind: " + f.kind,
      "summary: " + q(f.summary || "TODO: 1–3 kalimat netral tentang " + f.phrase + " (paling banyak 60 kata)."),
      "anchors:",
      "  - text: " + q(f.phrase)
    ];
    if (f.prefix) lines.push("    prefix: " + q(f.prefix));
    if (f.suffix) lines.push("    suffix: " + q(f.suffix));
    if (articleName) lines.push("    articles: [" + q(articleName) + "]");  /* this article only, as selected */
    lines.push(
      "sources:",
      "  - title: " + q(f.url && !https ? "TODO: judul sumber; alamatnya harus https: " + f.url : "TODO: judul sumber"),
      "    url: " + q(https ? f.url : "https://example.org/ganti-dengan-sumber"),
      "    publisher: " + q("TODO: penerbit"),
      "    accessed: " + q(today()),
      "  - title: " + q("TODO: sumber kedua dari situs lain"),
      "    url: " + q("https://example.com/ganti-dengan-sumber"),
      "    publisher: " + q("TODO: penerbit"),
      "    accessed: " + q(today()),
      "---",
      "TODO: latar belakang 150–400 kata, netral dan ensiklopedis; setiap fakta dapat dicek di sumber.",
      ""
    );
    return lines.join("\n");
  }
  function query(params) {
    return Object.keys(params).filter(function (k) { return params[k]; }).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
  }
  function issueUrl(f) {
    return repository + "/issues/new?" + query({
      template: TEMPLATE, title: "Usulan: " + (f.title || f.phrase), frasa: f.phrase, prefix: f.prefix, suffix: f.suffix,
      artikel: articleName, jenis: f.kind, judul: f.title, ringkasan: f.summary, sumber: f.url
    });
  }
  /* Ids of the notes already in this article: a new file must not take one of their names. */
  function takenIds() {
    var ids = {};
    article.querySelectorAll("[data-latar-note]").forEach(function (el) { ids[el.getAttribute("data-latar-note")] = true; });
    return ids;
  }
  function freeId(base) {
    var taken = takenIds();
    var id = base;
    for (var n = 2; taken[id]; n++) id = base + "-" + n;
    return id;
  }
  function newFileUrl(f) {
    var path = notesPath + "/" + freeId(slug(f.title || f.phrase)) + ".md";
    return repository + "/new/" + encodeURIComponent(branch).replace(/%2F/g, "/") + "?" + query({ filename: path, value: noteText(f) });
  }

  /* ---- The control next to the selection, and the form ---- */
  function el(name, attrs, text) {
    var e = document.createElement(name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }
  var control = el("button", { type: "button", class: "latar-propose-control", "aria-haspopup": "dialog" }, "Usulkan catatan");
  control.hidden = true;
  control.addEventListener("mousedown", function (e) { e.preventDefault(); });  /* keep the selection */

  var dialog = el("dialog", { class: "latar-propose md-typeset", "aria-labelledby": "latar-propose-title" });
  var form = el("form", { method: "dialog" });
  var heading = el("h2", { id: "latar-propose-title" }, "Usulkan catatan latar");
  var quote = el("p", { class: "latar-propose-quote" });
  var message = el("p", { class: "latar-propose-message", role: "alert" });
  var fields = el("div", { class: "latar-propose-fields" });
  function field(label, input, hint) {
    var wrap = el("label", { class: "latar-propose-field" });
    wrap.append(el("span", { class: "latar-propose-label" }, label), input);
    if (hint) wrap.append(el("span", { class: "latar-propose-hint" }, hint));
    fields.append(wrap);
    return input;
  }
  var titleInput = field("Judul catatan (boleh dikosongkan)", el("input", { type: "text", name: "judul", maxlength: "160" }));
  var kindInput = field("Jenis catatan", el("select", { name: "jenis" }));
  KINDS.forEach(function (k) { kindInput.append(el("option", { value: k[0] }, k[1])); });
  var summaryInput = field(
    "Ringkasan (boleh dikosongkan)", el("textarea", { name: "ringkasan", rows: "3", maxlength: "1200" }),
    "1–3 kalimat netral, paling banyak 60 kata."
  );
  var urlInput = field("Alamat satu sumber (boleh dikosongkan)", el("input", { type: "url", name: "sumber", placeholder: "https://…" }));
  var actions = el("p", { class: "latar-propose-actions" });
  var toIssue = el("a", { class: "md-button md-button--primary latar-propose-issue", target: "_blank", rel: "noopener" },
    "Lanjut ke GitHub: formulir usulan");
  var toFile = el("a", { class: "md-button latar-propose-file", target: "_blank", rel: "noopener" },
    "Tulis berkas catatan di GitHub");
  var cancel = el("button", { type: "submit", class: "md-button latar-propose-cancel", value: "batal" }, "Tutup");
  actions.append(toIssue, " ", toFile, " ", cancel);
  var note = el("p", { class: "latar-propose-hint" },
    "Formulir usulan cukup dengan akun GitHub. Berkas catatan memerlukan fork; `latar check` menunjukkan setiap TODO yang perlu diisi.");
  form.append(heading, quote, message, fields, actions, note);
  dialog.append(form);
  document.body.append(dialog);

  var current = null;
  function values() {
    return {
      phrase: current.phrase, prefix: current.prefix, suffix: current.suffix, title: titleInput.value.trim(),
      kind: kindInput.value, summary: summaryInput.value.trim(), url: urlInput.value.trim()
    };
  }
  function refreshLinks() {
    if (!current || current.error) return;
    var f = values();
    toIssue.href = issueUrl(f);
    toFile.href = newFileUrl(f);
  }
  [titleInput, kindInput, summaryInput, urlInput].forEach(function (input) {
    input.addEventListener("input", refreshLinks);
    input.addEventListener("change", refreshLinks);
  });

  function openForm() {
    if (!current) return;
    var ok = !current.error;
    quote.replaceChildren();
    if (current.phrase) {
      quote.append("…" + (current.prefix || ""), el("mark", {}, current.phrase), (current.suffix || "") + "…");
    }
    quote.hidden = !current.phrase;
    message.textContent = ok ? "" : current.error;
    message.hidden = ok;
    fields.hidden = !ok;
    toIssue.hidden = !ok;
    toFile.hidden = !ok;
    note.hidden = !ok;
    refreshLinks();
    dialog.showModal();
    (ok ? titleInput : cancel).focus();
  }
  control.addEventListener("click", openForm);
  dialog.addEventListener("close", function () { if (control.isConnected && !control.hidden) control.focus(); });

  function hide() {
    control.hidden = true;
    current = null;
  }
  function place(range, after) {
    if (control.previousElementSibling !== after) after.after(control);  /* next in Tab order after the paragraph */
    control.hidden = false;
    var rects = range.getClientRects();
    var rect = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
    var parent = control.offsetParent || document.documentElement;
    var origin = parent.getBoundingClientRect();
    if (getComputedStyle(parent).position === "static") origin = { left: -window.scrollX, top: -window.scrollY };
    var left = Math.min(rect.right, document.documentElement.clientWidth - control.offsetWidth - 8);
    control.style.left = Math.max(8, left) - origin.left + "px";
    control.style.top = rect.bottom + 6 - origin.top + "px";
  }
  function update() {
    if (dialog.open) return;
    var selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) { if (document.activeElement !== control) hide(); return; }
    var range = selection.getRangeAt(0);
    if (!body.contains(range.commonAncestorContainer) && !range.intersectsNode(body)) { hide(); return; }
    var result = analyse(range);
    if (!result) { hide(); return; }
    current = result;
    var after = result.paragraph || closestParagraph(range.endContainer) || closestParagraph(range.startContainer);
    place(range, after);
  }

  var pointerDown = false;
  var timer = 0;
  document.addEventListener("pointerdown", function (e) { if (e.target !== control) pointerDown = true; });
  document.addEventListener("pointerup", function () { pointerDown = false; window.setTimeout(update, 0); });
  document.addEventListener("pointercancel", function () { pointerDown = false; });
  document.addEventListener("selectionchange", function () {
    if (pointerDown) return;  /* still dragging: wait for the pointer to lift */
    window.clearTimeout(timer);
    timer = window.setTimeout(update, 120);
  });
  window.addEventListener("resize", function () { if (!control.hidden) update(); });
})();
