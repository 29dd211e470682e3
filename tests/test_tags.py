"""Tags (issue 11): the /tags/ index with counts, one page per tag (paginated like category pages),
readable Chinese slugs, case/width-folded duplicates, hostile names, drafts, English labels, and the
tags of Atom entries; on a fixture portal built for real with ``per_page: 2``.

Expected values are written out here; nothing is computed by the plugin's own code.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, NavigableString, Tag
from sites import BUILD_ENV, BuildResult, FixtureSite, h1_text, url_path

ATOM = {"atom": "http://www.w3.org/2005/Atom"}
XSS_TAG = "<script>alert(1)</script>"
PREFIX = {"zh": "", "en": "en/"}

#: (path, title, date, tags), written in no particular order; per_page is 2.
NOTES = [
    ("deep-learning/t2.md", "变换器二", "2024-05-01", ["ｔｒａｎｓｆｏｒｍｅｒ", "C++", "C#"]),
    ("nlp/a1.md", "注意力一", "2024-01-01", ["注意力", "Transformer"]),
    ("nlp/xss.md", "安全", "2024-06-01", [XSS_TAG, "csharp"]),
    ("nlp/a3.md", "注意力三", "2024-03-01", ["注意力", "Large Model"]),
    ("nlp/a2.md", "注意力二", "2024-02-01", ["注意力", "transformer"]),
    # Two spellings of one tag in one note: still one note for that tag.
    ("deep-learning/t1.md", "变换器一", "2024-04-01", ["Transformer", "Large Model", "TRANSFORMER"]),
]

#: /tags/ in reading order: (shown name, count, slug). Count descending, then name.
#: "Transformer": 4 notes under four spellings, "Transformer" used by two of them.
#: "C#" and "csharp" are different tags with the same slug; "csharp" sorts later and gets "-2".
TAG_INDEX = [
    ("Transformer", 4, "transformer"),
    ("注意力", 3, "注意力"),
    ("Large Model", 2, "large-model"),
    (XSS_TAG, 1, "script-alert-1-script"),
    ("C#", 1, "csharp"),
    ("C++", 1, "cplusplus"),
    ("csharp", 1, "csharp-2"),
]

#: Titles on each tag page, newest first, two per page.
TAG_PAGES = {
    "transformer": [["变换器二", "变换器一"], ["注意力二", "注意力一"]],
    "注意力": [["注意力三", "注意力二"], ["注意力一"]],
    "large-model": [["变换器一", "注意力三"]],
    "cplusplus": [["变换器二"]],
    "csharp": [["变换器二"]],
    "csharp-2": [["安全"]],
    "script-alert-1-script": [["安全"]],
}


def write_portal(site: FixtureSite) -> FixtureSite:
    site.plugin_config["per_page"] = 2
    for path, title, date, tags in NOTES:
        site.note(path, title, date, f"{title}的正文。", tags=tags)
    # A draft: its tags count nowhere, and a tag only it uses has no page.
    site.note("nlp/draft.md", "草稿", "2024-07-01", "草稿正文。", draft=True, tags=["注意力", "草稿标签"])
    return site


@pytest.fixture(scope="module")
def portal_site(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    return write_portal(FixtureSite(tmp_path_factory.mktemp("tags") / "portal"))


@pytest.fixture(scope="module")
def portal(portal_site: FixtureSite) -> BuildResult:
    result = portal_site.build()
    assert result.returncode == 0, result.output
    return result


# -- helpers ---------------------------------------------------------------------------


def own_text(element: Tag) -> str:
    """The element's text outside its child elements (a tag link's name without its count)."""
    return "".join(str(child) for child in element.children if isinstance(child, NavigableString)).strip()


def cloud(page: BeautifulSoup) -> list[Tag]:
    clouds = page.select("article div.np-tag-cloud")
    assert len(clouds) == 1, "expected one tag cloud"
    return clouds[0].select("a.np-tag")


def decoded_target(result: BuildResult, page: str, href: str) -> str:
    """The decoded site path ``href`` on ``page`` leads to, after checking that page was built."""
    path = unquote(url_path(page, href))
    assert (result.site_dir / path.lstrip("/") / "index.html").is_file(), f"{href} on {page} leads nowhere: {path}"
    return path


def feed_titles(page: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in page.select("article.np-feed-item .np-feed-item__title a")]


# -- /tags/ ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_index_lists_every_tag_once_by_count_then_name(portal: BuildResult, language: str) -> None:
    """Each tag once, with its note count (drafts not counted), most used first, ties by name."""
    links = cloud(portal.html(PREFIX[language] + "tags/"))
    found = [(own_text(a), int(a["data-count"]), a.select_one("span.np-tag__count").get_text(strip=True))
             for a in links]
    assert found == [(name, count, str(count)) for name, count, _ in TAG_INDEX]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_index_links_reach_the_tag_pages(portal: BuildResult, language: str) -> None:
    """Every link of /tags/ leads to the tag's page under the same language, whether or not its
    Chinese characters are percent-encoded."""
    prefix = PREFIX[language]
    links = cloud(portal.html(prefix + "tags/"))
    assert [decoded_target(portal, prefix + "tags/", a["href"]) for a in links] == [
        f"/{prefix}tags/{slug}/" for _, _, slug in TAG_INDEX]


def test_chinese_tag_page_keeps_a_readable_slug(portal: BuildResult) -> None:
    """/tags/注意力/ is written under its Chinese name, and its percent-encoded address means the same."""
    assert (portal.site_dir / "tags" / "注意力" / "index.html").is_file()
    encoded = "/tags/%E6%B3%A8%E6%84%8F%E5%8A%9B/"
    assert unquote(encoded) == "/tags/注意力/"
    href = next(a["href"] for a in cloud(portal.html("tags/")) if own_text(a) == "注意力")
    assert unquote(url_path("tags/", href)) == unquote(url_path("tags/", encoded.removeprefix("/tags/")))


@pytest.mark.parametrize(("language", "label"), [("zh", "标签"), ("en", "Tags")])
def test_index_title(portal: BuildResult, language: str, label: str) -> None:
    assert h1_text(portal.html(PREFIX[language] + "tags/")) == label


# -- tag pages -------------------------------------------------------------------------


@pytest.mark.parametrize("slug", list(TAG_PAGES))
def test_tag_pages_list_notes_newest_first_per_page(portal: BuildResult, slug: str) -> None:
    """A tag with N notes has ceil(N / 2) pages: 1 note one page, 2 (= per_page) one page without
    a pager, 3 (= per_page + 1) and 4 two pages."""
    pages = TAG_PAGES[slug]
    for language in ("zh", "en"):
        base = f"{PREFIX[language]}tags/{slug}/"
        for number, titles in enumerate(pages, start=1):
            path = base if number == 1 else f"{base}page/{number}/"
            page = portal.html(path)
            assert feed_titles(page) == titles, path
            assert (page.select("nav.np-pager") != []) == (len(pages) > 1), path
        assert not portal.exists(f"{base}page/{len(pages) + 1}/")


def test_tag_page_items_link_to_the_notes(portal: BuildResult) -> None:
    page = portal.html("tags/注意力/")
    hrefs = [decoded_target(portal, "tags/注意力/", a["href"])
             for a in page.select("article.np-feed-item .np-feed-item__title a")]
    assert hrefs == ["/nlp/a3/", "/nlp/a2/"]
    assert [p.get_text(strip=True) for p in page.select("article.np-feed-item .np-feed-item__excerpt")] == [
        "注意力三的正文。", "注意力二的正文。"]


def test_tag_page_two_pager_links_back_to_page_one(portal: BuildResult) -> None:
    second = portal.html("tags/注意力/page/2/")
    targets = [decoded_target(portal, "tags/注意力/page/2/", a["href"]) for a in second.select("nav.np-pager a")]
    assert "/tags/注意力/" in targets
    first = portal.html("tags/注意力/")
    assert "/tags/注意力/page/2/" in [decoded_target(portal, "tags/注意力/", a["href"])
                                      for a in first.select("nav.np-pager a")]


@pytest.mark.parametrize(("language", "title"), [
    ("zh", "标签：注意力"), ("en", "Tag: 注意力"), ("zh", "标签：Large Model"), ("en", "Tag: Large Model")])
def test_tag_page_titles(portal: BuildResult, language: str, title: str) -> None:
    slug = "注意力" if "注意力" in title else "large-model"
    assert h1_text(portal.html(f"{PREFIX[language]}tags/{slug}/")) == title


def test_draft_only_tag_has_no_page_and_is_not_listed(portal: BuildResult) -> None:
    """A tag used only by a draft is on no page; the draft itself is on no tag page."""
    for prefix in ("", "en/"):
        assert not portal.exists(f"{prefix}tags/草稿标签/")
        assert "草稿标签" not in [own_text(a) for a in cloud(portal.html(prefix + "tags/"))]
        assert "草稿" not in feed_titles(portal.html(f"{prefix}tags/注意力/page/2/"))
    assert list((portal.site_dir / "tags").iterdir()) and not any(
        "草稿" in path.name for path in (portal.site_dir / "tags").iterdir())


# -- folding, spaces, hostile names -------------------------------------------------------


def test_case_and_width_variants_are_one_tag(portal: BuildResult) -> None:
    """Transformer, transformer, TRANSFORMER and full-width ｔｒａｎｓｆｏｒｍｅｒ: one tag, one page,
    shown as the spelling most notes use, on every note's header too."""
    tags_dir = portal.site_dir / "tags"
    assert sorted(path.name for path in tags_dir.iterdir() if "transformer" in path.name.casefold()) == ["transformer"]
    for path in ("nlp/a1/", "nlp/a2/", "deep-learning/t1/", "deep-learning/t2/"):
        names = [a.get_text(strip=True) for a in portal.html(path).select("div.np-note-meta a.np-tag")]
        assert names.count("Transformer") == 1, (path, names)
        assert not {"transformer", "TRANSFORMER", "ｔｒａｎｓｆｏｒｍｅｒ"} & set(names), (path, names)


