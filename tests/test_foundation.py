"""The shipped portal as a whole: every page in both languages, the notes' data, local KaTeX,
no third-party hosts, the Atom feeds and Chinese word segmentation for search.

Expectations are derived from ``docs/`` and ``mkdocs.yml`` independently of the plugin, and
checked against the site that ``mkdocs build --strict`` makes of the repository.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import quote

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree
from sites import REPO, BuildResult, mkdocs_config, shipped_version, url_path

DOCS = REPO / "docs"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = {"zh": "", "en": "en/"}
#: The nine LeetCode topics as authors write them in front matter.
LEETCODE_TOPICS = {"数组&链表&字符串", "双指针", "滑动窗口", "哈希表", "栈&队列", "单调队列", "树与堆", "图", "数学"}
DIFFICULTIES = {"easy", "medium", "hard"}
#: The Atom feed's default length (``atom_entries``); mkdocs.yml does not change it.
ATOM_ENTRIES = 20
#: A note with inline and display math, and its Chinese title (used for search too).
MATH_NOTE = "nlp/transformer/"
MATH_NOTE_ZH_TITLE = "Transformer 与自注意力机制"
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*\n", re.DOTALL)
#: An absolute (``https://``) or protocol-relative (``//host``) URL: loaded from another host.
REMOTE_URL = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)
CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
CSS_URL = re.compile(r"""url\(\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^)'"]*?))\s*\)""", re.IGNORECASE)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?(?P<target>[^"')\s;]+)""", re.IGNORECASE)
#: Elements and attributes through which a page loads something by itself.
RESOURCE_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "script": ("src",), "link": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
    "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",), "track": ("src",),
    "embed": ("src",), "object": ("data",),
}


# -- expectations from the sources -------------------------------------------------------------




def portal_categories() -> list[dict]:
    """The ``categories`` of the notes-portal plugin in mkdocs.yml."""
    for plugin in mkdocs_config()["plugins"]:
        if isinstance(plugin, dict) and "notes-portal" in plugin:
            return plugin["notes-portal"]["categories"]
    raise AssertionError("mkdocs.yml does not configure the notes-portal plugin")


def front_matter(path: Path) -> dict:
    match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    assert match, f"{path.relative_to(REPO)} has no front matter"
    data = yaml.safe_load(match.group("yaml"))
    assert isinstance(data, dict), f"{path.relative_to(REPO)}: front matter is not a mapping"
    return data


@dataclass(frozen=True)
class SourceNote:
    """A note in docs/: its Chinese file and, when it has one, its English translation."""

    category: str
    stem: str
    zh: Path
    en: Path | None

    @property
    def url(self) -> str:
        return f"{self.category}/{self.stem}/"

    def title(self, language: str) -> str:
        """The title a reader sees on the ``language`` site (Chinese when not translated); a
        LeetCode note is known by its number there too: ``76. 最小覆盖子串``."""
        source = self.en if language == "en" and self.en else self.zh
        meta = front_matter(source)
        return f"{meta['leetcode']['id']}. {meta['title']}" if "leetcode" in meta else meta["title"]


@cache
def source_notes() -> tuple[SourceNote, ...]:
    notes = []
    for category in portal_categories():
        for path in sorted((DOCS / category["slug"]).glob("*.md")):
            if path.name == "index.md" or path.name.endswith(".en.md"):
                continue
            translation = path.with_name(f"{path.stem}.en.md")
            notes.append(SourceNote(category["slug"], path.stem, path,
                                    translation if translation.is_file() else None))
    return tuple(notes)


def translations() -> list[Path]:
    return sorted(path for category in portal_categories()
                  for path in (DOCS / category["slug"]).glob("*.en.md"))


# -- helpers on the built site ----------------------------------------------------------------


def path_from_root(page_url: str, href: str) -> str:
    """A relative ``href`` on the page at ``page_url`` as a path from the site root, without the slash."""
    return url_path(page_url, href).lstrip("/")


def h1_text(page: BeautifulSoup) -> str:
    heading = page.select_one("article h1") or page.find("h1")
    assert heading is not None, "page has no <h1>"
    return heading.get_text(" ", strip=True).rstrip("¶").strip()


def first_paragraph(page: BeautifulSoup) -> str:
    """Text of the article's first paragraph written by the author (not the LeetCode header)."""
    paragraph = page.select_one("article.md-content__inner > p:not(.np-lc-header)")
    assert paragraph is not None, "article has no paragraph"
    return paragraph.get_text(" ", strip=True)


