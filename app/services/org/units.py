"""The unit tree: creating, renaming, moving and deactivating units within an admin's scope."""
from __future__ import annotations

from sqlalchemy import func, select

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import Employee, OrgUnit, User
from app.security import admin_opd_ids, can_admin_unit
from app.services import ServiceError
from app.services.audit import record

# What a unit below an OPD may be, guessed from its name when a roster creates it.
_KIND_PREFIXES = (
    ("sekretariat", OrgUnitKind.SEKRETARIAT),
    ("bidang", OrgUnitKind.BIDANG),
    ("bagian", OrgUnitKind.BAGIAN),
    ("seksi", OrgUnitKind.SEKSI),
    ("subbagian", OrgUnitKind.SUBBAGIAN),
    ("sub bagian", OrgUnitKind.SUBBAGIAN),
    ("subbidang", OrgUnitKind.SEKSI),
    ("sub bidang", OrgUnitKind.SEKSI),
    ("uptd", OrgUnitKind.UPTD),
    ("upt ", OrgUnitKind.UPTD),
    ("puskesmas", OrgUnitKind.UPTD),
)


def guess_kind(name: str) -> OrgUnitKind:
    folded = name.casefold()
    for prefix, kind in _KIND_PREFIXES:
        if folded.startswith(prefix):
            return kind
    return OrgUnitKind.UNIT


def unit_snapshot(unit: OrgUnit) -> dict:
    return {
        "name": unit.name,
        "kind": unit.kind.value,
        "parent": unit.parent.name if unit.parent is not None else None,
        "active": unit.active,
    }


def get_pemda() -> OrgUnit | None:
    return db.session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.PEMDA))


def ensure_pemda(name: str) -> OrgUnit:
    """The root of the tree (one per installation), created on first need."""
    pemda = get_pemda()
    if pemda is None:
        pemda = OrgUnit(name=name, kind=OrgUnitKind.PEMDA, parent=None, opd_id=None)
        db.session.add(pemda)
        db.session.flush()
    return pemda


