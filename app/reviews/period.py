"""Review of one period by the Pejabat Penilai (or the Plt./Plh. for the period's dates): Tinjau —
my team × the periods of a year, with the teams two levels down read-only for the Atasan Pejabat
Penilai — and the review page: feedback per RHK and per BerAKHLAK value with common phrases, the
two ratings and the predikat; Simpan, Setujui, Kembalikan. Also the "Hasil tinjauan" block the
pegawai's own pages show."""
from __future__ import annotations

from dataclasses import dataclass

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from app.domain.enums import AssessmentStatus, PhraseScope
from app.domain.scoring import PREDIKAT_MATRIX
from app.extensions import db
from app.forms import apply_service_error, summarised_by_page
from app.models import Assessment, Feedback
from app.models.base import local_today
from app.reviews.blueprint import bp
from app.reviews.period_forms import (
    RATING_CHOICES, ReviewReturnForm, feedback_of_form, merge_phrases, problems, review_form_class,
)
from app.security import can_view_assessment, may_review_period, records_external_approval
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments.assessments import assessment_options, return_assessment
from app.services.assessments.sheet import Sheet
from app.services.daily import summary as daily_summary
from app.services.org.head_assessed import on_behalf_of
from app.services.reviews import reviews
from app.services.reviews.phrases import phrases_by_scope
from app.services.reviews.review_queue import review_grid
from app.services.settings import get_settings
from app.services.years import all_years, current_year
from app.web import commit, menu_facts, menu_has_team, year_or_404

CONFLICT = ("Penilaian ini telah berubah sejak halaman ini dibuka (disimpan di tab lain, atau diubah oleh "
            "pegawai atau pengelola kinerja), jadi isian Anda belum disimpan.")
KEPT = " Isian Anda masih ada di bawah; salin bila perlu."
KEPT_RETRY = (" Isian Anda masih ada di bawah; bila isian yang tersimpan berbeda, isinya ditampilkan di bawah "
              "kolomnya. Periksa, lalu tekan tombolnya sekali lagi.")


# --- helpers for every template -------------------------------------------------------------


@dataclass
class Outcome:
    """What the pegawai (and the assessor chain) may read of a review: the feedback saved so far,
    and once approved the ratings, the predikat, and who approved as what and when."""

    assessment: Assessment
    feedback: dict[str, Feedback]

    @property
    def approved(self) -> bool:
        return self.assessment.status == AssessmentStatus.APPROVED

    @property
    def shown(self) -> bool:
        return self.approved or bool(self.feedback)

    def text(self, key: str) -> str | None:
        item = self.feedback.get(key)
        return item.text if item is not None else None


def review_outcome(assessment: Assessment | None) -> Outcome | None:
    """The review of an assessment as its readers see it (one query)."""
    if assessment is None or assessment.id is None:
        return None
    return Outcome(assessment, reviews.feedback_of(assessment))


def reviews_nav() -> bool:
    """Whether the menu shows "Tinjau": the menu's team check, and for a pengelola kinerja (whose
    team check also counts the officials the kepala daerah assesses) whether they review anyone —
    both from the menu's one query (web.menu_facts)."""
    return bool(current_user.is_authenticated and current_user.employee_id and menu_has_team()
                and (not current_user.is_admin or menu_facts()["reviews"]))


@bp.app_context_processor
def review_helpers():
    return {"review_outcome": review_outcome, "reviews_nav": reviews_nav}


# --- Tinjau: my team × the periods ----------------------------------------------------------


def _render_grid(year):
    grid = review_grid(current_user, year) if year is not None else None
    return render_template("reviews/period_team.html", year=year, years=all_years(), grid=grid)


@bp.route("/")
def team():
    """My team's assessments of the current year, per period, with what waits for my review."""
    return _render_grid(current_year())


@bp.route("/<int:year>")
def team_year(year: int):
    """My team's assessments of one year, per period."""
    return _render_grid(year_or_404(year))


# --- the review page ------------------------------------------------------------------------


def _load(assessment_id: int) -> Assessment:
    assessment = db.session.get(Assessment, assessment_id, options=assessment_options())
    if assessment is None:
        abort(404)
    return assessment


def reviewer_assessment(assessment_id: int, *, post: bool = False) -> Assessment:
    """An assessment the current user reviews for its period. Someone else who may read it (the
    pegawai, the Atasan Pejabat Penilai, the pengelola kinerja) is sent to the read-only view, or
    refused (403) an action; anyone else gets 404."""
    assessment = _load(assessment_id)
    if may_review_period(current_user, assessment.employee, assessment.period):
        return assessment
    if can_view_assessment(current_user, assessment):
        if post:
            abort(403)
        abort(redirect(url_for("assessments.view", assessment_id=assessment_id)))
    abort(404)