def test_folding_is_logged_as_info(portal: BuildResult) -> None:
    """The build log names the spellings that became one tag, as INFO (not a warning)."""
    lines = [line for line in portal.output.splitlines() if re.search(r"notes[-_]portal: tags .* are one tag", line)]
    assert lines, portal.output
    assert all(line.startswith("INFO") for line in lines), lines
    line = lines[0]
    for spelling in ("'Transformer'", "'transformer'", "'TRANSFORMER'", "'ｔｒａｎｓｆｏｒｍｅｒ'"):
        assert spelling in line, line
    assert line.endswith("shown as 'Transformer'"), line
    assert not [line for line in portal.warnings() if "tag" in line.casefold()], portal.warnings()


def test_strict_build_passes_with_folded_tags(portal_site: FixtureSite, portal: BuildResult,
                                              tmp_path: Path) -> None:
    """Folding duplicates is not a warning: ``mkdocs build --strict`` still succeeds."""
    strict = portal_site.build(strict=True, site_dir=tmp_path / "strict-site")
    assert strict.returncode == 0, strict.output
    assert (strict.site_dir / "tags" / "transformer" / "index.html").is_file()


def test_tag_with_spaces(portal: BuildResult) -> None:
    """"Large Model" keeps its space on screen and gets the slug large-model."""
    links = [a for a in portal.html("nlp/a3/").select("div.np-note-meta a.np-tag")]
    assert [a.get_text(strip=True) for a in links] == ["注意力", "Large Model"]
    assert decoded_target(portal, "nlp/a3/", links[1]["href"]) == "/tags/large-model/"


