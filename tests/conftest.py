"""Shared fixtures: real MkDocs builds of small sites in ``tmp_path``."""

from __future__ import annotations

import logging
import os
import shutil
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from browser import CSP_VIOLATIONS, take_latar_errors
from reading import browser, served  # noqa: F401 - module fixtures of the test_reading_* files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
"""The real articles: tests of real content iterate over whatever is here."""
FIXTURE_SEEDS = ROOT / "tests" / "fixtures" / "seeds"
"""The article of the small fixture sites (a copy of one real seed), so that unit and build tests do not depend on
what seeds/ holds."""
SEED_NAME = "intisari-2021-12-31-putin-biden"
SEED_SHA256 = "d5fe8bf8b0352cc3563aa5c00c39f5853bd72a19007128667fc3b463216995f6"

MKDOCS_YML = """\
site_name: test
site_url: https://example.org/latar/
theme:
  name: material
  language: id
  font: false
  features: [content.footnote.tooltips]
plugins:
  - latar
markdown_extensions: [footnotes]
"""


SOURCE_URL = "https://www.antaranews.com/berita/krimea"
"""The first source's address in :func:`note_text` (tests replace it to make a note invalid)."""
BODY = (
    "Krimea adalah semenanjung di pantai utara Laut Hitam yang dihuni oleh beragam kelompok penduduk. "
    "Wilayah ini pernah menjadi bagian dari berbagai negara dan kerajaan, dan kedudukannya selalu penting "
    "karena pelabuhan-pelabuhannya yang tidak membeku sepanjang tahun. Kota Sevastopol di ujung barat daya "
    "semenanjung telah lama menjadi pangkalan armada laut.\n\n"
    "Pada abad kedua puluh semenanjung ini menjadi bagian dari Uni Soviet, lalu dipindahkan ke dalam wilayah "
    "republik Ukraina pada pertengahan abad itu. Setelah Uni Soviet bubar, Krimea tetap menjadi bagian dari "
    "Ukraina yang merdeka dengan status sebagai republik otonom yang memiliki parlemen sendiri.\n\n"
    "Catatan ini adalah contoh untuk pengujian. Isinya ditulis dengan nada netral dan ensiklopedis, sebagaimana "
    "aturan proyek meminta setiap catatan ditulis, dan setiap fakta di dalamnya semestinya dapat diperiksa pada "
    "sumber yang dicantumkan di bagian depan berkas. Panjangnya cukup untuk memenuhi batas bawah jumlah kata "
    "yang ditetapkan pemeriksa, sehingga pengujian lain dapat mengubah satu bagian saja untuk membuat catatan "
    "menjadi salah dan melihat pesan yang muncul untuk bagian itu saja, tanpa pesan lain yang mengganggu. "
    "Kalimat terakhir ini menambah beberapa kata lagi agar jumlahnya jelas melewati batas itu.\n"
)


def note_text(
    title: str = "Krimea",
    kind: str = "place",
    summary: str = "Semenanjung di Laut Hitam.",
    anchors: str = "  - text: Krimea\n",
    extra: str = "",
    body: str = BODY,
) -> str:
    """A note file that passes every rule (two sources from two sites, a 150-word body); pieces can be replaced to break it.

    Lines: 2 title, 3 kind, 4 summary, 5 anchors, 6 first anchor; sources from line 7 (the first source's url on
    line 9, its date on line 11, the second source on lines 12–15); ``extra`` from line 16, unless ``anchors`` has
    more lines.
    """
    return (
        f"---\ntitle: {title}\nkind: {kind}\nsummary: {summary}\nanchors:\n{anchors}"
        f"sources:\n  - title: Sumber\n    url: {SOURCE_URL}\n    publisher: Contoh\n    date: 2021-12-31\n"
        "  - title: Resolusi Majelis Umum 68/262\n    url: https://press.un.org/en/2014/ga11493.doc.htm\n"
        "    publisher: Perserikatan Bangsa-Bangsa\n    accessed: 2026-11-20\n"
        f"{extra}---\n{body}"
    )


def _no_latar_errors() -> None:
    errors = take_latar_errors()
    assert errors == [], "the page logged latar errors:\n" + "\n".join(errors)


@pytest.fixture(autouse=True)
def no_latar_errors():
    """Fail any test whose pages logged a ``latar:`` console error (e.g. "latar: Material changed: …")."""
    take_latar_errors()
    yield
    _no_latar_errors()  # logged while the test's fixtures closed its pages


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tiers follow from the fixtures too: a test that reads the real site (``real_site``, or ``served``, which
    serves it) is a ``content`` test, one that uses the ``browser`` fixture a ``browser`` test, marked or not."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "real_site" in fixtures:
            item.add_marker(pytest.mark.content)
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """The same check right after the test itself, so that the test fails (rather than its teardown)."""
    result = yield
    _no_latar_errors()
    return result


