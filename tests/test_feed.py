"""The home feed, its pagination, the category tiles and pages, drafts, i18n, escaping and Atom feeds.

Each fixture site is built once per module with the real ``mkdocs`` command; the
tests read the built pages with BeautifulSoup.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment, Tag
from sites import SITE_URL, BuildResult, FixtureSite, url_path

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
XSS_TITLE = "<img src=x onerror=alert(1)>"
XSS_TEXT = "<script>alert(1)</script>"


# -- helpers -------------------------------------------------------------------


def feed_items(soup: BeautifulSoup) -> list[Tag]:
    return soup.select("article.np-feed-item")


def feed_titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in soup.select("article.np-feed-item .np-feed-item__title a")]


def feed_hrefs(soup: BeautifulSoup, page: str) -> list[str]:
    return [url_path(page, a["href"]) for a in soup.select("article.np-feed-item .np-feed-item__title a")]


def feed_dates(soup: BeautifulSoup) -> list[str]:
    return [time["datetime"] for time in soup.select("article.np-feed-item time")]


def pager_tokens(soup: BeautifulSoup) -> list[str]:
    """The pager as a reader scans it: ``‹`` and ``›`` for previous/next, page numbers and ``…``."""
    nav = soup.select_one("nav.np-pager")
    assert nav is not None, "expected a pager"
    tokens = []
    for element in nav.find_all(["a", "span"], recursive=False):
        rel = element.get("rel") or []
        tokens.append("‹" if "prev" in rel else "›" if "next" in rel else element.get_text(strip=True))
    return tokens


def pager_targets(soup: BeautifulSoup, page: str) -> dict[str, str]:
    """Where each pager link goes, keyed by its token (page number, ``‹`` or ``›``)."""
    nav = soup.select_one("nav.np-pager")
    assert nav is not None, "expected a pager"
    targets = {}
    for link in nav.select("a.np-pager__link"):
        rel = link.get("rel") or []
        key = "‹" if "prev" in rel else "›" if "next" in rel else link.get_text(strip=True)
        targets[key] = url_path(page, link["href"])
    return targets


def current_page_label(soup: BeautifulSoup) -> str:
    current = soup.select("nav.np-pager span.np-pager__current[aria-current=page]")
    assert len(current) == 1
    return current[0].get_text(strip=True)


def atom_entries(result: BuildResult, path: str) -> list[tuple[str, str]]:
    """``(title, link)`` of every entry of the Atom feed at ``path``, in file order."""
    root = ET.parse(result.site_dir / path).getroot()
    return [(entry.findtext("atom:title", namespaces=ATOM),
             entry.find("atom:link", ATOM).get("href"))
            for entry in root.findall("atom:entry", ATOM)]


def build(root: Path, site: FixtureSite | None = None) -> BuildResult:
    result = (site or FixtureSite(root)).build()
    assert result.returncode == 0, result.output
    return result


# -- the main fixture portal -----------------------------------------------------

#: The home feed, newest first by ``updated`` else ``date`` (draft excluded).
ZH_TITLES = [XSS_TITLE, "反向传播", "注意力机制", "76. 最小覆盖子串", "Dropout 正则化", "1. 两数之和", "分词",
             "旧笔记 4", "旧笔记 3", "旧笔记 2", "旧笔记 1"]
EN_TITLES = [XSS_TITLE, "Backpropagation", "Attention", "76. 最小覆盖子串", "Dropout 正则化", "1. 两数之和", "分词",
             "旧笔记 4", "旧笔记 3", "旧笔记 2", "旧笔记 1"]
PATHS = ["/nlp/xss/", "/deep-learning/backprop/", "/nlp/attention/", "/leetcode/0076-minimum-window-substring/",
         "/deep-learning/dropout/", "/leetcode/0001-two-sum/", "/nlp/tokenizer/", "/deep-learning/old-4/",
         "/deep-learning/old-3/", "/deep-learning/old-2/", "/deep-learning/old-1/"]
DATES = ["2025-06-01", "2025-03-14", "2024-08-20", "2024-05-05", "2023-06-01", "2023-01-02", "2022-12-01",
         "2020-01-04", "2020-01-03", "2020-01-02", "2020-01-01"]
CATEGORY_OF = ["nlp", "deep-learning", "nlp", "leetcode", "deep-learning", "leetcode", "nlp",
               "deep-learning", "deep-learning", "deep-learning", "deep-learning"]
#: Items with an English translation; the others fall back to Chinese on /en/.
TRANSLATED = {1, 2}


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Eleven published notes in three categories, a draft, two translations, an authored nlp page."""
    site = FixtureSite(tmp_path_factory.mktemp("feed") / "portal")
    site.plugin_config["atom_entries"] = 3
    site.note("nlp/xss.md", XSS_TITLE, "2025-06-01", tags=[XSS_TEXT], summary=f"{XSS_TEXT}安全摘要")
    site.note("deep-learning/backprop.md", "反向传播", "2024-01-10", updated="2025-03-14")
    site.note("deep-learning/backprop.en.md", "Backpropagation", "2024-01-10", "Body.", updated="2025-03-14")
    site.note("nlp/attention.md", "注意力机制", "2024-08-20")
    site.note("nlp/attention.en.md", "Attention", "2024-08-20", "Body.")
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-05",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("deep-learning/dropout.md", "Dropout 正则化", "2023-06-01")
    site.note("leetcode/0001-two-sum.md", "两数之和", "2023-01-02",
              leetcode={"id": 1, "difficulty": "easy", "topics": ["哈希表"]})
    site.note("nlp/tokenizer.md", "分词", "2022-11-05", updated="2022-12-01")
    for day in range(1, 5):
        site.note(f"deep-learning/old-{day}.md", f"旧笔记 {day}", f"2020-01-0{day}")
    # Newer than all but one note: it would show near the top if drafts leaked.
    site.note("nlp/draft-idea.md", "草稿想法", "2025-01-01", draft=True)
    site.write("nlp/index.md", """
        ---
        title: 自然语言处理
        ---

        作者写的介绍。

        <!-- notes-portal:list -->

        作者写的结尾。
        """)
    return build(site.root, site)


