"""LeetCode notes: the index at /leetcode/, note headers, home tile, ``lc:N`` cross-links,
search and the front-matter checks, on real builds of small fixture portals."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sites import SITE_URL, BuildResult, FixtureSite, absolute_url

LANGUAGES = ("zh", "en")
PREFIX = {"zh": "", "en": "en/"}

#: The configured topics in reading order: (slug, name in front matter / on zh, name on en).
TOPICS: list[tuple[str, str, str]] = [
    ("array-list-string", "数组&链表&字符串", "Arrays, Lists & Strings"),
    ("two-pointers", "双指针", "Two Pointers"),
    ("sliding-window", "滑动窗口", "Sliding Window"),
    ("hash-table", "哈希表", "Hash Table"),
    ("stack-queue", "栈&队列", "Stack & Queue"),
    ("monotonic-queue", "单调队列", "Monotonic Queue"),
    ("tree-heap", "树与堆", "Trees & Heaps"),
    ("graph", "图", "Graphs"),
    ("math", "数学", "Math"),
]
TOPIC_SLUG = {name: slug for slug, name, _ in TOPICS}
TOPIC_LABEL = {"zh": {slug: name for slug, name, _ in TOPICS}, "en": {slug: en for slug, _, en in TOPICS}}
DIFFICULTY_LABEL = {
    "zh": {"easy": "简单", "medium": "中等", "hard": "困难"},
    "en": {"easy": "Easy", "medium": "Medium", "hard": "Hard"},
}
STATEMENT = {"zh": "https://leetcode.cn/problems/{slug}/", "en": "https://leetcode.com/problems/{slug}/"}
SEARCH = {"zh": "https://leetcode.cn/problemset/?search={id}", "en": "https://leetcode.com/problemset/?search={id}"}


@dataclass(frozen=True)
class Problem:
    """One LeetCode note of the fixture portal."""

    id: int
    #: File name stem under ``docs/leetcode/``; its ``-slug`` part (if any) is the statement slug.
    stem: str
    title: str
    difficulty: str
    #: Topic names as written in front matter, already in configured order.
    topics: tuple[str, ...]
    date: str
    #: False: no ``leetcode.id``, the number must come from the file name.
    id_in_front_matter: bool = True
    #: Title of an English translation (``<stem>.en.md``), if there is one.
    en_title: str | None = None

    @property
    def slug(self) -> str | None:
        parts = self.stem.split("-", 1)
        return parts[1] if len(parts) == 2 else None

    def statement_url(self, language: str) -> str:
        if self.slug:
            return STATEMENT[language].format(slug=self.slug)
        return SEARCH[language].format(id=self.id)

    def title_in(self, language: str) -> str:
        return self.en_title if language == "en" and self.en_title else self.title


#: Written in this (neither number nor date) order, so sorting is the plugin's doing.
PROBLEMS: list[Problem] = [
    Problem(239, "0239-sliding-window-maximum", "滑动窗口最大值", "hard", ("滑动窗口", "单调队列"), "2025-05-02"),
    Problem(76, "0076-minimum-window-substring", "最小覆盖子串", "hard", ("滑动窗口", "哈希表"), "2025-03-17",
            id_in_front_matter=False, en_title="Minimum Window Substring"),
    Problem(200, "0200-number-of-islands", "岛屿数量", "medium", ("图",), "2024-11-05"),
    Problem(1, "0001-two-sum", "两数之和", "easy", ("数组&链表&字符串", "哈希表"), "2025-06-01"),
    Problem(146, "0146", "LRU 缓存", "medium", ("数组&链表&字符串", "哈希表"), "2024-12-24",
            id_in_front_matter=False),
    Problem(1438, "1438-longest-continuous-subarray-with-absolute-diff-less-than-or-equal-to-limit",
            "绝对差不超过限制的最长连续子数组", "hard", ("单调队列",), "2025-01-09"),
    Problem(100, "0100-same-tree", "相同的树", "easy", ("树与堆",), "2025-02-14"),
    Problem(42, "0042-trapping-rain-water", "接雨水", "hard", ("双指针", "栈&队列"), "2024-10-01"),
    Problem(101, "0101-symmetric-tree", "对称二叉树", "easy", ("树与堆",), "2025-04-04"),
    Problem(9, "0009-palindrome-number", "回文数", "easy", ("数学",), "2024-09-09"),
    Problem(206, "0206-reverse-linked-list", "反转链表", "easy", ("数组&链表&字符串",), "2025-02-28"),
]
BY_ID = {problem.id: problem for problem in PROBLEMS}
SORTED_IDS = sorted(BY_ID)
#: Problems per topic slug, by number: a two-topic problem is under both.
EXPECTED_TOPIC_IDS = {
    "array-list-string": [1, 146, 206],
    "two-pointers": [42],
    "sliding-window": [76, 239],
    "hash-table": [1, 76, 146],
    "stack-queue": [42],
    "monotonic-queue": [239, 1438],
    "tree-heap": [100, 101],
    "graph": [200],
    "math": [9],
}
EXPECTED_RANGES = {"1-100": [1, 9, 42, 76, 100], "101-200": [101, 146, 200], "201-300": [206, 239],
                   "1401-1500": [1438]}
EXPECTED_COUNTS = {"easy": 5, "medium": 2, "hard": 4}

#: Bodies never spell the problem number, so a "76" in search comes from the note header.
CROSS_LINK_NOTE = "deep-learning/backprop.md"


def write_problem(site: FixtureSite, problem: Problem, *, body: str = "思路与代码。") -> None:
    block: dict = {"difficulty": problem.difficulty, "topics": list(problem.topics)}
    if problem.id_in_front_matter:
        block = {"id": problem.id, **block}
    site.note(f"leetcode/{problem.stem}.md", problem.title, problem.date, body, leetcode=block)
    if problem.en_title:
        site.note(f"leetcode/{problem.stem}.en.md", problem.en_title, problem.date, "Idea and code.",
                  leetcode=block)


def note_url(stem: str, language: str) -> str:
    return f"{SITE_URL}{PREFIX[language]}leetcode/{stem}/"


def is_relative(href: str) -> bool:
    return not re.match(r"^([a-z][a-z0-9+.-]*:|/)", href, re.IGNORECASE)


def has_token(text: str, token: str) -> bool:
    return re.search(rf"(?<![0-9A-Za-z]){re.escape(token)}(?![0-9A-Za-z])", text) is not None


def own_text(tag: Tag) -> str:
    """Text of ``tag`` without its child elements (e.g. an h3 label without its <small> count)."""
    return "".join(child for child in tag.children if isinstance(child, str)).strip()


def range_rows(index: BeautifulSoup) -> list[Tag]:
    return index.select(".np-lc-range tr[data-lc-id]")


def range_links(result: BuildResult, language: str) -> list[tuple[str, str]]:
    """``(range slug, page path)`` of every number range, as the index page links them."""
    page_path = f"{PREFIX[language]}leetcode/"
    links = []
    for item in result.html(page_path).select(".np-lc-range-links li[data-range]"):
        (link,) = item.select("a[href]")
        links.append((item["data-range"], absolute_url(page_path, link["href"])[len(SITE_URL):]))
    return links


def index_rows(result: BuildResult, language: str) -> list[tuple[str, Tag]]:
    """``(page path, row)`` of every problem row of the index, range page after range page."""
    return [(path, row) for _, path in range_links(result, language) for row in range_rows(result.html(path))]


def topic_rows(result: BuildResult, language: str, slug: str) -> list[Tag]:
    """Rows on the page of a topic, reached from the topic's tab on the index page."""
    page_path = f"{PREFIX[language]}leetcode/"
    (tab,) = result.html(page_path).select(f"nav.np-lc-tabs a.np-lc-tab[data-topic={slug}]")
    return result.html(absolute_url(page_path, tab["href"])[len(SITE_URL):]).select(".np-lc-range tr[data-lc-id]")


