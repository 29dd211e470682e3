"""Helpers shared by the benchmarks: paths, one build in a fresh process, the local HTTP
helpers, code fingerprints, machine facts and PASS/FAIL checks.

Run as ``python benchmarks/common.py --child SPEC`` it is the child process of a build
(see ``run_child``); ``build.py`` and ``search.py`` start it that way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REAL_CONFIG = REPO / "mkdocs.yml"
OVERRIDES = REPO / "overrides"
PLUGIN_NAME = "notes-portal"
#: Prefixes the one line of JSON a ``--child`` build prints for the parent.
RESULT_PREFIX = "@@notes-portal-benchmark@@ "


# -- small things ---------------------------------------------------------------------------------


def progress(message: str) -> None:
    """A time-stamped progress line on stderr."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def yaml_scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_scalar(v) for v in values) + "]"


def tree_bytes(root: Path) -> int:
    """Total size of the files under ``root``."""
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, files in os.walk(root) for f in files)


def blocking(steps: dict[str, float]) -> float:
    """Seconds of ``steps`` the build waited for: steps that run concurrently with the build
    (named "... (background)") are left out; the build's wait for them is a step of its own."""
    return sum(s for name, s in steps.items() if "background" not in name)


def search_index_files(site: Path, languages: Sequence[str] = ("",)) -> list[Path]:
    """The search index as served: Material's ``search/`` or Pagefind's ``pagefind/`` folder of each
    language's site (``""`` the default language at the root, ``"en"`` under ``en/``)."""
    found: list[Path] = []
    for language in languages:
        for name in ("search", "pagefind"):
            folder = site / language / name
            if folder.is_dir():
                found += sorted(p for p in folder.rglob("*") if p.is_file())
    return found


@dataclass
class Check:
    """One target: its name, PASS/FAIL/SKIP and the figures behind the verdict."""
    name: str
    status: str  # PASS, FAIL or SKIP
    detail: str


def verdict(ok: bool) -> str:
    """PASS or FAIL."""
    return "PASS" if ok else "FAIL"


def format_checks(checks: Sequence[Check]) -> list[str]:
    """The report's closing "Targets" lines."""
    return ["", "Targets"] + [f"  {c.status}  {c.name}: {c.detail}" for c in checks]


def new_parser(doc: str, default_sizes: Sequence[int], default_seed: int) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of ``doc`` with the options every benchmark has:
    --sizes, --json, --seed, --keep, --build-timeout."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(default_sizes), metavar="N",
                        help="portal sizes in notes (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--seed", type=int, default=default_seed, help="seed of the note generator")
    parser.add_argument("--keep", action="store_true", help="keep the generated portals and sites")
    parser.add_argument("--build-timeout", type=float, default=3600, help="seconds allowed per build")
    return parser


def check_common_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    if any(n < 10 for n in args.sizes):
        parser.error("--sizes: at least 10 notes per portal")


@contextmanager
def work_dir(prefix: str, keep: bool) -> Iterator[Path]:
    """A new temporary folder for the portals and sites, removed afterwards unless ``keep``."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    progress(f"working in {work}")
    try:
        yield work
    finally:
        if keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


# -- what was measured, on what -------------------------------------------------------------------


def code_fingerprint() -> str:
    """A short hash of what decides our build: the plugin's sources, the templates, mkdocs.yml."""
    digest = hashlib.sha1()
    roots = [REPO / "plugins" / "notes_portal", OVERRIDES]
    for path in sorted(p for root in roots for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(REPO)).encode() + b"\0" + path.read_bytes())
    digest.update(REAL_CONFIG.read_bytes())
    return digest.hexdigest()[:10]


def git_state() -> str:
    """The commit measured, and whether the plugin, templates or config had uncommitted changes."""
    def git(*args: str) -> str:
        return subprocess.run(["git", "--no-optional-locks", "-C", str(REPO), *args], capture_output=True,
                              text=True, check=True).stdout.strip()
    try:
        head = git("log", "-1", "--format=%h %ad", "--date=format:%Y-%m-%d %H:%M")
        changed = git("status", "--porcelain", "--", "plugins", "overrides", "mkdocs.yml").splitlines()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return head + (f" + uncommitted changes in {len(changed)} file(s)" if changed else "")


def machine_facts() -> dict[str, str]:
    """nproc, CPU model, memory, Python and OS, printed with the figures."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")).split()[1])
        memory = f"{kb / 2**20:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"nproc": str(os.cpu_count()), "cpu": model, "memory": memory,
            "python": platform.python_version(), "os": platform.platform()}


def format_machine(facts: dict[str, str]) -> str:
    return (f"Machine: {facts['nproc']} CPUs ({facts['cpu']}), {facts['memory']} RAM, "
            f"Python {facts['python']}, {facts['os']}")


# -- one build in a fresh process -----------------------------------------------------------------


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment of the child builds and the server: quiet Material's banner and warnings."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore", **(extra or {})}


def _time_search_plugin(seconds: dict[str, float]) -> None:
    """Sum the time Material's search plugin spends indexing pages and writing its index
    into ``seconds`` (wrapping the class methods before the plugin is loaded)."""
    from material.plugins.search.plugin import SearchPlugin

    def timed(name: str) -> None:
        original = getattr(SearchPlugin, name)

        def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(self, *args, **kwargs)
            finally:
                seconds[f"material search: {name}"] = (seconds.get(f"material search: {name}", 0.0)
                                                       + time.perf_counter() - start)

        wrapper.__name__ = original.__name__
        setattr(SearchPlugin, name, wrapper)

    for name in ("on_page_context", "on_post_build"):
        timed(name)


def run_child(spec: dict[str, Any]) -> None:
    """``--child`` mode: build one site in this process and print the figures as one JSON line.

    ``spec``: ``config``, ``site_dir``; optional ``time_search_plugin`` (time Material's search plugin).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(f"{record.levelname}: {record.getMessage()}")

    logging.getLogger().addHandler(Collect(level=logging.WARNING))
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    search_plugin_s: dict[str, float] = {}
    if spec.get("time_search_plugin"):
        _time_search_plugin(search_plugin_s)
    start = time.perf_counter()
    config = load_config(config_file=spec["config"], site_dir=spec["site_dir"])
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start

    steps: dict[str, float] = {}
    plugin = config.plugins.get(PLUGIN_NAME)
    if plugin is not None:
        steps = dict(plugin.times.seconds)
    result = {
        "wall_s": wall,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "plugin_steps": steps,
        "search_plugin_steps": search_plugin_s,
        "warnings": warnings,
    }
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)


def build_in_child(config: Path, site_dir: Path, *, cwd: Path, timeout: float, label: str,
                   **options: Any) -> dict[str, Any]:
    """Build ``config`` into ``site_dir`` in a fresh Python process; the child's figures.

    Raises RuntimeError (with the end of the child's stderr) when the build fails.
    """
    spec = {"config": str(config), "site_dir": str(site_dir), **options}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    process = subprocess.run(command, cwd=cwd, env=child_env(), capture_output=True, text=True, timeout=timeout)
    lines = [line for line in process.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"{label} failed (exit {process.returncode}):\n{process.stderr[-4000:]}")
    return json.loads(lines[-1][len(RESULT_PREFIX):])


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


def wait_until(condition: Any, timeout: float, interval: float = 0.05) -> float | None:
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


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run_child(json.loads(sys.argv[2]))
    else:
        sys.exit("usage: common.py --child SPEC (started by build.py and search.py)")
