"""Time spent in the plugin's own steps, for ``benchmarks/build.py``."""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager


class StepTimes:
    """Seconds per named step, summed over every build since ``reset``."""

    def __init__(self) -> None:
        self.seconds: defaultdict[str, float] = defaultdict(float)

    @contextmanager
    def measure(self, step: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[step] += time.perf_counter() - start

    def add(self, step: str, seconds: float) -> None:
        """Time measured elsewhere, e.g. in a background thread."""
        self.seconds[step] += seconds

    @property
    def total(self) -> float:
        return sum(self.seconds.values())
