"""Titles as written (issue 21, item 3): a first heading after HTML comments, blank lines, badges
or a link-only paragraph is the note's title, and every place agrees on it: the page's ``<title>``,
its one ``<h1>``, the navigation, previous/next, the feed, the search record and the Atom feed.

The collection is in the shape of the real public LeetCode solutions repository, comments and
all, with an English translation of each problem."""

from __future__ import annotations

import datetime as dt
import os
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from sites import BuildResult, FixtureSite, url_path

ATOM = "{http://www.w3.org/2005/Atom}"


def real_shape(problem_id: int, title: str, slug: str, *, english: bool) -> str:
    """A problem's README as the collection writes it (``README_EN.md``'s shape for ``english``)."""
    difficulty, tags = ("Hard", "[Hash Table, String, Sliding Window]") if english else \
        ("困难", "[哈希表, 字符串, 滑动窗口]")
    site, other, description = ("https://leetcode.com", "[中文文档](/solution/README.md)", "Description") \
        if english else ("https://leetcode.cn", "[English Version](/solution/README_EN.md)", "题目描述")
    statement = "Given two strings s and t, return the answer." if english else "给你一个字符串 s 和一个字符串 t，返回答案。"
    return (f"---\ncomments: true\ndifficulty: {difficulty}\nedit_url: https://github.com/doocs/leetcode/edit/main/"
            f"solution/README.md\ntags: {tags}\n---\n\n<!-- problem:start -->\n\n"
            f"# [{problem_id}. {title}]({site}/problems/{slug})\n\n{other}\n\n## {description}\n\n"
            f"<!-- description:start -->\n\n<p>{statement}</p>\n\n<!-- description:end -->\n\n"
            "## 解法\n\n<!-- solution:start -->\n\n### 方法一\n\n```python\nclass Solution:\n    pass\n```\n\n"
            "<!-- solution:end -->\n\n<!-- problem:end -->\n")


#: (folder, number, Chinese title, English title, slug, modification date): 76 is the newer.
PROBLEMS = [
    ("0076.Minimum Window Substring", 76, "最小覆盖子串", "Minimum Window Substring",
     "minimum-window-substring", dt.date(2024, 5, 6)),
    ("0003.Longest Substring Without Repeating Characters", 3, "无重复字符的最长子串",
     "Longest Substring Without Repeating Characters", "longest-substring-without-repeating-characters",
     dt.date(2024, 5, 5)),
]


#: How each page's search record opens: its heading, Chinese indexed as overlapping pairs.
RECORD_OPENING = {
    (76, "zh"): "76. 最小 小覆 覆盖 盖子 子串.", (3, "zh"): "3. 无重 重复 复字 字符 符的 的最 最长 长子 子串.",
    (76, "en"): "76. Minimum Window Substring.", (3, "en"): "3. Longest Substring Without Repeating Characters.",
}


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("titles") / "portal")
    # The collection's English notes tag in English; 哈希表 and 滑动窗口 are topics with English
    # names already, 字符串 is named once here, as an author importing the collection would.
    site.plugin_config["tags"] = {"字符串": "String"}
    for folder, number, zh, en, slug, day in PROBLEMS:
        for name, title, english in (("README.md", zh, False), ("README.en.md", en, True)):
            path = site.write(f"leetcode/{folder}/{name}", real_shape(number, title, slug, english=english),
                              dedent=False)
            stamp = dt.datetime(day.year, day.month, day.day, 12).timestamp()
            os.utime(path, (stamp, stamp))
    # A note opening with badges and a comment; one whose front matter title is also its heading.
    site.write("nlp/badges.md", (
        "---\ndate: 2024-04-04\ntags: [注意力]\n---\n\n<!-- badges -->\n"
        "[![build](https://img.shields.io/badge/build-passing-green.svg)](https://example.org/ci) "
        "[![license](https://img.shields.io/badge/license-MIT-blue.svg)](https://example.org/license)\n\n"
        "# 注意力机制 *入门*\n\n第一段正文。\n"), dedent=False)
    site.write("nlp/same-title.md", "---\ntitle: 同名标题\ndate: 2024-04-03\n---\n\n# 同名标题\n\n正文。\n",
               dedent=False)
    result = site.build(strict=True, edit_config=with_footer)
    assert result.returncode == 0, result.output
    return result


