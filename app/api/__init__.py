"""The read-only JSON API for outside systems (payroll, SIMPEG): bearer tokens with scopes."""
from app.api.routes import bp  # noqa: F401  (registered by create_app)
