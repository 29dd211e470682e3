"""Property tests of the excerpt functions, and escaping of hostile titles in one built portal.

The excerpt functions are pure, so Hypothesis feeds them arbitrary text: lone surrogates,
control characters, CJK, HTML-looking and TeX-looking fragments. Builds are slow, so the
escaping check uses one fixture portal with a fixed list of hostile titles.
"""

from __future__ import annotations

import html
import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from excerpts import excerpt_of, excerpt_parts_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notes_portal.catalog.excerpt import (
    ELLIPSIS,
    clean_text,
    html_to_text,
    truncate,
)
from notes_portal.catalog.math_text import tex_to_text
from sites import BuildResult, FixtureSite, url_path

#: The plugin's defaults (``excerpt_chars``, ``excerpt_words``).
CHARS, WORDS = 120, 50
PURE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TAG = re.compile(r"<[A-Za-z/!]")
TEX_DELIMITERS = ("\\(", "\\)", "\\[", "\\]", "$$")
#: Marks text that must never reach an excerpt (code, scripts, tables, display math…).
HIDDEN = "§"

# -- strategies --------------------------------------------------------------------

#: Markup- and TeX-looking fragments authors (or attackers) write.
LOOKALIKES = ["<b>", "</b>", "</p>", "<p>", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
              "<!-- more -->", "<!--", "-->", "&amp;", "&lt;", "&", "<", ">", "$x$", "$$", "$$E=mc^2$$",
              "\\(a\\)", "\\[b\\]", "\\frac{1}{2}", "\\alpha", "{", "}", "```", "```python", "|a|b|",
              "|---|---|", "**粗体**", "_斜体_", "[链接](https://example.org)", "# 标题", "\\"]
ODD_CHARACTERS = st.one_of(st.characters(categories=["Cs"]), st.characters(categories=["Cc"]),
                           st.sampled_from(["\u200b", "\ufeff", "\u3000", "\u2028", "\x85", "\ufffe", "\r\n"]))
CJK = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=40)
CJK_PUNCTUATION = st.sampled_from(list("。，、；：！？“”（）"))
LATIN_WORD = st.text(st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=1, max_size=15)

#: Any text at all, with the hard cases over-represented.
ANY_TEXT = st.lists(st.one_of(st.text(st.characters()), st.sampled_from(LOOKALIKES), ODD_CHARACTERS, CJK,
                              LATIN_WORD, st.just(" ")), max_size=120).map("".join)
#: Text at least half of which is CJK: each chunk is CJK followed by at most one other character.
CJK_TEXT = st.lists(st.tuples(CJK, st.one_of(CJK_PUNCTUATION, st.sampled_from(["", " "]))).map("".join),
                    min_size=1, max_size=80).map("".join)
#: Space-separated Latin words.
LATIN_TEXT = st.lists(LATIN_WORD, min_size=1, max_size=120).map(" ".join)
#: Up to 60 long words: long enough that the character limit, not the word limit, cuts them.
LONG_WORDS = st.lists(st.text(st.characters(min_codepoint=ord("a"), max_codepoint=ord("z")), min_size=6,
                              max_size=15), min_size=20, max_size=60).map(" ".join)
#: Text for raw HTML: no markup, no TeX, no hidden mark of its own (escaped anyway).
PLAIN_TEXT = st.lists(st.one_of(st.text(st.characters(exclude_characters="<>&$\\" + HIDDEN)), CJK, LATIN_WORD,
                                ODD_CHARACTERS, st.just(" ")), max_size=30).map("".join)

#: Markup as Python-Markdown and its extensions write it; ``§`` only where it must be dropped.
MARKUP = [
    "<p>", "</p>", "<b>", "</b>", "<em>", "</em>", "<br>", "<code>", "</code>", "<ul><li>", "</li></ul>",
    "<h2 id=\"h\">", "</h2>", "<div>", "</div>", "<a href=\"https://example.org\">", "</a>",
    "<img src=x onerror=alert(1)>", "<!-- more -->", "<hr>",
    f"<script>{HIDDEN}alert(1)</script>", f"<style>{HIDDEN}p{{}}</style>", f"<!-- {HIDDEN} -->",
    f"<pre><code>{HIDDEN}print(1)</code></pre>", f"<table><tr><td>{HIDDEN}|a|b|</td></tr></table>",
    f"<div class=\"arithmatex\">\\[{HIDDEN}\\sum_i x_i\\]</div>",
    "<span class=\"arithmatex\">\\(a^2 + \\beta\\)</span>", "<span class=\"arithmatex\">\\(\\frac{1}{2}\\)</span>",
    f"<div class=\"admonition note\"><p class=\"admonition-title\">{HIDDEN}</p><p>{HIDDEN}</p></div>",
    f"<sup id=\"fnref:1\"><a class=\"footnote-ref\" href=\"#fn:1\">{HIDDEN}1</a></sup>",
    f"<a class=\"headerlink\" href=\"#h\">{HIDDEN}</a>", f"<textarea>{HIDDEN}</textarea>",
    f"<svg><text>{HIDDEN}</text></svg>", f"<noscript>{HIDDEN}</noscript>",
    f"<div class=\"tabbed-set\"><p>{HIDDEN}</p></div>", f"<span class=\"katex\">{HIDDEN}</span>",
]
RAW_HTML = st.lists(st.one_of(st.sampled_from(MARKUP), PLAIN_TEXT.map(html.escape)), max_size=40).map("".join)


