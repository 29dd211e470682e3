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

from notes_portal.catalog.structure import (
    Diagnostic,
    LeetCodeInfo,
    NoteMeta,
    ParsedNote,
)
from notes_portal.config import DIFFICULTIES

try:  # The C loader is several times faster on thousands of notes.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML that keeps dates as written, so ``2026-13-45`` is reported, not raised."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

#: Same shape MkDocs accepts: ``---`` line, YAML, ``---`` or ``...`` line.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(?P<yaml>.*?\n)?(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.S)
TOP_LEVEL_KEY = re.compile(r"""^["']?([^\s:#"'][^:#"']*?)["']?\s*:(?:\s|$)""")
FIRST_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*$", re.M)
PROBLEM_FILE_NAME = re.compile(r"^(?P<id>\d{1,5})(?:[-_.](?P<slug>[a-z0-9-]+))?$")
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
        meta.leetcode = checker.leetcode(data, key_lines, display_path, rules)
    return ParsedNote(meta=meta, diagnostics=checker.diagnostics)


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
        fallback = heading.group("text").strip() if heading else PurePosixPath(path).stem
        source = "the first heading" if heading else "the file name"
        self.report(lines.get("title", 1), "title",
                    f"missing (expected a title in front matter); using {source}: {fallback!r}")
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

    def leetcode(self, data: dict, lines: dict[str, int], path: str, rules: Rules) -> LeetCodeInfo | None:
        block = data.get("leetcode")
        line = lines.get("leetcode", 1)
        name_match = PROBLEM_FILE_NAME.match(PurePosixPath(path).stem.split(".")[0])
        slug = name_match.group("slug") if name_match else None
        if block is None:
            block = {}
        if not isinstance(block, dict):
            self.report(line, "leetcode", f"{block!r} is not a mapping (expected id, difficulty, topics)")
            block = {}

        problem_id = self._problem_id(block.get("id"), name_match, line)
        if problem_id is None:
            return None

        difficulty = block.get("difficulty")
        if difficulty is not None:
            difficulty = str(difficulty).strip().lower()
            if difficulty not in DIFFICULTIES:
                self.report(line, "leetcode.difficulty", f"{block.get('difficulty')!r} is not allowed "
                            f"(expected one of: {', '.join(DIFFICULTIES)})")
                difficulty = None
        else:
            self.report(line, "leetcode.difficulty", f"missing (expected one of: {', '.join(DIFFICULTIES)})")

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
        return LeetCodeInfo(id=problem_id, difficulty=difficulty, topics=tuple(topics), slug=slug)

    def _problem_id(self, value: Any, name_match: re.Match | None, line: int) -> int | None:
        if value is not None:
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
            if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
                return int(value)
            self.report(line, "leetcode.id", f"{value!r} is not a problem number (expected a positive "
                        "integer such as 76)")
        if name_match:
            return int(name_match.group("id"))
        self.report(line, "leetcode.id", "missing (expected leetcode.id, or a file name that starts "
                    "with the number, such as 0076-minimum-window-substring.md)")
        return None
