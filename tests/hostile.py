"""The security suite's own tiny project, and ways to run latar on it.

In process where no limit is needed (``latar check`` through :func:`latar_check`, a real MkDocs build through
:func:`strict_build`); in a subprocess bounded to 30 s and 2 GB of address space (:func:`bounded`) for the
inputs that once hung a build or ate the machine's memory.
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import resource
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from conftest import BODY, MKDOCS_YML, _Collect, note_text
from safety import payloads as xss_payloads

BIN = Path(sys.executable).parent
SECONDS = 30
MEMORY = 2 * 1024**3

ARTICLE = "uji"
TEXT = (
    "JAKARTA - Presiden Rusia Vladimir Putin berbicara dengan Presiden AS Joe Biden melalui telepon.\n"
    "Pembicaraan itu membahas Krimea, Ukraina dan perluasan NATO ke timur.\n"
    "Kremlin menyebut pembicaraan itu serius dan substantif.\n"
)
SIDECAR = (
    "title: Putin dan Biden bicara lewat telepon\n"
    "source_url: https://www.example-news.id/putin-biden\n"
    "publisher: Kantor Berita Uji\n"
    "published: '2021-12-31'\n"
    "language: id\n"
)
CONFIG = MKDOCS_YML.replace("  - latar\n", "  - latar:\n      repository: https://github.com/latar-id/latar\n")
GOOD_NOTE = note_text()
"""A note that passes every rule, anchored on 'Krimea' (docs/anotasi/krimea.md)."""


def project(root: Path, files: dict[str, str | bytes] | None = None, config: str = CONFIG) -> Path:
    """Write the tiny project at ``root`` (one article, one note), plus ``files`` (paths relative to ``root``)."""
    (root / "docs" / "anotasi").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "seeds" / f"{ARTICLE}.txt").write_text(TEXT, encoding="utf-8")
    (root / "seeds" / f"{ARTICLE}.yml").write_text(SIDECAR, encoding="utf-8")
    (root / "docs" / "anotasi" / "krimea.md").write_text(GOOD_NOTE, encoding="utf-8")
    for relative, content in (files or {}).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def note(body: str = BODY, **parts: str) -> str:
    """A valid note with some parts replaced (see ``conftest.note_text``)."""
    return note_text(body=body, **parts)


def git(root: Path, *args: str, env: dict[str, str] | None = None) -> str:
    """Run git in ``root`` (a fixed identity; ``env`` adds variables, e.g. an author date)."""
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Uji",
        "GIT_AUTHOR_EMAIL": "uji@example.org",
        "GIT_COMMITTER_NAME": "Uji",
        "GIT_COMMITTER_EMAIL": "uji@example.org",
        **(env or {}),
    }
    done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True, env=environment)
    return done.stdout


def commit_all(root: Path, message: str, env: dict[str, str] | None = None) -> None:
    """``git init`` if needed, then commit everything in ``root``."""
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A", "-f")
    git(root, "commit", "-q", "-m", message, env=env)


@dataclass
class Run:
    """What one ``latar`` command printed and returned."""

    code: int
    out: str
    err: str

    @property
    def problems(self) -> set[str]:
        """The problem lines of ``latar check`` (text format)."""
        return {line for line in self.out.splitlines() if line}


def latar(*args: str) -> Run:
    """The ``latar`` command, in this process (plain-text output whatever the environment says)."""
    from latar.cli.main import main  # noqa: PLC0415 - after the test's imports, as the command would

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse
            code = int(exit_.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


def latar_check(root: Path, *extra: str) -> Run:
    """``latar check --format text`` on the project at ``root``."""
    return latar("--root", str(root), "check", "--format", "text", *extra)


@dataclass
class Built:
    """One real MkDocs build of the project."""

    ok: bool
    site: Path
    warnings: list[str] = field(default_factory=list)

    @property
    def problems(self) -> set[str]:
        """latar's warnings, as ``latar check`` prints them."""
        return {m.removeprefix("latar: ") for m in self.warnings if m.startswith("latar: ")}

    def files(self) -> list[Path]:
        """Every file and link in the built site."""
        return sorted(self.site.rglob("*"))


def strict_build(root: Path, strict: bool = True) -> Built:
    """``mkdocs build --strict`` of the project into ``<root>/../site``, in this process."""
    site = root.parent / f"{root.name}-site"
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    cwd = Path.cwd()
    try:
        os.chdir(root)
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=strict))
        ok = True
    except Abort:
        ok = False
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
    return Built(ok, site, handler.messages)


def _limit() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def bounded(root: Path, *command: str) -> subprocess.CompletedProcess:
    """Run one of the venv's commands (``latar``, ``mkdocs``) in ``root`` with at most 30 s and 2 GB; fail if it needs more."""
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    try:
        done = subprocess.run(
            [str(BIN / command[0]), *command[1:]],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=SECONDS,
            preexec_fn=_limit,
            check=False,
            env=env,
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"{' '.join(command)} ran longer than {SECONDS} s") from None
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert "MemoryError" not in done.stderr, done.stderr[-3000:]
    return done


def warnings_of(done: subprocess.CompletedProcess) -> set[str]:
    """latar's problems in the output of a ``mkdocs build`` subprocess."""
    found = set()
    for line in done.stderr.splitlines():
        _, marker, message = line.partition("latar: ")
        if marker and line.startswith("WARNING"):
            found.add(message)
    return found


def hostile_names() -> list[str]:
    """File names a pull request can bring: every XSS payload as a name, and the classics of path tricks."""
    classic = [
        "kremlin\n",
        "a\nb",
        "..",
        "...",
        "..\\..\\etc",
        "'quoted'",
        '"quoted"',
        "<img src=x onerror=alert(1)>",
        "`tick`",
        "x` <img src=x> @octocat `",
        "\u202eexe.md",
        "nato\u2066",
        "zero\u200bwidth",
        " leading",
        "trailing ",
        "-dash",
        "UPPER",
        "tab\there",
        "ümlaut",
        "%2e%2e",
        "@octocat",
        "#1",
    ]
    names = classic + [payload for payload in xss_payloads() if payload.strip()]
    safe = []
    for raw in names:
        name = raw.replace("/", "∕").replace("\0", "")[:120]
        if name and len(name.encode("utf-8")) < 200:
            safe.append(name)
    return sorted(set(safe))
