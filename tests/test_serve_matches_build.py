"""Under ``make serve`` (``mkdocs serve --dirty``), after each save, every page the server has is
the page a cold ``mkdocs build`` of the same sources makes: no page stale, none left over.

One server runs through a sequence of saves an author makes: a note's body, its summary, its
title, its date, a tag, a new note, a rename and a delete of a note others link to, a translation
added and one removed, two saves faster than a build, an editor's atomic save (a temporary file
renamed over the note), an option of another extension in ``mkdocs.yml``, a git commit that
changes the notes' last-commit dates, a template and a
stylesheet in the portal's ``overrides/``, a category's name in ``mkdocs.yml``. After each, the server's site folder is
compared, page by page, with a cold build of the sources as they are then (the server's own
address written as the site's). Search bundles and assets are out of scope here: their own tests
follow them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from serving import PATIENCE, Server
from sites import REPO, SITE_URL, FixtureSite

#: Where ``mkdocs serve`` builds, as its log says.
BUILDING_TO = re.compile(r"Building (?:'[a-z]+' )?documentation to directory: (\S+)")


class OwnThemeSite(FixtureSite):
    """A portal with its own copy of ``overrides/``, which its author edits."""

    def config(self) -> dict:
        config = super().config()
        config["theme"]["custom_dir"] = str(self.root / "overrides")
        return config


def portal(root: Path) -> FixtureSite:
    site = OwnThemeSite(root)
    shutil.copytree(REPO / "overrides", root / "overrides")
    site.note("nlp/attention.md", "注意力机制", "2024-03-01", "注意力把每个位置联系起来。", tags=["注意力", "NLP"])
    site.note("nlp/transformer.md", "Transformer 结构", "2024-04-01",
              "它建立在[注意力](attention.md)之上。", tags=["注意力", "Transformer"])
    site.note("nlp/tokenization.md", "分词", "2024-02-01", "BPE 与 WordPiece。", tags=["NLP", "分词"])
    site.note("nlp/bert.md", "BERT", "2024-05-01", "见[分词](tokenization.md)与[结构](transformer.md)。",
              tags=["Transformer", "NLP"])
    site.note("deep-learning/backprop.md", "反向传播", "2023-09-01", "链式法则。", tags=["优化"])
    site.note("nlp/attention.en.md", "Attention", "2024-03-01", "Attention links every position.",
              tags=["注意力", "NLP"])
    return site


def pages(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*.html")}


def cold_build(site: FixtureSite, into: Path) -> dict[str, bytes]:
    shutil.rmtree(into, ignore_errors=True)
    process, _ = site.start_build(site_dir=into)  # --clean: no build cache; mkdocs.yml as the server has it
    output, _ = process.communicate()
    assert process.returncode == 0, output
    return pages(into)


def differences(served: dict[str, bytes], built: dict[str, bytes], server_url: str) -> list[str]:
    """Pages that differ, are missing from the server, or are left over on it."""
    found = []
    for path in sorted(built.keys() | served.keys()):
        if path not in served:
            found.append(f"missing: {path}")
        elif path not in built:
            found.append(f"left over: {path}")
        elif served[path].replace(server_url.encode(), SITE_URL.encode()) != built[path]:
            found.append(f"stale: {path}")
    return found


def git(root: Path, *args: str, date: str = "2024-08-01T12:00:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "GIT_AUTHOR_NAME": "作者",
           "GIT_AUTHOR_EMAIL": "a@example.org", "GIT_COMMITTER_NAME": "作者", "GIT_COMMITTER_EMAIL": "a@example.org"}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def running(tmp_path: Path) -> Iterator[tuple[FixtureSite, Server]]:
    site = portal(tmp_path / "portal")
    site.write_config()
    git(site.root, "init", "-q")
    git(site.root, "add", "docs", "mkdocs.yml")
    git(site.root, "commit", "-q", "-m", "notes")  # every note's last commit: 2024-08-01, its updated date
    server = Server(site, ["--dirty"])  # as `make serve` starts it
    try:
        yield site, server
    finally:
        server.stop()


def served_folder(server: Server) -> Path:
    found = BUILDING_TO.findall(server.output())
    assert found, server.output()
    return Path(found[0])


def assert_serves_the_build(site: FixtureSite, server: Server, reference: Path, what: str) -> None:
    """Wait (up to the serve helpers' patience) until every served page is the cold build's."""
    built = cold_build(site, reference)
    folder = served_folder(server)
    deadline = time.monotonic() + PATIENCE
    while True:
        served = pages(folder)
        found = differences(served, built, server.base)
        if not found:
            return
        if time.monotonic() > deadline:
            stale = next((line.split(": ", 1)[1] for line in found if line.startswith("stale: ")), None)
            detail = first_difference(served[stale].replace(server.base.encode(), SITE_URL.encode()),
                                      built[stale]) if stale else ""
            pytest.fail(f"after {what}, {len(found)} of {len(built)} pages differ from a cold build: {found[:20]}"
                        f"{detail}")
        time.sleep(0.5)


def first_difference(served: bytes, built: bytes) -> str:
    """Where the first stale page starts to differ, as served and as built."""
    at = next((i for i, (a, b) in enumerate(zip(served, built)) if a != b), min(len(served), len(built)))
    return (f"\nserved: …{served[max(at - 150, 0):at + 150].decode(errors='replace')}…"
            f"\nbuilt:  …{built[max(at - 150, 0):at + 150].decode(errors='replace')}…")


def edit(path: Path, old: str, new: str) -> Callable[[], None]:
    def save() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, (path, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    return save


def test_every_page_is_the_cold_builds_after_each_save(running: tuple[FixtureSite, Server], tmp_path: Path) -> None:
    site, server = running
    docs = site.docs
    reference = tmp_path / "reference"
    assert_serves_the_build(site, server, reference, "the first build")

    def rename() -> None:
        (docs / "nlp/tokenization.md").rename(docs / "nlp/subwords.md")

    def rapid_saves() -> None:  # two saves of two notes, faster than the server can build
        edit(docs / "nlp/bert.md", "见[分词]", "先见[分词]")()
        time.sleep(0.2)
        edit(docs / "deep-learning/backprop.md", "链式法则。", "链式法则与计算图。")()

    def atomic_save() -> None:  # as editors save: a temporary file renamed over the note
        note = docs / "nlp/attention.md"
        temporary = note.with_name(".attention.md.swp")
        temporary.write_text(note.read_text(encoding="utf-8").replace("注意力把", "注意力机制把"), encoding="utf-8")
        temporary.replace(note)

    def commit_the_edits() -> None:  # their last commit is now later than their first: "updated"
        git(site.root, "add", "-A", "docs")
        git(site.root, "commit", "-q", "-m", "edits", date="2024-09-09T12:00:00")

    saves: list[tuple[str, Callable[[], None]]] = [
        ("a body edit", edit(docs / "nlp/tokenization.md", "BPE 与 WordPiece。", "BPE、WordPiece 与 Unigram。")),
        ("a summary added", edit(docs / "nlp/bert.md", "title: BERT", "title: BERT\nsummary: 双向编码器的摘要。")),
        ("a title change", edit(docs / "nlp/attention.md", "title: 注意力机制", "title: 自注意力机制")),
        ("a date change", edit(docs / "nlp/tokenization.md", "date: '2024-02-01'", "date: '2024-06-01'")),
        ("a tag added", edit(docs / "deep-learning/backprop.md", "- 优化", "- 优化\n- NLP")),
        ("a new note", lambda: site.note("nlp/gpt.md", "GPT", "2024-07-01", "生成式预训练。", tags=["Transformer"])),
        ("a rename of a linked note", rename),
        ("a delete of a linked note", lambda: (docs / "nlp/transformer.md").unlink()),
        ("a translation added", lambda: site.note("nlp/bert.en.md", "BERT", "2024-05-01", "Bidirectional encoders.",
                                                   tags=["Transformer", "NLP"])),
        ("a translation removed", lambda: (docs / "nlp/attention.en.md").unlink()),
        ("rapid successive saves", rapid_saves),
        ("an editor's atomic save", atomic_save),
        ("another plugin's option in mkdocs.yml", edit(site.root / "mkdocs.yml", "permalink: true",
                                                        "permalink: '#'")),
        ("a git commit that gives the edited notes an updated date", commit_the_edits),
        ("a template edit", edit(site.root / "overrides/partials/np-note-meta.html", "</span>",
                                 "</span><span class=\"np-edited\">模板改过</span>")),
        ("a stylesheet edit", lambda: (site.root / "overrides/assets/stylesheets/notes-portal.css").open("a").write(
            "\n.np-edited { color: teal; }\n")),
        ("a category renamed in mkdocs.yml", edit(site.root / "mkdocs.yml", "自然语言处理", "语言与文本")),
    ]
    for what, save in saves:
        time.sleep(1.1)  # a new modification time for MkDocs' --dirty check
        save()
        assert_serves_the_build(site, server, reference, what)
    # --dirty is exact here, so MkDocs' warning that it isn't stays off the author's screen.
    assert "dirty' build" not in server.output()
    assert "Documentation built" in server.output()
