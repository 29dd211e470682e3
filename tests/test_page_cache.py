"""The page output cache: whole pages kept under a digest of everything their template reads.

A warm build (``mkdocs build`` without ``--clean``) hands a page's template the HTML kept from
an earlier build when the page's inputs are unchanged. Each site test here builds a fixture
portal for real, changes one input that some *other* page shows (another note's title, date,
tags or text, a template of the custom_dir, a configuration value, a translation, a language's
name) and reads that page from the next warm build: a page served from the cache under an
incomplete key would still show the old value, and the test would fail. The build log's line
``build cache: …; P pages drawn from the cache, D drawn`` says what the page cache gave
(``sites.cache_report``). Then: what must never be served (a template showing the build date,
a context value the cache can't describe, a damaged entry).

The last tests are unit tests of ``template_inputs.Describer``, which turns context values into
the text the key is made of.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
import textwrap
import zlib
from collections.abc import Callable
from pathlib import Path
from types import MappingProxyType

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup
from notes_portal.caching.template_inputs import Describer, Undescribable
from notes_portal.views.note_facts import NoteLink, NoteView, TagLink
from sites import (
    CACHE_DIR,
    REPO,
    BuildResult,
    FixtureSite,
    cache_report,
    h1_text,
    mkdocs_config,
    url_path,
)

#: Every note page of the fixture portal, in both languages (A and C are untranslated).
NOTE_PAGES = ["nlp/a/", "nlp/b/", "deep-learning/c/", "en/nlp/a/", "en/nlp/b/", "en/deep-learning/c/"]
#: Drawn by MkDocs without a page context (``on_page_context`` never runs): never in the page cache.
NOT_FOUND_PAGES = {"404.html", "en/404.html"}


# -- the fixture portal and how to read it -------------------------------------------------------


def write_b(site: FixtureSite, title: str, *, in_heading: bool = False, date: str = "2024-02-01") -> None:
    """Note B, newer than A in A's category: A's previous page, related by tag, linking to A.
    Its title is in the front matter, or (``in_heading``) only in its first heading."""
    text = "乙的正文，见[甲](a.md)。"
    if not in_heading:
        site.note("nlp/b.md", title, date, text, tags=["注意力"])
        return
    site.write("nlp/b.md", f"---\ndate: {date}\ntags: [注意力]\n---\n\n# {title}\n\n{text}\n", dedent=False)


@pytest.fixture
def portal(site: FixtureSite) -> FixtureSite:
    """A and B in one category (B links to A, both tagged 注意力; B has a translation), C in
    another with its own tag. The shipped theme features, so that prev/next links show."""
    site.extra_config["theme"] = {**site.config()["theme"], "features": mkdocs_config()["theme"]["features"]}
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文。", tags=["注意力"])
    write_b(site, "笔记乙")
    site.note("nlp/b.en.md", "Note B", "2024-02-01", "The text of B, see [A](a.md).", tags=["注意力"])
    site.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。", tags=["卷积"])
    return site


def own_overrides(site: FixtureSite, tmp_path: Path) -> Path:
    """A copy of the repository's ``overrides/`` as the fixture's custom_dir, to edit."""
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    site.extra_config["theme"] = {**site.config()["theme"], "custom_dir": str(overrides)}
    return overrides


def html_pages(result: BuildResult) -> list[str]:
    return sorted(p.relative_to(result.site_dir).as_posix() for p in result.site_dir.rglob("*.html"))


def filled(result: BuildResult) -> BuildResult:
    """A build that put pages into the page cache (so the next one may take them from it)."""
    assert cache_report(result).pages_drawn > 0, result.output
    return result


def link_texts(page: BeautifulSoup, selector: str) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(selector)]


def where_b_is_shown(result: BuildResult, path: str) -> dict[str, object]:
    """What the page at ``path`` shows for note B, place by place."""
    page = result.html(path)
    previous = page.select_one(".md-footer__link--prev .md-ellipsis")
    return {
        "navigation": [a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")
                       if url_path(path, a["href"]) == "/nlp/b/"],
        "previous page": previous.get_text(strip=True) if previous else None,
        "related": link_texts(page, "section.np-related a"),
        "backlinks": link_texts(page, "section.np-backlinks a"),
    }


def language_links(result: BuildResult, path: str) -> dict[str, tuple[str, str]]:
    """The language selector of a page: its (name, href) by language."""
    return {a["hreflang"]: (a.get_text(strip=True), a["href"]) for a in result.html(path).select("a.md-select__link")}


def page_entries(site: FixtureSite) -> list[Path]:
    """Files of the page output cache (kind ``page`` of the store)."""
    return sorted(p for p in (site.root / CACHE_DIR).glob("*/page/*/*") if not p.name.startswith(".tmp"))


def kept_page(entry: Path) -> tuple[bytes, str]:
    """An entry's header line and the page it holds (``NPC1 <sha256>``, zlib-compressed HTML)."""
    header, _, payload = entry.read_bytes().partition(b"\n")
    return header, zlib.decompress(payload).decode("utf-8")


