"""Kinerja harian: the pegawai's month calendar and day of activities (URL /kinerja-harian)."""
from app.daily.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.daily import routes, team  # noqa: E402,F401