def test_home_lists_newest_first_by_updated_else_date(portal: BuildResult) -> None:
    """Page 1 of the feed holds the ten newest notes, ordered by ``updated`` when set, else ``date``."""
    home = portal.html("")
    assert feed_titles(home) == ZH_TITLES[:10]
    assert feed_dates(home) == DATES[:10]
    assert feed_hrefs(home, "") == PATHS[:10]


def test_default_per_page_is_ten(portal: BuildResult) -> None:
    """Without ``per_page`` the eleventh note goes to /page/2/, and there is no third page."""
    second = portal.html("page/2/")
    assert feed_titles(second) == ZH_TITLES[10:]
    assert feed_hrefs(second, "page/2/") == PATHS[10:]
    assert not portal.exists("page/3/")
    assert pager_tokens(portal.html("")) == ["1", "2", "›"]


def test_feed_item_shows_category_link_and_time(portal: BuildResult) -> None:
    """Each item names its category, links to the category page and dates itself."""
    home = portal.html("")
    categories = [item.select_one("a.np-feed-item__category") for item in feed_items(home)]
    names = {"nlp": "自然语言处理", "deep-learning": "深度学习", "leetcode": "LeetCode 题解"}
    assert [a.get_text(strip=True) for a in categories] == [names[slug] for slug in CATEGORY_OF[:10]]
    assert [url_path("", a["href"]) for a in categories] == [f"/{slug}/" for slug in CATEGORY_OF[:10]]
    times = [item.select_one("time") for item in feed_items(home)]
    assert [t.get_text(strip=True) for t in times[:3]] == ["2025年6月1日", "2025年3月14日", "2024年8月20日"]


@pytest.mark.parametrize(("prefix", "updated", "written", "plain"), [
    ("", "更新于 2025年3月14日", "写于 2024年1月10日", "2025年6月1日"),
    ("en/", "Updated Mar 14, 2025", "Written Jan 10, 2024", "Jun 1, 2025"),
])
def test_an_updated_date_in_the_feed_says_so(portal: BuildResult, prefix: str, updated: str, written: str,
                                             plain: str) -> None:
    """A feed shows a note under its updated date when it has one: the date then says it is the
    updated one (the note's page and the archive show the date written), with the date written
    on hover; a note never updated shows the date written, unlabelled, as its page does."""
    items = feed_items(portal.html(prefix))
    backprop = items[1].select_one(".np-feed-item__date")
    assert backprop is not None and backprop.get_text(" ", strip=True) == updated
    assert backprop["title"] == written
    assert backprop.select_one("time")["datetime"] == "2025-03-14"
    first = items[0].select_one(".np-feed-item__date")
    assert first is not None and first.get_text(" ", strip=True) == plain
    assert not first.has_attr("title") and first.select_one("time")["datetime"] == "2025-06-01"
    # The tokenizer note, written 2022-11-05 and updated 2022-12-01, on the same page.
    tokenizer = items[6].select_one(".np-feed-item__date")
    assert tokenizer is not None and tokenizer.get_text(" ", strip=True).startswith(updated.split(" ")[0])


