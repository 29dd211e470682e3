"""The facts under every note's title (issue 11): category, date written, date updated, reading
time and tags, in Chinese at / and in English at /en/, on a fixture portal built for real.

Expected values are written out here; nothing is computed by the plugin's own code.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag
from sites import BuildResult, FixtureSite, url_path

PREFIX = {"zh": "", "en": "en/"}

#: 1100 CJK characters: 2.75 minutes at 400 a minute, shown as 3.
ZH_BODY = "学习笔记" * 275
#: 600 words: 2.7 minutes at 220 a minute, shown as 3.
EN_BODY = " ".join(["word"] * 600)


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("facts") / "portal")
    # Written 2023-03-09, updated later: both dates shown.
    site.note("nlp/attention.md", "注意力机制", "2023-03-09", ZH_BODY, updated="2024-11-15",
              tags=["注意力", "Large Model"])
    site.note("nlp/attention.en.md", "Attention", "2023-03-09", EN_BODY, updated="2024-11-15",
              tags=["注意力", "Large Model"])
    # Updated the day it was written: no "updated" date.
    site.note("nlp/same-day.md", "同日更新", "2024-05-01", "短文。", updated="2024-05-01", tags=["注意力"])
    # Never updated and no tags.
    site.note("deep-learning/plain.md", "朴素笔记", "2024-06-02", "短文。")
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-05", "思路。",
              tags=["滑动窗口", "哈希表"], leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    result = site.build()
    assert result.returncode == 0, result.output
    return result


# -- helpers ---------------------------------------------------------------------------


def article(result: BuildResult, path: str) -> Tag:
    found = result.html(path).select_one("article.md-content__inner")
    assert found is not None, path
    return found


def meta(result: BuildResult, path: str) -> Tag:
    """The note's facts: the element right after its title, which must be ``div.np-note-meta``."""
    page = article(result, path)
    h1 = page.find("h1")
    assert h1 is not None, path
    following = h1.find_next_sibling()
    assert following is not None and following.name == "div" and "np-note-meta" in following.get("class", []), \
        f"{path}: the element after the title is {following}"
    assert len(page.select("div.np-note-meta")) == 1, path
    return following


def target_file(result: BuildResult, page: str, href: str) -> str:
    """The decoded site path ``href`` on ``page`` leads to, after checking it was built."""
    assert not href.startswith(("/", "http:", "https:")), f"{href} on {page} is not relative"
    path = unquote(url_path(page, href))
    assert path.endswith("/"), path
    assert (result.site_dir / path.lstrip("/") / "index.html").is_file(), f"{href} on {page} leads nowhere: {path}"
    return path


def text(element: Tag | None) -> str | None:
    return None if element is None else element.get_text(" ", strip=True)


# -- tests -----------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "date_text", "updated_text"), [
    ("zh", "2023年3月9日", "更新于 2024年11月15日"),
    ("en", "Mar 9, 2023", "Updated Nov 15, 2024"),
])
def test_dates_written_and_updated(portal: BuildResult, language: str, date_text: str, updated_text: str) -> None:
    """A note updated after it was written shows both dates, machine-readable and in the page's language."""
    facts = meta(portal, f"{PREFIX[language]}nlp/attention/")
    dates = facts.select("time.np-date")
    assert [(t["datetime"], text(t)) for t in dates] == [("2023-03-09", date_text)]
    updates = facts.select("time.np-updated")
    assert [(t["datetime"], text(t)) for t in updates] == [("2024-11-15", updated_text)]


@pytest.mark.parametrize("language", ["zh", "en"])
@pytest.mark.parametrize(("path", "written"), [("nlp/same-day/", "2024-05-01"), ("deep-learning/plain/", "2024-06-02")])
def test_no_updated_date_unless_later(portal: BuildResult, language: str, path: str, written: str) -> None:
    """Updated the same day it was written, or never: only the date written is shown."""
    facts = meta(portal, PREFIX[language] + path)
    assert [t["datetime"] for t in facts.select("time.np-date")] == [written]
    assert facts.select(".np-updated") == []


@pytest.mark.parametrize(("language", "expected"), [("zh", "约 3 分钟"), ("en", "3 min read")])
def test_reading_time(portal: BuildResult, language: str, expected: str) -> None:
    """1100 CJK characters (zh) or 600 words (en) read in about three minutes."""
    facts = meta(portal, f"{PREFIX[language]}nlp/attention/")
    assert [text(span) for span in facts.select(".np-reading-time")] == [expected]
    assert text(meta(portal, f"{PREFIX[language]}nlp/same-day/").select_one(".np-reading-time")) == \
        {"zh": "约 1 分钟", "en": "1 min read"}[language]


