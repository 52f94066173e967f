"""``mkdocs serve`` never goes dark: a real server with a broken note, then a broken article.

Every page answers within a second, and the problem (file, line, message) stands on the pages it
affects; the terminal prints the problem and not MkDocs' list of pages missing from the nav.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import BODY, FIXTURE_SEEDS, MKDOCS_YML, SEED_NAME, SITE_NOTES, note_text, write_project
from latar.core.memo import Memo
from latar.core.notes import ParsedNotes
from latar.core.problems import InputError
from latar.mkdocs import dirty

BROKEN = note_text(title="Rusak", kind="tokoh", anchors="  - text: NATO\n")
ANSWER_WITHIN = 1.0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str, float]:
    """Status, body and seconds taken; a page that does not answer within the limit fails the test."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=ANSWER_WITHIN * 3) as response:
            status, body = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        status, body = err.code, err.read().decode("utf-8", "replace")
    return status, body, time.perf_counter() - started


def wait_for(predicate, seconds: float = 30.0, step: float = 0.2):
    """Poll ``predicate`` until it returns something truthy, for at most ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            found = predicate()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(step)
    pytest.fail(f"gave up after {seconds} s waiting for the server")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    (root / "docs" / "anotasi").mkdir(parents=True)
    (root / "seeds").mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", root / "seeds" / f"{SEED_NAME}{suffix}")
    nav = "nav:\n  - Artikel: artikel/index.md\n  - Anotasi: anotasi/index.md\n  - Linimasa: linimasa.md\n"  # as the real site: anything else is "not in nav"
    (root / "mkdocs.yml").write_text(MKDOCS_YML + nav, encoding="utf-8")
    (root / "docs" / "anotasi" / "krimea.md").write_text(note_text(), encoding="utf-8")
    (root / "docs" / "anotasi" / "rusak.md").write_text(BROKEN, encoding="utf-8")
    return root


@pytest.fixture
def server(project: Path, tmp_path: Path):
    port = free_port()
    log = (tmp_path / "serve.log").open("w+", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"], cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        origin = f"http://127.0.0.1:{port}/latar/"  # site_url's path is the mount path
        wait_for(lambda: get(origin)[0] == 200)
        yield origin, log
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()


def pages(origin: str) -> list[str]:
    """Every page of the served site, from its sitemap, and the broken note's address."""
    _, sitemap, _ = get(origin + "sitemap.xml")
    return sorted({*re.findall(r"<loc>(.*?)</loc>", sitemap), origin + "anotasi/rusak/"})


def test_serve_shows_problems_on_the_pages_and_keeps_answering(project: Path, server) -> None:
    origin, log = server
    problem = "docs/anotasi/rusak.md:3"
    urls = pages(origin)
    assert len(urls) >= 6
    timings = {}
    for url in urls:
        status, body, seconds = get(url)
        timings[url] = seconds
        assert status == 200, url
        if "/anotasi/krimea/" in url:
            assert "latar-problems" not in body, "a healthy note's page shows only its own problems"
        elif "/assets/" not in url:
            assert "latar-problems" in body and problem in body and "'kind' is 'tokoh'" in body, url
    assert max(timings.values()) < ANSWER_WITHIN, timings
    log.seek(0)
    terminal = log.read()
    assert problem in terminal and "WARNING" in terminal
    assert "not included in the" not in terminal

    # Fixed, it disappears from the pages; a broken article then leaves a home page that says why.
    (project / "docs" / "anotasi" / "rusak.md").write_text(note_text(title="Rusak", kind="organization", anchors="  - text: NATO\n"))
    wait_for(lambda: "latar-problems" not in get(origin)[1])
    sidecar = project / "seeds" / f"{SEED_NAME}.yml"
    sidecar.write_text(re.sub(r"(?m)^publisher:.*\n", "", sidecar.read_text("utf-8")), encoding="utf-8")

    def home_naming_the_sidecar() -> str | None:
        body = get(origin)[1]
        return body if f"seeds/{SEED_NAME}.yml" in body else None

    home = wait_for(home_naming_the_sidecar)
    assert "missing required field 'publisher'" in home
    for url in (origin, origin + "anotasi/", origin + "anotasi/krimea/", origin + f"artikel/{SEED_NAME}/"):
        status, body, seconds = get(url)
        assert status == 200 and seconds < ANSWER_WITHIN, url
    assert "missing required field 'publisher'" in body, "the broken article keeps its address and says why"


