"""The theme's compiled templates kept between builds (issue #22): a hit compiles nothing, a changed template is
compiled anew, and an entry that is damaged, foreign, linked or writable by others is a miss, never an error."""

from __future__ import annotations

import marshal
import os
import pickle
import stat
from pathlib import Path

import jinja2
import pytest
import yaml
from jinja2.bccache import bc_magic
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from conftest import MKDOCS_YML, SITE_NOTES, build_project, write_project
from latar.mkdocs import templatecache, theme
from latar.mkdocs.templatecache import Compiled, safe, version_folder
from latar.mkdocs.theme import VisibleTemplates
from latar.outputs.cardcache import CACHES, LOCAL_CACHES, cache_folders

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = {
    "base.html": "<p>{% block body %}{% endblock %}</p>",
    "page.html": '{% extends "base.html" %}{% block body %}{{ x }}!{% endblock %}',
}


def render(templates: Path, cache: Compiled) -> str:
    """``page.html`` rendered in a new environment (as each build makes one) that uses ``cache``."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)
    return env.get_template("page.html").render(x="hai")


@pytest.fixture
def templates(tmp_path: Path) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    for name, source in TEMPLATES.items():
        (folder / name).write_text(source, encoding="utf-8")
    return folder


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.bin"))


def test_a_second_process_compiles_nothing_and_a_changed_template_is_compiled_anew(tmp_path: Path, templates: Path) -> None:
    first = Compiled(tmp_path / "cache")
    assert render(templates, first) == "<p>hai!</p>"
    assert (first.compiled, first.loaded) == (2, 0)
    assert len(entries(tmp_path / "cache")) == 2
    assert all(stat.S_IMODE(path.stat().st_mode) == 0o600 for path in entries(tmp_path / "cache"))
    assert stat.S_IMODE((tmp_path / "cache").stat().st_mode) == 0o700
    later = Compiled(tmp_path / "cache")  # what the next build's process finds
    assert render(templates, later) == "<p>hai!</p>"
    assert (later.compiled, later.loaded) == (0, 2)
    again = render(templates, later)  # the same process, a new environment (mkdocs serve's next rebuild)
    assert again == "<p>hai!</p>" and later.compiled == 0
    (templates / "page.html").write_text('{% extends "base.html" %}{% block body %}{{ x }}?{% endblock %}', encoding="utf-8")
    changed = Compiled(tmp_path / "cache")
    assert render(templates, changed) == "<p>hai?</p>"
    assert (changed.compiled, changed.loaded) == (1, 1)
    assert render(templates, Compiled(tmp_path / "cache")) == "<p>hai?</p>"


def foreign(checksum: str) -> bytes:
    """A well-formed entry for a template's checksum whose code is not a code object."""
    return bc_magic + pickle.dumps(checksum, 2) + marshal.dumps(42)


