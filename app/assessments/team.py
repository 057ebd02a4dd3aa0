"""A small overview for the Pejabat Penilai: direct reports (and, for a Plh., the team of the post
stood in for) × the periods of the year, with the state of each assessment. The review itself
comes with the review pages; from here the assessor opens a submission read-only."""
from __future__ import annotations

from collections import Counter

from flask import render_template
from flask_login import current_user

from app.assessments.blueprint import bp
from app.domain.enums import AssessmentStatus
from app.models import AppraisalYear
from app.models.base import local_today
from app.services.assessments.assessments import entry_opens
from app.services.assessments.period_status import current_period
from app.services.assessments.period_status import year_assessments
from app.services.org.team import team_today
from app.services.years import all_years, current_year
from app.web import year_or_404

DONE = (AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)


def _render(year: AppraisalYear | None, missing_year: int | None = None):
    today = local_today()
    members = team_today(current_user, today) if year is not None else []
    cells = year_assessments([m.id for m in members], year) if year is not None else {}
    current = current_period(year, today) if year is not None else None
    counts = Counter()
    if current is not None:
        for member in members:
            a = cells.get((member.id, current.id))
            counts["done" if a and a.status in DONE else a.status.value.lower() if a else "none"] += 1
    opened = {p.id: entry_opens(p) <= today for p in year.periods} if year is not None else {}
    return render_template("assessments/team.html", year=year, years=all_years(), members=members,
                           cells=cells, current=current, counts=counts, opened=opened)


@bp.route("/tim")
def team():
    """My team's assessments of the current year, per period."""
    return _render(current_year())


@bp.route("/tim/<int:year>")
def team_year(year: int):
    """My team's assessments of one year, per period."""
    return _render(year_or_404(year))
