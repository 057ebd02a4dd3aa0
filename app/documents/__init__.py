"""Dokumen: preview, issue and download a pegawai's documents; the public verification page."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("documents", __name__)
verification_bp = Blueprint("verification", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page of a pegawai's documents needs a login (the verification pages do not)."""
    return None


from app.documents import routes, verify  # noqa: E402,F401
