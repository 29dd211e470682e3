"""Related notes and backlinks at the end of each note (issue 11), on a fixture portal built for real.

Related: most shared tags first, then same category, then newest (last change); at most five;
never the note itself, never a draft. Backlinks: notes whose Markdown links here (relative,
with an anchor, reference-style, ``lc:N``), not from code, the navigation or the related list.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from bs4 import Tag
from sites import BuildResult, FixtureSite, url_path

PREFIX = {"zh": "", "en": "en/"}
XSS_TITLE = "<img src=x onerror=alert(1)>"
LABELS = {"zh": ("相关笔记", "反向链接"), "en": ("Related notes", "Linked from")}

CODE_ONLY_BODY = """
代码里的链接不算：

```markdown
[目标](target.md)
```

波浪线围栏也不算：

~~~
[目标](target.md)
~~~

行内也不算：`[目标](target.md)`，两个反引号也不算：`` [目标](../nlp/target.md) ``。
"""


INDENTED_CODE_BODY = """
缩进四格的代码块也是代码块：

    [目标](target.md)
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("related") / "portal")
    # -- related: the main note and its candidates
    site.note("nlp/a.md", "主笔记", "2024-01-01", tags=["alpha", "beta", "gamma"])
    site.note("deep-learning/b1.md", "三标签", "2023-01-01", tags=["alpha", "beta", "gamma"])
    site.note("deep-learning/b1.en.md", "Three tags", "2023-01-01", "Body.", tags=["alpha", "beta", "gamma"])
    site.note("nlp/b2.md", "两标签同类", "2022-01-01", tags=["alpha", "beta"])
    site.note("deep-learning/b3.md", "两标签异类", "2025-01-01", tags=["alpha", "beta"])
    # "BETA" is the tag "beta" (case-folded): one shared tag.
    site.note("nlp/b7.md", "一标签同类", "2020-01-01", tags=["BETA"])
    site.note("deep-learning/b4.md", "一标签较旧", "2024-06-01", tags=["alpha"])
    site.note("deep-learning/b5.md", "一标签新近更新", "2024-03-01", updated="2024-09-01", tags=["gamma"])
    site.note("nlp/b6.md", "同类无标签", "2025-06-01")
    site.note("deep-learning/u.md", "无关", "2025-07-01", tags=["other"])
    # Shares all three tags and is newer than most: first in line if drafts leaked.
    site.note("nlp/draft.md", "草稿三标签", "2025-02-01", "[目标](target.md) 与 [76](lc:76)。",
              draft=True, tags=["alpha", "beta", "gamma"])
    # -- LeetCode: numbered titles in the lists
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-05", "思路。",
              tags=["滑动窗口"], leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("leetcode/0001-two-sum.md", "两数之和", "2023-01-02", "思路。",
              tags=["哈希表"], leetcode={"id": 1, "difficulty": "easy", "topics": ["哈希表"]})
    site.note("deep-learning/window.md", "窗口笔记", "2021-01-01", tags=["滑动窗口"])
    # -- backlinks: the newest nlp note, so it is in the navigation of every page
    site.note("nlp/target.md", "目标笔记", "2025-08-01", "[本文](target.md)自指。\n\n## Part\n\n正文。",
              tags=["delta"])
    site.note("nlp/s1.md", "相对链接", "2024-01-05", "见[目标](target.md)。")
    site.note("deep-learning/s2.md", "带锚点链接", "2024-02-05", "见[目标](../nlp/target.md#part)。")
    site.note("deep-learning/s3.md", "引用式链接", "2024-03-05", "见[目标][t]。\n\n[t]: ../nlp/target.md")
    site.note("deep-learning/s3.en.md", "Reference link", "2024-03-05", "See [the target][t].\n\n[t]: ../nlp/target.md")
    site.note("nlp/c1.md", "代码里的链接", "2024-04-05", CODE_ONLY_BODY)
    site.note("nlp/c2.md", "缩进代码里的链接", "2024-04-06", INDENTED_CODE_BODY)
    site.note("nlp/r.md", "只是相关", "2024-05-05", "不链接任何笔记。", tags=["delta"])
    site.note("nlp/s4.md", "力扣链接", "2024-06-05", "见 [76](lc:76)。")
    result = site.build()
    assert result.returncode == 0, result.output
    return result


# -- helpers ---------------------------------------------------------------------------


