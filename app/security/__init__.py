"""Every permission predicate in one place. Views load → authorise (with these) → act."""
from __future__ import annotations

import datetime as dt
from functools import wraps

from flask import abort
from flask_login import current_user
from sqlalchemy import Select

from app.domain.enums import Role
from app.models import Employee, OrgUnit, User
from app.models.base import local_today
from app.security.acting import acting_overlapping

MAX_CHAIN_DEPTH = 30  # longer than any real reporting line; guards against bad data


def admin_opd_ids(user: User) -> set[int] | None:
    """The OPDs a user administers: None means all (superadmin); an empty set means none."""
    if not user.is_authenticated:
        return set()
    if user.role == Role.SUPERADMIN:
        return None
    if user.role == Role.ADMIN:
        return {unit.id for unit in user.admin_units}
    return set()


def is_admin(user: User) -> bool:
    return user.is_authenticated and user.is_admin


def can_admin_opd(user: User, opd_id: int | None) -> bool:
    scope = admin_opd_ids(user)
    if scope is None:
        return True
    return opd_id is not None and opd_id in scope


def can_admin_unit(user: User, unit: OrgUnit) -> bool:
    """Change a unit: a superadmin anything; an OPD admin the units inside their OPDs."""
    if user.is_authenticated and user.is_superadmin:
        return True
    return unit.kind.value != "PEMDA" and can_admin_opd(user, unit.opd_id)


def can_admin_employee(user: User, employee: Employee) -> bool:
    return can_admin_opd(user, employee.unit.opd_id)


def is_above(superior: Employee, employee: Employee) -> bool:
    """True when `superior` is somewhere up the assessor chain of `employee`."""
    node, depth = employee.assessor, 0
    while node is not None and depth < MAX_CHAIN_DEPTH:
        if node.id == superior.id:
            return True
        node, depth = node.assessor, depth + 1
    return False


def can_view_employee(user: User, employee: Employee) -> bool:
    """The pegawai, their assessor chain, and the pengelola kinerja of their OPD."""
    if not user.is_authenticated:
        return False
    own = user.employee
    if own is not None and (own.id == employee.id or is_above(own, employee)):
        return True
    return can_admin_employee(user, employee)


def scope_employees(query: Select, user: User) -> Select:
    """Restrict an Employee query (already joined to OrgUnit) to the admin's OPDs."""
    scope = admin_opd_ids(user)
    if scope is None:
        return query
    return query.where(OrgUnit.opd_id.in_(scope or {-1}))


# --- accounts: no admin acts above their station ----------------------------------------------


def account_refusal(actor: User, account: User | None, employee: Employee | None = None) -> str | None:
    """Why `actor` may not reset, unlock, deactivate, link or redirect (e-mail, NIP) the account
    of `employee` / `account`, or None when they may. A super admin may act on any account; a
    pengelola kinerja only on accounts whose powers lie within their own: a plain pegawai of their
    OPDs, or a pengelola whose every OPD is one of theirs — never a super admin, never an operator
    account that belongs to no pegawai."""
    if not is_admin(actor):
        return "Hanya pengelola kinerja yang dapat mengatur akun."
    if actor.is_superadmin:
        return None
    if employee is not None and not can_admin_employee(actor, employee):
        return "Pegawai ini berada di luar perangkat daerah yang Anda kelola."
    if account is None:
        return None
    if account.is_superadmin:
        return ("Akun ini milik super admin. Akun super admin hanya dapat diatur oleh super admin lain "
                "atau oleh operator server dengan perintah `flask set-password`.")
    if account.employee_id is None or (employee is not None and account.employee_id != employee.id):
        return "Akun ini belum tertaut ke pegawai Anda; hanya super admin yang dapat mengaturnya."
    if account.role == Role.ADMIN:
        scope = admin_opd_ids(actor) or set()
        outside = [u.name for u in account.admin_units if u.id not in scope]
        if outside:
            return ("Akun ini adalah pengelola kinerja untuk perangkat daerah di luar cakupan Anda ("
                    + ", ".join(outside) + "); hanya super admin yang dapat mengaturnya.")
    return None


def can_manage_account(actor: User, account: User | None, employee: Employee | None = None) -> bool:
    return account_refusal(actor, account, employee) is None


def superadmin_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if not (current_user.is_authenticated and current_user.is_superadmin):
            abort(403)
        return view(*args, **kwargs)

    return wrapped


# --- SKP (plans) ----------------------------------------------------------------------------


def _assesses(user: User, employee: Employee, start: dt.date, end: dt.date, today: dt.date) -> bool:
    """The one rule of `services/org/team` for one pegawai: the user is their active Pejabat
    Penilai, or stands in for that Pejabat Penilai (Plt./Plh.) by an assignment that overlaps
    start–end or runs `today` (`ActingAssignment.covers_period`); never for themselves."""
    own = user.employee if user.is_authenticated else None
    assessor = employee.assessor
    if own is None or assessor is None or own.id == employee.id:
        return False
    if own.id == assessor.id and assessor.active:
        return True
    return any(a.acting_employee_id == own.id and a.covers_period(start, end, today)
               for a in acting_overlapping(assessor, min(start, today), max(end, today)))


def is_reviewer_of(user: User, employee: Employee, day: dt.date | None = None) -> bool:
    """The user is the employee's Pejabat Penilai, or acts for them (Plt./Plh.) on `day` (today)."""
    day = day or local_today()
    return _assesses(user, employee, day, day, day)


