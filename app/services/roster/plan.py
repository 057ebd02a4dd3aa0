"""What a roster import found and would do: plain data shared by the planner, the writer, the
CLI report and the web report."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from app.domain.enums import EmploymentStatus, PositionKind
from app.domain.nip import NipInfo


@dataclass(frozen=True)
class RowError:
    """One reason the file cannot be imported; `row` None means the file as a whole."""

    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        where = f"Baris {self.row}" + (f", kolom {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class RosterRecord:
    """One valid row, its values ready to store."""

    row: int
    info: NipInfo
    name: str
    status: EmploymentStatus
    grade_code: str | None
    position: str
    position_kind: PositionKind
    opd_name: str
    unit_path: tuple[str, ...]
    assessor_nip: str | None
    email: str | None
    job_class: int | None = None

    @property
    def nip(self) -> str:
        return self.info.nip

    @property
    def unit_label(self) -> str:
        return " / ".join((self.opd_name,) + self.unit_path)


@dataclass(frozen=True)
class FieldChange:
    field: str  # Employee attribute (or "unit", "assessor", "external_assessor")
    label: str  # Indonesian column name
    old: str
    new: str


@dataclass
class PlannedChange:
    """An existing pegawai the file updates (or reactivates)."""

    row: int
    nip: str
    name: str
    changes: list[FieldChange]


@dataclass
class PersonLine:
    """A pegawai in a preview list: to create, or missing from the file."""

    row: int | None
    nip: str
    name: str
    position: str
    unit_label: str


@dataclass
class ImportPlan:
    filename: str
    total_rows: int
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    creates: list[PersonLine] = field(default_factory=list)
    updates: list[PlannedChange] = field(default_factory=list)
    reactivations: list[PlannedChange] = field(default_factory=list)
    unchanged: int = 0
    new_opds: list[str] = field(default_factory=list)
    new_units: list[str] = field(default_factory=list)  # "Dinas X / Bidang Y / Seksi Z"
    missing: list[PersonLine] = field(default_factory=list)  # deactivation candidates
    # What the writer needs (records, loaded objects); not part of the report.
    work: Any = field(default=None, repr=False, compare=False)

    @property
    def valid(self) -> bool:
        return not self.errors

    @property
    def row_errors(self) -> list[RowError]:
        return sorted((e for e in self.errors if e.row is not None), key=lambda e: e.row)

    @property
    def error_rows(self) -> int:
        return len({e.row for e in self.errors if e.row is not None})

    def fingerprint(self) -> str:
        """A digest of what the plan would write, to notice that it changed since the preview."""
        content = {
            "creates": [p.nip for p in self.creates],
            "updates": [[c.nip, [[f.field, f.old, f.new] for f in c.changes]] for c in self.updates],
            "reactivations": [[c.nip, [[f.field, f.new] for f in c.changes]] for c in self.reactivations],
            "missing": [p.nip for p in self.missing],
            "units": self.new_opds + self.new_units,
        }
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:32]


@dataclass
class ImportResult:
    filename: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    reactivated: int = 0
    deactivated: int = 0
    new_opds: int = 0
    new_units: int = 0
    accounts_created: int = 0

    def counts(self) -> dict[str, int | str]:
        return {
            "berkas": self.filename,
            "dibuat": self.created,
            "diubah": self.updated,
            "tidak_berubah": self.unchanged,
            "diaktifkan_kembali": self.reactivated,
            "dinonaktifkan": self.deactivated,
            "perangkat_daerah_baru": self.new_opds,
            "unit_baru": self.new_units,
            "akun_baru": self.accounts_created,
        }
