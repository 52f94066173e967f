"""``latar check --format markdown``: what a pull request changes, for the job summary a contributor reads.

Per changed note: its rendered summary, where it lands (article, the sentence with the phrase in bold), the
placements added or removed relative to the base revision (the check is run again on the base's notes and
articles, taken with ``git archive``), and every problem with file and line.
"""

from __future__ import annotations

import io
import re
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from latar.cli.mdtext import code, text
from latar.core import git
from latar.core.pipeline import PlacedArticle, Placement, Placements, check
from latar.core.problems import printable
from latar.core.review import ACCEPTED, REJECTED, Entry, ellipses
from latar.strings import back_place, kind_label, surroundings

_SENTENCE_END = re.compile(r"[.!?][\"”’')]*\s+")
STATUS = {"A": "baru", "M": "diubah", "D": "dihapus", "": "—"}


@dataclass(frozen=True)
class Spot:
    """One placement, with what a reader sees of it."""

    note_id: str
    article: str
    article_title: str
    number: int
    sentence: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity across revisions: the note, the article and the sentence with its phrase marked."""
        return self.note_id, self.article, self.sentence


def escape(value: str) -> str:
    """Plain text as Markdown that shows it literally (no markup, link, HTML, @mention or #reference)."""
    return text(value)


def sentence(article_paragraphs: tuple[str, ...], placement: Placement, width: int = 160) -> str:
    """The sentence around a placement, in Markdown, the phrase in bold."""
    paragraph = article_paragraphs[placement.paragraph]
    start, end = placement.start, placement.end
    begin = max((m.end() for m in _SENTENCE_END.finditer(paragraph, 0, start) if m.end() <= start), default=0)
    stop = next((m.start() + 1 for m in _SENTENCE_END.finditer(paragraph, end)), len(paragraph))
    head, tail = "", ""
    if start - begin > width:  # cut at a space, not inside a word
        cut = paragraph.find(" ", start - width, start)
        begin, head = (cut + 1 if cut != -1 else start - width), "…"
    if stop - end > width:
        cut = paragraph.rfind(" ", end, end + width)
        stop, tail = (cut if cut != -1 else end + width), "…"
    before, phrase, after = paragraph[begin:start], paragraph[start:end], paragraph[end:stop]
    return f"{head}{escape(before)}{' ' if before.endswith(' ') else ''}**{escape(phrase)}**{' ' if after.startswith(' ') else ''}{escape(after)}{tail}"


def spots(placed: Iterable[PlacedArticle]) -> list[Spot]:
    """Every placement of every article."""
    return [
        Spot(p.note_id, r.article.name, r.article.meta.title, p.number, sentence(r.article.paragraphs, p))
        for r in placed
        for p in r.placements
    ]


def changed_files(root: Path, base: str) -> dict[str, str]:
    """Every file added (A), modified (M) or deleted (D) since ``base``'s common ancestor with HEAD, uncommitted and
    untracked ones included; paths relative to ``root`` as latar's messages name them (any character shown escaped)."""
    try:
        ancestor = git.required(root, "merge-base", base, "HEAD").strip()
    except git.GitError:
        ancestor = base
    tokens = git.required(root, "diff", "--name-status", "--no-renames", "-z", ancestor, "--relative").split("\0")
    changed = {printable(path): status[:1] for status, path in zip(tokens[::2], tokens[1::2], strict=False) if path}
    for path in git.required(root, "ls-files", "--others", "--exclude-standard", "-z").split("\0"):
        if path:
            changed[printable(path)] = "A"
    return changed


def is_note(path: str, notes_rel: str) -> bool:
    """True for ``<notes>/<id>.md`` (not the index, not in a sub-folder)."""
    folder, _, name = path.rpartition("/")
    return folder == notes_rel and name.endswith(".md") and name != "index.md"


def is_seed(path: str, seeds_rel: str) -> bool:
    """True for ``<seeds>/<name>.txt`` or ``.yml``."""
    folder, _, name = path.rpartition("/")
    return folder == seeds_rel and name.endswith((".txt", ".yml"))


def _regular_only(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
    """Files and folders of the base revision; links are left out (a link merged there must not stop the summary)."""
    return tarfile.data_filter(member, path) if member.isreg() or member.isdir() else None


def check_base(root: Path, base: str, seeds_rel: str, notes_rel: str) -> Placements:
    """Run the same check on the base revision's articles and notes, extracted into a temporary folder."""
    prefix = git.required(root, "rev-parse", "--show-prefix").strip()
    git.required(root, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}")
    with tempfile.TemporaryDirectory(prefix="latar-base-") as tmp:
        folder = Path(tmp)
        for rel in (seeds_rel, notes_rel):
            archive = git.archive(root, f"{base}:{prefix}", rel)
            if archive is None:
                continue  # the folder does not exist in the base revision
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(folder, filter=_regular_only)
        (folder / seeds_rel).mkdir(parents=True, exist_ok=True)
        return check(folder, folder / seeds_rel, folder / notes_rel, surroundings=surroundings)


def markdown(
    result: Placements,
    changed: dict[str, str] | None = None,
    base_result: Placements | None = None,
    base_label: str = "",
    others: dict[str, str] | None = None,
) -> str:
    """The job summary. ``changed``: note path → git status (None: every note, no comparison); ``others``: every other
    changed file outside the notes and seeds (path → status), which only a maintainer can review."""
    now = spots(result.placed)
    before = spots(base_result.placed) if base_result is not None else None
    notes = {note.path: note for note in [*result.notes, *result.unpublished]}
    base_notes = {note.path: note for note in base_result.notes} if base_result is not None else {}
    if changed is None:
        changed = dict.fromkeys(sorted(notes), "")
    problems = len(result.problems)
    lines = [
        "## latar: pemeriksaan catatan",
        "",
        f"{'❌' if problems else '✅'} **{problems} masalah** · {len(result.notes)} catatan · {len(result.articles)} artikel · "
        f"{sum(len(placed.placements) for placed in result.placed)} penempatan"
        + (f" · dibandingkan dengan {code(base_label)}" if base_label else ""),
        "",
    ]
    if others:
        lines += [
            "### ⚠️ Berkas lain yang berubah",
            "",
            "Perubahan ini menyentuh berkas yang bukan catatan atau artikel; `latar check` tidak memeriksanya dan "
            "situs tidak menerbitkannya kecuali pengelola mengizinkan: tinjau setiap berkas ini sendiri (CODEOWNERS).",
            "",
            *(f"- ⚠️ {code(path)} — {STATUS.get(status, status)}" for path, status in sorted(others.items())),
            "",
        ]
    if changed:
        lines += ["### Catatan yang berubah", ""]
    shown: set[str] = set()
    for path, status in sorted(changed.items()):
        note = notes.get(path) or base_notes.get(path)
        note_id = Path(path).stem
        shown.add(note_id)
        lines.append(f"#### {code(path)} — {STATUS.get(status, status)}")
        lines.append("")
        if note is not None and note.title:
            lines.append(f"**{escape(note.title)}** · {kind_label(note.kind)}")
            lines.append("")
        if note is not None and note.summary and status != "D":
            lines += [f"> {escape(note.summary)}", ""]  # as text: contributor Markdown is not the summary's
        lines += _placements(note_id, now, before)
        own = [p for p in result.problems if p.path == path]
        if own:
            lines += ["**Masalah**", "", *(_problem(p) for p in own), ""]
    moved = sorted({s.note_id for s in _difference(now, before)} - shown) if before is not None else []
    if moved:
        lines += ["### Catatan lain yang penempatannya berubah", ""]
        for note_id in moved:
            lines += [f"#### {code(note_id)}", "", *_placements(note_id, now, before, only_changes=True)]
    lines += decisions(result, base_result)
    others = [p for p in result.problems if p.path not in changed]
    if others:
        lines += ["### Masalah lain", "", *(_problem(p) for p in others), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


DECIDED = {
    ACCEPTED: ("✅ Diterima", "catatan ini dipasang di sini"),
    REJECTED: ("🚫 Ditolak", "catatan ini tidak dipasang di sini"),
}


def decisions(result: Placements, base_result: Placements | None) -> list[str]:
    """The record of placements' changes since the base as sentences, the phrase in context, per article; without a
    base, every rejection."""
    titles = {article.name: article.meta.title for article in result.articles}
    now = {name: record.entries for name, record in result.catalog.records.items() if record is not None}
    before = {name: record.entries for name, record in base_result.catalog.records.items() if record is not None} if base_result else {}
    lines = []
    for name in sorted(set(now) | set(before)):
        old = {(entry.spot, entry.decision) for entry in before.get(name, ())}
        spots = {entry.spot for entry in now.get(name, ())}
        items = []
        for entry in now.get(name, ()):
            if (entry.spot, entry.decision) in old or (base_result is None and entry.decision != REJECTED):
                continue
            label, meaning = DECIDED[entry.decision]
            items.append(f"- {label}: {code(entry.note)}, {back_place(entry.paragraph or None)}: {_in_context(entry)} — {meaning}")
        items += [
            f"- ➖ Dihapus dari rekaman: {code(entry.note)}, {back_place(entry.paragraph or None)}: {_in_context(entry)}"
            for entry in before.get(name, ())
            if entry.spot not in spots
        ]
        if items:
            lines += [f"**{escape(titles.get(name, name))}** ({code(name)})", "", *items, ""]
    if not lines:
        return []
    return ["### Keputusan penempatan" + ("" if base_result is not None else " (yang ditolak)"), "", *lines]


def _in_context(entry: Entry) -> str:
    head, tail = ellipses(entry)
    gap_before = " " if entry.before.endswith(" ") else ""
    gap_after = " " if entry.after.startswith(" ") else ""
    return f"{head}{escape(entry.before)}{gap_before}**{escape(entry.phrase)}**{gap_after}{escape(entry.after)}{tail}"


def _difference(now: list[Spot], before: list[Spot] | None) -> list[Spot]:
    if before is None:
        return []
    old, new = {s.key for s in before}, {s.key for s in now}
    return [s for s in now if s.key not in old] + [s for s in before if s.key not in new]


def _placements(note_id: str, now: list[Spot], before: list[Spot] | None, only_changes: bool = False) -> list[str]:
    """Where a note lands: ➕ added, ➖ removed, unchanged ones plain."""
    mine = [s for s in now if s.note_id == note_id]
    old = {s.key for s in before or [] if s.note_id == note_id}
    new = {s.key for s in mine}
    removed = [s for s in before or [] if s.note_id == note_id and s.key not in new]
    items = []
    for spot in mine:
        mark = "➕ " if before is not None and spot.key not in old else ""
        if mark or not only_changes:
            items.append(f"- {mark}*{escape(spot.article_title)}*, catatan {spot.number}: {spot.sentence}")
    items += [f"- ➖ *{escape(s.article_title)}*, catatan {s.number} (dihapus): {s.sentence}" for s in removed]
    if not items:
        return ["Tidak terpasang di artikel mana pun.", ""]
    return ["**Terpasang di**", "", *items, ""]


def _problem(problem) -> str:
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    return f"- {code(where)} — {escape(problem.message)}"