@pytest.mark.parametrize("path", ["tags/", "tags/script-alert-1-script/", "nlp/xss/", "en/tags/", "en/nlp/xss/"])
def test_hostile_tag_is_text(portal: BuildResult, path: str) -> None:
    """``<script>alert(1)</script>`` as a tag is shown as those characters; it makes no element and
    stays escaped in attributes."""
    raw = (portal.site_dir / path / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in raw
    assert "alert(1)</script>" not in raw
    page = portal.html(path)
    assert [s for s in page.find_all("script") if "alert(1)" in s.get_text()] == []
    shown = [a.get_text(strip=True) for a in page.select("a.np-tag")] + [h1_text(page)]
    assert any(XSS_TAG in text for text in shown), shown


# -- Atom ------------------------------------------------------------------------------


def atom_categories(result: BuildResult, path: str) -> dict[str, list[str]]:
    """Category terms of each entry of the Atom feed at ``path``, by entry title."""
    raw = (result.site_dir / path).read_text(encoding="utf-8")
    assert "<script>" not in raw
    root = ET.fromstring(raw)
    return {entry.findtext("atom:title", namespaces=ATOM): [c.get("term") for c in entry.findall("atom:category", ATOM)]
            for entry in root.findall("atom:entry", ATOM)}


@pytest.mark.parametrize("path", ["feed.xml", "en/feed.xml"])
def test_atom_entries_carry_tags_as_categories(portal: BuildResult, path: str) -> None:
    """Besides the note's category (term: its slug, as before issue 11), one ``<category term>`` per
    tag, by its shown name: spellings folded into one, markup kept as text."""
    found = {title: sorted(terms) for title, terms in atom_categories(portal, path).items()}
    assert found == {
        "安全": sorted(["nlp", XSS_TAG, "csharp"]),
        "变换器二": sorted(["deep-learning", "Transformer", "C++", "C#"]),
        "变换器一": sorted(["deep-learning", "Transformer", "Large Model"]),
        "注意力三": sorted(["nlp", "注意力", "Large Model"]),
        "注意力二": sorted(["nlp", "注意力", "Transformer"]),
        "注意力一": sorted(["nlp", "注意力", "Transformer"]),
    }


def test_atom_entry_without_tags_has_only_its_category(tmp_path: Path) -> None:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/plain.md", "无标签", "2024-01-01")
    site.note("nlp/tagged.md", "有标签", "2024-01-02", tags=["注意力"])
    result = site.build()
    assert result.returncode == 0, result.output
    assert atom_categories(result, "feed.xml") == {"有标签": ["nlp", "注意力"], "无标签": ["nlp"]}


# -- slugs of unusual names ------------------------------------------------------------------

ATTRIBUTE_XSS = 'x" onmouseover="alert(1)'


@pytest.fixture(scope="module")
def edge(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("tag-edges") / "portal")
    site.note("nlp/e1.md", "边界一", "2024-01-01",
              tags=["Large  Model", "Node.js", "CI/CD", "???", ATTRIBUTE_XSS, "  空格  标签  ", "PyTorch"])
    site.note("nlp/e2.md", "边界二", "2024-01-02", tags=["large model", "ＧＰＴ４", "snake_case", "pytorch"])
    site.note("nlp/e3.md", "边界三", "2024-01-03", tags=["GPT4", "Large Model"])
    site.note("deep-learning/e4.md", "边界四", "2024-01-04", tags=["GPT4", "Large Model"])
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-01-05", "思路。",
              tags=["滑动窗口"], leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    result = site.build()
    assert result.returncode == 0, result.output
    return result


#: slug -> count. "Large  Model" (two spaces), "large model" and "Large Model" are one tag, as are
#: "ＧＰＴ４" and "GPT4"; punctuation runs become "-"; a name with no word character is "tag".
EDGE_SLUGS = {"large-model": 4, "gpt4": 3, "node-js": 1, "ci-cd": 1, "tag": 1, "x-onmouseover-alert-1": 1,
              "空格-标签": 1, "snake_case": 1, "滑动窗口": 1, "pytorch": 2}


def test_unusual_names_get_the_contract_slugs(edge: BuildResult) -> None:
    found = {}
    for link in cloud(edge.html("tags/")):
        slug = decoded_target(edge, "tags/", link["href"]).removeprefix("/tags/").removesuffix("/")
        found[slug] = int(link["data-count"])
    assert found == EDGE_SLUGS
    assert sorted(path.name for path in (edge.site_dir / "tags").iterdir() if path.is_dir()) == sorted(EDGE_SLUGS)


def test_whitespace_and_width_variants_fold(edge: BuildResult) -> None:
    """Spacing and full-width letters don't make a second tag; the most used spelling is shown."""
    shown = {own_text(a): a["data-count"] for a in cloud(edge.html("tags/"))}
    assert shown["Large Model"] == "4"
    assert shown["GPT4"] == "3"
    assert not {"Large  Model", "large model", "ＧＰＴ４"} & set(shown)
    # One note each: the tie goes to the smallest string, not to the newest or first seen note.
    assert shown["PyTorch"] == "2" and "pytorch" not in shown
    assert feed_titles(edge.html("tags/large-model/")) == ["边界四", "边界三", "边界二", "边界一"]
    assert feed_titles(edge.html("tags/gpt4/")) == ["边界四", "边界三", "边界二"]


@pytest.mark.parametrize("path", ["tags/", "tags/x-onmouseover-alert-1/", "nlp/e1/", "en/tags/", "en/nlp/e1/"])
def test_quote_in_a_tag_breaks_no_attribute(edge: BuildResult, path: str) -> None:
    """A tag that tries to close an attribute stays inside it: no element gains an event handler."""
    page = edge.html(path)
    handlers = [(element.name, name) for element in page.find_all(True) for name in element.attrs
                if name.startswith("on")]
    assert handlers == []
    assert any(ATTRIBUTE_XSS in a.get_text() for a in page.select("a.np-tag")) or \
        ATTRIBUTE_XSS in h1_text(page)


def test_quote_in_a_tag_stays_in_the_atom_term(edge: BuildResult) -> None:
    root = ET.parse(edge.site_dir / "feed.xml").getroot()
    terms = {entry.findtext("atom:title", namespaces=ATOM): {c.get("term") for c in entry.findall("atom:category", ATOM)}
             for entry in root.findall("atom:entry", ATOM)}
    assert ATTRIBUTE_XSS in terms["边界一"]
    assert {"GPT4", "Large Model"} <= terms["边界二"]
    assert not {"ＧＰＴ４", "large model"} & terms["边界二"]


def test_leetcode_notes_are_numbered_on_tag_pages(edge: BuildResult) -> None:
    """Tag pages use the category pages' markup, LeetCode numbers included. A tag spelled as a
    LeetCode topic has the topic's English name on /en/ (``Sliding Window``), and its slug."""
    for path in ("tags/滑动窗口/", "en/tags/sliding-window/"):
        assert feed_titles(edge.html(path)) == ["76. 最小覆盖子串"]


def test_portal_without_notes_has_empty_index_and_archive(tmp_path: Path) -> None:
    """No notes, no tags: /tags/ and /archive/ still build (strictly), listing nothing."""
    site = FixtureSite(tmp_path / "portal")
    site.write("nlp/index.md", "---\ntitle: NLP\n---\n\n介绍。\n")
    result = site.build(strict=True)
    assert result.returncode == 0, result.output
    for prefix, label in (("", "标签"), ("en/", "Tags")):
        page = result.html(prefix + "tags/")
        assert h1_text(page) == label
        assert page.select("a.np-tag") == []
        archive = result.html(prefix + "archive/")
        assert archive.select("section.np-archive-year") == []
        # No calendar of blank weeks: the page says there are no notes.
        assert archive.select("svg.np-activity") == []
        assert archive.select_one("p.np-empty") is not None
    assert not (result.site_dir / "tags" / "tag").exists()


# -- one tag per concept in each language (issue 21) ------------------------------------------------
#
# Notes are tagged in Chinese; the author names a tag's English form once (``notes-portal: tags:``);
# a translation shows its original's tags; a LeetCode topic's ``en`` names the tag spelled as it.

TAG_NAMES = {"深度学习": "Deep Learning", "注意力": {"en": "Attention"}}


def write_bilingual(site: FixtureSite) -> FixtureSite:
    site.plugin_config["tags"] = TAG_NAMES
    site.note("deep-learning/backprop.md", "反向传播", "2024-01-01", "链式法则。",
              tags=["深度学习", "反向传播", "Transformer"])
    # Fewer tags than the original, in another order, spelled in English: still the original's three.
    site.note("deep-learning/backprop.en.md", "Backpropagation", "2024-01-01", "The chain rule.",
              tags=["Transformer", "deep learning"])
    site.note("deep-learning/norm.md", "归一化笔记", "2024-02-01", "未翻译。", tags=["深度学习", "归一化"])
    # A Chinese note tagged with the English name: the same tag in both languages.
    site.note("nlp/bert.md", "BERT 笔记", "2024-03-01", "预训练。", tags=["NLP", "deep learning"])
    site.note("nlp/attention.md", "注意力机制", "2024-04-01", "注意力。", tags=["注意力", "Transformer"])
    site.note("nlp/attention.en.md", "Attention", "2024-04-01", "Attention.", tags=["attention", "transformer"])
    problem = {"id": 76, "difficulty": "hard", "topics": ["滑动窗口", "哈希表"]}
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-01", "思路。",
              tags=["滑动窗口", "哈希表", "字符串"], leetcode=problem)
    site.note("leetcode/0076-minimum-window-substring.en.md", "Minimum Window Substring", "2024-05-01",
              "Idea.", tags=["sliding window", "Hash Table"], leetcode=problem)
    site.note("leetcode/0239-sliding-window-maximum.md", "滑动窗口最大值", "2024-06-01", "单调队列。",
              tags=["滑动窗口", "单调队列"], leetcode={"id": 239, "difficulty": "hard", "topics": ["滑动窗口", "单调队列"]})
    return site


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    return write_bilingual(FixtureSite(tmp_path_factory.mktemp("tags-i18n") / "portal"))


