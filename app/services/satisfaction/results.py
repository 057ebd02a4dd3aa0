"""The results of a layanan's survey for a period: the NRR of each unsur, the IKM, its mutu and
kinerja words, the respondents by profile, the unsur that scored lowest, the saran with their
tindak lanjut — read in a fixed number of queries whatever the number of responses, only what
moderation has not set aside (and always saying how many were) — and the official SKM report as
PDF and XLSX; the QR poster for the counter."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP

from sqlalchemy import case, func, select
from sqlalchemy.orm import joinedload

from app.domain.nip import MONTHS_ID
from app.domain.satisfaction import UNSUR, Index, from_totals, unsur_grade
from app.extensions import db
from app.models import PublicService, SurveyResponse
from app.models.satisfaction import ANSWERS
from app.services.satisfaction.responses import PROFILE

ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class SkmPeriod:
    key: str  # "2026-S1", "2026-T3", "2026"
    label: str
    start: dt.date
    end: dt.date


def periods(kind: str, year: int) -> list[SkmPeriod]:
    if kind == "TRIWULAN":
        return [SkmPeriod(f"{year}-T{n}", f"Triwulan {ROMAN[n - 1]} {year}", dt.date(year, 3 * n - 2, 1),
                          dt.date(year + (n == 4), (3 * n) % 12 + 1, 1) - dt.timedelta(days=1)) for n in range(1, 5)]
    if kind == "SEMESTER":
        return [SkmPeriod(f"{year}-S1", f"Semester I {year}", dt.date(year, 1, 1), dt.date(year, 6, 30)),
                SkmPeriod(f"{year}-S2", f"Semester II {year}", dt.date(year, 7, 1), dt.date(year, 12, 31))]
    return [SkmPeriod(str(year), f"Tahun {year}", dt.date(year, 1, 1), dt.date(year, 12, 31))]


def period_of(kind: str, key: str | None, today: dt.date) -> SkmPeriod | None:
    """The period a key names (None for a key of another kind or out of range); no key: the
    period of today."""
    if not key:
        return next(p for p in periods(kind, today.year) if p.start <= today <= p.end)
    try:
        year = int(key[:4])
    except ValueError:
        return None
    if not 2000 <= year <= 2100:
        return None
    return next((p for p in periods(kind, year) if p.key == key), None)


@dataclass
class Results:
    service: PublicService | None
    period: SkmPeriod
    counted: int
    set_aside: int
    index: Index | None
    profiles: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    suggestions: list[SurveyResponse] = field(default_factory=list)

    @property
    def rows(self) -> list[dict]:
        """One row per unsur for tables and the chart: name, answered, NRR, NRR × 1/9, mutu."""
        out = []
        for i, (_, name, _) in enumerate(UNSUR):
            nrr = self.index.nrr[i] if self.index else None
            out.append({"number": i + 1, "name": name, "answered": self.index.answered[i] if self.index else 0,
                        "nrr": nrr, "weighted": (nrr / 9) if nrr is not None else None,
                        "mutu": unsur_grade(nrr) if nrr is not None else None})
        return out

    @property
    def lowest(self) -> list[dict]:
        return [self.rows[i] for i in self.index.lowest(3)] if self.index else []


def _window(service_ids: list[int], period: SkmPeriod):
    return (SurveyResponse.service_id.in_(service_ids or [-1]), SurveyResponse.day.between(period.start, period.end))


def results(service: PublicService, period: SkmPeriod, *, with_suggestions: bool = True) -> Results:
    """One layanan's results (six queries; seven with the saran)."""
    where = _window([service.id], period)
    counted = SurveyResponse.set_aside_at.is_(None)
    columns = [func.count(SurveyResponse.id), func.count(SurveyResponse.set_aside_at)]
    for q in ANSWERS:
        column = getattr(SurveyResponse, q)
        columns += [func.sum(case((counted, column))), func.count(case((counted, column)))]
    row = db.session.execute(select(*columns).where(*where)).one()
    total, aside = int(row[0] or 0), int(row[1] or 0)
    sums = [int(row[2 + 2 * i] or 0) for i in range(9)]
    counts = [int(row[3 + 2 * i] or 0) for i in range(9)]
    result = Results(service, period, total - aside, aside,
                     from_totals(sums, counts, total - aside) if total - aside else None)
    for key, (_, choices) in PROFILE.items():
        column = getattr(SurveyResponse, key)
        found = dict(db.session.execute(select(column, func.count()).where(*where, counted).group_by(column)).all())
        result.profiles[key] = [(label, found.get(value, 0)) for value, label in choices.items()] + \
            [("Tidak diisi", found.get(None, 0))]
    if with_suggestions:
        result.suggestions = list(db.session.scalars(
            select(SurveyResponse).options(joinedload(SurveyResponse.follow_up_by))
            .where(*where, counted, SurveyResponse.suggestion.is_not(None))
            .order_by(SurveyResponse.submitted_at.desc(), SurveyResponse.id.desc())))
    return result


