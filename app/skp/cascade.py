"""Peta cascading: how the RHK of an OPD cascade from its Perjanjian Kinerja down the reporting
tree, with the gaps. The pengelola kinerja see their OPDs; a supervisor sees the subtree below
themselves."""
from __future__ import annotations

from flask import abort, current_app, render_template, request, url_for
from flask_login import current_user

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import AppraisalYear, OrgUnit, User
from app.security import can_admin_opd
from app.services.org import team
from app.services.skp.cascade import opd_map, opd_rows, subtree_map
from app.services.years import all_years, current_year, get_year
from app.skp.blueprint import bp
from app.web import menu_facts


@bp.app_template_global()
def skp_url(endpoint: str, **values) -> str | None:
    """The address of an SKP page, or None while that page is not part of the app."""
    if endpoint not in current_app.view_functions:
        return None
    return url_for(endpoint, **values)


# The page showing one SKP version; the first name is the agreed one, the second what the SKP
# pages currently register.
PLAN_PAGES = ("indicators.plan_detail", "indicators.view")


@bp.app_template_global()
def plan_url(plan_id: int) -> str | None:
    """The address of the page showing one SKP, or None while there is none."""
    for endpoint in PLAN_PAGES:
        if endpoint in current_app.view_functions:
            return url_for(endpoint, plan_id=plan_id)
    return None


def has_direct_reports(user: User) -> bool:
    """The user assesses at least one active pegawai (the menu's one query: web.menu_facts)."""
    if user.is_authenticated and user.id == current_user.id:
        return menu_facts()["reports"]
    return team.has_direct_reports(user)


@bp.app_template_global()
def shows_cascade_link() -> bool:
    """The menu offers the map to admins and to supervisors."""
    return current_user.is_authenticated and (current_user.is_admin or has_direct_reports(current_user))


def _year() -> AppraisalYear | None:
    """?tahun=2026, else the current year (None when no year is open yet)."""
    raw = request.args.get("tahun", "").strip()
    if not raw:
        return current_year()
    year = get_year(int(raw)) if raw.isdigit() and len(raw) == 4 else None
    if year is None:
        abort(404)
    return year


def _render(template: str, **context):
    return render_template(f"skp/{template}", years=all_years(),
                           open_all=request.args.get("buka") == "semua", **context)


@bp.route("/peta")
def cascade_index():
    """Choose a map: an OPD I manage, or my own team's subtree."""
    reports = has_direct_reports(current_user)
    if not current_user.is_admin and not reports:
        abort(403)
    year = _year()
    rows = opd_rows(current_user, year) if current_user.is_admin else []
    return _render("cascade_index.html", year=year, rows=rows, reports=reports)


@bp.route("/peta/<int:opd_id>")
def cascade_opd(opd_id: int):
    """The map of one OPD (its pengelola kinerja and the super admin)."""
    if not current_user.is_admin:
        abort(403)
    opd = db.session.get(OrgUnit, opd_id)
    if opd is None or opd.kind != OrgUnitKind.OPD or not can_admin_opd(current_user, opd.id):
        abort(404)
    year = _year()
    cmap = opd_map(opd, year) if year is not None else None
    return _render("cascade_map.html", year=year, cmap=cmap, title=opd.name,
                   here=url_for("indicators.cascade_opd", opd_id=opd.id))


@bp.route("/peta/saya")
def cascade_mine():
    """The map below me: my RHK and those of everyone I assess, directly or further down."""
    if not has_direct_reports(current_user):
        abort(403)
    employee = current_user.employee
    year = _year()
    cmap = subtree_map(employee, year) if year is not None else None
    return _render("cascade_map.html", year=year, cmap=cmap, title=f"Tim {employee.name}",
                   here=url_for("indicators.cascade_mine"))
