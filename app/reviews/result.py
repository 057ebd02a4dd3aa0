"""Hasil saya: the pegawai's annual result (ratings, predikat, capaian, who rated it, when it was
handed over), the keberatan window and form, the keberatan timeline and the follow-up; the same
page for the assessor chain and the pengelola kinerja at /tinjau/evaluasi/<id>."""
from __future__ import annotations

import datetime as dt

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.domain.enums import EvaluationStatus, FollowUpKind
from app.domain.scoring import Predikat
from app.forms import apply_service_error
from app.models import AnnualEvaluation, Employee
from app.reviews.annual_forms import ObjectionForm, follow_up_form
from app.reviews.annual_loaders import _options, evaluation_or_404
from app.reviews.blueprint import bp
from app.security import may_assess_year, may_decide, may_follow_up
from app.services import ServiceError
from app.services.reviews import objections as svc
from app.services.reviews.annual import ObjectionWindow, objection_window
from app.services.reviews.annual import evaluation_of
from app.services.years import all_years, current_year
from app.web import commit, year_or_404

DEVELOPMENT = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


def window_of(evaluation: AnnualEvaluation, today: dt.date | None = None) -> ObjectionWindow:
    return objection_window(evaluation, today)


def follow_up_kind(evaluation: AnnualEvaluation) -> FollowUpKind | None:
    """Recognition for Sangat Baik, development for Butuh Perbaikan and below, else none."""
    if evaluation.status != EvaluationStatus.HANDED_OVER or evaluation.predikat is None:
        return None
    if evaluation.predikat == Predikat.SANGAT_BAIK:
        return FollowUpKind.RECOGNITION
    return FollowUpKind.DEVELOPMENT if evaluation.predikat in DEVELOPMENT else None


def atasan_of(employee: Employee) -> tuple[str | None, str | None]:
    """(name, title) of the Atasan Pejabat Penilai: the assessor's assessor, or the kepala daerah
    written on the assessor's record."""
    assessor = employee.assessor
    if assessor is None:
        return None, None
    if assessor.assessor is not None:
        return assessor.assessor.name, assessor.assessor.position
    return assessor.external_assessor_name, assessor.external_assessor_title


def result_context(evaluation: AnnualEvaluation, **forms) -> dict:
    """Everything the result page shows, with the forms the current user may use."""
    own = current_user.employee_id == evaluation.employee_id
    objection = evaluation.objection
    window = window_of(evaluation)
    kind = follow_up_kind(evaluation)
    may_follow = kind is not None and may_follow_up(current_user, evaluation)
    may_object = own and window.open and objection is None
    # A refusal of a form no longer offered (the window closed, already filed) is shown above the page.
    refusals = [message for name, form in forms.items()
                if not (may_object if name == "objection_form" else may_follow) for message in form.form_errors]
    if may_object and "objection_form" not in forms:
        forms["objection_form"] = ObjectionForm(formdata=None)
    if may_follow and "follow_form" not in forms:
        forms["follow_form"] = follow_up_form(evaluation, kind, formdata=None)
    return {
        "evaluation": evaluation, "objection": objection, "own": own, "window": window, "kind": kind,
        "shown": evaluation.status == EvaluationStatus.HANDED_OVER or not own,
        "may_object": may_object, "may_follow": may_follow, "atasan": atasan_of(evaluation.employee),
        "is_reviewer": may_assess_year(current_user, evaluation.employee) and not own,
        "may_decide": may_decide(current_user, evaluation), "refusals": refusals,
        "objection_form": forms.get("objection_form") if may_object else None,
        "follow_form": forms.get("follow_form") if may_follow else None,
    }


def _my_evaluation(year) -> AnnualEvaluation | None:
    if current_user.employee_id is None:
        return None
    return evaluation_of(current_user.employee_id, year, *_options())


def render_result(evaluation: AnnualEvaluation, status: int = 200, **forms):
    return render_template("reviews/result_view.html", years=all_years(), year=evaluation.year,
                           **result_context(evaluation, **forms)), status


@bp.route("/hasil")
def my_result():
    """My annual result of the current year."""
    year = current_year()
    if year is None:
        return render_template("reviews/result_view.html", year=None, years=[], evaluation=None, own=True)
    return redirect(url_for("reviews.my_result_year", year=year.year))


@bp.route("/hasil/<int:year>")
def my_result_year(year: int):
    """My annual result of one year: ratings, predikat, the keberatan window, form and timeline."""
    appraisal_year = year_or_404(year)
    evaluation = _my_evaluation(appraisal_year)
    if evaluation is None:
        return render_template("reviews/result_view.html", year=appraisal_year, years=all_years(),
                               evaluation=None, own=True)
    return render_result(evaluation)


@bp.route("/evaluasi/<int:evaluation_id>")
def evaluation_view(evaluation_id: int):
    """One pegawai's annual result, for the pegawai, the assessor chain and the pengelola kinerja."""
    evaluation = evaluation_or_404(evaluation_id)
    if current_user.employee_id == evaluation.employee_id:
        return redirect(url_for("reviews.my_result_year", year=evaluation.year.year))
    return render_result(evaluation)


@bp.route("/evaluasi/<int:evaluation_id>/keberatan/ajukan", methods=["POST"])
def file_objection(evaluation_id: int):
    """Ajukan keberatan: the pegawai objects to the result, with reasons, within the window."""
    evaluation = evaluation_or_404(evaluation_id)
    if current_user.employee_id != evaluation.employee_id:
        abort(403)
    form = ObjectionForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.file_objection(current_user, evaluation, form.reasons.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            name = atasan_of(evaluation.employee)[0]
            flash("Keberatan Anda diajukan" + (f" kepada {name}" if name else "") + ". Pejabat Penilai akan "
                  "menanggapinya, lalu Atasan Pejabat Penilai memutuskan.", "success")
            return redirect(url_for("reviews.my_result_year", year=evaluation.year.year))
    return render_result(evaluation_or_404(evaluation_id), objection_form=form)

