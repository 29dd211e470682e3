"""Read a note's front matter and validate it field by field.

The build and ``notes-portal check`` share this module, so an author sees the
same message, with the same ``path:line: field:`` prefix, in both places.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import yaml

from notes_portal.authoring.headings import heading_title, split_problem_number
from notes_portal.catalog.note_links import link_targets
from notes_portal.catalog.structure import (
    Diagnostic,
    LeetCodeInfo,
    NoteMeta,
    ParsedNote,
)

try:  # The C loader is several times faster on thousands of notes.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML that keeps dates as written, so ``2026-13-45`` is reported, not raised."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

#: Same shape MkDocs accepts: ``---`` line, YAML, ``---`` or ``...`` line.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.DOTALL)
TOP_LEVEL_KEY = re.compile(r"""^["']?([^\s:#"'][^:#"']*?)["']?\s*:(?:\s|$)""")
FIRST_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$", re.MULTILINE)
PROBLEM_FILE_NAME = re.compile(r"^(?P<id>\d{1,5})(?:[-_.](?P<slug>[a-z0-9-]+))?$")
#: A folder per problem: ``0076.Minimum Window Substring/README.md``, ``0076-minimum-window/index.md``.
PROBLEM_FOLDER = re.compile(r"^(?P<id>\d{1,5})(?:[-_. ]+(?P<name>.*))?$")
#: File names that are a folder's page rather than a note of their own, except in a problem folder.
FOLDER_PAGE_NAMES = ("index", "README")
#: Difficulty as authors write it (English in any case, or Chinese) → the portal's name.
DIFFICULTY_NAMES: dict[str, str] = {
    "easy": "easy", "medium": "medium", "hard": "hard",
    "简单": "easy", "中等": "medium", "困难": "hard",
}
DIFFICULTY_HINT = "one of: easy, medium, hard, or 简单, 中等, 困难"
DATE_FORMAT_HINT = "a date written YYYY-MM-DD"
FALLBACK_DATE = "using the file's git history, else its modification time"


@dataclass(frozen=True)
class Rules:
    """What a valid note may contain; built from the plugin configuration."""

    topics: tuple[str, ...]
    today: dt.date
    leetcode_category: str = "leetcode"


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return ``(yaml_text, body, body_first_line)``; ``yaml_text`` is None without front matter."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, 1
    return match.group("yaml") or "", text[match.end():], text.count("\n", 0, match.end()) + 1


def read_source(path: str) -> str:
    """Read a note the way MkDocs does: UTF-8, a BOM dropped, any line ending normalised."""
    with open(path, encoding="utf-8-sig", errors="strict") as handle:
        return handle.read()


def parse_note(display_path: str, text: str, category: str, rules: Rules) -> ParsedNote:
    """Parse and validate one note; never raises for bad content, reports it instead."""
    checker = _Checker(display_path)
    yaml_text, body, _ = split_front_matter(text)
    data, key_lines = checker.load(yaml_text)

    if not text.strip():
        checker.report(1, "content", "the file is empty (expected front matter and text)")

    meta = NoteMeta(
        title=checker.title(data, key_lines, body, display_path),
        date=checker.date(data, key_lines, "date", rules.today),
        updated=checker.date(data, key_lines, "updated", rules.today),
        tags=checker.tags(data, key_lines),
        summary=checker.text(data, key_lines, "summary"),
        draft=checker.flag(data, key_lines, "draft"),
        leetcode=None,
    )
    if meta.date and meta.updated and meta.updated < meta.date:
        checker.report(key_lines.get("updated", 1), "updated",
                       f"{meta.updated.isoformat()} is earlier than date {meta.date.isoformat()} "
                       "(expected a date on or after date)")
    if category == rules.leetcode_category:
        meta.leetcode, meta.title = checker.leetcode(data, key_lines, display_path, rules, meta.title)
    return ParsedNote(meta=meta, diagnostics=checker.diagnostics, links=link_targets(body))


