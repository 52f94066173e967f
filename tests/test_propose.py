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
from playwright.sync_api import sync_playwright

from browser import launch, serve
from conftest import MKDOCS_YML, SEED_NAME, note_text
from latar.anchoring import at_word_boundary, fold
from latar.check import check
from latar.notes import parse_note

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

    from conftest import SEEDS  # noqa: PLC0415

    root = tmp_path_factory.mktemp("project")
    (root / "docs" / "anotasi").mkdir(parents=True)
    (root / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        (root / "seeds" / f"{SEED_NAME}{suffix}").write_bytes((SEEDS / f"{SEED_NAME}{suffix}").read_bytes())
    for note_id, text in NOTES.items():
        (root / "docs" / "anotasi" / f"{note_id}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True))
    server, origin = serve(site)
    yield root, origin, paragraphs(root)
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


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
RECTS = """([index, start, end]) => {
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
  range.startContainer.parentElement.scrollIntoView({block: 'center'});
  const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
  return rects.map(r => ({x: r.x, y: r.y, width: r.width, height: r.height}));
}"""


def drag_select(page, index: int, start: int, end: int) -> None:
    """Select [start, end) of a paragraph with the mouse: press before the first character, release after the last."""
    rects = page.evaluate(RECTS, [index, start, end])
    first, last = rects[0], rects[-1]
    page.mouse.move(first["x"] + 1, first["y"] + first["height"] / 2)
    page.mouse.down()
    page.mouse.move(last["x"] + last["width"] - 1, last["y"] + last["height"] / 2, steps=5)
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
    placements = [p for rendered in result.rendered for p in rendered.placements if p.note_id == note_id]
    others = {p.note_id for rendered in result.rendered for p in rendered.placements} - {note_id}
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
        drag_select(page, index, start, end)
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
    note = parse_note(note_id, text, f"docs/anotasi/{note_id}.md")
    (anchor,) = note.anchors
    assert (anchor.text, anchor.prefix, anchor.suffix) == (issue["frasa"], issue.get("prefix", ""), issue.get("suffix", ""))

    placements, problems, others = attach(root, note_id, text)
    assert [(p.block, p.start, p.end) for p in placements] == [(index, *_snap(texts[index], start, end))]
    assert placements[0].phrase.casefold() == expected_phrase.casefold()
    assert others == set(NOTES), "the proposed note displaced another note"
    leftovers = [p for p in problems if "TODO" not in p.message and "example." not in p.message]
    assert leftovers == [], leftovers


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
