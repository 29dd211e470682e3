"""The portal's benchmarks, as a small package: one module per job.

Command lines (run from the repository root; see README.md):

* ``build.py``: build time, page and index sizes, edit-to-preview, an existing LeetCode collection;
* ``search.py``: Pagefind against Material's lunr in headless Chromium.

What they are made of:

* ``corpus_words``: the vocabulary, morpheme lists and Zipf sampling the notes are written in;
* ``portal_generator``: the synthetic portal (``generate_portal(folder, size)`` for tests);
* ``portal_config``: the real ``mkdocs.yml`` read and rewritten for generated notes;
* ``leetcode_words``, ``leetcode_collection``: a LeetCode collection in another shape
  (``generate_collection(folder, size)``);
* ``child_build``: one build in a fresh process; ``build_measure``: what a build produced;
* ``serve_edit``: edit-to-preview under ``mkdocs serve``;
* ``site_server``: a static server that gzips like GitHub Pages; ``search_measure``: search in Chromium;
* ``report``: targets and tables; ``cli_common``: shared options; ``common``: paths and facts.
"""
