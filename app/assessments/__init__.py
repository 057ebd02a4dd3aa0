"""Penilaian periode: the pegawai's realisasi with bukti dukung per period, perilaku reflection,
submission; Capaian saya; the assessor's return of a submission; the pengelola's reopen."""
from flask import Blueprint
from flask_login import login_required

bp = Blueprint("assessments", __name__)


@bp.before_request
@login_required
def require_login():
    """Every page needs a logged-in user; each view then checks the object itself."""
    return None


from app.assessments import evidence, progress, review, routes, team  # noqa: E402,F401
