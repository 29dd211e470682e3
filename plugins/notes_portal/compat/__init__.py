"""The one place that touches MkDocs, Material and mkdocs-static-i18n beyond their documented APIs."""
