"""What an author sees when a note is wrong: a clear ``path:line: field:`` message, a site
that still builds, a ``--strict`` build that fails, and the bad note still listed.

Every scenario is its own small fixture portal (two good notes plus the bad one), built for
real with ``mkdocs``: once normally, and once with ``--strict`` when a test asks for it.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup, Tag
from sites import BuildResult, BuiltPortal, FixtureSite, h1_text, url_path

#: The notes every scenario has besides its bad one: (source, title, date, URL path).
GOOD_NOTES = [
    ("nlp/good.md", "好笔记", "2024-01-01", "/nlp/good/"),
    ("deep-learning/other.md", "另一篇笔记", "2023-05-05", "/deep-learning/other/"),
]
GOOD_TITLES = [title for _, title, _, _ in GOOD_NOTES]
#: A date well before the fixture notes, given to files as their modification time.
FALLBACK_DATE = dt.date(2021, 5, 6)
SCRIPT = "<script>alert(1)</script>"
IMAGE = "<img src=x onerror=alert(1)>"
LOG_LINE = re.compile(r"^(?P<level>WARNING|ERROR)\s+-\s+notes_portal: (?P<message>.*)$")


# -- scenarios -------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    """A fixture portal with one kind of authoring mistake in it."""

    #: Source files (relative to ``docs/``) written verbatim, byte for byte.
    files: dict[str, str]
    #: ``(level, start of message)`` of every message the plugin must log for the mistake.
    messages: list[tuple[str, str]] = field(default_factory=list)
    #: ``(title, URL path, category)`` under which the bad note must still be listed.
    listed: list[tuple[str, str, str]] = field(default_factory=list)
    #: Runs after the files are written (e.g. to set a modification time).
    prepare: Callable[[FixtureSite], None] | None = None


def set_modification_date(path: str, day: dt.date) -> Callable[[FixtureSite], None]:
    def prepare(site: FixtureSite) -> None:
        stamp = dt.datetime(day.year, day.month, day.day, 12).timestamp()
        os.utime(site.docs / path, (stamp, stamp))
    return prepare


def huge_body() -> str:
    """Just over 1 MB of UTF-8 text in ordinary paragraphs."""
    paragraph = "反向传播把损失对每一层参数的梯度逐层传回去，这是一段很长的正文。" * 20
    count = 1_048_576 // len(paragraph.encode("utf-8")) + 1
    return "\n\n".join([paragraph] * count)


SCENARIOS: dict[str, Scenario] = {
    "invalid-yaml": Scenario(
        files={"nlp/bad-yaml.md": "---\ntitle: [unclosed\ndate: 2024-02-02\n---\n\n# 坏 YAML 的笔记\n\n正文。\n"},
        messages=[("ERROR", "docs/nlp/bad-yaml.md:2: front matter: invalid YAML")],
        listed=[("坏 YAML 的笔记", "/nlp/bad-yaml/", "nlp")],
    ),
    "impossible-date": Scenario(
        files={"nlp/bad-date.md": "---\ntitle: 坏日期\ndate: 2026-13-45\n---\n\n正文。\n"},
        messages=[("WARNING", ("docs/nlp/bad-date.md:3: date: '2026-13-45' is not a valid date "
                               "(expected a date written YYYY-MM-DD)"))],
        listed=[("坏日期", "/nlp/bad-date/", "nlp")],
        prepare=set_modification_date("nlp/bad-date.md", FALLBACK_DATE),
    ),
    "missing-title": Scenario(
        files={"nlp/with-heading.md": "---\ndate: 2024-02-02\n---\n\n# 第一个标题\n\n正文。\n",
               "nlp/no-heading.md": "---\ndate: 2024-02-03\n---\n\n只有正文，没有标题。\n"},
        messages=[("WARNING", ("docs/nlp/no-heading.md:1: title: missing (expected a title in front "
                               "matter or a first heading); using the file name: 'no-heading'"))],
        listed=[("第一个标题", "/nlp/with-heading/", "nlp"), ("no-heading", "/nlp/no-heading/", "nlp")],
    ),
    "future-date": Scenario(
        files={"nlp/future.md": "---\ntitle: 来自未来\ndate: 2099-01-01\n---\n\n正文。\n"},
        messages=[("WARNING", "docs/nlp/future.md:3: date: 2099-01-01 is in the future")],
        listed=[("来自未来", "/nlp/future/", "nlp")],
    ),
    "empty-file": Scenario(
        files={"nlp/empty-note.md": ""},
        messages=[("WARNING", "docs/nlp/empty-note.md:1: content: the file is empty")],
        listed=[("empty-note", "/nlp/empty-note/", "nlp")],
    ),
    "bom-crlf": Scenario(
        files={"nlp/windows.md": "\ufeff---\r\ntitle: Windows 笔记\r\ndate: 2024-02-02\r\ntags:\r\n"
                                 "  - 编码\r\n---\r\n\r\n第一段。\r\n\r\n第二段。\r\n"},
        listed=[("Windows 笔记", "/nlp/windows/", "nlp")],
    ),
    "undeclared-folder": Scenario(
        files={"misc/orphan.md": "---\ntitle: 无处安放\ndate: 2024-02-02\n---\n\n正文。\n"},
        messages=[("WARNING", "docs/misc:0: category: folder with 1 note(s) is not a declared category")],
    ),
    "huge-note": Scenario(
        files={"nlp/huge.md": f"---\ntitle: 超长笔记\ndate: 2024-02-02\n---\n\n{huge_body()}\n"},
        listed=[("超长笔记", "/nlp/huge/", "nlp")],
    ),
    "script-links": Scenario(
        files={"nlp/links.md": (
            "---\ntitle: 链接\ndate: 2024-02-02\n---\n\n"
            "[one](javascript:alert(1)) [two](JaVaScRiPt:alert(2)) [three](JAVASCRIPT:alert(3))\n"
            "![four](jaVasCript:alert(4)) [five][ref] [six](<javascript:alert(6)>)\n"
            "[safe](https://example.org/) [relative](../good/)\n\n"
            "[ref]: javascript:alert(5)\n")},
        # The line is where the URL stands in the source file.
        messages=[("WARNING", f"docs/nlp/links.md:{line}: link: '{url}' runs script in the reader's browser")
                  for url, line in (("javascript:alert(1)", 6), ("JaVaScRiPt:alert(2)", 6),
                                    ("JAVASCRIPT:alert(3)", 6), ("jaVasCript:alert(4)", 7),
                                    ("javascript:alert(5)", 10), ("javascript:alert(6)", 7))],
        listed=[("链接", "/nlp/links/", "nlp")],
    ),
}
#: Scenarios with a mistake the plugin must report.
REPORTED = [name for name, scenario in SCENARIOS.items() if scenario.messages]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltPortal]:
    """Build each scenario's portal once per module, when a test first asks for it."""
    cache: dict[str, BuiltPortal] = {}

    def get(name: str) -> BuiltPortal:
        if name not in cache:
            scenario = SCENARIOS[name]
            site = FixtureSite(tmp_path_factory.mktemp(name) / "portal")
            for path, title, date, _ in GOOD_NOTES:
                site.note(path, title, date)
            for path, text in scenario.files.items():
                site.write(path, text, dedent=False)
            if scenario.prepare:
                scenario.prepare(site)
            cache[name] = BuiltPortal(site)
        return cache[name]

    return get