@pytest.mark.parametrize(("language", "name"), [("zh", "自然语言处理"), ("en", "NLP")])
def test_category_links_to_its_page(portal: BuildResult, language: str, name: str) -> None:
    page = f"{PREFIX[language]}nlp/attention/"
    links = meta(portal, page).select("a.np-note-meta__category")
    assert [text(a) for a in links] == [name]
    assert target_file(portal, page, links[0]["href"]) == f"/{PREFIX[language]}nlp/"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_tag_links_resolve_to_tag_pages(portal: BuildResult, language: str) -> None:
    """Each tag is a link to that tag's page under the page's language, and that page was built."""
    prefix = PREFIX[language]
    page = f"{prefix}nlp/attention/"
    tags = meta(portal, page).select(".np-tags a.np-tag")
    assert [text(a) for a in tags] == ["注意力", "Large Model"]
    assert [target_file(portal, page, a["href"]) for a in tags] == [
        f"/{prefix}tags/注意力/", f"/{prefix}tags/large-model/"]
    # 滑动窗口 is the note's topic too: its chip in the problem's header links to the tag (issue 21).
    # 哈希表 is a configured topic the note doesn't declare: a tag, named as the topic on /en/.
    lc_page = f"{prefix}leetcode/0076-minimum-window-substring/"
    lc_tags = meta(portal, lc_page).select(".np-tags a.np-tag")
    hash_table = {"zh": ("哈希表", "/tags/哈希表/"), "en": ("Hash Table", "/en/tags/hash-table/")}[language]
    assert [(text(a), target_file(portal, lc_page, a["href"])) for a in lc_tags] == [hash_table]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_tags_no_tag_list(portal: BuildResult, language: str) -> None:
    facts = meta(portal, f"{PREFIX[language]}deep-learning/plain/")
    assert facts.select(".np-tags") == []
    assert facts.select("a.np-tag") == []


def test_facts_come_in_order(portal: BuildResult) -> None:
    """Category, date written, date updated, reading time, tags: the contract's order."""
    facts = meta(portal, "nlp/attention/")
    order = [next(c for c in child.get("class", []) if c.startswith("np-"))
             for child in facts.find_all(recursive=False)]
    assert order == ["np-note-meta__category", "np-date", "np-updated", "np-reading-time", "np-tags"]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_leetcode_note_has_facts_then_problem_header(portal: BuildResult, language: str) -> None:
    """A LeetCode note has the same facts under its title, followed by its problem header."""
    path = f"{PREFIX[language]}leetcode/0076-minimum-window-substring/"
    facts = meta(portal, path)
    assert [t["datetime"] for t in facts.select("time.np-date")] == ["2024-05-05"]
    assert text(facts.select_one("a.np-note-meta__category")) == {"zh": "LeetCode 题解", "en": "LeetCode"}[language]
    assert target_file(portal, path, facts.select_one("a.np-note-meta__category")["href"]) == \
        f"/{PREFIX[language]}leetcode/"
    header = facts.find_next_sibling()
    assert header is not None and header.name == "p" and "np-lc-header" in header.get("class", []), header
    assert header["data-lc-id"] == "76"
    assert len(article(portal, path).select("p.np-lc-header")) == 1


def test_facts_are_not_on_generated_pages(portal: BuildResult) -> None:
    """Home, category and tag pages are not notes: no note header there."""
    for path in ("", "nlp/", "en/", "tags/", "tags/注意力/"):
        page: BeautifulSoup = portal.html(path)
        assert page.select("div.np-note-meta") == [], path


@pytest.mark.parametrize(("path", "expected"), [("nlp/same-day/", "May 1, 2024"), ("deep-learning/plain/", "Jun 2, 2024")])
def test_untranslated_note_has_english_facts_on_en(portal: BuildResult, path: str, expected: str) -> None:
    """A note without a translation, shown on /en/, still gets English dates and labels."""
    facts = meta(portal, "en/" + path)
    assert [text(t) for t in facts.select("time.np-date")] == [expected]
    assert text(facts.select_one(".np-reading-time")) == "1 min read"


# -- dates from git ----------------------------------------------------------------------

GIT_ENV = {"GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.org",
           "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def git(repo: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, **GIT_ENV}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def commit(repo: Path, when: str) -> None:
    git(repo, "add", "--", "docs")
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", f"commit at {when}", when=when)


@pytest.fixture(scope="module")
def git_portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Front matter first, then git, as in the feed."""
    site = FixtureSite(tmp_path_factory.mktemp("facts-git") / "portal")
    git(site.root, "init", "-q")
    site.write("nlp/edited.md", "---\ntitle: 提交后修改\n---\n\n第一版。\n")
    site.write("nlp/once.md", "---\ntitle: 只提交一次\n---\n\n正文。\n")
    site.note("nlp/dated.md", "写了日期", "2020-01-01", "第一版。")
    site.note("nlp/explicit.md", "写了更新日期", "2020-01-01", updated="2020-06-01")
    commit(site.root, "2021-05-06T12:00:00")
    site.write("nlp/edited.md", "---\ntitle: 提交后修改\n---\n\n第二版。\n")
    site.note("nlp/dated.md", "写了日期", "2020-01-01", "第二版。")
    commit(site.root, "2022-07-08T12:00:00")
    result = site.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize(("path", "written", "updated"), [
    ("nlp/edited/", "2021-05-06", "2022-07-08"),  # no dates in front matter: first and last commit
    ("nlp/once/", "2021-05-06", None),  # one commit is no update
    ("nlp/dated/", "2020-01-01", "2022-07-08"),  # date from front matter, update from git
    ("nlp/explicit/", "2020-01-01", "2020-06-01"),  # front matter wins over the later commit
])
def test_dates_from_git_when_front_matter_has_none(git_portal: BuildResult, path: str, written: str,
                                                   updated: str | None) -> None:
    for prefix in ("", "en/"):
        facts = meta(git_portal, prefix + path)
        assert [t["datetime"] for t in facts.select("time.np-date")] == [written]
        assert [t["datetime"] for t in facts.select("time.np-updated")] == ([updated] if updated else [])
    if path == "nlp/edited/":
        assert text(meta(git_portal, path).select_one("time.np-updated")) == "更新于 2022年7月8日"
        assert text(meta(git_portal, "en/" + path).select_one("time.np-updated")) == "Updated Jul 8, 2022"