def summary(services: list[PublicService], period_for) -> dict[int, Results]:
    """Each layanan's results in its own current period (`period_for(service)`), in one query."""
    if not services:
        return {}
    windows = {s.id: period_for(s) for s in services}
    first = min(p.start for p in windows.values())
    last = max(p.end for p in windows.values())
    counted = SurveyResponse.set_aside_at.is_(None)
    columns = [SurveyResponse.service_id, SurveyResponse.day, func.count(SurveyResponse.id),
               func.count(SurveyResponse.set_aside_at)]
    for q in ANSWERS:
        column = getattr(SurveyResponse, q)
        columns += [func.sum(case((counted, column))), func.count(case((counted, column)))]
    acc: dict[int, list[int]] = {s.id: [0] * 20 for s in services}
    for row in db.session.execute(select(*columns).where(
            SurveyResponse.service_id.in_(list(windows)), SurveyResponse.day.between(first, last))
            .group_by(SurveyResponse.service_id, SurveyResponse.day)):
        period = windows[row[0]]
        if not period.start <= row[1] <= period.end:
            continue
        values = acc[row[0]]
        for i, value in enumerate(row[2:]):
            values[i] += int(value or 0)
    out = {}
    for service in services:
        values = acc[service.id]
        n = values[0] - values[1]
        out[service.id] = Results(service, windows[service.id], n, values[1],
                                  from_totals(values[2::2], values[3::2], n) if n else None)
    return out


@dataclass
class UnitResult:
    unit_name: str
    services: int
    counted: int
    set_aside: int
    index: Index | None


def by_unit(services: list[PublicService], year: int) -> list[UnitResult]:
    """Each unit's index over all its layanan for a whole year (every response of the unit counts
    once, whatever layanan it answered): the same query as `summary`."""
    whole = periods("TAHUN", year)[0]
    each = summary(services, lambda s: whole)
    units: dict[int, list] = {}
    for service in services:
        units.setdefault(service.unit_id, []).append(service)
    out = []
    for unit_services in units.values():
        sums, counts, counted, aside = [0] * 9, [0] * 9, 0, 0
        for service in unit_services:
            result = each[service.id]
            counted, aside = counted + result.counted, aside + result.set_aside
            if result.index is None:
                continue
            for i, (nrr, answered) in enumerate(zip(result.index.nrr, result.index.answered)):
                if nrr is not None:
                    sums[i] += int((nrr * answered).to_integral_value(ROUND_HALF_UP))  # the exact sum back
                    counts[i] += answered
        out.append(UnitResult(unit_services[0].unit.name, len(unit_services), counted, aside,
                              from_totals(sums, counts, counted) if counted else None))
    return sorted(out, key=lambda u: u.unit_name.lower())


def responses_page(service: PublicService, period: SkmPeriod, *, only_set_aside: bool, page: int, per_page: int):
    """The responses of the period for moderation, newest first, and how many there are."""
    where = [*_window([service.id], period)]
    if only_set_aside:
        where.append(SurveyResponse.set_aside_at.is_not(None))
    total = db.session.scalar(select(func.count(SurveyResponse.id)).where(*where)) or 0
    rows = list(db.session.scalars(
        select(SurveyResponse).options(joinedload(SurveyResponse.set_aside_by)).where(*where)
        .order_by(SurveyResponse.submitted_at.desc(), SurveyResponse.id.desc())
        .offset((page - 1) * per_page).limit(per_page)))
    return rows, total


# --- the official report and the poster --------------------------------------------------------