def section(result: BuildResult, path: str, kind: str) -> Tag | None:
    """The ``section.np-related`` / ``section.np-backlinks`` of the note at ``path`` (at most one)."""
    found = result.html(path).select(f"article.md-content__inner section.np-{kind}")
    assert len(found) <= 1, path
    return found[0] if found else None


def entries(result: BuildResult, path: str, kind: str) -> list[tuple[str, str]]:
    """``(title, decoded target path)`` of each link of the section; the target must have been built."""
    found = section(result, path, kind)
    if found is None:
        return []
    links = found.select("ul > li > a")
    out = []
    for link in links:
        target = unquote(url_path(path, link["href"]))
        assert (result.site_dir / target.lstrip("/") / "index.html").is_file(), f"{link} on {path}"
        out.append((link.get_text(strip=True), target))
    return out


def titles(result: BuildResult, path: str, kind: str) -> list[str]:
    return [title for title, _ in entries(result, path, kind)]


NOTE_PAGES = ["nlp/a/", "deep-learning/b1/", "nlp/b2/", "deep-learning/b3/", "nlp/b7/", "deep-learning/b4/",
              "deep-learning/b5/", "nlp/b6/", "deep-learning/u/", "leetcode/0076-minimum-window-substring/",
              "leetcode/0001-two-sum/", "deep-learning/window/", "nlp/target/", "nlp/s1/", "deep-learning/s2/",
              "deep-learning/s3/", "nlp/c1/", "nlp/c2/", "nlp/r/", "nlp/s4/"]


# -- related ---------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_related_order_and_limit(portal: BuildResult, language: str) -> None:
    """Three shared tags; two, same category before other; one, same category first, then the
    latest change; five in all, so the older one-tag note and the untagged category mate are cut."""
    prefix = PREFIX[language]
    assert entries(portal, f"{prefix}nlp/a/", "related") == [
        ({"zh": "三标签", "en": "Three tags"}[language], f"/{prefix}deep-learning/b1/"),
        ("两标签同类", f"/{prefix}nlp/b2/"),
        ("两标签异类", f"/{prefix}deep-learning/b3/"),
        ("一标签同类", f"/{prefix}nlp/b7/"),
        ("一标签新近更新", f"/{prefix}deep-learning/b5/"),
    ]


@pytest.mark.parametrize("path", NOTE_PAGES)
def test_related_never_self_never_draft_at_most_five(portal: BuildResult, path: str) -> None:
    for prefix in ("", "en/"):
        found = entries(portal, prefix + path, "related")
        assert len(found) <= 5, found
        assert f"/{prefix}{path}" not in [target for _, target in found]
        assert "草稿三标签" not in [title for title, _ in found]
        assert "/nlp/draft/" not in [target.removeprefix("/en") for _, target in found]


def test_leetcode_notes_are_numbered_in_related(portal: BuildResult) -> None:
    """LC 76's candidates: the note sharing its tag, then the other LeetCode note (same category)."""
    assert titles(portal, "leetcode/0076-minimum-window-substring/", "related") == ["窗口笔记", "1. 两数之和"]
    assert titles(portal, "deep-learning/window/", "related")[0] == "76. 最小覆盖子串"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_section_labels(portal: BuildResult, language: str) -> None:
    related_label, backlinks_label = LABELS[language]
    prefix = PREFIX[language]
    related = section(portal, f"{prefix}nlp/a/", "related")
    assert related is not None and related.find("h2").get_text(strip=True) == related_label
    backlinks = section(portal, f"{prefix}nlp/target/", "backlinks")
    assert backlinks is not None and backlinks.find("h2").get_text(strip=True) == backlinks_label


def test_sections_come_after_the_text(portal: BuildResult) -> None:
    """Both lists close the note: after its last paragraph."""
    article = portal.html("nlp/target/").select_one("article.md-content__inner")
    paragraph = next(p for p in article.find_all("p") if p.get_text(strip=True) == "正文。")
    following = [s["class"][0] for s in paragraph.find_all_next("section") if s.get("class")]
    assert "np-related" in following and "np-backlinks" in following