def may_verify_day(user: User, employee: Employee, day: dt.date, today: dt.date | None = None) -> bool:
    """The user verifies the pegawai's activities of `day`: their Pejabat Penilai, or the Plt./Plh.
    whose assignment covers that day or runs today (as a period's reviewer)."""
    today = today or local_today()
    return _assesses(user, employee, day, day, today)


def records_external_approval(user: User, employee: Employee) -> bool:
    """For a top official assessed by the kepala daerah (no account), the pengelola kinerja of the
    official's OPD (or the super admin) records each of the kepala daerah's steps on paper: the
    SKP approval, the period reviews, the annual rating and hand-over, the keberatan tanggapan."""
    return (user.is_authenticated and employee.assessor is None and bool(employee.external_assessor_name)
            and user.employee_id != employee.id and can_admin_employee(user, employee))


def may_review_period(user: User, employee: Employee, period) -> bool:
    """Review (save, approve, return) a period: the period reviewer, or the pengelola kinerja on
    behalf of the kepala daerah."""
    return is_period_reviewer(user, employee, period) or records_external_approval(user, employee)


def may_assess_year(user: User, employee: Employee) -> bool:
    """Rate the year, hand it over, explain a keberatan: the Pejabat Penilai (or Plt./Plh.), or the
    pengelola kinerja on behalf of the kepala daerah."""
    return is_reviewer_of(user, employee) or records_external_approval(user, employee)


def can_view_plan(user: User, plan) -> bool:
    """The pegawai, the assessor chain (and who acts for it), and the pengelola kinerja."""
    return can_view_employee(user, plan.employee) or is_reviewer_of(user, plan.employee)


def can_edit_plan(user: User, plan) -> bool:
    """Only the pegawai edits their own SKP, and only while it is a draft or returned."""
    return (user.is_authenticated and user.employee_id == plan.employee_id and plan.editable
            and plan.employee.active)


def can_review_plan(user: User, plan) -> bool:
    """Approve or return a submitted SKP, and write the ekspektasi: the assessor (or acting),
    or for a top official the pengelola kinerja recording the kepala daerah's decision."""
    if not user.is_authenticated or user.employee_id == plan.employee_id:
        return False
    return is_reviewer_of(user, plan.employee) or records_external_approval(user, plan.employee)


# --- periodic assessments ------------------------------------------------------------------


def can_view_assessment(user: User, assessment) -> bool:
    """The pegawai, the assessor chain (and who acts for it), and the pengelola kinerja."""
    return can_view_employee(user, assessment.employee) or is_reviewer_of(user, assessment.employee)


def is_period_reviewer(user: User, employee: Employee, period) -> bool:
    """The Pejabat Penilai of the pegawai, or whoever acts for them (Plt./Plh.) during the
    period's dates or today."""
    return _assesses(user, employee, period.start_date, period.end_date, local_today())


def is_second_assessor_of(user: User, employee: Employee) -> bool:
    """The Atasan Pejabat Penilai: the assessor's own assessor (or who acts for them today)."""
    assessor = employee.assessor
    return assessor is not None and is_reviewer_of(user, assessor)


# --- issued documents ------------------------------------------------------------------------


def can_view_documents(user: User, employee: Employee) -> bool:
    """A pegawai's documents: the pegawai, the Pejabat Penilai and Atasan Pejabat Penilai (and the
    chain above, Plt./Plh. included), and the pengelola kinerja of the OPD."""
    return (can_view_employee(user, employee) or is_reviewer_of(user, employee)
            or is_second_assessor_of(user, employee))


# --- annual results, keberatan, tindak lanjut ---------------------------------------------------


def may_decide(actor: User, evaluation) -> bool:
    """The Atasan Pejabat Penilai decides; when that is the kepala daerah (no account), the
    pengelola kinerja records the decision — also for an official the kepala daerah assesses
    directly, above whom there is no one."""
    if actor.employee_id == evaluation.employee_id:
        return False
    assessor = evaluation.employee.assessor
    if is_second_assessor_of(actor, evaluation.employee) or records_external_approval(actor, evaluation.employee):
        return True
    return (assessor is not None and assessor.assessor is None and bool(assessor.external_assessor_name)
            and can_admin_employee(actor, evaluation.employee))


def may_follow_up(actor: User, evaluation) -> bool:
    """Record tindak lanjut of a handed-over result: the Pejabat Penilai (or who acts for them),
    or the pengelola kinerja of the OPD; never the pegawai."""
    return actor.employee_id != evaluation.employee_id and (
        is_reviewer_of(actor, evaluation.employee) or can_admin_employee(actor, evaluation.employee))


def may_view_evaluation(user: User, evaluation) -> bool:
    """The pegawai, the assessor chain (and who acts for it), the pengelola kinerja of the OPD,
    and whoever records the keberatan decision."""
    employee = evaluation.employee
    return can_view_employee(user, employee) or is_reviewer_of(user, employee) or may_decide(user, evaluation)


# --- document exports --------------------------------------------------------------------------


def can_see_export(user: User, job) -> bool:
    """The pengelola kinerja of the job's OPD, checked on every request: a requester whose scope
    over that OPD was withdrawn no longer sees the job nor downloads its ZIP."""
    if not user.is_authenticated:
        return False
    return user.is_admin and can_admin_opd(user, job.opd_id)