# -- what every excerpt must be ---------------------------------------------------------


def normalized(text: str) -> str:
    """The text as ``truncate`` sees it: shown characters only, whitespace collapsed."""
    return " ".join(clean_text(text).split())


def assert_showable(text: str) -> None:
    """Valid UTF-8 (no lone surrogate), and none of the C0 control characters that XML forbids."""
    text.encode("utf-8", errors="strict")
    controls = [hex(ord(ch)) for ch in text if (ord(ch) < 0x20 and ch not in "\t\n\r") or ord(ch) == 0x7F]
    assert controls == [], f"control characters {controls} in {text!r}"


def assert_no_markup(text: str) -> None:
    assert not TAG.search(text), f"markup in {text!r}"
    for delimiter in TEX_DELIMITERS:
        assert delimiter not in text, f"TeX delimiter {delimiter!r} in {text!r}"
    assert HIDDEN not in text, f"hidden content in {text!r}"


def assert_within_bounds(text: str, chars: int, words: int) -> None:
    """The bound ``truncate`` promises: ``chars`` characters for CJK-heavy text (the ellipsis
    included), otherwise ``words`` words within ``3 × chars`` characters."""
    assert len(text) <= 3 * chars, f"{len(text)} characters"
    assert len(text) <= chars or len(text.split(" ")) <= words, f"{len(text)} characters, {len(text.split())} words"


# -- truncate -------------------------------------------------------------------------


@PURE
@given(ANY_TEXT, st.integers(1, 300), st.integers(1, 80))
def test_truncate_is_a_prefix_of_the_text(text: str, chars: int, words: int) -> None:
    """The excerpt is the normalised text, or a prefix of it followed by ``…``."""
    result = truncate(text, chars, words)
    full = normalized(text)
    assert result == full or (result.endswith(ELLIPSIS) and full.startswith(result[:-1])), (result, full)
    assert_within_bounds(result, chars, words)
    assert_showable(result)


@PURE
@given(CJK_TEXT, st.integers(1, 300), st.integers(1, 80))
def test_truncate_cjk_text_to_the_character_limit(text: str, chars: int, words: int) -> None:
    """CJK-heavy text is cut to at most ``excerpt_chars`` characters, ellipsis included."""
    result = truncate(text, chars, words)
    assert len(result) <= chars
    assert result == normalized(text) or result.endswith(ELLIPSIS)


@PURE
@given(LATIN_TEXT, st.integers(1, 300), st.integers(1, 80))
def test_truncate_latin_text_to_the_word_limit(text: str, chars: int, words: int) -> None:
    """Space-separated text keeps at most ``excerpt_words`` words and ``3 × excerpt_chars`` characters."""
    result = truncate(text, chars, words)
    assert len(result.split(" ")) <= words
    assert len(result) <= 3 * chars


@PURE
@given(st.one_of(LATIN_TEXT, LONG_WORDS))
def test_truncate_latin_text_between_words(text: str) -> None:
    """With the default limits, a cut Latin text ends on a whole word (words here are ≤ 15 letters)."""
    result = truncate(text, CHARS, WORDS)
    if result == text:
        return
    kept = result.removesuffix(ELLIPSIS)
    assert text.startswith(kept)
    assert text[len(kept)] == " ", f"cut inside a word: {kept[-20:]!r}|{text[len(kept):len(kept) + 20]!r}"


# -- html_to_text and the excerpt ------------------------------------------------------------