@pytest.fixture(scope="module")
def bilingual(bilingual_site: FixtureSite) -> BuildResult:
    result = bilingual_site.build(strict=True)
    assert result.returncode == 0, result.output
    return result


#: /tags/ of each language: (shown name, count, decoded site path of its page).
BILINGUAL_INDEX = {
    "zh": [("深度学习", 3, "/tags/深度学习/"), ("Transformer", 2, "/tags/transformer/"),
           ("滑动窗口", 2, "/tags/滑动窗口/"), ("NLP", 1, "/tags/nlp/"), ("单调队列", 1, "/tags/单调队列/"),
           ("反向传播", 1, "/tags/反向传播/"), ("哈希表", 1, "/tags/哈希表/"), ("字符串", 1, "/tags/字符串/"),
           ("归一化", 1, "/tags/归一化/"), ("注意力", 1, "/tags/注意力/")],
    # One tag per concept, by its English name where the author (or a topic) gave one.
    "en": [("Deep Learning", 3, "/en/tags/deep-learning/"), ("Sliding Window", 2, "/en/tags/sliding-window/"),
           ("Transformer", 2, "/en/tags/transformer/"), ("Attention", 1, "/en/tags/attention/"),
           ("Hash Table", 1, "/en/tags/hash-table/"), ("Monotonic Queue", 1, "/en/tags/monotonic-queue/"),
           ("NLP", 1, "/en/tags/nlp/"), ("反向传播", 1, "/en/tags/反向传播/"), ("字符串", 1, "/en/tags/字符串/"),
           ("归一化", 1, "/en/tags/归一化/")],
}