# -- helpers ---------------------------------------------------------------------


def plugin_messages(output: str) -> list[tuple[str, str]]:
    """``(level, message)`` of every line the plugin logged."""
    return [(m["level"], m["message"]) for m in map(LOG_LINE.match, output.splitlines()) if m]


def feed_links(soup: BeautifulSoup, page: str) -> list[tuple[str, str]]:
    """``(title, URL path)`` of each feed item on the page at URL path ``page``."""
    return [(a.get_text(), url_path(page, a["href"]))
            for a in soup.select("article.np-feed-item .np-feed-item__title a")]


def feed_item(soup: BeautifulSoup, page: str, url: str) -> Tag:
    items = [item for item in soup.select("article.np-feed-item")
             if url_path(page, item.select_one(".np-feed-item__title a")["href"]) == url]
    assert len(items) == 1, f"expected one feed item for {url}, found {len(items)}"
    return items[0]


# -- every reported mistake --------------------------------------------------------


@pytest.mark.parametrize("name", REPORTED)
def test_message_names_file_line_and_field(built: Callable[[str], BuiltPortal], name: str) -> None:
    """Each mistake is logged once, at its level, as ``docs/<path>:<line>: <field>: ...``."""
    output = built(name).result.output
    logged = plugin_messages(output)
    for level, start in SCENARIOS[name].messages:
        matching = [lvl for lvl, message in logged if message.startswith(start)]
        assert matching == [level], f"expected one {level} '{start}…'; the build said:\n{output[-3000:]}"


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_rest_of_site_builds(built: Callable[[str], BuiltPortal], name: str) -> None:
    """A bad note never stops the build: the good notes' pages exist and the home feed lists them."""
    result = built(name).result
    assert result.returncode == 0, result.output
    for _, title, _, url in GOOD_NOTES:
        assert result.exists(url.lstrip("/"))
        page = result.html(url.lstrip("/"))
        assert h1_text(page) == title
    titles = [title for title, _ in feed_links(result.html(""), "")]
    assert [title for title in titles if title in GOOD_TITLES] == GOOD_TITLES


