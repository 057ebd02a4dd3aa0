"""Earlier results from before Capaian (RULES.md §10): a kabupaten that adopts Capaian part-way
through the year imports the period ratings its pegawai already had elsewhere (e-Kinerja, paper),
so that the annual evaluation sees the whole year. One spreadsheet, checked whole: every row is
imported, or none, with a report of each row's problem. Each imported period is an approved
assessment marked as imported (its source), with the predikat from the matrix."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus
from app.domain.nip import NipError, parse_nip
from app.domain.scoring import Predikat, Rating, predikat
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AppraisalYear, Assessment, Employee, Period, Plan, User
from app.models.base import utcnow
from app.security import can_admin_employee
from app.services import ServiceError
from app.services.audit import build_event
from app.services.roster.reader import RosterFileError, cell_nip, cell_text, read_table

HEADERS = {  # folded header → column key
    "nip": "nip", "periode": "period", "ratinghasilkerja": "result", "ratinghasil": "result",
    "ratingperilakukerja": "behavior", "ratingperilaku": "behavior", "sumber": "source", "keterangan": "source",
}
REQUIRED = ("nip", "period", "result", "behavior")
TEMPLATE_HEADERS = ["NIP", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Sumber"]
RATINGS = {"".join(ch for ch in r.label.casefold() if ch.isalnum()): r for r in Rating} | {
    "diatas": Rating.DI_ATAS, "sesuai": Rating.SESUAI, "dibawah": Rating.DI_BAWAH}


@dataclass
class Row:
    row: int
    employee: Employee
    period: Period
    plan: Plan
    result: Rating
    behavior: Rating
    source: str

    @property
    def predikat(self) -> Predikat:
        return predikat(self.result, self.behavior)


@dataclass
class Check:
    """What a file would import, or why not (row, column, message)."""

    filename: str
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int | None, str | None, str]] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.rows)


def _fold(text) -> str:
    return "".join(ch for ch in str(text or "").casefold() if ch.isalnum())


def _period_of(text: str, periods: list[Period]) -> Period | None:
    """"Triwulan I", "TW I", "triwulan 1", "1", "Januari" → the regular period it names."""
    folded = _fold(text).replace("tw", "triwulan").replace("smt", "semester")
    for period in periods:
        label = _fold(period.label)
        roman = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5", "vi": "6"}
        arabic = label
        for name, number in sorted(roman.items(), key=lambda item: -len(item[0])):
            if label.endswith(name) and label[:-len(name)].isalpha():
                arabic = label[:-len(name)] + number
                break
        if folded in (label, arabic, str(period.number)):
            return period
    return None


def check_file(actor: User, year: AppraisalYear, data: bytes, filename: str, *, max_bytes: int) -> Check:
    """Read and check every row against the roster, the year's periods and the approved SKPs.
    A fixed number of queries whatever the number of rows."""
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
    columns = {HEADERS[_fold(cell)]: i for i, cell in enumerate(header) if _fold(cell) in HEADERS}
    missing = [TEMPLATE_HEADERS[REQUIRED.index(k)] for k in REQUIRED if k not in columns]
    if missing:
        check.errors.append((header_number, None, "Kolom wajib tidak ada: " + ", ".join(missing)
                             + ". Gunakan templat: " + ", ".join(TEMPLATE_HEADERS) + "."))
        return check
    body = table[1:]
    if not body:
        check.errors.append((None, None, "Berkas tidak memuat baris data."))
        return check
    periods = [p for p in year.periods if not p.is_final]
    nips = set()
    for _number, values in body:
        try:
            nips.add(parse_nip(cell_nip(_cell(values, columns["nip"]))).nip)
        except NipError:
            pass
    employees = {e.nip: e for e in db.session.scalars(
        select(Employee).where(Employee.nip.in_(nips or {""})).options(selectinload(Employee.unit)))}
    ids = [e.id for e in employees.values()]
    plans = {}
    for plan in db.session.scalars(select(Plan).where(
            Plan.employee_id.in_(ids or [-1]), Plan.year_id == year.id, Plan.status == PlanStatus.APPROVED)
            .order_by(Plan.version)):
        plans[plan.employee_id] = plan
    existing = {(a.employee_id, a.period_id): a for a in db.session.scalars(select(Assessment).where(
        Assessment.employee_id.in_(ids or [-1]), Assessment.period_id.in_([p.id for p in periods] or [-1])))}
    seen: dict[tuple[int, int], int] = {}
    for number, values in body:
        before = len(check.errors)

        def fail(column: str, message: str) -> None:
            check.errors.append((number, column, message))

        raw_nip = cell_nip(_cell(values, columns["nip"]))
        employee = None
        try:
            employee = employees.get(parse_nip(raw_nip).nip)
            if employee is None:
                fail("NIP", f"Tidak ada pegawai dengan NIP {parse_nip(raw_nip).nip}.")
        except NipError as error:
            fail("NIP", str(error))
        if employee is not None and not can_admin_employee(actor, employee):
            fail("NIP", "Pegawai ini berada di luar perangkat daerah yang Anda kelola.")
            employee = None
        period = _period_of(cell_text(_cell(values, columns["period"])), periods)
        if period is None:
            fail("Periode", f"Periode '{cell_text(_cell(values, columns['period']))}' tidak dikenal; tulis salah satu: "
                 + ", ".join(p.label for p in periods) + ".")
        result = RATINGS.get(_fold(_cell(values, columns["result"])))
        behavior = RATINGS.get(_fold(_cell(values, columns["behavior"])))
        for name, rating in (("Rating Hasil Kerja", result), ("Rating Perilaku Kerja", behavior)):
            if rating is None:
                fail(name, "Tulis Di Atas Ekspektasi, Sesuai Ekspektasi, atau Di Bawah Ekspektasi.")
        plan = plans.get(employee.id) if employee is not None else None
        if employee is not None and plan is None:
            fail("NIP", f"{employee.name} belum memiliki SKP {year.year} yang disetujui di Capaian; hasil periode "
                        "dicatat terhadap SKP yang berlaku.")
        if employee is not None and period is not None:
            key = (employee.id, period.id)
            if key in seen:
                fail("Periode", f"{employee.name} {period.label} sudah ada di baris {seen[key]}.")
            seen.setdefault(key, number)
            current = existing.get(key)
            if current is not None:
                fail("Periode", f"{employee.name} sudah memiliki penilaian {period.label} di Capaian "
                                f"({current.status.label}); hasil impor tidak menimpanya.")
        source = " ".join(cell_text(_cell(values, columns["source"])).split())[:200] if "source" in columns else ""
        if len(check.errors) == before:
            check.rows.append(Row(number, employee, period, plan, result, behavior, source))
    return check


def _cell(values: tuple, index: int):
    return values[index] if index < len(values) else None


def import_results(actor: User, year: AppraisalYear, check: Check) -> int:
    """Write every row of a valid check in the current transaction; refuse one with errors."""
    if not check.valid:
        raise ServiceError("Berkas masih memuat galat; tidak ada yang diimpor.")
    now, events = utcnow(), []
    for row in check.rows:
        source = row.source or check.filename
        assessment = Assessment(
            employee=row.employee, period=row.period, plan=row.plan, status=AssessmentStatus.APPROVED,
            submitted_at=now, reviewed_at=now, reviewed_by_id=actor.id, result_rating=row.result,
            behavior_rating=row.behavior, predikat=row.predikat, imported_from=source,
            reviewed_as=f"Hasil impor ({source})")
        db.session.add(assessment)
        db.session.flush()
        events.append(build_event(
            actor, "penilaian.diimpor", assessment, object_type="assessment", opd_id=row.employee.unit.opd_id,
            summary=f"Hasil {row.period.title} {row.employee.name} diimpor dari '{source}': {row.result.label} / "
                    f"{row.behavior.label} → {row.predikat.label}.",
            after={"result_rating": row.result, "behavior_rating": row.behavior, "predikat": row.predikat,
                   "sumber": source}))
    db.session.add_all(events)
    db.session.flush()
    return len(check.rows)
