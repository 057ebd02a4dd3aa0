"""Roster import (upload → validation report → confirm). Filled in by the import work."""
from __future__ import annotations

from flask import render_template

from app.admin import bp


@bp.route("/impor", methods=["GET", "POST"])
def import_upload():
    """Upload a roster file."""
    return render_template("admin/import_upload.html")
