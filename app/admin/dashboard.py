"""Pengelolaan overview: per OPD, how many pegawai, accounts not yet activated, locked."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user

from app.admin.blueprint import bp
from app.services.org.directory import account_counts
from app.services.org.units import opds_in_scope


@bp.route("/")
def index():
    """Ringkasan: one row per OPD in my scope."""
    opds = opds_in_scope(current_user)
    return render_template("admin/index.html", opds=opds, stats=account_counts(opds))
