"""The Pejabat Penilai's side: review of periods, the annual evaluation with the curve,
keberatan and follow-up."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("reviews", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page needs a logged-in user; each view then checks the object itself."""
    return None


from app.reviews import annual, period  # noqa: E402,F401
