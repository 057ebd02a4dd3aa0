"""Load an SKP object and authorise in one step, so no view can forget the check: a plan the user
may not view is 404 (no leak), a viewable plan the user may not change is 403."""
from __future__ import annotations

from flask import abort
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Indicator, Plan, User, WorkResult
from app.security import can_edit_plan, can_review_plan, can_view_plan
from app.services.skp.plans import plan_options


def plan_or_404(plan_id: int) -> Plan:
    """A plan version the current user may view (the pegawai, the assessor chain, the admin)."""
    plan = db.session.get(Plan, plan_id, options=plan_options())
    if plan is None or not can_view_plan(current_user, plan):
        abort(404)
    return plan


def own_plan(plan_id: int) -> Plan:
    """A plan of the current user's own (for the pegawai's transitions)."""
    plan = plan_or_404(plan_id)
    if current_user.employee_id != plan.employee_id:
        abort(403)
    return plan


def editable_plan(plan_id: int) -> Plan:
    """A plan the current user may edit now: their own draft or returned SKP."""
    plan = plan_or_404(plan_id)
    if not can_edit_plan(current_user, plan):
        abort(403)
    return plan


def reviewable_plan(plan_id: int) -> Plan:
    """A plan the current user reviews: as its Pejabat Penilai (or Plt./Plh.), or as the pengelola
    kinerja recording the kepala daerah's decision."""
    plan = plan_or_404(plan_id)
    if not can_review_plan(current_user, plan):
        abort(403)
    return plan


def result_of(plan: Plan, result_id: int) -> WorkResult:
    result = next((r for r in plan.results if r.id == result_id), None)
    if result is None:
        abort(404)
    return result


def indicator_of(plan: Plan, indicator_id: int) -> Indicator:
    for result in plan.results:
        for indicator in result.indicators:
            if indicator.id == indicator_id:
                return indicator
    abort(404)


def plan_versions(plan: Plan) -> list[Plan]:
    """Every version of the plan's SKP (same pegawai and year), oldest first, with the approver."""
    return list(db.session.scalars(
        select(Plan).where(Plan.employee_id == plan.employee_id, Plan.year_id == plan.year_id)
        .options(selectinload(Plan.approved_by).selectinload(User.employee))
        .order_by(Plan.version)
    ))


CONFLICT_MESSAGE = (
    "SKP ini telah diubah di tab atau perangkat lain sejak halaman ini dibuka, jadi perubahan Anda "
    "belum disimpan."
)
CONFLICT_KEPT = (
    "SKP ini telah diubah di tab atau perangkat lain sejak formulir ini dibuka, jadi isian Anda belum "
    "disimpan. Isian Anda masih ada di bawah: periksa, lalu tekan Simpan sekali lagi untuk "
    "menerapkannya pada SKP terbaru."
)
