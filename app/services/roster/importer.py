"""Roster import, step 1: validate the whole file against itself and the database and work out
what an import would change (design/IMPORT.md). Nothing is written here; `apply_import`
(roster_apply) writes a valid plan in the caller's transaction.

Everything the checks need is loaded once (all units, all pegawai), so planning costs the same
few queries for 10 rows or 10,000.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import PositionKind, Role
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.models.base import local_today
from app.security import MAX_CHAIN_DEPTH, account_refusal, admin_opd_ids
from app.services.org.accounts import may_link
from app.services.roster.apply import apply_import
from app.services.roster.diff import Target, diff_employee
from app.services.roster.plan import ImportPlan, PersonLine, PlannedChange, RosterRecord, RowError
from app.services.roster.reader import Roster
from app.services.roster.rows import parse_row
from app.services.roster.units import UnitIndex, UnitKey, fold
from app.services.settings import get_settings

__all__ = ["apply_import", "plan_import"]


@dataclass
class Work:
    """What the writer needs from the planner, with the objects it loaded."""

    actor_id: int | None
    records: list[RosterRecord]
    units: UnitIndex
    existing: dict[str, Employee]  # by NIP, every pegawai in the database
    targets: dict[str, Target] = field(default_factory=dict)  # by NIP, for every record
    missing: list[Employee] = field(default_factory=list)
    privileged: dict[str, User] = field(default_factory=dict)  # accounts with an admin role, by NIP
    region_name: str = ""
    nip_by_id: dict[int, str] = field(init=False)

    def __post_init__(self) -> None:
        self.nip_by_id = {e.id: nip for nip, e in self.existing.items()}


def plan_import(actor: User | None, roster: Roster, *, today: dt.date | None = None) -> ImportPlan:
    """Check every row of `roster` and compute creates, updates, deactivation candidates."""
    today = today or local_today()
    scope = None if actor is None else admin_opd_ids(actor)
    plan = ImportPlan(filename=roster.filename, total_rows=len(roster.rows), warnings=list(roster.warnings))
    units = UnitIndex(list(db.session.scalars(select(OrgUnit))))
    existing = {e.nip: e for e in db.session.scalars(select(Employee))}
    settings = get_settings()
    work = Work(actor.id if actor else None, [], units, existing, region_name=settings.region_name)

    rows_of: dict[str, list[int]] = {}
    for row in roster.rows:
        record, errors, nip = parse_row(row, roster, today=today)
        plan.errors.extend(errors)
        if nip:
            rows_of.setdefault(nip, []).append(row.number)
        if record is not None:
            work.records.append(record)
    unreadable = sorted(e.row for e in plan.errors if e.column == roster.column("nip"))
    _check_duplicates(plan, roster, rows_of)
    records = [r for r in work.records if len(rows_of[r.nip]) == 1]
    names = {r.nip: r.name for r in records} | {nip: e.name for nip, e in existing.items() if nip not in rows_of}
    column = roster.column

    external = (settings.head_name or settings.head_title or "Bupati", settings.head_title or "Bupati")
    assessor_of: dict[str, str | None] = {}
    used_settings = False
    for record in records:
        errors = _check_scope(record, units, existing, scope, column)
        unit_key = _unit_key(record, units, existing, "unit" in roster.headers, column, errors)
        ext = _check_assessor(record, rows_of, existing, external, column, errors, unreadable)
        used_settings |= ext == external
        assessor_of[record.nip] = record.assessor_nip
        if errors:
            plan.errors.extend(errors)
            continue
        work.targets[record.nip] = Target(record, unit_key, record.assessor_nip, *ext,
                                          email_managed="email" in roster.headers,
                                          job_class_managed="job_class" in roster.headers)
    _check_lines(plan, records, assessor_of, work, names, column)
    if used_settings and not settings.head_name:
        plan.warnings.append(
            f"Nama kepala daerah belum diisi di Pengaturan; pejabat tanpa NIP Atasan dicatat dinilai oleh "
            f"'{external[1]}'. Isi Pengaturan lebih dulu bila nama penilai perlu tercetak."
        )
    _check_accounts(plan, actor, work, column)
    if not plan.errors:
        _preview(plan, work, rows_of, names, scope)
    plan.work = work
    return plan


def _check_accounts(plan: ImportPlan, actor: User | None, work: Work, column) -> None:
    """No import hands over an account above the importer's station: an admin account with a
    new pegawai's NIP is linked only by a super admin (or the CLI), and an e-mail change or a
    reactivation of a pegawai whose account is above the importer is refused at its row."""
    privileged = work.privileged = {u.nip: u for u in db.session.scalars(
        select(User).where(User.role != Role.PEGAWAI).options(selectinload(User.admin_units)))}
    if not privileged:
        return
    for record in work.records:
        account = privileged.get(record.nip)
        if account is None or record.nip not in work.targets:
            continue
        current = work.existing.get(record.nip)
        if current is None:
            if account.employee_id is None:
                plan.warnings.append(
                    f"Baris {record.row}: NIP {record.nip} sudah memiliki akun {account.role.label} yang belum "
                    + ("tertaut; akun itu akan ditautkan ke pegawai ini." if may_link(actor, account) else
                       "tertaut. Pegawai dibuat tanpa akun itu; penautannya menunggu konfirmasi super admin "
                       "di halaman pegawai."))
            continue
        if actor is None:
            continue
        refusal = account_refusal(actor, account, current)
        target = work.targets[record.nip]
        if refusal and target.email_managed and (record.email or None) != (current.email or None):
            plan.errors.append(RowError(record.row, column("email"), f"Email pegawai ini tidak dapat Anda ubah. {refusal}"))
        elif refusal and not current.active:
            plan.errors.append(RowError(record.row, column("nip"), f"Pegawai ini tidak dapat Anda aktifkan kembali. {refusal}"))


def _check_duplicates(plan: ImportPlan, roster: Roster, rows_of: dict[str, list[int]]) -> None:
    for nip, rows in rows_of.items():
        if len(rows) > 1:
            for row in rows:
                others = ", ".join(str(r) for r in rows if r != row)
                plan.errors.append(RowError(row, roster.column("nip"),
                                            f"NIP {nip} ganda: juga tercantum di baris {others}."))


def _check_scope(record, units: UnitIndex, existing, scope, column) -> list[RowError]:
    errors = []
    opd = units.get((fold(record.opd_name),))
    if opd is None and scope is not None:
        errors.append(RowError(record.row, column("opd"),
                               f"Perangkat Daerah '{record.opd_name}' belum ada. Hanya super admin yang dapat "
                               "menambah perangkat daerah; periksa ejaannya."))
    elif opd is not None and scope is not None and opd.id not in scope:
        errors.append(RowError(record.row, column("opd"),
                               f"Anda tidak mengelola Perangkat Daerah '{opd.name}'."))
    elif opd is not None and not opd.active:
        errors.append(RowError(record.row, column("opd"),
                               f"Perangkat Daerah '{opd.name}' nonaktif; aktifkan lebih dulu di menu Unit kerja."))
    current = existing.get(record.nip)
    if current is not None and scope is not None and units.opd_id_of(current.unit_id) not in scope:
        errors.append(RowError(record.row, column("nip"),
                               f"Pegawai dengan NIP ini ({current.name}) terdaftar di "
                               f"{units.label_of(current.unit_id)}, di luar perangkat daerah yang Anda kelola."))
    return errors


def _check_assessor(record, rows_of, existing, external, column, errors, unreadable) -> tuple[str | None, str | None]:
    """The atasan must be in the file or an active pegawai; only a JPT may have none, and is
    then assessed by the kepala daerah (kept if already set). Returns the external assessor."""
    current = existing.get(record.nip)
    if record.assessor_nip:
        boss = existing.get(record.assessor_nip)
        if record.assessor_nip in rows_of:
            pass
        elif boss is None:
            hint = (f" Bila atasan ini ada di berkas, perbaiki dulu NIP-nya (NIP galat di baris "
                    f"{', '.join(map(str, unreadable[:5]))}{' dst.' if len(unreadable) > 5 else ''})."
                    if unreadable else "")
            errors.append(RowError(record.row, column("assessor_nip"),
                                   f"NIP Atasan {record.assessor_nip} tidak ada di berkas maupun di data pegawai.{hint}"))
        elif not boss.active:
            errors.append(RowError(record.row, column("assessor_nip"),
                                   f"Atasan {boss.name} ({boss.nip}) nonaktif; cantumkan ia di berkas atau pilih atasan lain."))
        return None, None
    if current is not None and current.external_assessor_name:
        return current.external_assessor_name, current.external_assessor_title
    if record.position_kind == PositionKind.JPT:
        return external
    errors.append(RowError(record.row, column("assessor_nip"),
                           "NIP Atasan wajib diisi. Hanya pejabat JPT yang dinilai langsung oleh "
                           "kepala daerah yang boleh dikosongkan."))
    return None, None


def _unit_key(record, units: UnitIndex, existing, managed: bool, column, errors) -> UnitKey:
    opd_key = (fold(record.opd_name),)
    current = existing.get(record.nip)
    if not managed and current is not None and units.key_of.get(current.unit_id, ())[:1] == opd_key:
        return units.key_of[current.unit_id]  # no Unit Kerja column: keep the unit within the OPD
    path = (record.opd_name,) + record.unit_path
    for depth in range(1, len(path) + 1):
        key = opd_key + tuple(fold(name) for name in record.unit_path[:depth - 1])
        unit = units.get(key)
        if unit is None:
            units.new.setdefault(key, path[depth - 1])
        elif not unit.active and depth > 1:
            errors.append(RowError(record.row, column("unit"),
                                   f"Unit kerja '{units.label(key)}' nonaktif; aktifkan lebih dulu atau pilih unit lain."))
    return opd_key + tuple(fold(name) for name in record.unit_path)


def _check_lines(plan, records, assessor_of, work: Work, names, column) -> None:
    """Reporting lines of the file plus the database must form a forest of sane depth."""
    edges = {nip: work.nip_by_id.get(e.assessor_id) for nip, e in work.existing.items()} | assessor_of
    row_of = {r.nip: r.row for r in records}
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    depth: dict[str, int | None] = {}  # hops up to the top official; None = leads into a cycle
    for start in row_of:
        path, node = [], start
        while node is not None and node not in state:
            state[node] = 1
            path.append(node)
            node = edges.get(node)
        if node is None:
            base: int | None = -1
        elif state[node] == 1:
            cycle = path[path.index(node):]
            chain = " → ".join(_who(n, names, row_of) for n in cycle + [node])
            for nip in cycle:
                depth[nip] = None
                if nip in row_of:
                    plan.errors.append(RowError(row_of[nip], column("assessor_nip"),
                                                f"Garis atasan berputar: {chain}."))
            base = None
        else:
            base = depth[node]
        for nip in reversed(path):
            state[nip] = 2
            if nip in depth:
                base = depth[nip]
                continue
            base = None if base is None else base + 1
            depth[nip] = base
            if base is not None and base > MAX_CHAIN_DEPTH and nip in row_of:
                plan.errors.append(RowError(row_of[nip], column("assessor_nip"),
                                            f"Garis atasan lebih dari {MAX_CHAIN_DEPTH} tingkat di atas pegawai ini."))


def _who(nip: str, names: dict[str, str], row_of: dict[str, int]) -> str:
    where = f"baris {row_of[nip]}" if nip in row_of else "data pegawai"
    return f"{names.get(nip, nip)} ({nip}, {where})"


def _preview(plan: ImportPlan, work: Work, rows_of, names, scope) -> None:
    """Creates, updates, reactivations, new units and missing pegawai of a valid file."""
    units = work.units
    for record in work.records:
        target = work.targets[record.nip]
        current = work.existing.get(record.nip)
        if current is None:
            plan.creates.append(PersonLine(record.row, record.nip, record.name, record.position,
                                           units.label(target.unit_key)))
            continue
        changes = diff_employee(current, target, units, work.nip_by_id, names)
        if not current.active:
            plan.reactivations.append(PlannedChange(record.row, record.nip, record.name, changes))
        elif changes:
            plan.updates.append(PlannedChange(record.row, record.nip, record.name, changes))
        else:
            plan.unchanged += 1
    plan.new_opds = [units.label(key) for key in units.new_opds()]
    plan.new_units = [units.label(key) for key in units.new_units()]
    _missing(plan, work, rows_of, scope)


def _missing(plan: ImportPlan, work: Work, rows_of, scope) -> None:
    """Active pegawai in scope that the file leaves out, except those still someone's atasan."""
    units, existing = work.units, work.existing
    missing = {e.id: e for nip, e in existing.items()
               if e.active and nip not in rows_of and (scope is None or units.opd_id_of(e.unit_id) in scope)}
    if scope is not None:  # never deactivate an account above the importer's station
        actor = db.session.get(User, work.actor_id)
        above = [e for e in missing.values()
                 if e.nip in work.privileged and account_refusal(actor, work.privileged[e.nip], e)]
        for e in above:
            missing.pop(e.id)
        if above:
            plan.warnings.append(
                f"{len(above)} pegawai tidak ada di berkas tetapi akunnya di atas wewenang Anda (super admin atau "
                f"pengelola perangkat daerah lain), sehingga tidak akan dinonaktifkan: "
                + ", ".join(f"{e.name} ({e.nip})" for e in above[:10]) + ".")
    by_nip_id = {e.nip: e.id for e in existing.values()}
    needed = {by_nip_id.get(t.assessor_nip) for t in work.targets.values() if t.assessor_nip}
    needed |= {e.assessor_id for e in existing.values()
               if e.active and e.nip not in rows_of and e.id not in missing}
    kept: list[Employee] = []
    queue = [i for i in needed if i in missing]
    while queue:
        employee = missing.pop(queue.pop(), None)
        if employee is not None:
            kept.append(employee)
            if employee.assessor_id in missing:
                queue.append(employee.assessor_id)
    work.missing = sorted(missing.values(), key=lambda e: (units.label_of(e.unit_id), e.name))
    plan.missing = [PersonLine(None, e.nip, e.name, e.position, units.label_of(e.unit_id)) for e in work.missing]
    if kept:
        listed = ", ".join(f"{e.name} ({e.nip})" for e in kept[:10]) + (" dan lainnya" if len(kept) > 10 else "")
        plan.warnings.append(
            f"{len(kept)} pegawai tidak ada di berkas tetapi masih menjadi atasan pegawai aktif, sehingga "
            f"tidak akan dinonaktifkan: {listed}."
        )
