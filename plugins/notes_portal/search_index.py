"""The search index as UTF-8 JSON.

Material writes ``search_index.json`` with ``json.dumps`` defaults, which
escape every Chinese character as ``\\uXXXX`` (6 bytes instead of 3). Writing
the same data as UTF-8 makes a Chinese portal's index about 45% smaller, and
the browser decodes it the same way.
"""

from __future__ import annotations

import json
import os


def rewrite_search_index_as_utf8(site_dir: str) -> None:
    path = os.path.join(site_dir, "search", "search_index.json")
    if not os.path.isfile(path):
        return
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
