"""Tindak lanjut of annual results: the assessor's recognition list (Sangat Baik) and development
list (Butuh Perbaikan and below) of the team on one page, and adding or removing a programme, by
the assessor or the pengelola kinerja (also from the result page)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.domain.enums import EvaluationStatus, FollowUpKind
from app.forms import ActionForm, apply_service_error
from app.reviews.annual_forms import follow_up_form
from app.reviews.annual_loaders import evaluation_or_404, follow_up_or_404
from app.reviews.blueprint import bp
from app.reviews.result import follow_up_kind, render_result
from app.security import may_follow_up
from app.services import ServiceError
from app.services.reviews import annual as annual_svc
from app.services.reviews import objections as svc
from app.services.years import all_years, current_year
from app.web import commit, year_or_404

LIST = "daftar"


def render_list(year, status: int = 200, failed=None):
    """The team's two lists for a year, with an add form per pegawai (`failed`: a form to show
    again with its errors)."""
    team = annual_svc.annual_team(current_user, year)
    annual_svc.load_follow_ups(team.rows)
    handed = [r for r in team.rows if r.evaluation is not None and r.evaluation.status == EvaluationStatus.HANDED_OVER]
    lists = {FollowUpKind.RECOGNITION: [], FollowUpKind.DEVELOPMENT: []}
    forms = {}
    for row in handed:
        kind = follow_up_kind(row.evaluation)
        if kind is None:
            continue
        lists[kind].append(row)
        if failed is not None and failed.programme.name.startswith(f"tl{row.evaluation.id}-"):
            forms[row.evaluation.id] = failed
        else:
            forms[row.evaluation.id] = follow_up_form(row.evaluation, kind, formdata=None, source=LIST)
    return render_template("reviews/follow_up_list.html", year=year, years=all_years(), team=team,
                           recognition=lists[FollowUpKind.RECOGNITION], development=lists[FollowUpKind.DEVELOPMENT],
                           forms=forms, waiting=len(team.rows) - len(handed), remove_form=ActionForm()), status


@bp.route("/tindak-lanjut")
def follow_up_list():
    """My team's recognition and development lists of the current year."""
    year = current_year()
    if year is None:
        return render_template("reviews/follow_up_list.html", year=None, years=[], recognition=[], development=[])
    return redirect(url_for("reviews.follow_up_list_year", year=year.year))


@bp.route("/tindak-lanjut/<int:year>")
def follow_up_list_year(year: int):
    """My team's recognition and development lists of one year."""
    return render_list(year_or_404(year))


def _back(evaluation, source: str | None):
    if source == LIST:
        return redirect(url_for("reviews.follow_up_list_year", year=evaluation.year.year) + "#tl-" + str(evaluation.id))
    return redirect(url_for("reviews.evaluation_view", evaluation_id=evaluation.id) + "#tindak-lanjut")


@bp.route("/evaluasi/<int:evaluation_id>/tindak-lanjut/tambah", methods=["POST"])
def add_follow_up(evaluation_id: int):
    """Catat tindak lanjut: a recognition or development programme for a handed-over result."""
    evaluation = evaluation_or_404(evaluation_id)
    if not may_follow_up(current_user, evaluation):
        abort(403)
    kind = follow_up_kind(evaluation) or FollowUpKind.DEVELOPMENT
    form = follow_up_form(evaluation, kind)
    if form.validate_on_submit():
        try:
            follow_up = commit(lambda: svc.add_follow_up(current_user, evaluation, form.programme.data or None,
                                                      form.note.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Tindak lanjut {follow_up.programme.label} untuk {evaluation.employee.name} dicatat.", "success")
            return _back(evaluation, form.source.data)
    if form.source.data == LIST:
        return render_list(evaluation.year, failed=form)
    return render_result(evaluation_or_404(evaluation_id), follow_form=form)


@bp.route("/tindak-lanjut/<int:follow_up_id>/hapus", methods=["POST"])
def remove_follow_up(follow_up_id: int):
    """Hapus a recorded follow-up."""
    follow_up = follow_up_or_404(follow_up_id)
    evaluation = follow_up.evaluation
    if not may_follow_up(current_user, evaluation):
        abort(403)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    label = follow_up.programme.label
    try:
        commit(lambda: svc.remove_follow_up(current_user, follow_up))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"Tindak lanjut {label} untuk {evaluation.employee.name} dihapus.", "success")
    return _back(evaluation, request.form.get("source"))
