"""A hand-built kabupaten for the pemantauan, rekap and follow-up pages: Dinas Alfa with a pegawai
in every state of Triwulan I, Dinas Beta with two, annual results of both for the curve, their
pengelola kinerja, a superadmin and a plain pegawai; helpers to read tables, workbooks and the
number of queries a request runs."""
from __future__ import annotations

import datetime as dt
import html
import io
import re
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from openpyxl import load_workbook

from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, FollowUpKind, ObjectionStatus, OrgPredikat, PositionKind, Programme,
)
from app.domain.scoring import Predikat, Rating, predikat
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AnnualEvaluation, Assessment, FollowUp, Objection, OrgYearResult, Realization
from app.models.base import utcnow
from tests.queries import count_statements as count_queries  # noqa: F401  (re-exported)

YEAR = 2026
AT = dt.datetime(2026, 4, 8, 3, 0, tzinfo=dt.timezone.utc)
RATINGS = {  # predikat -> (hasil kerja, perilaku kerja) that give it
    Predikat.SANGAT_BAIK: (Rating.DI_ATAS, Rating.DI_ATAS), Predikat.BAIK: (Rating.SESUAI, Rating.SESUAI),
    Predikat.BUTUH_PERBAIKAN: (Rating.DI_BAWAH, Rating.SESUAI), Predikat.KURANG: (Rating.SESUAI, Rating.DI_BAWAH),
    Predikat.SANGAT_KURANG: (Rating.DI_BAWAH, Rating.DI_BAWAH),
}


def assess(employee, period, plan, status: AssessmentStatus, *, late: bool = False, value=None) -> Assessment:
    """An assessment in `status`, valid under the table's constraints."""
    a = Assessment(employee=employee, period=period, plan=plan, status=status, late=late)
    if status != AssessmentStatus.DRAFT:
        a.submitted_at = AT
    if status == AssessmentStatus.RETURNED:
        a.returned_at, a.return_reason = AT, "Lengkapi bukti dukung."
    if status == AssessmentStatus.APPROVED:
        a.result_rating, a.behavior_rating = Rating.SESUAI, Rating.SESUAI
        a.predikat, a.reviewed_at, a.reviewed_as = Predikat.BAIK, AT, "Kepala Bidang"
    a.realizations.append(Realization(indicator_id=plan.results[0].indicators[0].id, value=value))
    db.session.add(a)
    return a


def evaluate(employee, year, plan, value: Predikat, *, handed_over: bool = True) -> AnnualEvaluation:
    result, behavior = RATINGS[value]
    evaluation = AnnualEvaluation(
        employee=employee, year=year, plan=plan, result_rating=result, behavior_rating=behavior,
        predikat=predikat(result, behavior),
        status=EvaluationStatus.HANDED_OVER if handed_over else EvaluationStatus.DRAFT,
        handed_over_at=utcnow() if handed_over else None)
    db.session.add(evaluation)
    return evaluation


