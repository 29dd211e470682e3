"""Speed-ups for large portals and ``serve`` rebuilds: render reuse, page freshness, template cache, step timing."""