@pytest.mark.parametrize("name", REPORTED)
def test_strict_build_fails(built: Callable[[str], BuiltPortal], name: str) -> None:
    """Whatever the plugin reports fails ``mkdocs build --strict``, and says why."""
    strict = built(name).strict
    assert strict.returncode != 0
    logged = [message for _, message in plugin_messages(strict.output)]
    for _, start in SCENARIOS[name].messages:
        assert any(message.startswith(start) for message in logged), strict.output


@pytest.mark.parametrize("name", [name for name, scenario in SCENARIOS.items() if scenario.listed])
def test_bad_note_is_still_listed(built: Callable[[str], BuiltPortal], name: str) -> None:
    """The bad note keeps its page and its place in the home feed and on its category page."""
    result = built(name).result
    home = feed_links(result.html(""), "")
    for title, url, category in SCENARIOS[name].listed:
        assert result.exists(url.lstrip("/")), f"{url} was not built"
        assert (title, url) in home
        assert (title, url) in feed_links(result.html(f"{category}/"), f"{category}/")


# -- mistake by mistake ------------------------------------------------------------


def test_invalid_yaml_message_is_an_error_with_the_yaml_problem(built: Callable[[str], BuiltPortal]) -> None:
    """The YAML problem in the author's words, at the line that opened the unclosed list."""
    logged = plugin_messages(built("invalid-yaml").result.output)
    assert ("ERROR", ("docs/nlp/bad-yaml.md:2: front matter: invalid YAML: the list opened with '[' on this "
             "line is never closed (expected ']' after its last item); until it is fixed the note has none "
             "of its front matter fields and takes its title from its first heading, else its file name")) in logged


def test_impossible_date_falls_back_to_the_file_date(built: Callable[[str], BuiltPortal]) -> None:
    """``date: 2026-13-45`` is replaced by the file's date (no git here), not dropped or 'today'."""
    item = feed_item(built("impossible-date").result.html(""), "", "/nlp/bad-date/")
    assert item.select_one("time")["datetime"] == FALLBACK_DATE.isoformat()


def test_missing_title_falls_back_to_heading_then_file_name(built: Callable[[str], BuiltPortal]) -> None:
    """Without ``title``, the note is called by its first heading, else by its file name."""
    result = built("missing-title").result
    assert h1_text(result.html("nlp/with-heading/")) == "第一个标题"
    assert ("no-heading", "/nlp/no-heading/") in feed_links(result.html(""), "")
    # Titling a page by its first heading is ordinary MkDocs behaviour, not a problem.
    assert [m for _, m in plugin_messages(result.output) if "with-heading" in m] == []