# -- a warm build repeats the cold one -----------------------------------------------------------


def test_an_unchanged_site_is_drawn_from_the_cache_byte_for_byte(portal: FixtureSite) -> None:
    cold = portal.build(site_dir=portal.root / "cold")  # --clean: reads no cache, fills it
    warm = portal.build(site_dir=portal.root / "warm", clean=False)
    pages = html_pages(cold)
    assert html_pages(warm) == pages
    report = cache_report(warm)
    assert report.pages_drawn == 0, warm.output
    assert report.pages_from_cache == len(set(pages) - NOT_FOUND_PAGES)
    # No page of this portal shows the build's date (Material's templates don't), so nothing may differ.
    different = [p for p in pages if (cold.site_dir / p).read_bytes() != (warm.site_dir / p).read_bytes()]
    assert different == []


# -- what other notes decide on a note's page ----------------------------------------------------


@pytest.mark.parametrize("in_heading", [False, True], ids=["front-matter-title", "first-heading-title"])
def test_another_notes_new_title_shows_wherever_a_page_shows_that_note(portal: FixtureSite, in_heading: bool) -> None:
    write_b(portal, "笔记乙", in_heading=in_heading)
    before = filled(portal.build(clean=False))
    assert where_b_is_shown(before, "nlp/a/") == {
        "navigation": ["笔记乙"], "previous page": "笔记乙", "related": ["笔记乙"], "backlinks": ["笔记乙"]}
    write_b(portal, "乙的新标题", in_heading=in_heading)  # A's own file is untouched
    after = portal.build(clean=False)
    assert where_b_is_shown(after, "nlp/a/") == {
        "navigation": ["乙的新标题"], "previous page": "乙的新标题", "related": ["乙的新标题"],
        "backlinks": ["乙的新标题"]}
    # C shows B in its navigation only: nothing of C's own changed.
    assert where_b_is_shown(after, "deep-learning/c/")["navigation"] == ["乙的新标题"]
    assert h1_text(after.html("nlp/b/")) == "乙的新标题"
    assert where_b_is_shown(after, "en/nlp/a/")["related"] == ["Note B"]  # the translation's title stays


def test_another_notes_new_date_reorders_the_navigation_of_every_page(portal: FixtureSite) -> None:
    """B's date moves it behind A in the navigation (newest first); C's page shows B in its
    navigation only, and B's title and address stay: only the navigation tells."""

    def navigation(result: BuildResult) -> list[str]:
        page = "deep-learning/c/"
        return [a.get_text(strip=True) for a in result.html(page).select("nav.md-nav--primary a.md-nav__link")
                if url_path(page, a["href"]) in ("/nlp/a/", "/nlp/b/")]

    assert navigation(filled(portal.build(clean=False))) == ["笔记乙", "笔记甲"]
    write_b(portal, "笔记乙", date="2023-12-01")
    assert navigation(portal.build(clean=False)) == ["笔记甲", "笔记乙"]


def test_another_notes_new_date_changes_the_previous_and_next_links(portal: FixtureSite) -> None:
    """E, older than A, becomes newer than A: A's previous and next notes change, and nothing else
    on A's page (the navigation lists one note per category: B; E stays second in A's related)."""
    portal.plugin_config["nav_notes_per_category"] = 1
    portal.note("nlp/e.md", "笔记戊", "2023-06-01", "戊的正文。")

    def around_a(result: BuildResult) -> list[str | None]:
        """The titles of A's previous and next notes (Material's footer)."""
        page = result.html("nlp/a/")
        links = [page.select_one(f".md-footer__link--{side} .md-ellipsis") for side in ("prev", "next")]
        return [link.get_text(strip=True) if link else None for link in links]

    before = filled(portal.build(clean=False))
    assert around_a(before) == ["笔记乙", "笔记戊"]
    assert link_texts(before.html("nlp/a/"), "section.np-related a") == ["笔记乙", "笔记戊"]
    portal.note("nlp/e.md", "笔记戊", "2024-01-15", "戊的正文。")  # A is untouched
    after = portal.build(clean=False)
    assert around_a(after) == ["笔记戊", None]
    assert link_texts(after.html("nlp/a/"), "section.np-related a") == ["笔记乙", "笔记戊"]


