"""The catalog of one language build: notes, their dates from git, their excerpts, their tags, and
the messages about them. Imports ``authoring``, ``model`` and ``caching``, never ``views`` or above.
"""