def test_strict_build_still_fails_on_the_same_problem(project: Path, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "docs/anotasi/rusak.md:3" in result.stderr
    assert "not included in the" not in result.stderr


@contextlib.contextmanager
def serving(project: Path, log_path: Path, *options: str):
    """``mkdocs serve`` (with ``options``) on a free port (dates from SOURCE_DATE_EPOCH, so two servers date pages alike); its origin and log."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1640995200"}
    with log_path.open("w+", encoding="utf-8") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", *options, "-a", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            origin = f"http://127.0.0.1:{port}/latar/"
            wait_for(lambda: get(origin)[0] == 200)
            yield origin, log_path
        finally:
            process.terminate()
            process.wait(timeout=10)


LIVERELOAD = re.compile(r"<script>\s*var livereload = .*?</script>", re.DOTALL)


def served(origin: str, url: str) -> str:
    """A page as served, without the server's reload script and with its origin named the same on every server."""
    return LIVERELOAD.sub("", get(url)[1]).replace(origin, "ORIGIN/").replace(origin.rstrip("/").rsplit(":", 1)[0], "HOST")


def test_a_rebuild_serves_what_a_new_server_serves(project: Path, tmp_path: Path) -> None:
    """``mkdocs serve --dirty`` as ``make serve`` runs it: a save rebuilds only the pages it touches, and
    ``on_post_build`` reuses the pieces of its outputs whose inputs are unchanged: every page, the Web Annotation
    collection and the search index (its ``index.json`` names a hash of every file in it) then are what a fresh server
    serves. The terminal says what was rebuilt, in place of MkDocs' warning about dirty builds."""
    (project / "docs" / "anotasi" / "rusak.md").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("plugins:\n  - latar\n", "plugins:\n  - search\n  - latar\n"), encoding="utf-8")
    note = project / "docs" / "anotasi" / "krimea.md"
    outputs = ["anotasi.jsonld", "cari/index.json", f"artikel/{SEED_NAME}/teks.txt"]
    with serving(project, tmp_path / "first.log", "--dirty") as (origin, log):
        note.write_text(note_text(summary="Semenanjung di Laut Hitam, diduduki sejak 2014."), encoding="utf-8")
        wait_for(lambda: "touched by docs/anotasi/krimea.md" in log.read_text("utf-8"))
        wait_for(lambda: log.read_text("utf-8").count("search index, annotations and cards written") == 2)
        after = {url.replace(origin, "ORIGIN/"): served(origin, url) for url in [*pages(origin), *(origin + path for path in outputs)]}
        terminal = log.read_text("utf-8")
        reused = re.findall(r"(\d+) pieces of the outputs reused", terminal)[-1:]
    with serving(project, tmp_path / "second.log") as (origin, _):
        fresh = {url.replace(origin, "ORIGIN/"): served(origin, url) for url in [*pages(origin), *(origin + path for path in outputs)]}
    assert after.keys() == fresh.keys()
    assert [url for url in fresh if after[url] != fresh[url]] == []
    assert "diduduki sejak 2014" in after["ORIGIN/anotasi/krimea/"]
    assert "diduduki sejak 2014" in after["ORIGIN/anotasi.jsonld"]
    assert '"build"' in after["ORIGIN/cari/index.json"]
    assert reused and int(reused[0]) > 0, "the unchanged article's search counts come from the last build"
    assert re.search(r"preview: rebuilt \d+ pages touched by docs/anotasi/krimea.md; \d+ unchanged", terminal)
    assert "'dirty' build" not in terminal


def test_a_preview_parses_again_only_the_notes_that_changed() -> None:
    parsed = ParsedNotes()
    first = parsed.parse("krimea", note_text(), "docs/anotasi/krimea.md")
    parsed.next_build()
    assert parsed.parse("krimea", note_text(), "docs/anotasi/krimea.md") is first, "an unchanged note is not parsed again"
    changed = parsed.parse("krimea", note_text(summary="Semenanjung."), "docs/anotasi/krimea.md")
    assert changed is not first and changed.summary == "Semenanjung."
    for _ in range(2):
        parsed.next_build()
        with pytest.raises(InputError) as broken:
            parsed.parse("rusak", BROKEN, "docs/anotasi/rusak.md")
        assert any("'kind' is 'tokoh'" in problem.message for problem in broken.value.problems)


