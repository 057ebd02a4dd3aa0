"""The monthly TPP list of an OPD (RULES.md §11): for every active pegawai, the nominal of their
jabatan, the month's productivity (counted activity minutes against the standard of their working
days), the discipline (100 % less the Perkada's deductions from the presensi) and the amount; read
in a fixed number of queries whatever the size of the OPD. Issuing locks the list as a snapshot; a
correction is a new version with its reason, the earlier one kept and marked superseded."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select, update

from app.domain.daily import ActivityStatus, AttendanceStatus, is_working_day, month_days, working_days_after
from app.domain.enums import AssessmentStatus
from app.domain.nip import MONTHS_ID
from app.domain.scoring import Predikat
from app.domain.tpp import (PresenceDay, Scheme, amount, away_cut, discipline, parse_away, parse_bands,
                            parse_predikat_percents, productivity)
from app.extensions import db
from app.models import (Absence, Activity, Assessment, Attendance, Employee, OrgUnit, Period, TppBasis, TppList,
                        User)
from app.models.base import local_today, utcnow
from app.security import can_admin_opd
from app.services import ConflictError, ServiceError
from app.services.audit import record
from app.services.daily.calendar import holiday_days
from app.services.settings import get_settings


def position_key(position: str | None) -> str:
    return " ".join((position or "").lower().split())


def class_key(job_class: int) -> str:
    """The key of a kelas jabatan's nominal (no jabatan name starts with '#')."""
    return f"#kelas {job_class}"


def basis_of(employee: Employee, bases: dict[str, Decimal]) -> Decimal | None:
    """The nominal of the pegawai's jabatan by name, else of their kelas jabatan."""
    found = bases.get(position_key(employee.position))
    if found is None and employee.job_class:
        found = bases.get(class_key(employee.job_class))
    return found


def scheme() -> Scheme:
    settings = get_settings()
    bands_late, bands_early = parse_bands(settings.tpp_late_bands), parse_bands(settings.tpp_early_bands)
    weight = Decimal(settings.tpp_productivity_weight)
    return Scheme(productivity_weight=weight, discipline_weight=Decimal(100) - weight,
                  absent_percent=Decimal(str(settings.tpp_absent_percent).replace(",", ".")),
                  late_bands=bands_late, early_bands=bands_early, away=parse_away(settings.tpp_away_rules))


@dataclass
class Line:
    employee_id: int
    nip: str
    name: str
    position: str
    basis: Decimal | None
    working_days: int
    standard_minutes: int
    counted_minutes: int
    productivity: Decimal
    discipline: Decimal
    deductions: list[tuple[str, Decimal]]
    amount: Decimal
    missing_presence: int  # working days without a presensi record
    away_percent: Decimal = Decimal(0)  # the cut of the whole amount for days away
    away_cuts: list[tuple[str, Decimal]] = field(default_factory=list)
    measured_by: str = ""  # how productivity was measured, when not by activity minutes


    def as_dict(self) -> dict:
        return {"employee_id": self.employee_id, "nip": self.nip, "name": self.name, "position": self.position,
                "basis": str(self.basis) if self.basis is not None else None, "working_days": self.working_days,
                "standard_minutes": self.standard_minutes, "counted_minutes": self.counted_minutes,
                "productivity": str(self.productivity), "discipline": str(self.discipline),
                "deductions": [[reason, str(percent)] for reason, percent in self.deductions],
                "amount": str(self.amount), "missing_presence": self.missing_presence,
                "away_percent": str(self.away_percent),
                "away_cuts": [[reason, str(percent)] for reason, percent in self.away_cuts],
                "measured_by": self.measured_by}


@dataclass
class MonthList:
    opd: OrgUnit
    year: int
    month: int
    lines: list[Line] = field(default_factory=list)

    @property
    def title(self) -> str:
        return f"{MONTHS_ID[self.month - 1]} {self.year}"

    @property
    def total(self) -> Decimal:
        return sum((line.amount for line in self.lines), Decimal(0))

    @property
    def without_basis(self) -> list[Line]:
        return [line for line in self.lines if line.basis is None]