def test_future_note_is_published_with_its_date(built: Callable[[str], BuiltPortal]) -> None:
    """A note dated in the future is warned about but published, with the date the author wrote."""
    result = built("future-date").result
    item = feed_item(result.html(""), "", "/nlp/future/")
    assert item.select_one("time")["datetime"] == "2099-01-01"
    assert feed_links(result.html(""), "")[0] == ("来自未来", "/nlp/future/")
    logged = plugin_messages(result.output)
    assert ("WARNING", (f"docs/nlp/future.md:3: date: 2099-01-01 is in the future (expected a date on or "
             f"before {dt.date.today().isoformat()}); the note is still published")) in logged


def test_empty_file_is_listed_under_its_file_name(built: Callable[[str], BuiltPortal]) -> None:
    """An empty note still has a page and is listed, titled by its file name, without an excerpt."""
    result = built("empty-file").result
    item = feed_item(result.html(""), "", "/nlp/empty-note/")
    assert item.select_one(".np-feed-item__title").get_text(strip=True) == "empty-note"
    assert item.select_one(".np-feed-item__excerpt") is None


def test_bom_and_crlf_note_parses_without_any_warning(built: Callable[[str], BuiltPortal]) -> None:
    """A file saved by a Windows editor (BOM, CRLF) reads like any other: right title, no message,
    and ``--strict`` passes."""
    scenario = built("bom-crlf")
    assert scenario.result.warnings() == []
    page = scenario.result.html("nlp/windows/")
    assert h1_text(page) == "Windows 笔记"
    assert [p.get_text(strip=True) for p in page.select("article > p")] == ["第一段。", "第二段。"]
    item = feed_item(scenario.result.html(""), "", "/nlp/windows/")
    assert item.select_one("time")["datetime"] == "2024-02-02"
    assert item.select_one(".np-feed-item__excerpt").get_text(strip=True) == "第一段。第二段。"
    assert scenario.strict.returncode == 0, scenario.strict.output


def test_undeclared_folder_is_reported_and_its_notes_built(built: Callable[[str], BuiltPortal]) -> None:
    """A note folder missing from the configuration is named (``docs/misc``), with the declared
    categories to choose from, and its notes are still built."""
    result = built("undeclared-folder").result
    logged = plugin_messages(result.output)
    assert ("WARNING", ("docs/misc:0: category: folder with 1 note(s) is not a declared category (expected one "
             "of: deep-learning, nlp, leetcode; add it under notes-portal categories in mkdocs.yml); its notes "
             "are built but not listed in the feed or tiles")) in logged
    assert h1_text(result.html("misc/orphan/")) == "无处安放"


def test_huge_note_builds_with_a_bounded_excerpt(built: Callable[[str], BuiltPortal]) -> None:
    """A 1 MB note builds strictly (no warning), and its feed excerpt stays at most 121 characters."""
    scenario = built("huge-note")
    assert (scenario.site.docs / "nlp/huge.md").stat().st_size > 1_048_576
    assert scenario.result.warnings() == []
    excerpt = feed_item(scenario.result.html(""), "", "/nlp/huge/").select_one(".np-feed-item__excerpt")
    text = excerpt.get_text(strip=True)
    assert 0 < len(text) <= 121
    assert text.startswith("反向传播把损失对每一层参数的梯度逐层传回去")


def test_script_links_are_disarmed(built: Callable[[str], BuiltPortal]) -> None:
    """``javascript:`` URLs in Markdown links, images and references, however cased, become ``#``;
    ordinary links are left alone."""
    page = built("script-links").result.html("nlp/links/")
    # The author's links: not the note's facts (category, tags) nor the lists after the text.
    links = [(a.get_text(), a["href"]) for a in page.select("article a:not(.headerlink)")
             if not a.find_parent(class_=["np-note-meta", "np-related", "np-backlinks"])]
    assert links == [("one", "#"), ("two", "#"), ("three", "#"), ("five", "#"), ("six", "#"),
                     ("safe", "https://example.org/"), ("relative", "../good/")]
    assert [img["src"] for img in page.select("article img")] == ["#"]


