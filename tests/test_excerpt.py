"""Feed excerpts and reading times: the functions of ``notes_portal.catalog.excerpt`` and what a built site shows.

Inline math in an excerpt stays a formula: the feeds keep arithmatex's markup for KaTeX,
the plain-text form (Atom) reads it as text. Tests of both name the TeX and the text they
expect, written out here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from excerpts import excerpt_of, excerpt_parts_of, minutes_of
from sites import MARKDOWN_EXTENSIONS, SITE_URL, BuildResult, FixtureSite

#: Raw syntax that must never reach a reader through an excerpt.
RAW_SYNTAX = ("**", "](", "[", "#", "$", "\\(", "\\[", "\\", "|", "<", ">", "```", "`")
ENGLISH_WORDS = [f"word{i}" for i in range(80)]


#: Blocks an excerpt must skip: a heading, a code block, a table and display math.
SKIPPED_BLOCKS = """\
# 一级标题

```python
SECRET_CODE = 1
```

| 列A | 列B |
|-----|-----|
| 表格内容 | 2 |

$$
E = mc^2
$$

"""

def render(text: str) -> str:
    """Markdown → HTML with the extensions the fixture portals use (as MkDocs hands it to the plugin)."""
    extensions, configs = [], {}
    for item in MARKDOWN_EXTENSIONS:
        if isinstance(item, dict):
            (name, options), = item.items()
            extensions.append(name)
            configs[name] = options
        else:
            extensions.append(item)
    return markdown.markdown(text, extensions=extensions, extension_configs=configs)


def excerpt(source: str, summary: str | None = None, chars: int = 120, words: int = 50) -> str:
    return excerpt_of(render(source), summary, chars, words)


def formulas(source: str, summary: str | None = None, chars: int = 120, words: int = 50) -> list[str]:
    """The TeX of the excerpt's formulas, in order."""
    parts = excerpt_parts_of(render(source), summary, chars, words).parts
    return [part.tex for part in parts if part.tex is not None]


def assert_plain(text: str) -> None:
    for syntax in RAW_SYNTAX:
        assert syntax not in text, f"{syntax!r} in excerpt {text!r}"


# -- unit tests of the excerpt and reading time (summarize, as the build calls it) ------------------------------------


def test_more_marker_wins_over_summary_and_body() -> None:
    """Text before ``<!-- more -->`` is the excerpt, even when a summary is set."""
    source = "前言 **重点** 和 [链接](https://example.org)。\n\n<!-- more -->\n\n后文不应出现。"
    assert excerpt(source, summary="摘要不应出现") == "前言 重点 和 链接。"


def test_summary_is_used_without_more_marker() -> None:
    """Without the marker the front matter ``summary`` replaces the opening text."""
    assert excerpt("正文第一段不应出现。", summary="这是摘要。") == "这是摘要。"


def test_blank_summary_falls_back_to_opening_paragraph() -> None:
    """A whitespace-only summary is ignored."""
    assert excerpt("正文第一段。", summary="   ") == "正文第一段。"


def test_summary_markup_is_reduced_to_text() -> None:
    """Markdown emphasis, links and inline math in a summary read as plain words."""
    text = excerpt("正文。", summary="用 **哈希表** 和 [链接](https://example.org) 做到 $O(n)$ 查找")
    assert_plain(text)
    assert "哈希表" in text and "链接" in text and "O(n)" in text


def test_short_text_is_kept_whole() -> None:
    """Text within the limits comes back unchanged, without an ellipsis."""
    assert excerpt("一段很短的文字。") == "一段很短的文字。"
    words = " ".join(ENGLISH_WORDS[:50])
    assert excerpt(words) == words


def test_long_cjk_text_is_cut_near_excerpt_chars() -> None:
    """300 CJK characters are cut to at most 120 (ellipsis included), not much fewer, at a prefix."""
    text = "这是一个用来测试截断的句子，" * 21
    result = excerpt(text)
    assert result.endswith("…")
    assert 90 <= len(result) <= 120
    assert text.startswith(result[:-1])


