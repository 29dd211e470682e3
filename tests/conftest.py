"""Fixtures shared by every test: fixture portals and the shipped portal, built for real."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

import pytest
from sites import BuildResult, FixtureSite, build_shipped_site


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path / "portal")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> BuildResult:
    """The repository's own portal, built strictly once per test run: the first xdist worker to ask
    builds it, the others wait for that build and read it (tests only read it)."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # the run's folder, which every worker's own folder is in
    folder = root / "shipped"
    folder.mkdir(exist_ok=True)
    with open(root / "shipped.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        built = folder / "result.json"
        if not built.exists():
            result = build_shipped_site(folder / "site")
            built.write_text(json.dumps({"returncode": result.returncode, "output": result.output}), encoding="utf-8")
        record = json.loads(built.read_text(encoding="utf-8"))
    result = BuildResult(record["returncode"], record["output"], folder / "site")
    assert result.returncode == 0, result.output
    return result