def test_every_feed_item_has_an_excerpt(portal: BuildResult) -> None:
    """Each feed item carries a non-empty excerpt paragraph."""
    items = feed_items(portal.html(""))
    excerpts = [item.select_one("p.np-feed-item__excerpt") for item in items]
    assert all(p is not None and p.get_text(strip=True) for p in excerpts)
    assert excerpts[0].get_text(strip=True) == f"{XSS_TEXT}安全摘要"  # a summary is text, as written


def test_leetcode_titles_carry_problem_number(portal: BuildResult) -> None:
    """LeetCode notes read ``76. 最小覆盖子串`` in the feed, on both languages."""
    assert "76. 最小覆盖子串" in feed_titles(portal.html(""))
    assert "76. 最小覆盖子串" in feed_titles(portal.html("en/"))
    assert "最小覆盖子串" not in feed_titles(portal.html(""))


def test_tiles_follow_config_order_with_counts_and_newest(portal: BuildResult) -> None:
    """One tile per declared category, in config order, with name, description, count, newest title, href."""
    home = portal.html("")
    tiles = home.select("a.np-tile[data-count]")
    assert [(tile.select_one(".np-tile__name").get_text(strip=True),
             tile.select_one(".np-tile__description").get_text(strip=True),
             tile["data-count"],
             tile.select_one(".np-tile__count").get_text(strip=True),
             tile.select_one(".np-tile__newest").get_text(strip=True),
             url_path("", tile["href"])) for tile in tiles] == [
        ("深度学习", "深度学习笔记", "6", "6 篇笔记", "最新：反向传播", "/deep-learning/"),
        ("自然语言处理", "NLP 笔记", "3", "3 篇笔记", f"最新：{XSS_TITLE}", "/nlp/"),
        ("LeetCode 题解", "刷题笔记", "2", "2 篇笔记", "最新：76. 最小覆盖子串", "/leetcode/"),
    ]


def test_leetcode_tile_counts_difficulties(portal: BuildResult) -> None:
    """Only the LeetCode tile shows per-difficulty counts: one easy, no medium, one hard."""
    home = portal.html("")
    leetcode = home.select_one('a.np-tile[data-category="leetcode"]')
    assert [(d["data-difficulty"], d["data-count"]) for d in leetcode.select(".np-difficulty")] == [
        ("easy", "1"), ("medium", "0"), ("hard", "1")]
    assert home.select('a.np-tile:not([data-category="leetcode"]) .np-difficulty') == []


def test_tiles_only_on_first_home_page(portal: BuildResult) -> None:
    """Continuation pages of the feed show the feed without the category tiles."""
    assert len(portal.html("").select("a.np-tile")) == 3
    assert portal.html("page/2/").select("a.np-tile") == []


def test_generated_category_page_lists_only_its_notes(portal: BuildResult) -> None:
    """/deep-learning/ is generated with the category's name and only its notes, newest first."""
    page = portal.html("deep-learning/")
    assert [h1.get_text(strip=True) for h1 in page.select(".md-content h1")] == ["深度学习"]
    expected = [t for t, c in zip(ZH_TITLES, CATEGORY_OF) if c == "deep-learning"]
    assert feed_titles(page) == expected
    assert feed_hrefs(page, "deep-learning/") == [p for p, c in zip(PATHS, CATEGORY_OF) if c == "deep-learning"]
    assert {item["data-category"] for item in feed_items(page)} == {"deep-learning"}
    assert page.select("nav.np-pager") == []


def test_authored_category_page_keeps_content_and_fills_marker(portal: BuildResult) -> None:
    """docs/nlp/index.md keeps the author's text; the list replaces the marker, between intro and ending."""
    for path, titles in (("nlp/", [XSS_TITLE, "注意力机制", "分词"]), ("en/nlp/", [XSS_TITLE, "Attention", "分词"])):
        page = portal.html(path)
        assert feed_titles(page) == titles
        content = page.select_one(".md-content")
        sequence = [el.get_text(strip=True) if el.name == "p" else "LIST"
                    for el in content.select("p, div.np-feed__list")
                    if el.name == "div" or el.get_text(strip=True) in ("作者写的介绍。", "作者写的结尾。")]
        assert sequence == ["作者写的介绍。", "LIST", "作者写的结尾。"]
        markers = page.find_all(string=lambda s: isinstance(s, Comment) and "notes-portal:list" in s)
        assert markers == []