# -- backlinks -------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_backlinks_from_relative_anchor_and_reference_links(portal: BuildResult, language: str) -> None:
    """Newest first. Not the note's own link, not the code-only note, not the related note, not
    the draft, and not the notes whose navigation lists the target."""
    prefix = PREFIX[language]
    assert entries(portal, f"{prefix}nlp/target/", "backlinks") == [
        ({"zh": "引用式链接", "en": "Reference link"}[language], f"/{prefix}deep-learning/s3/"),
        ("带锚点链接", f"/{prefix}deep-learning/s2/"),
        ("相对链接", f"/{prefix}nlp/s1/"),
    ]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_backlinks_from_lc_links(portal: BuildResult, language: str) -> None:
    prefix = PREFIX[language]
    assert entries(portal, f"{prefix}leetcode/0076-minimum-window-substring/", "backlinks") == [
        ("力扣链接", f"/{prefix}nlp/s4/")]


def test_related_and_navigation_are_not_backlinks(portal: BuildResult) -> None:
    """"只是相关" and the target list each other as related, and the target is in every page's
    navigation; still neither is a backlink of the other."""
    assert "只是相关" in titles(portal, "nlp/target/", "related")
    assert "目标笔记" in titles(portal, "nlp/r/", "related")
    nav_links = [unquote(url_path("nlp/r/", a["href"])) for a in portal.html("nlp/r/").select("nav.md-nav a[href]")]
    assert "/nlp/target/" in nav_links
    assert section(portal, "nlp/r/", "backlinks") is None
    assert "只是相关" not in titles(portal, "nlp/target/", "backlinks")


@pytest.mark.parametrize("path", ["nlp/a/", "nlp/r/", "nlp/s1/", "nlp/c1/", "nlp/b6/", "leetcode/0001-two-sum/"])
def test_no_backlinks_no_section(portal: BuildResult, path: str) -> None:
    for prefix in ("", "en/"):
        assert section(portal, prefix + path, "backlinks") is None, prefix + path
        assert portal.html(prefix + path).find(string="反向链接" if not prefix else "Linked from") is None


def test_code_links_render_as_code_not_backlinks(portal: BuildResult) -> None:
    """The code-only note really shows the link text as code (so the test means what it says)."""
    article = portal.html("nlp/c1/").select_one("article.md-content__inner")
    assert [pre.get_text().strip() for pre in article.select("pre")] == ["[目标](target.md)"] * 2
    assert [c.get_text().strip() for c in article.select("p code")] == ["[目标](target.md)", "[目标](../nlp/target.md)"]
    assert article.select("p a[href]") == []
    assert "代码里的链接" not in titles(portal, "nlp/target/", "backlinks")


def test_indented_code_block_links_are_not_backlinks(portal: BuildResult) -> None:
    """A four-space indented code block is a code block too: its link text is no backlink."""
    article = portal.html("nlp/c2/").select_one("article.md-content__inner")
    assert [pre.get_text().strip() for pre in article.select("pre")] == ["[目标](target.md)"]
    assert article.select("p a[href]") == []
    assert "缩进代码里的链接" not in titles(portal, "nlp/target/", "backlinks")


# -- backlinks mirror the links a reader can follow ------------------------------------------