def is_folder_page(path: str) -> bool:
    """True for ``index.md``/``README.md`` (and their translations): a folder's own page."""
    return PurePosixPath(path).name.split(".")[0] in FOLDER_PAGE_NAMES


def is_problem_folder_page(path: str, leetcode_category: str) -> bool:
    """``leetcode/0076.Minimum Window Substring/README.md``: a note, one folder per problem."""
    parts = PurePosixPath(path).parts
    return (len(parts) >= 3 and parts[-3] == leetcode_category and is_folder_page(path)
            and PROBLEM_FOLDER.match(parts[-2]) is not None)


def problem_from_path(path: str) -> tuple[int | None, str | None]:
    """Problem number and statement slug from ``0076-minimum-window-substring.md``, or from the
    folder of ``0076.Minimum Window Substring/README.md``; ``(None, None)`` when neither says."""
    pure = PurePosixPath(path)
    if is_folder_page(path):
        folder = PROBLEM_FOLDER.match(pure.parent.name)
        if not folder:
            return None, None
        slug = re.sub(r"[^a-z0-9]+", "-", (folder.group("name") or "").lower()).strip("-")
        return int(folder.group("id")), slug or None
    match = PROBLEM_FILE_NAME.match(pure.stem.split(".")[0])
    if not match:
        return None, None
    return int(match.group("id")), match.group("slug")