def _check_name(parent: OrgUnit | None, name: str, unit: OrgUnit | None = None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ServiceError("Nama unit wajib diisi.", field="name")
    if len(name) > 200:
        raise ServiceError("Nama unit paling banyak 200 karakter.", field="name")
    clash = db.session.scalar(
        select(OrgUnit.id).where(
            OrgUnit.parent_id == (parent.id if parent else None),
            func.lower(OrgUnit.name) == name.lower(),
            OrgUnit.id != (unit.id if unit else -1),
        )
    )
    if clash:
        raise ServiceError(f"Sudah ada unit bernama '{name}' di bawah unit yang sama.", field="name")
    return name


def _check_kind(parent: OrgUnit, kind: OrgUnitKind) -> None:
    if kind == OrgUnitKind.PEMDA:
        raise ServiceError("Pemerintah daerah hanya ada satu, di puncak pohon.", field="kind")
    if (parent.kind == OrgUnitKind.PEMDA) != (kind == OrgUnitKind.OPD):
        raise ServiceError(
            "Perangkat daerah berada langsung di bawah pemerintah daerah; unit lain berada di "
            "bawah perangkat daerah.",
            field="kind",
        )


def create_unit(actor: User, parent: OrgUnit, name: str, kind: OrgUnitKind) -> OrgUnit:
    if kind == OrgUnitKind.OPD and not actor.is_superadmin:
        raise ServiceError("Hanya super admin yang dapat menambah perangkat daerah.", field="kind")
    if not can_admin_unit(actor, parent) or not parent.active:
        raise ServiceError("Anda tidak dapat menambah unit di bawah unit tersebut.", field="parent_id")
    _check_kind(parent, kind)
    name = _check_name(parent, name)
    unit = OrgUnit(name=name, kind=kind, parent=parent, active=True)
    db.session.add(unit)
    db.session.flush()
    unit.opd_id = unit.id if kind == OrgUnitKind.OPD else parent.opd_id
    db.session.flush()
    record(actor, "unit.dibuat", unit, summary=f"Unit '{name}' dibuat di bawah '{parent.name}'.",
           after=unit_snapshot(unit))
    return unit


def update_unit(actor: User, unit: OrgUnit, *, name: str, kind: OrgUnitKind, parent: OrgUnit | None) -> OrgUnit:
    before = unit_snapshot(unit)
    if unit.kind == OrgUnitKind.PEMDA:
        unit.name = _check_name(None, name, unit)
    else:
        if parent is None:
            raise ServiceError("Pilih unit induk.", field="parent_id")
        if unit.kind == OrgUnitKind.OPD or kind == OrgUnitKind.OPD:
            if not actor.is_superadmin and (kind != unit.kind or parent.id != unit.parent_id):
                raise ServiceError("Hanya super admin yang dapat mengubah perangkat daerah.", field="kind")
        if not can_admin_unit(actor, parent):
            raise ServiceError("Anda tidak dapat memindahkan unit ke luar perangkat daerah Anda.", field="parent_id")
        node = parent
        while node is not None:
            if node.id == unit.id:
                raise ServiceError("Unit tidak dapat dipindahkan ke bawah dirinya sendiri.", field="parent_id")
            node = node.parent
        _check_kind(parent, kind)
        new_opd = unit.id if kind == OrgUnitKind.OPD else parent.opd_id
        if new_opd != unit.opd_id and unit.kind != OrgUnitKind.OPD:
            if not actor.is_superadmin:
                raise ServiceError("Hanya super admin yang dapat memindahkan unit ke perangkat daerah lain.", field="parent_id")
        unit.name = _check_name(parent, name, unit)
        unit.kind = kind
        unit.parent = parent
        if new_opd != unit.opd_id:
            _set_opd(unit, new_opd)
    db.session.flush()
    after = unit_snapshot(unit)
    if after != before:
        record(actor, "unit.diubah", unit, summary=f"Unit '{unit.name}' diubah.", before=before, after=after)
    return unit


def _set_opd(unit: OrgUnit, opd_id: int | None) -> None:
    """Move a subtree to another OPD (the admin scope follows the tree)."""
    stack = [unit]
    while stack:
        node = stack.pop()
        node.opd_id = opd_id
        stack.extend(node.children)


def set_unit_active(actor: User, unit: OrgUnit, active: bool) -> None:
    if unit.kind == OrgUnitKind.PEMDA:
        raise ServiceError("Pemerintah daerah tidak dapat dinonaktifkan.")
    if unit.kind == OrgUnitKind.OPD and not actor.is_superadmin:
        raise ServiceError("Hanya super admin yang dapat menonaktifkan perangkat daerah.")
    if not active:
        employees = db.session.scalar(
            select(func.count()).select_from(Employee).where(Employee.unit_id == unit.id, Employee.active.is_(True))
        )
        children = sum(1 for child in unit.children if child.active)
        if employees or children:
            raise ServiceError(
                f"Unit masih memiliki {employees} pegawai aktif dan {children} subunit aktif; "
                "pindahkan atau nonaktifkan lebih dulu."
            )
    elif unit.parent is not None and not unit.parent.active:
        raise ServiceError("Aktifkan unit induknya lebih dulu.")
    if unit.active != active:
        unit.active = active
        record(actor, "unit.diaktifkan" if active else "unit.dinonaktifkan", unit,
               summary=f"Unit '{unit.name}' {'diaktifkan' if active else 'dinonaktifkan'}.")
    db.session.flush()


def opds_in_scope(user: User) -> list[OrgUnit]:
    """The OPDs the user administers (every OPD for a super admin), by name (one query)."""
    scope = admin_opd_ids(user)
    query = select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.OPD)
    if scope is not None:
        query = query.where(OrgUnit.id.in_(scope or {-1}))
    return list(db.session.scalars(query.order_by(OrgUnit.name)))


def active_counts() -> dict[int, int]:
    """Unit id → how many active pegawai it holds (one query)."""
    return dict(db.session.execute(
        select(Employee.unit_id, func.count()).where(Employee.active.is_(True)).group_by(Employee.unit_id)).all())


def units_in_scope(actor: User, *, active_only: bool = True) -> list[OrgUnit]:
    """Units the admin may use, ordered as a tree walk (OPD, then its subunits)."""
    from app.security import admin_opd_ids

    scope = admin_opd_ids(actor)
    query = select(OrgUnit)
    if scope is not None:
        query = query.where(OrgUnit.opd_id.in_(scope or {-1}))
    if active_only:
        query = query.where(OrgUnit.active.is_(True))
    units = list(db.session.scalars(query))
    return tree_order(units)


def tree_order(units: list[OrgUnit]) -> list[OrgUnit]:
    """Depth-first order, siblings by name; sets `depth` on each unit for indented display."""
    by_parent: dict[int | None, list[OrgUnit]] = {}
    ids = {u.id for u in units}
    for unit in units:
        parent = unit.parent_id if unit.parent_id in ids else None
        by_parent.setdefault(parent, []).append(unit)
    ordered: list[OrgUnit] = []

    def walk(parent_id, depth):
        for unit in sorted(by_parent.get(parent_id, []), key=lambda u: u.name.casefold()):
            unit.depth = depth
            ordered.append(unit)
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered


def unit_path(unit: OrgUnit) -> str:
    """"Sekretariat / Subbagian Umum" below the OPD (empty for the OPD itself)."""
    names = []
    node = unit
    while node is not None and node.kind not in (OrgUnitKind.OPD, OrgUnitKind.PEMDA):
        names.append(node.name)
        node = node.parent
    return " / ".join(reversed(names))