@pytest.mark.parametrize("language", ["zh", "en"])
def test_one_tag_per_concept_in_each_language(bilingual: BuildResult, language: str) -> None:
    page = PREFIX[language] + "tags/"
    found = [(own_text(a), int(a["data-count"]), decoded_target(bilingual, page, a["href"]))
             for a in cloud(bilingual.html(page))]
    assert found == BILINGUAL_INDEX[language]


def test_no_second_tag_for_a_translated_spelling(bilingual: BuildResult) -> None:
    """The translations' own spellings make no page of their own on /en/."""
    written = {path.name for path in (bilingual.site_dir / "en" / "tags").iterdir() if path.is_dir()}
    assert not {"深度学习", "滑动窗口", "哈希表", "注意力", "sliding-window-2", "deep-learning-2"} & written
    assert "deep-learning" in written


@pytest.mark.parametrize(("path", "titles"), [
    ("tags/深度学习/", ["BERT 笔记", "归一化笔记", "反向传播"]),
    ("en/tags/deep-learning/", ["BERT 笔记", "归一化笔记", "Backpropagation"]),
    ("en/tags/sliding-window/", ["239. 滑动窗口最大值", "76. Minimum Window Substring"]),
    ("en/tags/attention/", ["Attention"]),
])
def test_tag_page_lists_translated_and_untranslated_notes(bilingual: BuildResult, path: str,
                                                          titles: list[str]) -> None:
    assert feed_titles(bilingual.html(path)) == titles


