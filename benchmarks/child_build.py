"""One build in a fresh Python process, and the figures it prints for the parent.

Every measured build runs in its own process so that none pays for, or profits from, what an
earlier one imported, compiled or cached. Run as ``python benchmarks/child_build.py --child SPEC``
(``build_in_child`` does that). This module imports nothing of the benchmark package, so the
child's ``sys.path`` and imports are the build's own and nothing else.
"""

from __future__ import annotations

import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

#: Prefixes the one line of JSON a ``--child`` build prints for the parent.
RESULT_PREFIX = "@@notes-portal-benchmark@@ "


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

    ``spec``: ``config``, ``site_dir``, ``plugin`` (whose step times to report); optional
    ``time_search_plugin`` (time Material's search plugin) and ``strict`` (build as
    ``mkdocs build --strict`` does: the build still completes, then reports its abort).
    """
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    warnings: list[str] = []
    #: What ``--strict`` counts: warnings and errors of the ``mkdocs`` loggers (plugins' included).
    strict_counted: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(f"{record.levelname}: {record.getMessage()}")
            if record.name == "mkdocs" or record.name.startswith("mkdocs."):
                strict_counted.append(record.name)

    logging.getLogger().addHandler(Collect(level=logging.WARNING))
    try:
        import jieba

        jieba.setLogLevel(logging.WARNING)
    except ImportError:
        pass
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    search_plugin_s: dict[str, float] = {}
    if spec.get("time_search_plugin"):
        _time_search_plugin(search_plugin_s)
    aborted: str | None = None
    start = time.perf_counter()
    config = load_config(config_file=spec["config"], site_dir=spec["site_dir"],
                         **({"strict": True} if spec.get("strict") else {}))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    except Abort as error:
        if not spec.get("strict"):
            raise
        aborted = str(error)
    finally:
        config.plugins.on_shutdown()
    wall = time.perf_counter() - start

    steps: dict[str, float] = {}
    plugin = config.plugins.get(spec.get("plugin", ""))
    if plugin is not None:
        steps = dict(plugin.times.seconds)
    result = {
        "wall_s": wall,
        "peak_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "plugin_steps": steps,
        "search_plugin_steps": search_plugin_s,
        "warnings": warnings,
        "strict_warnings": len(strict_counted),
        "strict_abort": aborted,
    }
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)


def build_in_child(config: Path, site_dir: Path, *, cwd: Path, timeout: float, label: str,
                   **options: Any) -> dict[str, Any]:
    """Build ``config`` into an emptied ``site_dir`` in a fresh Python process; the child's figures,
    with ``load_before``, the 1-minute load average when it started (other work skews wall times).

    ``options`` go into the child's spec (``time_search_plugin``, ``strict``).
    Raises RuntimeError (with the end of the child's stderr) when the build fails.
    """
    shutil.rmtree(site_dir, ignore_errors=True)
    load_before = os.getloadavg()[0]
    # Imported here, not at the top: the child imports nothing of ours.
    from benchmarks.common import PLUGIN_NAME

    spec = {"config": str(config), "site_dir": str(site_dir), "plugin": PLUGIN_NAME, **options}
    command = [sys.executable, str(Path(__file__).resolve()), "--child", json.dumps(spec)]
    process = subprocess.run(command, check=False, cwd=cwd, env=child_env(), capture_output=True, text=True, timeout=timeout)
    lines = [line for line in process.stdout.splitlines() if line.startswith(RESULT_PREFIX)]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"{label} failed (exit {process.returncode}):\n{process.stderr[-4000:]}")
    return {**json.loads(lines[-1][len(RESULT_PREFIX):]), "load_before": load_before}


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        run_child(json.loads(sys.argv[2]))
    else:
        sys.exit("usage: child_build.py --child SPEC (started by build.py and search.py)")
