"""The indicators blueprint object and the guard of its whole area; the package imports its route
modules, which register on it."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("indicators", __name__)


@bp.before_request
@login_required
def require_login():
    """Every SKP page needs a logged-in user; each view then checks the object itself."""
    return None
