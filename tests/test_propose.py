"""Select → propose, in a real Chromium: the proposed anchor attaches where the reader selected, and nowhere else.

The site is built from the real article with fixture notes (so new notes in ``docs/anotasi`` never change what
is selectable here). Each round trip selects a phrase with the mouse (or keyboard, or touch), opens the form,
reads the GitHub links it produces, writes the proposed note into the project and runs the real ``check()``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from browser import serve, use_module
from conftest import MKDOCS_YML, SEED_NAME, note_text
from latar.cli.commands import SCAFFOLD_MARKS
from latar.cli.main import main
from latar.cli.proposal import FIELDS
from latar.core import template
from latar.core.anchoring import at_word_boundary, fold
from latar.core.notes import InvalidNote, parse_note
from latar.core.pipeline import check
from latar.core.slug import MAX_LENGTH, slug

pytestmark = pytest.mark.browser
REPOSITORY = "https://github.com/contoh/latar"
CONFIG = MKDOCS_YML.replace("  - latar\n", f"  - latar:\n      repository: {REPOSITORY}\n      branch: terbit\n")
NOTES = {
    "krimea": note_text(),
    "kremlin": note_text(title="Kremlin", kind="organization", summary="Istana di Moskow.", anchors="  - text: Kremlin\n"),
}
TEMPLATE = Path(__file__).resolve().parent.parent / ".github" / "ISSUE_TEMPLATE" / "usulan-anotasi.yml"

# (phrase as selected, which occurrence under latar's rules, what the selection snaps to if different)
ROUND_TRIPS = [
    ("telekonferensi", 2, None),  # the issue's example: the second of two
    ("Ukraina", 4, None),  # many occurrences
    ("sanksi baru", 2, None),  # the second is inside "sanksi-sanksi baru"
    ("Rusia-Nato", 2, None),  # the first is "Rusia-NATO": the same under case folding
    ("Presiden", 5, None),  # capitals and lower case ("presiden Rusia .")
    ("milik Ukraina", 1, None),  # right after the marker of the anchored "Krimea"
    ("semenanjung", 1, None),  # right before the anchored "Krimea"
    ("ancaman", 1, None),  # inside "ancamannya": a clitic may follow, the phrase stays as selected
    ("konferens", 1, "telekonferensi"),  # part of a word: snapped to the whole word
]

BACKWARDS = {"milik Ukraina", "Rusia-Nato"}  # dragged from the end to the start
DOUBLE_CLICK = {"telekonferensi", "Ukraina", "Presiden", "semenanjung"}  # a whole word: double-click; the rest: drag


def paragraphs(root: Path) -> list[str]:
    """The article's paragraphs, as latar anchors in them (via the real pipeline)."""
    result = check(root, root / "seeds", root / "docs" / "anotasi")
    (article,) = [a for a in result.articles if a.name == SEED_NAME]
    return list(article.paragraphs)


