"""Small helpers every part of the benchmark uses: where things are, progress lines, YAML
scalars, sizes on disk, and the facts printed with the figures (code measured, machine).

Kept free of the measurement logic so that the generator can be imported by tests without
pulling in the browser or the build machinery.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
REAL_CONFIG = REPO / "mkdocs.yml"
OVERRIDES = REPO / "overrides"
PLUGIN_NAME = "notes-portal"


def progress(message: str) -> None:
    """A time-stamped progress line on stderr (stdout carries only the report)."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def yaml_scalar(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML): safe for any title or path."""
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values: Iterable[str]) -> str:
    """A YAML flow list of double-quoted scalars, as front matter writes tags."""
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


def code_state(fingerprints: set[str]) -> dict[str, Any]:
    """The commit and the fingerprints the builds ran with (taken before each build and once more
    now), so a report says when the code changed under a run and its figures mix two versions."""
    fingerprints = fingerprints | {code_fingerprint()}
    return {"git": git_state(), "fingerprint": "/".join(sorted(fingerprints)),
            "changed_during_run": len(fingerprints) > 1}


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