@PURE
@given(ANY_TEXT)
def test_escaped_paragraph_excerpt_is_its_text(text: str) -> None:
    """A paragraph's excerpt is exactly its visible text, truncated: nothing that merely looks like
    markup or TeX is dropped or interpreted (the templates escape it), and nothing unshowable stays."""
    paragraph = f"<p>{html.escape(text)}</p>"
    assert html_to_text(paragraph) == normalized(text)
    excerpt = excerpt_of(paragraph, None, CHARS, WORDS)
    assert excerpt == truncate(text, CHARS, WORDS)
    assert_showable(excerpt)


@PURE
@given(ANY_TEXT)
def test_excerpt_has_no_control_characters(text: str) -> None:
    """No control character at all (Unicode category Cc, C1 included) survives into an excerpt."""
    excerpt = excerpt_of(f"<p>{html.escape(text)}</p>", None, CHARS, WORDS)
    controls = [hex(ord(ch)) for ch in excerpt if unicodedata.category(ch) == "Cc"]
    assert controls == [], f"control characters {controls} in {excerpt!r}"


@PURE
@given(RAW_HTML)
def test_excerpt_of_html_never_shows_markup(fragment: str) -> None:
    """Whatever HTML the Markdown extensions produce, the excerpt has no tags, no TeX delimiters,
    no code/script/table/display-math text, nothing unshowable, and stays within its bound."""
    text = html_to_text(fragment)
    assert_no_markup(text)
    assert_showable(text)
    excerpt = excerpt_of(fragment, None, CHARS, WORDS)
    assert_no_markup(excerpt)
    assert_showable(excerpt)
    assert_within_bounds(excerpt, CHARS, WORDS)


@PURE
@given(ANY_TEXT, ANY_TEXT, st.one_of(st.none(), ANY_TEXT))
def test_excerpt_stops_at_more_marker(before: str, after: str, summary: str | None) -> None:
    """Text after ``<!-- more -->`` never reaches the excerpt, and the marker wins over a summary."""
    page = f"<p>{html.escape(before)}</p>\n<!-- more -->\n<p>{HIDDEN}{html.escape(after)}</p>"
    assert excerpt_of(page, summary, CHARS, WORDS) == truncate(before, CHARS, WORDS)


@PURE
@given(st.lists(st.one_of(CJK, LATIN_WORD, CJK_PUNCTUATION, st.just(" ")), min_size=1, max_size=60).map("".join)
       .filter(str.strip))
def test_summary_replaces_the_opening_text(summary: str) -> None:
    """Without a marker, a plain-text ``summary`` is the excerpt, not the page's first paragraph."""
    page = f"<p>{HIDDEN}第一段。</p>"
    assert excerpt_of(page, summary, CHARS, WORDS) == truncate(summary, CHARS, WORDS)


@PURE
@given(st.lists(st.one_of(st.sampled_from(LOOKALIKES), st.text(st.characters()), ODD_CHARACTERS),
                max_size=40).map("".join))
def test_tex_to_text_leaves_no_tex_syntax(tex: str) -> None:
    """A formula as text has no backslash, and single spaces only. (Braces stay around a sub- or
    superscript of several symbols, ``x_{k+1}``; ``\\$`` and ``\\&`` are a dollar and an ampersand.)"""
    text = tex_to_text(tex)
    assert "\\" not in text, f"backslash in {text!r}"
    assert text == " ".join(text.split())


#: Inline formulas as authors write them (the TeX), each with its expected text form elsewhere.
FORMULAS = [r"x_{k+1}=x_k-\eta\nabla f(x_k)", r"D_{\mathrm{KL}}(p\,\|\,q)", r"\sqrt{d_k}", r"O(n)", r"a<b \& c",
            r"n_{\text{in}}\,\mathrm{Var}(w)"]
#: Text and formulas (an int picks one of FORMULAS).
WITH_FORMULAS = st.lists(st.one_of(CJK, LATIN_WORD, CJK_PUNCTUATION, st.just(" "),
                                   st.integers(0, len(FORMULAS) - 1)), min_size=1, max_size=60)


@PURE
@given(WITH_FORMULAS, st.integers(1, 200), st.integers(1, 80))
def test_excerpt_keeps_formulas_whole(pieces: list[str | int], chars: int, words: int) -> None:
    """Wherever the limits cut a paragraph with inline math, the excerpt's formulas are the first
    ones written, each whole (its TeX as written), and its text is a prefix of the paragraph's."""
    paragraph = "<p>" + "".join(html.escape(piece) if isinstance(piece, str)
                                else f'<span class="arithmatex">\\({html.escape(FORMULAS[piece])}\\)</span>'
                                for piece in pieces) + "</p>"
    written = [FORMULAS[piece] for piece in pieces if isinstance(piece, int)]
    whole = excerpt_parts_of(paragraph, None, 10_000, 10_000)
    cut = excerpt_parts_of(paragraph, None, chars, words)
    shown = [part.tex for part in cut.parts if part.tex is not None]
    assert shown == written[:len(shown)]
    assert cut.text == whole.text or (cut.text.endswith(ELLIPSIS) and whole.text.startswith(cut.text[:-1]))
    assert_showable(cut.text)