def latest_predikat(ids: list[int], first: dt.date, last: dt.date) -> dict[int, tuple[str, str]]:
    """employee → (predikat value, period label) of the latest approved period assessment that
    starts by the month's end (the month's own period once reviewed, else the one before) within a
    year back: one query."""
    found: dict[int, tuple[dt.date, str, str]] = {}
    for employee_id, predikat, start, label in db.session.execute(
            select(Assessment.employee_id, Assessment.predikat, Period.start_date, Period.label)
            .join(Period, Assessment.period_id == Period.id)
            .where(Assessment.employee_id.in_(ids), Assessment.status == AssessmentStatus.APPROVED,
                   Assessment.predikat.is_not(None), Period.start_date <= last,
                   Period.end_date >= first - dt.timedelta(days=366))):
        if employee_id not in found or start > found[employee_id][0]:
            found[employee_id] = (start, predikat.value, f"{label} {start.year}")
    return {employee_id: (value, label) for employee_id, (_, value, label) in found.items()}


def compute(opd: OrgUnit, year: int, month: int, today: dt.date | None = None) -> MonthList:
    """The list as the data stands now (six queries; seven when productivity follows the predikat)."""
    today = today or local_today()
    settings = get_settings()
    rules = scheme()
    days = month_days(year, month)
    first, last = days[0], days[-1]
    holidays = holiday_days(first, last + dt.timedelta(days=settings.verify_days * 3 + 14))
    employees = list(db.session.scalars(
        select(Employee).join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(OrgUnit.opd_id == opd.id, Employee.active.is_(True)).order_by(Employee.name, Employee.id)))
    ids = [e.id for e in employees] or [-1]
    bases = {b.key: b.amount for b in db.session.scalars(select(TppBasis))}
    away: dict[int, dict[dt.date, bool]] = defaultdict(dict)  # employee → day → works (dinas luar)
    away_kinds: dict[int, dict[dt.date, str]] = defaultdict(dict)
    for employee_id, day, kind in db.session.execute(select(Absence.employee_id, Absence.day, Absence.kind).where(
            Absence.employee_id.in_(ids), Absence.day.between(first, last))):
        away[employee_id][day] = kind.works
        away_kinds[employee_id][day] = kind.value
    by_predikat = settings.tpp_productivity_source == "PREDIKAT"
    percents = parse_predikat_percents(settings.tpp_predikat_percents) if by_predikat else {}
    predikats = latest_predikat(ids, first, last) if by_predikat else {}
    # Plain rows, not ORM objects: an OPD of 3,000 has 60,000 presensi records a month.
    presence: dict[int, dict[dt.date, PresenceDay]] = defaultdict(dict)
    for employee_id, day, status, late, early in db.session.execute(
            select(Attendance.employee_id, Attendance.day, Attendance.status, Attendance.late_minutes,
                   Attendance.early_minutes).where(Attendance.employee_id.in_(ids), Attendance.day.between(first, last))):
        presence[employee_id][day] = PresenceDay(absent=status == AttendanceStatus.TANPA_KETERANGAN, late=late or 0,
                                                 early=early or 0)
    counted: dict[int, int] = defaultdict(int)
    window_open: dict[dt.date, bool] = {}  # day → its verification window is still open today
    for employee_id, day, status, minutes in db.session.execute(
            select(Activity.employee_id, Activity.day, Activity.status, func.sum(Activity.minutes))
            .where(Activity.employee_id.in_(ids), Activity.day.between(first, last),
                   Activity.status.in_((ActivityStatus.DITERIMA, ActivityStatus.MENUNGGU)))
            .group_by(Activity.employee_id, Activity.day, Activity.status)):
        if status == ActivityStatus.MENUNGGU:
            if day not in window_open:
                window_open[day] = today <= working_days_after(day, settings.verify_days, holidays)
            if window_open[day] or not settings.unverified_accepted:
                continue
        counted[employee_id] += int(minutes or 0)
    result = MonthList(opd, year, month)
    calendar_days = [d for d in days if is_working_day(d, holidays)]
    calendar_set = set(calendar_days)
    for employee in employees:
        working = [d for d in calendar_days if away[employee.id].get(d, True)]
        standard = len(working) * settings.day_minutes
        prod, measured_by = productivity(counted[employee.id], standard), ""
        if by_predikat and employee.id in predikats:
            value, label = predikats[employee.id]
            prod, measured_by = percents[value], f"predikat {Predikat(value).label} ({label})"
        kinds: dict[str, int] = defaultdict(int)
        for day, kind in away_kinds[employee.id].items():
            if day in calendar_set and not away[employee.id][day]:
                kinds[kind] += 1
        cut = away_cut(kinds, len(calendar_days), rules)
        records = presence[employee.id]
        checked = [r for d in working if (r := records.get(d)) is not None and d not in away[employee.id]]
        disc = discipline(checked, rules)
        basis = basis_of(employee, bases)
        result.lines.append(Line(
            employee.id, employee.nip, employee.name, employee.position, basis, len(working), standard,
            counted[employee.id], prod, disc.percent, disc.deductions,
            amount(basis, prod, disc.percent, rules, cut.percent) if basis is not None else Decimal(0),
            sum(1 for d in working if d not in records and d <= today), cut.percent, cut.deductions, measured_by))
    return result


