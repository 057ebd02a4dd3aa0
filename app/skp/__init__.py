"""SKP planning for pegawai and their assessors: my SKP, the editor, versions, my team's SKPs,
review (approve/return, ekspektasi), and the cascading map of an OPD."""
from app.skp.blueprint import bp  # noqa: F401  (registered by create_app)

# The route modules: importing them registers their views on the blueprint.
from app.skp import cascade, editor, indicator_editor, plans, review, team  # noqa: E402,F401
