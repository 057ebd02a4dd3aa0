"""An OPD's Perjanjian Kinerja for a year: its targets (sasaran strategis + IKU), which the JPT's
RHK refer to, and the organisation's result (predikat kinerja organisasi, capaian) at year end."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.domain.enums import OrgPredikat
from app.domain.numbers import plain
from app.extensions import db
from app.models import AppraisalYear, OrgTarget, OrgUnit, OrgYearResult, User, WorkResult
from app.security import can_admin_opd
from app.services import ConflictError, FieldErrors, ServiceError
from app.services.audit import changed_fields, describe_changes, record
from app.services.ordering import move_in_list

GONE = "Data ini baru saja dihapus atau diubah oleh pengguna lain. Muat ulang halaman."


@dataclass
class OrgTargetData:
    goal: str
    indicator: str
    target_value: Decimal | None
    unit: str
    realization: Decimal | None = None


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def flush_or_conflict() -> None:
    """Flush; a row another user deleted meanwhile is a conflict, not a server error."""
    try:
        db.session.flush()
    except StaleDataError:
        raise ConflictError(GONE) from None


plain_number = plain  # audit values, the same on every database: 95.5000 → "95.5"


def target_snapshot(target: OrgTarget) -> dict:
    """The audited fields of a target, as plain values."""
    return {
        "goal": target.goal, "indicator": target.indicator, "target_value": plain_number(target.target_value),
        "target_unit": target.unit, "realization": plain_number(target.realization),
    }


def targets_of(opd_id: int, year_id: int) -> list[OrgTarget]:
    """The targets of an OPD for a year, in their order."""
    return list(db.session.scalars(
        select(OrgTarget).where(OrgTarget.opd_id == opd_id, OrgTarget.year_id == year_id)
        .order_by(OrgTarget.position, OrgTarget.id)
    ))


def reference_counts(target_ids: list[int]) -> dict[int, int]:
    """How many RHK (of any SKP) refer to each target."""
    if not target_ids:
        return {}
    return dict(db.session.execute(
        select(WorkResult.org_target_id, func.count())
        .where(WorkResult.org_target_id.in_(target_ids)).group_by(WorkResult.org_target_id)
    ).all())


def year_result(opd_id: int, year_id: int) -> OrgYearResult | None:
    """The organisation result of an OPD for a year, if one was set."""
    return db.session.scalar(
        select(OrgYearResult).where(OrgYearResult.opd_id == opd_id, OrgYearResult.year_id == year_id)
    )


def _check_scope(actor: User | None, opd_id: int) -> None:
    if actor is not None and not can_admin_opd(actor, opd_id):
        raise ServiceError("Perangkat daerah ini berada di luar kewenangan Anda.")


def _validated(data: OrgTargetData) -> dict:
    errors = []
    goal, indicator, unit = _clean(data.goal), _clean(data.indicator), _clean(data.unit)
    if not goal:
        errors.append(("goal", "Sasaran strategis wajib diisi."))
    if not indicator:
        errors.append(("indicator", "Indikator kinerja utama wajib diisi."))
    if data.target_value is None:
        errors.append(("target_value", "Target wajib diisi dengan angka."))
    elif data.target_value <= 0:
        errors.append(("target_value", "Target harus lebih besar dari 0."))
    if not unit:
        errors.append(("unit", "Satuan wajib diisi (mis. %, Indeks, Dokumen)."))
    if data.realization is not None and data.realization < 0:
        errors.append(("realization", "Realisasi tidak boleh negatif."))
    if errors:
        raise FieldErrors(errors)
    return {"goal": goal, "indicator": indicator, "target_value": data.target_value, "unit": unit,
            "realization": data.realization}


def create_target(actor: User | None, opd: OrgUnit, year: AppraisalYear, data: OrgTargetData) -> OrgTarget:
    """Add a target at the end of the OPD's list for the year."""
    _check_scope(actor, opd.id)
    values = _validated(data)
    last = db.session.scalar(
        select(func.max(OrgTarget.position)).where(OrgTarget.opd_id == opd.id, OrgTarget.year_id == year.id)
    )
    target = OrgTarget(opd_id=opd.id, year_id=year.id, position=(last if last is not None else -1) + 1, **values)
    db.session.add(target)
    db.session.flush()
    record(actor, "sasaran.dibuat", target, opd_id=opd.id,
           summary=f"Sasaran organisasi {opd.name} {year.year} ditambahkan: {target.indicator}.",
           after=target_snapshot(target))
    return target