def list_rows(result: BuildResult, language: str) -> list[Tag]:
    """The problem rows the index page draws itself."""
    return result.html(f"{PREFIX[language]}leetcode/").select(".np-lc-browser .np-lc-list tr[data-lc-id]")


def row_ids(rows: list[Tag]) -> list[int]:
    return [int(row["data-lc-id"]) for row in rows]


def lines_naming(result: BuildResult, *needles: str) -> list[str]:
    return [line for line in result.warnings() if all(needle in line for needle in needles)]


# -- the clean fixture portal -------------------------------------------------


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A portal with eleven valid LeetCode notes (one translated) and cross-links, built once."""
    site = FixtureSite(tmp_path_factory.mktemp("leetcode") / "portal")
    for problem in PROBLEMS:
        body = "见 [最小覆盖子串](lc:76)。" if problem.id == 239 else "思路与代码。"
        write_problem(site, problem, body=body)
    site.note(CROSS_LINK_NOTE, "反向传播", "2025-02-01", "滑动窗口题见 [最小覆盖子串](lc:76)。")
    site.note("nlp/tokenizer.md", "分词", "2025-01-20", "分词笔记。")
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def test_valid_leetcode_notes_build_without_warnings(portal: BuildResult) -> None:
    """Protects against false alarms: valid notes, file-name numbers and lc:76 links warn about nothing."""
    assert portal.warnings() == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_rows_are_sorted_by_number(portal: BuildResult, language: str) -> None:
    """The index lists every problem once, ordered by number (not by date or file order)."""
    rows = [row for _, row in index_rows(portal, language)]
    assert row_ids(rows) == SORTED_IDS
    assert [row.select_one("td.np-lc-id").get_text(strip=True) for row in rows] == [str(i) for i in SORTED_IDS]


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_row_links_badge_topics_and_statement(portal: BuildResult, language: str) -> None:
    """Each row links to its note, shows a localized difficulty badge, its topics and the statement."""
    for page_path, row in index_rows(portal, language):
        problem_id = int(row["data-lc-id"])
        problem = BY_ID[problem_id]
        title_link = row.select("td a:not(.np-lc-statement)")
        assert len(title_link) == 1, row
        assert title_link[0].get_text(strip=True) == problem.title_in(language)
        assert absolute_url(page_path, title_link[0]["href"]) == note_url(problem.stem, language)

        badges = row.select(".np-difficulty")
        assert len(badges) == 1, row
        assert f"np-difficulty--{problem.difficulty}" in badges[0]["class"]
        assert badges[0].get_text(strip=True) == DIFFICULTY_LABEL[language][problem.difficulty]

        topics = row.select(".np-topic[data-topic]")
        expected_slugs = [TOPIC_SLUG[name] for name in problem.topics]
        assert [topic["data-topic"] for topic in topics] == expected_slugs
        assert [topic.get_text(strip=True) for topic in topics] == [TOPIC_LABEL[language][s] for s in expected_slugs]

        statement = row.select("a.np-lc-statement")
        assert len(statement) == 1, row
        assert statement[0]["href"] == problem.statement_url(language)


def test_statement_links_use_slug_or_fall_back_to_search(portal: BuildResult) -> None:
    """Statement links: leetcode.cn on zh, leetcode.com on en, a search URL when the file name has no slug."""
    zh = {int(r["data-lc-id"]): r for _, r in index_rows(portal, "zh")}
    en = {int(r["data-lc-id"]): r for _, r in index_rows(portal, "en")}
    assert zh[76].select_one("a.np-lc-statement")["href"] == "https://leetcode.cn/problems/minimum-window-substring/"
    assert en[76].select_one("a.np-lc-statement")["href"] == "https://leetcode.com/problems/minimum-window-substring/"
    assert zh[146].select_one("a.np-lc-statement")["href"] == "https://leetcode.cn/problemset/?search=146"
    assert en[146].select_one("a.np-lc-statement")["href"] == "https://leetcode.com/problemset/?search=146"


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_difficulty_counts(portal: BuildResult, language: str) -> None:
    """The counts at the top give the total and the number of problems per difficulty."""
    index = portal.html(f"{PREFIX[language]}leetcode/")
    total = index.select(".np-lc-counts .np-lc-total[data-count]")
    assert [t["data-count"] for t in total] == [str(len(PROBLEMS))]
    counts = index.select(".np-lc-counts .np-difficulty[data-difficulty][data-count]")
    assert [(c["data-difficulty"], int(c["data-count"])) for c in counts] == list(EXPECTED_COUNTS.items())
    for count in counts:
        assert DIFFICULTY_LABEL[language][count["data-difficulty"]] in count.get_text()


@pytest.mark.parametrize("language", LANGUAGES)
def test_number_ranges_hold_only_their_problems(portal: BuildResult, language: str) -> None:
    """Ranges 1-100, 101-200, … each have a page at leetcode/<range>/ listing exactly their own
    problems, by number; the index links the ranges that have problems, in order."""
    links = range_links(portal, language)
    assert links == [(slug, f"{PREFIX[language]}leetcode/{slug}/") for slug in EXPECTED_RANGES]
    filled = {slug: row_ids(range_rows(portal.html(path))) for slug, path in links}
    assert filled == EXPECTED_RANGES


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_shows_the_problems_themselves(portal: BuildResult, language: str) -> None:
    """/leetcode/ lists the problems (all eleven fit in its first hundred), by number, each linking
    its note with its difficulty and topics; no statement column (the rows the script draws
    have none), and a status line saying how many are shown."""
    rows = list_rows(portal, language)
    assert row_ids(rows) == SORTED_IDS
    page_path = f"{PREFIX[language]}leetcode/"
    for row in rows:
        problem = BY_ID[int(row["data-lc-id"])]
        (link,) = row.select("a")
        assert link.get_text(strip=True) == problem.title_in(language)
        assert absolute_url(page_path, link["href"]) == note_url(problem.stem, language)
        assert row["data-difficulty"] == problem.difficulty
        assert [t["data-topic"] for t in row.select(".np-topic")] == [TOPIC_SLUG[n] for n in problem.topics]
    index = portal.html(page_path)
    assert index.select(".np-lc-browser th") and len(index.select(".np-lc-browser thead th")) == 4
    assert index.select(".np-lc-browser a.np-lc-statement") == []
    expected_status = {"zh": "显示 11 / 11 道题", "en": "Showing 11 of 11 problems"}[language]
    assert [p.get_text(strip=True) for p in index.select(".np-lc-browser .np-lc-status")] == [expected_status]


@pytest.mark.parametrize("language", LANGUAGES)
def test_topic_tabs_over_the_list_in_configured_order(portal: BuildResult, language: str) -> None:
    """Over the list: an "all" tab, then the nine topics in the configured order with their counts;
    each tab links the topic's page (readers without JavaScript), which lists its problems."""
    page_path = f"{PREFIX[language]}leetcode/"
    navs = portal.html(page_path).select(".np-lc-browser nav.np-lc-tabs[aria-label]")
    assert len(navs) == 1
    assert navs[0]["aria-label"] == {"zh": "按专题浏览", "en": "Browse by topic"}[language]
    tabs = navs[0].select("a.np-lc-tab")
    expected_names = {"zh": ["全部", "数组&链表&字符串", "双指针", "滑动窗口", "哈希表", "栈&队列", "单调队列",
                             "树与堆", "图", "数学"],
                      "en": ["All", "Arrays, Lists & Strings", "Two Pointers", "Sliding Window", "Hash Table",
                             "Stack & Queue", "Monotonic Queue", "Trees & Heaps", "Graphs", "Math"]}[language]
    assert [own_text(tab) for tab in tabs] == expected_names
    assert [tab["data-topic"] for tab in tabs] == [""] + [slug for slug, _, _ in TOPICS]
    assert [tab.select_one(".np-lc-tab__count").get_text() for tab in tabs] == \
        ["11"] + [str(len(EXPECTED_TOPIC_IDS[slug])) for slug, _, _ in TOPICS]
    assert [tab.get("aria-current") for tab in tabs] == ["page"] + [None] * 9
    assert absolute_url(page_path, tabs[0]["href"]) == f"{SITE_URL}{page_path}"
    for slug, _, _ in TOPICS:
        assert row_ids(topic_rows(portal, language, slug)) == EXPECTED_TOPIC_IDS[slug], slug


