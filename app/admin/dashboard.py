"""Pengelolaan overview: per OPD, how many pegawai, accounts not yet activated, locked."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user
from sqlalchemy import func, select

from app.admin import bp
from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.models.base import utcnow
from app.security import admin_opd_ids


@bp.route("/")
def index():
    """Ringkasan: one row per OPD in my scope."""
    scope = admin_opd_ids(current_user)
    opds = select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD)
    if scope is not None:
        opds = opds.where(OrgUnit.id.in_(scope or {-1}))
    opds = list(db.session.scalars(opds.order_by(OrgUnit.name)))
    now = utcnow()
    rows = db.session.execute(
        select(
            OrgUnit.opd_id,
            func.count(Employee.id).filter(Employee.active.is_(True)),
            func.count(Employee.id).filter(Employee.active.is_(False)),
            func.count(Employee.id).filter(Employee.active.is_(True), User.password_hash.is_(None)),
            func.count(Employee.id).filter(User.locked_until > now),
            func.count(Employee.id).filter(
                Employee.active.is_(True),
                Employee.assessor_id.is_(None),
                Employee.external_assessor_name.is_(None),
            ),
        )
        .select_from(Employee)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .outerjoin(User, User.employee_id == Employee.id)
        .where(OrgUnit.opd_id.in_([o.id for o in opds] or [-1]))
        .group_by(OrgUnit.opd_id)
    ).all()
    stats = {row[0]: row[1:] for row in rows}
    return render_template("admin/index.html", opds=opds, stats=stats)
