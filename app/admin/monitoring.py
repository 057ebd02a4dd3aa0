"""Pemantauan, rekap predikat and the follow-up lists for the pengelola kinerja (RULES.md §5, §8):
only the OPDs they manage (all for a superadmin; another OPD is a 404). Every page is a GET and
has its .xlsx with the same numbers."""
from __future__ import annotations

import io
import re

from flask import abort, current_app, render_template, request, send_file
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.monitoring_forms import (
    FollowUpFilterForm, PegawaiFilterForm, PeriodFilterForm, YearFilterForm, fill,
)
from app.admin.org_targets import opd_or_404
from app.domain.scoring import Predikat
from app.extensions import db
from app.models import AppraisalYear, Period
from app.models.base import local_today
from app.services.charts import PREDIKAT_FILLS, STATE_FILLS, curve_limits_chart, percent, share_bar
from app.services.monitoring import monitoring as mon
from app.services.monitoring import sheets
from app.services.monitoring import recap
from app.services.org.units import opds_in_scope
from app.services.years import all_years, current_year
from app.web import page_arg, arg_id


def _year() -> tuple[list[AppraisalYear], AppraisalYear | None]:
    """All years and the one asked for (?tahun=2026; default the current one; unknown: 404)."""
    years = all_years()
    wanted = arg_id("tahun")
    if wanted is None:
        return years, current_year()
    year = next((y for y in years if y.year == wanted), None)
    if year is None:
        abort(404)
    return years, year


def _period(year: AppraisalYear | None) -> Period | None:
    """The period asked for (?periode=3), else the latest one past its submission deadline."""
    if year is None:
        return None
    number = arg_id("periode")
    chosen = next((p for p in year.periods if p.number == number), None)
    return chosen or mon.default_period(year, local_today())


def _xlsx(data: bytes, *words):
    """Send a workbook as a download named from `words` ("pemantauan-2026-triwulan-iii.xlsx")."""
    name = "-".join(re.sub(r"[^a-z0-9]+", "-", str(w).lower()).strip("-") for w in words) + ".xlsx"
    return send_file(io.BytesIO(data), mimetype=sheets.XLSX_MIMETYPE, as_attachment=True, download_name=name)


def _state_bar(row: mon.Progress):
    return share_bar([(k, mon.STATES[k][0], row.count(k), STATE_FILLS[k]) for k in mon.PROGRESS_STATES],
                     label=f"Keadaan pegawai {row.name}")


# --- pemantauan -------------------------------------------------------------------------------

@bp.route("/pemantauan")
def monitoring():
    """Per OPD of mine: where the pegawai stand in one period (counts and percentages)."""
    years, year = _year()
    period = _period(year)
    form = fill(PeriodFilterForm(formdata=None), years=years, periods=year.periods if year else [])
    if period is None:
        return render_template("admin/monitoring.html", form=form, period=None)
    form.tahun.data, form.periode.data = year.year, period.number
    sort = request.args.get("urut", "opd") if request.args.get("urut") in mon.SORT_KEYS else "opd"
    descending = request.args.get("arah") == "turun"
    rows = mon.sort_progress(mon.progress_by_opd(opds_in_scope(current_user), period), sort, descending)
    return render_template("admin/monitoring.html", form=form, year=year, period=period, rows=rows,
                           total=mon.kabupaten_total(rows), sort=sort, descending=descending, percent=percent,
                           sort_labels=mon.SORT_LABELS,
                           states=mon.STATES, progress_states=mon.PROGRESS_STATES, state_bar=_state_bar)


@bp.route("/pemantauan/unduh.xlsx")
def monitoring_export():
    """The same table as an .xlsx."""
    _years, year = _year()
    period = _period(year)
    if period is None:
        abort(404)
    rows = mon.progress_by_opd(opds_in_scope(current_user), period)
    data = sheets.monitoring_workbook(rows, mon.kabupaten_total(rows), period)
    return _xlsx(data, "pemantauan", year.year, period.label)


@bp.route("/pemantauan/<int:opd_id>")
def monitoring_opd(opd_id: int):
    """The active pegawai of one OPD of mine and their state in the period (paginated)."""
    opd = opd_or_404(opd_id)
    years, year = _year()
    period = _period(year)
    if period is None:
        abort(404)
    state = request.args.get("status") if request.args.get("status") in mon.FILTERS else None
    form = fill(PegawaiFilterForm(formdata=None), years=years, periods=year.periods, states=mon.FILTERS)
    form.tahun.data, form.periode.data, form.status.data = year.year, period.number, state or ""
    page = db.paginate(mon.pegawai_query(opd.id, period, state), page=page_arg(), per_page=current_app.config["EMPLOYEES_PER_PAGE"],
                       error_out=False, count=True)
    args = {"opd_id": opd.id, "tahun": year.year, "periode": period.number, **({"status": state} if state else {})}
    (progress,) = mon.progress_by_opd([opd], period)
    return render_template(
        "admin/monitoring_opd.html", opd=opd, year=year, period=period, form=form, page=page, args=args,
        rows=mon.pegawai_states(opd.id, period, employees=page.items), progress=progress, state=state,
        filters=mon.FILTERS, percent=percent, states=mon.STATES, progress_states=mon.PROGRESS_STATES,
        state_bar=_state_bar,
    )


