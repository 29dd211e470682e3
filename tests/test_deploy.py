"""``mkdocs gh-deploy`` publishes the portal (both languages, feed, CNAME) to a gh-pages branch.

A small fixture site is made a git repository whose ``origin`` is a local bare repository;
it is deployed, a note is changed and committed, and it is deployed again. Real git, real
MkDocs, no network.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from lxml import etree
from sites import BUILD_ENV, MKDOCS, REPO, FixtureSite

DOMAIN = "notes.example.org"
ATOM = "{http://www.w3.org/2005/Atom}"
OLD_TITLE = "注意力机制"
NEW_TITLE = "注意力机制（修订版）"
OTHER_TITLE = "反向传播"
#: Commits work on a clean machine and ignore the user's own git configuration.
GIT_ENV = {
    **BUILD_ENV,
    "GIT_AUTHOR_NAME": "Notes Tests", "GIT_AUTHOR_EMAIL": "tests@example.org",
    "GIT_COMMITTER_NAME": "Notes Tests", "GIT_COMMITTER_EMAIL": "tests@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
}


def git(*args: str, cwd: Path | None = None) -> str:
    done = subprocess.run(["git", *args], check=False, cwd=cwd, capture_output=True, text=True, env=GIT_ENV)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


def gh_deploy(root: Path) -> None:
    done = subprocess.run([*MKDOCS, "gh-deploy", "--force"], check=False, cwd=root, capture_output=True,
                          text=True, env=GIT_ENV)
    assert done.returncode == 0, done.stdout + done.stderr


@dataclass(frozen=True)
class Deployment:
    """The remote's gh-pages branch right after one ``mkdocs gh-deploy``."""

    commit: str
    parents: list[str]
    message: str
    commit_count: int
    files: set[str]
    cname: str
    source_commit: str

    @staticmethod
    def read(bare: Path, source: Path) -> Deployment:
        def remote(*args: str) -> str:
            return git("--git-dir", str(bare), *args)

        commit, *parents = remote("rev-list", "--parents", "-n", "1", "gh-pages").split()
        return Deployment(
            commit=commit,
            parents=parents,
            message=remote("log", "-1", "--format=%s", "gh-pages").strip(),
            commit_count=int(remote("rev-list", "--count", "gh-pages")),
            files=set(remote("ls-tree", "-r", "--name-only", "gh-pages").splitlines()),
            cname=remote("show", "gh-pages:CNAME").strip(),
            source_commit=git("rev-parse", "--short", "HEAD", cwd=source).strip(),
        )


@dataclass(frozen=True)
class DeployRun:
    """Two deployments of the same site, a note's title changed in between."""

    bare: Path
    first: Deployment
    first_home: BeautifulSoup
    second: Deployment

    def show(self, path: str) -> bytes:
        """A file as the remote's gh-pages branch has it now."""
        return subprocess.run(["git", "--git-dir", str(self.bare), "show", f"gh-pages:{path}"],
                              capture_output=True, check=True, env=GIT_ENV).stdout

    def html(self, path: str) -> BeautifulSoup:
        return BeautifulSoup(self.show(path).decode("utf-8"), "lxml")


def write_attention_note(site: FixtureSite, title: str) -> None:
    site.note("nlp/attention.md", title, "2024-03-01", "注意力让每个位置直接看到序列中的所有位置。",
              tags=["NLP", "注意力"])


@pytest.fixture(scope="module")
def deploys(tmp_path_factory: pytest.TempPathFactory) -> DeployRun:
    root = tmp_path_factory.mktemp("deploy") / "portal"
    site = FixtureSite(root)
    write_attention_note(site, OLD_TITLE)
    site.note("deep-learning/backprop.md", OTHER_TITLE, "2024-02-01", "反向传播用链式法则求梯度。",
              tags=["深度学习"])
    site.write("CNAME", f"{DOMAIN}\n")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(site.config(), allow_unicode=True), encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")

    bare = root.parent / "remote.git"
    git("init", "--bare", str(bare))
    git("init", "--initial-branch", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-m", "First notes", cwd=root)
    git("remote", "add", "origin", str(bare), cwd=root)

    gh_deploy(root)
    first = Deployment.read(bare, root)
    first_home = BeautifulSoup(
        git("--git-dir", str(bare), "show", "gh-pages:index.html"), "lxml")

    write_attention_note(site, NEW_TITLE)
    git("commit", "-am", "Retitle the attention note", cwd=root)
    gh_deploy(root)
    return DeployRun(bare, first, first_home, Deployment.read(bare, root))


def feed_titles(page: BeautifulSoup) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".np-feed-item__title a")]


