"""The ``notes-portal`` command: ``new`` scaffolds a note with valid front matter, ``check``
reports bad notes as ``path:line: field: problem (expected …)`` exactly as the build does.

The command runs as a real subprocess in a temporary project (``mkdocs.yml`` + ``docs/``).
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sites import BUILD_ENV, FixtureSite

#: ``docs/nlp/x.md:3: date: '…' is not a valid date (expected …)…``
DIAGNOSTIC = re.compile(r"^(?P<path>docs/[^:]+):(?P<line>\d+): (?P<field>[a-z][a-z. ]*): (?P<problem>.+?) "
                        r"\(expected (?P<expected>[^)]+)\)")
BUILD_MESSAGE = re.compile(r"^(?:WARNING|ERROR)\s+-\s+notes_portal: (?P<message>.*)$")
#: The first paragraph ``new`` writes, which the author is meant to replace.
PLACEHOLDER = "在这里写第一段：它会成为首页上的摘要。"


def run_cli(project: FixtureSite, *args: str, script: list[str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``notes-portal <args>`` in the project folder."""
    command = script or [sys.executable, "-m", "notes_portal.authoring.cli"]
    return subprocess.run([*command, *args], check=False, cwd=project.root, capture_output=True, text=True,
                          env=BUILD_ENV, timeout=120)


def replace_placeholder(path: Path) -> None:
    """Do what the author does next: write the first paragraph."""
    text = path.read_text(encoding="utf-8")
    assert PLACEHOLDER in text
    path.write_text(text.replace(PLACEHOLDER, "注意力让每个位置直接看到所有位置。"), encoding="utf-8")


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), text
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.fixture
def project(tmp_path: Path) -> FixtureSite:
    """A project folder holding the fixture portal's ``mkdocs.yml`` and an empty ``docs/``."""
    site = FixtureSite(tmp_path / "project")
    (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config(), allow_unicode=True), encoding="utf-8")
    return site


# -- new -------------------------------------------------------------------------


@pytest.mark.parametrize(("category", "title", "file_name"), [
    ("deep-learning", "Layer Normalization", "layer-normalization.md"),
    ("nlp", "注意力机制", "zhu-yi-li-ji-zhi.md"),
    ("deep-learning", "LRU 缓存", "lru-huan-cun.md"),
    ("nlp", "Ｔｒａｎｓｆｏｒｍｅｒ 与 Café", "transformer-yu-cafe.md"),
    ("nlp", "😀 ✨", f"{dt.date.today().isoformat()}.md"),
])
def test_new_writes_note_with_front_matter(project: FixtureSite, category: str, title: str,
                                           file_name: str) -> None:
    """``new <category> "<title>"`` writes ``docs/<category>/<slug>.md`` with title, today's date and
    tags, and prints where it wrote it. The default slug is ASCII: Chinese in pinyin, full-width and
    accented letters plain, today's date when no letter or digit is left."""
    before = dt.date.today()
    done = run_cli(project, "new", category, title)
    assert done.returncode == 0, done.stderr
    path = project.docs / category / file_name
    assert Path(project.root, done.stdout.strip()).resolve() == path.resolve()
    meta = front_matter(path)
    assert list(meta) == ["title", "date", "tags"]
    assert meta["title"] == title
    assert meta["tags"] == []
    assert before <= meta["date"] <= dt.date.today()
    assert [file.relative_to(project.docs).as_posix() for file in project.docs.rglob("*.md")] == [
        f"{category}/{file_name}"]


def test_new_note_passes_check(project: FixtureSite) -> None:
    """What ``new`` writes is a valid note once its first paragraph is written: ``check`` finds
    nothing to say about it."""
    assert run_cli(project, "new", "nlp", "分词", "--tag", "NLP", "--tag", "分词").returncode == 0
    assert front_matter(project.docs / "nlp/fen-ci.md")["tags"] == ["NLP", "分词"]
    replace_placeholder(project.docs / "nlp/fen-ci.md")
    done = run_cli(project, "check")
    assert (done.returncode, done.stdout) == (0, "")


def test_new_refuses_to_overwrite(project: FixtureSite) -> None:
    """An existing note is never replaced: exit status 2 and the file is unchanged."""
    existing = project.write("nlp/attention.md", "---\ntitle: 我的笔记\n---\n\n别覆盖我。\n", dedent=False)
    before = existing.read_bytes()
    done = run_cli(project, "new", "nlp", "Attention")
    assert done.returncode == 2
    assert done.stdout == ""
    assert "already exists" in done.stderr
    assert existing.read_bytes() == before


