"""The nominal TPP per jabatan (the Perkada's table): imported from .xlsx/.csv (Jabatan, Nilai TPP),
checked whole and imported whole or not at all; a jabatan already listed gets the new nominal."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from app.domain.numbers import parse_decimal
from app.extensions import db
from app.models import TppBasis, User
from app.services import ServiceError
from app.services.audit import record
from app.services.daily.absences import fold
from app.services.roster.reader import RosterFileError, cell_text, read_table
from app.services.tpp.monthly import position_key

HEADERS = {"jabatan": "position", "namajabatan": "position", "nilaitpp": "amount", "tpp": "amount",
           "nominal": "amount", "besarantpp": "amount"}
TEMPLATE_HEADERS = ["Jabatan", "Nilai TPP"]
MAX_AMOUNT = Decimal(1_000_000_000)


@dataclass
class Check:
    filename: str
    rows: list[tuple[str, Decimal]] = field(default_factory=list)
    errors: list[tuple[int | None, str | None, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.rows)


def _amount(value) -> Decimal | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return Decimal(str(value))
    text = cell_text(value).replace("Rp", "").replace("rp", "").strip()
    try:
        return parse_decimal(text)
    except (ValueError, InvalidOperation):
        return None


def check_file(data: bytes, filename: str, *, max_bytes: int) -> Check:
    check = Check(filename)
    try:
        table = read_table(data, filename, max_bytes=max_bytes)
    except RosterFileError as error:
        check.errors.append((None, None, str(error)))
        return check
    if not table:
        check.errors.append((None, None, "Berkas tidak memuat baris judul."))
        return check
    header_number, header = table[0]
    columns = {HEADERS[fold(cell)]: i for i, cell in enumerate(header) if fold(cell) in HEADERS}
    if set(columns) != {"position", "amount"}:
        check.errors.append((header_number, None, "Kolom wajib: Jabatan, Nilai TPP."))
        return check
    seen: dict[str, int] = {}
    for number, values in table[1:]:
        if not any(cell_text(v) for v in values):
            continue
        position = cell_text(values[columns["position"]] if columns["position"] < len(values) else None)
        raw = values[columns["amount"]] if columns["amount"] < len(values) else None
        value = _amount(raw)
        before = len(check.errors)
        if not position:
            check.errors.append((number, "Jabatan", "Isi nama jabatan seperti tertulis pada data pegawai."))
        elif len(position) > 250:
            check.errors.append((number, "Jabatan", "Nama jabatan paling banyak 250 karakter."))
        elif position_key(position) in seen:
            check.errors.append((number, "Jabatan", f"Jabatan ini sudah ada di baris {seen[position_key(position)]}."))
        if value is None or value < 0 or value >= MAX_AMOUNT or value != value.quantize(Decimal(1)):
            check.errors.append((number, "Nilai TPP", "Tulis nilai dalam rupiah utuh, mis. 4500000 atau 4.500.000."))
        if len(check.errors) == before:
            seen[position_key(position)] = number
            check.rows.append((position, value))
    if not check.rows and not check.errors:
        check.errors.append((None, None, "Berkas tidak memuat baris data."))
    return check


def import_basis(actor: User, check: Check) -> tuple[int, int]:
    """(new, changed)."""
    if not check.valid:
        raise ServiceError("Berkas masih memuat kesalahan; tidak ada yang diimpor.")
    existing = {b.key: b for b in db.session.scalars(select(TppBasis))}
    new = changed = 0
    for position, value in check.rows:
        key = position_key(position)
        row = existing.get(key)
        if row is None:
            db.session.add(TppBasis(key=key, position=" ".join(position.split()), amount=value,
                                    updated_by_id=actor.id))
            new += 1
        elif row.amount != value:
            row.amount, row.updated_by_id = value, actor.id
            changed += 1
    db.session.flush()
    record(actor, "tpp.nilai_jabatan_diimpor", None, object_type="tpp_basis",
           summary=f"Nilai TPP jabatan dari {check.filename}: {new} baru, {changed} diubah",
           after={"file": check.filename, "new": new, "changed": changed})
    return new, changed


def all_bases() -> list[TppBasis]:
    return list(db.session.scalars(select(TppBasis).order_by(TppBasis.position)))