def _phrases():
    grouped = phrases_by_scope(active_only=True)
    return grouped[PhraseScope.HASIL], grouped[PhraseScope.PERILAKU]


def _results(sheet: Sheet) -> list:
    """The RHK of the SKP in order (utama first), including any without IKI."""
    plan = sheet.assessment.plan
    return plan.utama + plan.tambahan


def _form_class(sheet: Sheet, hasil, perilaku):
    return review_form_class(_results(sheet), sheet.values, hasil, perilaku)


def _saved(assessment: Assessment, suggestion: reviews.Suggestion, feedback: dict[str, Feedback], form) -> dict:
    """What is stored now, as the form's fields would show it (the suggestion pre-selected)."""
    data = {}
    for name in form._fields:
        if name.startswith("feedback_"):
            kind, _, ident = name.removeprefix("feedback_").partition("_")
            item = feedback.get(f"{kind}:{ident}")
            data[name] = item.text if item is not None else ""
    rating = assessment.result_rating or suggestion.rating
    data["result_rating"] = rating.value if rating else ""
    data["result_rating_reason"] = assessment.result_rating_reason or ""
    data["behavior_rating"] = assessment.behavior_rating.value if assessment.behavior_rating else ""
    return data


def _theirs(saved: dict, form) -> dict[str, str]:
    """Stored values that differ from what the form holds (shown under the field after a conflict)."""
    labels = dict(RATING_CHOICES)
    differ = {}
    for name, value in saved.items():
        mine = (form[name].data or "").strip()
        if mine != (value or "").strip():
            differ[name] = labels.get(value, value) or "(kosong)"
    return differ


def render_review(assessment: Assessment, *, form=None, return_form=None, alert: str | None = None,
                  theirs=None, status: int = 200):
    """The review page: the submission side by side with the feedback, ratings and predikat; an
    approved one read-only with its result."""
    sheet = Sheet.of(assessment)
    sheet.daily = daily_summary.for_period(assessment.employee_id, assessment.period,
                                           [row.indicator.id for row in sheet.rows])
    hasil, perilaku = _phrases()
    suggestion = reviews.suggestion(assessment)
    feedback = reviews.feedback_of(assessment)
    kept = form is not None  # what the reviewer typed, shown again even when it can no longer be saved
    if form is None:
        form = _form_class(sheet, hasil, perilaku)(formdata=None)
        for name, value in _saved(assessment, suggestion, feedback, form).items():
            form[name].data = value
        form.version.data = assessment.lock_version
    if return_form is None:
        return_form = ReviewReturnForm(formdata=None)
    return_form.version.data = assessment.lock_version
    matrix = {f"{r.value}|{b.value}": p.label for (r, b), p in PREDIKAT_MATRIX.items()}
    summarised_by_page(form)  # the alert on top lists the problems in the page's order
    return render_template(
        "reviews/period_review.html", form=form, return_form=return_form, alert=alert, theirs=theirs or {},
        problems=problems(form) if kept else [],
        results=_results(sheet), suggestion=suggestion, settings=get_settings(), matrix=matrix,
        ratings=RATING_CHOICES, can_act=assessment.status == AssessmentStatus.SUBMITTED, kept=kept,
        outcome=Outcome(assessment, feedback), hasil_phrases=hasil, perilaku_phrases=perilaku, today=local_today(),
        on_behalf=on_behalf_of(assessment.employee) if records_external_approval(current_user, assessment.employee)
        else None, year_end_iki=reviews.year_end_indicators(assessment, suggestion), **sheet.context(),
    ), status


@bp.route("/penilaian/<int:assessment_id>")
def review(assessment_id: int):
    """Review a submission: per IKI target, realisasi, capaian and bukti dukung; feedback per RHK
    and per value; the two ratings and the predikat. An approved one is shown read-only."""
    assessment = reviewer_assessment(assessment_id)
    if assessment.status in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED):
        flash(f"Penilaian ini berstatus {assessment.status.label}: belum diajukan pegawai, jadi belum dapat "
              "ditinjau.", "info")
        return redirect(url_for("assessments.view", assessment_id=assessment_id))
    return render_review(assessment)


def _version(form) -> int:
    """The version the form was loaded at; a missing or garbled one counts as stale (0)."""
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return 0


def _refused(assessment: Assessment, version: int, form=None, return_form=None):
    """An assessment that is not (or no longer) waiting for review: nothing is saved; the page
    says why and keeps what was typed (409 when it changed since the page was opened, else 403)."""
    stale = version != assessment.lock_version
    message = (f"Penilaian berstatus {assessment.status.label} tidak dapat ditinjau; hanya yang sudah diajukan "
               "pegawai dan belum disetujui.")
    return render_review(assessment, form=form, return_form=return_form,
                         alert=(CONFLICT + " " if stale else "") + message + KEPT, status=409 if stale else 403)


