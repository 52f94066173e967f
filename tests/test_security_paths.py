"""Security review rows 1.1-1.5, 5.3, 9.2, 10.2, 10.3: what a pull request can put where, and what gets published.

One project holds every hostile path at once; ``latar check`` and the strict build must name each one with the same
message, no traceback, and the built site must hold no contributed script, no file from outside the project, no ``.git``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile import CONFIG, GOOD_NOTE, SIDECAR, TEXT, Built, Run, commit_all, hostile_names, latar_check, note, project, strict_build
from safety import SHARED_XSS

INDEX_XSS = "---\ntitle: Anotasi</title><script>alert('title')</script>\ndescription: '\"><script>alert(\"desc\")</script>'\n---\nIsi.\n"
SCRIPT_PAGE = "<html><body><script>alert('peta')</script>Peta</body></html>\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>\n'


def _links(root: Path) -> None:
    """The symlinks of review cases 03, 04, 05 and the odd ones of row 1.5."""
    notes, seeds = root / "docs" / "anotasi", root / "seeds"
    (seeds / "leak.txt").symlink_to("/etc/passwd")
    (seeds / "leak.yml").write_text(SIDECAR, encoding="utf-8")
    (seeds / "proc.txt").symlink_to("/proc/version")
    (seeds / "proc.yml").write_text(SIDECAR, encoding="utf-8")
    (seeds / "hilang.txt").symlink_to("/tidak/ada/hilang.txt")
    (seeds / "folder.txt").mkdir()
    (notes / "gitcfg.md").symlink_to("../../.git/config")
    (notes / "sumber.txt").symlink_to("/etc/passwd")
    (notes / "hilang.md").symlink_to("/tidak/ada/hilang.md")
    (notes / "putar.md").symlink_to("putar.md")
    (notes / "folder.md").mkdir()
    (notes / "folder.md" / "isi.md").write_text(GOOD_NOTE, encoding="utf-8")
    (notes / "salinan.md").symlink_to("krimea.md")  # inside the project, still a link: refused


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run, Built]:
    root = project(
        tmp_path_factory.mktemp("paths") / "proyek",
        {
            "docs/anotasi/index.md": INDEX_XSS,
            "docs/anotasi/peta.html": SCRIPT_PAGE,
            "docs/anotasi/peta.svg": SVG,
            "docs/anotasi/sub/a.js": "alert(1)\n",
            "docs/mentah.md": "# Halaman\n\n<script>alert('mentah')</script>\n",
            "docs/robots.txt": "User-agent: *\n",
            "seeds/catatan.md": "bukan artikel\n",
            "seeds/uji.txt.orig": TEXT,
        },
    )
    commit_all(root, "proyek")
    _links(root)
    return root, latar_check(root), strict_build(root)


EXPECTED = [
    ("seeds/leak.txt", "symbolic link"),
    ("seeds/proc.txt", "symbolic link"),
    ("seeds/hilang.txt", "symbolic link"),
    ("seeds/folder.txt", "not a regular file"),
    ("seeds/catatan.md", "seeds/ holds only"),
    ("seeds/uji.txt.orig", "seeds/ holds only"),
    ("docs/anotasi/gitcfg.md", "symbolic link"),
    ("docs/anotasi/sumber.txt", "symbolic link"),
    ("docs/anotasi/hilang.md", "symbolic link"),
    ("docs/anotasi/putar.md", "symbolic link"),
    ("docs/anotasi/salinan.md", "symbolic link"),
    ("docs/anotasi/folder.md", "not a regular file"),
    ("docs/anotasi/index.md", "generated"),
    ("docs/anotasi/peta.html", "allowed_files"),
    ("docs/anotasi/peta.svg", "allowed_files"),
    ("docs/anotasi/sub/a.js", "allowed_files"),
    ("docs/mentah.md", "allowed_files"),
    ("docs/robots.txt", "allowed_files"),
]


@pytest.mark.parametrize(("path", "words"), EXPECTED, ids=[p for p, _ in EXPECTED])
def test_every_hostile_path_is_a_problem_in_check_and_build(hostile, path: str, words: str) -> None:
    _, check, _ = hostile
    said = [line for line in check.problems if line.startswith(f"{path}: ") or line.startswith(f"{path}:")]
    assert said, f"latar check says nothing about {path}:\n{check.out}"
    assert any(words in line for line in said), said
    assert "Traceback" not in check.err


def test_check_and_strict_build_say_the_same(hostile) -> None:
    _, check, built = hostile
    assert check.code == 1
    assert not built.ok, "the strict build must fail"
    assert built.problems == check.problems


def test_nothing_contributed_outside_the_notes_is_published(hostile) -> None:
    _, _, built = hostile
    published = {path.relative_to(built.site).as_posix() for path in built.files()}
    for name in ("anotasi/peta.html", "anotasi/peta.svg", "anotasi/sub/a.js", "mentah/index.html", "robots.txt", "anotasi/sumber.txt"):
        assert name not in published
    assert not any(p.startswith(("anotasi/arsip", "anotasi/gitcfg", "anotasi/salinan", "artikel/leak", "artikel/proc")) for p in published)
    assert not any(path.is_symlink() for path in built.files())
    secrets = [b"root:x:0:0", b"[core]", b"repositoryformatversion", b"Linux version"]
    for path in built.files():
        if path.is_file():
            data = path.read_bytes()
            assert not any(secret in data for secret in secrets), path
    assert not any("<script>alert" in path.read_text("utf-8", "replace") for path in built.site.rglob("*.html"))


def test_the_notes_index_is_always_generated(hostile) -> None:
    _, _, built = hostile
    page = (built.site / "anotasi" / "index.html").read_text("utf-8")
    assert "alert(" not in page
    assert "<title>Anotasi" in page


def test_a_link_to_a_folder_stops_the_build_before_mkdocs_walks_it(tmp_path: Path) -> None:
    """MkDocs follows links while it lists the docs folder: one to '/' would read the machine, one to '.git' publish it."""
    root = project(tmp_path / "proyek")
    commit_all(root, "proyek")
    (root / "docs" / "anotasi" / "arsip").symlink_to("../../.git", target_is_directory=True)
    (root / "docs" / "akar.md").symlink_to("/")
    (root / "docs" / "anotasi" / "lingkar").symlink_to(".", target_is_directory=True)
    check = latar_check(root)
    expected = {
        "docs/akar.md: " + "is a symbolic link; commit the file itself (latar reads no links and publishes nothing they point to)",
        "docs/anotasi/arsip: " + "is a symbolic link; commit the file itself (latar reads no links and publishes nothing they point to)",
        "docs/anotasi/lingkar: " + "is a symbolic link; commit the file itself (latar reads no links and publishes nothing they point to)",
    }
    assert check.problems == expected, check.out
    built = strict_build(root)
    assert not built.ok
    assert {line.removeprefix("latar: ") for message in built.warnings for line in message.splitlines()} >= expected
    assert not built.site.exists(), "nothing is built"


def test_a_file_a_maintainer_lists_is_published(tmp_path: Path) -> None:
    config = CONFIG.replace("      repository:", "      allowed_files: [robots.txt, gambar/logo.png]\n      repository:")
    root = project(tmp_path / "proyek", {"docs/robots.txt": "User-agent: *\n", "docs/gambar/logo.png": b"\x89PNG\r\n"}, config=config)
    check = latar_check(root)
    assert check.code == 0, check.out + check.err
    built = strict_build(root)
    assert built.ok, built.warnings
    assert (built.site / "robots.txt").read_text("utf-8") == "User-agent: *\n"
    assert (built.site / "gambar" / "logo.png").is_file()


def test_a_file_a_maintainer_lists_is_still_refused_as_a_symlink(tmp_path: Path) -> None:
    config = CONFIG.replace("      repository:", "      allowed_files: [robots.txt]\n      repository:")
    root = project(tmp_path / "proyek", config=config)
    (root / "docs" / "robots.txt").symlink_to("/etc/passwd")
    check = latar_check(root)
    assert any(line.startswith("docs/robots.txt:") and "symbolic link" in line for line in check.problems), check.out


def test_a_symlinked_notes_or_seeds_folder_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path / "proyek")
    outside = tmp_path / "luar"
    outside.mkdir()
    (root / "seeds").rename(outside / "seeds")
    (root / "seeds").symlink_to(outside / "seeds", target_is_directory=True)
    check = latar_check(root)
    assert check.code == 1
    assert any(line.startswith("seeds:") and "symbolic link" in line for line in check.problems), check.out


@pytest.fixture(scope="module")
def named(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Run, Built]:
    """A valid note under every hostile file name, and a valid article too."""
    root = project(tmp_path_factory.mktemp("names") / "proyek")
    names = []
    for name in hostile_names():
        try:
            (root / "docs" / "anotasi" / f"{name}.md").write_text(note(anchors="  - text: NATO\n"), encoding="utf-8")
            (root / "seeds" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
            (root / "seeds" / f"{name}.yml").write_text(SIDECAR, encoding="utf-8")
        except OSError:  # a name this file system refuses cannot come in a pull request either
            continue
        names.append(name)
    return root, names, latar_check(root), strict_build(root)


def test_hostile_file_names_are_named_and_refused(named) -> None:
    _, names, check, built = named
    # the public payload lists (../shared/corpora/xss) where this clone has them; the project's own list always
    assert len(names) > (300 if SHARED_XSS.is_dir() else 60), "the payload lists are missing"
    assert "Traceback" not in check.err
    assert check.code == 1
    for line in check.out.splitlines():
        assert line.startswith(("docs/anotasi/", "seeds/")), f"a problem line that does not start with its file: {line!r}"
        assert not any(ch in line for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"), repr(line)
    assert built.problems == check.problems
    published = {path.relative_to(built.site).as_posix() for path in built.files()}
    for name in names:
        assert f"anotasi/{name}/index.html" not in published, repr(name)
        assert f"artikel/{name}/index.html" not in published, repr(name)


def test_a_trailing_newline_is_not_a_safe_id(named) -> None:
    _, names, check, _ = named
    assert "kremlin\n" in names
    assert any(line.startswith("docs/anotasi/kremlin\\n.md:") for line in check.problems), sorted(check.problems)[:20]
