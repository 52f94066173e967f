"""Anchoring on plain text: boundaries, clitics, case, prefix/suffix, overlap, occurrence."""

from __future__ import annotations

import pytest

from latar.core.anchoring import Anchorer, Block, Diagnostics, at_word_boundary, closest, fold, orphan_problems, select
from latar.core.notes import Anchor, Note, Source

SOURCE = (Source("S", "https://example.org", "P", "2021"),)


def note(note_id: str, *anchors: Anchor) -> Note:
    return Note(note_id, f"docs/anotasi/{note_id}.md", note_id, "background", "s", anchors, SOURCE)


def placed(text: str, *notes: Note) -> list[tuple[str, str]]:
    anchorer = Anchorer(notes)
    hits = select(anchorer.hits(0, Block(text)))
    return [(h.target.note_id, text[h.start : h.end]) for h in hits]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("pencaplokan semenanjung Krimea milik Ukraina", "Krimea", ["Krimea"]),
        ("di Krimea, kata dia", "Krimea", ["Krimea"]),
        ("krisis rudal Kuba.", "Kuba", ["Kuba"]),
        ("ekspansi NATO-nya", "NATO", ["NATO"]),
        ("pengaruh NATOnya", "NATO", ["NATO"]),
        ("sanksi-sanksi baru", "sanksi", ["sanksi", "sanksi"]),
        ("KRIMEA dan krimea", "Krimea", ["KRIMEA"]),
        ("Krimeanistan", "Krimea", []),
        ("ASEAN", "AS", []),
        ("Presiden AS Joe Biden", "AS", ["AS"]),
        ("“Kami tidak", "Kami", ["Kami"]),
        ("Rusia-AS di Jenewa (Swiss)", "Jenewa", ["Jenewa"]),
    ],
)
def test_word_boundaries_and_clitics(text: str, phrase: str, expected: list[str]) -> None:
    occurrence = "all" if phrase == "sanksi" else "first"
    assert [p for _, p in placed(text, note("n", Anchor(phrase, occurrence=occurrence)))] == expected


def test_case_sensitive_anchor_skips_other_case() -> None:
    assert placed("nato dan NATO", note("n", Anchor("NATO", case_sensitive=True))) == [("n", "NATO")]


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (Anchor("Gedung Putih", prefix="sekretaris pers "), "sekretaris pers Gedung Putih"),
        (Anchor("Gedung Putih", suffix=" mengatakan,"), "Namun Gedung Putih mengatakan"),
    ],
)
def test_prefix_and_suffix_choose_the_occurrence(anchor: Anchor, expected: str) -> None:
    text = "Namun Gedung Putih mengatakan, lalu sekretaris pers Gedung Putih Jen Psaki"
    anchorer = Anchorer([note("n", anchor)])
    (hit,) = select(anchorer.hits(0, Block(text)))
    window = text[max(0, hit.start - 16) : hit.end + 12]
    assert text[hit.start : hit.end] == "Gedung Putih"
    assert expected.split("Gedung Putih", maxsplit=1)[0].strip() in window


def test_longest_match_wins_on_overlap() -> None:
    text = "ketegangan dengan krisis rudal Kuba era perang dingin"
    result = placed(text, note("kuba", Anchor("Kuba")), note("krisis", Anchor("krisis rudal Kuba")))
    assert result == [("krisis", "krisis rudal Kuba")]


def test_overlapping_anchors_that_do_not_nest() -> None:
    text = "perang dingin dingin sekali"
    result = placed(text, note("a", Anchor("perang dingin")), note("b", Anchor("dingin dingin sekali")))
    assert result == [("b", "dingin dingin sekali")]


@pytest.mark.parametrize(("occurrence", "count"), [("first", 1), ("all", 3)])
def test_occurrence(occurrence: str, count: int) -> None:
    text = "Putin. Lalu Putin. Kemudian Putin."
    assert len(placed(text, note("p", Anchor("Putin", occurrence=occurrence)))) == count