@pytest.mark.parametrize("damage", ["empty", "truncated", "garbage", "other magic", "not code", "link", "folder", "fifo", "huge"])
def test_a_damaged_or_foreign_entry_is_a_miss_and_written_again(tmp_path: Path, templates: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    render(templates, Compiled(cache))
    entry = entries(cache)[-1]
    good = entry.read_bytes()
    entry.unlink()
    if damage == "empty":
        entry.write_bytes(b"")
    elif damage == "truncated":
        entry.write_bytes(good[: len(good) // 2])
    elif damage == "garbage":
        entry.write_bytes(os.urandom(len(good)))
    elif damage == "other magic":
        entry.write_bytes(b"j3" + good[2:])
    elif damage == "not code":
        checksum = pickle.loads(good[len(bc_magic) :])  # the checksum Jinja expects, then something else
        entry.write_bytes(foreign(checksum))
    elif damage == "link":
        (tmp_path / "elsewhere.bin").write_bytes(good)
        entry.symlink_to(tmp_path / "elsewhere.bin")
    elif damage == "folder":
        entry.mkdir()
    elif damage == "fifo":
        os.mkfifo(entry)
    else:
        entry.write_bytes(good + b"\0" * templatecache.MAX_BYTES)
    if entry.is_file() and not entry.is_symlink():
        entry.chmod(0o600)  # this user's, writable by no one else: only its content is wrong
    cache_now = Compiled(cache)
    assert render(templates, cache_now) == "<p>hai!</p>"
    assert cache_now.compiled == 1
    if damage not in ("folder", "fifo"):  # a regular file or a link is replaced by a sound entry
        assert entry.is_file() and not entry.is_symlink() and entry.read_bytes() == good
    assert render(templates, Compiled(cache)) == "<p>hai!</p>"


@pytest.mark.parametrize("where", ["entry", "folder"])
@pytest.mark.parametrize("mode", [0o020, 0o002])
def test_an_entry_others_may_write_is_never_loaded(tmp_path: Path, templates: Path, where: str, mode: int) -> None:
    cache = tmp_path / "cache"
    render(templates, Compiled(cache))
    for entry in entries(cache):
        entry.write_bytes(foreign("planted"))  # would be run if it were loaded (it is not even Jinja's checksum)
    path = entries(cache)[0] if where == "entry" else cache
    path.chmod(stat.S_IMODE(path.stat().st_mode) | mode)
    unsafe = Compiled(cache)
    assert render(templates, unsafe) == "<p>hai!</p>"
    assert unsafe.loaded == 0 and unsafe.compiled == 2
    if where == "folder":  # nothing is written into a folder others may write either
        assert all(entry.read_bytes() == foreign("planted") for entry in entries(cache))


def test_only_a_regular_file_or_folder_of_this_user_writable_by_no_one_else_is_safe(tmp_path: Path) -> None:
    info = os.stat(tmp_path)
    assert safe(info, stat.S_IFDIR) and not safe(info, stat.S_IFREG)

    def changed(uid: int = info.st_uid, mode: int = info.st_mode) -> os.stat_result:
        values = list(info)
        values[stat.ST_UID], values[stat.ST_MODE] = uid, mode
        return os.stat_result(values)

    assert not safe(changed(uid=os.geteuid() + 1), stat.S_IFDIR)  # another user's
    assert not safe(changed(mode=info.st_mode | 0o020), stat.S_IFDIR)
    assert not safe(changed(mode=info.st_mode | 0o002), stat.S_IFDIR)
    assert safe(changed(mode=info.st_mode | 0o044), stat.S_IFDIR)  # readable by others is fine


def test_a_linked_cache_folder_is_not_used(tmp_path: Path, templates: Path) -> None:
    (tmp_path / "real").mkdir(mode=0o700)
    (tmp_path / "cache").symlink_to(tmp_path / "real", target_is_directory=True)
    linked = Compiled(tmp_path / "cache")
    assert render(templates, linked) == "<p>hai!</p>"
    assert list((tmp_path / "real").iterdir()) == []
    assert render(templates, Compiled(None)) == "<p>hai!</p>"


def test_the_cache_folder_follows_the_other_caches_rules_and_is_keyed_by_jinja_and_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "base"))
    folders, refused = cache_folders(tmp_path / "project", None)
    assert folders["templat"] == tmp_path / "base" / "templat" and refused == []
    assert version_folder(tmp_path).name.startswith(f"{jinja2.__version__}-")


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_builds_from_a_warm_or_damaged_cache_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A real MkDocs build with Material's search: cold, from the kept templates, and from damaged entries."""
    monkeypatch.setenv("LATAR_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1640995200")
    root = write_project(tmp_path / "project", SITE_NOTES, config=MKDOCS_YML.replace("  - latar\n", "  - search\n  - latar\n"))
    folder = version_folder(tmp_path / "cache" / "templat")
    sites = {}
    for name in ("cold", "warm", "damaged"):
        templatecache.cache.cache_clear()  # each build as a new process would find the folder
        if name == "damaged":
            for number, entry in enumerate(entries(folder)):
                entry.write_bytes(entry.read_bytes()[: number % 7 * 10])
        built = build_project(root, tmp_path / name)
        assert built.ok and built.warnings == [], built.warnings
        sites[name] = tree(tmp_path / name)
        compiled = templatecache.cache(tmp_path / "cache" / "templat")
        assert (compiled.loaded == 0) == (name != "warm"), (name, compiled.loaded, compiled.compiled)
        assert (compiled.compiled == 0) == (name == "warm"), (name, compiled.loaded, compiled.compiled)
    assert len(entries(folder)) >= 20  # Material's templates, latar's patched ones
    assert sites["warm"] == sites["cold"] and sites["damaged"] == sites["cold"]


def test_ci_never_restores_the_compiled_templates() -> None:
    """CI restores latar's data caches only: the compiled templates hold code that runs, and are made on the machine."""
    assert set(LOCAL_CACHES).isdisjoint(CACHES)
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.yml")):
        data = yaml.safe_load(workflow.read_text("utf-8"))
        for job in data["jobs"].values():
            env = {**(data.get("env") or {}), **(job.get("env") or {})}
            base = str(env.get("LATAR_CACHE_DIR", "~/.cache/latar")).rstrip("/")
            for step in job.get("steps", []):
                if "actions/cache" not in str(step.get("uses", "")):
                    continue
                for path in str(step["with"]["path"]).split():
                    inside = path.rstrip("/") == base or path.startswith(f"{base}/")
                    assert not inside or path.rstrip("/") in {f"{base}/{name}" for name in CACHES}, (workflow.name, path)


def test_the_theme_publishes_the_same_files_without_walking_hidden_folders(tmp_path: Path) -> None:
    """MkDocs' own listing of Material (and of a custom_dir with hidden files and folders) against latar's: the same
    static files published, no hidden name listed, and a hidden template still loads."""
    custom = tmp_path / "overrides"
    for name in (".hidden/a.css", "sub/.b.js", "sub/.deep/c.js", "assets/d.css", ".e.txt", "main.html", "f.md"):
        (custom / name).parent.mkdir(parents=True, exist_ok=True)
        (custom / name).write_text("{{ 1 }}", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\ntheme:\n  name: material\n  custom_dir: overrides\n", encoding="utf-8")
    published = {}
    for name in ("mkdocs", "latar"):
        config = load_config(config_file=str(config_file), site_dir=str(tmp_path / "site"))
        if name == "latar":
            theme.environments(config.theme, Compiled(None))
        env = config.theme.get_env()
        assert isinstance(env.loader, VisibleTemplates) == (name == "latar")
        files = Files([])
        files.add_files_from_theme(env, config)
        published[name] = [(file.src_uri, file.abs_src_path) for file in files]
        listed = env.list_templates()
        assert (".hidden/a.css" in listed and ".icons/material/home.svg" in listed) == (name == "mkdocs")
        if name == "latar":
            assert "assets/d.css" in listed and "main.html" in listed
            assert not [template for template in listed if "/." in f"/{template}"]
            assert env.get_template(".hidden/a.css").render() == "1"
    assert published["latar"] == published["mkdocs"]
    assert ("assets/d.css", str(custom / "assets" / "d.css")) in published["latar"]
    assert len(published["latar"]) > 20  # Material's own static files


def test_a_theme_without_get_env_is_said_not_raised(caplog: pytest.LogCaptureFixture) -> None:
    """The one coupling to MkDocs' Theme: if it changes, a warning names the file to update and the build goes on."""

    class ThemeOfAnotherMkDocs:
        pass

    site_theme = ThemeOfAnotherMkDocs()
    with caplog.at_level("WARNING"):
        theme.environments(site_theme, Compiled(None))
    assert not hasattr(site_theme, "get_env")
    assert "get_env" in caplog.text and "latar/mkdocs/theme.py" in caplog.text
