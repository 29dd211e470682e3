"""The build's speed-ups behind one front (``BuildSpeedups``): the page output cache, the template
cache and step timing, wired to ``caching`` and ``serve``. Imported only by ``plugin``.
"""