def test_new_leetcode_note(project: FixtureSite) -> None:
    """``new leetcode <id> "<title>" --slug --difficulty --topic`` writes ``0076-<slug>.md`` with the
    ``leetcode`` block, which ``check`` accepts."""
    before = dt.date.today()
    done = run_cli(project, "new", "leetcode", "76", "最小覆盖子串", "--slug", "minimum-window-substring",
                   "--difficulty", "hard", "--topic", "滑动窗口")
    assert done.returncode == 0, done.stderr
    path = project.docs / "leetcode/0076-minimum-window-substring.md"
    assert Path(project.root, done.stdout.strip()).resolve() == path.resolve()
    meta = front_matter(path)
    assert meta["title"] == "最小覆盖子串"
    assert before <= meta["date"] <= dt.date.today()
    assert meta["leetcode"] == {"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]}
    replace_placeholder(path)
    assert run_cli(project, "check").returncode == 0


@pytest.mark.parametrize(("words", "file_name"), [
    (["3", "无重复字符的最长子串", "--en-title", "Longest Substring Without Repeating Characters"],
     "0003-longest-substring-without-repeating-characters.md"),
    (["50", "Pow(x, n)"], "0050-powx-n.md"),
    (["167", "Two Sum II - Input Array Is Sorted"], "0167-two-sum-ii-input-array-is-sorted.md"),
    (["4", "寻找两个正序数组的中位数"], "0004.md"),
])
def test_new_leetcode_file_name_is_ascii(project: FixtureSite, words: list[str], file_name: str) -> None:
    """A LeetCode note is named by its number and LeetCode's slug of the English title (given with
    ``--en-title``, or the title when it is English), which the build uses as the statement's
    address; a Chinese title alone gives the number alone, never a made-up slug."""
    done = run_cli(project, "new", "leetcode", *words)
    assert done.returncode == 0, done.stderr
    assert [file.name for file in (project.docs / "leetcode").iterdir()] == [file_name]
    assert front_matter(project.docs / "leetcode" / file_name)["title"] == words[1]


EXISTING_PROBLEM_3 = {
    "by file name": ("leetcode/0003-longest-substring.md", "---\ntitle: 无重复字符的最长子串\n---\n\n正文。\n"),
    "by file name, with an English translation": (
        "leetcode/0003-longest-substring.md", "---\ntitle: 无重复字符的最长子串\n---\n\n正文。\n"),
    "by folder name": ("leetcode/0003.Longest Substring Without Repeating Characters/README.md",
                       "# 无重复字符的最长子串\n\n正文。\n"),
    "by leetcode.id": ("leetcode/longest.md", "---\ntitle: 最长子串\nleetcode:\n  id: 3\n---\n\n正文。\n"),
    "by first heading": ("leetcode/sliding-window.md", "# 3. 无重复字符的最长子串\n\n正文。\n"),
    "by linked heading after a comment and a badge": (
        "leetcode/from-github.md",
        "<!-- 来自我的 GitHub 仓库 -->\n[![难度](https://img.shields.io/badge/中等-yellow)](#)\n\n"
        "# [3. 无重复字符的最长子串](https://leetcode.cn/problems/longest-substring-without-repeating-characters)"
        "\n\n正文。\n"),
}


@pytest.mark.parametrize("how", EXISTING_PROBLEM_3)
def test_new_refuses_a_problem_that_has_a_note(project: FixtureSite, how: str) -> None:
    """``new leetcode 3`` when problem 3 has a note, its number found where the build finds it:
    exit 1, a sentence naming that note (not its translation), and nothing written."""
    path, text = EXISTING_PROBLEM_3[how]
    project.write(path, text, dedent=False)
    written = [path]
    if "translation" in how:
        written.append(project.note(path.replace(".md", ".en.md"), "Longest Substring", "2024-01-01")
                       .relative_to(project.docs).as_posix())
    done = run_cli(project, "new", "leetcode", "3", "无重复字符的最长子串", "--en-title",
                   "Longest Substring Without Repeating Characters")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (f"problem 3 already has a note: docs/{path}. Nothing was written; "
                           "add to that note instead.\n")
    assert sorted(file.relative_to(project.docs).as_posix() for file in project.docs.rglob("*.md")) == \
        sorted(written)
    assert run_cli(project, "new", "leetcode", "33", "搜索旋转排序数组").returncode == 0  # 33 is not 3


def test_new_leetcode_unknown_topic_is_refused(project: FixtureSite) -> None:
    """A topic that isn't configured exits 2, names the topic, and writes nothing."""
    done = run_cli(project, "new", "leetcode", "76", "最小覆盖子串", "--topic", "动态规划X")
    assert done.returncode == 2
    assert "'动态规划X'" in done.stderr
    assert list(project.docs.rglob("*.md")) == []


def test_new_unknown_category_is_refused(project: FixtureSite) -> None:
    """A category missing from ``mkdocs.yml`` exits 2 and writes nothing."""
    done = run_cli(project, "new", "cooking", "红烧肉")
    assert done.returncode == 2
    assert "'cooking'" in done.stderr
    assert list(project.docs.rglob("*.md")) == []


# -- check -----------------------------------------------------------------------


def write_good_notes(site: FixtureSite) -> None:
    site.note("nlp/attention.md", "注意力机制", "2024-01-01", tags=["NLP"])
    site.note("nlp/attention.en.md", "Attention", "2024-01-01", "Body.")
    site.note("deep-learning/dropout.md", "Dropout", "2023-06-01")
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2024-05-05",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("leetcode/0076-minimum-window-substring.en.md", "Minimum Window Substring", "2024-05-05",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})


def test_check_good_notes_exits_0(project: FixtureSite) -> None:
    """Valid notes (translations included, even of LeetCode notes) give exit 0, no problem and a
    sentence saying so; an ``x.en.md`` translation is not a second note for the same problem."""
    write_good_notes(project)
    done = run_cli(project, "check")
    assert (done.returncode, done.stdout) == (0, "")
    assert done.stderr == "Checked 5 notes and found no problems.\n"


def test_check_reports_the_scaffold_placeholder(project: FixtureSite) -> None:
    """A note that still holds the paragraph ``new`` wrote, whether fresh from ``new`` or an older
    note, is a problem at the placeholder's line: exit 1."""
    project.write("deep-learning/old.md", f"---\ntitle: 旧笔记\ndate: 2024-01-01\n---\n\n{PLACEHOLDER}\n",
                  dedent=False)
    assert run_cli(project, "new", "nlp", "分词").returncode == 0
    done = run_cli(project, "check")
    assert done.returncode == 1
    expected = ("still holds the scaffold's placeholder '在这里写第一段：它会成为首页上的摘要。' (expected your "
                "own first paragraph); the home page would show the placeholder as the note's summary")
    assert done.stdout.splitlines() == [f"docs/deep-learning/old.md:6: content: {expected}",
                                        f"docs/nlp/fen-ci.md:7: content: {expected}"]
    assert done.stderr == "Checked 2 notes and found 2 problems in 2 files.\n"


@pytest.mark.parametrize("bad_date", ["2024/01/05", "2026-13-45"])
def test_check_points_at_the_line_of_a_bad_date(project: FixtureSite, bad_date: str) -> None:
    """A bad ``date:`` on line 3 is reported as ``docs/nlp/bad.md:3: date: ...`` and exits 1."""
    project.write("nlp/bad.md", f"---\ntitle: 坏日期\ndate: {bad_date}\ntags: [x]\n---\n\n正文。\n", dedent=False)
    done = run_cli(project, "check")
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines() == [
        (f"docs/nlp/bad.md:3: date: '{bad_date}' is not a valid date (expected a date written YYYY-MM-DD); "
         "using the file's git history, else its modification time")], done.stderr[-2000:]


def write_bad_notes(site: FixtureSite) -> None:
    """One note per kind of front matter mistake, plus a duplicate problem and an undeclared folder."""
    site.write("nlp/bad-yaml.md", "---\ntitle: [unclosed\ndate: 2024-01-01\n---\n\n# 坏 YAML\n", dedent=False)
    site.write("nlp/no-title.md", "---\ndate: 2024-01-02\n---\n\n# 第一标题\n\n正文。\n", dedent=False)
    site.write("nlp/bad-date.md", "---\ntitle: 坏日期\ndate: 2024/01/05\n---\n\n正文。\n", dedent=False)
    site.write("nlp/empty.md", "", dedent=False)
    site.note("nlp/future.md", "未来", "2099-01-01")
    site.note("deep-learning/bad-fields.md", "坏字段", "2024-01-03", updated="2023-01-01", tags={"not": "a list"},
              draft="maybe")
    site.note("leetcode/0003-longest-substring.md", "无重复字符的最长子串", "2024-01-04",
              leetcode={"id": 3, "difficulty": "impossible", "topics": ["不存在的专题"]})
    # Two notes for problem 76: the newer one sorts last by file name.
    site.note("leetcode/0076-minimum-window-substring.md", "最小覆盖子串", "2023-01-01",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("leetcode/76-again.md", "最小覆盖子串（二刷）", "2024-06-01",
              leetcode={"id": 76, "difficulty": "hard", "topics": ["滑动窗口"]})
    site.note("misc/orphan.md", "无处安放", "2024-01-01")


def test_check_reports_every_problem_in_the_same_form(project: FixtureSite) -> None:
    """Each problem is one ``path:line: field: problem (expected …)`` line, and the exit status is 1."""
    write_bad_notes(project)
    done = run_cli(project, "check")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert [line for line in lines if not DIAGNOSTIC.match(line)] == []
    reported = sorted({(m["path"], m["field"]) for m in map(DIAGNOSTIC.match, lines)})
    assert reported == [
        ("docs/deep-learning/bad-fields.md", "draft"),
        ("docs/deep-learning/bad-fields.md", "tags"),
        ("docs/deep-learning/bad-fields.md", "updated"),
        ("docs/leetcode/0003-longest-substring.md", "leetcode.difficulty"),
        ("docs/leetcode/0003-longest-substring.md", "leetcode.topics"),
        ("docs/leetcode/0076-minimum-window-substring.md", "leetcode.id"),
        ("docs/misc", "category"),
        ("docs/nlp/bad-date.md", "date"),
        ("docs/nlp/bad-yaml.md", "front matter"),
        ("docs/nlp/empty.md", "content"),
        ("docs/nlp/empty.md", "title"),
        ("docs/nlp/future.md", "date"),
    ]  # a note titled by its first heading (no-title.md, bad-yaml.md) is fine


def test_check_reports_duplicate_problem_numbers(project: FixtureSite) -> None:
    """Two notes for problem 76 are one error naming both files."""
    write_bad_notes(project)
    lines = run_cli(project, "check").stdout.splitlines()
    duplicates = [line for line in lines if ": leetcode.id: " in line]
    assert duplicates == [
        ("docs/leetcode/0076-minimum-window-substring.md:1: leetcode.id: problem 76 also has a note in "
         "docs/leetcode/76-again.md (expected one note per problem); all of them are built")]


def test_check_agrees_with_the_build(project: FixtureSite) -> None:
    """``check`` prints exactly the messages the build logs for the same notes."""
    write_bad_notes(project)
    checked = run_cli(project, "check").stdout.splitlines()
    build = project.build()
    assert build.returncode == 0, build.output
    logged = [m["message"] for m in map(BUILD_MESSAGE.match, build.output.splitlines()) if m]
    assert sorted(checked) == sorted(logged)


def test_console_script_is_installed(project: FixtureSite) -> None:
    """The ``notes-portal`` console script next to the interpreter runs the same command."""
    script = Path(sys.executable).parent / "notes-portal"
    assert script.is_file(), f"{script} is missing: is the project installed (pip install -e .)?"
    write_good_notes(project)
    done = run_cli(project, "check", script=[str(script)])
    assert (done.returncode, done.stdout) == (0, "")
    done = run_cli(project, "--help", script=[str(script)])
    assert done.returncode == 0
    assert done.stdout.startswith("usage: notes-portal ")


def test_check_summarizes_a_large_collection_by_kind(project: FixtureSite) -> None:
    """Five notes with the same unknown difficulty and one bad date: by default the first three of
    the difficulty problems are listed, with a count of five and a pointer to --verbose, and the date
    problem in full; --verbose lists all six."""
    for number in range(1, 6):
        project.note(f"leetcode/{number:04d}-p{number}.md", f"题目{number}", "2024-01-01",
                     leetcode={"id": number, "difficulty": "nightmare"})
    project.note("nlp/late.md", "迟到", "2024-02-30")
    done = run_cli(project, "check")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    difficulty = [line for line in lines if ": leetcode.difficulty: " in line]
    assert [line.split(":")[0] for line in difficulty] == [
        "docs/leetcode/0001-p1.md", "docs/leetcode/0002-p2.md", "docs/leetcode/0003-p3.md"]
    assert [line.split(":")[0] for line in lines if ": date: " in line] == ["docs/nlp/late.md"]
    assert done.stderr.splitlines() == [
        ("2 more problems like the leetcode.difficulty one at docs/leetcode/0001-p1.md:6 are not shown "
         "(5 in all); notes-portal check --verbose lists them all."),
        "Checked 6 notes and found 6 problems in 6 files.",
    ]

    everything = run_cli(project, "check", "--verbose")
    assert len([line for line in everything.stdout.splitlines() if ": leetcode.difficulty: " in line]) == 5
    assert everything.stderr == "Checked 6 notes and found 6 problems in 6 files.\n"


def test_check_summary_is_sentences_not_cut_messages(project: FixtureSite) -> None:
    """A YAML error is listed once in full (PyYAML's own words, with their values); what follows is
    one count sentence, never the message with its values cut out ("did not find expected … or …")."""
    project.write("nlp/unclosed.md", "---\ntitle: 未闭合\ntags: [NLP, 注意力\ndate: 2024-01-01\n---\n\n# 未闭合\n",
                  dedent=False)
    project.note("nlp/fine.md", "好笔记", "2024-01-01")
    done = run_cli(project, "check")
    assert done.returncode == 1
    [problem] = done.stdout.splitlines()
    assert problem.startswith("docs/nlp/unclosed.md:") and ": front matter: " in problem, problem
    assert "…" not in done.stderr
    assert done.stderr == "Checked 2 notes and found 1 problem in 1 file.\n"
