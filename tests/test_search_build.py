"""The built site's search files: one Pagefind bundle per language, an empty lunr index, no Pagefind UI."""

from __future__ import annotations

import json

from sites import REPO, BuildResult, shipped_version

DOCS = REPO / "docs"
#: Folders of notes whose index pages are listings (the plugin's category lists), never indexed.
LISTING_NAMES = {"index.md", "index.en.md"}


def authored_pages(suffix: str) -> list[str]:
    """Site URLs (relative to the language root) of docs/<category>/*<suffix> that are not listings."""
    pages = []
    for path in sorted(DOCS.glob(f"*/*{suffix}")):
        if path.name in LISTING_NAMES or (suffix == ".md" and path.name.endswith(".en.md")):
            continue
        pages.append(path.relative_to(DOCS).as_posix()[: -len(suffix)] + "/")
    return pages


def test_each_language_has_its_pagefind_bundle(shipped_site: BuildResult) -> None:
    site = shipped_site.site_dir
    zh = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    en = json.loads((site / "en" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    # Han text arrives as pairs: the Chinese index must not be segmented again ("und"); English is stemmed.
    assert list(zh["languages"]) == ["und"]
    assert list(en["languages"]) == ["en"]
    for bundle in (site / "pagefind", site / "en" / "pagefind"):
        assert (bundle / "pagefind.js").is_file()


def test_english_index_holds_exactly_the_translated_notes(shipped_site: BuildResult) -> None:
    """Translated notes only: no untranslated fallback pages, no home page, no category lists."""
    site = shipped_site.site_dir
    en = json.loads((site / "en" / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    translated = authored_pages(".en.md")
    assert len(translated) == 10  # written out: the shipped notes with an English version
    assert en["languages"]["en"]["page_count"] == len(translated)
    assert sorted(shipped_site.search_pages("en/")) == sorted(f"en/{url}" for url in translated)


def test_chinese_index_holds_every_note_and_no_listing(shipped_site: BuildResult) -> None:
    site = shipped_site.site_dir
    zh = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    notes = authored_pages(".md")
    assert len(notes) == 56
    assert zh["languages"]["und"]["page_count"] == len(notes)
    urls = sorted(shipped_site.search_pages())
    assert urls == notes
    assert "leetcode/" not in urls and "page/2/" not in urls and "" not in urls


def test_lunr_index_is_empty_and_no_pagefind_ui_is_shipped(shipped_site: BuildResult) -> None:
    site = shipped_site.site_dir
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] == []
    shipped_ui = sorted(p.relative_to(site).as_posix() for p in site.rglob("pagefind-*")
                        if p.name != "pagefind-entry.json")
    assert shipped_ui == []
    worker = site / "assets" / "javascripts" / "workers" / "np-search.js"
    assert worker.is_file()


def test_pages_point_materials_search_at_the_portal_worker(shipped_site: BuildResult) -> None:
    """Material's config block names our worker, with ``?index=en`` on the English site, which also
    searches the Chinese bundle (``fallback=zh``) and badges its results "Chinese"; and the version
    of the worker's bytes (a deploy's new worker is fetched, not an old cached one)."""
    version = shipped_version("assets/javascripts/workers/np-search.js")
    for path, expected in [("", f"assets/javascripts/workers/np-search.js?v={version}"),
                           ("nlp/transformer/", f"../../assets/javascripts/workers/np-search.js?v={version}"),
                           ("en/", "../assets/javascripts/workers/np-search.js?index=en&fallback=zh&label=Chinese"
                                   f"&v={version}")]:
        config = json.loads(shipped_site.html(path).find("script", id="__config").string)
        assert config["search"] == expected, path


def test_chinese_records_say_where_they_are_shown_untranslated(shipped_site: BuildResult) -> None:
    """Each record is labelled with its language; a Chinese note without a translation says that
    /en/ shows it as it is (the English worker lists it from the Chinese bundle), a translated one
    doesn't (its English record is found instead)."""
    zh = shipped_site.search_pages()
    translated = set(authored_pages(".en.md"))
    for url, data in zh.items():
        assert data["meta"]["lang"] == "zh", url
        assert data["meta"].get("fallback") == (None if url in translated else "en"), url
    assert zh["algorithm/union-find/"]["meta"]["fallback"] == "en"
    assert "fallback" not in zh["nlp/transformer/"]["meta"]
    for url, data in shipped_site.search_pages("en/").items():
        assert data["meta"]["lang"] == "en" and "fallback" not in data["meta"], url


def test_search_results_name_tags_as_the_page_does(shipped_site: BuildResult) -> None:
    """A result's tag chips read as the note's page shows its tags: docs/nlp/transformer.en.md
    writes ``attention``, and mkdocs.yml names that concept ``Attention`` on the English site."""
    from urllib.parse import unquote

    page = shipped_site.html("en/nlp/transformer/")
    shown = [chip.get_text(strip=True) for chip in page.select("article .np-tags .np-tag")]
    assert "Attention" in shown and "attention" not in shown, shown
    record = shipped_site.search_pages("en/")["en/nlp/transformer/"]
    tags = [unquote(tag) for tag in record["meta"]["tags"].split("|")]
    assert tags == ["NLP", "Transformer", "Attention"]
    zh = shipped_site.search_pages()["nlp/transformer/"]
    assert [unquote(tag) for tag in zh["meta"]["tags"].split("|")] == ["NLP", "Transformer", "注意力"]