@pytest.fixture
def world(factory):
    alfa, beta = factory.opd("Dinas Alfa"), factory.opd("Dinas Beta")
    year = factory.skp.year(YEAR)
    first, second = [p for p in year.periods if not p.is_final][:2]
    head = factory.employee(alfa, name="Kepala Bidang Alfa", position="Kepala Bidang",
                            position_kind=PositionKind.ADMINISTRATOR)
    plans = {"head": factory.skp.plan(head, year, status=PlanStatus.APPROVED)}
    people = {"head": head}
    kinds = {"fungsional": PositionKind.FUNGSIONAL}
    for key in ("no_skp", "none", "empty", "draft", "submitted", "late", "returned", "approved", "inactive",
                "fungsional"):
        people[key] = factory.employee(alfa, assessor=head, name=f"Pegawai {key.title()}",
                                       position_kind=kinds.get(key, PositionKind.PELAKSANA),
                                       active=key != "inactive")
        plans[key] = factory.skp.plan(people[key], year,
                                      status=PlanStatus.DRAFT if key == "no_skp" else PlanStatus.APPROVED)
    S = AssessmentStatus  # noqa: N806
    assessments = {
        "empty": assess(people["empty"], first, plans["empty"], S.DRAFT),
        "draft": assess(people["draft"], first, plans["draft"], S.DRAFT, value=Decimal(2)),
        "submitted": assess(people["submitted"], first, plans["submitted"], S.SUBMITTED, value=Decimal(3)),
        "late": assess(people["late"], first, plans["late"], S.SUBMITTED, late=True, value=Decimal(3)),
        "returned": assess(people["returned"], first, plans["returned"], S.RETURNED, late=True, value=Decimal(1)),
        "approved": assess(people["approved"], first, plans["approved"], S.APPROVED, value=Decimal(3)),
        "inactive": assess(people["inactive"], first, plans["inactive"], S.APPROVED, value=Decimal(3)),
        "other_period": assess(people["none"], second, plans["none"], S.SUBMITTED, value=Decimal(6)),
        "fungsional": assess(people["fungsional"], first, plans["fungsional"], S.APPROVED, value=Decimal(4)),
    }
    beta_staff = [factory.employee(beta, name=f"Staf Beta {n}") for n in (1, 2)]
    beta_plans = [factory.skp.plan(e, year, status=PlanStatus.APPROVED) for e in beta_staff]
    assess(beta_staff[0], first, beta_plans[0], S.SUBMITTED, value=Decimal(3))

    # Annual results. Alfa (predikat organisasi Baik): 1 Sangat Baik, 5 Baik, 0 Butuh Perbaikan → two
    # violations; plus a draft. Beta: no predikat organisasi, one Butuh Perbaikan with a follow-up.
    db.session.add(OrgYearResult(opd_id=alfa.id, year_id=year.id, predikat=OrgPredikat.BAIK,
                                 capaian=Decimal("101.5")))
    evaluations = {
        "fungsional": evaluate(people["fungsional"], year, plans["fungsional"], Predikat.SANGAT_BAIK),
        "beta": evaluate(beta_staff[0], year, beta_plans[0], Predikat.BUTUH_PERBAIKAN),
        "draft": evaluate(people["draft"], year, plans["draft"], Predikat.KURANG, handed_over=False),
    }
    for key in ("head", "submitted", "late", "returned", "approved"):
        evaluations[key] = evaluate(people[key], year, plans[key], Predikat.BAIK)
    evaluations["beta"].follow_ups.append(FollowUp(kind=FollowUpKind.DEVELOPMENT, programme=Programme.MENTORING,
                                                   note="Didampingi kepala seksi setiap bulan."))
    evaluations["fungsional"].objection = Objection(status=ObjectionStatus.FILED, reasons="Alasan keberatan uji.")
    # Last year: the "approved" pegawai had Butuh Perbaikan, so no kenaikan pangkat yet.
    last = factory.skp.year(YEAR - 1)
    evaluate(people["approved"], last, factory.skp.plan(people["approved"], last, status=PlanStatus.APPROVED),
             Predikat.BUTUH_PERBAIKAN)
    db.session.flush()
    return {
        "alfa": alfa, "beta": beta, "year": year, "first": first, "second": second, "people": people,
        "assessments": assessments, "evaluations": evaluations, "beta_staff": beta_staff,
        "admin_alfa": factory.admin([alfa]), "admin_beta": factory.admin([beta]),
        "superadmin": factory.superadmin(), "pegawai": people["none"].user,
        "args": f"tahun={YEAR}&periode=1",
    }


# --- reading responses ------------------------------------------------------------------------

class _Tables(HTMLParser):
    """Every <table> of a page as rows of cell texts (th and td), with its caption."""

    def __init__(self):
        super().__init__()
        self.tables, self._cell, self._row, self._svg = [], None, None, 0

    def handle_starttag(self, tag, attrs):
        if tag == "svg":  # a chart: its text repeats the cells
            self._svg += 1
        elif tag == "br" and self._cell is not None:
            self._cell.append(" ")
        elif tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "tr" and self.tables:
            self._row = []
            self.tables[-1]["rows"].append(self._row)
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []
        elif tag == "caption":
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "svg":
            self._svg -= 1
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "caption" and self._cell is not None:
            self.tables[-1]["caption"] = " ".join("".join(self._cell).split())
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None and not self._svg:
            self._cell.append(data)


def tables(response) -> list[dict]:
    parser = _Tables()
    parser.feed(response.get_data(as_text=True))
    return parser.tables


def row_of(table: dict, first: str) -> list[str]:
    """The row whose first cell starts with `first`."""
    (row,) = [r for r in table["rows"] if r and r[0].startswith(first)]
    return row


def numbers(cells: list[str]) -> list[int]:
    """The leading count of each cell ("3 37,5 %" → 3)."""
    return [int(re.match(r"[\d.]+", c).group(0).replace(".", "")) for c in cells]


def text(response) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))).split())


def workbook(response):
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return load_workbook(io.BytesIO(response.get_data()))


def sheet_rows(sheet) -> list[list]:
    return [list(r) for r in sheet.iter_rows(values_only=True)]