def test_cjk_text_without_breaks_is_cut_at_the_limit() -> None:
    """A run with no punctuation is cut hard: exactly the limit with the ellipsis."""
    text = "字" * 300
    assert excerpt(text) == "字" * 119 + "…"
    assert excerpt(text, chars=40) == "字" * 39 + "…"


def test_english_text_is_cut_at_excerpt_words() -> None:
    """80 English words become the first 50 (or ``excerpt_words``) followed by an ellipsis."""
    text = " ".join(ENGLISH_WORDS)
    assert excerpt(text) == " ".join(ENGLISH_WORDS[:50]) + "…"
    assert excerpt(text, words=10) == " ".join(ENGLISH_WORDS[:10]) + "…"


def test_rendered_markup_never_reaches_the_excerpt() -> None:
    """Headings, code blocks, tables, display math and admonitions are skipped; inline syntax is text."""
    source = SKIPPED_BLOCKS + """\
!!! note "提示"
    提示内容不应出现

复杂度是 $O(n)$，空间是 \\(O(1)\\)，用 **哈希表** 和 `dict` 与 [文档](https://example.org) 实现。
"""
    result = excerpt(source)
    assert result == "复杂度是 O(n)，空间是 O(1)，用 哈希表 和 dict 与 文档 实现。"


#: A first paragraph that opens with a formula and has the TeX that used to be mangled.
MATH_OPENING = (r"$D_{\mathrm{KL}}(p\,\|\,q)$ 衡量两个分布之差，方差约为 $n_{\text{in}}\,\mathrm{Var}(w)\,\mathrm{Var}(x)$，"
                r"注意力是 $\mathrm{softmax}(QK^\top/\sqrt{d_k})V$，迭代写作 $x_{k+1}=x_k-\eta\nabla f(x_k)$。")


def test_inline_math_stays_whole_formulas() -> None:
    """Each inline formula is a part of its own with its TeX as written, and reads as text."""
    parts = excerpt_parts_of(render(MATH_OPENING), None, 120, 50).parts
    assert [(part.tex, part.text) for part in parts if part.tex is not None] == [
        (r"D_{\mathrm{KL}}(p\,\|\,q)", "D_KL(p ‖ q)"),
        (r"n_{\text{in}}\,\mathrm{Var}(w)\,\mathrm{Var}(x)", "n_in Var(w) Var(x)"),
        (r"\mathrm{softmax}(QK^\top/\sqrt{d_k})V", "softmax(QK^⊤/√d_k)V"),
        (r"x_{k+1}=x_k-\eta\nabla f(x_k)", "x_{k+1}=x_k-η∇f(x_k)"),
    ]
    assert [part.text for part in parts if part.tex is None] == [
        " 衡量两个分布之差，方差约为 ", "，注意力是 ", "，迭代写作 ", "。"]
    assert excerpt(MATH_OPENING) == ("D_KL(p ‖ q) 衡量两个分布之差，方差约为 n_in Var(w) Var(x)，"
                                     "注意力是 softmax(QK^⊤/√d_k)V，迭代写作 x_{k+1}=x_k-η∇f(x_k)。")


@pytest.mark.parametrize("chars", range(4, 40, 2))
def test_a_cut_never_splits_a_formula(chars: int) -> None:
    """Wherever the limit falls, the excerpt keeps each formula whole or leaves it out; and
    what it keeps is the opening of the text, then an ellipsis."""
    whole = excerpt_parts_of(render(MATH_OPENING), None, 120, 50).parts
    cut = excerpt_parts_of(render(MATH_OPENING), None, chars, 50).parts
    if cut == whole:  # mostly Latin text: the limit is 3 × chars, and it fits
        assert chars * 3 >= len("".join(part.text for part in whole))
        return
    assert cut[-1].tex is None and cut[-1].text.endswith("…")
    kept = [part.tex for part in cut if part.tex is not None]
    assert kept == [part.tex for part in whole if part.tex is not None][:len(kept)]
    text = "".join(part.text for part in cut).removesuffix("…")
    assert "".join(part.text for part in whole).startswith(text)