def test_a_tag_another_note_gains_lists_it_among_the_related_notes(portal: FixtureSite) -> None:
    """C takes A's tag. With one note per category in the navigation, and a newer note D there
    instead of C, C's front matter is in no page's navigation: A's page changes only by its
    related notes (and the count of its tag)."""
    portal.plugin_config["nav_notes_per_category"] = 1
    portal.note("deep-learning/d.md", "笔记丁", "2024-04-01", "丁的正文。")
    before = filled(portal.build(clean=False))
    assert link_texts(before.html("nlp/a/"), "section.np-related a") == ["笔记乙"]
    assert link_texts(before.html("en/nlp/a/"), "section.np-related a") == ["Note B"]
    assert "笔记丙" not in link_texts(before.html("nlp/a/"), "nav.md-nav--primary a.md-nav__link")
    # A's file is untouched.
    portal.note("deep-learning/c.md", "笔记丙", "2024-03-01", "丙的正文。", tags=["卷积", "注意力"])
    after = portal.build(clean=False)
    assert link_texts(after.html("nlp/a/"), "section.np-related a") == ["笔记乙", "笔记丙"]
    assert link_texts(after.html("en/nlp/a/"), "section.np-related a") == ["Note B", "笔记丙"]
    assert link_texts(after.html("deep-learning/c/"), ".np-note-meta a.np-tag") == ["卷积", "注意力"]
    assert cache_report(after).pages_from_cache > 0  # the pages C's tags don't reach still come from the cache


def test_another_notes_new_text_shows_in_its_excerpt_on_the_lists(portal: FixtureSite) -> None:
    """Portal pages (home, category, tag) draw their lists from ``np``: B's excerpt there follows B."""
    lists = ["", "nlp/", "tags/注意力/"]

    def excerpt_of_b(result: BuildResult, path: str) -> str | None:
        for item in result.html(path).select("article.np-feed-item"):
            if url_path(path, item.select_one(".np-feed-item__title a")["href"]) == "/nlp/b/":
                return item.select_one("p.np-feed-item__excerpt").get_text(strip=True)
        return None

    before = filled(portal.build(clean=False))
    assert [excerpt_of_b(before, path) for path in lists] == ["乙的正文，见甲。"] * 3
    source = portal.docs / "nlp/b.md"
    source.write_text(source.read_text(encoding="utf-8").replace("乙的正文", "乙的新正文"), encoding="utf-8")
    after = portal.build(clean=False)
    assert [excerpt_of_b(after, path) for path in lists] == ["乙的新正文，见甲。"] * 3


# -- templates and configuration -----------------------------------------------------------------

MARKER = '<p class="np-test-marker">新模板</p>'


def _append(text: str) -> str:
    return text + MARKER + "\n"


def _into_content_block(text: str) -> str:
    assert "{% block content %}" in text
    return text.replace("{% block content %}", "{% block content %}" + MARKER, 1)


@pytest.mark.parametrize(("template", "edit"), [("partials/np-note-meta.html", _append),
                                                ("main.html", _into_content_block)],
                         ids=["included-partial", "main.html"])
def test_an_edited_custom_dir_template_shows_on_every_note_page(portal: FixtureSite, tmp_path: Path,
                                                                template: str, edit: Callable[[str], str]) -> None:
    overrides = own_overrides(portal, tmp_path)
    before = filled(portal.build(clean=False))
    assert all(before.html(path).select("p.np-test-marker") == [] for path in NOTE_PAGES)
    file = overrides / template
    file.write_text(edit(file.read_text(encoding="utf-8")), encoding="utf-8")
    after = portal.build(clean=False)
    shown = {path: link_texts(after.html(path), "p.np-test-marker") for path in NOTE_PAGES}
    assert shown == {path: ["新模板"] for path in NOTE_PAGES}
    assert cache_report(after).notes_rendered == 0  # the notes' Markdown still comes from the cache