def test_drafts_are_left_out_of_the_build(portal: BuildResult) -> None:
    """A ``draft: true`` note has no page and is in no feed, tile count, category list or Atom feed."""
    assert not portal.exists("nlp/draft-idea/")
    assert not portal.exists("en/nlp/draft-idea/")
    for path in ("", "page/2/", "en/", "nlp/", "en/nlp/"):
        assert "草稿想法" not in feed_titles(portal.html(path))
    assert portal.html("").select_one('a.np-tile[data-category="nlp"]')["data-count"] == "3"
    assert "草稿想法" not in [title for title, _ in atom_entries(portal, "feed.xml")]


def test_english_home_uses_translations_and_marks_fallbacks(portal: BuildResult) -> None:
    """/en/ shows English titles where a translation exists, Chinese ones marked untranslated elsewhere."""
    home = portal.html("en/")
    assert feed_titles(home) == EN_TITLES[:10]
    assert feed_hrefs(home, "en/") == [f"/en{path}" for path in PATHS[:10]]
    badged = [index for index, item in enumerate(feed_items(home))
              if item.select_one(".np-badge--untranslated") is not None]
    assert badged == [index for index in range(10) if index not in TRANSLATED]
    assert portal.html("").select(".np-badge--untranslated") == []


def test_english_labels_and_dates(portal: BuildResult) -> None:
    """English pages use English interface text and ``Mar 14, 2025`` dates; Chinese ones ``2025年3月14日``."""
    en, zh = portal.html("en/"), portal.html("")
    assert en.select_one("h2#np-latest").get_text(strip=True) == "Latest updates"
    assert zh.select_one("h2#np-latest").get_text(strip=True) == "最近更新"
    assert [t.get_text(strip=True) for t in en.select("article.np-feed-item time")][:3] == [
        "Jun 1, 2025", "Mar 14, 2025", "Aug 20, 2024"]
    assert feed_dates(en) == DATES[:10]
    en_tiles = en.select("a.np-tile")
    assert [t.select_one(".np-tile__name").get_text(strip=True) for t in en_tiles] == [
        "Deep Learning", "NLP", "LeetCode"]
    assert [url_path("en/", t["href"]) for t in en_tiles] == ["/en/deep-learning/", "/en/nlp/", "/en/leetcode/"]
    assert en_tiles[0].select_one(".np-tile__newest").get_text(strip=True) == "Newest: Backpropagation"
    assert [a.get_text(strip=True) for a in en.select("a.np-feed-item__category")][:3] == [
        "NLP", "Deep Learning", "NLP"]


def test_english_build_does_not_inherit_chinese_state(portal: BuildResult) -> None:
    """The en build counts the same notes as zh and lists none of them twice."""
    zh, en = portal.html(""), portal.html("en/")
    assert [t["data-count"] for t in en.select("a.np-tile")] == [t["data-count"] for t in zh.select("a.np-tile")]
    en_paths = feed_hrefs(en, "en/") + feed_hrefs(portal.html("en/page/2/"), "en/page/2/")
    assert len(en_paths) == len(set(en_paths)) == 11
    assert not portal.exists("en/page/3/")


def test_markup_in_titles_and_fields_stays_text(portal: BuildResult) -> None:
    """A title or summary holding HTML is printed as text, as written: no element is created from it."""
    for path in ("", "en/", "nlp/"):
        page = portal.html(path)
        item = feed_items(page)[0]
        assert item.select_one(".np-feed-item__title a").get_text() == XSS_TITLE
        assert item.find_all(["img", "script"]) == []
        assert item.select_one("p.np-feed-item__excerpt").get_text() == f"{XSS_TEXT}安全摘要"
    tiles = portal.html("").select_one("div.np-tiles")
    assert tiles.find_all(["img", "script"]) == []
    assert tiles.select_one('a.np-tile[data-category="nlp"] .np-tile__newest').get_text() == f"最新：{XSS_TITLE}"


