"""Feed excerpts and reading times: the functions of ``notes_portal.catalog.excerpt`` and what a built site shows."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import markdown
import pytest
from bs4 import BeautifulSoup, Tag
from excerpts import excerpt_of, minutes_of
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
    """Notes exercising each excerpt source and each kind of markup, with default options."""
    site = FixtureSite(tmp_path_factory.mktemp("excerpt") / "portal")
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


def shown_excerpt(result: BuildResult, note: str, page: str = "") -> str:
    item = feed_item(result.html(page), page, note)
    paragraph = item.select_one("p.np-feed-item__excerpt")
    assert paragraph is not None, f"{note} has no excerpt"
    return paragraph.get_text()


def test_site_uses_text_before_more_marker(portal: BuildResult) -> None:
    """The feed shows the part before ``<!-- more -->`` as plain text."""
    assert shown_excerpt(portal, "/nlp/more/") == "引言 粗体 和 链接。"


def test_site_uses_summary(portal: BuildResult) -> None:
    """Without the marker the feed shows the summary."""
    assert shown_excerpt(portal, "/nlp/summary/") == "这是前言摘要。"


def test_site_summary_markup_is_plain(portal: BuildResult) -> None:
    """A summary written with Markdown and inline math reads as plain words in the feed."""
    text = shown_excerpt(portal, "/nlp/summary-markup/")
    assert_plain(text)
    assert "哈希表" in text and "链接" in text and "O(n)" in text


def test_site_cuts_long_opening_and_skips_blocks(portal: BuildResult) -> None:
    """Headings, code, tables and display math are skipped; the paragraph is cut at ~120 characters."""
    text = shown_excerpt(portal, "/nlp/long/")
    assert_plain(text)
    assert text.startswith("段落内容，段落内容，")
    assert text.endswith("…")
    assert 90 <= len(text) <= 120
    for hidden in ("SECRET_CODE", "表格内容", "列A", "mc", "一级标题"):
        assert hidden not in text


def test_site_inline_math_reads_as_text(portal: BuildResult) -> None:
    """``$O(n)$`` shows as ``O(n)``, with no TeX delimiters."""
    assert shown_excerpt(portal, "/nlp/math/") == "复杂度是 O(n)，空间是 O(1)。"


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