def occurrences(texts: list[str], phrase: str) -> list[tuple[int, int, int]]:
    """Every (paragraph, start, end) where latar would match ``phrase`` (case folding, word boundaries)."""
    found, key = [], fold(phrase)
    for index, text in enumerate(texts):
        folded = fold(text)
        start = folded.find(key)
        while start != -1:
            if at_word_boundary(text, start, start + len(key)):
                found.append((index, start, start + len(key)))
            start = folded.find(key, start + 1)
    return found


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """The real article with fixture notes, built and served; yields (project root, origin, paragraphs)."""
    from mkdocs.commands.build import build  # noqa: PLC0415
    from mkdocs.config import load_config  # noqa: PLC0415

    from conftest import FIXTURE_SEEDS  # noqa: PLC0415

    root = tmp_path_factory.mktemp("project")
    (root / "docs" / "anotasi").mkdir(parents=True)
    (root / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        (root / "seeds" / f"{SEED_NAME}{suffix}").write_bytes((FIXTURE_SEEDS / f"{SEED_NAME}{suffix}").read_bytes())
    for note_id, text in NOTES.items():
        (root / "docs" / "anotasi" / f"{note_id}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    server, origin = serve(site)
    yield root, origin, paragraphs(root)
    server.shutdown()


@pytest.fixture
def page(browser, project):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(project[1] + f"/artikel/{SEED_NAME}/")
    yield page
    context.close()
    assert errors == [], errors


# In the page: the client rectangles of [start, end) of paragraph ``index``'s text, markers left out.
RECTS = """([index, start, end, scroll = true]) => {
  const p = document.querySelectorAll('.latar-article-body p')[index];
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let total = 0, n;
  while ((n = walker.nextNode())) {
    if (n.parentElement.closest('sup.latar-ref')) continue;
    if (start >= total && start <= total + n.length) range.setStart(n, start - total);
    if (end >= total && end <= total + n.length) { range.setEnd(n, end - total); break; }
    total += n.length;
  }
  if (scroll) range.startContainer.parentElement.scrollIntoView({block: 'center'});
  const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
  return rects.map(r => ({x: r.x, y: r.y, width: r.width, height: r.height}));
}"""


def drag_select(page, index: int, start: int, end: int, backwards: bool = False) -> None:
    """Select [start, end) of a paragraph with the mouse: from before the first character to after the last, or back.

    Right after a marker, a reader drags backwards: the marker's enlarged target covers the phrase's first pixels.
    """
    rects = page.evaluate(RECTS, [index, start, end])
    first, last = rects[0], rects[-1]
    points = [(first["x"] + 1, first["y"] + first["height"] / 2), (last["x"] + last["width"] - 1, last["y"] + last["height"] / 2)]
    if backwards:
        points.reverse()
    page.mouse.move(*points[0])
    page.mouse.down()
    page.mouse.move(*points[1], steps=5)
    page.mouse.up()


def control(page):
    page.wait_for_selector(".latar-propose-control:not([hidden])")
    return page.locator(".latar-propose-control")


def propose(page, title: str = "", summary: str = "", url: str = "", kind: str = "event") -> tuple[dict, dict]:
    """Open the form from the control, fill it in, return the query of the issue link and of the new-file link."""
    control(page).click()
    page.wait_for_selector("dialog.latar-propose[open]")
    page.fill(".latar-propose input[name=judul]", title)
    page.select_option(".latar-propose select[name=jenis]", kind)
    page.fill(".latar-propose textarea[name=ringkasan]", summary)
    page.fill(".latar-propose input[name=sumber]", url)
    issue = page.get_attribute(".latar-propose-issue", "href")
    new_file = page.get_attribute(".latar-propose-file", "href")
    return split(issue), split(new_file)


def split(url: str) -> dict:
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query, keep_blank_values=True).items()}
    return {"path": f"{parts.scheme}://{parts.netloc}{parts.path}", **query}


def attach(root: Path, note_id: str, text: str) -> list:
    """Write the proposed note into the project, run the real check, return its placements and the problems."""
    path = root / "docs" / "anotasi" / f"{note_id}.md"
    path.write_text(text, encoding="utf-8")
    try:
        result = check(root, root / "seeds", root / "docs" / "anotasi")
    finally:
        path.unlink()
    placements = [p for placed in result.placed for p in placed.placements if p.note_id == note_id]
    others = {p.note_id for placed in result.placed for p in placed.placements} - {note_id}
    return placements, result.problems, others


