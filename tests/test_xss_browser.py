"""Hostile notes in a real Chromium: no dialog fires while markers are hovered and focused."""

from __future__ import annotations

import pytest
import yaml

from browser import serve
from safety import payloads

pytestmark = pytest.mark.browser
PER_NOTE = 8
META = "title: Uji\nsource_url: https://www.kabarpesisir.id/a\npublisher: Contoh\npublished: '2021-12-31'\nlanguage: id\n"


def hostile_notes(lines: list[str]) -> tuple[dict[str, str], str]:
    """Notes carrying every payload in every field, and an article with a phrase for each note."""
    notes, paragraphs = {}, []
    for index in range(0, len(lines), PER_NOTE):
        group = (lines[index : index + PER_NOTE] * PER_NOTE)[:PER_NOTE]
        number = index // PER_NOTE
        word = f"penanda{number:03d}"
        front = {
            "title": group[0],
            "kind": "background",
            "summary": " ".join(group[:3]),
            "anchors": [{"text": word}],
            "sources": [
                {"title": group[-1], "url": "https://example.org/" + group[1].replace(" ", ""), "publisher": group[2], "date": "2021"}
            ],
        }
        notes[f"n{number:03d}"] = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + "\n\n".join(group) + "\n"
        paragraphs.append(f"Paragraf {word} di sini.")
    return notes, "\n".join(paragraphs)


def hostile_meta(lines: list[str]) -> str:
    """The sidecar's free-text fields carry payloads too (byline, footer, source box, redirect page), those that fit
    the fields' lengths (a longer one is refused: the schema's ``maxLength``)."""
    lines = [line for line in lines if len(line) <= 200]
    extra = {"author": lines[0], "rights": lines[1], "remarks": lines[2:5], "publisher_lines": ["^Baca juga:"], "redirect_from": ["lama"]}
    title = next(line for line in lines if "<" in line and line.strip())  # the page title, the header, the list, the redirect
    return META.replace("title: Uji\n", "") + yaml.safe_dump({"title": title, **extra}, allow_unicode=True)


def test_no_dialog_fires_on_article_or_note_pages(browser, make_site) -> None:
    lines = payloads()
    notes, text = hostile_notes(lines)
    text += "".join(f"\nBaca juga: {line}" for line in lines[::PER_NOTE])  # publisher lines, shown in place
    built = make_site(notes, articles={"uji": (text, hostile_meta(lines))}, strict=False)
    assert built.ok
    assert len(built.soup().select("aside.latar-publisher-line")) == len(lines[::PER_NOTE])
    pages = ["/", "/artikel/lama/"] + [
        f"/anotasi/{stem}/" for stem in sorted(notes) if (built.site / "anotasi" / stem / "index.html").is_file()
    ]
    assert len(pages) > len(notes) // 2, "most hostile notes should still validate and be published"
    server, origin = serve(built.site)
    dialogs: list[str] = []
    page = browser.new_page()
    try:
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        page.goto(origin + "/")
        markers = page.locator("a.footnote-ref")
        for i in range(markers.count()):
            markers.nth(i).focus()
            page.keyboard.press("Escape")
            markers.nth(i).hover(force=True)
            page.wait_for_timeout(30)
            page.mouse.move(0, 0)
            page.keyboard.press("Escape")
        for path in pages[1:]:
            page.goto(origin + path)
            page.hover("body")
    finally:
        page.close()
        server.shutdown()
    assert dialogs == []
    print(f"{len(lines)} payloads in {len(notes)} notes, {len(pages) - 1} note pages visited")
