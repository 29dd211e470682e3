"""The one place that touches MkDocs, Material, mkdocs-static-i18n and mkdocs-glightbox beyond their
documented APIs. Imports nothing of the portal but itself, so every layer may use it.
"""
