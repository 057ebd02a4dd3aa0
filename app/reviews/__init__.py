"""The Pejabat Penilai's side: review of periods, the annual evaluation with the curve,
keberatan and follow-up."""
from app.reviews.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.reviews import annual, follow_up, objection, period, result  # noqa: E402,F401