def feed_item_links(page: BeautifulSoup) -> list[tuple[str, str]]:
    """``(title, href)`` of each entry in the page's "latest updates" list, in order."""
    return [(a.get_text(strip=True), a["href"]) for a in page.select(".np-feed-item__title a")]


def listing_pages(result: BuildResult, first: str) -> list[str]:
    """``first`` and its built continuations ``first/page/2/``, ``first/page/3/``, …"""
    urls = [first]
    while result.exists(f"{first}page/{len(urls) + 1}/"):
        urls.append(f"{first}page/{len(urls) + 1}/")
    return urls


def css_targets(css: str) -> list[str]:
    """Every ``url(...)`` and ``@import`` target in a stylesheet, comments left out."""
    css = CSS_COMMENT.sub("", css)
    targets = [m.group("double") or m.group("single") or m.group("bare") or "" for m in CSS_URL.finditer(css)]
    return targets + [m.group("target") for m in CSS_IMPORT.finditer(css)]


def site_url() -> str:
    return mkdocs_config()["site_url"]


# -- the build ----------------------------------------------------------------------------------


def test_shipped_site_builds_strictly_without_warnings(shipped_site: BuildResult) -> None:
    """The repository's own site builds with --strict and logs no WARNING or ERROR line."""
    assert shipped_site.returncode == 0
    assert shipped_site.warnings() == []


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_category_page_lists_exactly_its_notes(shipped_site: BuildResult, language: str) -> None:
    """Each configured category has a page per language, titled with its localized name, whose
    list (over all its pages) links to exactly that category's notes."""
    prefix = LANGUAGES[language]
    for category in portal_categories():
        slug = category["slug"]
        expected = {f"{prefix}{note.url}" for note in source_notes() if note.category == slug}
        url = f"{prefix}{slug}/"
        assert shipped_site.exists(url), f"{url} was not built"
        page = shipped_site.html(url)
        assert page.html["lang"] == language, url
        if slug == "leetcode":  # the LeetCode index: a page of problems per number range it links
            ranges = [path_from_root(url, a["href"]) for a in page.select(".np-lc-range-links li[data-range] a")]
            assert ranges, url
            rows = [(range_url, row) for range_url in ranges
                    for row in shipped_site.html(range_url).select(".np-lc-range tr[data-lc-id]")]
            ids = {int(row["data-lc-id"]) for _, row in rows}
            assert ids == {front_matter(n.zh)["leetcode"]["id"] for n in source_notes() if n.category == slug}
            linked = {path_from_root(range_url, a["href"]) for range_url, row in rows
                      for a in row.select("td:nth-of-type(2) a")}
        else:
            assert h1_text(page) == category["name"][language], url
            linked = {path_from_root(listing_url, href) for listing_url in listing_pages(shipped_site, url)
                      for _, href in feed_item_links(shipped_site.html(listing_url))}
        assert linked == expected, f"{url} lists other notes than docs/{slug}/ holds"