def test_deploy_publishes_both_languages_feed_and_cname(deploys: DeployRun) -> None:
    """The first deploy puts the built site, not the sources, at the root of gh-pages: both
    home pages, both feeds, the notes, .nojekyll and the CNAME file with the custom domain."""
    first = deploys.first
    assert {"index.html", ".nojekyll", "CNAME", "en/index.html", "feed.xml", "en/feed.xml",
            "nlp/attention/index.html", "en/nlp/attention/index.html",
            "search/search_index.json", "pagefind/pagefind-entry.json",
            "en/pagefind/pagefind-entry.json"} <= first.files
    assert first.cname == DOMAIN
    assert not {"mkdocs.yml", ".gitignore"} & first.files
    assert [f for f in first.files if f.startswith(("docs/", "site/"))] == []
    assert first.commit_count == 1 and first.parents == []
    assert feed_titles(deploys.first_home) == [OLD_TITLE, OTHER_TITLE]


def test_deploy_commit_names_the_source_commit(deploys: DeployRun) -> None:
    """Each gh-pages commit says which source commit it was built from."""
    for deployment in (deploys.first, deploys.second):
        assert deployment.message.startswith(f"Deployed {deployment.source_commit} with MkDocs version: ")
    assert deploys.first.source_commit != deploys.second.source_commit


def test_only_the_gh_pages_branch_is_pushed(deploys: DeployRun) -> None:
    """Deploying never pushes the source branch to the remote."""
    refs = git("--git-dir", str(deploys.bare), "for-each-ref", "--format=%(refname)").split()
    assert refs == ["refs/heads/gh-pages"]


def test_redeploy_adds_a_commit_with_the_changed_note(deploys: DeployRun) -> None:
    """Deploying again adds one commit on top of the first, and the published home page,
    note page and Atom feed show the note's new title; the CNAME stays."""
    second = deploys.second
    assert second.commit_count == 2
    assert second.parents == [deploys.first.commit]
    assert second.cname == DOMAIN and {"CNAME", ".nojekyll"} <= second.files

    assert feed_titles(deploys.html("index.html")) == [NEW_TITLE, OTHER_TITLE]
    assert feed_titles(deploys.html("en/index.html")) == [NEW_TITLE, OTHER_TITLE]
    assert deploys.html("nlp/attention/index.html").select_one("article h1").get_text().rstrip("¶") == NEW_TITLE

    feed = etree.fromstring(deploys.show("feed.xml"))
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == [NEW_TITLE, OTHER_TITLE]


def make_publish(root: Path) -> subprocess.CompletedProcess[str]:
    """``make publish`` from the repository's Makefile, run in ``root``: its mkdocs is this
    interpreter's (``BIN``), and the ``.venv`` set-up step is skipped (``STAMP=``)."""
    return subprocess.run(["make", "--no-print-directory", "-f", str(REPO / "Makefile"), "publish",
                           f"BIN={Path(sys.executable).parent}", "STAMP="],
                          check=False, cwd=root, capture_output=True, text=True, env=GIT_ENV, timeout=300)


def test_publish_refuses_a_site_that_fails_strict(tmp_path: Path) -> None:
    """A note with a broken date fails ``--strict``: ``make publish`` exits non-zero, says why, and
    pushes nothing. Once the date is fixed, the same command publishes."""
    root = tmp_path / "portal"
    site = FixtureSite(root)
    write_attention_note(site, OLD_TITLE)
    site.note("nlp/broken-date.md", "日期写错的笔记", "2024-13-45", tags=["NLP"])
    (root / "mkdocs.yml").write_text(yaml.safe_dump(site.config(), allow_unicode=True), encoding="utf-8")
    (root / ".gitignore").write_text("site/\n", encoding="utf-8")
    bare = tmp_path / "remote.git"
    git("init", "--bare", str(bare))
    git("init", "--initial-branch", "main", cwd=root)
    git("add", "-A", cwd=root)
    git("commit", "-m", "A note with a broken date", cwd=root)
    git("remote", "add", "origin", str(bare), cwd=root)

    refused = make_publish(root)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "docs/nlp/broken-date.md:3: date: " in output
    assert re.search(r"Aborted with \d+ warnings? in strict mode!", output), output
    assert git("--git-dir", str(bare), "for-each-ref") == ""

    site.note("nlp/broken-date.md", "日期写错的笔记", "2024-12-15", tags=["NLP"])
    git("commit", "-am", "Fix the date", cwd=root)
    published = make_publish(root)
    assert published.returncode == 0, published.stdout + published.stderr
    assert git("--git-dir", str(bare), "for-each-ref", "--format=%(refname)").split() == ["refs/heads/gh-pages"]
    assert "nlp/broken-date/index.html" in git("--git-dir", str(bare), "ls-tree", "-r", "--name-only", "gh-pages")
