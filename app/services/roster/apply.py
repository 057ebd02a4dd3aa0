"""Roster import, step 2: write a valid plan in the caller's transaction (flush, never commit).

Bulk-friendly: each phase is one statement or one flush (units per tree level, new pegawai per
reporting level so every assessor already has an id), nothing is queried per row, and the many
rows that need no object afterwards (accounts, audit events) go in as one multi-row INSERT.
"""
from __future__ import annotations

from itertools import groupby

from sqlalchemy import insert, select

from app.domain.enums import OrgUnitKind, Role
from app.extensions import db
from app.models import AuditEvent, Employee, OrgUnit, User
from app.services import ServiceError
from app.services.audit import build_event, changed_fields, record
from app.services.org.accounts import may_link
from app.services.org.employees import employee_snapshot
from app.services.org.units import ensure_pemda, guess_kind, unit_snapshot
from app.services.roster.plan import ImportPlan, ImportResult
from app.services.roster.units import UnitKey

# Render None as NULL so that every row has the same columns and goes into one multi-row INSERT
# (by default a bulk insert leaves None out, splitting rows with different gaps into batches).
_UNIFORM = {"render_nulls": True}


def apply_import(actor: User | None, plan: ImportPlan, *, deactivate_missing: bool = False) -> ImportResult:
    """Write everything a valid plan found, in the current transaction; refuse a plan with errors."""
    if not plan.valid or plan.work is None:
        raise ServiceError("Berkas masih memuat galat; tidak ada yang ditulis. Perbaiki berkasnya lalu impor ulang.")
    work = plan.work
    if work.actor_id != (actor.id if actor is not None else None):
        raise ServiceError("Pratinjau impor ini diperiksa untuk pengguna lain; periksa ulang berkasnya.")
    result = ImportResult(plan.filename, unchanged=plan.unchanged)
    events: list[AuditEvent] = []
    units = _create_units(actor, work, plan.filename, result, events)
    employees: dict[str, Employee] = dict(work.existing)
    created = _create_employees(actor, work, units, employees, plan.filename, events)
    result.created = len(created)
    _update_employees(actor, plan, work, units, employees, events)
    result.updated, result.reactivated = len(plan.updates), len(plan.reactivations)
    result.accounts_created = _create_accounts(actor, created, events)
    if deactivate_missing:
        result.deactivated = _deactivate(actor, work, plan.filename, events)
    opds = {units[t.unit_key].opd_id for t in work.targets.values()}
    opds |= {work.units.opd_id_of(e.unit_id) for e in work.missing} if deactivate_missing else set()
    record(actor, "impor.pegawai", None, object_type="impor",
           summary=f"Impor pegawai dari berkas '{plan.filename}': {result.created} dibuat, {result.updated} "
                   f"diubah, {result.reactivated} diaktifkan kembali, {result.deactivated} dinonaktifkan.",
           after=result.counts(), opd_id=opds.pop() if len(opds) == 1 else None)
    _insert_events(events)
    db.session.flush()
    return result


def _audit(events: list[AuditEvent], *args, **kwargs) -> None:
    """An event built like `audit.record` does, kept out of the session to be inserted in bulk."""
    events.append(build_event(*args, **kwargs))


def _insert_events(events: list[AuditEvent]) -> None:
    """Insert the held-back events in one multi-row INSERT instead of one by one (the ORM inserts
    rows singly on SQLite to read back each id, which audit rows never need)."""
    if events:
        columns = [c.key for c in AuditEvent.__table__.columns if c.key not in ("id", "created_at")]
        db.session.execute(insert(AuditEvent), [{key: getattr(e, key) for key in columns} for e in events],
                           execution_options=_UNIFORM)


def _create_units(actor, work, filename: str, result: ImportResult, events) -> dict[UnitKey, OrgUnit]:
    """New OPDs under the pemda, then new units level by level; opd_id set on each."""
    index = work.units
    units: dict[UnitKey, OrgUnit] = dict(index.by_key)
    created: list[OrgUnit] = []
    opd_keys = index.new_opds()
    if opd_keys:
        pemda = index.pemda or ensure_pemda(work.region_name)
        opds = [OrgUnit(name=index.new[key], kind=OrgUnitKind.OPD, parent_id=pemda.id, active=True)
                for key in opd_keys]
        db.session.add_all(opds)
        db.session.flush()
        for key, opd in zip(opd_keys, opds):
            opd.opd_id = opd.id
            units[key] = opd
        created += opds
    for _, keys in groupby(index.new_units(), key=len):
        level = []
        for key in keys:
            parent = units[key[:-1]]
            name = index.new[key]
            units[key] = OrgUnit(name=name, kind=guess_kind(name), parent_id=parent.id,
                                 opd_id=parent.opd_id, active=True)
            level.append(units[key])
        db.session.add_all(level)
        db.session.flush()
        created += level
    db.session.flush()
    for unit in created:
        _audit(events, actor, "unit.dibuat", unit, summary=f"Unit '{unit.name}' dibuat lewat impor '{filename}'.",
               after=unit_snapshot(unit), opd_id=unit.opd_id)
    result.new_opds, result.new_units = len(opd_keys), len(created) - len(opd_keys)
    return units


