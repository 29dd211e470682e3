"""The search index, written once more after every language is built.

Two things are put right here:

* Material writes ``search_index.json`` with ``json.dumps`` defaults, which
  escape every Chinese character as ``\\uXXXX`` (6 bytes instead of 3). The
  same data as UTF-8 makes a Chinese portal's index about 45% smaller, and the
  browser decodes it the same way.
* Under ``mkdocs serve --dirty`` Material merges each rebuild's entries into
  the previous index, and mkdocs-static-i18n hands it the entries of every
  language again, so the index doubled on every save (and so did the time to
  write it). Each location is kept once, its newest entry winning.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from notes_portal.compat.internals import internal

MATERIAL = "mkdocs-material"

#: What Material writes as the index's ``config``, from its plugin's options.
SEARCH_CONFIG_KEYS = ("lang", "separator", "pipeline", "fields")


def finish_search_index(config: MkDocsConfig) -> None:
    path = os.path.join(config.site_dir, "search", "search_index.json")
    if not os.path.isfile(path):
        return
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    entries = internal(MATERIAL, internal(MATERIAL, plugin, "search_index", "its search entries"),
                       "entries", "its search entries") if plugin is not None else None
    if isinstance(entries, list):
        # The plugin keeps this object as the "previous" index of the next dirty rebuild,
        # and the file it just wrote holds exactly these entries: no need to read it back.
        entries[:] = newest_entry_per_location(entries)
        data = {"config": {key: plugin.config[key] for key in SEARCH_CONFIG_KEYS}, "docs": entries}
    else:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        data["docs"] = newest_entry_per_location(data.get("docs", []))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)  # one C-encoded string
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)


def newest_entry_per_location(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries in their order, each location once: the last (newest) entry for it wins."""
    seen: set[str] = set()
    kept: list[dict[str, Any]] = []
    for entry in reversed(entries):
        location = entry.get("location")
        if location in seen:
            continue
        seen.add(location)
        kept.append(entry)
    kept.reverse()
    return kept
