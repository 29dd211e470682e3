"""Property tests of the front matter reader and the catalog (issue 22): whatever YAML value an
author puts in whatever field, reading the note gives a message, never an exception, and the
catalog's fields have the types the views expect.

The values are the ones YAML front matter can hold: strings (CJK, HTML-looking, empty, odd
characters), integers, floats (``.nan``, ``.inf``), booleans, null, dates written well and
badly, and lists and mappings of those, nested. They are written with PyYAML, as an editor
would save them, next to raw text that isn't YAML at all.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.structure.files import File, Files
from notes_portal.authoring.frontmatter import Rules, page_meta, parse_note
from notes_portal.catalog.collect import NoteReader, collect_notes
from notes_portal.model.structure import Category

RULES = Rules(topics=("哈希表", "滑动窗口"), today=dt.date(2026, 1, 1))
FIELDS = ["title", "date", "updated", "tags", "summary", "draft", "leetcode", "difficulty", "comments", "标题"]
MESSAGE = re.compile(r"^docs/(?:nlp|leetcode)/note\.md:\d+: [\w. ]+: \S.*$")
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Text without lone surrogates (a file can't hold them), the hard cases over-represented.
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=30),
    st.sampled_from(["", " ", "76. 最小覆盖子串", "<script>alert(1)</script>", "a<b && c>d", "2024-13-45",
                     "2024-02-30", "2024-01-01 10:00:00", "NLP, 注意力", "困难", "Hard", "true", "0", "-5",
                     "12.5", "[unclosed", "---", "# 标题", "\u3000", "\ufeff", "١٢", "²"]),
)
SCALARS = st.one_of(TEXT, st.integers(min_value=-10**20, max_value=10**20), st.floats(), st.booleans(),
                    st.none(), st.dates().map(lambda day: day.isoformat()))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.one_of(TEXT, st.sampled_from(["id", "difficulty", "topics"])),
                                                                       inner, max_size=4)),
                      max_leaves=12)
FRONT_MATTER = st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=len(FIELDS))
BODY = st.sampled_from(["", "正文。\n", "<!-- problem:start -->\n\n# [76. 最小覆盖子串](https://leetcode.cn/p)\n",
                        "# 12345\n", "[English Version](x.md)\n\n## 题目描述\n"])


def as_file(front: dict, body: str) -> str:
    return f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n{body}"


def assert_well_formed(parsed, category: str) -> None:
    meta = parsed.meta
    assert isinstance(meta.title, str) and meta.title
    assert isinstance(meta.tags, list) and all(isinstance(tag, str) and tag for tag in meta.tags)
    assert meta.summary is None or isinstance(meta.summary, str)
    assert isinstance(meta.draft, bool)
    for day in (meta.date, meta.updated):
        assert day is None or isinstance(day, dt.date)
    if meta.leetcode is not None:
        assert category == "leetcode" and isinstance(meta.leetcode.id, int) and meta.leetcode.id > 0
    for diagnostic in parsed.diagnostics:
        assert MESSAGE.match(str(diagnostic)), str(diagnostic)
        assert diagnostic.level in ("info", "warning", "error")
        if diagnostic.level != "info":
            assert "(expected " in diagnostic.message, str(diagnostic)
    page = page_meta(parsed)
    assert page["title"] == meta.title and page["tags"] == meta.tags


@FUZZ
@given(front=FRONT_MATTER, body=BODY, category=st.sampled_from(["nlp", "leetcode"]))
def test_any_yaml_value_in_any_field_gives_a_message_never_an_exception(front: dict, body: str,
                                                                         category: str) -> None:
    assert_well_formed(parse_note(f"docs/{category}/note.md", as_file(front, body), category, RULES), category)


@FUZZ
@given(front=st.text(st.characters(exclude_categories=["Cs"]), max_size=200), body=BODY,
       category=st.sampled_from(["nlp", "leetcode"]))
def test_any_text_between_the_dashes_gives_a_message_never_an_exception(front: str, body: str, category: str) -> None:
    assert_well_formed(parse_note(f"docs/{category}/note.md", f"---\n{front}\n---\n\n{body}", category, RULES),
                       category)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=st.lists(st.tuples(FRONT_MATTER, BODY), min_size=1, max_size=4))
def test_the_catalog_reads_any_front_matter(notes: list[tuple[dict, str]]) -> None:
    """The catalog of notes holding any such values: every note is in it, with text tags."""
    categories = [Category("nlp", "NLP", "", "", 0), Category("leetcode", "LeetCode", "", "", 1)]
    with tempfile.TemporaryDirectory() as root:
        docs = Path(root) / "docs"
        files = []
        for number, (front, body) in enumerate(notes):
            category = ("nlp", "leetcode")[number % 2]
            path = docs / category / f"note-{number}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(as_file(front, body), encoding="utf-8")
            files.append(File(f"{category}/note-{number}.md", str(docs), str(Path(root) / "site"), True))
        reader = NoteReader(language="zh", default_language="zh", rules=RULES, git_dates={}, project_dir=root,
                            parsed_cache={})
        catalog = collect_notes(Files(files), categories=categories, reader=reader, include_drafts=True)
        assert len(catalog.notes) == len(notes)
        for note in catalog.notes:
            assert isinstance(note.date, dt.date)
            markdown, meta = reader.read_page(note.file, note.category)
            assert isinstance(markdown, str) and meta["title"] == note.title
        for tag in catalog.tags.tags:
            assert isinstance(tag.name, str) and tag.notes
