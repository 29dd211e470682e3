"""The persistent build cache (``.cache/notes-portal/``): a warm build shows exactly what a cold
one shows, whatever changed in between.

Every test builds a fixture portal for real with ``mkdocs build`` (without ``--clean``, which
makes a cold build), edits it between builds, and reads the built HTML. The build log's line
``build cache: H pages from .cache/notes-portal, R rendered`` says what the cache gave.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
from sites import REPO, BuildResult, FixtureSite, cache_report

CACHE = Path(".cache") / "notes-portal"
_CACHE_LINE = re.compile(r"build cache: (\d+) pages from \S+, (\d+) rendered")


def cache_counts(result: BuildResult) -> tuple[int, int]:
    """(pages from the cache, pages rendered) of a build; (0, 0) when the cache said nothing."""
    assert result.returncode == 0, result.output
    found = _CACHE_LINE.findall(result.output)
    assert len(found) <= 1, result.output
    return (int(found[0][0]), int(found[0][1])) if found else (0, 0)


def body(result: BuildResult, path: str) -> str:
    """The article's HTML of a page (what the cache holds, plus the portal's own additions)."""
    article = result.html(path).select_one("article")
    assert article is not None, path
    return str(article)


def cache_entries(site: FixtureSite) -> list[Path]:
    return sorted(p for p in (site.root / CACHE).rglob("*") if p.is_file() and not p.name.startswith(".tmp"))


@pytest.fixture
def portal(site: FixtureSite) -> FixtureSite:
    """Two Chinese notes, one of them translated, one linking to the other."""
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "## 小节\n\n甲的正文 OLD-TEXT，见[乙](b.md)。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文。")
    site.note("nlp/b.en.md", "Note B", "2024-02-01", "The text of B.")
    return site


def test_a_warm_build_renders_nothing_and_repeats_the_cold_site_byte_for_byte(portal: FixtureSite) -> None:
    cold = portal.build(site_dir=portal.root / "cold")  # --clean: reads nothing, fills the cache
    again = portal.build(site_dir=portal.root / "again", clean=False)
    assert cache_counts(cold)[0] == 0 and cache_counts(cold)[1] > 0
    hits, rendered = cache_counts(again)
    assert rendered == 0 and hits > 0
    cold_files = sorted(p.relative_to(cold.site_dir) for p in cold.site_dir.rglob("*") if p.is_file())
    again_files = sorted(p.relative_to(again.site_dir) for p in again.site_dir.rglob("*") if p.is_file())
    assert cold_files == again_files
    different = [str(p) for p in cold_files
                 if (cold.site_dir / p).read_bytes() != (again.site_dir / p).read_bytes()]
    assert different == []


def test_an_edit_with_the_same_modification_time_shows_the_new_text(portal: FixtureSite) -> None:
    portal.build(clean=False)
    source = portal.docs / "nlp/a.md"
    stat = source.stat()
    source.write_text(source.read_text(encoding="utf-8").replace("OLD-TEXT", "NEW-TEXT"), encoding="utf-8")
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # as a git checkout may leave it
    assert source.stat().st_mtime_ns == stat.st_mtime_ns
    result = portal.build(clean=False)
    assert "NEW-TEXT" in body(result, "nlp/a/") and "OLD-TEXT" not in body(result, "nlp/a/")
    assert cache_counts(result)[1] == 1  # only that note is rendered again


def test_the_same_text_at_another_path_gets_its_own_links(portal: FixtureSite) -> None:
    text = "[乙](../nlp/b.md) 相同的正文。"
    portal.note("nlp/c.md", "笔记丙", "2024-03-01", text)
    first = portal.build(clean=False)
    assert first.html("nlp/c/").select_one("article a[href*='b/']")["href"] == "../b/"
    (portal.docs / "nlp/c.md").unlink()
    portal.note("deep-learning/c.md", "笔记丙", "2024-03-01", text)
    moved = portal.build(clean=False)
    assert moved.html("deep-learning/c/").select_one("article a[href*='b/']")["href"] == "../../nlp/b/"


def test_a_link_whose_target_went_away_is_warned_about_and_left_as_written(portal: FixtureSite) -> None:
    portal.build(clean=False)
    (portal.docs / "nlp/b.md").unlink()
    (portal.docs / "nlp/b.en.md").unlink()
    warm = portal.build(clean=False, strict=True)
    assert warm.returncode != 0  # --strict fails warm as it fails cold
    assert any("contains a link 'b.md'" in line for line in warm.warnings()), warm.output
    link = portal.build(clean=False).html("nlp/a/").select_one("article a[href^='b']")
    assert link["href"] == "b.md"


def test_an_extension_option_renders_every_page_again(portal: FixtureSite) -> None:
    portal.build(clean=False)
    extensions = [e for e in portal.config()["markdown_extensions"] if not (isinstance(e, dict) and "toc" in e)]
    portal.extra_config["markdown_extensions"] = [*extensions, {"toc": {"permalink": "§"}}]
    result = portal.build(clean=False)
    hits, rendered = cache_counts(result)
    assert hits == 0 and rendered > 0
    assert result.html("nlp/a/").select_one("article h2 a.headerlink").get_text() == "§"


def test_another_plugin_version_renders_every_page_again(portal: FixtureSite, tmp_path: Path) -> None:
    portal.build(clean=False)
    plugins = tmp_path / "plugins"
    shutil.copytree(REPO / "plugins" / "notes_portal", plugins / "notes_portal",
                    ignore=shutil.ignore_patterns("__pycache__"))
    init = plugins / "notes_portal" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + '\n__version__ = "0.1.0+another"\n', encoding="utf-8")
    result = portal.build(clean=False, env={"PYTHONPATH": str(plugins)})
    hits, rendered = cache_counts(result)
    assert hits == 0 and rendered > 0
    assert "OLD-TEXT" in body(result, "nlp/a/")


def test_a_template_change_shows_on_pages_from_the_cache(portal: FixtureSite, tmp_path: Path) -> None:
    """The cached HTML is made by no template: a changed template shows, nothing is rendered again."""
    overrides = tmp_path / "overrides"
    shutil.copytree(REPO / "overrides", overrides)
    portal.extra_config["theme"] = {**portal.config()["theme"], "custom_dir": str(overrides)}
    portal.build(clean=False)
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace(
        "{% block content %}", '{% block content %}<p class="template-marker">新模板</p>', 1), encoding="utf-8")
    result = portal.build(clean=False)
    assert result.html("nlp/a/").select_one("p.template-marker").get_text() == "新模板"
    assert cache_counts(result)[1] == 0


def test_a_changed_custom_icon_renders_its_notes_again(site: FixtureSite, tmp_path: Path) -> None:
    """Files an extension option names (Material's custom icons) are part of the key."""
    icons = tmp_path / "icons" / "np"
    icons.mkdir(parents=True)
    (icons / "mark.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>OLD-ICON</title></svg>')
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "图标 :np-mark: 在此。")
    site.extra_config["markdown_extensions"] = [*site.config()["markdown_extensions"], {"pymdownx.emoji": {
        "emoji_index": "@@INDEX@@", "emoji_generator": "@@GENERATOR@@", "options": {"custom_icons": [str(icons.parent)]}}}]

    def python_names(text: str) -> str:
        return (text.replace("'@@INDEX@@'", "!!python/name:material.extensions.emoji.twemoji")
                .replace("'@@GENERATOR@@'", "!!python/name:material.extensions.emoji.to_svg"))

    assert "OLD-ICON" in body(site.build(clean=False, edit_config=python_names), "nlp/a/")
    (icons / "mark.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>NEW-ICON</title></svg>')
    result = site.build(clean=False, edit_config=python_names)
    assert "NEW-ICON" in body(result, "nlp/a/") and "OLD-ICON" not in body(result, "nlp/a/")


def test_snippets_are_never_served_from_the_cache(site: FixtureSite) -> None:
    site.write("snippets/part.md", "OLD-PART\n")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", '--8<-- "part.md"\n')
    site.extra_config["markdown_extensions"] = [*site.config()["markdown_extensions"],
                                                {"pymdownx.snippets": {"base_path": [str(site.docs / "snippets")]}}]
    site.extra_config["exclude_docs"] = "snippets/\n"
    assert "OLD-PART" in body(site.build(clean=False), "nlp/a/")
    (site.docs / "snippets/part.md").write_text("NEW-PART\n")
    result = site.build(clean=False)
    assert "NEW-PART" in body(result, "nlp/a/") and "OLD-PART" not in body(result, "nlp/a/")


@pytest.mark.parametrize("damage", ["corrupt", "partial"])
def test_a_damaged_entry_is_discarded_with_one_warning_and_made_again(portal: FixtureSite, damage: str) -> None:
    cold = portal.build(clean=False)
    entries = [entry for entry in cache_entries(portal) if entry.parent.parent.name == "html"]
    assert entries
    for entry in entries:  # damage the rendered HTML of the note whose text is known
        if "OLD-TEXT" in entry.read_text(encoding="utf-8", errors="replace"):
            raw = entry.read_bytes()
            entry.write_bytes(raw.replace(b"OLD-TEXT", b"BAD-TEXT") if damage == "corrupt" else raw[: len(raw) // 2])
            break
    else:
        pytest.fail("no cache entry holds the note")
    result = portal.build(clean=False, strict=True)
    assert result.returncode == 0, result.output  # the site is right: --strict has nothing to fail for
    damaged = [line for line in result.output.splitlines() if "damaged build cache entry" in line]
    assert len(damaged) == 1 and damaged[0].startswith("WARNING"), result.output
    assert body(result, "nlp/a/") == body(cold, "nlp/a/")
    assert "BAD-TEXT" not in body(result, "nlp/a/")
    assert cache_counts(result)[1] == 1
    healed = portal.build(clean=False)
    assert "damaged build cache entry" not in healed.output and cache_counts(healed)[1] == 0


def test_two_builds_at_once_leave_a_whole_cache(portal: FixtureSite) -> None:
    for number in range(8):
        portal.note(f"deep-learning/n{number}.md", f"笔记{number}", "2024-04-01", f"## 标题\n\n正文 {number}。")
    portal.write_config()
    runs = [portal.start_build(site_dir=portal.root / f"site-{n}", clean=False) for n in range(2)]
    for process, _ in runs:
        output, _ = process.communicate()
        assert process.returncode == 0, output
    after = portal.build(clean=False, site_dir=portal.root / "after")
    assert "damaged build cache entry" not in after.output
    assert cache_counts(after)[1] == 0
    assert not [p for p in (portal.root / CACHE).rglob(".tmp-*")]
    for number in range(8):
        assert f"正文 {number}。" in body(after, f"deep-learning/n{number}/")
    assert body(after, "nlp/a/") == body(BuildResult(0, "", runs[0][1]), "nlp/a/")


def test_an_untranslated_note_on_the_english_site_comes_from_the_cache(portal: FixtureSite) -> None:
    cold = portal.build(site_dir=portal.root / "cold")
    portal.build(clean=False)
    warm = portal.build(clean=False, site_dir=portal.root / "warm")
    assert cache_counts(warm)[1] == 0
    assert body(warm, "en/nlp/a/") == body(cold, "en/nlp/a/")
    assert "OLD-TEXT" in body(warm, "en/nlp/a/")
    assert warm.html("en/nlp/a/").select_one("article a[href*='b/']")["href"] == "../b/"
    assert "The text of B." in body(warm, "en/nlp/b/")


def test_clean_or_a_deleted_folder_gives_a_cold_build(portal: FixtureSite) -> None:
    portal.build(clean=False)
    assert cache_counts(portal.build(clean=False)) [1] == 0
    assert cache_counts(portal.build(clean=True))[0] == 0  # --clean reads nothing
    shutil.rmtree(portal.root / CACHE)
    hits, rendered = cache_counts(portal.build(clean=False))
    assert hits == 0 and rendered > 0


# -- search bundles kept in the cache --------------------------------------------------------------

_KEPT_LINE = re.compile(r"search: the (\w+) index is the one kept in the build cache")


def kept_indexes(result: BuildResult) -> list[str]:
    """The languages whose Pagefind bundle a build copied from the cache instead of indexing."""
    assert result.returncode == 0, result.output
    return sorted(_KEPT_LINE.findall(result.output))


def indexed_text(result: BuildResult, prefix: str = "") -> str:
    """Every page's indexed text in the bundle under ``<prefix>pagefind/``."""
    return " ".join(page["content"] for page in result.search_pages(prefix).values())


def test_a_warm_build_copies_each_unchanged_search_bundle(portal: FixtureSite) -> None:
    cold = portal.build()
    assert kept_indexes(cold) == []  # --clean: indexed, then kept
    warm = portal.build(clean=False, site_dir=portal.root / "warm")
    assert kept_indexes(warm) == ["en", "zh"]
    assert warm.search_pages() == cold.search_pages()
    assert sorted(warm.search_pages("en/")) == ["en/nlp/b/"]


def test_an_edited_note_is_indexed_again_and_the_other_language_keeps_its_bundle(portal: FixtureSite) -> None:
    portal.build()
    portal.note("nlp/a.md", "笔记甲", "2024-01-01", "## 小节\n\n甲的正文 NEWWORD，见[乙](b.md)。")
    edited = portal.build(clean=False)
    assert kept_indexes(edited) == ["en"]  # nlp/a.md has no English page: that index is as it was
    assert "NEWWORD" in indexed_text(edited) and "OLD-TEXT" not in indexed_text(edited)
    assert kept_indexes(portal.build(clean=False, site_dir=portal.root / "again")) == ["en", "zh"]


def test_a_kept_bundle_without_its_marker_is_indexed_again(portal: FixtureSite) -> None:
    cold = portal.build()
    markers = sorted((portal.root / CACHE).rglob("search-bundle/*/*/.complete"))
    assert [m.parent.parent.name for m in markers] == ["en", "zh"]
    markers[1].unlink()  # as if a copy into the cache was cut short
    warm = portal.build(clean=False, site_dir=portal.root / "warm")
    assert kept_indexes(warm) == ["en"]
    assert warm.search_pages() == cold.search_pages()
    assert not warm.exists("pagefind/.complete")


def test_templates_compiled_by_an_earlier_build_draw_the_same_pages(portal: FixtureSite) -> None:
    """A warm build draws no page, so it loads no template; its pruning spares the compiled ones,
    which a later build that draws pages loads from the cache."""
    cold = portal.build(site_dir=portal.root / "cold")
    portal.build(clean=False)  # every page from the page cache, then pruned
    folders = list((portal.root / CACHE).glob("*/template"))
    assert len(folders) == 1 and any(p.is_file() for p in folders[0].rglob("*"))
    for pages in (portal.root / CACHE).glob("*/page"):
        shutil.rmtree(pages)  # every page is drawn again, by templates loaded from the cache
    drawn = portal.build(clean=False, site_dir=portal.root / "drawn")
    assert cache_report(drawn).pages_drawn > 0 and cache_report(drawn).pages_from_cache == 0
    for path in ("", "nlp/a/", "en/nlp/b/"):
        assert str(drawn.html(path).select_one("body")) == str(cold.html(path).select_one("body"))
