"""Capaian saya: my IKI over the periods of a year with a chart of the mean capaian of the utama
IKI, and my history across years (the data: `services/assessments/progress`)."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user

from app.assessments.blueprint import bp
from app.domain.periods import short_label
from app.models import AppraisalYear
from app.services import charts
from app.services.assessments.progress import chart, history, year_progress
from app.services.years import all_years, current_year
from app.web import year_or_404


def _render(year: AppraisalYear | None):
    employee = current_user.employee
    progress = year_progress(employee, year) if employee is not None and year is not None else None
    return render_template(
        "assessments/progress.html", year=year, years=all_years(), employee=employee, progress=progress,
        chart=chart(progress) if progress is not None else None, legend=charts.legend(),
        history=history(employee) if employee is not None else [], short_label=short_label)


@bp.route("/capaian")
def progress():
    """Capaian saya: my IKI over the periods of the current year, the chart, my history."""
    return _render(current_year())


@bp.route("/capaian/<int:year>")
def progress_year(year: int):
    """Capaian saya for one appraisal year."""
    return _render(year_or_404(year))
