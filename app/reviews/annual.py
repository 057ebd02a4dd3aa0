"""Evaluasi tahunan ("Akhir"): the Pejabat Penilai's table of the team for a year — capaian,
periodic predikat, the two annual ratings, the predikat — under the OPD's predikat organisasi and
the live curve check with its chart; one POST saves every row (or none), Serahkan hands results
over to the pegawai. The keberatan, result and follow-up pages live in the modules imported below."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from flask import abort, flash, g, redirect, render_template, request, url_for
from flask_babel import get_timezone
from flask_login import current_user

from app.domain.enums import EvaluationStatus
from app.domain.periods import short_label
from app.domain.scoring import PREDIKAT_MATRIX
from app.formatting import tanggal
from app.models import AnnualEvaluation
from app.models.base import local_today
from app.reviews.annual_forms import annual_form_class, initial_data
from app.reviews.annual_loaders import reviewed_employee_or_404
from app.reviews.annual_save import editable, refresh_after_conflict, save_rows
from app.reviews.blueprint import bp
from app.security import records_external_approval
from app.services import ConflictError, FieldErrors, ServiceError
from app.services import charts
from app.services.org.head_assessed import count_head_assessed, head_assessed_query
from app.services.reviews import annual as svc
from app.services.settings import get_settings
from app.services.years import all_years, current_year
from app.web import commit, menu_has_team, year_or_404

CONFLICT = (
    "Hasil tahunan sebagian pegawai telah disimpan dari tab atau perangkat lain sejak halaman ini dibuka, jadi "
    "isian Anda belum disimpan. Isian Anda masih ada di bawah; nilai yang tersimpan ditampilkan di baris "
    "pegawai itu. Periksa, lalu tekan Simpan sekali lagi."
)


@dataclass
class RowView:
    """One pegawai of the table as the template shows it."""

    row: svc.TeamRow
    editable: bool
    objection_days: int
    theirs: str | None = None  # after a conflict: what the other tab saved

    @property
    def evaluation(self) -> AnnualEvaluation | None:
        return self.row.evaluation

    @property
    def handed_over(self) -> bool:
        return self.evaluation is not None and self.evaluation.status == EvaluationStatus.HANDED_OVER

    @property
    def deadline(self) -> dt.date | None:
        return deadline_of(self.evaluation, self.objection_days) if self.handed_over else None


def deadline_of(evaluation: AnnualEvaluation, days: int) -> dt.date | None:
    """svc.objection_deadline with the setting read once per page rather than once per row."""
    if evaluation.handed_over_at is None:
        return None
    return evaluation.handed_over_at.astimezone(get_timezone()).date() + dt.timedelta(days=days)


@bp.app_context_processor
def annual_navigation():
    """"Evaluasi tahunan" in the menu: for whoever has a team (`app.web.menu_has_team`)."""
    return {"annual_has_team": menu_has_team}


def _render(year, team, form, *, theirs=None, status: int = 200, for_head: bool = False):
    svc.load_follow_ups(team.rows)
    curve = team.curve
    org_predikat = curve.org_result.predikat if curve.org_result is not None else None
    rows = charts.curve_rows(org_predikat, curve.counts)
    title = f"Sebaran predikat tim {year.year}" + (f" terhadap kurva predikat organisasi {org_predikat.label}"
                                                   if org_predikat else "")
    chart = charts.curve_chart(rows, title=title, chart_id="kurva-tim")
    days = get_settings().objection_days
    views = [RowView(r, editable(r), days, (theirs or {}).get(r.employee.id)) for r in team.rows]
    matrix = {f"{a.value}|{b.value}": p for (a, b), p in PREDIKAT_MATRIX.items()}
    matrix_js = {key: [p.label, p.value.lower().replace("_", "-")] for key, p in matrix.items()}
    return render_template(
        "reviews/annual_table.html", year=year, years=all_years(), team=team, curve=curve, views=views,
        form=form, chart=chart, curve_rows=rows, org_predikat=org_predikat, matrix=matrix, matrix_js=matrix_js,
        ready=[v for v in views if v.editable and v.evaluation is not None and v.evaluation.predikat is not None],
        small_team=svc.SMALL_UNIT, short_label=short_label, **_table_names(for_head),
    ), status


def _table_names(for_head: bool) -> dict:
    """The title and addresses of the team's table, or of the kepala daerah's officials' table."""
    return {
        "for_head": for_head,
        "table_title": "Evaluasi tahunan pejabat yang dinilai kepala daerah" if for_head else "Evaluasi tahunan tim",
        "table_endpoint": "reviews.annual_head_year" if for_head else "reviews.annual_year",
        "head_officials": 0 if for_head else head_officials_count(),
    }


def head_officials_count() -> int:
    """How many officials the kepala daerah assesses in my OPDs (asked once per request)."""
    if "head_officials" not in g:
        g.head_officials = count_head_assessed(current_user)
    return g.head_officials


def _blank_form(team):
    rows = [r for r in team.rows if editable(r)]
    data = {}
    for row in rows:
        data.update(initial_data(row))
    return annual_form_class(rows)(formdata=None, data=data)