def update_target(actor: User | None, target: OrgTarget, data: OrgTargetData) -> OrgTarget:
    """Change a target's texts, target value, unit or year-end realisation."""
    _check_scope(actor, target.opd_id)
    values = _validated(data)
    before = target_snapshot(target)
    for key, value in values.items():
        setattr(target, key, value)
    flush_or_conflict()
    changes = changed_fields(before, target_snapshot(target))
    if changes:
        record(actor, "sasaran.diubah", target, opd_id=target.opd_id,
               summary=f"Sasaran organisasi diubah ({describe_changes(changes)}): {target.indicator}.",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return target


def delete_target(actor: User | None, target: OrgTarget) -> None:
    """Delete a target no RHK refers to."""
    _check_scope(actor, target.opd_id)
    used = reference_counts([target.id]).get(target.id, 0)
    if used:
        raise ServiceError(
            f"Sasaran ini tidak dapat dihapus karena sudah dirujuk oleh {used} RHK pada SKP pegawai. "
            "Ubah rujukan RHK tersebut lebih dulu."
        )
    record(actor, "sasaran.dihapus", target, opd_id=target.opd_id,
           summary=f"Sasaran organisasi dihapus: {target.indicator}.", before=target_snapshot(target))
    db.session.delete(target)
    flush_or_conflict()


def move_target(actor: User | None, target: OrgTarget, step: int) -> bool:
    """Move a target one place up (step -1) or down (+1); False when it is already at the edge."""
    _check_scope(actor, target.opd_id)
    siblings = targets_of(target.opd_id, target.year_id)
    index = next(i for i, t in enumerate(siblings) if t.id == target.id)
    other = move_in_list(siblings, target, step)
    if other is None:
        return False
    flush_or_conflict()
    record(actor, "sasaran.diurutkan", target, opd_id=target.opd_id,
           summary=f"Urutan sasaran organisasi diubah: {target.indicator} ke nomor {other + 1}.",
           before={"order": index + 1}, after={"order": other + 1})
    return True


@dataclass
class Suggestion:
    """The predikat kinerja organisasi the OPD's own capaian suggests (the kabupaten's thresholds)."""

    capaian: Decimal | None
    predikat: OrgPredikat | None
    counted: int  # targets with a target and a realisasi
    total: int


def suggestion(opd_id: int, year_id: int, targets: list[OrgTarget] | None = None) -> Suggestion:
    """From the realisasi of the OPD's Perjanjian Kinerja targets of the year (one query, none
    when the targets are given)."""
    from app.domain.scoring import org_capaian, parse_org_thresholds, suggest_org_predikat
    from app.services.settings import get_settings

    targets = targets if targets is not None else targets_of(opd_id, year_id)
    pairs = [(t.target_value, t.realization) for t in targets]
    capaian = org_capaian(pairs)
    counted = sum(1 for target, real in pairs if target is not None and target > 0 and real is not None)
    thresholds = parse_org_thresholds(get_settings().org_predikat_thresholds)
    return Suggestion(capaian, suggest_org_predikat(capaian, thresholds), counted, len(targets))


def _result_snapshot(result: OrgYearResult | None) -> dict:
    if result is None:
        return {"predikat": None, "capaian": None, "note": None}
    return {"predikat": result.predikat, "capaian": plain_number(result.capaian), "note": result.note}


def set_year_result(actor: User | None, opd: OrgUnit, year: AppraisalYear, predikat: OrgPredikat | None,
                    capaian: Decimal | None, note: str | None) -> OrgYearResult:
    """Set (or clear) the predikat kinerja organisasi and capaian of an OPD for a year. When the
    realisasi of its targets suggest a predikat, another one needs its reason in the note; an
    empty capaian takes the computed one."""
    _check_scope(actor, opd.id)
    if capaian is not None and capaian < 0:
        raise ServiceError("Capaian tidak boleh negatif.", field="capaian")
    suggested = suggestion(opd.id, year.id)
    if predikat is not None and suggested.predikat is not None and predikat != suggested.predikat \
            and not (note or "").strip():
        raise ServiceError(
            f"Capaian sasaran organisasi ({plain(suggested.capaian).replace('.', ',')} %) menyarankan predikat "
            f"{suggested.predikat.label}; tuliskan alasan penetapan {predikat.label} di Catatan.", field="note")
    if capaian is None and predikat is not None and suggested.capaian is not None:
        capaian = suggested.capaian
    result = year_result(opd.id, year.id)
    before = _result_snapshot(result)
    if result is None:
        result = OrgYearResult(opd_id=opd.id, year_id=year.id)
        try:
            with db.session.begin_nested():  # two admins saving the first result at once
                db.session.add(result)
        except IntegrityError:
            raise ConflictError("Hasil organisasi baru saja disimpan oleh pengguna lain. "
                                "Muat ulang halaman lalu periksa kembali.") from None
    result.predikat, result.capaian = predikat, capaian
    result.note = (note or "").strip() or None
    flush_or_conflict()
    changes = changed_fields(before, _result_snapshot(result))
    if changes:
        label = predikat.label if predikat else "belum ditetapkan"
        record(actor, "hasil_organisasi.ditetapkan", result, opd_id=opd.id,
               summary=f"Hasil kinerja organisasi {opd.name} {year.year}: predikat {label}.",
               before={k: v[0] for k, v in changes.items()}, after={k: v[1] for k, v in changes.items()})
    return result