# -- escaping in a built portal ------------------------------------------------------------

#: (source, title, date): newest first, so the feed lists them in this order.
HOSTILE_NOTES = [
    ("nlp/script.md", "<script>alert(1)</script>", "2024-06-09"),
    ("deep-learning/image.md", "<img src=x onerror=alert(1)>", "2024-06-08"),
    ("leetcode/0001-two-sum.md", "\"引号\" & 'apostrophe' &amp; &lt;b&gt;", "2024-06-07"),
    ("nlp/escape.md", "</a></h3><h1>标题逃逸", "2024-06-06"),
    ("deep-learning/jinja.md", "{{ config.site_name }}{% raw %}", "2024-06-05"),
    ("leetcode/0002-add-two-numbers.md", "<b>加粗</b> & <i>两数相加</i>", "2024-06-04"),
    ("nlp/tex.md", "$x$ 与 \\(a\\) 和 ```code```", "2024-06-03"),
    ("deep-learning/more.md", "<!-- more --> 注释", "2024-06-02"),
    ("leetcode/0003-longest-substring.md", "😀 𠮷野家 Ωμέγα", "2024-06-01"),
]


def display_title(path: str, title: str) -> str:
    """Feed titles of LeetCode notes carry the problem number."""
    if path.startswith("leetcode/"):
        return f"{int(path.split('/')[1][:4])}. {title}"
    return title


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("escaping") / "portal")
    for path, title, date in HOSTILE_NOTES:
        fields = {}
        if path.startswith("leetcode/"):
            fields["leetcode"] = {"difficulty": "easy", "topics": ["哈希表"]}
        site.note(path, title, date, **fields)
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def feed_titles(page: BeautifulSoup, url: str) -> list[tuple[str, str]]:
    return [(a.get_text(), url_path(url, a["href"])) for a in page.select(".np-feed-item__title a")]


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_feed_shows_hostile_titles_verbatim(hostile: BuildResult, prefix: str) -> None:
    """Every title reads in the home feed exactly as written, linked to its note."""
    expected = [(display_title(path, title), f"/{prefix}{path.removesuffix('.md')}/")
                for path, title, _ in HOSTILE_NOTES]
    assert feed_titles(hostile.html(prefix), prefix) == expected


@pytest.mark.parametrize("category", ["nlp", "deep-learning"])
def test_category_page_shows_hostile_titles_verbatim(hostile: BuildResult, category: str) -> None:
    """A category page lists its notes' titles exactly as written."""
    expected = [(title, f"/{path.removesuffix('.md')}/") for path, title, _ in HOSTILE_NOTES
                if path.startswith(f"{category}/")]
    assert feed_titles(hostile.html(f"{category}/"), f"{category}/") == expected


def test_tiles_show_newest_hostile_title_verbatim(hostile: BuildResult) -> None:
    """Each tile names its newest note exactly as written."""
    newest = [tile.get_text() for tile in hostile.html("").select(".np-tile__newest")]
    assert newest == ["最新：<img src=x onerror=alert(1)>", "最新：<script>alert(1)</script>",
                      "最新：1. \"引号\" & 'apostrophe' &amp; &lt;b&gt;"]


def test_leetcode_index_shows_hostile_titles_verbatim(hostile: BuildResult) -> None:
    """The LeetCode index lists problem titles exactly as written, by number and by topic."""
    expected = [title for path, title, _ in HOSTILE_NOTES if path.startswith("leetcode/")]
    by_number = [row.select("td")[1].get_text() for row in hostile.html("leetcode/1-100/").select("tr[data-lc-id]")]
    by_topic = [row.select("td")[1].get_text()
                for row in hostile.html("leetcode/topics/hash-table/").select("tr[data-lc-id]")]
    assert by_number == expected
    assert by_topic == expected


def test_atom_feed_carries_hostile_titles_verbatim(hostile: BuildResult) -> None:
    """The Atom feed's entry titles are the titles as written."""
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    root = ET.parse(hostile.site_dir / "feed.xml").getroot()
    titles = [entry.findtext("atom:title", namespaces=atom) for entry in root.findall("atom:entry", atom)]
    assert titles == [display_title(path, title) for path, title, _ in HOSTILE_NOTES]