@pytest.fixture(autouse=True, scope="session")
def card_cache(tmp_path_factory):
    """Builds cache their cards in a folder of this test session, not in the user's cache folder."""
    folder = tmp_path_factory.mktemp("kartu-cache")
    previous = os.environ.get("LATAR_CACHE_DIR")
    os.environ["LATAR_CACHE_DIR"] = str(folder)
    yield folder
    if previous is None:
        os.environ.pop("LATAR_CACHE_DIR", None)
    else:
        os.environ["LATAR_CACHE_DIR"] = previous


REAL_SITE_EPOCH = "1640995200"
"""``SOURCE_DATE_EPOCH`` of the shared build of the real site (2022-01-01): the date of whatever git has no history
for (a note not committed yet), so that the output does not depend on the day the tests run."""


@pytest.fixture(scope="session")
def real_site(tmp_path_factory, card_cache) -> Path:
    """The real project (mkdocs.yml, seeds/, docs/) built strictly once per test session (once per xdist worker).

    Every test that reads the real site as published shares this build (the site, the served site of the browser
    tests, the formats, the validator of HTML); none may write into it.
    """
    site = tmp_path_factory.mktemp("real") / "site"
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = REAL_SITE_EPOCH
    try:
        build(load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    finally:
        if epoch is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    return site


@pytest.fixture(autouse=True)
def no_csp_violations():
    """Every page a browser test opens runs under the site's Content-Security-Policy without one violation."""
    seen = len(CSP_VIOLATIONS)
    yield
    if len(CSP_VIOLATIONS) > seen:
        pytest.fail("Content-Security-Policy violations:\n" + "\n".join(CSP_VIOLATIONS[seen:]))


@dataclass
class BuiltSite:
    """The result of one real MkDocs build."""

    root: Path
    site: Path
    ok: bool
    warnings: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        """latar's own warnings (the problems it found), as ``latar check`` prints them."""
        return [m.removeprefix("latar: ") for m in self.warnings if m.startswith("latar: ")]

    def soup(self, path: str = "index.html") -> BeautifulSoup:
        """Parse one built page."""
        return BeautifulSoup((self.site / path).read_text("utf-8"), "html.parser")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_project(
    root: Path,
    notes: dict[str, str | bytes] | None = None,
    articles: dict[str, tuple[str | bytes, str]] | None = None,
    config: str = MKDOCS_YML,
    docs: dict[str, str] | None = None,
) -> Path:
    """Write a small project into ``root`` (the fixture seed unless ``articles`` is given), without building it."""
    (root / "docs" / "anotasi").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    if articles is None:
        for suffix in (".txt", ".yml"):
            shutil.copyfile(FIXTURE_SEEDS / f"{SEED_NAME}{suffix}", root / "seeds" / f"{SEED_NAME}{suffix}")
    else:
        for name, (text, meta) in articles.items():
            (root / "seeds" / f"{name}.txt").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
            (root / "seeds" / f"{name}.yml").write_text(textwrap.dedent(meta), encoding="utf-8")
    for note_id, text in (notes or {}).items():
        (root / "docs" / "anotasi" / f"{note_id}.md").write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    for path, text in (docs or {}).items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path):
    """Write a small project (the fixture seed unless ``articles`` is given) and build it with real MkDocs."""

    def make(
        notes: dict[str, str | bytes] | None = None,
        articles: dict[str, tuple[str | bytes, str]] | None = None,
        strict: bool = True,
        config: str = MKDOCS_YML,
        docs: dict[str, str] | None = None,
        site_dir: Path | None = None,
    ) -> BuiltSite:
        root = write_project(tmp_path / "project", notes, articles, config, docs)
        return build_project(root, site_dir or (tmp_path / "site"), strict)

    return make


def build_project(root: Path, site: Path, strict: bool = True) -> BuiltSite:
    """Build the project in ``root`` into ``site`` with real MkDocs, collecting its warnings."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        cfg = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=strict)
        build(cfg)
        ok = True
    except Abort:
        ok = False
    finally:
        logger.removeHandler(handler)
    return BuiltSite(root, site, ok, handler.messages)


SITE_NOTES = {
    "krimea": note_text(),
    "nato": note_text(
        title="NATO",
        kind="organization",
        summary="Aliansi *militer* [Atlantik Utara](https://www.nato.int/).",
        anchors="  - text: NATO\n    occurrence: all\n",
    ),
    "krisis-rudal-kuba": note_text(
        title="Krisis rudal Kuba", kind="event", summary="Krisis 1962.", anchors="  - text: krisis rudal Kuba\n"
    ),
}
"""The notes of the shared fixture site: a place, an organisation anchored everywhere, an event."""


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory, card_cache) -> BuiltSite:
    """The small fixture project (the fixture seed and :data:`SITE_NOTES`) built strictly once per test session.

    Build tests that only read that site share it; a test that needs other files builds its own with ``make_site``.
    """
    folder = tmp_path_factory.mktemp("fixture-site")
    built = build_project(write_project(folder / "project", SITE_NOTES), folder / "site")
    assert built.ok, built.warnings
    return built