@pytest.mark.parametrize(("path", "expected"), [
    ("deep-learning/backprop/", [("深度学习", "/tags/深度学习/"), ("反向传播", "/tags/反向传播/"),
                                 ("Transformer", "/tags/transformer/")]),
    # The original's three tags, in its order, by their English names where they have one.
    ("en/deep-learning/backprop/", [("Deep Learning", "/en/tags/deep-learning/"),
                                    ("反向传播", "/en/tags/反向传播/"), ("Transformer", "/en/tags/transformer/")]),
    ("en/deep-learning/norm/", [("Deep Learning", "/en/tags/deep-learning/"), ("归一化", "/en/tags/归一化/")]),
    ("nlp/bert/", [("NLP", "/tags/nlp/"), ("深度学习", "/tags/深度学习/")]),
    ("en/nlp/attention/", [("Attention", "/en/tags/attention/"), ("Transformer", "/en/tags/transformer/")]),
])
def test_note_shows_its_original_tags_by_name(bilingual: BuildResult, path: str,
                                              expected: list[tuple[str, str]]) -> None:
    links = bilingual.html(path).select("div.np-note-meta a.np-tag")
    assert [(a.get_text(strip=True), decoded_target(bilingual, path, a["href"])) for a in links] == expected


@pytest.mark.parametrize(("path", "topics", "tags"), [
    ("leetcode/0076-minimum-window-substring/",
     [("滑动窗口", "/tags/滑动窗口/"), ("哈希表", "/tags/哈希表/")], ["字符串"]),
    ("en/leetcode/0076-minimum-window-substring/",
     [("Sliding Window", "/en/tags/sliding-window/"), ("Hash Table", "/en/tags/hash-table/")], ["字符串"]),
    ("leetcode/0239-sliding-window-maximum/", [("滑动窗口", "/tags/滑动窗口/"), ("单调队列", "/tags/单调队列/")], []),
    ("en/leetcode/0239-sliding-window-maximum/",
     [("Sliding Window", "/en/tags/sliding-window/"), ("Monotonic Queue", "/en/tags/monotonic-queue/")], []),
])
def test_leetcode_topic_shown_once(bilingual: BuildResult, path: str, topics: list[tuple[str, str]],
                                   tags: list[str]) -> None:
    """A tag spelled as one of the note's topics is shown once: as the topic in the problem's header,
    linking to the tag's page; no tag chip repeats it, in any case."""
    page = bilingual.html(path)
    chips = page.select(".np-lc-header .np-topic")
    assert [(a.get_text(strip=True), decoded_target(bilingual, path, a["href"])) for a in chips] == topics
    shown = [a.get_text(strip=True) for a in page.select("div.np-note-meta a.np-tag")]
    assert shown == tags
    everything = [name.casefold() for name in shown + [name for name, _ in topics]]
    assert len(everything) == len(set(everything))


