"""The nominal TPP per jabatan or per kelas jabatan (the Perkada's table): imported from .xlsx/.csv
(Jabatan or Kelas Jabatan, Nilai TPP), checked whole and imported whole or not at all; a jabatan or
kelas already listed gets the new nominal. A pegawai's jabatan by name comes before their kelas."""
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
from app.services.tpp.monthly import class_key, position_key

HEADERS = {"jabatan": "position", "namajabatan": "position", "nilaitpp": "amount", "tpp": "amount",
           "nominal": "amount", "besarantpp": "amount", "kelasjabatan": "job_class", "kelas": "job_class"}
TEMPLATE_HEADERS = ["Jabatan", "Kelas Jabatan", "Nilai TPP"]
MAX_AMOUNT = Decimal(1_000_000_000)


@dataclass
class Check:
    filename: str
    rows: list[tuple[str, Decimal]] = field(default_factory=list)  # (jabatan or "#kelas n", nominal)
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
    if "amount" not in columns or not {"position", "job_class"} & set(columns):
        check.errors.append((header_number, None, "Kolom wajib: Jabatan atau Kelas Jabatan (atau keduanya), dan Nilai TPP."))
        return check

    def cell(key: str, values) -> object:
        return values[columns[key]] if key in columns and columns[key] < len(values) else None

    seen: dict[str, int] = {}
    for number, values in table[1:]:
        if not any(cell_text(v) for v in values):
            continue
        position = cell_text(cell("position", values))
        raw_class = cell("job_class", values)
        if isinstance(raw_class, float) and raw_class.is_integer():
            raw_class = int(raw_class)
        job_class = cell_text(raw_class) if not isinstance(raw_class, int) else str(raw_class)
        value = _amount(cell("amount", values))
        before = len(check.errors)
        key = position_key(position)
        if position and job_class:
            check.errors.append((number, "Kelas Jabatan", "Isi jabatan atau kelas jabatan pada satu baris, tidak keduanya."))
        elif job_class:
            if not job_class.isdigit() or not 1 <= int(job_class) <= 17:
                check.errors.append((number, "Kelas Jabatan", "Kelas jabatan adalah angka 1 sampai 17."))
            else:
                key = position = class_key(int(job_class))
                if key in seen:
                    check.errors.append((number, "Kelas Jabatan", f"Kelas ini sudah ada di baris {seen[key]}."))
        elif not position:
            check.errors.append((number, "Jabatan", "Isi nama jabatan seperti tertulis pada data pegawai, "
                                                    "atau kelas jabatannya."))
        elif len(position) > 250:
            check.errors.append((number, "Jabatan", "Nama jabatan paling banyak 250 karakter."))
        elif key in seen:
            check.errors.append((number, "Jabatan", f"Jabatan ini sudah ada di baris {seen[key]}."))
        if value is None or value < 0 or value >= MAX_AMOUNT or value != value.quantize(Decimal(1)):
            check.errors.append((number, "Nilai TPP", "Tulis nilai dalam rupiah utuh, mis. 4500000 atau 4.500.000."))
        if len(check.errors) == before:
            seen[key] = number
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
        key = position if position.startswith("#kelas ") else position_key(position)
        row = existing.get(key)
        if row is None:
            label = f"Kelas jabatan {position.split()[-1]}" if key.startswith("#kelas ") else " ".join(position.split())
            db.session.add(TppBasis(key=key, position=label, amount=value,
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
    """The jabatan by name, then the kelas jabatan by number."""
    bases = list(db.session.scalars(select(TppBasis)))
    return sorted(bases, key=lambda b: (1, int(b.key.split()[-1]), "") if b.key.startswith("#kelas ")
                  else (0, 0, b.key))