def test_a_memo_keeps_only_what_the_last_build_used() -> None:
    memo: Memo[str] = Memo()
    assert memo.get("a", lambda: "first") == "first"
    memo.next_build()
    assert memo.get("a", lambda: "again") == "first" and memo.reused == 1, "a key the last build used is not computed again"
    memo.next_build()
    memo.next_build()
    assert memo.get("a", lambda: "again") == "again", "a key the last build did not use is forgotten"


# ``mkdocs serve --dirty`` (as ``make serve`` runs it): a save rebuilds the pages it touches, and the site is the
# one a clean serve build of the same files writes.

SERVE_URL = "http://127.0.0.1:8000/latar/"
"""What ``mkdocs serve`` sets ``site_url`` to (its mount path is ``site_url``'s path)."""
SERVE_BUILD = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="serve", dirty=False)
config.site_url = sys.argv[3]
build(config, serve_url=sys.argv[3], dirty=False)
"""
"""A clean build as ``mkdocs serve`` (without ``--dirty``) makes it, in a process of its own: a new server."""


class Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname} {record.getMessage()}")


@pytest.fixture
def dirty_serve(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Rebuilds as ``mkdocs serve --dirty`` runs them, in this process (its plugin instance kept between rebuilds, a
    site folder named as serve's temporary one); each returns what MkDocs and latar logged."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    root = write_project(tmp_path / "project", SITE_NOTES)
    site = tmp_path / "mkdocs_serve"
    site.mkdir()
    first = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    first.plugins.on_startup(command="serve", dirty=True)

    def rebuild() -> list[str]:
        handler, logger = Logged(), logging.getLogger("mkdocs")
        level = logger.level
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)  # as ``mkdocs serve`` sets it
        try:
            config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
            config.site_url = SERVE_URL
            build(config, serve_url=SERVE_URL, dirty=True)
            config.plugins["latar"].background.wait()  # what the server serves once the search index is written
        finally:
            logger.removeHandler(handler)
            logger.setLevel(level)
        return handler.lines

    try:
        yield root, site, rebuild
    finally:
        first.plugins.on_startup(command="build", dirty=False)  # the plugin instance is shared by this process' builds


def clean_serve_build(root: Path, site: Path) -> Path:
    """The same files built as a new ``mkdocs serve`` builds them."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-c", SERVE_BUILD, str(root / "mkdocs.yml"), str(site), SERVE_URL], env=env, check=True, cwd=root)
    return site


def differences(built: Path, reference: Path) -> list[str]:
    """Every file that is missing, extra or not byte-identical between two site folders."""
    ours = {path.relative_to(built).as_posix() for path in built.rglob("*") if path.is_file()}
    theirs = {path.relative_to(reference).as_posix() for path in reference.rglob("*") if path.is_file()}
    found = [f"missing {name}" for name in sorted(theirs - ours)] + [f"stale {name}" for name in sorted(ours - theirs)]
    return found + [f"differs {name}" for name in sorted(ours & theirs) if (built / name).read_bytes() != (reference / name).read_bytes()]


def preview_line(lines: list[str]) -> tuple[int, int] | None:
    """Pages rebuilt and left unchanged, from latar's line (None: a full rebuild, or no line)."""
    found = [re.search(r"preview: rebuilt (\d+) pages touched by .*; (\d+) unchanged", line) for line in lines]
    return next(((int(m.group(1)), int(m.group(2))) for m in found if m), None)


def _anotasi(root: Path, note_id: str) -> Path:
    return root / "docs" / "anotasi" / f"{note_id}.md"