def _levels(targets) -> list[list]:
    """New pegawai grouped so that each one's assessor is existing or in an earlier group."""
    new = {t.record.nip: t for t in targets}
    level: dict[str, int] = {}
    for nip in new:
        chain = []
        while nip in new and nip not in level:
            chain.append(nip)
            nip = new[nip].assessor_nip
        base = level.get(nip, -1) if nip in new else -1
        for member in reversed(chain):
            base += 1
            level[member] = base
    groups: dict[int, list] = {}
    for nip, target in new.items():
        groups.setdefault(level[nip], []).append(target)
    return [groups[i] for i in sorted(groups)]


def _create_employees(actor, work, units, employees: dict[str, Employee], filename: str, events) -> list[Employee]:
    """One INSERT … RETURNING per reporting level; the returned pegawai are ordinary ORM objects."""
    targets = [t for t in work.targets.values() if t.record.nip not in work.existing]
    created: list[Employee] = []
    for group in _levels(targets):
        rows = []
        for t in group:
            r = t.record
            boss = employees.get(t.assessor_nip) if t.assessor_nip else None
            if boss is not None and "subordinates" in boss.__dict__:
                db.session.expire(boss, ["subordinates"])  # the new report joins it on next read
            rows.append(dict(
                nip=r.nip, name=r.name, status=r.status, grade_code=r.grade_code, position=r.position,
                position_kind=r.position_kind, unit_id=units[t.unit_key].id, assessor_id=boss.id if boss else None,
                external_assessor_name=t.external_name, external_assessor_title=t.external_title,
                email=r.email, job_class=r.job_class, active=True, birth_date=r.info.birth_date, tmt=r.info.tmt, gender=r.info.gender,
            ))
        batch = list(db.session.scalars(insert(Employee).returning(Employee), rows, execution_options=_UNIFORM))
        employees.update((e.nip, e) for e in batch)
        created += batch
    created.sort(key=lambda e: e.id)
    for e in created:
        _audit(events, actor, "pegawai.dibuat", e, summary=f"Pegawai {e.name} ({e.nip}) ditambahkan lewat impor '{filename}'.",
               after=employee_snapshot(e), opd_id=e.unit.opd_id)
    return created


def _update_employees(actor, plan: ImportPlan, work, units, employees, events) -> None:
    """Apply each changed row to its pegawai (reactivating as needed); audit the changed fields."""
    reactivated = {c.nip for c in plan.reactivations}
    changed = [(work.existing[c.nip], c) for c in plan.updates + plan.reactivations]
    before = {e.nip: employee_snapshot(e) for e, _ in changed}
    for employee, _ in changed:
        t = work.targets[employee.nip]
        r = t.record
        employee.name, employee.status, employee.grade_code = r.name, r.status, r.grade_code
        employee.position, employee.position_kind = r.position, r.position_kind
        employee.unit = units[t.unit_key]
        employee.assessor = employees[t.assessor_nip] if t.assessor_nip else None
        employee.external_assessor_name, employee.external_assessor_title = t.external_name, t.external_title
        if t.email_managed and (employee.email or "").lower() != (r.email or ""):
            employee.email = r.email
        if t.job_class_managed:
            employee.job_class = r.job_class
        employee.active = True
    db.session.flush()
    for employee, change in changed:
        diff = changed_fields(before[employee.nip], employee_snapshot(employee))
        diff.update({f.field: (f.old, f.new) for f in change.changes if f.field == "unit"})  # full path
        fields = ", ".join(f.label for f in change.changes)
        again = employee.nip in reactivated
        _audit(events, actor, "pegawai.diaktifkan" if again else "pegawai.diubah", employee,
               summary=(f"{employee.name} diaktifkan kembali lewat impor '{plan.filename}'"
                        if again else f"Data {employee.name} diubah lewat impor '{plan.filename}'")
               + (f": {fields}." if fields else "."),
               before={k: v[0] for k, v in diff.items()}, after={k: v[1] for k, v in diff.items()},
               opd_id=employee.unit.opd_id)


def _create_accounts(actor: User | None, created: list[Employee], events) -> int:
    """An account without a usable password for each new pegawai; an operator account with the
    same NIP and no pegawai yet is linked instead when the importer may link it (a super admin or
    the command line, for an account with an admin role): otherwise the link waits for a super
    admin on the pegawai's page."""
    if not created:
        return 0
    unlinked = {u.nip: u for u in db.session.scalars(select(User).where(User.employee_id.is_(None)))}
    taken = set(db.session.scalars(select(User.nip)))
    rows = []
    for employee in created:
        user = unlinked.get(employee.nip)
        if user is not None:
            if not may_link(actor, user):
                continue
            user.employee_id, user.display_name = employee.id, None
            _audit(events, actor, "akun.ditautkan", user, summary=f"Akun {user.role.label} ditautkan ke pegawai "
                   f"{employee.name} lewat impor.", after={"employee": employee.nip, "role": user.role.value},
                   opd_id=None)
        elif employee.nip not in taken:
            rows.append({"nip": employee.nip, "employee_id": employee.id, "role": Role.PEGAWAI, "password_hash": None})
    if rows:
        db.session.execute(insert(User), rows)
    db.session.flush()
    return len(rows)


def _deactivate(actor, work, filename: str, events) -> int:
    """Deactivate (never delete) the active pegawai in scope that the file left out."""
    for employee in work.missing:
        employee.active = False
    db.session.flush()
    for e in work.missing:
        _audit(events, actor, "pegawai.dinonaktifkan", e, summary=f"{e.name} dinonaktifkan: tidak ada di berkas impor '{filename}'.",
               before={"active": True}, after={"active": False}, opd_id=work.units.opd_id_of(e.unit_id))
    return len(work.missing)