def test_first_occurrence_is_per_article_across_blocks() -> None:
    anchorer = Anchorer([note("p", Anchor("Putin"))])
    hits = anchorer.hits(0, Block("tanpa nama")) + anchorer.hits(1, Block("Putin")) + anchorer.hits(2, Block("Putin"))
    assert [h.block for h in select(hits)] == [1]


def test_selection_does_not_depend_on_note_or_hit_order() -> None:
    notes = [note("a", Anchor("rudal Kuba")), note("b", Anchor("krisis rudal")), note("c", Anchor("Kuba", occurrence="all"))]
    text = "krisis rudal Kuba dan Kuba lagi"
    forward = select(Anchorer(notes).hits(0, Block(text)))
    backward = select(list(reversed(Anchorer(list(reversed(notes))).hits(0, Block(text)))))
    assert forward == backward


def test_ineligible_spans_are_skipped_and_reported() -> None:
    anchorer = Anchorer([note("n", Anchor("NATO"))])
    diagnostics = Diagnostics()
    assert anchorer.hits(0, Block("NATO di tautan", eligible=((5, 14),)), diagnostics) == []
    problems = orphan_problems(anchorer, set(), ["NATO di tautan"], diagnostics)
    assert "outside the running text, in a link, heading, code" in problems[0].message


def test_two_notes_claiming_the_same_phrase_without_git_are_both_told() -> None:
    anchorer = Anchorer([note("a", Anchor("NATO")), note("b", Anchor("nato"))])
    assert [(p.path, p.message.split(";")[0]) for p in anchorer.problems] == [
        ("docs/anotasi/a.md", "the phrase 'nato' is also claimed by docs/anotasi/b.md"),
        ("docs/anotasi/b.md", "the phrase 'nato' is already claimed by docs/anotasi/a.md"),
    ]


@pytest.mark.parametrize(("changed", "told"), [({"docs/anotasi/a.md"}, ["a"]), ({"docs/anotasi/b.md"}, ["b"]), (set(), ["a", "b"])])
def test_a_claimed_phrase_is_blamed_on_the_changed_note(changed: set[str], told: list[str]) -> None:
    """The note in the change is told (and loses the phrase); the untouched one keeps it."""
    anchorer = Anchorer([note("a", Anchor("NATO")), note("b", Anchor("nato"))], frozenset(changed))
    assert sorted(p.path for p in anchorer.problems) == [f"docs/anotasi/{n}.md" for n in told]
    keeper = ({"a", "b"} - set(told)) or {"a"}
    assert [t.note_id for t in anchorer.targets] == sorted(keeper)


@pytest.mark.parametrize(
    ("changed", "told"), [({"docs/anotasi/krisis.md"}, ["krisis"]), ({"docs/anotasi/kuba.md"}, ["kuba"]), (None, ["krisis", "kuba"])]
)
def test_a_hidden_anchor_is_blamed_on_the_changed_note(changed: set[str] | None, told: list[str]) -> None:
    text = "dengan krisis rudal Kuba era perang dingin"
    anchorer = Anchorer([note("kuba", Anchor("Kuba")), note("krisis", Anchor("krisis rudal Kuba"))], changed)
    diagnostics = Diagnostics()
    hits = select(anchorer.hits(0, Block(text), diagnostics), diagnostics)
    problems = orphan_problems(anchorer, {h.target for h in hits}, [text], diagnostics)
    assert sorted(p.path for p in problems) == [f"docs/anotasi/{n}.md" for n in told]
    for problem in problems:
        other = "kuba" if "krisis" in problem.path else "krisis"
        assert f"docs/anotasi/{other}.md" in problem.message


def orphan_message(text: str, anchor: Anchor, article: str | None = None) -> str:
    anchorer = Anchorer([note("n", anchor)])
    diagnostics = Diagnostics()
    hits = select(anchorer.hits(0, Block(text), diagnostics, article), diagnostics)
    (problem,) = orphan_problems(anchorer, {h.target for h in hits}, [text], diagnostics)
    return problem.message


