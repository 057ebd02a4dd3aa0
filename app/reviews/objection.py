"""The keberatan page: the result objected to, the pegawai's reasons, the Pejabat Penilai's
explanation (written here) and the Atasan Pejabat Penilai's final decision (Kukuhkan or Ubah,
taken here; the pengelola kinerja records it when the atasan is the kepala daerah)."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.domain.enums import ObjectionDecision, ObjectionStatus
from app.forms import apply_service_error
from app.reviews.blueprint import bp
from app.reviews.annual_forms import ChangeForm, ConfirmForm, ExplainForm
from app.reviews.annual_loaders import evaluation_or_404, objection_or_404
from app.reviews.result import atasan_of, window_of
from app.security import is_second_assessor_of, may_assess_year, may_decide
from app.services import ServiceError
from app.services.reviews import objections as svc
from app.web import commit


def render_objection(objection, status: int = 200, **forms):
    """The keberatan with the form the current user may use at its current step."""
    evaluation = evaluation_or_404(objection.evaluation_id)
    objection = evaluation.objection
    own = current_user.employee_id == evaluation.employee_id
    may_explain = (not own and may_assess_year(current_user, evaluation.employee)
                   and objection.status == ObjectionStatus.FILED)
    decider = may_decide(current_user, evaluation)
    deciding = decider and objection.status == ObjectionStatus.EXPLAINED
    shown = ({"explain_form"} if may_explain else set()) | ({"confirm_form", "change_form"} if deciding else set())
    # A refusal of a step no longer open (already explained, already decided) is shown above the page.
    refusals = [message for name, form in forms.items() if name not in shown for message in form.form_errors]
    if may_explain:
        forms.setdefault("explain_form", ExplainForm(formdata=None))
    if deciding:
        forms.setdefault("confirm_form", ConfirmForm(formdata=None))
        forms.setdefault("change_form", ChangeForm(formdata=None))
    forms = {name: form for name, form in forms.items() if name in shown}
    return render_template(
        "reviews/objection_view.html", evaluation=evaluation, objection=objection, own=own,
        may_explain=may_explain, may_decide=deciding, decider=decider,
        curve=svc.curve_preview(evaluation) if deciding else None,
        atasan=atasan_of(evaluation.employee), window=window_of(evaluation), refusals=refusals,
        recording=deciding and not is_second_assessor_of(current_user, evaluation.employee), **forms,
    ), status


@bp.route("/keberatan/<int:objection_id>")
def objection_view(objection_id: int):
    """A keberatan and its steps, for the pegawai, the assessor chain and the pengelola kinerja."""
    return render_objection(objection_or_404(objection_id))


def _decider_objection(objection_id: int):
    objection = objection_or_404(objection_id)
    if not may_decide(current_user, objection.evaluation):
        abort(403)
    return objection


@bp.route("/keberatan/<int:objection_id>/tanggapan", methods=["POST"])
def objection_explain(objection_id: int):
    """The Pejabat Penilai's explanation of the result objected to."""
    objection = objection_or_404(objection_id)
    evaluation = objection.evaluation
    if current_user.employee_id == evaluation.employee_id or not may_assess_year(current_user, evaluation.employee):
        abort(403)
    form = ExplainForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.explain(current_user, objection, form.explanation.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Tanggapan disimpan; Atasan Pejabat Penilai kini dapat memutuskan keberatan.", "success")
            return redirect(url_for("reviews.objection_view", objection_id=objection_id))
    return render_objection(objection_or_404(objection_id), explain_form=form)


@bp.route("/keberatan/<int:objection_id>/kukuhkan", methods=["POST"])
def objection_confirm(objection_id: int):
    """Kukuhkan: the result stands; the decision is final."""
    objection = _decider_objection(objection_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.decide(current_user, objection, ObjectionDecision.CONFIRMED,
                                   reason=form.confirm_note.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Keberatan diputuskan: hasil dikukuhkan. Keputusan ini final.", "success")
            return redirect(url_for("reviews.objection_view", objection_id=objection_id))
    return render_objection(objection_or_404(objection_id), confirm_form=form)


@bp.route("/keberatan/<int:objection_id>/ubah", methods=["POST"])
def objection_change(objection_id: int):
    """Ubah: new ratings with a reason; the predikat follows; the decision is final."""
    objection = _decider_objection(objection_id)
    form = ChangeForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.decide(current_user, objection, ObjectionDecision.CHANGED,
                                   result_rating=form.result_rating.data or None,
                                   behavior_rating=form.behavior_rating.data or None, reason=form.reason.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            evaluation = objection_or_404(objection_id).evaluation
            flash(f"Keberatan diputuskan: hasil diubah menjadi {evaluation.predikat.label}. Keputusan ini final.",
                  "success")
            return redirect(url_for("reviews.objection_view", objection_id=objection_id))
    return render_objection(objection_or_404(objection_id), change_form=form)