@pytest.mark.parametrize("language", LANGUAGES)
def test_topic_page_lists_its_problems_under_the_tabs(portal: BuildResult, language: str) -> None:
    """leetcode/topics/<slug>/ shows the tabs with its own marked, its problems with their statement
    links, and the number pager."""
    page = portal.html(f"{PREFIX[language]}leetcode/topics/sliding-window/")
    current = page.select("nav.np-lc-tabs a[aria-current=page]")
    assert [tab["data-topic"] for tab in current] == ["sliding-window"]
    rows = page.select(".np-lc-range tr[data-lc-id]")
    assert row_ids(rows) == [76, 239]
    assert [a["href"] for a in page.select(".np-lc-range a.np-lc-statement")] == \
        [BY_ID[76].statement_url(language), BY_ID[239].statement_url(language)]
    assert len(page.select("nav.np-lc-pager .np-lc-range-links a")) == len(EXPECTED_RANGES)


@pytest.mark.parametrize("path", ["leetcode/", "leetcode/101-200/", "leetcode/topics/hash-table/",
                                  "en/leetcode/", "en/leetcode/1-100/", "en/leetcode/topics/graph/"])
def test_problem_tables_are_wrapped_as_material_wraps_tables(portal: BuildResult, path: str) -> None:
    """Every problem table sits in Material's wrappers (scrollwrap > table wrapper) inside the
    typeset content, as Material puts Markdown tables: padded cells, sideways scroll on a phone."""
    tables = portal.html(path).select("article table")
    assert tables, path
    for table in tables:
        wrapper = table.parent
        assert wrapper.name == "div" and wrapper["class"] == ["md-typeset__table"], path
        assert wrapper.parent["class"] == ["md-typeset__scrollwrap"], path
        assert table.find_parent(class_="md-typeset") is not None, path


