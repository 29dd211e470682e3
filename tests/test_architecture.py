"""The package's data flows one way (files → catalog → views → pages): each subpackage imports only
from the layers below it, never from one above. Read from the source with ``ast``, so a new import
that points back up fails here, with the module and line that broke the rule."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "notes_portal"

#: Lowest first. A part may import from its own layer's parts and from the layers below, nothing above.
#: ``compat`` wraps other packages' internals; ``caching`` stores work on disk by content; ``model``
#: holds the shared plain types; ``authoring`` reads a note's file; ``catalog`` holds every note of a
#: build; ``views`` are what pages show; ``output`` and ``search`` draw pages and index them;
#: ``serve`` redraws what a save changed; ``speedups`` fronts the caches; ``cli`` and ``plugin`` wire
#: it up.
LAYERS: list[set[str]] = [
    {"compat"},
    {"caching"},
    {"model"},
    {"config"},
    {"authoring"},
    {"catalog"},
    {"views"},
    {"output"},
    {"search"},
    {"serve"},
    {"speedups"},
    {"plugin"},
]
#: Parts that must not import MkDocs, Material or mkdocs-static-i18n: plain functions of the notes
#: and the options, testable without a build.
ENGINE_FREE = {"authoring", "catalog", "views"}
ENGINE_PACKAGES = ("mkdocs", "material", "mkdocs_static_i18n")
#: Where they still do, and nowhere else: the catalog reads MkDocs' files and reports against its
#: pages, and the portal view attaches its lists to MkDocs' navigation. Each is work left to do
#: (an adapter in ``output`` or ``compat``); a new use anywhere in these parts fails the test.
KNOWN_ENGINE_USES = {
    "notes_portal.catalog.collect": {"mkdocs.config.defaults", "mkdocs.structure.files", "notes_portal.compat.i18n"},
    "notes_portal.catalog.reporting": {"mkdocs.config.defaults", "mkdocs.structure.pages"},
    "notes_portal.views.portal": {"mkdocs.structure.nav", "mkdocs.structure.pages", "notes_portal.compat.i18n"},
}


def part_of(module: str) -> str:
    """``notes_portal.catalog.tags`` → ``catalog``; ``notes_portal.plugin`` → ``plugin``."""
    return module.split(".")[1]


def layer_of(part: str) -> int:
    for number, parts in enumerate(LAYERS):
        if part in parts:
            return number
    raise AssertionError(f"notes_portal.{part} is in no layer of tests/test_architecture.py")


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, imported module) of every import in ``path``, type-checking-only ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if len(parts) > 1:
            found.append((".".join(parts), path))
    return found


def upward_imports() -> list[str]:
    broken = []
    for module, path in modules():
        part = part_of(module)
        for line, imported in imports(path):
            if imported.startswith("notes_portal."):
                target = part_of(imported)
                if target != part and layer_of(target) > layer_of(part):
                    broken.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {part} imports {imported}")
    return broken


def engine_imports() -> dict[str, set[str]]:
    """Module → the MkDocs, Material, mkdocs-static-i18n or ``compat`` modules it imports, for the
    modules of the parts that should know no site engine."""
    found: dict[str, set[str]] = {}
    for module, path in modules():
        if part_of(module) in ENGINE_FREE:
            for _, imported in imports(path):
                if imported.split(".")[0] in ENGINE_PACKAGES or imported.startswith("notes_portal.compat"):
                    found.setdefault(module, set()).add(imported)
    return found


def test_every_part_has_a_layer() -> None:
    for module, _ in modules():
        layer_of(part_of(module))


def test_no_import_points_up_a_layer() -> None:
    assert upward_imports() == []


def test_catalog_and_views_know_no_site_engine_but_where_listed() -> None:
    """No new use of the site engine in authoring, catalog or views; and the list shrinks as the
    known uses go (an entry that no longer holds must be removed)."""
    assert engine_imports() == KNOWN_ENGINE_USES


@pytest.mark.parametrize("source", [
    "from notes_portal.views.feed import display_title\n",
    "import notes_portal.output.pages\n",
])
def test_the_check_sees_an_upward_import(tmp_path: Path, source: str) -> None:
    """The walk finds both import forms (a check that could never fail would prove nothing)."""
    module = tmp_path / "catalog_module.py"
    module.write_text(source, encoding="utf-8")
    (line, imported), = imports(module)
    assert line == 1 and layer_of(part_of(imported)) > layer_of("catalog")