@pytest.mark.parametrize(("phrase", "nth", "snapped"), ROUND_TRIPS, ids=[f"{p}-{n}" for p, n, _ in ROUND_TRIPS])
def test_round_trip_attaches_to_the_selected_occurrence_only(page, project, phrase: str, nth: int, snapped: str | None) -> None:
    root, _, texts = project
    expected_phrase = snapped or phrase
    found = occurrences(texts, phrase) if snapped is None else [(i, s, e) for i, s, e in _parts(texts, phrase)]
    assert len(found) >= nth, f"the article has {len(found)} occurrences of {phrase!r}"
    index, start, end = found[nth - 1]
    if phrase in DOUBLE_CLICK:
        rects = page.evaluate(RECTS, [index, start, end])
        page.mouse.dblclick(rects[0]["x"] + rects[0]["width"] / 2, rects[0]["y"] + rects[0]["height"] / 2)
    else:
        drag_select(page, index, start, end, backwards=phrase in BACKWARDS)
    issue, new_file = propose(page, summary="Ringkasan uji.", url="https://example.net/sumber")

    # The issue form link: the template's own fields, everything filled in.
    assert issue["path"] == f"{REPOSITORY}/issues/new"
    assert issue["template"] == "usulan-anotasi.yml"
    fields = {item["id"] for item in yaml.safe_load(TEMPLATE.read_text("utf-8"))["body"] if "id" in item}
    assert set(issue) - {"path", "template", "title"} <= fields
    assert issue["frasa"] == expected_phrase
    assert issue["artikel"] == SEED_NAME
    assert issue["jenis"] == "event"
    assert issue["ringkasan"] == "Ringkasan uji."
    assert issue["sumber"] == "https://example.net/sumber"

    # The new-file link: a complete note in the notes folder of the configured branch.
    assert new_file["path"] == f"{REPOSITORY}/new/terbit"
    assert new_file["filename"].startswith("docs/anotasi/") and new_file["filename"].endswith(".md")
    note_id = Path(new_file["filename"]).stem
    text = new_file["value"]
    (anchor,) = anchors_of(note_id, text)
    assert anchor.articles == (SEED_NAME,), "the proposal applies to the article it was made in"
    assert (anchor.text, anchor.prefix, anchor.suffix) == (issue["frasa"], issue.get("prefix", ""), issue.get("suffix", ""))

    # As proposed, the note is complete but for what the proposer could not know: check points at each TODO.
    _, problems, _ = attach(root, note_id, text)
    mine = [p for p in problems if p.path == f"docs/anotasi/{note_id}.md"]
    assert mine and all(any(mark in p.message for mark in SCAFFOLD_MARKS) for p in mine), mine
    assert [p for p in problems if p not in mine] == []

    # Filled in, it attaches to the selected occurrence, and to no other.
    placements, problems, others = attach(root, note_id, completed(anchor))
    assert [(p.paragraph, p.start, p.end) for p in placements] == [(index, *_snap(texts[index], start, end))]
    assert placements[0].phrase.casefold() == expected_phrase.casefold()
    assert others == set(NOTES), "the proposed note displaced another note"
    assert problems == ()

    # The maintainer accepts the issue in one command; GitHub trims the answers, the article restores the spaces.
    body = issue_body({key: value.strip() for key, value in issue.items()})
    (root / "issue.md").write_text(body, encoding="utf-8")
    assert main(["--root", str(root), "note-from-issue", str(root / "issue.md"), "--id", "dari-isu"]) == 0
    accepted = (root / "docs" / "anotasi" / "dari-isu.md").read_text("utf-8")
    (root / "docs" / "anotasi" / "dari-isu.md").unlink()
    (accepted_anchor,) = anchors_of("dari-isu", accepted)
    again, _, _ = attach(root, "dari-isu", completed(accepted_anchor))
    assert [(p.block, p.start, p.end) for p in again] == [(p.block, p.start, p.end) for p in placements]


def anchors_of(note_id: str, text: str) -> tuple:
    """The anchors of a note, whether or not it can be published yet (a proposal cannot: its TODOs)."""
    try:
        return parse_note(note_id, text, f"docs/anotasi/{note_id}.md").anchors
    except InvalidNote as err:
        return err.anchors


def completed(anchor) -> str:
    """A note a maintainer has filled in (sources, body), with the proposed anchor."""
    fields = {
        "text": anchor.text,
        **({"prefix": anchor.prefix} if anchor.prefix else {}),
        **({"suffix": anchor.suffix} if anchor.suffix else {}),
    }
    fields["articles"] = list(anchor.articles)
    anchors = yaml.safe_dump([fields], allow_unicode=True, default_flow_style=False, width=1000)
    return note_text(title="Usulan", kind="event", anchors="".join("  " + line + "\n" for line in anchors.splitlines()))


def issue_body(answers: dict[str, str]) -> str:
    """An issue form's body as GitHub renders it: '### <label>', the answer or '_No response_'."""
    return "\n\n".join(f"### {label}\n\n{answers.get(key) or '_No response_'}" for key, label in FIELDS.items()) + "\n"


