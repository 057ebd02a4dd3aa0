"""SKP planning for pegawai and their assessors: my SKP, the editor, versions, my team's SKPs,
review (approve/return, ekspektasi), and the cascading map of an OPD."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("indicators", __name__)


@bp.before_request
@login_required
def require_login():
    """Every SKP page needs a logged-in user; each view then checks the object itself."""
    return None


from app.indicators import cascade, plans, team  # noqa: E402,F401
