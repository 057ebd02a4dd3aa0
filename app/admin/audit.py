"""The audit log viewer with filters; an OPD admin sees the events of their own OPDs."""
from __future__ import annotations

import datetime as dt

from flask import current_app, render_template, request
from flask_babel import get_timezone
from flask_login import current_user
from sqlalchemy import distinct, select

from app.admin import bp
from app.admin.forms import AuditFilterForm
from app.extensions import db
from app.forms import choices
from app.models import AuditEvent
from app.security import admin_opd_ids
from app.web import page_arg, to_id


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time.min).replace(tzinfo=get_timezone())
    return local.astimezone(dt.timezone.utc)


@bp.route("/audit")
def audit_log():
    """Jejak audit: who did what when, with before/after."""
    form = AuditFilterForm(request.args)
    scope = admin_opd_ids(current_user)
    scoped = select(AuditEvent)
    if scope is not None:
        scoped = scoped.where(AuditEvent.opd_id.in_(scope or {-1}))
    actions = db.session.scalars(
        select(distinct(AuditEvent.action)).order_by(AuditEvent.action)
    ).all()
    types = db.session.scalars(
        select(distinct(AuditEvent.object_type)).order_by(AuditEvent.object_type)
    ).all()
    form.action.choices = choices([("", "Semua")] + [(a, a) for a in actions])
    form.object_type.choices = choices([("", "Semua")] + [(t, t) for t in types])
    form.validate()

    query = scoped
    if form.actor.data and form.actor.data.strip():
        text = form.actor.data.strip().replace("%", "").replace("_", "")
        query = query.where(AuditEvent.actor_label.ilike(f"%{text}%"))
    if form.action.data:
        query = query.where(AuditEvent.action == form.action.data)
    if form.object_type.data:
        query = query.where(AuditEvent.object_type == form.object_type.data)
    object_id = _object_id(form.object_id.data)
    if object_id is not None:
        query = query.where(AuditEvent.object_id == object_id)
    if form.date_from.data:
        query = query.where(AuditEvent.created_at >= _local_midnight_utc(form.date_from.data))
    if form.date_to.data:
        query = query.where(
            AuditEvent.created_at < _local_midnight_utc(form.date_to.data + dt.timedelta(days=1))
        )
    query = query.order_by(AuditEvent.created_at.desc(), AuditEvent.id.desc())
    page = db.paginate(query, page=page_arg(), per_page=current_app.config["AUDIT_EVENTS_PER_PAGE"], error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/audit.html", form=form, page=page, args=args)


def _object_id(raw: str | None) -> int | None:
    try:
        return to_id((raw or "").strip())
    except ValueError:
        return None
