"""An author's ordinary front matter mistakes (issue 22): each is reported once, in the author's
words, as ``path:line: field: problem (expected …)``; the page still renders as a note with every
good field; nothing the author wrote is lost or crashes the build; ``--strict`` fails exactly when
something is wrong (a comma-separated tag string is read as tags and only noted).

One fixture portal per row of the issue's table, built with ``mkdocs build`` and ``--strict``,
next to the same good notes, which must come out whole.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from sites import BuildResult, BuiltPortal, FixtureSite, h1_text, url_path

#: The notes every row's portal has besides its mistakes: (source, title, date, URL path).
GOOD_NOTES = [
    ("nlp/good.md", "好笔记", "2024-01-01", "/nlp/good/"),
    ("deep-learning/other.md", "另一篇笔记", "2023-05-05", "/deep-learning/other/"),
]
GOOD_LEETCODE = ("leetcode/0001-two-sum.md", "两数之和", "2023-04-04", "/leetcode/0001-two-sum/")
LOG_LINE = re.compile(r"^(?P<level>INFO|WARNING|ERROR)\s+-\s+notes_portal: (?P<message>docs/.*)$")
ATOM = "{http://www.w3.org/2005/Atom}"


@dataclass(frozen=True)
class Row:
    """One row of issue 22's table: the files an author wrote."""

    #: Source files under ``docs/``: text (written as UTF-8) or bytes (written as they are).
    files: dict[str, str | bytes]


ROWS: dict[str, Row] = {
    "bad-date": Row({"nlp/broken-date.md": (
        "---\ntitle: 日期写错的笔记\ndate: 2024-13-45\ntags: [NLP, 日期]\n"
        "summary: 日期写错了，标题、标签和摘要都还在。\n---\n\n正文第一段。\n")}),
    "number-title": Row({"nlp/number-title.md": "---\ntitle: 12345\ndate: 2024-02-02\n---\n\n正文。\n"}),
    "not-utf8": Row({
        "nlp/latin1.md": "---\ntitle: Café\ndate: 2024-02-02\n---\n\nUn résumé.\n".encode("latin-1"),
        "deep-learning/binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe\x00",
    }),
    "summary-text": Row({"nlp/generics.md": (
        "---\ntitle: 泛型\ndate: 2024-02-02\n"
        "summary: 'Java 的 List<String> 与 Map<K, V> 比较，以及 a<b && c>d 的写法'\n---\n\n正文。\n")}),
    "tag-string": Row({"nlp/tag-string.md": "---\ntitle: 标签写成字符串\ndate: 2024-02-02\ntags: NLP, 单字符串标签\n---\n\n正文。\n"}),
    "tag-types": Row({"nlp/tag-types.md": "---\ntitle: 各种类型的标签\ndate: 2024-02-02\ntags: [1, 2.5, true, {a: b}]\n---\n\n正文。\n"}),
    "leetcode-ids": Row({
        "leetcode/zero.md": "---\ntitle: 零号题\ndate: 2024-02-02\nleetcode:\n  id: 0\n  difficulty: easy\n---\n\n正文。\n",
        "leetcode/negative.md": "---\ntitle: 负数题\ndate: 2024-02-03\nleetcode:\n  id: -5\n---\n\n正文。\n",
        "leetcode/fraction.md": "---\ntitle: 小数题\ndate: 2024-02-04\nleetcode: {id: 12.5, difficulty: hard}\n---\n\n正文。\n",
    }),
    "unclosed-list": Row({"nlp/unclosed.md": (
        "---\ntitle: 列表没闭合\ndate: 2024-02-02\ntags: [NLP, 注意力\n---\n\n# 未闭合列表的笔记\n\n正文第一段。\n")}),
}


class BuiltRow(BuiltPortal):
    """A row's portal, and what the plugin logged about its files."""

    def messages(self) -> list[tuple[str, str]]:
        """``(level, message)`` of every line the plugin logged about a file."""
        return [(m["level"], m["message"]) for m in map(LOG_LINE.match, self.result.output.splitlines()) if m]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], BuiltRow]:
    cache: dict[str, BuiltRow] = {}

    def get(name: str) -> BuiltRow:
        if name not in cache:
            site = FixtureSite(tmp_path_factory.mktemp(name) / "portal")
            for path, title, date, _ in GOOD_NOTES:
                site.note(path, title, date, tags=["好"])
            path, title, date, _ = GOOD_LEETCODE
            site.note(path, title, date, leetcode={"id": 1, "difficulty": "easy"})
            for path, content in ROWS[name].files.items():
                if isinstance(content, bytes):
                    (site.docs / path).parent.mkdir(parents=True, exist_ok=True)
                    (site.docs / path).write_bytes(content)
                else:
                    site.write(path, content, dedent=False)
            cache[name] = BuiltRow(site)
        return cache[name]

    return get


# -- helpers ---------------------------------------------------------------------------------