def _parts(texts: list[str], part: str) -> list[tuple[int, int, int]]:
    """Occurrences of ``part`` inside words (for the snapping case)."""
    found = []
    for index, text in enumerate(texts):
        start = text.find(part)
        while start != -1:
            found.append((index, start, start + len(part)))
            start = text.find(part, start + 1)
    return found


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """The selection grown to whole words, as latar matches them (a clitic may stay outside)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while not at_word_boundary(text, start, end):
        end += 1
    return start, end


def test_the_new_file_never_takes_the_name_of_a_note_in_the_article(page, project) -> None:
    _, _, texts = project
    index, start, end = occurrences(texts, "telekonferensi")[0]
    drag_select(page, index, start, end)
    _, new_file = propose(page, title="Krimea")
    assert new_file["filename"] == "docs/anotasi/krimea-2.md"


def test_keyboard_selection_then_tab_reaches_the_control(page, project) -> None:
    """Extend a selection with Shift+Ctrl+→; Tab reaches the control; Enter opens the form, Esc returns focus."""
    _, _, texts = project
    index, start, _ = occurrences(texts, "pejabat administrasi senior")[0]
    rects = page.evaluate(RECTS, [index, start, start + len("pejabat")])
    page.mouse.dblclick(rects[0]["x"] + 2, rects[0]["y"] + rects[0]["height"] / 2)
    page.keyboard.press("Shift+Control+ArrowRight")
    page.keyboard.press("Shift+Control+ArrowRight")
    page.wait_for_function("() => getSelection().toString().trim() === 'pejabat administrasi senior'")
    control(page)
    page.wait_for_timeout(200)
    for _ in range(10):  # past any marker between the selection and the control
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('latar-propose-control')"):
            break
    assert page.evaluate("document.activeElement.textContent") == "Usulkan catatan"
    page.keyboard.press("Enter")
    page.wait_for_selector("dialog.latar-propose[open]")
    assert page.evaluate("document.activeElement.name") == "judul"
    issue = split(page.get_attribute(".latar-propose-issue", "href"))
    assert issue["frasa"] == "pejabat administrasi senior"
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.latar-propose:not([open])", state="attached")
    assert page.evaluate("document.activeElement.classList.contains('latar-propose-control')")


def test_touch_selection_shows_the_control_below_it(browser, project) -> None:
    _, origin, texts = project
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, device_scale_factor=2)
    page = context.new_page()
    page.goto(origin + f"/artikel/{SEED_NAME}/")
    index, start, end = occurrences(texts, "telekonferensi")[1]
    rects = page.evaluate(RECTS, [index, start, end])
    # A long press selects the word; Playwright cannot long-press, so the page selects it as the browser would.
    page.evaluate(
        """([index, start, end]) => {
      const p = document.querySelectorAll('.latar-article-body p')[index];
      const node = Array.from(p.childNodes).find(n => n.nodeType === 3 && n.data.includes('telekonferensi'));
      const at = node.data.indexOf('telekonferensi');
      getSelection().setBaseAndExtent(node, at, node, at + 'telekonferensi'.length);
    }""",
        [index, start, end],
    )
    button = control(page).bounding_box()
    assert button["y"] >= rects[-1]["y"] + rects[-1]["height"], "the control sits below the selection (the browser's own menu is above)"
    assert button["x"] >= 0 and button["x"] + button["width"] <= 390
    assert button["height"] >= 24 and button["width"] >= 24
    control(page).tap()
    page.wait_for_selector("dialog.latar-propose[open]")
    issue = split(page.get_attribute(".latar-propose-issue", "href"))
    assert issue["frasa"] == "telekonferensi" and issue["suffix"].startswith(" media")
    context.close()


def test_showing_the_control_and_the_form_moves_nothing(page, project) -> None:
    _, _, texts = project
    boxes = "Array.from(document.querySelectorAll('.latar-article-body > *:not(.latar-propose-control)')).map(e => {const r = e.getBoundingClientRect(); return [r.x, r.y + scrollY, r.width, r.height];})"
    page.evaluate(
        "window.__shifts = 0; new PerformanceObserver(l => l.getEntries().forEach(e => window.__shifts += e.value)).observe({type: 'layout-shift'})"
    )
    index, start, end = occurrences(texts, "Ukraina")[2]
    rects = page.evaluate(RECTS, [index, start, end])
    before = page.evaluate(boxes)
    page.mouse.dblclick(rects[0]["x"] + rects[0]["width"] / 2, rects[0]["y"] + rects[0]["height"] / 2)
    control(page)
    assert page.evaluate("getComputedStyle(document.querySelector('.latar-propose-control')).position") == "absolute"
    assert page.evaluate(boxes) == before
    control(page).click()
    page.wait_for_selector("dialog.latar-propose[open]")
    assert page.evaluate(boxes) == before
    page.wait_for_timeout(300)
    assert page.evaluate("window.__shifts") == 0


def test_without_javascript_there_is_no_control(browser, project) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(project[1] + f"/artikel/{SEED_NAME}/")
    assert page.locator(".latar-article-body p").count() > 10
    assert page.locator(".latar-propose-control, dialog.latar-propose").count() == 0
    context.close()


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (("Namun, Putin", 0), ("sanksi baru", 0), None),  # one paragraph: no message
        (("menjatuhkan sanksi baru", 0), ("Pembicaraan Putin", 0), "satu paragraf"),
        (("semenanjung Krimea", 0), ("semenanjung Krimea", 0), "“Krimea”, yang sudah punya catatan"),
        (("Krimea milik", 0), ("Krimea milik", 0), "“Krimea”, yang sudah punya catatan"),
    ],
    ids=["one-paragraph", "two-paragraphs", "overlaps-anchor-before", "overlaps-anchor-after"],
)
def test_selections_that_cannot_be_proposed_get_a_message(page, project, first, last, expected) -> None:
    _, _, texts = project
    a = occurrences(texts, first[0])[first[1]]
    b = occurrences(texts, last[0])[last[1]]
    start_rects = page.evaluate(RECTS, [a[0], a[1], a[2]])  # scrolls to the start; the end is in the next paragraph
    end_rects = page.evaluate(RECTS, [b[0], b[1], b[2], False])
    page.mouse.move(start_rects[0]["x"] + 1, start_rects[0]["y"] + start_rects[0]["height"] / 2)
    page.mouse.down()
    page.mouse.move(end_rects[-1]["x"] + end_rects[-1]["width"] - 1, end_rects[-1]["y"] + end_rects[-1]["height"] / 2, steps=8)
    page.mouse.up()
    control(page).click()
    page.wait_for_selector("dialog.latar-propose[open]")
    message = page.locator(".latar-propose-message")
    if expected is None:
        assert not message.is_visible()
        assert page.locator(".latar-propose-issue").is_visible()
    else:
        assert message.is_visible() and expected in message.inner_text()
        assert page.get_attribute(".latar-propose-message", "role") == "alert"
        assert not page.locator(".latar-propose-issue").is_visible()
        assert not page.locator(".latar-propose-file").is_visible()


def test_the_javascript_rules_are_latars(page) -> None:
    """fold() and at_word_boundary() in propose/rules.js give Python's answers on every span of tricky and random text."""
    import random  # noqa: PLC0415

    tricky = [
        "Putinnya datang; Biden-lah, Rusia-pun, apakah-kah",
        "İstanbul ΣΟΦΟΣ Straße ǅemal ﬁrma",
        "x²+y² = 10½ ٣ Ⅻ",
        "café cafe\u0301 naïve",
        "AS (30/12/2021) —“kata” 𝐀𝐁 😀ab",
        "Pun pun nyanya lahkah kahlah",
    ]
    rng = random.Random(15)
    alphabet = "aZnyplhku İıΣσςß²½-_.’ \u0301😀"
    tricky += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(60)]
    spans = [(t, s, e) for t in tricky for s in range(len(t)) for e in range(s + 1, len(t) + 1)]
    use_module(page, "propose/rules.js", "latarRules")
    js = page.evaluate(
        "([texts, spans]) => [texts.map(t => latarRules.fold(t)), spans.map(([t, s, e]) => latarRules.atWordBoundary(t, s, e))]",
        [tricky, spans],
    )
    assert js[0] == [fold(t) for t in tricky]
    expected = [at_word_boundary(t, s, e) for t, s, e in spans]
    mismatches = [span for span, a, b in zip(spans, js[1], expected, strict=True) if a != b]
    assert mismatches == [], mismatches[:10]