def test_deep_learning_description_reaches_its_pages_whole(shipped_site: BuildResult) -> None:
    """An unquoted description with commas in a YAML flow mapping was cut to its first phrase
    ("Backpropagation"): the whole sentence is on the /en/ tile and the category page."""
    whole = "Backpropagation, normalization, optimizers and regularization"
    tile = shipped_site.html("en/").select_one('.np-tile[data-category="deep-learning"] .np-tile__description')
    assert tile is not None and tile.get_text(strip=True) == whole
    description = shipped_site.html("en/deep-learning/").select_one(".np-category__description")
    assert description is not None and description.get_text(strip=True) == whole
    zh_tile = shipped_site.html("").select_one('.np-tile[data-category="deep-learning"] .np-tile__description')
    assert zh_tile is not None and zh_tile.get_text(strip=True) == "反向传播、归一化、优化器与正则化"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_category_text_reaches_the_tiles_whole(shipped_site: BuildResult, language: str) -> None:
    """Each category's name and description in mkdocs.yml is a mapping of exactly zh and en (a
    comma in an unquoted flow-mapping value adds stray keys and cuts the text), and each text is
    on its tile of the home page of that language, verbatim."""
    page = shipped_site.html(LANGUAGES[language])
    for category in portal_categories():
        slug = category["slug"]
        tile = page.select_one(f'.np-tile[data-category="{slug}"]')
        assert tile is not None, f"no tile for {slug} on /{LANGUAGES[language]}"
        for field in ("name", "description"):
            texts = category[field]
            assert isinstance(texts, dict) and set(texts) == {"zh", "en"}, f"{slug}.{field} in mkdocs.yml: {texts!r}"
            shown = tile.select_one(f".np-tile__{field}")
            assert shown is not None and shown.get_text(strip=True) == texts[language], (slug, field, language)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_note_page_is_built_in_each_language(shipped_site: BuildResult, language: str) -> None:
    """Every note in docs/ is at ``<category>/<name>/`` (zh) and ``en/<category>/<name>/``: the
    English page shows the translation's title when ``<name>.en.md`` exists, else the Chinese one."""
    prefix = LANGUAGES[language]
    expected = {f"{prefix}{note.url}": (language, note.title(language)) for note in source_notes()}
    actual = {}
    for url in expected:
        assert shipped_site.exists(url), f"{url} was not built"
        page = shipped_site.html(url)
        actual[url] = (page.html.get("lang"), h1_text(page))
    assert actual == expected


def test_translated_notes_are_english_and_untranslated_ones_fall_back(shipped_site: BuildResult) -> None:
    """On the English site a translated note's article comes from ``.en.md`` (an English title,
    a different text than the Chinese page), while an untranslated note shows the Chinese article."""
    translated = [n for n in source_notes() if n.en]
    untranslated = [n for n in source_notes() if not n.en]
    assert translated and untranslated
    for note in translated:
        en_title = note.title("en")
        assert en_title != note.title("zh") and not re.search(r"[\u4e00-\u9fff]", en_title), note.en
        assert h1_text(shipped_site.html(f"en/{note.url}")) == en_title
        assert first_paragraph(shipped_site.html(f"en/{note.url}")) != first_paragraph(shipped_site.html(note.url))
    for note in untranslated:
        en_page = shipped_site.html(f"en/{note.url}")
        assert h1_text(en_page) == note.title("zh")
        assert first_paragraph(en_page) == first_paragraph(shipped_site.html(note.url)), note.url


# -- the notes' data ----------------------------------------------------------------------------


def test_every_note_and_translation_has_title_date_and_tags() -> None:
    """Each note file (translations too) has a text title, a real date and a non-empty tag list."""
    files = [n.zh for n in source_notes()] + translations()
    problems = []
    for path in files:
        meta = front_matter(path)
        if not (isinstance(meta.get("title"), str) and meta["title"].strip()):
            problems.append(f"{path.name}: title {meta.get('title')!r}")
        if not isinstance(meta.get("date"), dt.date):
            problems.append(f"{path.name}: date {meta.get('date')!r}")
        tags = meta.get("tags")
        if not (isinstance(tags, list) and tags and all(isinstance(t, str) and t.strip() for t in tags)):
            problems.append(f"{path.name}: tags {tags!r}")
    assert problems == []


def test_every_translation_has_its_chinese_note() -> None:
    """``x.en.md`` translates ``x.md``: there is no translation without an original."""
    orphans = [p.name for p in translations() if not p.with_name(p.name.replace(".en.md", ".md")).is_file()]
    assert orphans == []


