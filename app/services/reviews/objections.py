"""Keberatan (RULES.md §7): the pegawai objects within the window, the Pejabat Penilai explains,
the Atasan Pejabat Penilai decides — confirm, or change the ratings with a reason — finally.
Follow-up (tindak lanjut) of annual results: recognition and development."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.enums import (
    EvaluationStatus, FollowUpKind, ObjectionDecision, ObjectionStatus, OrgPredikat, Programme,
)
from app.domain.scoring import Predikat, Rating, curve_violations, predikat
from app.domain.text import sentence
from app.extensions import db
from app.models import AnnualEvaluation, FollowUp, Objection, OrgUnit, User
from app.models.base import local_today, utcnow
from app.security import (
    is_second_assessor_of, may_assess_year, may_decide, may_follow_up, records_external_approval,
)
from app.services import FieldErrors, ServiceError
from app.services.audit import record
from app.services.monitoring.recap import predikat_recap
from app.services.org.acting import signing_title
from app.services.org.head_assessed import recorded_title
from app.services.reviews.annual import objection_deadline

REASONS_MIN = 20
TEXT_MIN = 10
MAX_TEXT = 4000
DEVELOPMENT = {Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG}


def _opd(evaluation: AnnualEvaluation) -> int | None:
    return evaluation.employee.unit.opd_id


def _text(value: str | None, field: str, label: str, minimum: int) -> str:
    value = (value or "").strip()
    if len(value) < minimum:
        raise ServiceError(f"{label} wajib diisi (minimal {minimum} karakter).", field=field)
    if len(value) > MAX_TEXT:
        raise ServiceError(f"{label} paling banyak {MAX_TEXT} karakter.", field=field)
    return value


def file_objection(actor: User, evaluation: AnnualEvaluation, reasons: str, *, today: dt.date | None = None) -> Objection:
    """The pegawai files a keberatan, with reasons, within the window after the hand-over."""
    if actor.employee_id != evaluation.employee_id:
        raise ServiceError("Keberatan diajukan oleh pegawai yang bersangkutan.")
    if evaluation.status != EvaluationStatus.HANDED_OVER:
        raise ServiceError("Hasil tahunan belum diserahkan kepada Anda.")
    if evaluation.objection is not None:
        raise ServiceError("Keberatan atas hasil ini sudah diajukan.")
    deadline = objection_deadline(evaluation)
    if (today or local_today()) > deadline:
        raise ServiceError(f"Batas pengajuan keberatan ({deadline:%d-%m-%Y}) sudah lewat.")
    objection = Objection(evaluation=evaluation, status=ObjectionStatus.FILED,
                          reasons=_text(reasons, "reasons", "Alasan keberatan", REASONS_MIN), filed_at=utcnow())
    db.session.add(objection)
    db.session.flush()
    record(actor, "keberatan.diajukan", evaluation, object_type="annual_evaluation", opd_id=_opd(evaluation),
           summary=f"Keberatan atas hasil tahunan {evaluation.year.year} diajukan.", after={"reasons": objection.reasons})
    return objection


def explain(actor: User, objection: Objection, explanation: str) -> None:
    """The Pejabat Penilai answers the keberatan with an explanation."""
    evaluation = objection.evaluation
    if actor.employee_id == evaluation.employee_id or not may_assess_year(actor, evaluation.employee):
        raise ServiceError("Tanggapan ditulis oleh Pejabat Penilai pegawai ini.")
    if objection.status != ObjectionStatus.FILED:
        raise ServiceError("Keberatan ini sudah ditanggapi.")
    objection.explanation = _text(explanation, "explanation", "Tanggapan", TEXT_MIN)
    objection.explained_at, objection.explained_by_id = utcnow(), actor.id
    today = local_today()
    objection.explained_as = (recorded_title(evaluation.employee, actor)
                              if records_external_approval(actor, evaluation.employee)
                              else signing_title(actor, evaluation.employee, today, today))
    objection.status = ObjectionStatus.EXPLAINED
    db.session.flush()
    record(actor, "keberatan.ditanggapi", evaluation, object_type="annual_evaluation", opd_id=_opd(evaluation),
           summary=sentence(f"Tanggapan {recorded_title(evaluation.employee, actor)} atas keberatan "
                            f"{evaluation.employee.name}" if records_external_approval(actor, evaluation.employee)
                            else f"Pejabat Penilai menanggapi keberatan {evaluation.employee.name}"),
           after={"explanation": objection.explanation})


def _decider_title(actor: User, evaluation: AnnualEvaluation) -> str:
    """The jabatan the decision is recorded with: the kepala daerah's when the pengelola records
    it on their behalf, else the Atasan Pejabat Penilai's own."""
    employee = evaluation.employee
    if records_external_approval(actor, employee):
        return recorded_title(employee, actor)
    assessor = employee.assessor
    if assessor is not None and assessor.assessor is None and assessor.external_assessor_name and not (
            is_second_assessor_of(actor, employee)):
        return recorded_title(assessor, actor)
    if assessor is not None and actor.employee is not None:
        today = local_today()
        return signing_title(actor, assessor, today, today)  # "Plt. Kepala Dinas …" when acting
    return actor.employee.position if actor.employee else actor.name


