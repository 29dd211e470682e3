"""Under ``mkdocs serve``, search never answers with a 404 while a bundle is re-indexed.

Pagefind's script loads ``pagefind-entry.json`` first, then the metadata, index chunks and
fragments the entry names by hash. A reader polling while notes are saved must get a complete
bundle at every moment, the old one or the new one: the entry as JSON, and the metadata file that
entry names. And a language none of whose records changed keeps its bundle as it was: a save of a
Chinese note doesn't rewrite the English bundle.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from serving import Server
from sites import BUILD_ENV, MKDOCS, FixtureSite

#: Saves of a Chinese note while readers poll; each one changes the text, so each is indexed again.
SAVES = 10
#: Readers polling both languages' entries (and the metadata each entry names) at once.
READERS = 3
ENTRIES = ("pagefind/pagefind-entry.json", "en/pagefind/pagefind-entry.json")


@dataclass
class Polls:
    """What the readers got: every answer counted, every answer that was not a bundle file kept."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    answers: int = 0
    failures: list[str] = field(default_factory=list)

    def note(self, failure: str | None) -> None:
        with self.lock:
            self.answers += 1
            if failure is not None:
                self.failures.append(failure)


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def poll(base: str, stop: threading.Event, polls: Polls) -> None:
    """Read each entry, then the metadata it names, as Pagefind's script does, until ``stop``."""
    while not stop.is_set():
        for entry_path in ENTRIES:
            status, body = fetch(base + entry_path)
            if status != 200:
                polls.note(f"{entry_path}: HTTP {status}")
                continue
            try:
                entry = json.loads(body)
            except ValueError:
                polls.note(f"{entry_path}: not JSON: {body[:80]!r}")
                continue
            polls.note(None)
            (language,) = entry["languages"].values()
            meta_path = entry_path.replace("pagefind-entry.json", f"pagefind.{language['hash']}.pf_meta")
            status, _ = fetch(base + meta_path)
            polls.note(None if status == 200 else f"{meta_path}: HTTP {status}")


def served_site_dir(tmp: Path) -> Path:
    """The temporary folder ``mkdocs serve`` builds into (it makes one ``mkdocs_*`` under TMPDIR)."""
    (site_dir,) = tmp.glob("mkdocs_*")
    return site_dir


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    site = FixtureSite(tmp_path / "portal")
    site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文讲位置编码。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文讲注意力。")
    site.note("nlp/b.en.md", "Note B", "2024-02-01", "Attention, in English.")
    (tmp_path / "serve-tmp").mkdir()
    running = Server(site, ["--dirty"], env={"TMPDIR": str(tmp_path / "serve-tmp")})  # as `make serve` starts it
    try:
        yield running
    finally:
        running.stop()


def zh_index_hash(server: Server) -> str | None:
    status, body = fetch(server.base + ENTRIES[0])
    return json.loads(body)["languages"]["und"]["hash"] if status == 200 else None


def test_saves_never_leave_search_without_a_bundle(server: Server, tmp_path: Path) -> None:
    for entry_path in ENTRIES:
        server.wait_for(lambda: fetch(server.base + entry_path)[0] == 200, f"{entry_path} after the start")
    en_entry = served_site_dir(tmp_path / "serve-tmp") / "en" / "pagefind" / "pagefind-entry.json"
    en_before = os.stat(en_entry)

    stop, polls = threading.Event(), Polls()
    readers = [threading.Thread(target=poll, args=(server.base, stop, polls), daemon=True) for _ in range(READERS)]
    for reader in readers:
        reader.start()
    try:
        note = server.site.docs / "nlp/a.md"
        for number in range(1, SAVES + 1):
            before = zh_index_hash(server)
            note.write_text(note.read_text(encoding="utf-8") + f"\n第{number}次保存写下的新句子：词{number}号。\n",
                            encoding="utf-8")
            server.wait_for(lambda: zh_index_hash(server) not in (None, before), f"the zh index after save {number}")
    finally:
        stop.set()
        for reader in readers:
            reader.join(timeout=15)

    assert polls.answers > 100, polls.answers  # the readers really read during the swaps
    assert polls.failures == [], f"{len(polls.failures)} of {polls.answers} answers: {polls.failures[:6]}"
    # Only Chinese records changed: the English bundle was not written again.
    en_after = os.stat(en_entry)
    assert (en_after.st_ino, en_after.st_mtime_ns) == (en_before.st_ino, en_before.st_mtime_ns)
    assert "ERROR" not in server.output()


def bundle_files(site_dir: Path) -> dict[str, list[str]]:
    """Each language's bundle as a list of its files (hashed names, so equal lists are equal bundles)."""
    return {language: sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
            for language, bundle in (("zh", site_dir / "pagefind"), ("en", site_dir / "en" / "pagefind"))}


def test_a_dirty_build_leaves_only_the_current_bundle(tmp_path: Path) -> None:
    """``mkdocs build --dirty`` keeps the site folder: the bundle it writes there must not keep the
    older bundle's files (what gh-deploy publishes is the folder as it is, a plain one)."""
    site = FixtureSite(tmp_path / "portal")
    note = site.note("nlp/a.md", "笔记甲", "2024-01-01", "甲的正文讲位置编码。")
    site.note("nlp/b.md", "笔记乙", "2024-02-01", "乙的正文讲注意力。")
    first = site.build()
    assert first.returncode == 0, first.output
    before = bundle_files(first.site_dir)
    note.write_text(note.read_text(encoding="utf-8") + "\n新写的一段讲相对位置。\n", encoding="utf-8")
    dirty = subprocess.run([*MKDOCS, "build", "--dirty", "-d", str(first.site_dir)], cwd=site.root,
                           capture_output=True, text=True, env=BUILD_ENV)
    assert dirty.returncode == 0, dirty.stdout + dirty.stderr
    cold = site.build(site_dir=tmp_path / "cold")
    assert cold.returncode == 0, cold.output

    after = bundle_files(first.site_dir)
    assert after["zh"] != before["zh"]  # the Chinese bundle changed, and is the cold build's, file for file
    assert after == bundle_files(cold.site_dir)
    assert [p.name for p in first.site_dir.iterdir() if p.name.startswith(".")] == []  # no staging left over