def test_leetcode_notes_have_problem_number_difficulty_and_topics() -> None:
    """Every LeetCode note (and translation) names its problem number (the file's number),
    an allowed difficulty and only configured topics; a translation repeats its original's block."""
    problems = []
    leetcode_files = [n.zh for n in source_notes() if n.category == "leetcode"]
    leetcode_files += [p for p in translations() if p.parent.name == "leetcode"]
    for path in leetcode_files:
        block = front_matter(path).get("leetcode")
        if not isinstance(block, dict):
            problems.append(f"{path.name}: leetcode block {block!r}")
            continue
        if block.get("id") != int(path.name.split("-", 1)[0]):
            problems.append(f"{path.name}: leetcode.id {block.get('id')!r}")
        if block.get("difficulty") not in DIFFICULTIES:
            problems.append(f"{path.name}: leetcode.difficulty {block.get('difficulty')!r}")
        topics = block.get("topics")
        if not (isinstance(topics, list) and topics and set(topics) <= LEETCODE_TOPICS):
            problems.append(f"{path.name}: leetcode.topics {topics!r}")
        if path.name.endswith(".en.md"):
            original = front_matter(path.with_name(path.name.replace(".en.md", ".md")))["leetcode"]
            if block != original:
                problems.append(f"{path.name}: leetcode {block!r} differs from the original's {original!r}")
    assert problems == []


def test_content_is_large_enough() -> None:
    """At least 4 notes per category, 20 LeetCode notes covering all 9 topics, 8 translations."""
    per_category = {c["slug"]: sum(1 for n in source_notes() if n.category == c["slug"])
                    for c in portal_categories()}
    assert {slug: count for slug, count in per_category.items() if count < 4} == {}
    leetcode = [n for n in source_notes() if n.category == "leetcode"]
    assert len(leetcode) >= 20
    covered = {topic for note in leetcode for topic in front_matter(note.zh)["leetcode"]["topics"]}
    assert covered == LEETCODE_TOPICS
    assert len(translations()) >= 8


# -- math -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_url", [MATH_NOTE, f"en/{MATH_NOTE}"])
def test_math_is_left_for_local_katex(shipped_site: BuildResult, page_url: str) -> None:
    """Arithmatex keeps ``\\(..\\)`` / ``\\[..\\]`` source in .arithmatex spans and divs, and the
    page loads KaTeX, then katex-init.js, and KaTeX's stylesheet from this site."""
    page = shipped_site.html(page_url)
    inline = page.select("article span.arithmatex")
    display = page.select("article div.arithmatex")
    assert inline and display
    for element in inline:
        text = element.get_text().strip()
        assert text.startswith("\\(") and text.endswith("\\)"), text
    for element in display:
        text = element.get_text().strip()
        assert text.startswith("\\[") and text.endswith("\\]"), text
    assert any("\\operatorname{Attention}(Q, K, V)" in e.get_text() for e in display)

    scripts = [path_from_root(page_url, s["src"]) for s in page.find_all("script", src=True)]
    assert "assets/katex/katex.min.js" in scripts
    assert "assets/javascripts/katex-init.js" in scripts
    assert scripts.index("assets/katex/katex.min.js") < scripts.index("assets/javascripts/katex-init.js")
    stylesheets = [path_from_root(page_url, link["href"]) for link in page.find_all("link", rel="stylesheet")]
    assert "assets/katex/katex.min.css" in stylesheets
    for path in ("assets/katex/katex.min.js", "assets/javascripts/katex-init.js", "assets/katex/katex.min.css"):
        file = shipped_site.site_dir / path
        assert file.is_file() and file.stat().st_size > 0, path