def test_a_formula_longer_than_the_limit_is_shown_whole() -> None:
    """An excerpt that opens with a formula longer than the limit shows it, not an ellipsis alone."""
    assert formulas(MATH_OPENING, chars=6) == [r"D_{\mathrm{KL}}(p\,\|\,q)"]


def test_summary_math_is_a_formula() -> None:
    """Inline math in a front matter summary is a formula like the body's, its TeX intact
    (the underscores are no Markdown emphasis)."""
    assert formulas("正文。", summary=r"梯度下降 $x_{k+1}=x_k-\eta g_k$ 与 **动量** _法_") == [r"x_{k+1}=x_k-\eta g_k"]
    assert excerpt("正文。", summary=r"梯度下降 $x_{k+1}=x_k-\eta g_k$ 与 **动量** _法_") == \
        "梯度下降 x_{k+1}=x_k-ηg_k 与 动量 法"


def test_code_block_inside_list_item_is_skipped() -> None:
    """List items count as opening text, but a code block nested in one does not."""
    source = ("开头一段。\n\n- 第一步：建表。\n\n    ```python\n    LIST_SECRET = 2\n    ```\n\n"
              "- 第二步：查找 $O(1)$。\n")
    result = excerpt(source)
    assert_plain(result)
    assert "LIST_SECRET" not in result
    assert result.startswith("开头一段。")
    assert "第一步：建表。" in result and "第二步：查找 O(1)。" in result


def test_reading_minutes_counts_cjk_and_words_at_their_speeds() -> None:
    """400 CJK characters and 220 English words a minute, rounded up."""
    assert minutes_of(render("学习笔记" * 500), 400, 220) == 5
    assert minutes_of(render(" ".join(["word"] * 440)), 400, 220) == 2
    assert minutes_of(render("学习笔记" * 500 + "\n\n" + " ".join(["word"] * 220)), 400, 220) == 6
    assert minutes_of(render("学习笔记" * 500), 200, 220) == 10


# -- a built site -------------------------------------------------------------------

