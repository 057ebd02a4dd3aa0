"""Views of the main blueprint."""
from __future__ import annotations

from flask import Response, abort, jsonify, render_template
from flask_login import current_user, login_required

from app.extensions import database_reachable
from app.main.blueprint import bp
from app.services import home as home_service
from app.services.settings import get_settings


@bp.route("/")
@login_required
def home():
    """Beranda: what waits for me."""
    return render_template("main/home.html", home=home_service.build(current_user))


@bp.route("/profil")
@login_required
def profile():
    """My own pegawai data, reporting line and account."""
    return render_template("main/profile.html", home=home_service.build(current_user))


@bp.route("/healthz")
def healthz():
    """Liveness and database check for the operator's monitoring."""
    if not database_reachable():
        return jsonify(status="error", database="unavailable"), 503
    return jsonify(status="ok", database="ok")


@bp.route("/logo")
def logo():
    """The kabupaten logo from the settings (shown on the login page, so public)."""
    settings = get_settings()
    if not settings.logo:
        abort(404)
    response = Response(settings.logo, mimetype=settings.logo_mime or "image/png")
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response