@pytest.fixture(scope="module")
def link_edges(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """Sources whose text looks like a link, or is one in a less common spelling."""
    site = FixtureSite(tmp_path_factory.mktemp("link-edges") / "portal")
    site.note("nlp/target.md", "目标", "2025-01-01", "正文。", tags=["共享"])
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-05", "思路。",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("nlp/xss.md", XSS_TITLE, "2024-01-06", "见[目标](target.md)。", tags=["共享"])
    site.note("nlp/lc-anchor.md", "带锚点的力扣链接", "2024-01-01", "见[题解](lc:76#solution)。")
    site.note("nlp/lc-upper.md", "大写的力扣", "2024-01-02", "见[题](LC:76)。")
    site.note("nlp/escaped.md", "转义的方括号", "2024-01-03", "字面上写 \\[目标\\](target.md)。")
    site.note("nlp/comment.md", "注释里的链接", "2024-01-04", "<!-- 见[目标](target.md) -->\n\n正文。")
    site.note("nlp/angle.md", "尖括号链接", "2024-01-05", "见[目标](<target.md> \"标题\")。")
    result = site.build()
    assert result.returncode == 0, result.output
    return result


def followable(result: BuildResult, path: str) -> list[str]:
    """Where the links in the note's own paragraphs lead (decoded site paths)."""
    article = result.html(path).select_one("article.md-content__inner")
    return [unquote(url_path(path, a["href"])) for a in article.select("p a[href]")
            if not a.find_parent(class_=["np-note-meta", "np-related", "np-backlinks"])]


def test_lc_link_with_anchor_is_a_backlink(link_edges: BuildResult) -> None:
    """``lc:76#solution`` is rendered as a link to problem 76's note, so it is a backlink there."""
    assert followable(link_edges, "nlp/lc-anchor/") == ["/leetcode/0076-minimum-window-substring/"]
    assert "带锚点的力扣链接" in titles(link_edges, "leetcode/0076-minimum-window-substring/", "backlinks")


def test_angle_bracket_link_with_title_is_a_backlink(link_edges: BuildResult) -> None:
    assert followable(link_edges, "nlp/angle/") == ["/nlp/target/"]
    assert "尖括号链接" in titles(link_edges, "nlp/target/", "backlinks")


@pytest.mark.parametrize(("path", "title", "target"), [
    ("nlp/escaped/", "转义的方括号", "nlp/target/"),
    ("nlp/comment/", "注释里的链接", "nlp/target/"),
    ("nlp/lc-upper/", "大写的力扣", "leetcode/0076-minimum-window-substring/"),
], ids=["escaped-brackets", "html-comment", "upper-case-lc"])
def test_text_that_is_no_link_makes_no_backlink(link_edges: BuildResult, path: str, title: str, target: str) -> None:
    """Escaped brackets, an HTML comment and ``LC:76`` (not rewritten: ``lc:`` links are lower case)
    give the reader nothing to follow to the target, so the target lists no backlink from them."""
    assert f"/{target}" not in followable(link_edges, path)
    assert title not in titles(link_edges, target, "backlinks")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_markup_in_a_title_stays_text_in_both_lists(link_edges: BuildResult, prefix: str) -> None:
    """A note titled ``<img src=x onerror=alert(1)>`` is listed by that text, creating no element."""
    path = f"{prefix}nlp/target/"
    for kind in ("related", "backlinks"):
        found = section(link_edges, path, kind)
        assert found is not None, kind
        assert found.find_all(["img", "script"]) == [], kind
        assert XSS_TITLE in titles(link_edges, path, kind), kind


# -- links inside Material / pymdownx blocks ---------------------------------------------------

#: name -> (body, whether the rendered note has a link to the target). Indented by four spaces,
#: the text of admonitions, collapsible blocks, content tabs and footnotes is text, not code;
#: eight spaces under a list item are a code block.
BLOCKS = {
    "admonition": ('!!! note "提示"\n\n    见[目标](target.md)。', True),
    "admonition-no-blank": ("!!! note\n    见[目标](target.md)。", True),
    "details": ('??? note "展开"\n\n    见[目标](target.md)。', True),
    "tabs": ('=== "甲"\n\n    见[目标](target.md)。\n\n=== "乙"\n\n    无。', True),
    "footnote-paragraph": ("正文[^1]。\n\n[^1]: 第一段。\n\n    第二段见[目标](target.md)。", True),
    "list-paragraph": ("- 第一项\n\n    续段见[目标](target.md)。", True),
    "list-code": ("- 第一项\n\n        [目标](target.md)", False),
    "admonition-code": ("!!! note\n\n    代码：\n\n        [目标](target.md)", False),
    "table-cell": ("| 列 |\n| --- |\n| [目标](target.md) |", True),
    # A reference definition nothing uses renders nothing.
    "unused-reference": ("正文。\n\n[t]: target.md", False),
}


@pytest.fixture(scope="module")
def block_links(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    site = FixtureSite(tmp_path_factory.mktemp("block-links") / "portal")
    site.note("nlp/target.md", "目标", "2025-01-01", "正文。")
    for day, (name, (body, _)) in enumerate(BLOCKS.items(), start=1):
        site.note(f"nlp/{name}.md", name, f"2024-01-{day:02d}", body)
    result = site.build()
    assert result.returncode == 0, result.output
    return result


@pytest.mark.parametrize("name", list(BLOCKS))
def test_backlink_exactly_when_the_block_renders_a_link(block_links: BuildResult, name: str) -> None:
    """The target lists the note as a backlink if and only if the note's page links to it."""
    links = [unquote(url_path(f"nlp/{name}/", a["href"]))
             for a in block_links.html(f"nlp/{name}/").select("article.md-content__inner a[href]")
             if not a.find_parent(class_=["np-note-meta", "np-related", "np-backlinks", "footnote-backref"])]
    renders_link = BLOCKS[name][1]
    assert ("/nlp/target/" in links) == renders_link, links
    assert (name in titles(block_links, "nlp/target/", "backlinks")) == renders_link
