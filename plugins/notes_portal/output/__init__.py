"""What the portal adds to the site: generated pages in MkDocs' files, the small nav, Atom feeds,
rewritten links, rendered partials. Imports the views and below, never ``search``, ``serve`` or
``speedups``.
"""
