"""What keeps an SKP from being submitted: the pure rules of app.domain.skp plus the checks that
need the database (the intervened RHK belongs to the assessor's current SKP; a JPT's target
belongs to their OPD's Perjanjian Kinerja of the same year)."""
from __future__ import annotations

from sqlalchemy import select

from app.domain.skp import (
    Approach, Direction, IndicatorDraft, Problem, ResultDraft, ResultKind, plan_problems, plan_warnings,
)
from app.extensions import db
from app.models import Employee, Plan, WorkResult


def result_ref(result: WorkResult) -> str:
    return f"rhk-{result.id}"


def indicator_ref(indicator) -> str:
    return f"iki-{indicator.id}"


def drafts_of(plan: Plan) -> list[ResultDraft]:
    return [
        ResultDraft(
            ref=result_ref(r), kind=r.kind, text=r.text, has_parent=r.parent_id is not None,
            has_org_target=r.org_target_id is not None,
            indicators=[
                IndicatorDraft(
                    ref=indicator_ref(i), text=i.text, aspect=i.aspect.value if i.aspect else None,
                    target_value=i.target_value, target_high=i.target_high, unit=i.unit,
                    direction=i.direction or Direction.HIGHER, narrative_target=i.narrative_target,
                    cumulative=i.cumulative, has_period_targets=bool(i.period_targets),
                )
                for i in r.indicators
            ],
        )
        for r in plan.results
    ]


def assessor_plan(employee: Employee, year_id: int) -> Plan | None:
    """The assessor's current SKP for the year (the newest version), whose RHK may be intervened."""
    if employee.assessor_id is None:
        return None
    return db.session.scalar(
        select(Plan).where(Plan.employee_id == employee.assessor_id, Plan.year_id == year_id)
        .order_by(Plan.version.desc()).limit(1)
    )


def parent_problem(plan: Plan, parent: WorkResult | None) -> str | None:
    """Why `parent` cannot be the intervened RHK of an RHK in `plan` (None when it can)."""
    if parent is None:
        return None
    current = assessor_plan(plan.employee, plan.year_id)
    if current is None:
        return "Pejabat Penilai Anda belum menyusun SKP tahun ini; RHK atasan belum dapat dipilih."
    if parent.plan_id != current.id:
        return ("RHK atasan yang dipilih bukan bagian dari SKP terkini Pejabat Penilai Anda; "
                "pilih kembali dari daftar.")
    return None


def org_target_problem(plan: Plan, target) -> str | None:
    if target is None:
        return None
    if target.year_id != plan.year_id or target.opd_id != plan.employee.unit.opd_id:
        return "Sasaran organisasi yang dipilih bukan milik perangkat daerah Anda pada tahun ini."
    return None


def warnings_of(plan: Plan) -> list[Problem]:
    """The non-blocking planning warnings of the SKP (domain.skp.plan_warnings)."""
    return plan_warnings(drafts_of(plan), plan.approach or Approach.KUANTITATIF)


def submission_problems(plan: Plan) -> list[Problem]:
    """Every problem with the plan as a whole and with each RHK/IKI, in reading order."""
    problems = plan_problems(drafts_of(plan), plan.approach or Approach.KUANTITATIF, is_jpt=plan.is_jpt)
    for result in plan.results:
        if result.kind != ResultKind.UTAMA:
            continue
        message = parent_problem(plan, result.parent) if not plan.is_jpt else org_target_problem(plan, result.org_target)
        if message:
            problems.append(Problem(result_ref(result), message))
    return problems
