"""An existing LeetCode collection in a public solutions repository's shape (issue 12):
top-level ``difficulty: 困难``, titles only in a linked first heading, tags instead of
``leetcode.topics``, a link-only "English Version" paragraph, folders per problem; and
the index at 0, 1, 100, 101 and 4000 problems, built with the real mkdocs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from sites import CATEGORIES, SITE_URL, BuildResult, FixtureSite

#: The main index page's size bound at 4000 problems (the issue's target).
INDEX_BYTES_MAX = 150 * 1024


def collection_note(problem_id: int, title: str, *, front: str, heading: str | None = None,
                    english_link: bool = True, body: str = "<p>给定一个整数数组，返回答案。</p>") -> str:
    """A note as the solutions repository writes it: front matter, linked heading, language link."""
    heading = heading or f"[{problem_id}. {title}](https://leetcode.cn/problems/p{problem_id})"
    switcher = "[English Version](https://github.com/doocs/leetcode/README_EN.md)\n" if english_link else ""
    return (f"---\n{front}---\n# {heading}\n{switcher}\n## 题目描述\n\n{body}\n\n## 解法\n\n"
            "```python\nclass Solution:\n    pass\n```\n")


def topics_with_alias() -> list[dict]:
    from notes_portal.config import DEFAULT_TOPICS
    topics = [dict(topic) for topic in DEFAULT_TOPICS]
    topics[0]["aliases"] = ["链表", "数组"]  # 数组&链表&字符串; 字符串 stays a plain tag
    return topics


@pytest.fixture(scope="module")
def collection(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("collection") / "portal")
    site.plugin_config = {"categories": CATEGORIES, "leetcode": {"topics": topics_with_alias()}}
    site.write("leetcode/0076-minimum-window-substring.md", collection_note(
        76, "最小覆盖子串", front="difficulty: 困难\ntags: [哈希表, 字符串, 滑动窗口]\n"), dedent=False)
    site.write("leetcode/0076-minimum-window-substring.en.md", collection_note(
        76, "Minimum Window Substring", front="difficulty: Hard\ntags: [哈希表, 字符串, 滑动窗口]\n",
        body="<p>Given two strings s and t, return the minimum window.</p>"), dedent=False)
    # The number only in the heading; HTML and an emoji in it; nested English difficulty.
    site.write("leetcode/upside-down.md", collection_note(
        156, "", front="leetcode: {difficulty: MEDIUM}\ntags: [链表]\n",
        heading="[156. 上下翻转二叉树 <sup>🔒</sup>](https://leetcode.cn/problems/binary-tree-upside-down)"),
        dedent=False)
    # Folder per problem, no difficulty at all.
    site.write("leetcode/0206.Reverse Linked List/README.md", collection_note(
        206, "反转链表", front="tags: [链表, 递归]\n"), dedent=False)
    site.write("leetcode/0042-trapping-rain-water/index.md", collection_note(
        42, "接雨水", front="difficulty: easy\ntags: [字符串]\n", english_link=False,
        heading="42. **接雨水** `O(n)`"), dedent=False)
    result = site.build(strict=True)
    assert result.returncode == 0, result.output
    return result


def rows_by_id(result: BuildResult, page: str) -> dict[int, object]:
    return {int(row["data-lc-id"]): row for row in result.html(page).select(".np-lc-range tr[data-lc-id]")}


def test_collection_builds_strictly_without_warnings(collection: BuildResult) -> None:
    """First-heading titles, top-level and Chinese difficulties, no difficulty: nothing to warn about."""
    assert collection.warnings() == []


def test_heading_titles_are_plain_text_and_the_number_shows_once(collection: BuildResult) -> None:
    """The index shows the heading's text without link syntax, HTML or the number; the feed and
    the page's <title> show ``N. title`` once."""
    rows = rows_by_id(collection, "leetcode/1-100/") | rows_by_id(collection, "leetcode/101-200/") \
        | rows_by_id(collection, "leetcode/201-300/")
    titles = {problem_id: row.select("td")[1].get_text(strip=True) for problem_id, row in rows.items()}
    assert titles == {42: "接雨水 O(n)", 76: "最小覆盖子串", 156: "上下翻转二叉树 🔒", 206: "反转链表"}
    feed = [a.get_text(strip=True) for a in collection.html("").select(".np-feed-item__title a")]
    assert sorted(feed) == sorted(["42. 接雨水 O(n)", "76. 最小覆盖子串", "156. 上下翻转二叉树 🔒", "206. 反转链表"])
    page = collection.html("leetcode/0076-minimum-window-substring/")
    assert page.title.get_text() == "76. 最小覆盖子串 - 笔记"
    assert collection.html("en/leetcode/0076-minimum-window-substring/").title.get_text() == \
        "76. Minimum Window Substring - Notes"
    atom = (collection.site_dir / "feed.xml").read_text(encoding="utf-8")
    assert "<title>76. 最小覆盖子串</title>" in atom and "[76." not in atom and "](" not in atom


