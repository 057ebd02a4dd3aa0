"""The kinerja harian blueprint and the guard of its whole area."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("daily", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page of the daily work needs a login."""
    return None
