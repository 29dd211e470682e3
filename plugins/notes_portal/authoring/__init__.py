"""Reading and validating notes as authors write them; shared by the build and the ``notes-portal`` CLI.
Imports ``model`` and ``config``, never the catalog or anything above it.
"""
