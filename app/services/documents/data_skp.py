"""The snapshot of the SASARAN KINERJA PEGAWAI document (RULES.md §6.1): both approaches, the JF/JA
and the JPT layout, the BerAKHLAK values with the ekspektasi khusus, the lampiran, and the two
signatures with their electronic approvals."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import DocumentKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import CoreValue, Employee, Plan, User, WorkResult
from app.services.documents.common import (
    GROUP_JF, GROUP_JPT, DocumentUnavailable, approach_line, direction_note, kop, lines, paper_size, place_date,
    plan_people, recorded_approval, signature, signer, subject, target_text, year_span,
)
from app.services.settings import core_values, get_settings

APPROVED = (PlanStatus.APPROVED, PlanStatus.SUPERSEDED)


def load_plan(plan_id: int) -> Plan:
    """The plan with everything the documents print, in a fixed number of queries."""
    return db.session.scalar(select(Plan).where(Plan.id == plan_id).options(
        selectinload(Plan.results).selectinload(WorkResult.indicators),
        selectinload(Plan.results).selectinload(WorkResult.parent),
        selectinload(Plan.expectations),
        selectinload(Plan.employee).selectinload(Employee.unit),
        selectinload(Plan.year),
        selectinload(Plan.approved_by).selectinload(User.employee).selectinload(Employee.unit),
    ))


def result_row(result: WorkResult, number: int, plan: Plan) -> dict[str, Any]:
    """One RHK with its IKI as printed on the SKP."""
    return {
        "no": str(number),
        "parent": result.parent.text if result.parent is not None else "",
        "text": result.text,
        "assigned_by": result.assigned_by or "",
        "indicators": [{
            "aspect": i.aspect.label if i.aspect is not None else "",
            "text": i.text,
            "target": target_text(i, plan.approach),
            "direction": direction_note(i, plan.approach),
            "perspective": i.perspective.label if i.perspective is not None else "",
        } for i in result.indicators],
    }


def group_lines(plan: Plan) -> list[str]:
    return [approach_line(plan.approach), GROUP_JPT if plan.is_jpt else GROUP_JF]


def behaviors(plan: Plan, values: list[CoreValue]) -> list[dict[str, Any]]:
    expectations = {e.core_value_id: (e.text or "").strip() for e in plan.expectations}
    return [{"no": n, "name": v.name, "guides": [g.text for g in v.guides], "expectation": expectations.get(v.id, "")}
            for n, v in enumerate(values, start=1)]


def snapshot_skp(plan: Plan) -> dict[str, Any]:
    """SASARAN KINERJA PEGAWAI of an approved SKP version, as plain data."""
    if plan.status not in APPROVED or plan.approved_at is None:
        raise DocumentUnavailable(
            f"SKP ini berstatus {plan.status.label}: dokumen SKP baru dapat dicetak setelah disetujui "
            "Pejabat Penilai Kinerja.")
    plan = load_plan(plan.id)
    _settings = get_settings()  # held while building: the helpers find it in the session, no query
    employee, assessor, _second = plan_people(plan)
    approver = signer(plan.approved_by, plan.approved_as, assessor)
    opd = ((plan.snapshot or {}).get("employee") or {}).get("opd") or plan.employee.unit.name
    letterhead = kop(opd)
    year = plan.year.year
    return {
        "kind": DocumentKind.SKP.value,
        "title": "SASARAN KINERJA PEGAWAI",
        "subtitle": group_lines(plan),
        "label": f"SKP {year} versi {plan.version} — {employee['name']}",
        "year": year,
        "paper_size": paper_size(),
        "kop": letterhead,
        "instansi": letterhead["region_name"].upper(),
        "period_text": year_span(year),
        "version_note": (f"Versi {plan.version}: {plan.change_reason}" if plan.version > 1 else ""),
        "layout": "JPT" if plan.is_jpt else "JF",
        "approach": plan.approach.value,
        "identity": {"left": employee, "right": approver},
        "results": {"utama": [result_row(r, n, plan) for n, r in enumerate(plan.utama, start=1)],
                    "tambahan": [result_row(r, n, plan) for n, r in enumerate(plan.tambahan, start=1)]},
        "behaviors": behaviors(plan, core_values()),
        "lampiran": {"resources": lines(plan.resources), "accountability": lines(plan.accountability),
                     "consequences": lines(plan.consequences)},
        "subject": subject(employee, f"Tahun {year}"),
        "signatures": [
            signature("Pegawai yang Dinilai", employee, side="left",
                      approved=recorded_approval(None, plan.submitted_at, employee, verb="Diajukan")),
            signature("Pejabat Penilai Kinerja", approver, side="right", place_date_text=place_date(plan.approved_at),
                      title=approver.get("jabatan") if approver else None,
                      approved=recorded_approval(plan.approved_by, plan.approved_at, approver)),
        ],
    }
