"""What the two command lines share: the options every benchmark has, the temporary work folder,
and the way a report goes out (a table, or ``--json``).

The same options mean the same thing in ``build.py`` and ``search.py`` (sizes, seed, keep, JSON,
build timeout), so a run of one can be repeated with the other on the same notes.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from benchmarks.common import progress


def new_parser(doc: str, default_sizes: Sequence[int], default_seed: int) -> argparse.ArgumentParser:
    """A parser described by the first paragraph of ``doc`` with the options every benchmark has:
    --sizes, --json, --seed, --keep, --build-timeout."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(default_sizes), metavar="N",
                        help="portal sizes in notes (default: %(default)s)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    parser.add_argument("--seed", type=int, default=default_seed, help="seed of the note generator")
    parser.add_argument("--keep", action="store_true", help="keep the generated portals and sites")
    parser.add_argument("--build-timeout", type=float, default=3600, help="seconds allowed per build")
    return parser


def check_common_options(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Reject sizes too small to have a note in every category (the generator needs them)."""
    if any(n < 10 for n in args.sizes):
        parser.error("--sizes: at least 10 notes per portal")


def require_at_least(parser: argparse.ArgumentParser, option: str, value: int | None, minimum: int) -> None:
    """Stop with a usage error when ``option`` was given a ``value`` below ``minimum``."""
    if value is not None and value < minimum:
        parser.error(f"{option}: at least {minimum}")


@contextmanager
def work_dir(prefix: str, keep: bool) -> Iterator[Path]:
    """A new temporary folder for the portals and sites, removed afterwards unless ``keep``."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    progress(f"working in {work}")
    try:
        yield work
    finally:
        if keep:
            progress(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