def decide(actor: User, objection: Objection, decision, *, result_rating=None, behavior_rating=None,
           reason: str | None = None) -> None:
    """The final decision: confirm the result, or change the ratings (with a reason)."""
    evaluation = objection.evaluation
    if not may_decide(actor, evaluation):
        raise ServiceError("Keputusan keberatan ditetapkan oleh Atasan Pejabat Penilai.")
    if objection.status == ObjectionStatus.DECIDED:
        raise ServiceError("Keberatan ini sudah diputuskan dan keputusannya final.")
    if objection.status != ObjectionStatus.EXPLAINED:
        raise ServiceError("Tunggu tanggapan Pejabat Penilai sebelum memutuskan.")
    choice = ObjectionDecision.parse(decision)
    if choice is None:
        raise ServiceError("Pilih keputusan: kukuhkan atau ubah hasil.", field="decision")
    objection.previous_result_rating = evaluation.result_rating
    objection.previous_behavior_rating = evaluation.behavior_rating
    objection.previous_predikat = evaluation.predikat
    if choice == ObjectionDecision.CHANGED:
        result, behavior = Rating.parse(result_rating), Rating.parse(behavior_rating)
        errors = []
        if result is None:
            errors.append(("result_rating", "Pilih Rating Hasil Kerja yang baru."))
        if behavior is None:
            errors.append(("behavior_rating", "Pilih Rating Perilaku Kerja yang baru."))
        if result is not None and behavior is not None and (result, behavior) == (
                evaluation.result_rating, evaluation.behavior_rating):
            errors.append(("result_rating", "Rating baru sama dengan semula; pilih Kukuhkan bila hasil tidak diubah."))
        clean = (reason or "").strip()
        if len(clean) < TEXT_MIN:
            errors.append(("reason", f"Tuliskan alasan perubahan (minimal {TEXT_MIN} karakter)."))
        if errors:
            raise FieldErrors(errors)
        evaluation.result_rating, evaluation.behavior_rating = result, behavior
        evaluation.predikat = predikat(result, behavior)
        objection.decision_reason = clean
    else:
        objection.decision_reason = (reason or "").strip() or None
    objection.decision = choice
    objection.status = ObjectionStatus.DECIDED
    objection.decided_at, objection.decided_by_id = utcnow(), actor.id
    objection.decided_as = _decider_title(actor, evaluation)
    db.session.flush()
    preview = curve_preview(evaluation)
    objection.curve_note = preview.note(evaluation.predikat) if preview is not None else None
    record(actor, "keberatan.diputuskan", evaluation, object_type="annual_evaluation", opd_id=_opd(evaluation),
           summary=f"Keberatan {evaluation.employee.name} diputuskan: {choice.label}."
                   + (f" Kurva {preview.opd_name}: {objection.curve_note}" if preview is not None else ""),
           before={"predikat": objection.previous_predikat}, after={"predikat": evaluation.predikat,
                                                                    "reason": objection.decision_reason,
                                                                    "kurva": objection.curve_note})


@dataclass
class CurvePreview:
    """The OPD's curve for each predikat the decision could give (the others' handed-over results
    as they stand): what a change would do to the curve, shown before the decision is made."""

    opd_name: str
    org_predikat: OrgPredikat | None
    outcomes: dict[Predikat, list[str]]  # predikat → the curve's violations with it

    def note(self, outcome: Predikat | None) -> str:
        if self.org_predikat is None:
            return "predikat organisasi belum ditetapkan; kurva tidak dapat diperiksa."
        violations = self.outcomes.get(outcome, []) if outcome is not None else []
        return " ".join(violations) if violations else f"sesuai kurva predikat organisasi {self.org_predikat.label}."