@pytest.mark.parametrize(("language", "path", "current"), [
    ("zh", "leetcode/", None), ("en", "en/leetcode/", None),
    ("zh", "leetcode/101-200/", "101-200"), ("en", "en/leetcode/1401-1500/", "1401-1500"),
])
def test_number_ranges_are_a_labelled_pager(portal: BuildResult, language: str, path: str,
                                            current: str | None) -> None:
    """The range links are one <nav> named by its visible heading, "按题号浏览" / "Browse by number",
    marking the range of the page it is on."""
    navs = portal.html(path).select("nav.np-lc-pager")
    assert len(navs) == 1
    nav = navs[0]
    label = nav.find(id=nav["aria-labelledby"])
    assert label is not None and label.get_text(strip=True) == {"zh": "按题号浏览", "en": "Browse by number"}[language]
    links = nav.select(".np-lc-range-links a")
    assert [a.get_text(strip=True) for a in links] == ["1–100", "101–200", "201–300", "1401–1500"]
    assert [a.parent["data-range"] for a in links if a.get("aria-current") == "page"] == ([current] if current else [])
    assert portal.html(path).select(".np-lc-range-links") == nav.select(".np-lc-range-links")  # no second list


@pytest.mark.parametrize("language", LANGUAGES)
def test_list_data_holds_every_problem_compactly(portal: BuildResult, language: str) -> None:
    """The index names its list data (with a version); the file has every problem as [id, title,
    difficulty index, topic indexes, url below base, (1 when untranslated)], topics in tab order."""
    page_path = f"{PREFIX[language]}leetcode/"
    (browser,) = portal.html(page_path).select(".np-lc-browser[data-np-lc-list][data-src]")
    source = absolute_url(page_path, browser["data-src"])
    assert re.fullmatch(rf"{re.escape(SITE_URL + page_path)}problems\.json\?v=[0-9a-f]{{10}}", source), source
    data = json.loads((portal.site_dir / page_path / "problems.json").read_text(encoding="utf-8"))
    assert data["base"] == page_path
    assert data["topics"] == [slug for slug, _, _ in TOPICS]
    assert data["difficulties"] == ["easy", "medium", "hard", "unknown"]
    by_id = {item[0]: item for item in data["problems"]}
    assert [item[0] for item in data["problems"]] == SORTED_IDS
    untranslated = 1 if language == "en" else None
    assert by_id[76] == [76, BY_ID[76].title_in(language), 2, [2, 3], "0076-minimum-window-substring/"]
    assert by_id[239] == [239, "滑动窗口最大值", 2, [2, 5], "0239-sliding-window-maximum/"] + (
        [untranslated] if untranslated else [])
    assert by_id[146] == [146, "LRU 缓存", 1, [0, 3], "0146/"] + ([untranslated] if untranslated else [])
    assert by_id[9][2:4] == [0, [8]]
    labels = json.loads(browser["data-labels"])
    assert labels["topics"]["graph"] == TOPIC_LABEL[language]["graph"]
    assert labels["difficulties"]["hard"] == DIFFICULTY_LABEL[language]["hard"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_index_filter_and_sort_controls(portal: BuildResult, language: str) -> None:
    """Difficulty filter all/easy/medium/hard (no "unrated": every problem has a difficulty) and
    sort by number, both waiting for the script (hidden until portal.js shows them)."""
    (controls,) = portal.html(f"{PREFIX[language]}leetcode/").select(".np-lc-browser .np-lc-controls[hidden]")
    levels = controls.select("[role=group] button[data-difficulty]")
    assert [(b["data-difficulty"], b.get_text(strip=True), b["aria-pressed"]) for b in levels] == {
        "zh": [("all", "全部", "true"), ("easy", "简单", "false"), ("medium", "中等", "false"), ("hard", "困难", "false")],
        "en": [("all", "All", "true"), ("easy", "Easy", "false"), ("medium", "Medium", "false"), ("hard", "Hard", "false")],
    }[language]
    orders = controls.select("[role=group] button[data-order]")
    assert [(b["data-order"], b["aria-pressed"]) for b in orders] == [("asc", "true"), ("desc", "false")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_goto_box_says_what_an_entry_must_be(portal: BuildResult, language: str) -> None:
    """The go-to box carries its message for an empty or non-numeric entry, in the page's language,
    and takes text (the script, not the browser, judges it)."""
    (form,) = portal.html(f"{PREFIX[language]}leetcode/").select("form[data-np-goto]")
    assert form["data-invalid"] == {"zh": "请输入题号（正整数）。",
                                    "en": "Enter a problem number (a whole number from 1)."}[language]
    assert form.select_one("input")["type"] == "text"


def test_en_index_has_same_rows_in_english(portal: BuildResult) -> None:
    """The en index lists the same problems as zh, with English labels and no Chinese topic names."""
    assert row_ids([r for _, r in index_rows(portal, "en")]) == row_ids([r for _, r in index_rows(portal, "zh")])
    for slug in EXPECTED_TOPIC_IDS:
        assert row_ids(topic_rows(portal, "en", slug)) == row_ids(topic_rows(portal, "zh", slug))
    en_topic_text = {t.get_text(strip=True) for _, row in index_rows(portal, "en") for t in row.select(".np-topic")}
    assert en_topic_text <= set(TOPIC_LABEL["en"].values())
    assert not en_topic_text & set(TOPIC_LABEL["zh"].values())


@pytest.mark.parametrize("language", LANGUAGES)
def test_goto_form_and_problem_map(portal: BuildResult, language: str) -> None:
    """The go-to form knows where each range's page is; each range page maps its numbers (as
    strings) to their notes, so the box finds any problem by loading one range."""
    page_path = f"{PREFIX[language]}leetcode/"
    index = portal.html(page_path)
    forms = index.select("form[data-np-goto]")
    assert len(forms) == 1
    assert forms[0]["data-range-size"] == "100"
    ranges = json.loads(forms[0]["data-np-ranges"])
    assert {slug: absolute_url(page_path, forms[0]["data-base"].rstrip("/") + "/" + url)
            for slug, url in ranges.items()} == {slug: f"{SITE_URL}{PREFIX[language]}leetcode/{slug}/"
                                                 for slug in EXPECTED_RANGES}
    assert index.select("[data-np-problems]") == []  # the whole map would weigh megabytes
    seen: dict[str, str] = {}
    for slug, path in range_links(portal, language):
        page = portal.html(path)
        (form,) = page.select("form[data-np-goto]")
        (holder,) = page.select("div[hidden][data-np-problems]")
        problems = json.loads(holder["data-np-problems"])
        assert set(problems) == {str(i) for i in EXPECTED_RANGES[slug]}
        base = form["data-base"].rstrip("/") + "/"
        seen.update({key: absolute_url(path, base + url) for key, url in problems.items()})
    assert seen == {str(i): note_url(BY_ID[i].stem, language) for i in SORTED_IDS}


@pytest.mark.parametrize(("language", "problem_id"), [("zh", 76), ("en", 76), ("zh", 146), ("en", 239)])
def test_note_page_starts_with_header(portal: BuildResult, language: str, problem_id: int) -> None:
    """A LeetCode note's content opens, under the title and the note's facts, with its number,
    difficulty, topics and statement link."""
    problem = BY_ID[problem_id]
    article = portal.html(f"{PREFIX[language]}leetcode/{problem.stem}/").select_one("article")
    headers = article.select("p.np-lc-header[data-lc-id]")
    assert len(headers) == 1, article
    header = headers[0]
    first_content = next(child for child in article.find_all(recursive=False)
                         if child.name != "h1" and "np-note-meta" not in child.get("class", []))
    assert first_content is header
    assert header["data-lc-id"] == str(problem_id)
    assert has_token(header.get_text(" "), str(problem_id))
    badge = header.select_one(".np-difficulty")
    assert f"np-difficulty--{problem.difficulty}" in badge["class"]
    assert badge.get_text(strip=True) == DIFFICULTY_LABEL[language][problem.difficulty]
    slugs = [TOPIC_SLUG[name] for name in problem.topics]
    assert [t["data-topic"] for t in header.select(".np-topic")] == slugs
    assert [t.get_text(strip=True) for t in header.select(".np-topic")] == [TOPIC_LABEL[language][s] for s in slugs]
    assert [a["href"] for a in header.select("a.np-lc-statement")] == [problem.statement_url(language)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_tile_shows_difficulty_counts(portal: BuildResult, language: str) -> None:
    """The home page's LeetCode tile shows easy/medium/hard counts with localized labels."""
    tiles = portal.html(PREFIX[language]).select("a.np-tile[data-category=leetcode]")
    assert len(tiles) == 1
    counts = tiles[0].select(".np-difficulty[data-difficulty]")
    assert [(c["data-difficulty"], int(c["data-count"])) for c in counts] == list(EXPECTED_COUNTS.items())
    for count in counts:
        text = count.get_text(" ", strip=True)
        assert DIFFICULTY_LABEL[language][count["data-difficulty"]] in text
        assert has_token(text, count["data-count"])
    other = portal.html(PREFIX[language]).select("a.np-tile[data-category=nlp] .np-difficulty")
    assert other == []


@pytest.mark.parametrize(("language", "page"), [
    ("zh", "deep-learning/backprop/"), ("en", "deep-learning/backprop/"),
    ("zh", "leetcode/0239-sliding-window-maximum/"), ("en", "leetcode/0239-sliding-window-maximum/"),
])
def test_cross_link_points_relatively_to_our_note(portal: BuildResult, language: str, page: str) -> None:
    """``[最小覆盖子串](lc:76)`` in any note becomes a relative link to the 76 note of the same language."""
    page_path = PREFIX[language] + page
    links = [a for a in portal.html(page_path).select("article a") if a.get_text(strip=True) == "最小覆盖子串"]
    assert len(links) == 1
    href = links[0]["href"]
    assert is_relative(href), href
    assert absolute_url(page_path, href) == note_url("0076-minimum-window-substring", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_indexes_problem_number(portal: BuildResult, language: str) -> None:
    """Searching "76" finds the 76 note: its search record carries "LeetCode 76" (Pagefind
    weights that block above everything else, see np-search-record.html)."""
    pages = portal.search_pages(PREFIX[language])
    location = f"{PREFIX[language]}leetcode/0076-minimum-window-substring/"
    assert location in pages, sorted(pages)
    assert "LeetCode 76" in pages[location]["content"]


def test_index_draws_the_first_hundred_and_lists_the_rest_in_its_data(site: FixtureSite) -> None:
    """With 130 problems the index page draws problems 1–100 only (it stays light at thousands);
    its list data holds all 130 and the page offers "show more" to the script."""
    topics = [name for _, name, _ in TOPICS]
    for number in range(1, 131):
        site.note(f"leetcode/{number:04d}.md", f"第{number}题", "2025-01-01",
                  leetcode={"id": number, "difficulty": "easy", "topics": [topics[number % 9]]})
    result = site.build()
    assert result.returncode == 0, result.output
    index = result.html("leetcode/")
    assert row_ids(index.select(".np-lc-list tr[data-lc-id]")) == list(range(1, 101))
    (browser,) = index.select(".np-lc-browser")
    assert (browser["data-first"], browser["data-total"]) == ("100", "130")
    assert index.select_one(".np-lc-status").get_text(strip=True) == "显示 100 / 130 道题"
    assert len(index.select("button.np-lc-more")) == 1
    data = json.loads((result.site_dir / "leetcode" / "problems.json").read_text(encoding="utf-8"))
    assert [item[0] for item in data["problems"]] == list(range(1, 131))
    assert data["problems"][129] == [130, "第130题", 0, [130 % 9], "0130/"]


# -- bad input, non-strict -------------------------------------------------------

DUPLICATE_A = "docs/leetcode/0015-3sum.md"
DUPLICATE_B = "docs/leetcode/0015-3sum-again.md"
BAD_TOPIC = "docs/leetcode/0020-valid-parentheses.md"
BAD_DIFFICULTY = "docs/leetcode/0084-largest-rectangle-in-histogram.md"
BAD_ID = "docs/leetcode/0049-group-anagrams.md"
ALL_TOPIC_NAMES = [name for _, name, _ in TOPICS]


def write_duplicates(site: FixtureSite) -> None:
    leetcode = {"id": 15, "difficulty": "medium", "topics": ["双指针"]}
    site.note("leetcode/0015-3sum.md", "三数之和", "2025-01-01", leetcode=leetcode)
    site.note("leetcode/0015-3sum-again.md", "三数之和（二刷）", "2025-02-01", leetcode=leetcode)


def write_bad_topic(site: FixtureSite) -> None:
    site.note("leetcode/0020-valid-parentheses.md", "有效的括号", "2025-01-02",
              leetcode={"id": 20, "difficulty": "easy", "topics": ["栈&队列", "动态规划"]})


def write_bad_difficulty(site: FixtureSite) -> None:
    site.note("leetcode/0084-largest-rectangle-in-histogram.md", "柱状图中最大的矩形", "2025-01-03",
              leetcode={"id": 84, "difficulty": "extreme", "topics": ["单调队列"]})


def write_bad_id(site: FixtureSite) -> None:
    site.note("leetcode/0049-group-anagrams.md", "字母异位词分组", "2025-01-04",
              leetcode={"id": "abc", "difficulty": "medium", "topics": ["哈希表"]})


def write_missing_cross_link(site: FixtureSite) -> None:
    site.note(CROSS_LINK_NOTE, "反向传播", "2025-01-05", "另见 [x](lc:999)。")


def write_valid_neighbour(site: FixtureSite) -> None:
    write_problem(site, BY_ID[1])


@pytest.fixture(scope="module")
def bad_portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """A portal with every kind of LeetCode author error at once, built without --strict."""
    site = FixtureSite(tmp_path_factory.mktemp("leetcode-bad") / "portal")
    write_valid_neighbour(site)
    for writer in (write_duplicates, write_bad_topic, write_bad_difficulty, write_bad_id, write_missing_cross_link):
        writer(site)
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def test_duplicate_number_is_an_error_naming_both_files(bad_portal: BuildResult) -> None:
    """Two notes for problem 15: one ERROR names both files; both pages are still built."""
    errors = [line for line in lines_naming(bad_portal, DUPLICATE_A, DUPLICATE_B) if line.startswith("ERROR")]
    assert len(errors) == 1, bad_portal.output
    assert bad_portal.exists("leetcode/0015-3sum/")
    assert bad_portal.exists("leetcode/0015-3sum-again/")
    titles = {stem: bad_portal.html(f"leetcode/{stem}/").select_one("article h1").get_text(strip=True)
              for stem in ("0015-3sum", "0015-3sum-again")}
    assert titles == {"0015-3sum": "15. 三数之和", "0015-3sum-again": "15. 三数之和（二刷）"}


@pytest.mark.parametrize(("file", "field", "value", "allowed"), [
    (BAD_TOPIC, "leetcode.topics", "动态规划", ALL_TOPIC_NAMES),
    (BAD_DIFFICULTY, "leetcode.difficulty", "extreme", ["easy", "medium", "hard", "简单", "中等", "困难"]),
    (BAD_ID, "leetcode.id", "abc", ["integer"]),
])
def test_bad_field_warns_with_file_field_value_and_allowed(bad_portal: BuildResult, file: str, field: str,
                                                           value: str, allowed: list[str]) -> None:
    """A bad leetcode field gives a WARNING naming the file, the field, the value and what is allowed."""
    warnings = [line for line in lines_naming(bad_portal, file, field, value) if line.startswith("WARNING")]
    assert len(warnings) >= 1, bad_portal.output
    for expected in allowed:
        assert expected in warnings[0], (expected, warnings[0])


@pytest.mark.parametrize(("file", "problem_id"), [(BAD_TOPIC, 20), (BAD_DIFFICULTY, 84), (BAD_ID, 49)])
def test_note_with_bad_field_is_still_built_and_listed(bad_portal: BuildResult, file: str,
                                                       problem_id: int) -> None:
    """Without --strict a note with a bad field is still built and listed on the index."""
    stem = Path(file).stem
    assert bad_portal.exists(f"leetcode/{stem}/")
    rows = [(path, r) for path, r in index_rows(bad_portal, "zh") if r["data-lc-id"] == str(problem_id)]
    assert len(rows) == 1
    path, row = rows[0]
    links = [a for a in row.select("a") if "np-lc-statement" not in a.get("class", [])]
    assert [absolute_url(path, a["href"]) for a in links] == [f"{SITE_URL}leetcode/{stem}/"]


def test_unrated_problem_gets_its_own_filter(bad_portal: BuildResult) -> None:
    """A problem whose difficulty could not be read (84, "extreme") is listed as unrated, and the
    filter then offers "未标注" after the three difficulties."""
    index = bad_portal.html("leetcode/")
    levels = index.select(".np-lc-controls button[data-difficulty]")
    assert [(b["data-difficulty"], b.get_text(strip=True)) for b in levels] == [
        ("all", "全部"), ("easy", "简单"), ("medium", "中等"), ("hard", "困难"), ("unknown", "未标注")]
    data = json.loads((bad_portal.site_dir / "leetcode" / "problems.json").read_text(encoding="utf-8"))
    assert {item[0]: item[2] for item in data["problems"]}[84] == 3


def test_cross_link_without_note_goes_to_statement_and_warns(bad_portal: BuildResult) -> None:
    """``[x](lc:999)`` with no 999 note links to the LeetCode search and warns, naming file and link."""
    links = [a for a in bad_portal.html("deep-learning/backprop/").select("article a") if a.get_text() == "x"]
    assert [a["href"] for a in links] == ["https://leetcode.cn/problemset/?search=999"]
    warnings = lines_naming(bad_portal, "docs/" + CROSS_LINK_NOTE, "lc:999")
    assert warnings and all(line.startswith("WARNING") for line in warnings), bad_portal.output


# -- bad input, --strict -----------------------------------------------------------

STRICT_CASES: dict[str, tuple[Callable[[FixtureSite], None], str]] = {
    "duplicate-number": (write_duplicates, DUPLICATE_A),
    "unknown-topic": (write_bad_topic, BAD_TOPIC),
    "unknown-difficulty": (write_bad_difficulty, BAD_DIFFICULTY),
    "non-integer-id": (write_bad_id, BAD_ID),
    "cross-link-without-note": (write_missing_cross_link, "docs/" + CROSS_LINK_NOTE),
}


@pytest.mark.parametrize("case", list(STRICT_CASES))
def test_strict_build_fails_on_bad_input(site: FixtureSite, case: str) -> None:
    """Each author error alone makes ``mkdocs build --strict`` fail, and the log says which file."""
    writer, bad_file = STRICT_CASES[case]
    write_valid_neighbour(site)
    writer(site)
    result = site.build(strict=True)
    assert result.returncode != 0, result.output
    problems = result.warnings()
    assert problems, result.output
    assert all(bad_file in line for line in problems), problems
