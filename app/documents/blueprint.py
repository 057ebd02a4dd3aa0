"""The documents blueprint object and the guard of its whole area; the package imports its route
modules, which register on it."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("documents", __name__)
verification_bp = Blueprint("verification", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page of a pegawai's documents needs a login (the verification pages do not)."""
    return None
