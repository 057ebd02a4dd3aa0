"""The Pejabat Penilai's review of one period (RULES.md §3–§4): feedback per RHK and per value,
Rating Hasil Kerja (suggested from the capaian; another choice needs a reason), Rating Perilaku
Kerja, the predikat from the matrix; approve (frozen) — or return, in app.services.assessments.assessments."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import AssessmentStatus
from app.domain.scoring import Predikat, Rating, predikat, suggested_result_rating, weighted_capaian
from app.domain.skp import ResultKind
from app.extensions import db
from app.models import Assessment, CoreValue, Feedback, User, WorkResult
from app.models.base import local_today, utcnow
from app.security import may_review_period, records_external_approval
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.assessments import sources
from app.services.assessments.rows import indicator_rows, refresh_capaian
from app.services.audit import record
from app.services.org.acting import signing_title
from app.services.org.head_assessed import recorded_title
from app.services.settings import get_settings

MAX_FEEDBACK = 2000
REASON_MIN = 10


def result_key(result_id: int) -> str:
    return f"rhk:{result_id}"


def value_key(value_id: int) -> str:
    return f"nilai:{value_id}"


@dataclass(frozen=True)
class Suggestion:
    capaian: Decimal | None  # the weighted mean capaian of the utama IKI
    rating: Rating | None


def suggestion(assessment: Assessment) -> Suggestion:
    """The Rating Hasil Kerja the capaian of the utama IKI suggest, with the settings' thresholds."""
    settings = get_settings()
    values = [row.capaian for row in indicator_rows(assessment) if row.result.kind == ResultKind.UTAMA]
    return Suggestion(weighted_capaian(values),
                      suggested_result_rating(values, above=settings.rating_above, below=settings.rating_below))


def year_end_indicators(assessment: Assessment, hint: Suggestion) -> list[str]:
    """When the suggestion is Di Bawah Ekspektasi in a regular period: the utama IKI that weigh it
    down only because they are stand-alone with no per-period target (compared with the year's)."""
    if hint.rating != Rating.DI_BAWAH or assessment.period.is_final:
        return []
    below = get_settings().rating_below
    return [row.indicator.text for row in indicator_rows(assessment)
            if row.result.kind == ResultKind.UTAMA and not row.indicator.cumulative
            and not row.indicator.period_targets and row.capaian is not None and row.capaian < below]


def _guard(actor: User, assessment: Assessment, version: int | None) -> None:
    if actor.employee_id == assessment.employee_id:
        raise ServiceError("Anda tidak dapat menilai penilaian Anda sendiri.")
    if not may_review_period(actor, assessment.employee, assessment.period):
        raise ServiceError("Anda bukan Pejabat Penilai pegawai ini untuk periode tersebut.")
    if assessment.status != AssessmentStatus.SUBMITTED:
        raise ServiceError(f"Penilaian berstatus {assessment.status.label} tidak dapat dinilai; hanya yang "
                           "sudah diajukan pegawai.")
    if version is not None and version != assessment.lock_version:
        raise ConflictError("Penilaian ini telah berubah sejak halaman ini dibuka (oleh pegawai atau di tab "
                            "lain). Isian Anda belum disimpan: muat ulang, periksa, lalu simpan kembali.")


def _signing_title(actor: User, assessment: Assessment) -> str:
    """The kepala daerah's title recorded by the pengelola, the Plt./Plh. post acted for during
    the period (or today), or the reviewer's own jabatan."""
    if records_external_approval(actor, assessment.employee):
        return recorded_title(assessment.employee, actor)
    period = assessment.period
    return signing_title(actor, assessment.employee, period.start_date, max(period.end_date, local_today()))


def _store_feedback(actor: User, assessment: Assessment, feedback: dict[str, str]) -> list[str]:
    """Create/update/clear one feedback per RHK or value; returns what changed."""
    results = set(db.session.scalars(select(WorkResult.id).where(WorkResult.plan_id == assessment.plan_id)))
    values = set(db.session.scalars(select(CoreValue.id)))
    existing = {f.target_key: f for f in db.session.scalars(
        select(Feedback).where(Feedback.assessment_id == assessment.id))}
    errors, changed = [], []
    for key, text in feedback.items():
        kind, _, ident = key.partition(":")
        if not ident.isdigit() or (kind == "rhk" and int(ident) not in results) or (
                kind == "nilai" and int(ident) not in values) or kind not in ("rhk", "nilai"):
            raise ServiceError("Sasaran umpan balik tidak dikenal.")
        text = (text or "").strip()
        if len(text) > MAX_FEEDBACK:
            errors.append((f"feedback_{kind}_{ident}", f"Umpan balik paling banyak {MAX_FEEDBACK} karakter."))
            continue
        current = existing.get(key)
        if current is None and text:
            db.session.add(Feedback(
                assessment_id=assessment.id, target_key=key, text=text, author_id=actor.id,
                work_result_id=int(ident) if kind == "rhk" else None,
                core_value_id=int(ident) if kind == "nilai" else None,
            ))
            changed.append(key)
        elif current is not None and current.text != text:
            if text:
                current.text, current.author_id = text, actor.id
            else:
                db.session.delete(current)
            changed.append(key)
    if errors:
        raise FieldErrors(errors)
    return changed