def _copyright(site: FixtureSite, value: str) -> None:
    site.extra_config["copyright"] = value


def _site_name(site: FixtureSite, value: str) -> None:
    site.extra_config["site_name"] = value


def _social_link(site: FixtureSite, value: str) -> None:
    site.extra_config["extra"] = {"social": [{"icon": "fontawesome/brands/github", "link": value}]}


def _shown_copyright(page: BeautifulSoup) -> str:
    return page.select_one(".md-copyright__highlight").get_text(strip=True)


def _shown_site_name(page: BeautifulSoup) -> str:
    return page.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)


def _shown_social_link(page: BeautifulSoup) -> str:
    return page.select_one(".md-social a")["href"]


@pytest.mark.parametrize(("configure", "shown", "pages", "old", "new"), [
    (_copyright, _shown_copyright, NOTE_PAGES, "© 2024 甲", "© 2025 乙"),
    # The English build's site_name is mkdocs-static-i18n's (``Notes``): the Chinese pages show ours.
    (_site_name, _shown_site_name, ["", "nlp/", "nlp/a/", "nlp/b/", "deep-learning/c/"], "笔记", "新的笔记站"),
    (_social_link, _shown_social_link, NOTE_PAGES, "https://github.com/old", "https://github.com/new"),
], ids=["copyright", "site_name", "extra.social"])
def test_a_changed_configuration_value_shows_on_the_pages(portal: FixtureSite, configure: Callable, shown: Callable,
                                                          pages: list[str], old: str, new: str) -> None:
    configure(portal, old)
    before = filled(portal.build(clean=False))
    assert {path: shown(before.html(path)) for path in pages} == {path: old for path in pages}
    configure(portal, new)
    after = portal.build(clean=False)
    assert {path: shown(after.html(path)) for path in pages} == {path: new for path in pages}


# -- languages (mkdocs-static-i18n) --------------------------------------------------------------


def test_both_language_pages_of_an_untranslated_note_come_from_the_cache_as_built(portal: FixtureSite) -> None:
    cold = portal.build(site_dir=portal.root / "cold")
    warm = portal.build(site_dir=portal.root / "warm", clean=False)
    assert cache_report(warm).pages_drawn == 0
    for page in ("nlp/a/index.html", "en/nlp/a/index.html"):
        assert (warm.site_dir / page).read_bytes() == (cold.site_dir / page).read_bytes()
    chinese, english = warm.html("nlp/a/"), warm.html("en/nlp/a/")
    assert (chinese.html["lang"], english.html["lang"]) == ("zh", "en")
    assert h1_text(chinese) == h1_text(english) == "笔记甲"  # the English site falls back to the Chinese text
    assert english.select_one(".np-reading-time").get_text(strip=True) == "1 min read"
    assert language_links(warm, "nlp/a/") == {"zh": ("中文", "./"), "en": ("English", "../../en/nlp/a/")}
    assert language_links(warm, "en/nlp/a/") == {"zh": ("中文", "../../../nlp/a/"), "en": ("English", "./")}
    assert english.select_one("[data-np-alternates]")["data-np-alternates"] == '["../../../nlp/a/", "./"]'


def test_translating_a_note_changes_the_english_pages_that_link_to_it(portal: FixtureSite) -> None:
    """B's English page lists A as untranslated (Chinese title, ``lang="zh"``) until A has a
    translation; B's own files don't change."""
    before = filled(portal.build(clean=False))
    related = before.html("en/nlp/b/").select("section.np-related a")
    assert [(a.get_text(strip=True), a.get("lang")) for a in related] == [("笔记甲", "zh")]
    portal.note("nlp/a.en.md", "Note A", "2024-01-01", "The text of A.", tags=["注意力"])
    after = portal.build(clean=False)
    related = after.html("en/nlp/b/").select("section.np-related a")
    assert [(a.get_text(strip=True), a.get("lang")) for a in related] == [("Note A", None)]
    assert after.html("en/nlp/b/").select_one(".md-footer__link--next .md-ellipsis").get_text(strip=True) == "Note A"
    assert h1_text(after.html("en/nlp/a/")) == "Note A"
    assert [(a.get_text(strip=True), a.get("lang")) for a in after.html("nlp/b/").select("section.np-related a")] \
        == [("笔记甲", None)]


