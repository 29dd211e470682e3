"""Edit-to-preview latency of ``mkdocs serve --dirty`` on a generated portal (used by ``build.py``).

The figure a writer feels: how long after saving a note the preview shows it. Measured against
a real ``mkdocs serve --dirty`` process, polling the served page over HTTP, so it includes the
watcher's delay and the rebuild of both languages.
"""

from __future__ import annotations

import math
import random
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from benchmarks.child_build import child_env
from benchmarks.portal_generator import GeneratedNote, Portal

SERVE_EDIT_SIZE = 1000
#: How long one edit may take to show up in the served page.
EDIT_TIMEOUT_S = 120.0
EDITS = 3


@dataclass
class ServeFigures:
    """Edit-to-preview latency of ``mkdocs serve --dirty`` on one portal."""

    size: int
    startup_s: float = 0.0
    #: Seconds from appending to a note until the served page shows the new text.
    edit_to_preview_s: list[float] = field(default_factory=list)
    #: Seconds from appending until the server finished the rebuild and told browsers to reload.
    edit_to_reload_s: list[float] = field(default_factory=list)
    #: The server's own "Documentation built in N seconds" for each of those rebuilds.
    rebuild_s: list[float] = field(default_factory=list)
    #: What the plugin said of each rebuild ("quick refresh of …", "full rebuild: …").
    rebuild_kinds: list[str] = field(default_factory=list)
    #: Size of the served search index before the edits and after each one.
    search_index_kb: list[float] = field(default_factory=list)
    feed_items_after_edit: int = 0
    error: str | None = None

    @property
    def median_preview_s(self) -> float | None:
        return statistics.median(self.edit_to_preview_s) if self.edit_to_preview_s else None

    @property
    def median_reload_s(self) -> float | None:
        return statistics.median(self.edit_to_reload_s) if self.edit_to_reload_s else None


class ServerLog:
    """Collects a server's output lines, with the time each arrived, from a reader thread."""

    def __init__(self, stream: Any) -> None:
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            with self.lock:
                self.lines.append((time.perf_counter(), line.rstrip("\n")))

    def first_after(self, since: float, text: str) -> float | None:
        """When the first line containing ``text`` arrived after ``since``."""
        with self.lock:
            return next((at for at, line in self.lines if at >= since and text in line), None)

    def matches_after(self, since: float, pattern: str) -> list[re.Match[str]]:
        """Matches of ``pattern`` in the lines that arrived after ``since``."""
        with self.lock:
            found = (re.search(pattern, line) for at, line in self.lines if at >= since)
            return [match for match in found if match]

    def tail(self, count: int = 30) -> str:
        """The last ``count`` lines, for error messages."""
        with self.lock:
            return "\n".join(line for _, line in self.lines[-count:])


