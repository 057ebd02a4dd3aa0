"""Beranda, profile, health check and the public logo."""
from app.main.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.main import guide, notifications, routes  # noqa: E402,F401
