"""The values of the metrics per appraisal period: a file (.xlsx/.csv: Kode metrik, Tahun, Periode,
Nilai) of the pengelola kinerja, or a JSON push of the source system with its token — the rows
checked whole, recorded whole or not at all, each problem named by row and column; a value sent
again unchanged changes nothing; every change is logged with its source (and audited per file or
push)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import contains_eager, joinedload

from app.domain.numbers import parse_decimal
from app.extensions import db
from app.models import ApiToken, AppraisalYear, Metric, MetricChange, MetricValue, Period, User
from app.models.base import utcnow
from app.security import can_admin_opd
from app.services import ServiceError
from app.services.assessments import sources
from app.services.assessments.rows import refresh_capaian
from app.services.audit import record
from app.services.daily.absences import fold
from app.services.roster.reader import RosterFileError, cell_text, read_table

HEADERS = {"kodemetrik": "code", "kode": "code", "metrik": "code", "tahun": "year", "periode": "period",
           "nilai": "value", "realisasi": "value"}
TEMPLATE_HEADERS = ["Kode metrik", "Tahun", "Periode", "Nilai"]
MAX_VALUE = Decimal(10) ** 12
MAX_ROWS = 5000


@dataclass
class Row:
    number: int
    metric: Metric
    period: Period
    value: Decimal


@dataclass
class Check:
    source: str  # the file's name, or "API <token>"
    rows: list[Row] = field(default_factory=list)
    errors: list[tuple[int | None, str | None, str]] = field(default_factory=list)  # (row, column, problem)

    @property
    def valid(self) -> bool:
        return not self.errors and bool(self.rows)

    @property
    def filename(self) -> str:  # the row report's heading (admin/_import_report.html)
        return self.source


def counts(metric_ids: list[int]) -> dict[int, tuple[int, object]]:
    """metric → (values kept, when one last changed), in one query."""
    return {metric_id: (number, last) for metric_id, number, last in db.session.execute(
        select(MetricValue.metric_id, func.count(MetricValue.id), func.max(MetricValue.updated_at))
        .where(MetricValue.metric_id.in_(metric_ids or [-1])).group_by(MetricValue.metric_id))}


def _number(raw) -> Decimal | None:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        return Decimal(str(raw))
    try:
        return parse_decimal(cell_text(raw))
    except (ValueError, InvalidOperation):
        return None


def check_rows(rows: list[tuple[int, dict]], check: Check, *, actor: User | None = None,
               token: ApiToken | None = None) -> Check:
    """Each row {"code", "year", "period", "value"}: the metric known and the sender's (the actor
    manages its OPD; the token is its source), the year's period by number or name, a number of 0 or
    more. Three queries whatever the number of rows."""
    codes = {str(r.get("code") or "").strip().upper() for _, r in rows}
    metrics = {m.code: m for m in db.session.scalars(select(Metric).where(func.upper(Metric.code).in_(codes or {""})))}
    years = {}
    for year_text in {cell_text(r.get("year")) for _, r in rows}:
        if year_text.isdigit() and 2000 <= int(year_text) <= 2100:
            years[int(year_text)] = None
    for year in db.session.scalars(select(AppraisalYear).where(AppraisalYear.year.in_(list(years) or [-1]))):
        years[year.year] = {**{str(p.number): p for p in year.periods}, **{fold(p.label): p for p in year.periods},
                            **{fold(p.title): p for p in year.periods}}
    seen: dict[tuple[int, int], int] = {}
    for number, raw in rows:
        before = len(check.errors)
        code = str(raw.get("code") or "").strip().upper()
        metric = metrics.get(code)
        if metric is None:
            check.errors.append((number, "Kode metrik", f"Metrik '{code[:40]}' tidak dikenal." if code
                                 else "Isi kode metrik."))
        elif token is not None and metric.source_token_id != token.id:
            check.errors.append((number, "Kode metrik", f"Token ini tidak boleh mengirim metrik {code}."))
        elif actor is not None and not can_admin_opd(actor, metric.opd_id):
            check.errors.append((number, "Kode metrik", f"Metrik {code} milik perangkat daerah yang tidak Anda kelola."))
        elif not metric.active:
            check.errors.append((number, "Kode metrik", f"Metrik {code} tidak aktif."))
        year_text = cell_text(raw.get("year"))
        periods = years.get(int(year_text)) if year_text.isdigit() else None
        period = None
        if not year_text.isdigit() or int(year_text) not in years:
            check.errors.append((number, "Tahun", "Tulis tahun penilaian, mis. 2026."))
        elif periods is None:
            check.errors.append((number, "Tahun", f"Tahun penilaian {year_text} belum dibuka."))
        else:
            wanted = cell_text(raw.get("period"))
            period = periods.get(wanted) or periods.get(fold(wanted))
            if period is None:
                check.errors.append((number, "Periode", f"Periode '{wanted[:30]}' tidak ada pada tahun {year_text}; "
                                                       "tulis nomornya (1, 2, …) atau namanya (Triwulan III)."))
        value = _number(raw.get("value"))
        if value is None or not value.is_finite() or value < 0 or value >= MAX_VALUE:
            check.errors.append((number, "Nilai", "Tulis angka 0 atau lebih, mis. 4,5 atau 1.250."))
        if len(check.errors) == before:
            key = (metric.id, period.id)
            if key in seen:
                check.errors.append((number, "Periode", f"Metrik dan periode ini sudah ada di baris {seen[key]}."))
            else:
                seen[key] = number
                check.rows.append(Row(number, metric, period, value))
    if not check.rows and not check.errors:
        check.errors.append((None, None, "Tidak ada baris data."))
    return check


def check_file(actor: User, data: bytes, filename: str, *, max_bytes: int) -> Check:
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
    if set(columns) != {"code", "year", "period", "value"}:
        check.errors.append((header_number, None, "Kolom wajib: " + ", ".join(TEMPLATE_HEADERS) + "."))
        return check
    body = [(number, {key: values[i] if i < len(values) else None for key, i in columns.items()})
            for number, values in table[1:] if any(cell_text(v) for v in values)]
    if len(body) > MAX_ROWS:
        check.errors.append((None, None, f"Paling banyak {MAX_ROWS:,} baris sekali impor.".replace(",", ".")))
        return check
    return check_rows(body, check, actor=actor)


def apply(check: Check, *, actor: User | None = None, token: ApiToken | None = None) -> tuple[int, int, int]:
    """Record a valid check whole: (new, changed, unchanged)."""
    if not check.valid:
        raise ServiceError("Masih ada kesalahan; tidak ada yang dicatat.")
    source = "API" if token is not None else "BERKAS"
    keys = [(row.metric.id, row.period.id) for row in check.rows]
    existing = {(v.metric_id, v.period_id): v for v in db.session.scalars(
        select(MetricValue).where(tuple_(MetricValue.metric_id, MetricValue.period_id).in_(keys)))} if keys else {}
    now = utcnow()
    new = changed = same = 0
    for row in check.rows:
        current = existing.get((row.metric.id, row.period.id))
        if current is not None and current.value == row.value:
            same += 1
            continue
        db.session.add(MetricChange(metric_id=row.metric.id, period_id=row.period.id,
                                    before=current.value if current else None, after=row.value, source=source,
                                    source_detail=check.source[:200], user_id=actor.id if actor else None,
                                    token_id=token.id if token else None, at=now))
        if current is None:
            db.session.add(MetricValue(metric_id=row.metric.id, period_id=row.period.id, value=row.value,
                                       source=source, source_detail=check.source[:200],
                                       updated_by_id=actor.id if actor else None, updated_at=now))
            new += 1
        else:
            current.value, current.source, current.source_detail = row.value, source, check.source[:200]
            current.updated_by_id, current.updated_at = (actor.id if actor else None), now
            changed += 1
    db.session.flush()
    # A late correction reaches the assessments not yet approved at once, and says so there.
    touched: dict[int, set[int]] = {}
    for row in check.rows:
        touched.setdefault(row.metric.id, set()).add(row.period.id)
    for metric_id, period_ids in touched.items():
        for assessment in sources.linked_assessments(metric_id, period_ids):
            if sources.sync(assessment, actor):
                refresh_capaian(assessment)
    db.session.flush()
    opds = sorted({row.metric.opd_id for row in check.rows})
    record(actor, "metrik.nilai_dicatat", None, object_type="metric", opd_id=opds[0] if len(opds) == 1 else None,
           summary=f"Nilai metrik dari {check.source}: {new} baru, {changed} diubah, {same} sama",
           after={"source": check.source, "new": new, "changed": changed, "unchanged": same,
                  "metrics": sorted({row.metric.code for row in check.rows})})
    return new, changed, same


def values_of(metric: Metric) -> list[MetricValue]:
    """The metric's values, latest period first, each with its period and year (one query)."""
    return list(db.session.scalars(
        select(MetricValue).join(Period, MetricValue.period_id == Period.id)
        .options(contains_eager(MetricValue.period).joinedload(Period.year), joinedload(MetricValue.updated_by))
        .where(MetricValue.metric_id == metric.id).order_by(Period.start_date.desc())))


def changes_of(metric: Metric, limit: int = 50) -> list[MetricChange]:
    """The latest changes of the metric's values, with their periods and senders (one query)."""
    return list(db.session.scalars(
        select(MetricChange).options(joinedload(MetricChange.period).joinedload(Period.year),
                                     joinedload(MetricChange.user))
        .where(MetricChange.metric_id == metric.id)
        .order_by(MetricChange.at.desc(), MetricChange.id.desc()).limit(limit)))
