"""What a pegawai's documents are made from: the approved SKP versions, the approved periods, the
handed-over annual result — for the Dokumen page, the batch export and the command line."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.domain.enums import AssessmentStatus, DocumentKind, EvaluationStatus
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Assessment, Document, Employee, OrgUnit, Period, Plan
from app.services import ServiceError


class SourceMissing(ServiceError):
    """The approval a document depends on does not exist (yet)."""


@dataclass
class Entry:
    """One document of the Dokumen page: its source, the current issue and older versions."""

    kind: DocumentKind
    route: str  # skp, evaluasi, akhir, dokumen_evaluasi (endpoint suffix)
    label: str
    source: Any
    documents: list[Document] = field(default_factory=list)  # every issued version, newest first

    @property
    def route_args(self) -> dict:
        name = {"skp": "plan_id", "evaluasi": "assessment_id"}.get(self.route, "evaluation_id")
        return {name: self.source.id}

    @property
    def current(self) -> Document | None:
        return next((d for d in self.documents if d.superseded_at is None), None)

    @property
    def older(self) -> list[Document]:
        return [d for d in self.documents if d.superseded_at is not None]


def approved_plans(employee: Employee, year: AppraisalYear) -> list[Plan]:
    """Every SKP version of the year that was approved (the current one and those replaced)."""
    return list(db.session.scalars(
        select(Plan).where(Plan.employee_id == employee.id, Plan.year_id == year.id, Plan.approved_at.is_not(None),
                           Plan.status.in_((PlanStatus.APPROVED, PlanStatus.SUPERSEDED)))
        .order_by(Plan.version)))


def approved_assessments(employee: Employee, year: AppraisalYear) -> list[Assessment]:
    return list(db.session.scalars(
        select(Assessment).join(Period, Assessment.period_id == Period.id)
        .where(Assessment.employee_id == employee.id, Period.year_id == year.id,
               Assessment.status == AssessmentStatus.APPROVED)
        .options(joinedload(Assessment.period)).order_by(Period.number)))


def handed_over(employee: Employee, year: AppraisalYear) -> AnnualEvaluation | None:
    return db.session.scalar(select(AnnualEvaluation).where(
        AnnualEvaluation.employee_id == employee.id, AnnualEvaluation.year_id == year.id,
        AnnualEvaluation.status == EvaluationStatus.HANDED_OVER))


def entries(employee: Employee, year: AppraisalYear) -> tuple[list[Entry], list[str]]:
    """The documents the pegawai has for the year, and what is not available yet (as sentences)."""
    result: list[Entry] = []
    missing: list[str] = []
    plans = approved_plans(employee, year)
    for plan in plans:
        state = "" if plan.status == PlanStatus.APPROVED else " (sudah diganti versi baru)"
        result.append(Entry(DocumentKind.SKP, "skp", f"Sasaran Kinerja Pegawai {year.year} versi {plan.version}{state}",
                            plan))
    if not plans:
        missing.append(f"SKP {year.year} belum disetujui Pejabat Penilai Kinerja.")
    assessments = {a.period_id: a for a in approved_assessments(employee, year)}
    for period in year.periods:
        if period.is_final:
            continue
        if period.id in assessments:
            result.append(Entry(DocumentKind.EVALUASI, "evaluasi", f"Evaluasi Kinerja {period.label}",
                                assessments[period.id]))
        else:
            missing.append(f"Evaluasi Kinerja {period.label}: penilaian periode ini belum disetujui.")
    evaluation = handed_over(employee, year)
    if evaluation is not None:
        result.append(Entry(DocumentKind.EVALUASI, "akhir", "Evaluasi Kinerja Akhir", evaluation))
        result.append(Entry(DocumentKind.DOKUMEN_EVALUASI, "dokumen_evaluasi", "Dokumen Evaluasi Kinerja Pegawai",
                            evaluation))
    else:
        missing.append(f"Evaluasi Kinerja Akhir dan Dokumen Evaluasi Kinerja: hasil akhir {year.year} belum "
                       "diserahkan oleh Pejabat Penilai Kinerja.")
    _attach_documents(employee, year, result)
    return result, missing


def _attach_documents(employee: Employee, year: AppraisalYear, result: list[Entry]) -> None:
    documents = db.session.scalars(select(Document).where(Document.employee_id == employee.id,
                                                          Document.year_id == year.id)
                                   .order_by(Document.version.desc()))
    final = year.final_period
    for document in documents:
        for entry in result:
            if entry.kind != document.kind:
                continue
            if entry.route == "skp" and document.plan_id == entry.source.id:
                entry.documents.append(document)
            elif entry.route == "evaluasi" and document.period_id == entry.source.period_id:
                entry.documents.append(document)
            elif entry.route == "akhir" and document.period_id == (final.id if final else None):
                entry.documents.append(document)
            elif entry.route == "dokumen_evaluasi":
                entry.documents.append(document)


# --- one source by kind (batch export and command line) ----------------------------------------

def source_for(employee: Employee, year: AppraisalYear, kind: DocumentKind, period: Period | None) -> Any:
    """What the pegawai's document of `kind` (and `period`) is made from; SourceMissing if none."""
    if kind == DocumentKind.SKP:
        plan = next((p for p in reversed(approved_plans(employee, year)) if p.status == PlanStatus.APPROVED), None)
        if plan is None:
            raise SourceMissing(f"SKP {year.year} {employee.name} belum disetujui Pejabat Penilai Kinerja.")
        return plan
    if kind == DocumentKind.EVALUASI and period is not None and not period.is_final:
        assessment = db.session.scalar(select(Assessment).where(
            Assessment.employee_id == employee.id, Assessment.period_id == period.id,
            Assessment.status == AssessmentStatus.APPROVED))
        if assessment is None:
            raise SourceMissing(f"Penilaian {period.label} {employee.name} belum disetujui Pejabat Penilai Kinerja.")
        return assessment
    if kind == DocumentKind.EVALUASI and period is None:
        raise SourceMissing("Sebutkan periode evaluasi kinerja.")
    evaluation = handed_over(employee, year)
    if evaluation is None:
        raise SourceMissing(f"Hasil akhir {year.year} {employee.name} belum diserahkan Pejabat Penilai Kinerja.")
    return evaluation


def opd_employees(opd: OrgUnit) -> list[Employee]:
    """The active pegawai of an OPD (every unit below it), by name."""
    return list(db.session.scalars(
        select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(OrgUnit.opd_id == opd.id, Employee.active.is_(True)).order_by(Employee.name, Employee.nip)))
