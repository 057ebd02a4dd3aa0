"""Pemberitahuan: what happened to me and my reminders (read/unread), where each leads, and the
public page that turns e-mail reminders off from the link in a reminder."""
from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from app.extensions import db, limiter
from app.forms import ActionForm
from app.main.blueprint import bp
from app.models import AppraisalYear, Notification, Period
from app.services.notifications import inbox
from app.services.notifications.reminders import set_reminder_email, user_of_token
from app.web import commit, page_arg


def target(notification: Notification) -> str | None:
    """Where a notification leads its reader: the page to act on, or to read what happened."""
    kind, ident = notification.object_type, notification.object_id
    action = notification.event.action if notification.event is not None else ""
    if ident is None:
        return None
    if kind == "plan":
        return url_for("indicators.review" if action == "skp.diajukan" else "indicators.view", plan_id=ident)
    if kind == "assessment":
        if action == "penilaian.diajukan":
            return url_for("reviews.review", assessment_id=ident)
        return url_for("assessments.view", assessment_id=ident)
    if kind == "annual_evaluation":
        return url_for("reviews.evaluation_view", evaluation_id=ident)
    if kind == "document":
        return url_for("documents.download", document_id=ident)
    if kind == "user_account":
        return url_for("main.profile")
    if kind in ("activity", "day_comment"):
        from app.models import Activity, DayComment

        item = db.session.get(Activity if kind == "activity" else DayComment, ident)
        return url_for("daily.day", day=item.day.isoformat()) if item is not None else None
    if kind == "period":
        period = db.session.get(Period, ident)
        if period is None:
            return None
        if notification.key and notification.key.startswith("tinjau:"):
            return url_for("reviews.team")
        if notification.key and notification.key.startswith("ringkasan:"):
            return url_for("admin.monitoring")
        year = db.session.get(AppraisalYear, period.year_id)
        return url_for("assessments.period", year=year.year, number=period.number)
    return None


@bp.route("/pemberitahuan")
@login_required
def notifications():
    """My notifications, newest first, unread marked."""
    page = db.paginate(inbox.my_notifications(current_user), page=page_arg(), per_page=30, error_out=False)
    return render_template("main/notifications.html", page=page, action_form=ActionForm())


@bp.route("/pemberitahuan/baca-semua", methods=["POST"])
@login_required
def notifications_read_all():
    if not ActionForm().validate_on_submit():
        abort(400)
    done = commit(lambda: inbox.mark_all_read(current_user))
    flash(f"{done} pemberitahuan ditandai sudah dibaca." if done else "Semua pemberitahuan sudah dibaca.", "success")
    return redirect(url_for("main.notifications"))


@bp.route("/pemberitahuan/<int:notification_id>/buka", methods=["POST"])
@login_required
def notification_open(notification_id: int):
    """Mark one of my notifications read and go where it leads."""
    if not ActionForm().validate_on_submit():
        abort(400)
    notification = inbox.open_notification(current_user, notification_id)
    if notification is None:
        abort(404)
    where = target(notification) or url_for("main.notifications")
    db.session.commit()
    return redirect(where)


@bp.route("/profil/pengingat", methods=["POST"])
@login_required
def reminder_preference():
    """Reminders by e-mail on or off (from my profile)."""
    if not ActionForm().validate_on_submit():
        abort(400)
    wanted = request.form.get("email") == "1"
    commit(lambda: set_reminder_email(current_user._get_current_object(), wanted))
    flash("Pengingat lewat e-mail " + ("diaktifkan." if wanted else "dihentikan; pengingat tetap tampil di "
                                       "Pemberitahuan."), "success")
    return redirect(url_for("main.profile"))


def _unsubscribe_limit() -> str:
    return current_app.config["VERIFY_RATE_LIMIT"]


@bp.route("/pengingat/berhenti/<token>", methods=["GET", "POST"])
@limiter.limit(_unsubscribe_limit)
def unsubscribe(token: str):
    """The link in every reminder e-mail: no login needed (the link is signed for one account);
    a GET only asks, the POST turns e-mail reminders off."""
    form = ActionForm()
    if request.method == "POST" and not form.validate_on_submit():
        abort(400)
    user = user_of_token(token)
    if user is None:
        return render_template("main/unsubscribe.html", user=None, done=False, form=form), 404
    if request.method == "POST":
        commit(lambda: set_reminder_email(user, False))
        return render_template("main/unsubscribe.html", user=user, done=True, form=form)
    return render_template("main/unsubscribe.html", user=user, done=False, form=form)
