"""The element-tree builder and its serialiser: everything escaped except sanitiser output."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from latar.html.builder import Markup, append, dom_text, fragment, sanitized, tag, to_html

# Any text, including markup-looking text and characters html.parser must not choke on.
texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40) | st.sampled_from(
    ['"><script>alert(1)</script>', "</p><img src=x onerror=alert(1)>", "&amp; &lt; &#x3c;", "a\u00a0b", "x' onmouseover='y"]
)


@settings(deadline=None)  # timings belong in make bench: a busy machine must not fail a test
@given(texts, texts, texts)
def test_text_and_attributes_come_back_exactly(text: str, value: str, tail: str) -> None:
    root = append(tag("div"), tag("p", text, title=value, data_x=value), tail)
    soup = BeautifulSoup(to_html(root), "html.parser")
    p = soup.select_one("div > p")
    assert p is not None
    assert (p.get_text(), p["title"], p["data-x"]) == (text, value, value)
    assert soup.div.get_text() == text + tail
    assert soup.select("script, img") == []


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: tag("p", "a < b & c > d"), "<p>a &lt; b &amp; c &gt; d</p>"),
        (lambda: tag("a", "x", href='/?q="1"&r=<2>'), '<a href="/?q=&quot;1&quot;&amp;r=&lt;2&gt;">x</a>'),
        (lambda: append(tag("p"), "one", tag("br"), "two"), "<p>one<br>two</p>"),
        (lambda: append(fragment(), tag("hr"), " ", tag("em", "x")), "<hr> <em>x</em>"),
        (lambda: append(tag("p"), sanitized("<em>kept</em> &amp;"), " then <b>"), "<p><em>kept</em> &amp; then &lt;b&gt;</p>"),
        (
            lambda: tag("span", "x", class_="a b", aria_label="y", data_latar_note="n"),
            '<span class="a b" aria-label="y" data-latar-note="n">x</span>',
        ),
        (lambda: tag("script", '{"a": 1}', type="application/ld+json"), '<script type="application/ld+json">{"a": 1}</script>'),
        (lambda: tag("p", "\u00a0↩\ufe0e"), "<p>\u00a0↩\ufe0e</p>"),
    ],
)
def test_serialisation(build, expected: str) -> None:
    html = to_html(build())
    assert html == expected
    assert isinstance(html, Markup)


@pytest.mark.parametrize(
    "build",
    [
        lambda: tag("script", "</script><script>alert(1)"),
        lambda: append(tag("style"), tag("b")),
        lambda: tag("br", "text"),
        lambda: append(tag("hr"), tag("b")),
    ],
    ids=["script-closing", "style-child", "void-text", "void-child"],
)
def test_unsafe_or_impossible_trees_are_refused(build) -> None:
    with pytest.raises(ValueError, match="<"):
        to_html(build())


def test_plain_str_is_text_and_markup_is_verbatim() -> None:
    root = append(tag("p"), "<i>text</i>", Markup("<i>markup</i>"))
    assert to_html(root) == "<p>&lt;i&gt;text&lt;/i&gt;<i>markup</i></p>"


def test_append_joins_text_before_and_after_children() -> None:
    root = append(tag("p"), "a", "b", tag("em", "c"), "d", "e")
    assert (root.text, root[0].tail) == ("ab", "de")
    assert to_html(root) == "<p>ab<em>c</em>de</p>"


@settings(deadline=None)  # timings belong in make bench: a busy machine must not fail a test
@given(texts, texts, texts)
def test_dom_text_equals_the_parsed_pages_text(head: str, inner: str, tail: str) -> None:
    root = append(tag("div"), head, tag("span", inner), tail)
    text, where = dom_text(root)
    assert BeautifulSoup(to_html(root), "html.parser").div.get_text() == text
    assert text[slice(*where[id(root[0])])] == inner


def test_dom_text_is_what_a_browser_holds_and_locates_each_element() -> None:
    root = append(tag("div"), "a<b ", tag("span", "Krimea", class_="x"), tag("sup", "1"), "\n", sanitized("<em>AT&amp;T</em> x"))
    text, where = dom_text(root)
    assert text == "a<b Krimea1\nAT&T x"
    span = root[0]
    assert text[slice(*where[id(span)])] == "Krimea"
    assert BeautifulSoup(to_html(root), "html.parser").div.get_text() == text
