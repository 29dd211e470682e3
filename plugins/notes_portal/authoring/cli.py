"""``notes-portal``: scaffold a note with correct front matter, or check every note.

    notes-portal new deep-learning "注意力机制"
    notes-portal new leetcode 76 "最小覆盖子串" --en-title "Minimum Window Substring" --difficulty hard --topic 滑动窗口
    notes-portal check
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from notes_portal.authoring.check_report import SHOWN_PER_KIND, check_report
from notes_portal.authoring.file_names import ascii_slug, is_english, leetcode_slug
from notes_portal.authoring.problem_notes import notes_for_problem
from notes_portal.authoring.rules import todays_rules
from notes_portal.authoring.scaffold import BODY, leftover_placeholders
from notes_portal.authoring.tag_names import TagNames
from notes_portal.authoring.validation import check_docs, note_sources
from notes_portal.config import DEFAULT_TOPICS, DIFFICULTIES

EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
class ProjectSettings:
    """What the CLI needs from ``mkdocs.yml``, read without loading MkDocs or its plugins."""

    project_dir: Path
    docs_dir: Path
    categories: list[str]
    topics: list[str]
    leetcode_category: str
    #: Tags' names in other languages (``tags`` and the topics' ``en``), to check translations' tags.
    tag_names: TagNames = TagNames()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="notes-portal", description=__doc__.splitlines()[0])
    parser.add_argument("-f", "--config-file", default="mkdocs.yml", help="path to mkdocs.yml")
    commands = parser.add_subparsers(dest="command", required=True)

    new = commands.add_parser("new", help="write a new note with front matter and print its path")
    new.add_argument("category", help="category folder, e.g. deep-learning or leetcode")
    new.add_argument("words", nargs="+", help='"<title>", or for leetcode: <id> "<title>"')
    new.add_argument("--slug", help="file name without .md (default: ASCII, the title in pinyin; for "
                     "leetcode the number and the English title's slug, else the number alone)")
    new.add_argument("--en-title", help="leetcode only: the problem's English title, for the file name")
    new.add_argument("--difficulty", choices=DIFFICULTIES, help="leetcode only")
    new.add_argument("--topic", action="append", default=[], help="leetcode only; repeatable")
    new.add_argument("--tag", action="append", default=[], help="repeatable")

    check = commands.add_parser("check", help="validate every note's front matter; exit 1 on any problem")
    check.add_argument("-v", "--verbose", action="store_true",
                       help=f"list every problem (default: the first {SHOWN_PER_KIND} of each kind)")
    args = parser.parse_args(argv)

    try:
        settings = read_settings(Path(args.config_file))
    except (OSError, ValueError) as error:
        print(f"{args.config_file}: {error}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "check":
        return run_check(settings, verbose=args.verbose)
    return run_new(settings, args)


def run_check(settings: ProjectSettings, *, verbose: bool = False) -> int:
    rules = todays_rules(settings.topics, settings.leetcode_category)
    diagnostics = check_docs(settings.docs_dir, settings.project_dir, settings.categories, rules, settings.tag_names)
    sources = [path for _, path in note_sources(settings.docs_dir, settings.leetcode_category)]
    diagnostics += leftover_placeholders(sources, settings.project_dir)
    problems, summary = check_report(diagnostics, note_count=len(sources), verbose=verbose)
    for line in problems:
        print(line)
    for line in summary:
        print(line, file=sys.stderr)
    return EXIT_PROBLEMS if diagnostics else 0


def run_new(settings: ProjectSettings, args: argparse.Namespace) -> int:
    if args.category not in settings.categories:
        print(f"category {args.category!r} is not declared in mkdocs.yml (expected one of: "
              f"{', '.join(settings.categories)})", file=sys.stderr)
        return EXIT_USAGE
    front: dict = {}
    if args.category == settings.leetcode_category:
        if len(args.words) < 2 or not args.words[0].isdigit() or int(args.words[0]) < 1:
            print('usage: notes-portal new leetcode <id> "<title>" (id: a positive integer)', file=sys.stderr)
            return EXIT_USAGE
        problem_id, title = int(args.words[0]), " ".join(args.words[1:])
        unknown = [t for t in args.topic if t not in settings.topics]
        if unknown:
            print(f"--topic {unknown[0]!r} is not configured (expected any of: {', '.join(settings.topics)})",
                  file=sys.stderr)
            return EXIT_USAGE
        rules = todays_rules(settings.topics, settings.leetcode_category)
        existing = notes_for_problem(settings.docs_dir, settings.project_dir, rules, problem_id)
        if existing:
            notes = "a note" if len(existing) == 1 else "notes"
            print(f"problem {problem_id} already has {notes}: {', '.join(existing)}. Nothing was written; "
                  "add to that note instead.", file=sys.stderr)
            return EXIT_PROBLEMS
        english = args.en_title or (title if is_english(title) else "")
        slug = args.slug or leetcode_slug(english)
        file_name = f"{problem_id:04d}-{slug}.md" if slug else f"{problem_id:04d}.md"
        front = {"title": title, "date": dt.date.today(), "tags": args.tag or list(args.topic),
                 "leetcode": {"id": problem_id, "difficulty": args.difficulty or "medium",
                              "topics": list(args.topic)}}
    else:
        title = " ".join(args.words)
        file_name = f"{args.slug or ascii_slug(title) or dt.date.today().isoformat()}.md"
        front = {"title": title, "date": dt.date.today(), "tags": list(args.tag)}

    path = settings.docs_dir / args.category / file_name
    if path.exists():
        print(f"{path}: already exists; not overwritten (choose another --slug)", file=sys.stderr)
        return EXIT_USAGE
    path.parent.mkdir(parents=True, exist_ok=True)
    body = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(f"---\n{body}---\n\n{BODY}")
    print(path)
    return 0


def read_settings(config_file: Path) -> ProjectSettings:
    """Read categories and topics from ``mkdocs.yml``; unknown YAML tags (``!!python/…``) are skipped."""
    with open(config_file, encoding="utf-8") as handle:
        config = yaml.load(handle, Loader=_TolerantLoader) or {}
    plugin = next((entry["notes-portal"] for entry in config.get("plugins", [])
                   if isinstance(entry, dict) and "notes-portal" in entry), None)
    if plugin is None:
        raise ValueError("no notes-portal plugin entry under plugins (expected '- notes-portal: {...}')")
    project_dir = config_file.resolve().parent
    leetcode = plugin.get("leetcode") or {}
    return ProjectSettings(
        project_dir=project_dir,
        docs_dir=project_dir / config.get("docs_dir", "docs"),
        categories=[item["slug"] for item in plugin.get("categories", [])],
        topics=[t["name"] for t in leetcode.get("topics", DEFAULT_TOPICS)],
        leetcode_category=leetcode.get("category", "leetcode"),
        tag_names=TagNames.from_config(plugin.get("tags") or {}, leetcode.get("topics", DEFAULT_TOPICS),
                                       default_language(config)),
    )


def default_language(config: dict) -> str:
    """The language at the site root: mkdocs-static-i18n's default, else the theme's."""
    for entry in config.get("plugins", []):
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            for language in entry["i18n"].get("languages") or []:
                if isinstance(language, dict) and language.get("default"):
                    return str(language.get("locale"))
    theme = config.get("theme")
    return str(theme.get("language") or "en") if isinstance(theme, dict) else "en"


class _TolerantLoader(yaml.SafeLoader):
    """Safe YAML that turns the ``!!python/...`` tags of mkdocs.yml into None instead of failing."""


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda _loader, _suffix, _node: None)
_TolerantLoader.add_multi_constructor("!", lambda _loader, _suffix, _node: None)


if __name__ == "__main__":
    sys.exit(main())