def curve_preview(evaluation: AnnualEvaluation) -> CurvePreview | None:
    """The curve of the pegawai's OPD with this result as each predikat (two queries)."""
    opd_id = evaluation.employee.unit.opd_id if evaluation.employee.unit is not None else None
    if opd_id is None:
        return None
    (recap,) = predikat_recap([db.session.get(OrgUnit, opd_id)], evaluation.year)
    others = dict(recap.counts)
    if evaluation.status == EvaluationStatus.HANDED_OVER and evaluation.predikat is not None:
        others[evaluation.predikat] = max(others.get(evaluation.predikat, 0) - 1, 0)
    outcomes = {}
    for outcome in Predikat:
        counts = dict(others)
        counts[outcome] = counts.get(outcome, 0) + 1
        outcomes[outcome] = curve_violations(recap.org_predikat, counts) if recap.org_predikat else []
    return CurvePreview(recap.name, recap.org_predikat, outcomes)


def add_follow_up(actor: User, evaluation: AnnualEvaluation, programme, note: str | None = None) -> FollowUp:
    """Record the tindak lanjut of a handed-over result: recognition for Sangat Baik, development
    (pelatihan, coaching, mentoring, …) for Butuh Perbaikan and below."""
    if not may_follow_up(actor, evaluation):
        raise ServiceError("Tindak lanjut dicatat oleh Pejabat Penilai atau pengelola kinerja.")
    if evaluation.status != EvaluationStatus.HANDED_OVER or evaluation.predikat is None:
        raise ServiceError("Tindak lanjut dicatat setelah hasil tahunan diserahkan.")
    if evaluation.predikat == Predikat.SANGAT_BAIK:
        kind = FollowUpKind.RECOGNITION
    elif evaluation.predikat in DEVELOPMENT:
        kind = FollowUpKind.DEVELOPMENT
    else:
        raise ServiceError("Tindak lanjut dicatat untuk predikat Sangat Baik (penghargaan) atau Butuh Perbaikan "
                           "ke bawah (pengembangan).")
    choice = Programme.parse(programme)
    if choice is None:
        raise ServiceError("Pilih program tindak lanjut.", field="programme")
    if kind == FollowUpKind.RECOGNITION and choice not in (Programme.PENGHARGAAN, Programme.LAINNYA):
        raise ServiceError("Untuk predikat Sangat Baik pilih Penghargaan atau Lainnya.", field="programme")
    if kind == FollowUpKind.DEVELOPMENT and choice == Programme.PENGHARGAAN:
        raise ServiceError("Pilih program pengembangan: pelatihan, coaching, mentoring, atau lainnya.", field="programme")
    note = (note or "").strip() or None
    if choice == Programme.LAINNYA and not note:
        raise ServiceError("Uraikan program lainnya.", field="note")
    if note and len(note) > 1000:
        raise ServiceError("Uraian paling banyak 1.000 karakter.", field="note")
    follow_up = FollowUp(kind=kind, programme=choice, note=note, created_by_id=actor.id)
    evaluation.follow_ups.append(follow_up)
    db.session.flush()
    record(actor, "tindak_lanjut.dicatat", evaluation, object_type="annual_evaluation", opd_id=_opd(evaluation),
           summary=f"Tindak lanjut {kind.label.lower()} untuk {evaluation.employee.name}: {choice.label}"
                   + (f" — {note}" if note else "."))
    return follow_up


def remove_follow_up(actor: User, follow_up: FollowUp) -> None:
    evaluation = follow_up.evaluation
    if not may_follow_up(actor, evaluation):
        raise ServiceError("Tindak lanjut dicatat oleh Pejabat Penilai atau pengelola kinerja.")
    evaluation.follow_ups.remove(follow_up)
    db.session.flush()
    record(actor, "tindak_lanjut.dihapus", evaluation, object_type="annual_evaluation", opd_id=_opd(evaluation),
           summary=f"Tindak lanjut {follow_up.programme.label} untuk {evaluation.employee.name} dihapus.")