EDITS = [
    ("body", False, lambda root: _anotasi(root, "krimea").write_text(note_text(body=BODY + "\nSatu kalimat baru.\n"), encoding="utf-8")),
    (
        "summary",
        False,
        lambda root: _anotasi(root, "krimea").write_text(note_text(summary="Semenanjung di utara Laut Hitam."), encoding="utf-8"),
    ),
    ("phrase", False, lambda root: _anotasi(root, "krimea").write_text(note_text(anchors="  - text: Ukraina timur\n"), encoding="utf-8")),
    (
        "title",
        True,
        lambda root: _anotasi(root, "nato").write_text(SITE_NOTES["nato"].replace("title: NATO", "title: Pakta NATO"), encoding="utf-8"),
    ),
    (
        "new note",
        True,
        lambda root: _anotasi(root, "sevastopol").write_text(note_text(title="Sevastopol", anchors="  - text: Krimea milik\n")),
    ),
    ("deleted note", True, lambda root: _anotasi(root, "krisis-rudal-kuba").unlink()),
    (
        "article",
        True,
        lambda root: (root / "seeds" / f"{SEED_NAME}.yml").write_text(
            (root / "seeds" / f"{SEED_NAME}.yml").read_text("utf-8") + '  - "Satu catatan redaksi lagi."\n', encoding="utf-8"
        ),
    ),
]
"""Each save, whether it rebuilds every page, and the save itself (in this order: each starts from the last one)."""


def test_a_dirty_rebuild_writes_what_a_clean_build_writes(dirty_serve, tmp_path: Path) -> None:
    root, site, rebuild = dirty_serve
    rebuild()
    for number, (edit, full, save) in enumerate(EDITS):
        save(root)
        lines = rebuild()
        counts = preview_line(lines)
        assert (counts is None) == full, (edit, [line for line in lines if "preview:" in line])
        assert not any("'dirty' build" in line for line in lines), "MkDocs' warning is replaced by latar's line"
        reference = clean_serve_build(root, tmp_path / f"mkdocs_reference{number}")
        assert differences(site, reference) == [], edit


def test_a_dirty_rebuild_renders_only_the_pages_a_save_touches(dirty_serve) -> None:
    """A body edit renders the note's page and the pages that list every note; the others are neither rendered nor
    written (MkDocs asks ``File.is_modified``: if it stops asking, this fails)."""
    root, site, rebuild = dirty_serve
    rebuild()
    untouched = site / "anotasi" / "nato" / "index.html"
    written = untouched.stat().st_mtime_ns
    EDITS[0][2](root)
    lines = rebuild()
    assert preview_line(lines) == (4, 4), [line for line in lines if "preview" in line]
    assert any("touched by docs/anotasi/krimea.md" in line for line in lines)
    assert untouched.stat().st_mtime_ns == written, "a page the save does not touch is not written again"
    assert "Satu kalimat baru" in (site / "anotasi" / "krimea" / "index.html").read_text("utf-8")


class Blind(dict):
    """Inputs whose every file looks unchanged to a page's key."""

    def get(self, key: str, default: object = None) -> str:
        return "unchanged"


def test_the_equality_check_sees_a_page_skipped_by_mistake(dirty_serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Broken on purpose: a note page's key that leaves out the note's text. The comparison must then see the stale page."""
    root, site, rebuild = dirty_serve
    keyed = dirty.DirtyPreview._key
    monkeypatch.setattr(dirty.DirtyPreview, "_key", staticmethod(lambda file, s, signature, inputs: keyed(file, s, signature, Blind())))
    rebuild()
    EDITS[0][2](root)
    rebuild()
    assert differences(site, clean_serve_build(root, tmp_path / "mkdocs_reference")) == ["differs anotasi/krimea/index.html"]


def test_a_mkdocs_that_stops_asking_is_said_loudly(dirty_serve, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A MkDocs whose dirty build renders the pages latar marks unmodified (as if it no longer asked
    ``File.is_modified``): the terminal says so as a warning, the site stays right, the next rebuild is a full one."""
    root, site, rebuild = dirty_serve
    rebuild()
    unmodified = dirty._unmodified
    monkeypatch.setattr(dirty, "_unmodified", lambda: True)
    EDITS[0][2](root)
    lines = rebuild()
    assert any(line.startswith("WARNING") and "no longer asks File.is_modified" in line for line in lines), lines
    assert differences(site, clean_serve_build(root, tmp_path / "mkdocs_reference")) == []
    monkeypatch.setattr(dirty, "_unmodified", unmodified)
    _anotasi(root, "krimea").write_text(note_text(), encoding="utf-8")
    assert preview_line(rebuild()) is None, "nothing was kept from the build MkDocs did its own way: a full rebuild"
