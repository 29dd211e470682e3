"""The plain types every layer shares: a note, its front matter, a diagnostic, a tag's folding.

Imports nothing of the portal's and nothing of MkDocs' but the type of a file.
"""