def assert_rest_is_intact(row: BuiltRow) -> None:
    """The good notes' pages exist with their titles, and the home feed lists them."""
    result = row.result
    assert result.returncode == 0, result.output
    assert "Traceback" not in result.output
    home = result.html("")
    listed = {url_path("", a["href"]) for a in home.select(".np-feed-item__title a")}
    for _, title, _, url in [*GOOD_NOTES, GOOD_LEETCODE]:
        assert url in listed, f"{url} is not in the home feed"
        page = result.html(url.lstrip("/"))
        assert title in h1_text(page)


def page_title(page: BeautifulSoup) -> str:
    return page.title.get_text()


def h1_texts(page: BeautifulSoup) -> list[str]:
    """Every ``<h1>`` of the article, as readers see it (without permalink anchors)."""
    for anchor in page.select("article h1 a.headerlink"):
        anchor.decompose()
    return [h1.get_text(strip=True) for h1 in page.select("article h1")]


def article_text(page: BeautifulSoup) -> str:
    return page.select_one("article").get_text(" ", strip=True)


def shown_tags(page: BeautifulSoup) -> list[str]:
    return [tag.get_text() for tag in page.select("article .np-tag")]


def feed_item(page: BeautifulSoup, url: str, at: str = "") -> BeautifulSoup:
    """The feed item linking to ``url`` on the page at URL path ``at``."""
    items = [item for item in page.select("article.np-feed-item")
             if url_path(at, item.select_one(".np-feed-item__title a")["href"]) == url]
    assert len(items) == 1, f"expected one feed item for {url}, found {len(items)}"
    return items[0]


def atom_entry(result: BuildResult, url: str) -> ET.Element:
    root = ET.fromstring((result.site_dir / "feed.xml").read_bytes())
    entries = [entry for entry in root.iter(f"{ATOM}entry")
               if entry.find(f"{ATOM}link").get("href", "").endswith(url)]
    assert len(entries) == 1, f"expected one Atom entry for {url}"
    return entries[0]


# -- one test per row of issue 22's table ----------------------------------------------------


def test_bad_date_keeps_the_note_and_its_good_fields(built: Callable[[str], BuiltRow]) -> None:
    """``date: 2024-13-45``: one warning for the date; the title, tags and summary survive and the
    front matter never shows as page text."""
    row = built("bad-date")
    assert row.messages() == [("WARNING", (
        "docs/nlp/broken-date.md:3: date: '2024-13-45' is not a valid date (expected a date written "
        "YYYY-MM-DD); using the file's git history, else its modification time"))]
    assert_rest_is_intact(row)
    assert row.strict.returncode == 1
    page = row.result.html("nlp/broken-date/")
    assert page_title(page) == "日期写错的笔记 - 笔记"
    assert h1_texts(page) == ["日期写错的笔记"]
    assert shown_tags(page) == ["NLP", "日期"]
    text = article_text(page)
    assert "title:" not in text and "2024-13-45" not in text and "summary:" not in text
    assert "正文第一段。" in text
    excerpt = feed_item(row.result.html(""), "/nlp/broken-date/").select_one(".np-feed-item__excerpt")
    assert excerpt.get_text() == "日期写错了，标题、标签和摘要都还在。"


def test_number_title_is_text(built: Callable[[str], BuiltRow]) -> None:
    """``title: 12345`` is the title "12345": no crash, nothing to report, the same everywhere."""
    row = built("number-title")
    assert row.messages() == []
    assert_rest_is_intact(row)
    assert row.strict.returncode == 0, row.strict.output
    page = row.result.html("nlp/number-title/")
    assert page_title(page) == "12345 - 笔记"
    assert h1_texts(page) == ["12345"]
    assert feed_item(row.result.html(""), "/nlp/number-title/").select_one(
        ".np-feed-item__title a").get_text() == "12345"
    assert row.result.search_pages()["nlp/number-title/"]["meta"]["title"] == "12345"


def test_file_that_is_not_utf8_is_one_error_and_left_out(built: Callable[[str], BuiltRow]) -> None:
    """A Latin-1 note and a binary ``.md``: one error each, naming the file and the first byte
    that isn't UTF-8; both are left out of the site in both languages; the rest builds."""
    row = built("not-utf8")
    expected = "encoding: the file is not UTF-8 text (expected UTF-8: save it as UTF-8 in the editor); byte"
    left_out = "is the first that isn't, and the file is left out of the site"
    assert sorted(row.messages()) == [
        ("ERROR", f"docs/deep-learning/binary.md:1: {expected} 0x89 at offset 0 {left_out}"),
        ("ERROR", f"docs/nlp/latin1.md:2: {expected} 0xe9 at offset 14 {left_out}"),
    ]
    assert "UnicodeDecodeError" not in row.result.output
    assert_rest_is_intact(row)
    assert row.strict.returncode == 1
    for path in ("nlp/latin1/", "deep-learning/binary/", "en/nlp/latin1/", "en/deep-learning/binary/"):
        assert not row.result.exists(path), path
    assert "latin1" not in (row.result.site_dir / "feed.xml").read_text(encoding="utf-8")


