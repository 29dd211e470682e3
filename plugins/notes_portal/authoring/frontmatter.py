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
from notes_portal.authoring.note_links import link_targets
from notes_portal.model.structure import (
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
#: Separators of tags written as one string: ``NLP, 注意力``, ``NLP、注意力``, ``NLP，注意力``.
TAG_SEPARATORS = re.compile(r"[,，、]")
LEFT_OUT_OF_INDEX = "the note is left out of the LeetCode index"
#: What an author reads when PyYAML names what it was doing at the line it names.
UNCLOSED = {
    "while parsing a flow sequence": "the list opened with '[' on this line is never closed "
                                     "(expected ']' after its last item)",
    "while parsing a flow mapping": "the mapping opened with '{' on this line is never closed "
                                    "(expected '}' after its last item)",
    "while scanning a quoted scalar": "the quoted text that starts on this line is never closed "
                                      "(expected the same quote mark at its end)",
}


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
    """Read a note the way MkDocs does: UTF-8, a BOM dropped, any line ending normalised.

    Raises ``UnicodeDecodeError`` for a file that isn't UTF-8 (``not_utf8`` words it)."""
    with open(path, encoding="utf-8-sig", errors="strict") as handle:
        return handle.read()


def not_utf8(display_path: str, error: UnicodeDecodeError) -> Diagnostic:
    """The one error for a file that isn't UTF-8 text, which the build leaves out of the site."""
    return Diagnostic(display_path, _line_at(error.object, error.start), "encoding",
                      "the file is not UTF-8 text (expected UTF-8: save it as UTF-8 in the editor); "
                      f"byte {error.object[error.start]:#04x} at offset {error.start} is the first that "
                      "isn't, and the file is left out of the site",
                      "error")


def _line_at(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def page_meta(parsed: ParsedNote) -> dict:
    """The front matter as MkDocs' ``page.meta``: every field as written, except those the
    portal validated, which are given as the catalog reads them (so nothing reads them twice)."""
    meta = dict(parsed.fields)
    meta["title"] = parsed.meta.title
    meta["tags"] = list(parsed.meta.tags)
    if parsed.meta.summary is not None:
        meta["summary"] = parsed.meta.summary
    return meta


def parse_note(display_path: str, text: str, category: str, rules: Rules) -> ParsedNote:
    """Parse and validate one note; never raises for bad content, reports it instead."""
    checker = _Checker(display_path)
    yaml_text, body, _ = split_front_matter(text)
    data, key_lines = checker.load(yaml_text)
    checker.yaml_lines = (yaml_text or "").splitlines()

    if not text.strip():
        checker.report(1, "content", "the file is empty (expected front matter and text)")

    meta = NoteMeta(
        title=checker.title(data, key_lines, body, display_path, front_matter_read=not checker.yaml_broken),
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
    return ParsedNote(meta=meta, diagnostics=checker.diagnostics, links=link_targets(body), fields=data)


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


def written(value: Any, limit: int = 80) -> str:
    """A YAML value as an author writes it, on one line (``true``, ``null``, ``{a: b}``,
    ``12.5``): messages name values in the author's words, not Python's (``True``,
    ``{'a': 'b'}``). Strings are quoted, with line breaks escaped; long values are cut."""
    text = repr(value) if isinstance(value, str) else _flow(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"


#: A string inside a list or mapping that reads the same written bare in YAML's flow style.
_BARE = re.compile(r"[^\W\d_][^\s'\"\[\]{},:#]*(?: [^\s'\"\[\]{},:#]+)*")


def _flow(value: Any) -> str:
    if isinstance(value, str):
        bare = _BARE.fullmatch(value) and value.lower() not in ("true", "false", "null", "yes", "no", "on", "off")
        return value if bare else repr(value)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return {"nan": ".nan", "inf": ".inf", "-inf": "-.inf"}[str(value)]
    if isinstance(value, list):
        return "[" + ", ".join(_flow(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow(key)}: {_flow(item)}" for key, item in value.items()) + "}"
    return str(value)


class _Checker:
    """Validates one note's fields, collecting diagnostics instead of failing."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []
        #: True when the front matter is there but isn't a YAML mapping: no field was read.
        self.yaml_broken = False
        #: The front matter's lines (the line after the opening ``---`` is line 2 of the file).
        self.yaml_lines: list[str] = []

    def report(self, line: int, field: str, message: str, level: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(self.path, line, field, message, level))

    def load(self, yaml_text: str | None) -> tuple[dict[str, Any], dict[str, int]]:
        if yaml_text is None:
            return {}, {}
        try:
            data = yaml.load(yaml_text, Loader=_Loader)
        except yaml.YAMLError as error:
            self.yaml_broken = True
            line, problem = _yaml_problem(error, yaml_text)
            self.report(line, "front matter", f"invalid YAML: {problem}; until it is fixed the note has "
                        "none of its front matter fields and takes its title from its first heading, else its file name",
                        "error")
            return {}, {}
        except RecursionError:  # nesting thousands deep: YAML, but no front matter anyone writes
            self.yaml_broken = True
            self.report(2, "front matter", "is nested too deeply to read (expected field: value lines)",
                        "error")
            return {}, {}
        if data is None:
            return {}, {}
        if not isinstance(data, dict):
            self.yaml_broken = True
            self.report(2, "front matter", f"is a {type(data).__name__}, not a mapping (expected "
                        "field: value lines between the --- lines)", "error")
            return {}, {}
        # Lines of the top-level keys, for messages; +2: 1-based, after the opening ---.
        key_lines = {}
        for number, line in enumerate(yaml_text.splitlines()):
            match = TOP_LEVEL_KEY.match(line)
            if match:
                key_lines.setdefault(match.group(1), number + 2)
        return data, key_lines

    def nested_line(self, block_line: int, key: str) -> int:
        """The line of ``key`` inside the block that starts at ``block_line`` (else that line)."""
        if block_line < 2:
            return block_line
        pattern = re.compile(rf"^\s+{re.escape(key)}\s*:|[{{,]\s*{re.escape(key)}\s*:")
        for number in range(block_line - 2, len(self.yaml_lines)):
            line = self.yaml_lines[number]
            if number > block_line - 2 and line[:1] not in (" ", "\t"):
                break  # the next top-level key: the block has ended
            if pattern.search(line):
                return number + 2
        return block_line

    def as_written(self, line: int, value: Any) -> str:
        """A scalar that isn't a string (``12345``, ``true``, ``2024-01-01``) as text, as written."""
        if 2 <= line < len(self.yaml_lines) + 2:
            _, _, rest = self.yaml_lines[line - 2].partition(":")
            rest = rest.split(" #", 1)[0].strip()
            if rest and rest[0] not in "[{&*!|>'\"":
                return rest
        return str(value)

    def title(self, data: dict, lines: dict[str, int], body: str, path: str, *,
              front_matter_read: bool = True) -> str:
        value = data.get("title")
        line = lines.get("title", 1)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if _is_scalar(value):
            return self.as_written(line, value)  # ``title: 12345`` is the text 12345
        if isinstance(value, str):
            self.report(line, "title", "is empty (expected text); using the first heading or the file name")
        elif value is not None:
            self.report(line, "title", f"{written(value)} is not text (expected a string); "
                        "using the first heading or the file name")
        heading = FIRST_HEADING.search(body)
        title = heading_title(heading.group("text")) if heading else ""
        if title:  # as MkDocs does: the first heading is the page's title, nothing to report
            return title
        fallback = PurePosixPath(path).stem
        if front_matter_read:  # else the YAML error already says what to fix
            self.report(line, "title", "missing (expected a title in front matter or a "
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
            self.report(line, field, f"{written(value)} is not a date (expected {DATE_FORMAT_HINT}); "
                        f"{FALLBACK_DATE}")
            return None
        if value > today:
            self.report(line, field, f"{value.isoformat()} is in the future (expected a date "
                        f"on or before {today.isoformat()}); the note is still published")
        return value

    def tags(self, data: dict, lines: dict[str, int]) -> list[str]:
        value = data.get("tags")
        line = lines.get("tags", 1)
        if value is None:
            return []
        if isinstance(value, str):
            parts = [part.strip() for part in TAG_SEPARATORS.split(value)]
            if len(parts) > 1:
                tags = [part for part in parts if part]
                self.report(line, "tags", f"{value!r} is one string, read as the tags "
                            f"{', '.join(repr(tag) for tag in tags)} (a list, [tag, tag], says so "
                            "without this note)", "info")
                return tags
            value = [value]
        if _is_scalar(value):  # ``tags: 2024``: one tag, as text
            value = [value]
        if not isinstance(value, list):
            self.report(line, "tags", f"{written(value)} is not a list (expected [tag, tag]); "
                        "the note has no tags")
            return []
        tags = []
        for tag in value:
            if isinstance(tag, str) and tag.strip():
                tags.append(tag.strip())
            elif isinstance(tag, (int, float)) and not isinstance(tag, bool):
                tags.append(str(tag))  # numbers are tags as text: 2024, 3.5
            elif isinstance(tag, str) or tag is None:
                self.report(line, "tags", f"an item is empty (expected non-empty text); {written(tag)} "
                            "is left out")
            else:
                self.report(line, "tags", "an item is not text (expected text, such as 注意力); "
                            f"{written(tag)} is left out")
        return tags

    def text(self, data: dict, lines: dict[str, int], field: str) -> str | None:
        value = data.get(field)
        line = lines.get(field, 1)
        if value is None:
            return None
        if isinstance(value, str):
            return value
        if _is_scalar(value):
            return self.as_written(line, value)
        self.report(line, field, f"{written(value)} is not text (expected a string)")
        return None

    def flag(self, data: dict, lines: dict[str, int], field: str) -> bool:
        value = data.get(field, False)
        if isinstance(value, bool):
            return value
        self.report(lines.get(field, 1), field, f"{written(value)} is not true or false (expected a boolean); "
                    f"read as {str(bool(value)).lower()}")
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
            self.report(line, "leetcode", f"{written(block)} is not a mapping (expected id, difficulty, topics)")
            block = {}

        title_id, bare_title = split_problem_number(title)
        id_line = self.nested_line(line, "id") if "id" in block else line
        problem_id = self._problem_id(block.get("id"), title_id or name_id, id_line)
        if problem_id is None:
            return None, title
        if title_id == problem_id and bare_title:
            title = bare_title  # shown as "76. 最小覆盖子串" by display_title, never twice

        if "difficulty" in block:
            difficulty = self._difficulty(block["difficulty"], self.nested_line(line, "difficulty"),
                                          "leetcode.difficulty")
        else:
            difficulty = self._difficulty(data.get("difficulty"), lines.get("difficulty", 1), "difficulty")

        declared = "topics" in block and block["topics"] is not None
        raw_topics = block.get("topics") or []
        if isinstance(raw_topics, str):
            raw_topics = [raw_topics]
        topics = []
        topics_line = self.nested_line(line, "topics")
        for topic in raw_topics if isinstance(raw_topics, list) else [raw_topics]:
            if isinstance(topic, str) and topic in rules.topics:
                topics.append(topic)
            else:
                self.report(topics_line, "leetcode.topics", f"{written(topic)} is not a configured topic "
                            f"(expected any of: {', '.join(rules.topics)})")
        return LeetCodeInfo(id=problem_id, difficulty=difficulty, topics=tuple(topics), slug=slug,
                            topics_declared=declared), title

    def _difficulty(self, value: Any, line: int, field: str) -> str | None:
        """``easy``/``Easy``/``简单`` → ``easy``; no difficulty is valid (shown as unrated)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        difficulty = DIFFICULTY_NAMES.get(value.strip().lower()) if isinstance(value, str) else None
        if difficulty is None:
            self.report(line, field, f"{written(value)} is not allowed (expected {DIFFICULTY_HINT}); "
                        "shown as unrated")
        return difficulty

    def _problem_id(self, value: Any, fallback: int | None, line: int) -> int | None:
        """The problem number; one message when ``leetcode.id`` is written but isn't one."""
        if value is not None:
            if isinstance(value, int) and not isinstance(value, bool) and value > 0:
                return value
            if isinstance(value, str) and value.strip().isascii() and value.strip().isdecimal() \
                    and int(value) > 0:
                return int(value)
            consequence = (f"using {fallback}, from the title or the file name" if fallback
                           else LEFT_OUT_OF_INDEX)
            self.report(line, "leetcode.id", f"{written(value)} is not a problem number (expected a "
                        f"positive integer such as 76); {consequence}")
            return fallback or None
        if fallback:
            return fallback
        self.report(line, "leetcode.id", "missing (expected leetcode.id, a first heading that starts "
                    "with the number such as '# 76. 最小覆盖子串', or a file or folder name that starts "
                    f"with it, such as 0076-minimum-window-substring.md); {LEFT_OUT_OF_INDEX}")
        return None


def _is_scalar(value: Any) -> bool:
    """A number, a boolean or a date: YAML's scalars besides strings and null."""
    return isinstance(value, (int, float, dt.date))


def _yaml_problem(error: yaml.YAMLError, yaml_text: str) -> tuple[int, str]:
    """The file line an author should look at, and what to fix there, in whole words.

    PyYAML names where it gave up: for a list or a quote never closed, that is the end of
    the front matter (the closing ``---``) or the next field; the line that opened it is the
    one to fix.
    """
    problem_mark = getattr(error, "problem_mark", None)
    context_mark = getattr(error, "context_mark", None)
    context = getattr(error, "context", None) or ""
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    at_end = problem_mark is not None and problem_mark.index >= len(yaml_text.rstrip())
    if context_mark is not None and (at_end or problem_mark is None or context in UNCLOSED):
        return context_mark.line + 2, UNCLOSED.get(context, f"{problem}, {context} that starts on this line "
                                                            "(expected it closed before the closing ---)")
    line = problem_mark.line + 2 if problem_mark is not None else 2  # 1-based, after the opening ---
    where = f" ({context} that starts on line {context_mark.line + 2})" if context_mark is not None else ""
    return line, f"{problem}{where} (expected field: value lines, lists as [a, b] or '- a' lines)"