def report_pdf(result: Results, *, region: str, place: str, today: dt.date) -> bytes:
    from flask import render_template

    from app.services.charts import nrr_chart
    from app.services.documents import render_pool

    html = render_template("satisfaction/report_pdf.html", r=result, region=region, place=place,
                           today=f"{today.day} {MONTHS_ID[today.month - 1]} {today.year}", unsur=UNSUR,
                           chart=nrr_chart(result.rows, title=f"NRR per unsur, {result.period.label}"))
    return render_pool.render_page(html)


def report_xlsx(result: Results) -> bytes:
    """Two sheets: the recap (the report's tables) and the processed data (each counted response's
    nine answers, the sums, the NRR per unsur, the NRR × 1/9 and the IKM), as the regulation's
    format lays them out."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Rekapitulasi"
    bold = Font(bold=True)
    service = result.service
    sheet.append([f"Survei Kepuasan Masyarakat — {service.name}"])
    sheet["A1"].font = bold
    sheet.append([f"{service.unit.name}, {service.opd.name}" if service.unit_id != service.opd_id else service.opd.name])
    sheet.append([f"Periode: {result.period.label} ({result.period.start:%d-%m-%Y} s.d. {result.period.end:%d-%m-%Y})"])
    sheet.append([f"Responden dihitung: {result.counted}; disisihkan: {result.set_aside}"])
    sheet.append([])
    sheet.append(["No", "Unsur pelayanan", "Jumlah jawaban", "NRR", "NRR tertimbang (× 1/9)", "Mutu"])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    for row in result.rows:
        sheet.append([row["number"], row["name"], row["answered"],
                      float(round(row["nrr"], 4)) if row["nrr"] is not None else None,
                      float(round(row["weighted"], 4)) if row["weighted"] is not None else None, row["mutu"]])
    index = result.index
    sheet.append([])
    sheet.append(["", "IKM", "", float(index.ikm) if index and index.ikm is not None else None, "",
                  f"{index.mutu} ({index.kinerja})" if index and index.mutu else "belum dapat dihitung"])
    sheet[sheet.max_row][1].font = bold
    sheet.append([])
    for key, (label, _) in PROFILE.items():
        sheet.append([label])
        sheet[sheet.max_row][0].font = bold
        for name, count in result.profiles.get(key, []):
            sheet.append(["", name, count])
    for column, width in zip("ABCDEF", (6, 44, 16, 10, 22, 20)):
        sheet.column_dimensions[column].width = width

    data = book.create_sheet("Pengolahan data")
    data.append(["No", "Tanggal", *[f"U{n}" for n in range(1, 10)], "Saluran"])
    for cell in data[1]:
        cell.font = bold
    rows = db.session.execute(
        select(SurveyResponse.day, *[getattr(SurveyResponse, q) for q in ANSWERS], SurveyResponse.channel)
        .where(*_window([service.id], result.period), SurveyResponse.set_aside_at.is_(None))
        .order_by(SurveyResponse.submitted_at, SurveyResponse.id))
    for number, row in enumerate(rows, 1):
        data.append([number, row[0], *row[1:10], "kios" if row[10] == "KIOS" else "web"])
        data.cell(row=data.max_row, column=2).number_format = "DD-MM-YYYY"
    data.append([])
    data.append(["", "Jumlah nilai per unsur", *[int(r["nrr"] * r["answered"]) if r["nrr"] is not None else None
                                                  for r in result.rows]])
    data.append(["", "NRR per unsur", *[float(round(r["nrr"], 4)) if r["nrr"] is not None else None
                                         for r in result.rows]])
    data.append(["", "NRR tertimbang", *[float(round(r["weighted"], 4)) if r["weighted"] is not None else None
                                          for r in result.rows]])
    data.append(["", "IKM", float(index.ikm) if index and index.ikm is not None else None])
    data.column_dimensions["B"].width = 24
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def poster_pdf(service: PublicService, url: str, *, size: str, region: str) -> bytes:
    """A poster for the counter (A4 or A5 portrait): the layanan, the QR of its survey page and the
    address written out, and what the respondent is promised (no name, two minutes)."""
    from flask import render_template

    from app.services.documents import render_pool
    from app.services.documents.pdf import qr_data_uri

    html = render_template("satisfaction/poster_pdf.html", service=service, url=url, qr=qr_data_uri(url),
                           size="A5" if size == "A5" else "A4", region=region)
    return render_pool.render_page(html)
