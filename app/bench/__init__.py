"""The benchmark's floor page (`/_bench/floor`): the cheapest authenticated page of the app, with
the full layout and the same request hooks, so bench/load can say how far each real page is from
what a request costs anyway. Registered only when BENCH_FLOOR_PAGE is set (never in production)."""
from __future__ import annotations

from flask import Blueprint, render_template
from flask_login import login_required

bp = Blueprint("bench", __name__)


@bp.route("/_bench/floor")
@login_required
def floor():
    """The layout with a line of text: no query beyond the login's own."""
    return render_template("bench/floor.html")