@pytest.mark.parametrize(("path", "links"), [
    ("tags/深度学习/", {"zh": "/tags/深度学习/", "en": "/en/tags/deep-learning/"}),
    ("en/tags/deep-learning/", {"zh": "/tags/深度学习/", "en": "/en/tags/deep-learning/"}),
    ("en/tags/transformer/", {"zh": "/tags/transformer/", "en": "/en/tags/transformer/"}),
])
def test_language_selector_leads_to_the_same_tag(bilingual: BuildResult, path: str, links: dict[str, str]) -> None:
    selector = bilingual.html(path).select("a.md-select__link")
    assert {a["hreflang"]: decoded_target(bilingual, path, a["href"]) for a in selector} == links


def test_matched_translations_warn_nothing(bilingual: BuildResult) -> None:
    assert [line for line in bilingual.warnings() if "tags" in line] == []


@pytest.fixture(scope="module")
def unmatched_site(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    site = FixtureSite(tmp_path_factory.mktemp("tags-unmatched") / "portal")
    site.plugin_config["tags"] = TAG_NAMES
    site.note("deep-learning/backprop.md", "反向传播", "2024-01-01", "链式法则。", tags=["深度学习", "反向传播"])
    # "backprop": named nowhere; "attention": the English name of a tag the original doesn't have.
    site.note("deep-learning/backprop.en.md", "Backpropagation", "2024-01-01", "The chain rule.",
              tags=["deep learning", "backprop"])
    site.note("nlp/attention.md", "注意力机制", "2024-04-01", "注意力。", tags=["Transformer"])
    site.note("nlp/attention.en.md", "Attention", "2024-04-01", "Attention.", tags=["Transformer", "attention"])
    return site


#: What both the build and ``notes-portal check`` say, whole.
UNMATCHED = [
    "docs/deep-learning/backprop.en.md:4: tags: 'backprop' is not a tag of the original "
    "docs/deep-learning/backprop.md; a translation shows its original's tags, so it is not shown "
    "(expected one of them or its en name: 深度学习 = Deep Learning, 反向传播; or name a tag once in "
    "mkdocs.yml under notes-portal tags, e.g. '反向传播: backprop')",
    "docs/nlp/attention.en.md:4: tags: 'attention' names '注意力', which the original docs/nlp/attention.md "
    "doesn't have; a translation shows its original's tags, so it is not shown (expected one of them "
    "or its en name: Transformer; or add 注意力 to the original's tags)",
]


def test_unmatched_translation_tag_warns_in_the_build(unmatched_site: FixtureSite, tmp_path: Path) -> None:
    """Each tag of a translation that names none of its original's is a warning naming the file, the
    field and what is expected; the site still builds, showing the original's tags; --strict fails."""
    result = unmatched_site.build(site_dir=tmp_path / "site")
    assert result.returncode == 0, result.output
    messages = sorted(line.split("notes_portal: ", 1)[1] for line in result.warnings() if "tags" in line)
    assert messages == UNMATCHED
    links = result.html("en/deep-learning/backprop/").select("div.np-note-meta a.np-tag")
    assert [a.get_text(strip=True) for a in links] == ["Deep Learning", "反向传播"]
    assert [a.get_text(strip=True) for a in result.html("en/nlp/attention/").select("div.np-note-meta a.np-tag")] \
        == ["Transformer"]
    strict = unmatched_site.build(strict=True, site_dir=tmp_path / "strict")
    assert strict.returncode != 0


def test_unmatched_translation_tag_fails_the_check(unmatched_site: FixtureSite) -> None:
    unmatched_site.write_config()
    done = subprocess.run([sys.executable, "-m", "notes_portal.authoring.cli", "check", "--verbose"],
                          cwd=unmatched_site.root, capture_output=True, text=True, env=BUILD_ENV, timeout=120,
                          check=False)
    assert done.returncode == 1, done.stdout + done.stderr
    assert sorted(line for line in done.stdout.splitlines() if ": tags: " in line) == UNMATCHED


def test_two_tags_under_one_name_is_a_config_error(tmp_path: Path) -> None:
    site = FixtureSite(tmp_path / "portal")
    site.plugin_config["tags"] = {"最短路": "Shortest Paths", "最短路径": "shortest paths"}
    site.note("nlp/a.md", "甲", "2024-01-01", tags=["最短路"])
    result = site.build()
    assert result.returncode != 0
    assert "'shortest paths' is already the en name of 最短路" in result.output, result.output
