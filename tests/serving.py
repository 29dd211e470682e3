"""A real ``mkdocs serve`` on a free port, for tests that edit notes while it runs."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import TypeVar

import pytest
import yaml
from bs4 import BeautifulSoup
from sites import BUILD_ENV, FixtureSite

#: Upper bound of every wait: server start, one rebuild, one request.
PATIENCE = 60.0
REQUEST_TIMEOUT = 20.0
T = TypeVar("T")
#: ``python -m mkdocs``, with Ctrl-C (SIGINT) stopping it as in a terminal. A test run started in
#: the background (``make test &``, ``nohup``, some CI runners) hands its children SIGINT ignored, and
#: Python then never raises KeyboardInterrupt: every ``stop`` waited its 20 s and killed the server,
#: which never cleaned up. (Set in the child's own code: a ``preexec_fn`` is unsafe beside threads.)
HEAR_CTRL_C_THEN_RUN_MKDOCS = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
                               "sys.argv[0] = 'mkdocs'; runpy.run_module('mkdocs', run_name='__main__', alter_sys=True)")


class Server:
    """A running ``mkdocs serve`` whose output goes to a log file."""

    def __init__(self, site: FixtureSite, options: list[str], env: dict[str, str] | None = None) -> None:
        (site.root / "mkdocs.yml").write_text(yaml.safe_dump(site.config(), allow_unicode=True), encoding="utf-8")
        self.site = site
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log_path = site.root.parent / "serve.log"
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-c", HEAR_CTRL_C_THEN_RUN_MKDOCS, "serve", "--dev-addr", f"127.0.0.1:{self.port}",
                 *options],
                cwd=site.root, stdout=log, stderr=subprocess.STDOUT, env={**BUILD_ENV, **(env or {})})
        self.wait_for(lambda: self.status("") == 200, "the server to answer")

    def output(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def alive(self) -> bool:
        return self.process.poll() is None

    def status(self, path: str, timeout: float = 5.0) -> int | None:
        """HTTP status of ``path``; None when nothing answered in time."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except (urllib.error.URLError, OSError):
            return None

    def page(self, path: str) -> BeautifulSoup:
        with urllib.request.urlopen(self.base + path, timeout=REQUEST_TIMEOUT) as response:
            return BeautifulSoup(response.read().decode("utf-8"), "lxml")

    def wait_for(self, probe: Callable[[], T], what: str) -> T:
        """Poll ``probe`` until it returns something truthy; fail after ``PATIENCE`` seconds."""
        deadline = time.monotonic() + PATIENCE
        while True:
            assert self.alive(), f"mkdocs serve exited while waiting for {what}:\n{self.output()[-3000:]}"
            try:
                value = probe()
            except (urllib.error.URLError, OSError):  # e.g. a page missing mid-rebuild
                value = None
            if value:
                return value
            if time.monotonic() > deadline:
                pytest.fail(f"gave up waiting for {what}; server output:\n{self.output()[-3000:]}")
            time.sleep(0.25)

    def stop(self) -> None:
        """Ctrl-C, as an author would (the server removes its temporary site); kill if it lingers."""
        if self.alive():
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=20)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