# Fields as the form gives them (trimmed), and what only a hostile or careless proposer would type.
TRICKY = '“kutip” "dobel" \\garis\\ {phrase} </script> # a: b - c yes null ~ 😀 \u2028 \u0085 \x9b \x7f \t ⁠'
PROPOSALS = [
    {"phrase": "telekonferensi", "kind": "background"},
    {
        "phrase": "Rusia-Nato",
        "prefix": "dialog ",
        "suffix": " dan",
        "title": "Dewan NATO–Rusia",
        "kind": "organization",
        "summary": "Forum sejak 2002.",
        "url": "https://www.nato.int/cps/en/natohq/topics_50091.htm",
        "article": SEED_NAME,
    },
    {"phrase": "sanksi", "kind": "event", "url": "http://contoh.org/sanksi"},
    {"phrase": "sanksi", "kind": "event", "url": "https://contoh.org/ruang kosong"},
    {
        "phrase": TRICKY,
        "prefix": TRICKY,
        "suffix": TRICKY,
        "title": TRICKY,
        "kind": "place",
        "summary": f"baris\n{TRICKY}",
        "url": f"https://example.net/{TRICKY}",
        "article": TRICKY,
    },
]


def test_a_proposal_written_in_the_browser_is_pythons_note_byte_for_byte(page) -> None:
    """The form's note (propose/note.js, the template from the page's data) equals core/template.note_text."""
    use_module(page, "propose/note.js", "latarNote")
    cases = [{**case, "accessed": "2026-12-02"} for case in PROPOSALS]
    written = page.evaluate(
        """cases => {
          const { template } = JSON.parse(document.getElementById('latar-data').textContent).propose;
          return cases.map(({url, ...fields}) => latarNote.noteText(template, {...fields, sources: url ? [url] : []}));
        }""",
        cases,
    )
    for case, text in zip(cases, written, strict=True):
        fields = {key: value for key, value in case.items() if key != "url"}
        assert text == template.note_text(template.NoteFields(**fields, sources=(case["url"],) if "url" in case else ())), case
        front = yaml.safe_load(text.split("---\n")[1])
        (anchor,) = front["anchors"]
        assert (front["title"], anchor["text"], anchor.get("prefix", ""), anchor.get("suffix", "")) == (
            case.get("title") or case["phrase"],
            case["phrase"],
            case.get("prefix", ""),
            case.get("suffix", ""),
        ), "the YAML reads back what was typed"
        if "summary" in case:
            assert front["summary"] == case["summary"]