def current(opd: OrgUnit, year: int, month: int) -> TppList | None:
    return db.session.scalar(select(TppList).where(TppList.opd_id == opd.id, TppList.year == year,
                                                   TppList.month == month, TppList.superseded_at.is_(None))
                             .order_by(TppList.version.desc()).limit(1))


def versions(opd: OrgUnit, year: int, month: int) -> list[TppList]:
    return list(db.session.scalars(select(TppList).where(TppList.opd_id == opd.id, TppList.year == year,
                                                         TppList.month == month).order_by(TppList.version.desc())))


def issue(actor: User, opd: OrgUnit, year: int, month: int, reason: str = "", *,
          expected_version: int | None = None) -> TppList:
    """Lock the month's list as it computes now. The first version needs no reason; a correction
    does, and supersedes the version the page showed (`expected_version`)."""
    if not can_admin_opd(actor, opd.id):
        raise ServiceError("Anda tidak mengelola perangkat daerah ini.")
    if (year, month) > (local_today().year, local_today().month):
        raise ServiceError("Daftar TPP bulan yang belum tiba tidak dapat diterbitkan.")
    before = current(opd, year, month)
    reason = (reason or "").strip()
    if before is not None and not reason:
        raise ServiceError("Tuliskan alasan koreksi daftar yang sudah diterbitkan.", field="reason")
    if len(reason) > 2000:
        raise ServiceError("Alasan paling banyak 2.000 karakter.", field="reason")
    if (before.version if before else 0) != (expected_version or 0):
        raise ConflictError("Daftar TPP bulan ini baru saja diterbitkan atau dikoreksi orang lain; muat ulang halaman.")
    computed = compute(opd, year, month)
    if not computed.lines:
        raise ServiceError("Perangkat daerah ini tidak memiliki pegawai aktif.")
    if computed.without_basis:
        names = ", ".join(sorted({line.position for line in computed.without_basis})[:5])
        raise ServiceError(f"{len(computed.without_basis)} pegawai belum memiliki nilai TPP jabatan ({names}"
                           f"{'…' if len(computed.without_basis) > 5 else ''}); lengkapi di Pengaturan TPP.")
    now = utcnow()
    if before is not None:
        done = db.session.execute(update(TppList).where(TppList.id == before.id, TppList.superseded_at.is_(None))
                                  .values(superseded_at=now).execution_options(synchronize_session=False))
        if done.rowcount != 1:
            raise ConflictError("Daftar TPP bulan ini baru saja dikoreksi orang lain; muat ulang halaman.")
    rules = scheme()
    from app.services.documents.data_recap import opd_head

    head = opd_head(opd)
    from app.services.documents.issue import new_code

    issued = TppList(opd_id=opd.id, year=year, month=month, version=(before.version + 1) if before else 1,
                     code=new_code(),
                     snapshot={"lines": [line.as_dict() for line in computed.lines], "opd": opd.name,
                               "region": get_settings().region_name, "place": get_settings().document_place,
                               "head": {"name": head.name, "nip": head.nip, "position": head.position}
                               if head is not None else None,
                               "scheme": {"productivity_weight": str(rules.productivity_weight),
                                          "productivity_source": get_settings().tpp_productivity_source,
                                          "predikat_percents": get_settings().tpp_predikat_percents,
                                          "away_rules": get_settings().tpp_away_rules,
                                          "discipline_weight": str(rules.discipline_weight),
                                          "absent_percent": str(rules.absent_percent),
                                          "late_bands": get_settings().tpp_late_bands,
                                          "early_bands": get_settings().tpp_early_bands},
                               "day_minutes": get_settings().day_minutes},
                     total=computed.total, reason=reason or None, issued_by_id=actor.id, issued_at=now)
    db.session.add(issued)
    db.session.flush()
    record(actor, "tpp.diterbitkan" if before is None else "tpp.dikoreksi", issued, opd_id=opd.id,
           summary=f"Daftar TPP {opd.name} {computed.title} versi {issued.version} diterbitkan"
                   + (f": {reason[:200]}" if reason else ""),
           after={"version": issued.version, "total": str(computed.total), "pegawai": len(computed.lines),
                  "reason": reason or None})
    return issued