def test_a_renamed_language_shows_in_the_language_links_of_both_pages(portal: FixtureSite) -> None:
    portal.extra_config["plugins"] = plugins = portal.config()["plugins"]
    english = plugins[1]["i18n"]["languages"][1]
    assert (english["locale"], english["name"]) == ("en", "English")
    filled(portal.build(clean=False))
    english["name"] = "英文版"
    after = portal.build(clean=False)
    assert language_links(after, "nlp/a/") == {"zh": ("中文", "./"), "en": ("英文版", "../../en/nlp/a/")}
    assert language_links(after, "en/nlp/a/") == {"zh": ("中文", "../../../nlp/a/"), "en": ("英文版", "./")}
    assert (after.html("nlp/a/").html["lang"], after.html("en/nlp/a/").html["lang"]) == ("zh", "en")


# -- when the cache must not serve ---------------------------------------------------------------


def show_on_every_page(site: FixtureSite, tmp_path: Path, template_html: str) -> None:
    """Give ``site`` its own ``main.html`` that draws ``template_html`` at the top of every page's content."""
    main = own_overrides(site, tmp_path) / "main.html"
    main.write_text(_into_content_block(main.read_text(encoding="utf-8")).replace(MARKER, template_html),
                    encoding="utf-8")


def test_a_template_showing_the_build_date_turns_the_page_cache_off(portal: FixtureSite, tmp_path: Path) -> None:
    show_on_every_page(portal, tmp_path, '<p class="np-built">{{ build_date_utc.strftime("%Y-%m-%d %H:%M") }}</p>')
    # MkDocs takes the build date from SOURCE_DATE_EPOCH when it is set.
    results = two_builds_show_their_own(portal, "SOURCE_DATE_EPOCH", "p.np-built",
                                        {"1700000000": "2023-11-14 22:13", "1710000000": "2024-03-09 16:00"})
    assert all("pages drawn from the cache" not in result.output for result in results)


def two_builds_show_their_own(portal: FixtureSite, variable: str, selector: str,
                              shown: dict[str, str]) -> list[BuildResult]:
    """Two warm builds, with ``variable`` set to each key of ``shown`` in turn: every note page
    shows that build's value at ``selector``; neither build kept or served a page from the page
    cache, and the second still took the notes' Markdown from the build cache."""
    results = [portal.build(clean=False, site_dir=portal.root / f"build-{n}", env={variable: value})
               for n, value in enumerate(shown)]
    for result, text in zip(results, shown.values()):
        assert {path: link_texts(result.html(path), selector) for path in NOTE_PAGES} == \
            {path: [text] for path in NOTE_PAGES}
    for result in results:
        report = cache_report(result)
        assert (report.pages_from_cache, report.pages_drawn) == (0, 0), result.output  # nothing kept, nothing served
    assert cache_report(results[-1]).notes_from_cache > 0
    return results


def write_hook(site: FixtureSite, name: str, text: str) -> None:
    """A hook of MkDocs (``hooks:`` in mkdocs.yml), next to mkdocs.yml."""
    (site.root / name).write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    site.extra_config["hooks"] = [*site.extra_config.get("hooks", []), name]


def test_a_hook_that_sets_a_page_attribute_turns_the_page_cache_off(portal: FixtureSite, tmp_path: Path) -> None:
    """The key is closed: it holds what the known plugins set on a page, and no more. A hook (MkDocs
    lists it among ``config.plugins``) sets ``page.authors``, as Material's blog plugin does, from
    outside any file MkDocs reads, and a template shows it: with it configured no page comes from
    the page cache, so a warm build never shows the last build's authors."""
    write_hook(portal, "authors.py", """
        import os


        def on_page_context(context, page, config, nav):
            page.authors = os.environ.get("NP_AUTHORS", "").split(",")
            return context
    """)
    show_on_every_page(portal, tmp_path, '<p class="np-authors">{{ page.authors | join(" / ") }}</p>')
    results = two_builds_show_their_own(portal, "NP_AUTHORS", "p.np-authors", {"甲,乙": "甲 / 乙", "丙": "丙"})
    assert all("page cache off: the plugin or hook 'authors.py'" in result.output for result in results)