def test_katex_fonts_are_served_by_the_site(shipped_site: BuildResult) -> None:
    """Every font KaTeX's stylesheet refers to is a relative URL to a file in the built site."""
    css_path = "assets/katex/katex.min.css"
    targets = css_targets((shipped_site.site_dir / css_path).read_text(encoding="utf-8"))
    fonts = [t for t in targets if not t.startswith("data:")]
    assert len(fonts) >= 20, fonts
    remote = [t for t in fonts if REMOTE_URL.match(t)]
    missing = [t for t in fonts if not REMOTE_URL.match(t)
               and not (shipped_site.site_dir / path_from_root(css_path, t)).is_file()]
    assert remote == []
    assert missing == []


# -- no third-party hosts -------------------------------------------------------------------------


def test_no_page_loads_anything_from_another_host(shipped_site: BuildResult) -> None:
    """No built page has a script, stylesheet, icon, feed, image, media or frame from an
    absolute or protocol-relative URL; only ``rel=canonical`` names the site's own address."""
    pages = sorted(shipped_site.site_dir.rglob("*.html"))
    assert len(pages) >= 2 * len(source_notes())
    offenders = []
    for file in pages:
        relative = file.relative_to(shipped_site.site_dir).as_posix()
        page = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for tag, attributes in RESOURCE_ATTRIBUTES.items():
            for element in page.find_all(tag):
                for attribute in attributes:
                    value = element.get(attribute)
                    if not value:
                        continue
                    if tag == "link" and "canonical" in (element.get("rel") or []):
                        page_url = relative.removesuffix("index.html")
                        # Addresses are percent-encoded (tags/注意力/ → tags/%E6%B3%A8…/).
                        if value != site_url() + quote(page_url):
                            offenders.append(f"{relative}: canonical {value}")
                        continue
                    candidates = [c.split()[0] for c in value.split(",") if c.strip()] \
                        if attribute == "srcset" else [value]
                    offenders += [f"{relative}: <{tag} {attribute}={c}>" for c in candidates if REMOTE_URL.match(c)]
        inline_css = [style.get_text() for style in page.find_all("style")]
        inline_css += [element["style"] for element in page.find_all(style=True)]
        offenders += [f"{relative}: inline CSS {t}" for css in inline_css for t in css_targets(css)
                      if REMOTE_URL.match(t)]
    assert offenders == []


def test_no_stylesheet_imports_from_another_host(shipped_site: BuildResult) -> None:
    """No built .css file has an ``@import`` or ``url()`` to an http(s) or ``//`` URL."""
    stylesheets = sorted(shipped_site.site_dir.rglob("*.css"))
    assert {"assets/katex/katex.min.css", "assets/stylesheets/notes-portal.css"} <= {
        s.relative_to(shipped_site.site_dir).as_posix() for s in stylesheets}
    offenders = [f"{s.relative_to(shipped_site.site_dir)}: {t}" for s in stylesheets
                 for t in css_targets(s.read_text(encoding="utf-8")) if REMOTE_URL.match(t)]
    assert offenders == []


# -- Atom feeds -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_each_language_advertises_and_ships_its_atom_feed(shipped_site: BuildResult, language: str) -> None:
    """Pages link their language's feed in <head>; the feed is Atom in that language, holds the
    newest notes of that site, and its first entry is the home page's first feed item."""
    prefix = LANGUAGES[language]
    feed_path = f"{prefix}feed.xml"
    for page_url in (prefix, f"{prefix}{MATH_NOTE}", f"{prefix}leetcode/"):
        links = shipped_site.html(page_url).select('head link[rel="alternate"][type="application/atom+xml"]')
        assert [path_from_root(page_url, link["href"]) for link in links] == [feed_path], page_url

    root = etree.parse(str(shipped_site.site_dir / feed_path)).getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == language
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(ATOM_ENTRIES, len(source_notes()))

    home_items = feed_item_links(shipped_site.html(prefix))
    assert home_items, "the home page lists no notes"
    first_title, first_href = home_items[0]
    assert entries[0].findtext(f"{ATOM}title") == first_title
    assert entries[0].find(f"{ATOM}link").get("href") == site_url() + path_from_root(prefix, first_href)
    in_english_site = [entry.find(f"{ATOM}link").get("href").startswith(site_url() + "en/") for entry in entries]
    assert in_english_site == [language == "en"] * len(entries)


