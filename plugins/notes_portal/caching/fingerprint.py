"""Everything besides a note's own text that changes what the build cache holds for it.

A cache entry is only as good as its key. A note's Markdown renders differently when
an extension or one of its options changes, when Python-Markdown, pymdown-extensions,
Pygments, Material (its emoji and icons) or MkDocs change, and when our own code that
reads front matter and makes excerpts changes; an option may also name files (custom
icons, a snippets folder) whose contents are part of the rendering. All of that is
folded into one fingerprint: entries made under another fingerprint are never read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

#: Bump when the layout or meaning of entries changes.
CACHE_FORMAT = 2
#: Distributions whose code renders a note or reads its front matter.
RENDERING_PACKAGES = ("mkdocs", "markdown", "pymdown-extensions", "pygments", "mkdocs-material",
                      "mkdocs-notes-portal", "pyyaml", "pylatexenc")
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
#: Files named by extension options are hashed up to this size (a snippets folder, icons).
_MAX_NAMED_BYTES = 64 * 1024 * 1024


def render_fingerprint(config: MkDocsConfig) -> str:
    """The fingerprint of this build's rendering: a hex digest, stable across processes."""
    base = os.path.dirname(os.path.abspath(config.config_file_path or "mkdocs.yml"))
    options = {name: stable(value) for name, value in sorted((config.mdx_configs or {}).items())}
    facts = {
        "format": CACHE_FORMAT,
        "python": sys.version_info[:2],
        "versions": {name: _version(name) for name in RENDERING_PACKAGES},
        "plugin_source": plugin_source_digest(),
        "extensions": [stable(extension) for extension in config.markdown_extensions],
        "options": options,
        "use_directory_urls": config.use_directory_urls,
        "named_files": {path: _digest_path(path) for path in sorted(set(_named_paths(options, base)))},
    }
    return hashlib.sha256(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


@cache
def plugin_source_digest() -> str:
    """A digest of this plugin's source: a changed excerpt rule or front matter parser makes
    other entries even when the version number (0.1.0 through a whole project) doesn't move."""
    root = Path(__file__).resolve().parents[1]
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@cache  # looking a distribution up scans sys.path; what is installed doesn't change under a build
def _version(distribution: str) -> str:
    try:
        return version(distribution)
    except PackageNotFoundError:
        return "-"


def stable(value: Any, depth: int = 0) -> Any:
    """``value`` as JSON-able data that is the same in every process.

    Options may be Python objects (``!!python/name:`` in ``mkdocs.yml``): a function stands
    for its module, name and the values it closes over, never for its address in memory.
    """
    if depth > 8:
        return _ADDRESS.sub("", repr(value))
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, Mapping):  # MkDocs' ``Config`` objects too, which aren't dicts
        return {str(k): stable(v, depth + 1) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [stable(v, depth + 1) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if callable(value) and hasattr(value, "__qualname__"):
        closure = [cell.cell_contents for cell in (getattr(value, "__closure__", None) or ())]
        return {"callable": f"{getattr(value, '__module__', '?')}.{value.__qualname__}",
                "closure": stable(closure, depth + 1),
                "defaults": stable(getattr(value, "__defaults__", None), depth + 1),
                "kwdefaults": stable(getattr(value, "__kwdefaults__", None), depth + 1)}
    if hasattr(value, "func") and hasattr(value, "args"):  # functools.partial
        return {"partial": stable(value.func, depth + 1), "args": stable(value.args, depth + 1),
                "keywords": stable(getattr(value, "keywords", {}), depth + 1)}
    if hasattr(value, "__dict__"):
        return {"object": f"{type(value).__module__}.{type(value).__qualname__}",
                "state": stable(vars(value), depth + 1)}
    return _ADDRESS.sub("", repr(value))


def _named_paths(value: Any, base: str) -> Iterator[str]:
    """Strings in the options that name an existing file or folder (relative to ``mkdocs.yml``)."""
    if isinstance(value, str):
        if value and len(value) < 512 and "\n" not in value:
            for candidate in (value, os.path.join(base, value)):
                if os.path.exists(candidate):
                    found = os.path.realpath(candidate)
                    # The project folder itself (``base_path: .``) is no file the rendering
                    # reads as a whole: hashing it would read the virtualenv every build.
                    if not os.path.realpath(base).startswith(found):
                        yield found
                    return
    elif isinstance(value, dict):
        for item in value.values():
            yield from _named_paths(item, base)
    elif isinstance(value, list):
        for item in value:
            yield from _named_paths(item, base)


def _digest_path(path: str) -> str:
    """Contents (and names) of a file or of every file under a folder, up to a size budget."""
    digest = hashlib.sha256()
    budget = _MAX_NAMED_BYTES
    paths = [path] if os.path.isfile(path) else sorted(
        os.path.join(folder, name) for folder, _, names in os.walk(path) for name in names)
    for file in paths:
        try:
            size = os.path.getsize(file)
            digest.update(os.path.relpath(file, path).encode() + b"\0")
            if size <= budget:
                budget -= size
                with open(file, "rb") as handle:
                    digest.update(handle.read())
            else:  # too large to read every build: its size and time stand for it
                digest.update(f"{size}:{os.path.getmtime(file)}".encode())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()