def test_case_sensitive_mismatch_says_capitals() -> None:
    message = orphan_message("ketegangan era perang dingin pada 1962", Anchor("Perang Dingin", case_sensitive=True))
    assert "the article writes it with other capitals ('perang dingin')" in message
    assert "prefix/suffix" not in message


def test_prefix_without_its_space_says_so_and_quotes_the_right_place() -> None:
    text = "Moskow menolak. Konferensi meliputi Moskow, Washington dan Brussel."
    message = orphan_message(text, Anchor("Moskow", prefix="meliputi"))
    assert "miss the space next to the phrase at '…menolak. Konferensi meliputi Moskow, Washington" in message
    assert "write prefix: 'meliputi '" in message
    assert "write suffix: ' dan'" in orphan_message(text, Anchor("Washington", suffix="dan"))
    assert "copy prefix and suffix exactly" in orphan_message(text, Anchor("Moskow", suffix="Washington"))  # a comma, not a space


def test_articles_limit_where_an_anchor_applies() -> None:
    anchorer = Anchorer([note("n", Anchor("Jenewa", articles=("politik",)))])
    assert [h.target.note_id for h in anchorer.hits(0, Block("di Jenewa"), article="politik")] == ["n"]
    assert anchorer.hits(0, Block("di Jenewa"), article="layang-layang") == []
    assert [h.target.note_id for h in anchorer.hits(0, Block("di Jenewa"))] == ["n"]  # outside any article: applies
    message = orphan_message("Tim dari Jenewa", Anchor("Jenewa", articles=("politik",)), article="layang-layang")
    assert "found only in the article 'layang-layang', which its 'articles' leaves out" in message


def test_orphan_message_names_the_closest_text() -> None:
    anchorer = Anchorer([note("n", Anchor("krisis rudal Kubah"))])
    problems = orphan_problems(anchorer, set(), ["dengan krisis rudal Kuba era perang dingin"], Diagnostics())
    assert problems[0].path == "docs/anotasi/n.md"
    assert "'krisis rudal Kuba'" in problems[0].message


def test_fold_keeps_length() -> None:
    assert len(fold("İstanbul ẞ")) == len("İstanbul ẞ")


@pytest.mark.parametrize(
    ("text", "start", "end", "ok"), [("NATO-nya", 0, 4, True), ("NATOkah", 0, 4, True), ("NATOku", 0, 4, False), ("xNATO", 1, 5, False)]
)
def test_at_word_boundary(text: str, start: int, end: int, ok: bool) -> None:
    assert at_word_boundary(text, start, end) is ok


def test_closest_returns_none_when_nothing_is_similar() -> None:
    assert closest("zzzz qqqq", ["Presiden Rusia Vladimir Putin"]) is None


def test_one_phrase_two_notes_for_different_articles() -> None:
    """ "Jenewa" may mean the talks in one article and the kite team in another: no collision when the articles differ."""
    talks, kites = note("talks", Anchor("Jenewa", articles=("politik",))), note("kites", Anchor("Jenewa", articles=("festival",)))
    anchorer = Anchorer([talks, kites])
    assert anchorer.problems == []
    assert [h.target.note_id for h in anchorer.hits(0, Block("di Jenewa"), article="festival")] == ["kites"]
    assert len(Anchorer([talks, note("kites", Anchor("Jenewa"))]).problems) == 2  # one applies everywhere: they collide


def test_a_missing_article_is_named_with_a_suggestion() -> None:
    from latar.core.anchoring import missing_articles  # noqa: PLC0415

    names = {f"artikel-{i:02d}" for i in range(12)} | {"putin-biden"}
    (problem,) = missing_articles([note("n", Anchor("NATO", articles=("putin-bidem", "artikel-01"), articles_line=8))], names)
    assert (problem.path, problem.line) == ("docs/anotasi/n.md", 8)
    assert problem.message.startswith(
        "article 'putin-bidem' does not exist; it was renamed or removed (did you mean 'putin-biden'?) (articles: artikel-00, "
    )
    assert "… (13 in all)" in problem.message