def test_problem_numbers_from_heading_and_folders(collection: BuildResult) -> None:
    """156 comes from the heading only; 206 and 42 from their folders; each header says its number."""
    for path, problem_id in [("leetcode/upside-down/", 156), ("leetcode/0206.Reverse Linked List/", 206),
                             ("leetcode/0042-trapping-rain-water/", 42)]:
        header = collection.html(path).select_one(".np-lc-header")
        assert header is not None and header["data-lc-id"] == str(problem_id), path
    row = rows_by_id(collection, "leetcode/201-300/")[206]
    href = row.select_one("td a")["href"]
    assert unquote(urljoin(SITE_URL + "leetcode/201-300/", href)) == SITE_URL + "leetcode/0206.Reverse Linked List/"
    assert row.select_one("a.np-lc-statement")["href"] == "https://leetcode.cn/problems/reverse-linked-list/"


def test_difficulties_in_chinese_english_top_level_and_nested(collection: BuildResult) -> None:
    """困难 (top level), Hard, MEDIUM (nested), easy; no difficulty is unrated."""
    rows = rows_by_id(collection, "leetcode/1-100/") | rows_by_id(collection, "leetcode/101-200/") \
        | rows_by_id(collection, "leetcode/201-300/")
    assert {i: row["data-difficulty"] for i, row in rows.items()} == {
        42: "easy", 76: "hard", 156: "medium", 206: "unknown"}
    assert rows[206].select_one(".np-difficulty").get_text(strip=True) == "未标注"
    counts = collection.html("leetcode/").select(".np-lc-counts .np-difficulty[data-count]")
    assert [(c["data-difficulty"], c["data-count"]) for c in counts] == [("easy", "1"), ("medium", "1"), ("hard", "1")]


def test_tags_naming_topics_or_aliases_count_as_topics(collection: BuildResult) -> None:
    """哈希表/滑动窗口 are topics; 链表 is an alias of 数组&链表&字符串; 字符串 and 递归 stay plain tags."""
    rows = rows_by_id(collection, "leetcode/1-100/") | rows_by_id(collection, "leetcode/101-200/") \
        | rows_by_id(collection, "leetcode/201-300/")
    topics = {i: [t["data-topic"] for t in row.select(".np-topic")] for i, row in rows.items()}
    assert topics == {42: [], 76: ["sliding-window", "hash-table"], 156: ["array-list-string"],
                      206: ["array-list-string"]}
    topic_page = collection.html("leetcode/topics/array-list-string/")
    assert sorted(int(r["data-lc-id"]) for r in topic_page.select("tr[data-lc-id]")) == [156, 206]
    assert not collection.exists("leetcode/topics/graph/")


def test_excerpts_skip_link_only_paragraphs_and_boilerplate_headings(collection: BuildResult) -> None:
    """The feed's excerpt is the first prose paragraph, not "English Version" or "题目描述"."""
    excerpts = {a.select_one(".np-feed-item__title a").get_text(strip=True):
                a.select_one(".np-feed-item__excerpt").get_text(strip=True)
                for a in collection.html("").select("article.np-feed-item")}
    assert set(excerpts.values()) == {"给定一个整数数组，返回答案。"}
    en = {a.select_one(".np-feed-item__excerpt").get_text(strip=True)
          for a in collection.html("en/").select("article.np-feed-item")
          if "Minimum Window" in a.get_text()}
    assert en == {"Given two strings s and t, return the minimum window."}