def _parse_date(text: str) -> dt.date:
    """``2025-03-14``, or a full timestamp such as ``2025-03-14 10:30:00``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return dt.datetime.fromisoformat(text).date()


class _Checker:
    """Validates one note's fields, collecting diagnostics instead of failing."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def report(self, line: int, field: str, message: str, level: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, field, message, level))

    def load(self, yaml_text: str | None) -> tuple[dict[str, Any], dict[str, int]]:
        if yaml_text is None:
            return {}, {}
        try:
            data = yaml.load(yaml_text, Loader=_Loader)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
            problem = getattr(error, "problem", None) or str(error).splitlines()[0]
            self.report(line, "front matter", f"invalid YAML: {problem} (expected a YAML mapping "
                        "between --- lines; until it is fixed the page shows it as text)", "error")
            return {}, {}
        if data is None:
            return {}, {}
        if not isinstance(data, dict):
            self.report(2, "front matter", f"is a {type(data).__name__}, expected a YAML mapping "
                        "of field: value", "error")
            return {}, {}
        # Lines of the top-level keys, for messages; +2: 1-based, after the opening ---.
        key_lines = {}
        for number, line in enumerate(yaml_text.splitlines()):
            match = TOP_LEVEL_KEY.match(line)
            if match:
                key_lines.setdefault(match.group(1), number + 2)
        return data, key_lines

    def title(self, data: dict, lines: dict[str, int], body: str, path: str) -> str:
        value = data.get("title")
        if isinstance(value, (str, int, float)) and str(value).strip():
            return str(value).strip()
        if value is not None:
            self.report(lines.get("title", 1), "title", f"{value!r} is not text (expected a string)")
        heading = FIRST_HEADING.search(body)
        title = heading_title(heading.group("text")) if heading else ""
        if title:  # as MkDocs does: the first heading is the page's title, nothing to report
            return title
        fallback = PurePosixPath(path).stem
        self.report(lines.get("title", 1), "title", "missing (expected a title in front matter or a "
                    f"first heading); using the file name: {fallback!r}")
        return fallback

    def date(self, data: dict, lines: dict[str, int], field: str, today: dt.date) -> dt.date | None:
        if field not in data or data[field] is None:
            return None
        value = data[field]
        line = lines.get(field, 1)
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = _parse_date(value.strip())
            except ValueError:
                self.report(line, field, f"{value!r} is not a valid date (expected {DATE_FORMAT_HINT}); "
                            f"{FALLBACK_DATE}")
                return None
        if not isinstance(value, dt.date):
            self.report(line, field, f"{value!r} is not a date (expected {DATE_FORMAT_HINT}); "
                        f"{FALLBACK_DATE}")
            return None
        if value > today:
            self.report(line, field, f"{value.isoformat()} is in the future (expected a date "
                        f"on or before {today.isoformat()}); the note is still published")
        return value

    def tags(self, data: dict, lines: dict[str, int]) -> list[str]:
        value = data.get("tags")
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.report(lines.get("tags", 1), "tags", f"{value!r} is not a list (expected [tag, tag])")
            return []
        tags = [str(tag).strip() for tag in value if tag is not None and str(tag).strip()]
        if len(tags) != len(value):
            self.report(lines.get("tags", 1), "tags", "contains an empty item (expected non-empty text)")
        return tags

    def text(self, data: dict, lines: dict[str, int], field: str) -> str | None:
        value = data.get(field)
        if value is None:
            return None
        if not isinstance(value, (str, int, float)):
            self.report(lines.get(field, 1), field, f"{value!r} is not text (expected a string)")
            return None
        return str(value)

    def flag(self, data: dict, lines: dict[str, int], field: str) -> bool:
        value = data.get(field, False)
        if isinstance(value, bool):
            return value
        self.report(lines.get(field, 1), field, f"{value!r} is not true or false (expected a boolean)")
        return bool(value)

    def leetcode(self, data: dict, lines: dict[str, int], path: str, rules: Rules,
                 title: str) -> tuple[LeetCodeInfo | None, str]:
        """The validated ``leetcode`` block and the title without its problem number.

        The number comes from ``leetcode.id``, else from a title such as ``76. 最小覆盖子串``
        (a first heading, usually), else from the file or folder name.
        """
        block = data.get("leetcode")
        line = lines.get("leetcode", 1)
        name_id, slug = problem_from_path(path)
        if block is None:
            block = {}
        if not isinstance(block, dict):
            self.report(line, "leetcode", f"{block!r} is not a mapping (expected id, difficulty, topics)")
            block = {}

        title_id, bare_title = split_problem_number(title)
        problem_id = self._problem_id(block.get("id"), title_id or name_id, line)
        if problem_id is None:
            return None, title
        if title_id == problem_id and bare_title:
            title = bare_title  # shown as "76. 最小覆盖子串" by display_title, never twice

        if "difficulty" in block:
            difficulty = self._difficulty(block["difficulty"], line, "leetcode.difficulty")
        else:
            difficulty = self._difficulty(data.get("difficulty"), lines.get("difficulty", 1), "difficulty")

        declared = "topics" in block and block["topics"] is not None
        raw_topics = block.get("topics") or []
        if isinstance(raw_topics, str):
            raw_topics = [raw_topics]
        topics = []
        for topic in raw_topics if isinstance(raw_topics, list) else [raw_topics]:
            if str(topic) in rules.topics:
                topics.append(str(topic))
            else:
                self.report(line, "leetcode.topics", f"{topic!r} is not a configured topic "
                            f"(expected any of: {', '.join(rules.topics)})")
        return LeetCodeInfo(id=problem_id, difficulty=difficulty, topics=tuple(topics), slug=slug,
                            topics_declared=declared), title

    def _difficulty(self, value: Any, line: int, field: str) -> str | None:
        """``easy``/``Easy``/``简单`` → ``easy``; no difficulty is valid (shown as unrated)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        difficulty = DIFFICULTY_NAMES.get(str(value).strip().lower())
        if difficulty is None:
            self.report(line, field, f"{value!r} is not allowed (expected {DIFFICULTY_HINT}); "
                        "shown as unrated")
        return difficulty

    def _problem_id(self, value: Any, fallback: int | None, line: int) -> int | None:
        if value is not None:
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
            if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
                return int(value)
            self.report(line, "leetcode.id", f"{value!r} is not a problem number (expected a positive "
                        "integer such as 76)")
        if fallback:
            return fallback
        self.report(line, "leetcode.id", "missing (expected leetcode.id, a first heading that starts "
                    "with the number such as '# 76. 最小覆盖子串', or a file or folder name that starts "
                    "with it, such as 0076-minimum-window-substring.md)")
        return None