def _ratings(assessment: Assessment, result_rating, reason: str | None, behavior_rating, *,
             required: bool) -> tuple[Rating | None, str | None, Rating | None, Suggestion]:
    hint = suggestion(assessment)
    result = Rating.parse(result_rating) if result_rating else None
    behavior = Rating.parse(behavior_rating) if behavior_rating else None
    reason = (reason or "").strip() or None
    errors = []
    if required and result is None:
        errors.append(("result_rating", "Pilih Rating Hasil Kerja."))
    if required and behavior is None:
        errors.append(("behavior_rating", "Pilih Rating Perilaku Kerja."))
    if result is not None and hint.rating is not None and result != hint.rating and (
            reason is None or len(reason) < REASON_MIN):
        errors.append(("result_rating_reason",
                       f"Rating berbeda dari saran capaian ({hint.rating.label}); tuliskan alasannya "
                       f"(minimal {REASON_MIN} karakter)."))
    if errors:
        raise FieldErrors(errors)
    return result, reason, behavior, hint


def save_review(actor: User, assessment: Assessment, *, feedback: dict[str, str], result_rating=None,
                result_rating_reason: str | None = None, behavior_rating=None, version: int | None = None) -> None:
    """Save feedback and the ratings chosen so far, without deciding (the pegawai sees feedback)."""
    _guard(actor, assessment, version)
    result, reason, behavior, hint = _ratings(assessment, result_rating, result_rating_reason, behavior_rating,
                                             required=False)
    changed = _store_feedback(actor, assessment, feedback)
    assessment.suggested_rating = hint.rating
    assessment.result_rating, assessment.result_rating_reason = result, reason
    assessment.behavior_rating = behavior
    assessment.predikat = predikat(result, behavior) if result and behavior else None
    assessment.updated_at = utcnow()
    db.session.flush()
    record(actor, "penilaian.umpan_balik", assessment, object_type="assessment",
           opd_id=assessment.employee.unit.opd_id,
           summary=f"Umpan balik penilaian {assessment.period.title} {assessment.employee.name} disimpan"
                   f" ({len(changed)} diubah).")


def approve_review(actor: User, assessment: Assessment, *, feedback: dict[str, str], result_rating,
                   result_rating_reason: str | None, behavior_rating, version: int | None = None) -> Predikat:
    """Disetujui: both ratings set, the predikat follows from the matrix; the assessment is frozen
    (an IKI whose realisasi comes from data takes its source's value of this moment, and keeps it)."""
    _guard(actor, assessment, version)
    if sources.sync(assessment, actor):
        refresh_capaian(assessment)
    result, reason, behavior, hint = _ratings(assessment, result_rating, result_rating_reason, behavior_rating,
                                             required=True)
    _store_feedback(actor, assessment, feedback)
    outcome = predikat(result, behavior)
    assessment.suggested_rating = hint.rating
    assessment.result_rating, assessment.result_rating_reason = result, reason
    assessment.behavior_rating, assessment.predikat = behavior, outcome
    assessment.status = AssessmentStatus.APPROVED
    assessment.reviewed_at = utcnow()
    assessment.reviewed_by_id = actor.id
    assessment.reviewed_as = _signing_title(actor, assessment)
    db.session.flush()
    record(actor, "penilaian.disetujui", assessment, object_type="assessment",
           opd_id=assessment.employee.unit.opd_id,
           summary=f"Penilaian {assessment.period.title} {assessment.employee.name} disetujui: "
                   f"{result.label} / {behavior.label} → {outcome.label}.",
           before={"status": "SUBMITTED"},
           after={"status": "APPROVED", "result_rating": result.value, "behavior_rating": behavior.value,
                  "predikat": outcome.value, "suggested_rating": hint.rating.value if hint.rating else None})
    return outcome


def feedback_of(assessment: Assessment) -> dict[str, Feedback]:
    return {f.target_key: f for f in db.session.scalars(
        select(Feedback).where(Feedback.assessment_id == assessment.id))}
