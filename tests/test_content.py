"""The real content: whatever articles and notes exist, checked as published and as journalism."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from latar.core.articles import load_articles
from latar.core.notes import load_notes
from sitecheck import PER_ARTICLE, WHOLE_SITE, Project

pytestmark = pytest.mark.content
NOTES, PROBLEMS, UNPUBLISHED = load_notes(ROOT / "docs" / "anotasi", ROOT)
ARTICLES, ARTICLE_PROBLEMS = load_articles(ROOT / "seeds", ROOT)


@pytest.fixture(scope="module")
def project(real_site: Path) -> Project:
    return Project.load(ROOT, real_site)


def test_every_note_and_article_validates() -> None:
    assert PROBLEMS == [] and UNPUBLISHED == [] and ARTICLE_PROBLEMS == []
    assert NOTES and ARTICLES


@pytest.mark.parametrize("check", PER_ARTICLE, ids=lambda c: c.__name__)
@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.name)
def test_article_as_published(project: Project, article, check) -> None:
    """Nothing lost, endnotes for every marker, and each note at the first mention of its phrase."""
    assert check(project, article) == []


@pytest.mark.parametrize("check", WHOLE_SITE, ids=lambda c: c.__name__)
def test_site_as_published(project: Project, check) -> None:
    """Every note placed somewhere; home page, articles list and timeline."""
    assert check(project) == []


@pytest.mark.parametrize("note", NOTES, ids=lambda n: n.id)
def test_note_quality_rules(note) -> None:
    """The rules themselves live in the validator (latar.rules), shared by check, build and CI: none is broken here."""
    assert [str(problem) for problem in note.problems] == []


def test_kinds_cover_clarification_and_aftermath() -> None:
    kinds = {note.kind for note in NOTES}
    assert {"person", "organization", "event", "clarification", "aftermath"} <= kinds