def test_a_page_whose_context_cant_be_described_is_drawn_every_time(portal: FixtureSite, tmp_path: Path) -> None:
    """A hook puts an object of its own kind into every page's context, and a template shows it:
    such a page is drawn by its template on every build and never kept."""
    write_hook(portal, "stamp.py", """
        import os


        class Stamp:
            def __str__(self):
                return os.environ.get("NP_STAMP", "")


        def on_page_context(context, page, config, nav):
            context["np_stamp"] = Stamp()
            return context
    """)
    show_on_every_page(portal, tmp_path, '<p class="np-stamp">{{ np_stamp }}</p>')
    first = portal.build(clean=False, site_dir=portal.root / "first", env={"NP_STAMP": "第一次"})
    second = portal.build(clean=False, site_dir=portal.root / "second", env={"NP_STAMP": "第二次"})
    for result, stamp in ((first, "第一次"), (second, "第二次")):
        report = cache_report(result)
        assert (report.pages_from_cache, report.pages_drawn) == (0, 0), result.output  # nothing kept, nothing served
        assert {path: link_texts(result.html(path), "p.np-stamp") for path in NOTE_PAGES} == \
            {path: [stamp] for path in NOTE_PAGES}


@pytest.mark.parametrize("damage", ["corrupt", "partial"])
def test_a_damaged_page_entry_gives_one_warning_and_the_right_page(portal: FixtureSite, damage: str) -> None:
    first = filled(portal.build(clean=False, site_dir=portal.root / "first"))
    canonical = '<link rel="canonical" href="https://notes.example.org/nlp/a/">'
    held = [entry for entry in page_entries(portal) if canonical in kept_page(entry)[1]]
    assert len(held) == 1, [str(p) for p in page_entries(portal)]
    entry = held[0]
    header, html = kept_page(entry)
    assert "甲的正文" in html
    if damage == "corrupt":  # a whole zlib stream of another page, under the old checksum
        entry.write_bytes(header + b"\n" + zlib.compress(html.replace("甲的正文", "BAD-TEXT").encode("utf-8")))
    else:
        raw = entry.read_bytes()
        entry.write_bytes(raw[: len(raw) // 2])
    result = portal.build(clean=False, strict=True, site_dir=portal.root / "damaged")
    assert result.returncode == 0, result.output  # the site is right: --strict has nothing to fail for
    damaged = [line for line in result.output.splitlines() if "damaged build cache entry" in line]
    assert len(damaged) == 1 and damaged[0].startswith("WARNING") and "/page/" in damaged[0], result.output
    page = (result.site_dir / "nlp/a/index.html").read_bytes()
    assert page == (first.site_dir / "nlp/a/index.html").read_bytes()
    assert b"BAD-TEXT" not in page
    assert cache_report(result).pages_drawn == 1  # only that page is drawn again
    healed = portal.build(clean=False, site_dir=portal.root / "healed")
    assert "damaged build cache entry" not in healed.output and cache_report(healed).pages_drawn == 0


# -- the Describer: context values as the text of the key ----------------------------------------


def note_view(**changes: object) -> NoteView:
    """A's ``np_note``, as ``Portal.note_view`` makes it (with ``changes``)."""
    fields: dict[str, object] = {
        "t": {"related": "相关笔记", "backlinks": "反向链接"}, "title": "笔记甲", "language": "zh",
        "excerpt": "甲的正文。", "category_name": "自然语言处理",
        "category_url": "nlp/", "date_iso": "2024-01-01", "date_text": "2024年1月1日", "updated_iso": None,
        "updated_text": None, "reading_time": "1 分钟", "tags": [TagLink("注意力", "tags/注意力/", 2)],
        "related": [NoteLink("笔记乙", "nlp/b/", False)], "backlinks": [NoteLink("笔记乙", "nlp/b/", False)],
        "body": "<p>甲的正文。</p>"}
    return NoteView(**{**fields, **changes})  # type: ignore[arg-type]


@dataclasses.dataclass
class Box:
    """A mutable dataclass of the test's own, holding anything."""

    value: object


class Opaque:
    """A kind of value the Describer has no rule for."""


def test_equal_values_in_different_objects_are_described_alike() -> None:
    describer = Describer()
    first = {"np_note": note_view(), "order": {"a": 1, "b": [1, 2]}, "day": dt.date(2024, 1, 1),
             "text": Markup("甲")}
    second = {"text": "甲", "day": dt.date(2024, 1, 1), "order": {"b": [1, 2], "a": 1},
              "np_note": note_view()}
    assert first is not second and first["np_note"] is not second["np_note"]
    assert describer.of(first) == describer.of(second) == Describer().of(second)


@pytest.mark.parametrize(("a", "b"), [
    (note_view(), note_view(related=[NoteLink("乙的新标题", "nlp/b/", False)])),
    (note_view(), note_view(tags=[TagLink("注意力", "tags/注意力/", 3)])),
    (TagLink("注意力", "tags/注意力/", 2), TagLink("注意力", "tags/注意力/", 3)),
    (NoteLink("笔记甲", "nlp/a/", True), NoteLink("笔记甲", "nlp/a/", False)),
    ({"html": "<p>" + "长" * 300 + "甲</p>"}, {"html": "<p>" + "长" * 300 + "乙</p>"}),  # by digest
    ({"count": 1}, {"count": "1"}),
    ({"flag": True}, {"flag": 1}),
    (dt.date(2024, 1, 1), dt.datetime(2024, 1, 1)),
], ids=["related", "tag-count", "frozen-field", "untranslated", "long-text", "int-or-str", "bool-or-int",
        "date-or-datetime"])
def test_a_changed_field_is_described_differently(a: object, b: object) -> None:
    describer = Describer()
    assert describer.of(a) != describer.of(b)


def test_a_mutated_dict_is_described_as_it_is_now() -> None:
    describer = Describer()
    meta = {"title": "旧", "tags": ["甲"]}
    before = describer.of(meta)
    meta["title"] = "新"
    assert describer.of(meta) != before
    assert describer.of(meta) == Describer().of({"title": "新", "tags": ["甲"]})
    meta["tags"].append("乙")
    assert describer.of(meta) == Describer().of({"title": "新", "tags": ["甲", "乙"]})


def test_a_mutated_note_view_is_described_as_it_is_now() -> None:
    """``NoteView`` is made per page and then changed (a plugin may change what it lists)."""
    describer = Describer()
    view = note_view()
    before = describer.of(view)
    view.reading_time = "约 9 分钟"
    assert describer.of(view) != before
    view.backlinks.append(NoteLink("笔记丙", "deep-learning/c/", True))
    assert describer.of(view) == Describer().of(note_view(
        reading_time="约 9 分钟",
        backlinks=[NoteLink("笔记乙", "nlp/b/", False), NoteLink("笔记丙", "deep-learning/c/", True)]))


def test_a_note_views_copy_of_the_page_html_is_left_to_the_pages_own_digest() -> None:
    """``heading`` and ``body`` are the page's HTML cut in two; ``describe_page`` digests the HTML."""
    assert Describer().of(note_view(body="<p>甲</p>")) == Describer().of(note_view(body="<p>乙</p>"))


def test_a_mutated_dict_inside_a_mutable_dataclass_is_described_as_it_is_now() -> None:
    describer = Describer()
    box = Box({"names": ["甲"]})
    before = describer.of(box)
    box.value["names"].append("乙")  # type: ignore[index]
    assert describer.of(box) != before


@dataclasses.dataclass(frozen=True)
class FrozenBox:
    """A frozen dataclass of the test's own: frozen fields, whose values may still be mutable."""

    value: object


@pytest.mark.parametrize("hold", [lambda meta: (meta,), FrozenBox, MappingProxyType],
                         ids=["tuple", "frozen-dataclass", "mapping-proxy"])
def test_a_mutated_dict_inside_an_immutable_holder_is_described_as_it_is_now(hold: Callable) -> None:
    """A tuple, a frozen dataclass or a read-only view can't be changed, and the Describer describes
    each once per build; what they hold (or show, for a proxy) may still be changed in place."""
    describer = Describer()
    meta = {"names": ["甲"]}
    held = hold(meta)
    before = describer.of(held)
    meta["names"].append("乙")
    assert describer.of(held) != before


@pytest.mark.parametrize("value", [Opaque(), {"np_thing": Opaque()}, [1, {"deep": (Opaque(),)}], Box(Opaque()),
                                   lambda: None], ids=["object", "in-a-dict", "nested", "in-a-dataclass", "function"])
def test_an_unknown_object_is_undescribable(value: object) -> None:
    with pytest.raises(Undescribable):
        Describer().of(value)