# -- the index at 0, 1, 100, 101 and 4000 problems ------------------------------------


def tiny_collection(site: FixtureSite, ids: range) -> None:
    """Tiny notes in the collection's shape, numbered ``ids``, no translations."""
    for problem_id in ids:
        site.write(f"leetcode/{problem_id:04d}-p{problem_id}.md",
                   f"---\ndifficulty: 中等\ntags: [哈希表]\n---\n# [{problem_id}. 题{problem_id}](https://x)\n\n解。\n",
                   dedent=False)


def build_collection(root: Path, ids: range) -> BuildResult:
    site = FixtureSite(root)
    site.i18n = False
    site.plugin_config = {"categories": CATEGORIES, "search_engine": "material"}  # sizes, not search
    site.note("nlp/tokenizer.md", "分词", "2025-01-20", "分词笔记。")
    tiny_collection(site, ids)
    result = site.build(strict=True)
    assert result.returncode == 0, result.output
    return result


def range_links(result: BuildResult) -> dict[str, str]:
    return {li["data-range"]: li["data-count"]
            for li in result.html("leetcode/").select(".np-lc-range-links li[data-range]")}


@pytest.mark.parametrize(("count", "expected"), [
    (0, {}),
    (1, {"1-100": "1"}),
    (100, {"1-100": "100"}),
    (101, {"1-100": "100", "101-200": "1"}),
])
def test_range_pages_at_small_sizes(tmp_path: Path, count: int, expected: dict[str, str]) -> None:
    """One page per range that has problems, linked from the index with its count; none when empty."""
    result = build_collection(tmp_path / "portal", range(1, count + 1))
    assert range_links(result) == expected
    for slug, size in expected.items():
        start = int(slug.split("-")[0])
        ids = [int(r["data-lc-id"]) for r in result.html(f"leetcode/{slug}/").select(".np-lc-range tr[data-lc-id]")]
        assert ids == list(range(start, start + int(size)))
    assert not result.exists("leetcode/201-300/")
    empty = result.html("leetcode/").select("article p.np-empty")
    assert len(empty) == (1 if count == 0 else 0)


@pytest.fixture(scope="module")
def four_thousand(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build_collection(tmp_path_factory.mktemp("lc4000") / "portal", range(1, 4001))


def test_index_page_stays_small_at_4000_problems(four_thousand: BuildResult) -> None:
    """The index page is under 150 KB at 4000 problems: it draws the first 100 rows and pages 40
    ranges; even with the list data its tabs and filters fetch, it is under 150 KB gzipped."""
    index = (four_thousand.site_dir / "leetcode" / "index.html").read_bytes()
    assert len(index) < INDEX_BYTES_MAX, len(index)
    assert len(range_links(four_thousand)) == 40
    rows = four_thousand.html("leetcode/").select(".np-lc-list tr[data-lc-id]")
    assert [int(row["data-lc-id"]) for row in rows] == list(range(1, 101))
    data = (four_thousand.site_dir / "leetcode" / "problems.json").read_bytes()
    assert len(json.loads(data)["problems"]) == 4000
    assert len(gzip.compress(index)) + len(gzip.compress(data)) < 150_000


def test_last_range_page_and_nav_at_4000_problems(four_thousand: BuildResult) -> None:
    """3901–4000 has its 100 rows and its numbers for the go-to box; the nav lists no range page."""
    page = four_thousand.html("leetcode/3901-4000/")
    assert [int(r["data-lc-id"]) for r in page.select(".np-lc-range tr[data-lc-id]")] == list(range(3901, 4001))
    problems = json.loads(page.select_one("[data-np-problems]")["data-np-problems"])
    assert problems["3999"] == "leetcode/3999-p3999/"
    nav_links = [a["href"] for a in four_thousand.html("").select("nav.md-nav--primary a[href]")]
    assert not [href for href in nav_links if "-100/" in href or "/topics/" in href]
    assert len(nav_links) < 40

