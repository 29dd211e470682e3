"""Site search: Pagefind indexes per language behind Material's search interface.

Data flows one way: a rendered page → ``extract`` (its readable sections,
without code or math) → ``tokens`` (Han text as overlapping character pairs) →
``records`` (one small HTML document per page, for Pagefind) → ``bundle``
(Pagefind's files, written per language) — all driven by ``indexer``. The
browser side is ``overrides/assets/javascripts/workers/np-search.js``, which
tokenizes queries exactly like ``tokens`` does. ``kept_bundles`` keeps the last full build's
bundles in the build cache. Imports ``output`` and below, never ``serve`` or ``speedups``.
"""