def test_atom_feeds_are_newest_first_and_limited(portal: BuildResult) -> None:
    """/feed.xml and /en/feed.xml hold the ``atom_entries`` newest notes of their language, newest first."""
    assert atom_entries(portal, "feed.xml") == [
        (XSS_TITLE, f"{SITE_URL}nlp/xss/"),
        ("反向传播", f"{SITE_URL}deep-learning/backprop/"),
        ("注意力机制", f"{SITE_URL}nlp/attention/"),
    ]
    assert atom_entries(portal, "en/feed.xml") == [
        (XSS_TITLE, f"{SITE_URL}en/nlp/xss/"),
        ("Backpropagation", f"{SITE_URL}en/deep-learning/backprop/"),
        ("Attention", f"{SITE_URL}en/nlp/attention/"),
    ]


# -- pagination boundaries with per_page = 3 --------------------------------------------


def small_portal(root: Path, count: int) -> BuildResult:
    """``count`` nlp notes, one a day from 2024-01-01, three per page."""
    site = FixtureSite(root)
    site.plugin_config["per_page"] = 3
    for day in range(1, count + 1):
        site.note(f"nlp/note-{day:02d}.md", f"笔记 {day:02d}", f"2024-01-{day:02d}")
    return build(root, site)


@pytest.fixture(scope="module")
def empty_portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return small_portal(tmp_path_factory.mktemp("empty") / "portal", 0)


