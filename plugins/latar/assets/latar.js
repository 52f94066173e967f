/* latar: progressive enhancement of the article's footnotes.
 * Without JavaScript every marker is a plain link to its endnote and back, and the marker filter works (CSS).
 * With it: the phrase shows its note like its marker; Tab enters an open note and Esc leaves it; a tap opens
 * a bottom sheet (a modal); wide screens get margin notes beside their lines; the filter is remembered. */
(function () {
  "use strict";

  var article = document.querySelector(".latar-article");
  if (!article) return;
  var html = document.documentElement;
  var KEY_KINDS = "latar:hidden-kinds";
  var KEY_ALL = "latar:hide-all";
  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

  function load(key, fallback) {
    try { var v = JSON.parse(window.localStorage.getItem(key)); return v === null ? fallback : v; } catch (e) { return fallback; }
  }
  function save(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* private mode: not remembered */ }
  }
  function shown(el) { return !!el && el.offsetParent !== null; }
  function numberOf(ref) { return ref.getAttribute("data-latar-number") || ref.textContent; }
  function footnoteOf(ref) { return document.getElementById(decodeURIComponent(ref.hash.slice(1))); }
  function phraseOf(ref) {
    var phrase = ref.parentNode.previousElementSibling;
    return phrase && phrase.classList.contains("latar-anchor") ? phrase : null;
  }
  function refOf(phrase) {
    var sup = phrase.nextElementSibling;
    return sup ? sup.querySelector("a.footnote-ref") : null;
  }
  function contentOf(ref, withoutTitle) {
    var item = footnoteOf(ref);
    var p = item && item.querySelector("p");
    if (!p) return null;
    var copy = p.cloneNode(true);
    copy.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    copy.removeAttribute("id");
    var title = copy.querySelector(".latar-note-title");
    if (withoutTitle && title) {  /* the sheet's heading already says it; drop the title and its dash */
      if (title.nextSibling && title.nextSibling.nodeType === 3) title.nextSibling.data = title.nextSibling.data.replace(/^\s*—\s*/, " ");
      title.remove();
    }
    return copy;
  }
  function focusables(root) {
    return Array.prototype.filter.call(root.querySelectorAll(FOCUSABLE), function (el) { return shown(el) || el === document.activeElement; });
  }

  /* Which marker an element belongs to: the marker itself, its phrase, its margin note, its open note or endnote. */
  var inside = null;  /* {box, ref}: the note the keyboard has entered */
  function refFor(target) {
    if (!target || !target.closest) return null;
    if (inside && inside.box.contains(target)) return inside.ref;
    var el = target.closest(".latar-article a.footnote-ref, .latar-article-body .latar-anchor, .latar-margin-note, .latar-footnotes li");
    if (!el) return null;
    if (el.classList.contains("latar-anchor")) return refOf(el);
    if (el.classList.contains("footnote-ref")) return el;
    if (el.classList.contains("latar-margin-note")) return el.latarRef;
    return article.querySelector('.latar-article-body a.footnote-ref[href="#' + el.id + '"]');
  }

  /* Highlight the phrase and the margin note of the marker under the pointer or in focus. */
  function activate(ref, on) {
    if (!ref || (on && !shown(ref))) return;
    var phrase = phraseOf(ref);
    if (phrase) phrase.classList.toggle("latar-active", on);
    if (ref.latarNote) {
      ref.latarNote.classList.toggle("latar-active", on);
      layoutMargin();
    }
  }
  function follow(on) {
    return function (e) {
      var ref = refFor(e.target);
      if (ref && refFor(e.relatedTarget) !== ref) activate(ref, on);
    };
  }
  document.addEventListener("mouseover", follow(true));
  document.addEventListener("focusin", follow(true));
  document.addEventListener("mouseout", follow(false));
  document.addEventListener("focusout", follow(false));

  /* The phrase is part of the control: hovering it shows the same tooltip as its marker. Material builds a
   * tooltip for every .footnote-ref from its href alone when the page is ready (after this script). */
  article.querySelectorAll(".latar-article-body .latar-anchor").forEach(function (phrase) {
    var ref = refOf(phrase);
    if (!ref) return;
    phrase.href = ref.href;
    phrase.classList.add("footnote-ref");
    phrase.addEventListener("click", tap);  /* its own listener: Chromium's touch adjustment then counts it as a target */
  });

  /* Esc closes the tooltip (Material shows it on hover and focus) and keeps focus on the marker. */
  var dismissedFor = null;
  var hovered = null;
  function dismissTooltip(ref) {
    dismissedFor = ref;
    html.classList.add("latar-tooltips-dismissed");
  }
  document.addEventListener("keydown", function (e) {
    if (e.key === "Tab") html.classList.remove("latar-touch");
    if (e.key !== "Escape") return;
    if (!sheet.hidden) { closeSheet(true); return; }
    if (inside) { var back = inside.ref; leave(); dismissTooltip(back); back.focus(); return; }
    var ref = document.activeElement && document.activeElement.closest && document.activeElement.closest("a.footnote-ref");
    dismissTooltip(ref || hovered);
    if (ref) ref.focus();
  });
  document.addEventListener("pointerover", function (e) {
    if (e.pointerType === "mouse") html.classList.remove("latar-touch");
    /* a finger's pointerover comes before focus moves: un-dismissing then would flash the old tooltip */
    var control = e.pointerType === "mouse" && e.target.closest && e.target.closest(".latar-article a.footnote-ref, .latar-article-body .latar-anchor");
    if (!control) return;
    hovered = refFor(control);
    if (!shown(hovered)) { dismissTooltip(control); return; }  /* the reader hid this kind of note */
    if (control !== dismissedFor) { html.classList.remove("latar-tooltips-dismissed"); dismissedFor = null; }
  });
  document.addEventListener("focusout", function (e) {  /* coming back to a dismissed marker shows its note again */
    if (e.target === dismissedFor) { html.classList.remove("latar-tooltips-dismissed"); dismissedFor = null; }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target !== dismissedFor && !(inside && inside.box.contains(e.target))) {
      html.classList.remove("latar-tooltips-dismissed");
      dismissedFor = null;
    }
  });

  /* Keyboard: Tab from a marker whose note is open enters the note's links; Shift+Tab and Esc go back. */
  function openNote(ref) {
    if (ref.latarNote && shown(ref.latarNote)) return ref.latarNote;
    var tip = document.getElementById(ref.getAttribute("aria-controls") || "");
    return tip && tip.classList.contains("md-tooltip2--active") && shown(tip) ? tip : null;
  }
  function enter(box, ref) {
    inside = {box: box, ref: ref};
    if (box.classList.contains("md-tooltip2")) box.dispatchEvent(new MouseEvent("mouseenter"));  /* keeps it open */
    else {
      box.removeAttribute("aria-hidden");
      box.querySelectorAll("a").forEach(function (a) { a.tabIndex = 0; });
    }
  }
  function leave() {
    if (!inside) return;
    var box = inside.box;
    inside = null;
    if (box.classList.contains("md-tooltip2")) box.dispatchEvent(new MouseEvent("mouseleave"));
    else {
      box.setAttribute("aria-hidden", "true");
      box.querySelectorAll("a").forEach(function (a) { a.tabIndex = -1; });
    }
  }
  function after(ref) {
    var all = focusables(document);
    var next = all[all.indexOf(ref) + 1];
    while (next && inside && inside.box.contains(next)) next = all[all.indexOf(next) + 1];
    return next;
  }
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Tab" || !sheet.hidden) return;
    var active = document.activeElement;
    if (inside && inside.box.contains(active)) {
      var links = focusables(inside.box);
      var ref = inside.ref;
      if (e.shiftKey && active === links[0]) { e.preventDefault(); leave(); ref.focus(); }
      else if (!e.shiftKey && active === links[links.length - 1]) {
        e.preventDefault();
        var next = after(ref);
        leave();
        if (next) next.focus();
      }
      return;
    }
    if (e.shiftKey || !active || !active.matches || !active.matches(".latar-article a.footnote-ref")) return;
    var box = openNote(active);
    var first = box && box.querySelector("a[href]");
    if (!first) return;
    e.preventDefault();
    enter(box, active);
    first.focus();
  });
  document.addEventListener("focusout", function (e) {
    if (inside && inside.box.contains(e.target) && !(e.relatedTarget && inside.box.contains(e.relatedTarget))) {
      var ref = inside.ref;
      window.setTimeout(function () { if (inside && inside.ref === ref && !inside.box.contains(document.activeElement)) leave(); }, 0);
    }
  });

  /* Touch: a tap on a marker or its phrase opens the note in a bottom sheet, a modal dialog titled with
   * the note's title; the phrase stays in view and highlighted; closing it never brings a tooltip back. */
  function make(name, className, text) {
    var el = document.createElement(name);
    el.className = className;
    if (text) el.textContent = text;
    return el;
  }
  var sheet = make("div", "latar-sheet");
  sheet.setAttribute("role", "dialog");
  sheet.setAttribute("aria-modal", "true");
  sheet.setAttribute("aria-labelledby", "latar-sheet-title");
  sheet.tabIndex = -1;
  sheet.hidden = true;
  var bar = make("div", "latar-sheet__bar");
  var number = make("span", "latar-sheet__number");
  number.setAttribute("aria-hidden", "true");
  var title = make("p", "latar-sheet__title");
  title.id = "latar-sheet-title";
  var close = make("button", "latar-sheet__close", "×");
  close.type = "button";
  close.setAttribute("aria-label", "Tutup catatan");
  bar.append(number, title, close);
  var body = make("div", "latar-sheet__body md-typeset");
  sheet.append(bar, body);
  document.body.append(sheet);
  var opener = null;

  function keepInView(phrase) {
    var rects = phrase.getClientRects();
    var last = rects[rects.length - 1];
    var top = sheet.getBoundingClientRect().top;
    if (last && last.bottom + 8 > top) window.scrollBy(0, last.bottom + 16 - top);
    last = phrase.getClientRects()[rects.length - 1];
    if (last && last.bottom + 8 > sheet.getBoundingClientRect().top) sheet.classList.add("latar-sheet--top");  /* end of the page */
  }
  function openSheet(ref) {
    var content = contentOf(ref, true);
    if (!content) return false;
    if (opener) closeSheet(false);
    body.replaceChildren(content);
    var noteTitle = footnoteOf(ref).querySelector(".latar-note-title");
    title.textContent = noteTitle ? noteTitle.textContent : "Catatan " + numberOf(ref);
    number.textContent = numberOf(ref);
    opener = ref;
    sheet.classList.remove("latar-sheet--top");
    sheet.hidden = false;
    html.classList.add("latar-sheet-open");
    var phrase = phraseOf(ref);
    if (phrase) { phrase.classList.add("latar-current"); keepInView(phrase); }
    sheet.focus({preventScroll: true});
    return true;
  }
  function closeSheet(restoreFocus) {
    if (sheet.hidden) return;
    sheet.hidden = true;
    html.classList.remove("latar-sheet-open");
    var phrase = opener && phraseOf(opener);
    if (phrase) phrase.classList.remove("latar-current");
    if (opener) {
      dismissTooltip(opener);  /* focus goes back to the marker, where Material would open its tooltip again */
      if (restoreFocus) opener.focus({preventScroll: true});
    }
    opener = null;
  }
  close.addEventListener("click", function () { closeSheet(true); });
  sheet.addEventListener("keydown", function (e) {  /* focus stays in the dialog */
    if (e.key !== "Tab") return;
    var items = focusables(sheet);
    var first = items[0], last = items[items.length - 1];
    if (e.shiftKey && (document.activeElement === first || document.activeElement === sheet)) { e.preventDefault(); last.focus(); }
    else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
  });

  var lastPointer = "mouse";
  document.addEventListener("pointerdown", function (e) {
    lastPointer = e.pointerType;
    /* a finger gets the sheet, never a tooltip (one popping up under the finger would swallow the tap) */
    html.classList.toggle("latar-touch", e.pointerType !== "mouse");
    var own = e.target.closest && e.target.closest(".latar-article-body :is(a.footnote-ref, .latar-anchor)");
    if (!sheet.hidden && !sheet.contains(e.target) && !own) closeSheet(false);
  }, true);
  function tap(e) {
    if (lastPointer === "mouse" || e.detail === 0 || e.defaultPrevented) return;  /* mouse and keyboard follow the link */
    var target = e.target.closest && e.target.closest(".latar-article-body :is(a.footnote-ref, .latar-anchor)");
    var ref = target && (target.classList.contains("latar-anchor") ? refOf(target) : target);
    if (shown(ref) && openSheet(ref)) e.preventDefault();
  }
  article.addEventListener("click", tap);

  /* Margin notes on wide screens: one beside each marker's line; where they would collide, the least
   * displacement (pooled adjacent violators); an active note grows downwards and pushes the next ones. */
  var wide = window.matchMedia("screen and (min-width: 100em)");
  var margin = null;
  var notes = [];
  var GAP = 4;
  function buildMargin() {
    margin = make("div", "latar-margin");
    article.querySelectorAll(".latar-article-body sup.latar-ref > a.footnote-ref").forEach(function (ref) {
      var content = contentOf(ref, false);
      if (!content) return;
      content.querySelectorAll("a").forEach(function (a) { a.tabIndex = -1; });
      content.prepend(make("span", "latar-margin-number", numberOf(ref)));
      var note = make("aside", "latar-margin-note");
      note.setAttribute("aria-hidden", "true");  /* the endnotes say the same to screen readers */
      note.setAttribute("data-latar-note", ref.getAttribute("data-latar-note"));
      note.setAttribute("data-latar-kind", ref.getAttribute("data-latar-kind") || "");
      note.append(content);
      note.latarRef = ref;
      ref.latarNote = note;
      margin.append(note);
      notes.push(note);
    });
    article.append(margin);
  }
  function settle(items) {  /* positions minimising squared displacement, in order, without overlap */
    var blocks = [];
    items.forEach(function (item) {
      var block = {items: [item], offsets: [0], height: item.height, sum: item.ideal, top: item.ideal};
      while (blocks.length) {
        var prev = blocks[blocks.length - 1];
        if (prev.top + prev.height + GAP <= block.top) break;
        blocks.pop();
        var shift = prev.height + GAP;
        block = {
          items: prev.items.concat(block.items),
          offsets: prev.offsets.concat(block.offsets.map(function (o) { return o + shift; })),
          height: shift + block.height,
          sum: prev.sum + block.sum - shift * block.items.length
        };
        block.top = block.sum / block.items.length;
      }
      blocks.push(block);
    });
    var floor = -Infinity;
    blocks.forEach(function (block) {
      block.items.forEach(function (it, i) {  /* never more than half a line above its line */
        it.top = Math.max(block.top + block.offsets[i], it.ideal - it.lineHeight / 2, floor);
        floor = it.top + it.height + GAP;
      });
    });
  }
  var rest = null;
  function layoutMargin() {
    if (!wide.matches) return;
    if (!margin) buildMargin();
    var origin = margin.getBoundingClientRect().top;
    var visible = notes.filter(function (note) { return shown(note.latarRef) && shown(note); });
    var activeIndex = -1;
    visible.forEach(function (note, i) { if (note.classList.contains("latar-active")) activeIndex = i; });
    if (activeIndex === -1 || !rest) {
      var items = visible.map(function (note) {
        var rects = phraseOf(note.latarRef).getClientRects();
        var line = rects[rects.length - 1];
        var lineHeight = parseFloat(getComputedStyle(note.latarRef.closest("p")).lineHeight) || line.height;
        return {note: note, ideal: line.top - origin, height: note.offsetHeight, lineHeight: lineHeight};
      });
      if (activeIndex !== -1) items[activeIndex].height = items[activeIndex].note.offsetHeight;
      settle(items);
      rest = items;
    }
    var floor = -Infinity;
    rest.forEach(function (item, i) {
      var top = i > activeIndex && activeIndex !== -1 ? Math.max(item.top, floor) : item.top;
      item.note.style.top = top + "px";
      floor = top + item.note.offsetHeight + GAP;
    });
  }
  function relayout() { rest = null; layoutMargin(); }
  if (wide.addEventListener) wide.addEventListener("change", relayout);
  window.addEventListener("resize", relayout);
  window.addEventListener("load", relayout);
  if (window.ResizeObserver) {
    var watched = new ResizeObserver(function () { if (margin) relayout(); });
    article.querySelectorAll(".latar-article-body, .latar-controls").forEach(function (el) { watched.observe(el); });
  }

  /* Reader controls (in the page; the filter is CSS): remember the reader's choice across visits. */
  article.querySelectorAll(".latar-controls input[data-latar-kind]").forEach(function (box) {
    var kind = box.getAttribute("data-latar-kind");
    box.checked = load(KEY_KINDS, []).indexOf(kind) === -1;
    box.addEventListener("change", function () {
      var now = load(KEY_KINDS, []).filter(function (k) { return k !== kind; });
      if (!box.checked) now.push(kind);
      save(KEY_KINDS, now);
    });
  });
  var all = article.querySelector(".latar-hide-all-toggle");
  if (all) {
    all.checked = !!load(KEY_ALL, false);
    all.addEventListener("change", function () { save(KEY_ALL, all.checked); });
  }

  relayout();
})();
