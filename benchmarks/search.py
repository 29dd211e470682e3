#!/usr/bin/env python3
"""Search benchmark of the study-notes portal: Pagefind (new) against Material's lunr (old).

For every size N it generates the synthetic portal of ``portal_generator`` (with its
``queries.json``: rare terms and LeetCode numbers, each with the note it should find) and
builds it twice, each time in a fresh Python process, with the real ``mkdocs.yml``:

* **new**: the configuration as it is (the plugin indexes with Pagefind);
* **old**: the same with ``search_engine: material`` under ``notes-portal:`` (Material's stock
  lunr search), when the plugin has that option; otherwise the configuration unchanged.

Each site is served on 127.0.0.1 by a threaded server that gzips responses the way GitHub
Pages does (files that are gzip already, like Pagefind's, go out as they are), under the
site's own host name, and headless Chromium (a fresh context per measurement, so a cold cache)
opens the home page and searches. It reports, per engine and size: time from opening the page
to the first result and from the first keystroke; bytes transferred until then, by kind, and
the sitemap fetches; the median follow-up query; recall@10 of the generated queries; the
index's build time and size (raw and gzipped); ratios; and PASS/FAIL for the targets.

With ``--leetcode-collection [N]`` (default 4000) it also builds a LeetCode collection of N
problems in a solutions repository's shape (``leetcode_collection``) and searches it by problem
names, Chinese and English, with and without the number: the share found at rank 1 and the first
search's bytes, against the targets (``search_collection``); ``--collection-only`` skips the
synthetic portals.

Usage (from the repository root)::

    .venv/bin/python benchmarks/search.py                    # sizes 300 1000 3000
    .venv/bin/python benchmarks/search.py --sizes 100        # quick run
    .venv/bin/python benchmarks/search.py --sizes 300 --keep --json
    .venv/bin/python benchmarks/search.py --collection-only --leetcode-collection 200

Progress goes to stderr; the report (table or ``--json``) to stdout.
"""


from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmarks package, however this is started

from benchmarks.cli_common import (
    check_common_options,
    new_parser,
    require_at_least,
    work_dir,
)
from benchmarks.common import (
    REAL_CONFIG,
    code_fingerprint,
    code_state,
    machine_facts,
    progress,
)
from benchmarks.leetcode_collection import DEFAULT_COLLECTION_SIZE, write_collection
from benchmarks.portal_config import read_site_settings, with_plugin_option
from benchmarks.portal_generator import DEFAULT_SEED, write_portal
from benchmarks.report import format_search_report, search_checks
from benchmarks.search_collection import (
    CollectionSearchFigures,
    format_collection_report,
    measure_collection_search,
)
from benchmarks.search_measure import (
    COLD_RUNS,
    ENGINES,
    RECALL_QUERIES,
    EngineFigures,
    measure_engine,
    old_engine_supported,
    sample_pairs,
)

DEFAULT_SIZES = (300, 1000, 3000)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = new_parser(__doc__, DEFAULT_SIZES, DEFAULT_SEED)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES), help="engines to measure")
    parser.add_argument("--queries", type=int, default=RECALL_QUERIES, metavar="Q",
                        help="known-answer queries per engine and size (default: %(default)s)")
    parser.add_argument("--cold-runs", type=int, default=COLD_RUNS, metavar="R",
                        help="cold page loads per engine and size (default: %(default)s)")
    parser.add_argument("--leetcode-collection", type=int, nargs="?", const=DEFAULT_COLLECTION_SIZE, metavar="N",
                        help="also search a LeetCode collection of N problems by their names "
                             "(default N: %(const)s)")
    parser.add_argument("--collection-only", action="store_true",
                        help="with --leetcode-collection: skip the synthetic portals")
    args = parser.parse_args(argv)
    check_common_options(parser, args)
    require_at_least(parser, "--cold-runs", args.cold_runs, 1)
    require_at_least(parser, "--leetcode-collection", args.leetcode_collection, 10)
    if args.collection_only and args.leetcode_collection is None:
        parser.error("--collection-only: needs --leetcode-collection")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from mkdocs.utils.yaml import yaml_load
    from playwright.sync_api import sync_playwright

    config_text = REAL_CONFIG.read_text(encoding="utf-8")
    settings = read_site_settings(config_text)
    args.site_host = urlsplit(yaml_load(config_text).get("site_url") or "http://notes.example.org/").hostname
    supported = old_engine_supported()
    old_engine = ("search_engine: material under notes-portal" if supported
                  else "the plugin has no search_engine option yet: built with the configuration unchanged")
    progress(f"old engine: {old_engine}")
    results: list[EngineFigures] = []
    failures: list[str] = []
    fingerprints = {code_fingerprint()}
    with work_dir("notes-portal-search-", args.keep) as work, sync_playwright() as playwright:
        for size in [] if args.collection_only else sorted(dict.fromkeys(args.sizes)):
            started = time.perf_counter()
            portal = write_portal(work / f"n{size}", size, settings, config_text, args.seed, stock=False)
            ours_text = portal.ours_config.read_text(encoding="utf-8")
            old_config = portal.root / "mkdocs-old.yml"
            old_config.write_text(with_plugin_option(ours_text, "search_engine", "material") if supported
                                  else ours_text, encoding="utf-8")
            progress(f"{size} notes generated in {time.perf_counter() - started:.1f} s, "
                     f"{len(portal.queries['pairs'])} known-answer queries in {portal.root / 'queries.json'}")
            pairs = sample_pairs(portal.queries, args.queries, args.seed + size)
            for engine in args.engines:
                config = portal.ours_config if engine == "new" else old_config
                try:
                    results.append(measure_engine(portal, engine, config, args, playwright, pairs))
                except (RuntimeError, OSError) as error:
                    progress(f"{size} notes: {engine} FAILED, left out of the report: {error}")
                    failures.append(f"{size} notes, {engine} engine: {str(error).strip().splitlines()[-1][:300]}")
                fingerprints.add(code_fingerprint())
            if not args.keep:
                shutil.rmtree(portal.root, ignore_errors=True)
        collection: CollectionSearchFigures | None = None
        if args.leetcode_collection is not None:
            written = write_collection(work / f"leetcode-{args.leetcode_collection}", args.leetcode_collection,
                                       settings, config_text, args.seed)
            try:
                collection = measure_collection_search(written, args, playwright)
            except (RuntimeError, OSError) as error:
                progress(f"LeetCode collection: FAILED: {error}")
                failures.append(f"LeetCode collection of {args.leetcode_collection}: "
                                f"{str(error).strip().splitlines()[-1][:300]}")
            fingerprints.add(code_fingerprint())

    checks = search_checks(results)
    code = code_state(fingerprints)
    meta = {"machine": machine_facts(), "git": code["git"], "fingerprint": code["fingerprint"],
            "old_engine": old_engine, "failures": failures}
    if code["changed_during_run"]:
        meta["warning"] = "the plugin, templates or mkdocs.yml changed during the run"
    if args.json:
        print(json.dumps({**meta, "results": [r.summary() for r in results], "checks": [asdict(c) for c in checks],
                          "leetcode_collection": collection.summary() if collection else None},
                         ensure_ascii=False, indent=2))
    else:
        if "warning" in meta:
            print(f"WARNING: {meta['warning']}")
        if results or not args.collection_only:
            print(format_search_report(results, checks, meta))
        if collection is not None:
            print(format_collection_report(collection))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONWARNINGS", "ignore")
    sys.exit(main())