def with_footer(config_text: str) -> str:
    """The shipped site's previous/next links (Material's ``navigation.footer``)."""
    return config_text.replace("- navigation.indexes", "- navigation.indexes\n  - navigation.footer", 1)


def page_url(folder: str, language: str) -> str:
    """``leetcode/0076.Minimum%20Window%20Substring/`` (``en/…`` for English)."""
    return ("en/" if language == "en" else "") + "leetcode/" + folder.replace(" ", "%20") + "/"


def page_at(result: BuildResult, url: str) -> BeautifulSoup:
    from urllib.parse import unquote
    return result.html(unquote(url))


def h1_texts(page: BeautifulSoup) -> list[str]:
    for anchor in page.select("article h1 a.headerlink"):
        anchor.decompose()
    return [h1.get_text(strip=True) for h1 in page.select("article h1")]


def link_texts(page: BeautifulSoup, selector: str, at: str, target: str) -> list[str]:
    """Texts of the links matching ``selector`` on the page at ``at`` that lead to ``target``."""
    return [" ".join(a.get_text(" ", strip=True).split()) for a in page.select(selector)
            if a.get("href") is not None and url_path(at, a["href"]) == "/" + target]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize("index", [0, 1])
def test_every_place_shows_the_heading_as_the_title(collection: BuildResult, language: str, index: int) -> None:
    folder, number, zh, en, _, _ = PROBLEMS[index]
    title = f"{number}. {zh if language == 'zh' else en}"
    other_folder, other_number, other_zh, other_en, _, _ = PROBLEMS[1 - index]
    other_title = f"{other_number}. {other_zh if language == 'zh' else other_en}"
    url, other_url = page_url(folder, language), page_url(other_folder, language)
    prefix = "en/" if language == "en" else ""
    page = page_at(collection, url)

    assert page.title.get_text() == f"{title} - {'Notes' if language == 'en' else '笔记'}"
    assert h1_texts(page) == [title]
    # The heading is the author's, where the author put it: after the comment, before the facts.
    assert page.select_one("article h1 a[href^='https://leetcode']") is not None
    # Navigation (the category's newest notes) and previous/next on the other problem's page.
    other = page_at(collection, other_url)
    assert link_texts(other, ".md-sidebar--primary a.md-nav__link", other_url, url) == [title]
    assert any(title in text for text in link_texts(other, "a.md-footer__link", other_url, url))
    assert any(other_title in text for text in link_texts(page, "a.md-footer__link", url, other_url))
    # The feed on the home page.
    assert link_texts(collection.html(prefix), ".np-feed-item__title a", prefix, url) == [title]
    # The search record.
    record = collection.search_pages(prefix)[url]
    assert record["meta"]["title"] == title
    assert record["content"].startswith(RECORD_OPENING[number, language])
    # The Atom feed.
    feed = ET.fromstring((collection.site_dir / prefix / "feed.xml").read_bytes())
    titles = [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")
              if entry.find(f"{ATOM}link").get("href", "").endswith("/" + url)]
    assert titles == [title]


def test_badges_and_a_comment_before_the_heading(collection: BuildResult) -> None:
    """Badges and a comment above the first heading: it is still the title, shown once, below them."""
    page = collection.html("nlp/badges/")
    assert page.title.get_text() == "注意力机制 入门 - 笔记"
    assert h1_texts(page) == ["注意力机制入门"]
    article = str(page.select_one("article"))
    assert article.index("img.shields.io") < article.index("<h1")
    assert link_texts(collection.html(""), ".np-feed-item__title a", "", "nlp/badges/") == ["注意力机制 入门"]


def test_front_matter_title_and_the_same_heading_show_one_h1(collection: BuildResult) -> None:
    page = collection.html("nlp/same-title/")
    assert page.title.get_text() == "同名标题 - 笔记"
    assert h1_texts(page) == ["同名标题"]
