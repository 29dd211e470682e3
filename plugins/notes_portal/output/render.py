"""Rendering the portal's Jinja partials (from ``overrides/partials``) outside a page template."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment


def render_partial(env: Environment, name: str, **context: Any) -> str:
    """Render ``partials/<name>``; the partials escape everything they print."""
    return env.get_template(f"partials/{name}").render(**context)
