"""The audit log viewer with filters; an OPD admin sees the events of their own OPDs."""
from __future__ import annotations

import datetime as dt

from flask import current_app, render_template, request
from flask_babel import get_timezone
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import AuditFilterForm
from app.extensions import db
from app.forms import choices
from app.services.audit import action_label, event_filters, events_query, object_names, object_type_label
from app.web import page_arg, to_id


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time.min).replace(tzinfo=get_timezone())
    return local.astimezone(dt.timezone.utc)


@bp.route("/audit")
def audit_log():
    """Jejak audit: who did what when, with before/after."""
    form = AuditFilterForm(request.args)
    actions, types = event_filters()
    form.action.choices = choices([("", "Semua")] + sorted(((a, action_label(a)) for a in actions),
                                                            key=lambda pair: pair[1]))
    form.object_type.choices = choices([("", "Semua")] + sorted(((t, object_type_label(t)) for t in types),
                                                                 key=lambda pair: pair[1]))
    form.validate()
    query = events_query(
        current_user, actor=form.actor.data or "", action=form.action.data or "",
        object_type=form.object_type.data or "", object_id=_object_id(form.object_id.data),
        since=_local_midnight_utc(form.date_from.data) if form.date_from.data else None,
        before=_local_midnight_utc(form.date_to.data + dt.timedelta(days=1)) if form.date_to.data else None)
    page = db.paginate(query, page=page_arg(), per_page=current_app.config["AUDIT_EVENTS_PER_PAGE"], error_out=False)
    args = {k: v for k, v in request.args.items() if k != "page" and v}
    return render_template("admin/audit.html", form=form, page=page, args=args, events=page.items,
                           names=object_names(page.items))


def _object_id(raw: str | None) -> int | None:
    try:
        return to_id((raw or "").strip())
    except ValueError:
        return None