# -- search ---------------------------------------------------------------------------------------


def test_search_indexes_chinese_as_character_pairs_per_language(shipped_site: BuildResult) -> None:
    """Each language has its own Pagefind bundle; Chinese text is indexed as overlapping
    character pairs (自注意力 → 自注 注意 意力), English as words; Material's own index is empty."""
    material_index = json.loads((shipped_site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    assert material_index["docs"] == []

    zh_pages = shipped_site.search_pages()
    note = zh_pages[MATH_NOTE]
    assert note["meta"]["title"] == MATH_NOTE_ZH_TITLE
    assert "注意 意力" in note["content"]
    assert all(not url.startswith("en/") for url in zh_pages)

    en_pages = shipped_site.search_pages("en/")
    math_note = next(note for note in source_notes() if note.url == MATH_NOTE)
    assert en_pages[f"en/{MATH_NOTE}"]["meta"]["title"] == math_note.title("en")
    assert all(url.startswith("en/") for url in en_pages)
    assert "self-attention" in en_pages[f"en/{MATH_NOTE}"]["content"].lower()


def test_sitemaps_are_slim_and_per_language(shipped_site: BuildResult) -> None:
    """The root sitemap lists every built page of both languages by address, with hreflang links only
    between a page and its translation (instant navigation reads it on every fresh visit); en/sitemap.xml lists the English pages only (the language
    selector maps pages with it)."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    site = shipped_site.site_dir
    built = sorted(
        "https://notes.example.org/" + quote((path.parent.relative_to(site).as_posix() + "/").removeprefix("./"))
        for path in site.rglob("index.html")
        if not path.relative_to(site).as_posix().startswith(("pagefind/", "en/pagefind/", "assets/")))
    root = etree.parse(str(site / "sitemap.xml")).getroot()
    assert sorted(loc.text for loc in root.iterfind("s:url/s:loc", ns)) == built
    assert root.find(".//s:lastmod", ns) is None
    # hreflang links only where both languages wrote the page (a translation, x.en.md), both ways.
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    linked = {url.findtext("s:loc", namespaces=ns): sorted((link.get("hreflang"), link.get("href"))
                                                           for link in url.iter(xhtml))
              for url in root.iterfind("s:url", ns) if url.find(xhtml) is not None}
    pages = sorted(path.relative_to(DOCS).as_posix().removesuffix(".en.md").removesuffix("index")
                   for path in DOCS.rglob("*.en.md"))
    both = [[("en", f"https://notes.example.org/en/{quote(page)}" + ("/" if page else "")),
             ("zh", f"https://notes.example.org/{quote(page)}" + ("/" if page else ""))] for page in pages]
    assert linked == {url: links for links in both for _, url in links}
    english = etree.parse(str(site / "en" / "sitemap.xml")).getroot()
    assert sorted(loc.text for loc in english.iterfind("s:url/s:loc", ns)) == [
        url for url in built if url.startswith("https://notes.example.org/en/")]
    assert len(built) > 150  # both languages: notes, feed pages, categories, LeetCode ranges and topics


def test_not_found_page_at_the_root_is_the_default_language(shipped_site: BuildResult) -> None:
    """GitHub Pages serves the root 404.html for every missing address: it is the Chinese page (and
    searches the Chinese index); the English one is at en/404.html."""
    root = shipped_site.html("404.html")
    assert root.html["lang"] == "zh"
    worker = "np-search.js?v=" + shipped_version("assets/javascripts/workers/np-search.js")
    assert json.loads(root.select_one("#__config").string)["search"].endswith(worker)
    english = shipped_site.html("en/404.html")
    assert english.html["lang"] == "en"
    assert json.loads(english.select_one("#__config").string)["search"].endswith(
        worker.replace("?", "?index=en&fallback=zh&label=Chinese&"))