def measure_serve_edit(portal: Portal, startup_timeout: float, edits: int = EDITS,
                       port: int | None = None) -> ServeFigures:
    """Run ``mkdocs serve --dirty`` on our configuration and time ``edits`` edits until they show
    (``port``: the server's, as an author's ``make serve`` uses the same each time)."""
    figures = ServeFigures(size=portal.size)
    port = port or free_port()
    base = f"http://127.0.0.1:{port}/"
    tmp = portal.root / "serve-tmp"  # mkdocs serve builds into a temporary folder: keep it in ours
    tmp.mkdir(exist_ok=True)
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}",
               "-f", str(portal.ours_config)]
    server = subprocess.Popen(command, cwd=portal.root, env=child_env({"TMPDIR": str(tmp)}),
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log = ServerLog(server.stdout)
    try:
        started = wait_until(lambda: server.poll() is not None or fetch(base) is not None, startup_timeout, 0.5)
        if started is None or server.poll() is not None:
            figures.error = (f"the server did not answer {base} within {startup_timeout:.0f} s"
                             if started is None else f"the server exited with {server.returncode}")
            figures.error += f":\n{log.tail()}"
            return figures
        figures.startup_s = started
        _record_search_index(base, figures)
        for note in _notes_to_edit(portal.notes, edits):
            if not _edit_once(note, portal, base, log, figures):
                break
        home = fetch(base) or ""
        figures.feed_items_after_edit = len(re.findall(r'class="np-feed-item[ "]', home))
    finally:
        stop_process(server)
    return figures


#: What each edit appends to a note (``{marker}``: a word of its own, to see it served).
EDIT_SENTENCE = "\n这一句是基准测试追加的标记句：{marker}。\n"
#: The plugin's default reading speeds (``cjk_chars_per_minute``, ``words_per_minute``).
HAN_PER_MINUTE, WORDS_PER_MINUTE = 400, 220
#: How far (in minutes) a note's estimated reading time must stay from a whole minute: the
#: estimate reads the Markdown, the plugin the rendered text (no link targets, no markup).
READING_TIME_MARGIN = 0.2
_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[A-Za-z0-9]+")


def _notes_to_edit(notes: list[GeneratedNote], count: int) -> list[GeneratedNote]:
    """``count`` notes from different categories, chosen deterministically, each one whose
    reading time the appended sentence leaves as it was.

    Every edit is then the same kind at every size: the server draws the note's own pages (two:
    the Chinese page and the English fallback). An edit that changes a reading time also draws the
    feed pages listing the note (10 to 12 at any size), and medians mixing the two kinds compared
    the notes picked, not the portal's size (generated notes are all about 6 minutes long, so an
    appended sentence often crossed a minute).
    """
    chosen: list[GeneratedNote] = []
    if count <= 0:
        return chosen
    for note in random.Random(7).sample(notes, len(notes)):
        if all(c.category != note.category for c in chosen) and _keeps_reading_time(note.text):
            chosen.append(note)
        if len(chosen) == count:
            break
    return chosen


def _keeps_reading_time(text: str) -> bool:
    """True when appending ``EDIT_SENTENCE`` leaves ``text``'s reading time well inside its minute."""
    def minutes(body: str) -> float:
        return len(_HAN.findall(body)) / HAN_PER_MINUTE + len(_WORD.findall(body)) / WORDS_PER_MINUTE

    before = minutes(text)
    after = minutes(text + EDIT_SENTENCE.format(marker="benchmark-marker-0"))
    return math.ceil(before - READING_TIME_MARGIN) == math.ceil(after + READING_TIME_MARGIN)


def _edit_once(note: GeneratedNote, portal: Portal, base: str, log: ServerLog, figures: ServeFigures) -> bool:
    """Append a marker to ``note`` and time it until served; False when it never shows."""
    marker = f"benchmark-marker-{secrets.token_hex(6)}"
    url = base + note.page_path.removesuffix("index.html")
    source = portal.root / "docs-ours" / note.src_uri
    edited_at = time.perf_counter()
    with source.open("a", encoding="utf-8") as handle:
        handle.write(EDIT_SENTENCE.format(marker=marker))
    shown = wait_until(lambda: marker in (fetch(url) or ""), EDIT_TIMEOUT_S)
    if shown is None:
        figures.error = f"{note.src_uri}: the edit did not show at {url} within {EDIT_TIMEOUT_S:.0f} s"
        return False
    figures.edit_to_preview_s.append(shown)
    # Let the server finish this rebuild (the English site too) before the next edit.
    if wait_until(lambda: log.first_after(edited_at, "Reloading browsers") is not None, EDIT_TIMEOUT_S):
        reloaded = log.first_after(edited_at, "Reloading browsers")
        assert reloaded is not None
        figures.edit_to_reload_s.append(reloaded - edited_at)
        built = log.matches_after(edited_at, r"Documentation built in ([\d.]+) seconds")
        if built:
            figures.rebuild_s.append(float(built[0][1]))
        said = log.matches_after(edited_at, r"notes_portal: ((?:quick refresh|full rebuild)[^\n]*)")
        figures.rebuild_kinds.append(said[0][1] if said else "(the plugin said nothing)")
    _record_search_index(base, figures)
    time.sleep(0.5)
    return True


def _record_search_index(base: str, figures: ServeFigures) -> None:
    """Note the size of the search index the server serves now."""
    index = fetch(base + "search/search_index.json")
    if index is not None:
        figures.search_index_kb.append(len(index.encode("utf-8")) / 1024)




# -- local HTTP -----------------------------------------------------------------------------------


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


#: Never send requests to 127.0.0.1 through a proxy from the environment.
_LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def fetch(url: str) -> str | None:
    """The page's text, or None while the server can't answer it."""
    try:
        with _LOCAL.open(url, timeout=5) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_until(condition: Callable[[], object], timeout: float, interval: float = 0.05) -> float | None:
    """Poll ``condition()`` until it is true; seconds it took, or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if condition():
            return time.perf_counter() - start
        time.sleep(interval)
    return None


def stop_process(process: subprocess.Popen) -> None:
    """Terminate ``process``, then kill it if it doesn't exit."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