def _decide(assessment_id: int, action):
    """Simpan or Setujui: validate the posted review, fold in the chosen phrases, call the service
    and commit; on a refusal show the page again with everything typed kept."""
    assessment = reviewer_assessment(assessment_id, post=True)
    sheet = Sheet.of(assessment)
    hasil, perilaku = _phrases()
    form = _form_class(sheet, hasil, perilaku)()
    valid = form.validate_on_submit()
    merge_phrases(form, {p.id: p.text for p in hasil + perilaku})
    version = _version(form)
    if assessment.status != AssessmentStatus.SUBMITTED:
        return _refused(assessment, version, form=form)
    if not valid:
        return render_review(assessment, form=form, alert="Tinjauan belum disimpan: perbaiki isian yang ditandai.")
    try:
        message = commit(lambda: action(assessment, form, version))
    except ConflictError:
        fresh = _load(assessment_id)
        if fresh.status != AssessmentStatus.SUBMITTED:
            return _refused(fresh, version, form=form)
        saved = _saved(fresh, reviews.suggestion(fresh), reviews.feedback_of(fresh), form)
        form.version.data = fresh.lock_version
        return render_review(fresh, form=form, alert=CONFLICT + KEPT_RETRY, theirs=_theirs(saved, form), status=409)
    except FieldErrors as error:
        apply_service_error(form, error)
        return render_review(_load(assessment_id), form=form,
                             alert="Tinjauan belum disimpan: perbaiki isian yang ditandai.")
    except ServiceError as error:
        fresh = _load(assessment_id)
        return render_review(fresh, form=form, alert=error.message + KEPT, status=403)
    flash(message, "success")
    return redirect(url_for("reviews.review", assessment_id=assessment_id))


@bp.route("/penilaian/<int:assessment_id>/simpan", methods=["POST"])
def save(assessment_id: int):
    """Simpan: the feedback (which the pegawai can read) and the ratings chosen so far."""
    def act(assessment, form, version):
        reviews.save_review(current_user, assessment, feedback=feedback_of_form(form),
                            result_rating=form.result_rating.data or None,
                            result_rating_reason=form.result_rating_reason.data,
                            behavior_rating=form.behavior_rating.data or None, version=version)
        return ("Tinjauan disimpan. Pegawai dapat membaca umpan balik Anda; rating dan predikat terlihat olehnya "
                "setelah disetujui.")

    return _decide(assessment_id, act)


@bp.route("/penilaian/<int:assessment_id>/setujui", methods=["POST"])
def approve(assessment_id: int):
    """Setujui: both ratings set, the predikat follows from the matrix; frozen and audited."""
    def act(assessment, form, version):
        name, title = assessment.employee.name, assessment.period.title
        outcome = reviews.approve_review(
            current_user, assessment, feedback=feedback_of_form(form), result_rating=form.result_rating.data or None,
            result_rating_reason=form.result_rating_reason.data, behavior_rating=form.behavior_rating.data or None,
            version=version)
        return f"Penilaian {title} {name} disetujui dengan predikat {outcome.label}."

    return _decide(assessment_id, act)


@bp.route("/penilaian/<int:assessment_id>/kembalikan", methods=["POST"])
def send_back(assessment_id: int):
    """Kembalikan: back to the pegawai with notes (required); it becomes editable again."""
    assessment = reviewer_assessment(assessment_id, post=True)
    form = ReviewReturnForm()
    valid = form.validate_on_submit()
    version = _version(form)
    if assessment.status != AssessmentStatus.SUBMITTED:
        return _refused(assessment, version, return_form=form)
    if not valid:
        return render_review(assessment, return_form=form, alert="Penilaian belum dikembalikan: tuliskan catatannya.")
    name, title, year = assessment.employee.name, assessment.period.title, assessment.period.year.year
    try:
        commit(lambda: return_assessment(current_user, assessment, form.reason.data, version=version))
    except ConflictError:
        fresh = _load(assessment_id)
        if fresh.status != AssessmentStatus.SUBMITTED:
            return _refused(fresh, version, return_form=form)
        return render_review(fresh, return_form=form, alert=CONFLICT + KEPT_RETRY, status=409)
    except ServiceError as error:
        apply_service_error(form, error)
        return render_review(_load(assessment_id), return_form=form,
                             alert="Penilaian belum dikembalikan: perbaiki catatannya.",
                             status=200 if error.field else 403)
    flash(f"Penilaian {title} {name} dikembalikan kepada pegawai dengan catatan.", "success")
    return redirect(url_for("reviews.team_year", year=year))