def test_summary_is_text_as_written(built: Callable[[str], BuiltRow]) -> None:
    """``<`` and ``&`` in a summary are shown as written in the feed and the Atom feed."""
    summary = "Java 的 List<String> 与 Map<K, V> 比较，以及 a<b && c>d 的写法"
    row = built("summary-text")
    assert row.messages() == []
    assert_rest_is_intact(row)
    assert row.strict.returncode == 0, row.strict.output
    for prefix in ("", "en/"):
        item = feed_item(row.result.html(prefix), f"/{prefix}nlp/generics/", prefix)
        assert item.select_one(".np-feed-item__excerpt").get_text() == summary
    assert "List&lt;String&gt;" in (row.result.site_dir / "index.html").read_text(encoding="utf-8")
    assert atom_entry(row.result, "/nlp/generics/").find(f"{ATOM}summary").text == summary


def test_tag_string_is_split_into_tags(built: Callable[[str], BuiltRow]) -> None:
    """``tags: NLP, 单字符串标签`` is two tags, with an INFO line saying so; not a problem."""
    row = built("tag-string")
    assert row.messages() == [("INFO", (
        "docs/nlp/tag-string.md:4: tags: 'NLP, 单字符串标签' is one string, read as the tags 'NLP', "
        "'单字符串标签' (a list, [tag, tag], says so without this note)"))]
    assert_rest_is_intact(row)
    assert row.strict.returncode == 0, row.strict.output
    page = row.result.html("nlp/tag-string/")
    assert shown_tags(page) == ["NLP", "单字符串标签"]
    assert not row.result.exists("tags/nlp-单字符串标签/")
    for tag in ("nlp", "单字符串标签"):
        listed = [url_path(f"tags/{tag}/", a["href"]) for a in
                  row.result.html(f"tags/{tag}/").select(".np-feed-item__title a")]
        assert listed == ["/nlp/tag-string/"], tag


def test_tags_of_the_wrong_type(built: Callable[[str], BuiltRow]) -> None:
    """``tags: [1, 2.5, true, {a: b}]``: numbers are tags as text; a boolean and a mapping are
    warnings naming the value as written, and are left out (no Python ``True`` or ``{'a': 'b'}``)."""
    row = built("tag-types")
    expected = "docs/nlp/tag-types.md:4: tags: an item is not text (expected text, such as 注意力);"
    assert row.messages() == [("WARNING", f"{expected} true is left out"),
                              ("WARNING", f"{expected} {{a: b}} is left out")]
    assert_rest_is_intact(row)
    assert row.strict.returncode == 1
    page = row.result.html("nlp/tag-types/")
    assert shown_tags(page) == ["1", "2.5"]
    site_text = (row.result.site_dir / "tags" / "index.html").read_text(encoding="utf-8")
    assert "True" not in site_text and "{&#39;a&#39;" not in site_text and "{'a'" not in site_text


def test_bad_leetcode_ids_are_one_message_each(built: Callable[[str], BuiltRow]) -> None:
    """``id: 0``, ``-5``, ``12.5``: one warning per note naming the value and what is expected,
    and saying that the note is left out of the index; the notes themselves are built."""
    row = built("leetcode-ids")
    expected = "is not a problem number (expected a positive integer such as 76); " \
               "the note is left out of the LeetCode index"
    assert sorted(row.messages()) == [
        ("WARNING", f"docs/leetcode/fraction.md:4: leetcode.id: 12.5 {expected}"),
        ("WARNING", f"docs/leetcode/negative.md:5: leetcode.id: -5 {expected}"),
        ("WARNING", f"docs/leetcode/zero.md:5: leetcode.id: 0 {expected}"),
    ]
    assert_rest_is_intact(row)
    assert row.strict.returncode == 1
    for name, title in (("zero", "零号题"), ("negative", "负数题"), ("fraction", "小数题")):
        assert h1_text(row.result.html(f"leetcode/{name}/")) == title
    index = row.result.html("leetcode/1-100/")
    assert [int(tr["data-lc-id"]) for tr in index.select("tr[data-lc-id]")] == [1]


def test_unclosed_yaml_list_names_its_line(built: Callable[[str], BuiltRow]) -> None:
    """An unclosed ``[`` is reported at the line it opens (4), not at the closing ``---`` (5),
    with no second message; the page takes its title from its first heading and never shows
    the front matter as text."""
    row = built("unclosed-list")
    assert row.messages() == [("ERROR", (
        "docs/nlp/unclosed.md:4: front matter: invalid YAML: the list opened with '[' on this line is "
        "never closed (expected ']' after its last item); until it is fixed the note has none of its "
        "front matter fields and takes its title from its first heading, else its file name"))]
    assert_rest_is_intact(row)
    assert row.strict.returncode == 1
    page = row.result.html("nlp/unclosed/")
    assert page_title(page) == "未闭合列表的笔记 - 笔记"
    assert h1_texts(page) == ["未闭合列表的笔记"]
    text = article_text(page)
    assert "title:" not in text and "tags:" not in text and "正文第一段。" in text