def pdf_html(issued: TppList, base: str | None = None) -> str:
    from flask import render_template

    from app.formatting import tanggal
    from app.services.documents.issue import verify_url
    from app.services.documents.pdf import qr_data_uri

    url = verify_url(issued.code, base) if issued.code else None
    return render_template("tpp/list_pdf.html", issued=issued, snap=issued.snapshot,
                           month_name=f"{MONTHS_ID[issued.month - 1]} {issued.year}",
                           issued_on=tanggal(issued.issued_at), lines=issued.snapshot["lines"],
                           verify_url=url, qr=qr_data_uri(url) if url else None)


def stored_pdf(issued: TppList) -> bytes | None:
    """The issued list's PDF as it was made, or None while it is being made."""
    from app.services.documents import store

    if not issued.stored_name:
        return None
    with open(store.path_for(issued.stored_name), "rb") as handle:
        return handle.read()


def make_pdf(list_id: int, base: str = "") -> None:
    """The job (services/jobs.JOBS["tpp_pdf"], queued when a list is issued) that makes its PDF to
    sign: the kop, every pegawai's line, the total, the place and date of issue, the Kepala Perangkat
    Daerah's signature block (as recorded when it was issued) and the verification code with its QR;
    signed (PAdES) when a certificate is configured, stored, and served the same every time after
    (the verification page compares an uploaded copy with its hash). An OPD of 3,000 pegawai is a
    PDF of some 150 pages, half a minute of rendering: never in a request, and no transaction is
    open while it renders."""
    import hashlib

    from flask import current_app

    from app.services import files
    from app.services.documents import render_pool, signing, store

    issued = db.session.get(TppList, list_id)
    if issued is None or issued.stored_name:
        db.session.rollback()
        return
    html = pdf_html(issued, base or None)
    reason = f"Daftar TPP {issued.snapshot.get('opd', '')} {MONTHS_ID[issued.month - 1]} {issued.year}"
    place = issued.snapshot.get("place") or ""
    db.session.rollback()  # the read ends here: nothing is locked while the PDF renders
    try:
        data = render_pool.render_page(html)
        signed = signing.signing_configured()
        if signed:
            data = signing.sign_pdf(data, reason=reason, location=place).data
    except Exception:
        current_app.logger.exception("PDF daftar TPP %s tidak dapat dibuat", list_id)
        return
    stored_name = files.new_name(".pdf")
    done = db.session.execute(update(TppList).where(TppList.id == list_id, TppList.stored_name.is_(None))
                              .values(stored_name=stored_name, sha256=hashlib.sha256(data).hexdigest(), signed=signed)
                              .execution_options(synchronize_session=False))
    if done.rowcount != 1:  # made by another run at the same moment: that one stays
        db.session.rollback()
        return
    files.write(db.session, store.path_for(stored_name), data)
    db.session.commit()


def xlsx(issued: TppList) -> bytes:
    """The issued list for the treasurer (BPKAD) as a workbook: one row per pegawai and the total."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = f"TPP {issued.month:02d}-{issued.year}"
    sheet.append([f"Daftar TPP {issued.snapshot.get('opd', '')} {MONTHS_ID[issued.month - 1]} {issued.year}, "
                  f"versi {issued.version}"])
    sheet["A1"].font = Font(bold=True)
    header = ["No", "NIP", "Nama", "Jabatan", "Nilai TPP jabatan", "Hari kerja", "Produktivitas (%)",
              "Disiplin (%)", "Potongan", "Jumlah TPP"]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for number, line in enumerate(issued.snapshot["lines"], 1):
        sheet.append([number, line["nip"], line["name"], line["position"], Decimal(line["basis"] or 0),
                      line["working_days"], Decimal(line["productivity"]), Decimal(line["discipline"]),
                      "; ".join(f"{reason} ({percent} %)" for reason, percent in line["deductions"]) or "-",
                      Decimal(line["amount"])])
        sheet.cell(row=sheet.max_row, column=2).number_format = "@"
    sheet.append(["", "", "Jumlah", "", "", "", "", "", "", Decimal(issued.total)])
    for column, width in zip("ABCDEFGHIJ", (5, 21, 30, 34, 16, 10, 14, 12, 40, 16)):
        sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
