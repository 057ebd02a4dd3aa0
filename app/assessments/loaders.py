"""Load an assessment (or a piece of one) and authorise in one step, so no view can forget the
check: an assessment the user may not view is 404 (no leak), one they may view but not change is
403 with the reason."""
from __future__ import annotations

from flask import abort, make_response
from flask_login import current_user

from app.errors import render_error
from app.extensions import db
from app.models import Assessment, Evidence, Period
from app.security import can_admin_employee, can_view_assessment, is_reviewer_of
from app.services.assessments.assessments import assessment_options, window
from app.web import year_or_404

CONFLICT = (
    "Penilaian ini telah disimpan dari tab atau perangkat lain sejak halaman ini dibuka, jadi isian Anda "
    "belum disimpan."
)
CONFLICT_KEPT = (
    CONFLICT + " Isian Anda masih ada di bawah; bila isian yang tersimpan berbeda, nilainya ditampilkan di "
    "bawah kolomnya. Periksa, lalu tekan Simpan draf sekali lagi untuk menyimpan isian Anda."
)


def assessment_or_404(assessment_id: int) -> Assessment:
    """An assessment the current user may view: the pegawai, the assessor chain (and who acts for
    it), the pengelola kinerja of the OPD."""
    assessment = db.session.get(Assessment, assessment_id, options=assessment_options())
    if assessment is None or not can_view_assessment(current_user, assessment):
        abort(404)
    return assessment


def own_assessment(assessment_id: int) -> Assessment:
    """An assessment of the current user's own (the assessor and the admin read, never write)."""
    assessment = assessment_or_404(assessment_id)
    if current_user.employee_id != assessment.employee_id:
        abort(403)
    return assessment


def editable_assessment(assessment_id: int) -> Assessment:
    """My assessment while it is open for entry; else 403 with the reason (submitted, deadline
    passed, period closed)."""
    assessment = own_assessment(assessment_id)
    state = window(assessment)
    if not state.can_edit:
        abort(make_response(render_error(403, f"{state.reason} Isian tidak disimpan.")))
    return assessment


def reviewed_assessment(assessment_id: int) -> Assessment:
    """An assessment the current user reviews as Pejabat Penilai (or Plt./Plh.)."""
    assessment = assessment_or_404(assessment_id)
    if not is_reviewer_of(current_user, assessment.employee):
        abort(403)
    return assessment


def administered_assessment(assessment_id: int) -> Assessment:
    """An assessment of a pegawai of an OPD the current user administers (pengelola kinerja)."""
    assessment = assessment_or_404(assessment_id)
    if not can_admin_employee(current_user, assessment.employee):
        abort(403)
    return assessment


def evidence_or_404(evidence_id: int) -> Evidence:
    """Bukti dukung of an assessment the current user may view."""
    evidence = db.session.get(Evidence, evidence_id)
    if evidence is None:
        abort(404)
    assessment_or_404(evidence.realization.assessment_id)
    return evidence


def period_or_404(year: int, number: int) -> Period:
    period = next((p for p in year_or_404(year).periods if p.number == number), None)
    if period is None:
        abort(404)
    return period
