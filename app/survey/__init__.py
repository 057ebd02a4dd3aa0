"""The public survey of a layanan (Survei Kepuasan Masyarakat, URL /survei): no login."""
from app.survey.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.survey import routes  # noqa: E402,F401
