"""What ``mkdocs serve`` needs beyond a build: the quick refresh of a saved note, the source watcher,
page freshness under ``--dirty`` and in-memory render reuse. Imports the views and the caches; only
``speedups`` and ``plugin`` import it.
"""