def test_the_javascript_slug_is_pythons(page) -> None:
    use_module(page, "propose/note.js", "latarNote")
    titles = ["Telekonferensi Gedung Putih", "Pérez — “Rusia-NATO”", "…", "kata " * 40, "ǅemal İstanbul ﬁrma ½", TRICKY, ""]
    js = page.evaluate(
        "titles => titles.map(t => latarNote.slug(t, JSON.parse(document.getElementById('latar-data').textContent).propose.slug))", titles
    )
    assert js == [slug(title, limit=MAX_LENGTH) for title in titles]


@pytest.mark.parametrize("state", ["control", "form", "message"])
def test_axe_finds_no_violations_in_the_control_and_the_form(page, project, state: str) -> None:
    from axe_playwright_python.sync_playwright import Axe  # noqa: PLC0415

    _, _, texts = project
    phrase = "semenanjung Krimea" if state == "message" else "telekonferensi"
    index, start, end = occurrences(texts, phrase)[0]
    drag_select(page, index, start, end)
    control(page)
    if state != "control":
        control(page).click()
        page.wait_for_selector("dialog.latar-propose[open]")
    page.mouse.move(1, 1)  # the drag ended on a marker: let its tooltip close, this test is about the proposal's UI
    page.wait_for_selector(".md-tooltip2--active", state="detached", timeout=5000)
    violations = Axe().run(page).response["violations"]
    assert [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations] == []