@bp.route("/pemantauan/<int:opd_id>/unduh.xlsx")
def monitoring_opd_export(opd_id: int):
    """Every active pegawai of the OPD with their state, as an .xlsx."""
    opd = opd_or_404(opd_id)
    _years, year = _year()
    period = _period(year)
    if period is None:
        abort(404)
    data = sheets.pegawai_workbook(opd, period, mon.pegawai_states(opd.id, period))
    return _xlsx(data, "pemantauan", opd.name, year.year, period.label)


# --- rekap predikat ---------------------------------------------------------------------------

def _predikat_bar(row: recap.OpdRecap):
    return share_bar([(p.value.lower(), p.label, row.counts[p], PREDIKAT_FILLS[p.value]) for p in Predikat],
                     label=f"Sebaran predikat {row.name}")


@bp.route("/rekap")
def recap_index():
    """Per OPD of mine: the annual predikat of its pegawai against the curve of its predikat
    organisasi, and the total."""
    years, year = _year()
    form = fill(YearFilterForm(formdata=None), years=years)
    if year is None:
        return render_template("admin/recap.html", form=form, year=None)
    form.tahun.data = year.year
    rows = recap.predikat_recap(opds_in_scope(current_user), year)
    return render_template("admin/recap.html", form=form, year=year, rows=rows, total=recap.kabupaten_recap(rows),
                           predikat=list(Predikat), percent=percent, predikat_bar=_predikat_bar)


@bp.route("/rekap/<int:opd_id>")
def recap_opd(opd_id: int):
    """One OPD of mine: its curve with the limits as a chart, the pegawai behind the numbers, and
    what the results feed (kenaikan pangkat, angka kredit)."""
    opd = opd_or_404(opd_id)
    years, year = _year()
    if year is None:
        abort(404)
    form = fill(YearFilterForm(formdata=None), years=years)
    form.tahun.data = year.year
    (row,) = recap.predikat_recap([opd], year)
    chart = curve_limits_chart(
        recap.curve_bars(row), chart_id="kurva-opd",
        title=f"Sebaran predikat pegawai {opd.name} {year.year} terhadap kurva",
        description=(f"Predikat organisasi {row.org_predikat.label}." if row.org_predikat
                     else "Predikat organisasi belum ditetapkan: tanpa batas kurva."),
    ) if row.total else None
    return render_template("admin/recap_opd.html", opd=opd, year=year, form=form, row=row, chart=chart,
                           results=recap.results_of([opd.id], year), predikat=list(Predikat),
                           angka_kredit=recap.ANGKA_KREDIT, percent=percent)


@bp.route("/rekap/unduh.xlsx")
def recap_export():
    """The recap, the curve's limits and the lists of RULES.md §8 as an .xlsx."""
    _years, year = _year()
    if year is None:
        abort(404)
    opds = opds_in_scope(current_user)
    rows = recap.predikat_recap(opds, year)
    data = sheets.recap_workbook(year, rows, recap.kabupaten_recap(rows), recap.results_of([o.id for o in opds], year))
    return _xlsx(data, "rekap-predikat", year.year)


# --- follow-up lists --------------------------------------------------------------------------

def _follow_up_scope():
    """The OPDs asked for (?opd=<id> of mine, else all of mine; another OPD: 404)."""
    opds = opds_in_scope(current_user)
    wanted = arg_id("opd")
    if not wanted:
        return opds, opds, None
    chosen = [o for o in opds if o.id == wanted]
    if not chosen:
        abort(404)
    return opds, chosen, chosen[0]


@bp.route("/tindak-lanjut")
def follow_up_lists():
    """The recognition list (Sangat Baik) and the development list (Butuh Perbaikan and below) with
    the programmes recorded, for my OPDs."""
    years, year = _year()
    opds, chosen, opd = _follow_up_scope()
    form = fill(FollowUpFilterForm(formdata=None), years=years, opds=opds)
    if year is None:
        return render_template("admin/follow_up_lists.html", form=form, year=None)
    form.tahun.data, form.opd.data = year.year, opd.id if opd else 0
    return render_template("admin/follow_up_lists.html", form=form, year=year, opd=opd,
                           lists=recap.follow_up_lists(chosen, year), show_opd=opd is None and len(opds) > 1)


@bp.route("/tindak-lanjut/unduh.xlsx")
def follow_up_export():
    """Both lists as an .xlsx."""
    _years, year = _year()
    if year is None:
        abort(404)
    _opds, chosen, opd = _follow_up_scope()
    scope = opd.name if opd else "Semua perangkat daerah yang dikelola"
    data = sheets.follow_up_workbook(year, recap.follow_up_lists(chosen, year), scope)
    return _xlsx(data, "tindak-lanjut", opd.name if opd else "semua", year.year)


@bp.route("/dasbor")
def dashboard():
    """Per OPD of mine: the organisation's capaian and predikat, the IKM of its layanan, the
    appraisal cycle of a period and the year's predikat — printable (for the kepala daerah)."""
    from app.services.dashboard import dashboard as build

    years, year = _year()
    if year is None:
        return render_template("admin/dashboard.html", board=None, form=None)
    period = _period(year)
    form = fill(PeriodFilterForm(formdata=None), years=years, periods=year.periods)
    form.tahun.data, form.periode.data = year.year, period.number if period else None
    board = build(opds_in_scope(current_user), year, period, local_today())
    return render_template("admin/dashboard.html", board=board, form=form, percent=percent,
                           predikats=list(Predikat))