LONG_BODY = SKIPPED_BLOCKS + "段落内容，" * 60


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Notes exercising each excerpt source and each kind of markup, with default options
    (but one feed page for all of them)."""
    site = FixtureSite(tmp_path_factory.mktemp("excerpt") / "portal")
    site.plugin_config["per_page"] = 20
    site.note("nlp/more.md", "更多标记", "2024-01-08",
              "引言 **粗体** 和 [链接](https://example.org)。\n\n<!-- more -->\n\n后文不应出现。",
              summary="摘要不应出现")
    site.note("nlp/summary.md", "摘要", "2024-01-07", "正文第一段不应出现。", summary="这是前言摘要。")
    site.note("nlp/summary-markup.md", "带格式的摘要", "2024-01-06", "正文。",
              summary="用 **哈希表** 和 [链接](https://example.org) 做到 $O(n)$ 查找")
    site.note("nlp/long.md", "长笔记", "2024-01-05", LONG_BODY)
    site.note("nlp/math.md", "数学", "2024-01-04", "复杂度是 $O(n)$，空间是 $O(1)$。")
    site.note("nlp/admonition.md", "提示框", "2024-01-03",
              '!!! note "提示"\n    提示内容不应出现\n\n<span class="x">红色</span>文字<b>加粗</b>。')
    site.note("nlp/english.md", "英文", "2024-01-02", "中文正文。")
    site.note("nlp/english.en.md", "English", "2024-01-02", " ".join(ENGLISH_WORDS))
    site.note("nlp/reading.md", "阅读时间", "2024-01-01", "学习笔记" * 500)
    site.note("nlp/math-opening.md", "公式开头", "2023-12-31", MATH_OPENING + "\n\n## 小节\n\n后文。")
    # The shape real collections have: a comment and a badge before the first heading.
    site.note("nlp/badge.md", "徽章", "2023-12-30", """\
        <!-- problem:start -->

        [![build](https://img.shields.io/badge/build-passing-green)](https://example.org)

        # 徽章

        迭代 $x_{k+1}=x_k-\\eta g_k$ 在 $\\sqrt{d_k}$ 步后停止。

        ## 小节

        后文不应出现。
        """)
    site.note("nlp/tex-escape.md", "转义", "2023-12-29", r"比较 $a<b \text{<script>alert(1)</script>}$ 与 $x \& y$。")
    site.note("nlp/reading.en.md", "Reading time", "2024-01-01", " ".join(["word"] * 440))
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def feed_item(soup: BeautifulSoup, page: str, note: str) -> Tag:
    """The feed item on ``page`` whose title links to the site path ``note``."""
    for item in soup.select("article.np-feed-item"):
        href = item.select_one(".np-feed-item__title a")["href"]
        if urlsplit(urljoin(SITE_URL + page, href)).path == note:
            return item
    raise AssertionError(f"no feed item for {note} on /{page}")


def excerpt_paragraph(result: BuildResult, note: str, page: str = "") -> Tag:
    item = feed_item(result.html(page), page, note)
    paragraph = item.select_one("p.np-feed-item__excerpt")
    assert paragraph is not None, f"{note} has no excerpt"
    return paragraph


def shown_excerpt(result: BuildResult, note: str, page: str = "") -> str:
    return excerpt_paragraph(result, note, page).get_text()


def shown_parts(result: BuildResult, note: str, page: str = "") -> list[str | tuple[str, str]]:
    """The excerpt as it is in the HTML: text, and ``("math", TeX)`` for each formula element
    (arithmatex's generic inline markup, ``<span class="arithmatex">\\(TeX\\)</span>``)."""
    parts: list[str | tuple[str, str]] = []
    for child in excerpt_paragraph(result, note, page).children:
        if isinstance(child, Tag):
            assert child.name == "span" and child["class"] == ["arithmatex"], f"unexpected element {child}"
            source = child.get_text()
            assert source.startswith("\\(") and source.endswith("\\)"), source
            parts.append(("math", source[2:-2]))
        else:
            parts.append(str(child))
    return parts


def test_site_uses_text_before_more_marker(portal: BuildResult) -> None:
    """The feed shows the part before ``<!-- more -->`` as plain text."""
    assert shown_excerpt(portal, "/nlp/more/") == "引言 粗体 和 链接。"


def test_site_uses_summary(portal: BuildResult) -> None:
    """Without the marker the feed shows the summary."""
    assert shown_excerpt(portal, "/nlp/summary/") == "这是前言摘要。"


def test_site_summary_markup_is_plain(portal: BuildResult) -> None:
    """A summary written with Markdown reads as plain words in the feed; its inline math is a formula."""
    assert shown_parts(portal, "/nlp/summary-markup/") == ["用 哈希表 和 链接 做到 ", ("math", "O(n)"), " 查找"]


def test_site_cuts_long_opening_and_skips_blocks(portal: BuildResult) -> None:
    """Headings, code, tables and display math are skipped; the paragraph is cut at ~120 characters."""
    text = shown_excerpt(portal, "/nlp/long/")
    assert_plain(text)
    assert text.startswith("段落内容，段落内容，")
    assert text.endswith("…")
    assert 90 <= len(text) <= 120
    for hidden in ("SECRET_CODE", "表格内容", "列A", "mc", "一级标题"):
        assert hidden not in text


def test_site_inline_math_is_a_formula_for_katex(portal: BuildResult) -> None:
    """``$O(n)$`` is kept as arithmatex's inline markup, which katex-init.js typesets."""
    assert shown_parts(portal, "/nlp/math/") == ["复杂度是 ", ("math", "O(n)"), "，空间是 ", ("math", "O(1)"), "。"]


def test_site_math_heavy_opening_keeps_every_formula(portal: BuildResult) -> None:
    """A first paragraph that opens with math shows each formula whole, its TeX as written, on the
    home page and the category page; the text between them is the text, with no TeX leftovers."""
    expected = [("math", r"D_{\mathrm{KL}}(p\,\|\,q)"), " 衡量两个分布之差，方差约为 ",
                ("math", r"n_{\text{in}}\,\mathrm{Var}(w)\,\mathrm{Var}(x)"), "，注意力是 ",
                ("math", r"\mathrm{softmax}(QK^\top/\sqrt{d_k})V"), "，迭代写作 ",
                ("math", r"x_{k+1}=x_k-\eta\nabla f(x_k)"), "。"]
    assert shown_parts(portal, "/nlp/math-opening/") == expected
    assert shown_parts(portal, "/nlp/math-opening/", "nlp/") == expected


def test_site_excerpt_after_comment_and_badge(portal: BuildResult) -> None:
    """A comment and a badge before the first heading don't make the excerpt; the first paragraph
    after the heading does, with its formulas."""
    assert shown_parts(portal, "/nlp/badge/") == [
        "迭代 ", ("math", r"x_{k+1}=x_k-\eta g_k"), " 在 ", ("math", r"\sqrt{d_k}"), " 步后停止。"]


def test_site_formula_tex_is_escaped(portal: BuildResult) -> None:
    """TeX that looks like HTML stays text inside the formula element: no element is made of it."""
    paragraph = excerpt_paragraph(portal, "/nlp/tex-escape/")
    assert paragraph.find("script") is None
    assert shown_parts(portal, "/nlp/tex-escape/") == [
        "比较 ", ("math", r"a<b \text{<script>alert(1)</script>}"), " 与 ", ("math", r"x \& y"), "。"]


def test_atom_summaries_read_formulas_as_text(portal: BuildResult) -> None:
    """The Atom feed is plain text: formulas read as text, with no TeX and no hole."""
    atom = {"atom": "http://www.w3.org/2005/Atom"}
    root = ET.parse(portal.site_dir / "feed.xml").getroot()
    summaries = {entry.findtext("atom:title", namespaces=atom): entry.findtext("atom:summary", namespaces=atom)
                 for entry in root.findall("atom:entry", atom)}
    assert summaries["公式开头"] == ("D_KL(p ‖ q) 衡量两个分布之差，方差约为 n_in Var(w) Var(x)，"
                                 "注意力是 softmax(QK^⊤/√d_k)V，迭代写作 x_{k+1}=x_k-η∇f(x_k)。")
    assert summaries["徽章"] == "迭代 x_{k+1}=x_k-ηg_k 在 √d_k 步后停止。"
    assert summaries["数学"] == "复杂度是 O(n)，空间是 O(1)。"


def test_site_drops_admonitions_and_html_tags(portal: BuildResult) -> None:
    """Admonition text is skipped and inline HTML keeps only its words."""
    assert shown_excerpt(portal, "/nlp/admonition/") == "红色文字加粗。"


def test_site_english_excerpt_is_cut_at_fifty_words(portal: BuildResult) -> None:
    """On /en/ the translated note's excerpt is its first 50 words and an ellipsis."""
    assert shown_excerpt(portal, "/en/nlp/english/", "en/") == " ".join(ENGLISH_WORDS[:50]) + "…"
    assert shown_excerpt(portal, "/nlp/english/") == "中文正文。"


def test_site_reading_time(portal: BuildResult) -> None:
    """2000 CJK characters read in 约 5 分钟; 440 English words in 2 min read."""
    zh = feed_item(portal.html(""), "", "/nlp/reading/")
    assert zh.select_one(".np-feed-item__reading").get_text(strip=True) == "约 5 分钟"
    en = feed_item(portal.html("en/"), "en/", "/en/nlp/reading/")
    assert en.select_one(".np-feed-item__reading").get_text(strip=True) == "2 min read"
    short = feed_item(portal.html(""), "", "/nlp/math/")
    assert short.select_one(".np-feed-item__reading").get_text(strip=True) == "约 1 分钟"
