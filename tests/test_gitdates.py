"""Note dates from git history: ``read_git_dates`` on real repositories, and the dates a built feed shows."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from notes_portal.catalog.gitdates import FileDates, read_git_dates
from sites import BuildResult, FixtureSite

IDENTITY = {"GIT_AUTHOR_NAME": "Author", "GIT_AUTHOR_EMAIL": "author@example.org",
            "GIT_COMMITTER_NAME": "Author", "GIT_COMMITTER_EMAIL": "author@example.org"}


def git(repo: Path, *args: str, when: str | None = None) -> None:
    """Run git in ``repo``; ``when`` (``2021-05-06T12:00:00``) fixes author and committer dates."""
    env = {**os.environ, **IDENTITY, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def commit(repo: Path, when: str, *paths: str) -> None:
    git(repo, "add", "--", *paths)
    git(repo, "commit", "-q", "--no-gpg-sign", "-m", f"commit at {when}", when=when)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def set_mtime(path: Path, date: dt.date) -> None:
    """Give ``path`` a modification time at local noon of ``date``."""
    stamp = dt.datetime(date.year, date.month, date.day, 12).timestamp()
    os.utime(path, (stamp, stamp))


def real(path: Path) -> str:
    return os.path.realpath(path)


@pytest.fixture(autouse=True)
def isolated_git(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep git from finding a repository above the temporary folders or the user's config."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent.parent))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def new_repo(path: Path) -> Path:
    """An empty git work tree at ``path``."""
    path.mkdir()
    git(path, "init", "-q")
    return path


# -- read_git_dates --------------------------------------------------------------


def test_first_and_last_commit_dates_per_file(tmp_path: Path) -> None:
    """Each file under docs maps to its first and last commit dates; files outside docs are ignored."""
    repo = new_repo(tmp_path / "repo")
    write(repo / "docs/nlp/edited.md", "v1\n")
    write(repo / "docs/nlp/once.md", "once\n")
    write(repo / "README.md", "outside docs\n")
    commit(repo, "2021-05-06T12:00:00", "docs", "README.md")
    write(repo / "docs/nlp/edited.md", "v2\n")
    write(repo / "docs/nlp/later.md", "later\n")
    commit(repo, "2022-07-08T12:00:00", "docs")
    write(repo / "docs/nlp/edited.md", "v3\n")
    commit(repo, "2023-09-10T12:00:00", "docs")
    write(repo / "docs/nlp/untracked.md", "never committed\n")

    assert read_git_dates(str(repo / "docs")) == {
        real(repo / "docs/nlp/edited.md"): FileDates(dt.date(2021, 5, 6), dt.date(2023, 9, 10)),
        real(repo / "docs/nlp/once.md"): FileDates(dt.date(2021, 5, 6), dt.date(2021, 5, 6)),
        real(repo / "docs/nlp/later.md"): FileDates(dt.date(2022, 7, 8), dt.date(2022, 7, 8)),
    }


def test_non_ascii_and_spaced_file_names(tmp_path: Path) -> None:
    """Chinese and space-containing file names are keyed by their real paths, not git's quoted form."""
    repo = new_repo(tmp_path / "repo")
    write(repo / "docs/数学/线性代数.md", "矩阵\n")
    write(repo / "docs/nlp/word vectors.md", "vectors\n")
    commit(repo, "2020-02-03T12:00:00", "docs")

    assert read_git_dates(str(repo / "docs")) == {
        real(repo / "docs/数学/线性代数.md"): FileDates(dt.date(2020, 2, 3), dt.date(2020, 2, 3)),
        real(repo / "docs/nlp/word vectors.md"): FileDates(dt.date(2020, 2, 3), dt.date(2020, 2, 3)),
    }


def test_docs_dir_is_the_repository_root(tmp_path: Path) -> None:
    """A docs folder that is itself the work tree's top level is read too."""
    repo = new_repo(tmp_path / "docs")
    write(repo / "nlp/a.md", "a\n")
    commit(repo, "2019-12-31T12:00:00", "nlp")
    assert read_git_dates(str(repo)) == {
        real(repo / "nlp/a.md"): FileDates(dt.date(2019, 12, 31), dt.date(2019, 12, 31))}


def test_folder_outside_git_gives_no_dates(tmp_path: Path) -> None:
    """A plain folder of notes yields an empty map, so the build falls back to file times."""
    docs = tmp_path / "plain" / "docs"
    write(docs / "nlp/a.md", "a\n")
    assert read_git_dates(str(docs)) == {}


def test_repository_without_commits_gives_no_dates(tmp_path: Path) -> None:
    """A fresh ``git init`` with no commit yet yields an empty map rather than failing."""
    repo = new_repo(tmp_path / "repo")
    write(repo / "docs/nlp/a.md", "a\n")
    assert read_git_dates(str(repo / "docs")) == {}


# -- dates shown by a built site --------------------------------------------------


def test_feed_dates_come_from_git_then_file_time(tmp_path: Path) -> None:
    """Without ``date`` a note is dated by its first commit; a later commit sets ``updated``;
    front matter wins where it is set; a note outside git is dated by its file time."""
    site = FixtureSite(tmp_path / "portal")
    git(site.root, "init", "-q")
    site.write("nlp/first.md", "---\ntitle: 只提交一次\n---\n\n正文。\n")
    site.write("nlp/edited.md", "---\ntitle: 提交后修改\n---\n\n第一版。\n")
    site.note("nlp/dated.md", "写了日期", "2020-01-01")
    site.note("nlp/dated-edited.md", "写了日期又修改", "2020-01-01", "第一版。")
    site.note("nlp/future-date.md", "日期晚于提交", "2023-03-03")
    site.note("nlp/explicit.md", "写了更新日期", "2020-01-01", updated="2020-06-01")
    commit(site.root, "2021-05-06T12:00:00", "docs")
    site.write("nlp/edited.md", "---\ntitle: 提交后修改\n---\n\n第二版。\n")
    commit(site.root, "2022-07-08T12:00:00", "docs")
    site.note("nlp/dated-edited.md", "写了日期又修改", "2020-01-01", "第二版。")
    commit(site.root, "2022-09-09T12:00:00", "docs")
    untracked = site.write("nlp/untracked.md", "---\ntitle: 未提交\n---\n\n正文。\n")
    set_mtime(untracked, dt.date(2019, 2, 3))

    result: BuildResult = site.build()
    assert result.returncode == 0, result.output
    for page in ("", "en/"):
        items = result.html(page).select("article.np-feed-item")
        shown = [(item.select_one(".np-feed-item__title a").get_text(strip=True),
                  item.select_one("time")["datetime"]) for item in items]
        assert shown == [
            ("日期晚于提交", "2023-03-03"),  # git's dates are older than the front matter date
            ("写了日期又修改", "2022-09-09"),  # dated 2020-01-01, changed in a later commit
            ("提交后修改", "2022-07-08"),  # first commit 2021-05-06, updated by the last one
            ("只提交一次", "2021-05-06"),  # no date: its only commit
            ("写了更新日期", "2020-06-01"),  # front matter updated wins over git
            ("写了日期", "2020-01-01"),  # committed once: the commit is not an update
            ("未提交", "2019-02-03"),  # not in git: file modification time
        ]
    zh_times = [t.get_text(strip=True) for t in result.html("").select("article.np-feed-item time")]
    assert zh_times[2] == "2022年7月8日"
