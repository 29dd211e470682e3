"""MkDocs plugin behind the study-notes portal."""
