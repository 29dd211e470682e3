"""A fingerprint of a portal page's view that costs each shared entry once per build.

``serve --dirty`` decides on every save whether each portal page (feed pages, category,
tag and LeetCode pages) shows something new, by comparing what its view holds with the
last build's. ``repr`` of every view re-printed the same feed entries on every page that
lists them (a note with five tags is on seven pages or more): at 1000 notes a third of a
rebuild. Entries are shared objects within a build, so their text is kept by identity.
"""

from __future__ import annotations

import dataclasses
from typing import Any


class ViewFingerprints:
    """The same text as ``repr`` gives, for dataclasses, lists, tuples and dicts of them."""

    def __init__(self) -> None:
        #: id → (object, its text); the object is held so that its id can't be reused this build.
        self._seen: dict[int, tuple[Any, str]] = {}

    def clear(self) -> None:
        """Forget this build's objects (call when a build starts)."""
        self._seen.clear()

    def of(self, value: Any) -> str:
        if value is None or isinstance(value, (str, int, float, bool)):
            return repr(value)
        known = self._seen.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            inner = ", ".join(f"{f.name}={self.of(getattr(value, f.name))}"
                              for f in dataclasses.fields(value) if f.repr)
            text = f"{type(value).__qualname__}({inner})"
        elif isinstance(value, (list, tuple)):
            text = type(value).__name__ + "[" + ", ".join(self.of(item) for item in value) + "]"
        elif isinstance(value, dict):
            text = "{" + ", ".join(f"{self.of(k)}: {self.of(v)}" for k, v in value.items()) + "}"
        else:
            text = repr(value)
        self._seen[id(value)] = (value, text)
        return text
