"""Bukti dukung: download a file (only for who may view the assessment, always as an attachment)
and remove one from my open assessment."""
from __future__ import annotations

import os

from flask import abort, flash, redirect, send_file, url_for
from flask_login import current_user

from app.assessments.blueprint import bp
from app.assessments.forms import RemoveForm, form_version
from app.assessments.loaders import CONFLICT, editable_assessment, evidence_or_404
from app.domain.enums import EvidenceKind
from app.services import ServiceError
from app.services.assessments import assessments as svc
from app.services.assessments.evidence_store import path_for
from app.web import commit


@bp.route("/bukti/<int:evidence_id>")
def download(evidence_id: int):
    """One bukti dukung file, sent as a download under its original name (never shown inline)."""
    evidence = evidence_or_404(evidence_id)
    if evidence.kind != EvidenceKind.FILE or not evidence.stored_name:
        abort(404)
    path = path_for(evidence.stored_name)
    if not os.path.isfile(path):
        abort(404)
    response = send_file(path, mimetype=evidence.mime or "application/octet-stream", as_attachment=True,
                         download_name=evidence.original_name or "bukti", max_age=0)
    response.headers["Cache-Control"] = "no-store"  # personal data: not kept by shared browsers
    return response


@bp.route("/bukti/<int:evidence_id>/hapus", methods=["POST"])
def remove(evidence_id: int):
    """Hapus bukti dukung from my assessment while it is open for entry."""
    evidence = evidence_or_404(evidence_id)
    assessment = editable_assessment(evidence.realization.assessment_id)
    period, label = assessment.period, evidence.label
    anchor = f"iki-{evidence.realization.indicator_id}"
    form = RemoveForm()
    if form.validate_on_submit():
        try:
            commit(lambda: svc.remove_evidence(current_user, assessment, evidence, version=form_version(form)),
                   conflict=CONFLICT)
        except ServiceError as error:
            flash(f"Bukti dukung belum dihapus: {error.message}", "danger")
        else:
            flash(f"Bukti dukung dihapus: {label}.", "success")
    return redirect(url_for("assessments.period", year=period.year.year, number=period.number, _anchor=anchor))