@pytest.fixture(scope="module")
def three_notes(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return small_portal(tmp_path_factory.mktemp("three") / "portal", 3)


@pytest.fixture(scope="module")
def four_notes(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return small_portal(tmp_path_factory.mktemp("four") / "portal", 4)


def test_no_notes_still_builds_an_empty_home(empty_portal: BuildResult) -> None:
    """With no notes the home exists with the empty message, zero-count tiles, no pager and no page 2."""
    for path, message in (("", "这里还没有笔记。"), ("en/", "No notes here yet.")):
        home = empty_portal.html(path)
        assert feed_items(home) == []
        assert home.select_one("p.np-empty").get_text(strip=True) == message
        assert home.select("nav.np-pager") == []
        assert [t["data-count"] for t in home.select("a.np-tile")] == ["0", "0", "0"]
        assert home.select(".np-tile__newest") == []
    assert not empty_portal.exists("page/2/")
    assert not empty_portal.exists("en/page/2/")
    assert empty_portal.html("nlp/").select_one("p.np-empty").get_text(strip=True) == "这里还没有笔记。"
    assert atom_entries(empty_portal, "feed.xml") == []


def test_exactly_one_full_page_has_no_pager(three_notes: BuildResult) -> None:
    """Three notes at three per page: one page, no pager, no /page/2/."""
    home = three_notes.html("")
    assert feed_titles(home) == ["笔记 03", "笔记 02", "笔记 01"]
    assert home.select("nav.np-pager") == []
    assert home.select("p.np-empty") == []
    assert not three_notes.exists("page/2/")
    assert not three_notes.exists("nlp/page/2/")


def test_one_note_over_a_page_adds_page_two(four_notes: BuildResult) -> None:
    """Four notes at three per page: /page/2/ holds the oldest note and both pages have a pager."""
    first, second = four_notes.html(""), four_notes.html("page/2/")
    assert feed_titles(first) == ["笔记 04", "笔记 03", "笔记 02"]
    assert feed_titles(second) == ["笔记 01"]
    assert pager_tokens(first) == ["1", "2", "›"]
    assert pager_tokens(second) == ["‹", "1", "2"]
    assert current_page_label(first) == "1"
    assert current_page_label(second) == "2"
    assert pager_targets(first, "") == {"2": "/page/2/", "›": "/page/2/"}
    assert pager_targets(second, "page/2/") == {"‹": "/", "1": "/"}
    assert not four_notes.exists("page/3/")
    assert feed_titles(four_notes.html("en/page/2/")) == ["笔记 01"]
    assert feed_titles(four_notes.html("nlp/page/2/")) == ["笔记 01"]


# -- a six-page feed --------------------------------------------------------------


def six_page_titles() -> list[str]:
    return [f"笔记 {n:02d}" for n in range(16, 0, -1)]


def six_page_category(n: int) -> str:
    """Seven nlp notes (even numbers up to 14), nine deep-learning notes."""
    return "nlp" if n % 2 == 0 and n <= 14 else "deep-learning"


@pytest.fixture(scope="module")
def six_pages(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Sixteen notes at three per page: six home pages, three pages per category."""
    site = FixtureSite(tmp_path_factory.mktemp("six") / "portal")
    site.plugin_config["per_page"] = 3
    for n in range(1, 17):
        site.note(f"{six_page_category(n)}/note-{n:02d}.md", f"笔记 {n:02d}", f"2024-02-{n:02d}")
    return build(site.root, site)


def test_six_pages_split_the_feed_in_order(six_pages: BuildResult) -> None:
    """Pages 1–6 hold 3, 3, 3, 3, 3 and 1 notes, together the whole feed newest first."""
    paths = ["", "page/2/", "page/3/", "page/4/", "page/5/", "page/6/"]
    pages = [feed_titles(six_pages.html(path)) for path in paths]
    assert [len(titles) for titles in pages] == [3, 3, 3, 3, 3, 1]
    assert [title for titles in pages for title in titles] == six_page_titles()
    assert not six_pages.exists("page/7/")
    assert not six_pages.exists("page/1/")
    assert [feed_titles(six_pages.html(f"en/{path}")) for path in paths] == pages


@pytest.mark.parametrize(("path", "tokens"), [
    ("", ["1", "2", "3", "…", "6", "›"]),
    ("page/2/", ["‹", "1", "2", "3", "4", "5", "6", "›"]),
    ("page/4/", ["‹", "1", "2", "3", "4", "5", "6", "›"]),
    ("page/6/", ["‹", "1", "…", "4", "5", "6"]),
])
def test_pager_window_gaps_and_single_missing_page(six_pages: BuildResult, path: str, tokens: list[str]) -> None:
    """Two pages either side of the current one, first and last, ``…`` only for two or more hidden pages."""
    page = six_pages.html(path)
    assert pager_tokens(page) == tokens
    assert [gap.get_text(strip=True) for gap in page.select("nav.np-pager span.np-pager__gap")] == \
        ["…"] * tokens.count("…")


def test_pager_marks_current_page_and_links_the_others(six_pages: BuildResult) -> None:
    """The current page is a span with aria-current; the others, prev and next link to their pages."""
    page = six_pages.html("page/4/")
    assert current_page_label(page) == "4"
    assert pager_targets(page, "page/4/") == {
        "‹": "/page/3/", "1": "/", "2": "/page/2/", "3": "/page/3/", "5": "/page/5/", "6": "/page/6/",
        "›": "/page/5/"}
    first = six_pages.html("")
    assert current_page_label(first) == "1"
    assert first.select("nav.np-pager a[rel=prev]") == []
    assert pager_targets(first, "") == {"2": "/page/2/", "3": "/page/3/", "6": "/page/6/", "›": "/page/2/"}
    assert six_pages.html("page/6/").select("nav.np-pager a[rel=next]") == []


def test_english_pager_stays_under_en(six_pages: BuildResult) -> None:
    """/en/page/2/ links back to /en/ and on to /en/page/3/."""
    targets = pager_targets(six_pages.html("en/page/2/"), "en/page/2/")
    assert targets["‹"] == "/en/"
    assert targets["1"] == "/en/"
    assert targets["›"] == "/en/page/3/"
    assert targets["6"] == "/en/page/6/"


def test_category_pages_paginate_like_home(six_pages: BuildResult) -> None:
    """/nlp/ (7 notes) and /deep-learning/ (9 notes) split into three pages of their own notes."""
    for slug in ("nlp", "deep-learning"):
        expected = [t for t in six_page_titles() if six_page_category(int(t.split()[1])) == slug]
        paths = [f"{slug}/", f"{slug}/page/2/", f"{slug}/page/3/"]
        pages = [feed_titles(six_pages.html(path)) for path in paths]
        assert [title for titles in pages for title in titles] == expected
        assert [len(titles) for titles in pages] == [3, 3, len(expected) - 6]
        assert not six_pages.exists(f"{slug}/page/4/")
        assert pager_tokens(six_pages.html(f"{slug}/page/2/")) == ["‹", "1", "2", "3", "›"]
        assert pager_targets(six_pages.html(f"{slug}/page/2/"), f"{slug}/page/2/") == {
            "‹": f"/{slug}/", "1": f"/{slug}/", "3": f"/{slug}/page/3/", "›": f"/{slug}/page/3/"}
    assert feed_titles(six_pages.html("en/nlp/page/3/")) == ["笔记 02"]
