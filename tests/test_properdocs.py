"""A way off MkDocs 1.x: ProperDocs (MkDocs' continuation by its maintainers, which runs MkDocs
plugins and themes unchanged) builds the shipped site strictly, and every file it writes is the
MkDocs build's, byte for byte.

Runs in ``make test-properdocs``'s own virtualenv, which has ProperDocs beside MkDocs (part of
``make test``); skipped where ProperDocs isn't installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sites import BUILD_ENV, REPO

pytest.importorskip("properdocs")


def build_with(tool: str, site: Path) -> dict[str, bytes]:
    """Every file of the shipped site built strictly by ``tool`` (``mkdocs`` or ``properdocs``)."""
    done = subprocess.run([sys.executable, "-m", tool, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
                          cwd=REPO, env=BUILD_ENV, capture_output=True, text=True, check=False)
    assert done.returncode == 0, f"{tool} build --strict failed:\n{done.stdout}{done.stderr}"
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def test_properdocs_builds_what_mkdocs_builds(tmp_path: Path) -> None:
    mkdocs = build_with("mkdocs", tmp_path / "mkdocs")
    properdocs = build_with("properdocs", tmp_path / "properdocs")
    assert len(mkdocs) > 600  # both languages' pages, search bundles, feeds: the whole site
    assert sorted(properdocs) == sorted(mkdocs)
    assert [path for path in mkdocs if properdocs[path] != mkdocs[path]] == []