class RowErrors(FieldErrors):
    """The rows' own refusals, shown at their fields (raised so that `commit` rolls them back)."""


def _submit(year, handover: list[int] | None | str = None, *, for_head: bool = False):
    """Save every row, then (when asked) hand over: one transaction; any refusal writes nothing."""
    team = svc.annual_team(current_user, year, for_head=for_head)
    form = annual_form_class([r for r in team.rows if editable(r)])()
    if not form.validate_on_submit():
        return _render(year, team, form, for_head=for_head)

    def save() -> list:
        errors = save_rows(year, team, form)
        if not errors and handover is not None:
            fresh = svc.annual_team(current_user, year, for_head=for_head)
            ids = handover if handover != "all" else [
                r.employee.id for r in fresh.rows
                if r.evaluation is not None and r.evaluation.predikat is not None
                and r.evaluation.status == EvaluationStatus.DRAFT]
            if not ids:
                errors.append((None, "Belum ada hasil yang dapat diserahkan: tetapkan kedua rating lebih dahulu."))
            else:
                return svc.hand_over(current_user, year, ids, for_head=for_head)
        if errors:
            raise RowErrors(errors)
        return []

    try:
        handed = commit(save, conflict=CONFLICT)
    except ConflictError:
        fresh = svc.annual_team(current_user, year, for_head=for_head)
        form.form_errors.append(CONFLICT)
        return _render(year, fresh, form, theirs=refresh_after_conflict(fresh, form), status=409, for_head=for_head)
    except RowErrors as refusal:
        for name, message in refusal.errors:
            field = form._fields.get(name) if name else None
            (field.errors if field is not None else form.form_errors).append(message)
        form.form_errors.insert(0, "Belum ada yang disimpan: perbaiki isian yang ditandai, lalu kirim kembali.")
        return _render(year, svc.annual_team(current_user, year, for_head=for_head), form, for_head=for_head)
    except ServiceError as error:  # the curve blocks the hand-over, or a row is not complete
        form.form_errors.append(error.message + " Belum ada yang disimpan atau diserahkan.")
        return _render(year, svc.annual_team(current_user, year, for_head=for_head), form, for_head=for_head)
    if handed:
        flash(f"Hasil tahunan {len(handed)} pegawai diserahkan pada {tanggal(local_today())}; masa keberatan dimulai.",
              "success")
    elif handover is None:
        flash("Rating tahunan disimpan.", "success")
    else:
        flash("Rating tahunan disimpan; hasil itu sudah diserahkan sebelumnya.", "info")
    return redirect(url_for("reviews.annual_head_year" if for_head else "reviews.annual_year", year=year.year))


@bp.route("/tahunan")
def annual():
    """My team's annual evaluation for the current year."""
    year = current_year()
    if year is None:
        return render_template("reviews/annual_table.html", year=None, years=[], views=[], **_table_names(False))
    return redirect(url_for("reviews.annual_year", year=year.year))


@bp.route("/tahunan/<int:year>", methods=["GET", "POST"])
def annual_year(year: int):
    """The annual table of one year; POST saves the ratings of every row (all or nothing)."""
    appraisal_year = year_or_404(year)
    if request.method == "POST":
        return _submit(appraisal_year)
    team = svc.annual_team(current_user, appraisal_year)
    return _render(appraisal_year, team, _blank_form(team))


@bp.route("/tahunan/<int:year>/serahkan", methods=["POST"])
def hand_over_all(year: int):
    """Simpan, then Serahkan semua: every rated result still in draft goes to its pegawai."""
    return _submit(year_or_404(year), handover="all")


@bp.route("/tahunan/<int:year>/<int:employee_id>/serahkan", methods=["POST"])
def hand_over_one(year: int, employee_id: int):
    """Simpan, then Serahkan one pegawai's result."""
    employee = reviewed_employee_or_404(employee_id)
    return _submit(year_or_404(year), handover=[employee.id],
                   for_head=records_external_approval(current_user, employee))


@bp.route("/tahunan/<int:year>/kepala-daerah", methods=["GET", "POST"])
def annual_head_year(year: int):
    """For the pengelola kinerja: the annual table of the officials the kepala daerah assesses,
    rated and handed over on the kepala daerah's behalf; POST saves every row (all or nothing)."""
    appraisal_year = year_or_404(year)
    if head_assessed_query(current_user) is None:
        abort(404)
    if request.method == "POST":
        return _submit(appraisal_year, for_head=True)
    team = svc.annual_team(current_user, appraisal_year, for_head=True)
    return _render(appraisal_year, team, _blank_form(team), for_head=True)


@bp.route("/tahunan/<int:year>/kepala-daerah/serahkan", methods=["POST"])
def hand_over_head_all(year: int):
    """Simpan, then Serahkan every complete result of the kepala daerah's officials."""
    if head_assessed_query(current_user) is None:
        abort(404)
    return _submit(year_or_404(year), handover="all", for_head=True)