def test_script_link_message_is_complete(built: Callable[[str], BuiltPortal]) -> None:
    """The link message says what was wrong, what is expected and what the build did."""
    logged = plugin_messages(built("script-links").result.output)
    assert ("WARNING", ("docs/nlp/links.md:6: link: 'javascript:alert(1)' runs script in the reader's "
             "browser (expected an http(s) or relative link); it was replaced by '#'")) in logged


# -- HTML in titles, summaries and tags -------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Notes whose title, summary and tags are HTML, in a normal category and in LeetCode."""
    site = FixtureSite(tmp_path_factory.mktemp("hostile") / "portal")
    site.note("nlp/script-title.md", SCRIPT, "2024-03-04", summary=f"{IMAGE}安全摘要{SCRIPT}",
              tags=[SCRIPT, IMAGE])
    site.note("deep-learning/image-title.md", IMAGE, "2024-03-03", tags=[IMAGE])
    site.note("leetcode/0001-two-sum.md", SCRIPT, "2024-03-02", tags=[SCRIPT],
              leetcode={"id": 1, "difficulty": "easy", "topics": ["哈希表"]})
    site.note("leetcode/0002-add-two-numbers.md", IMAGE, "2024-03-01",
              leetcode={"id": 2, "difficulty": "medium", "topics": ["数组&链表&字符串"]})
    result = site.build()
    assert result.returncode == 0, result.output
    return result


PLUGIN_PARTS = [
    ("", ".np-feed__list"), ("", ".np-tiles"), ("en/", ".np-feed__list"), ("en/", ".np-tiles"),
    ("nlp/", ".np-feed__list"), ("deep-learning/", ".np-feed__list"),
    ("leetcode/", ".np-lc-range-links"), ("leetcode/", ".np-lc-list"), ("leetcode/", ".np-lc-tabs"),
    ("leetcode/1-100/", ".np-lc-range"), ("leetcode/topics/hash-table/", ".np-lc-table"),
    ("leetcode/0001-two-sum/", ".np-lc-header"),
]


@pytest.mark.parametrize(("page", "part"), PLUGIN_PARTS)
def test_html_in_front_matter_creates_no_elements(hostile: BuildResult, page: str, part: str) -> None:
    """Titles, summaries and tags are text: no ``<script>`` or ``<img>`` appears in what the plugin renders."""
    parts = hostile.html(page).select(part)
    assert parts, f"expected {part} on /{page}"
    created = [str(element) for container in parts for element in container.select("script, img")]
    assert created == []


def test_html_titles_read_as_written(hostile: BuildResult) -> None:
    """The feed, the tiles and the LeetCode index show the HTML-looking titles as literal text."""
    home = hostile.html("")
    assert feed_links(home, "") == [
        (SCRIPT, "/nlp/script-title/"), (IMAGE, "/deep-learning/image-title/"),
        (f"1. {SCRIPT}", "/leetcode/0001-two-sum/"), (f"2. {IMAGE}", "/leetcode/0002-add-two-numbers/"),
    ]
    assert [tile.get_text() for tile in home.select(".np-tile__newest")] == [
        f"最新：{IMAGE}", f"最新：{SCRIPT}", f"最新：1. {SCRIPT}"]
    index = hostile.html("leetcode/1-100/")
    titles = [row.select("td")[1].get_text() for row in index.select(".np-lc-range tr[data-lc-id]")]
    assert titles == [SCRIPT, IMAGE]


def test_html_summary_is_shown_as_written(hostile: BuildResult) -> None:
    """A summary is text (issue 22): HTML written in it is shown as written, and creates nothing."""
    item = feed_item(hostile.html(""), "", "/nlp/script-title/")
    assert item.select_one(".np-feed-item__excerpt").get_text() == f"{IMAGE}安全摘要{SCRIPT}"
