"""Fixtures shared by every test: fixture portals and the shipped portal, built for real."""

from __future__ import annotations

from pathlib import Path

import pytest
from sites import BuildResult, FixtureSite, build_shipped_site


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path / "portal")


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    result = build_shipped_site(tmp_path_factory.mktemp("shipped") / "site")
    assert result.returncode == 0, result.output
    return result
