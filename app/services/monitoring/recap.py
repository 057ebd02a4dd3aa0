"""Rekap predikat for the pengelola kinerja (RULES.md §5, §6.4, §8): per OPD the predikat kinerja
organisasi, the annual predikat of its pegawai (handed over; drafts apart) against the curve of
that predikat, and what the results feed — kenaikan pangkat and angka kredit — as information.
Also the follow-up lists: recognition (Sangat Baik) and development (Butuh Perbaikan and below).
Every function runs a fixed number of queries, whatever the number of OPDs or pegawai."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import contains_eager, selectinload

from app.domain.enums import EvaluationStatus, ObjectionStatus, OrgPredikat, PositionKind
from app.domain.scoring import CURVE_RULES, Predikat, curve_limit, curve_violations
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Employee, OrgUnit, OrgYearResult
from app.services.charts import PREDIKAT_FILLS
from app.services.monitoring.monitoring import share

SMALL_UNIT = 5  # fewer assessed pegawai: the curve warns, never blocks (RULES.md §5)
# RULES.md §8: angka kredit = koefisien tahunan × this percentage, per predikat.
ANGKA_KREDIT = {Predikat.SANGAT_BAIK: 150, Predikat.BAIK: 100, Predikat.BUTUH_PERBAIKAN: 75,
                Predikat.KURANG: 50, Predikat.SANGAT_KURANG: 25}
# RULES.md §8: kenaikan pangkat needs at least Baik in each of the last two years.
AT_LEAST_BAIK = frozenset({Predikat.SANGAT_BAIK, Predikat.BAIK})
DEVELOPMENT = (Predikat.BUTUH_PERBAIKAN, Predikat.KURANG, Predikat.SANGAT_KURANG)


@dataclass
class Limit:
    """One rule of an OPD's curve with the number of pegawai it allows or requires."""

    group: tuple[Predikat, ...]
    kind: str  # "max" or "min"
    percent: int | None  # None with "min": at least one pegawai
    limit: int
    have: int

    @property
    def ok(self) -> bool:
        return self.have <= self.limit if self.kind == "max" else self.have >= self.limit

    @property
    def label(self) -> str:
        return " + ".join(p.label for p in self.group)

    @property
    def rule(self) -> str:
        """"paling banyak 70 % (7 pegawai)", "minimal 1 pegawai", "tidak boleh ada"."""
        if self.percent is None:
            return "minimal 1 pegawai"
        if self.kind == "max" and self.percent == 0:
            return "tidak boleh ada"
        word = "paling banyak" if self.kind == "max" else "minimal"
        return f"{word} {self.percent} % ({self.limit} pegawai)"


def curve_limits(org_predikat, counts: dict[Predikat, int]) -> list[Limit]:
    """The rules of the curve of `org_predikat` applied to `counts` (RULES.md §5 rounding)."""
    org = OrgPredikat.parse(org_predikat)
    if org is None:
        return []
    total = sum(counts.values())
    return [Limit(group, kind, percent, curve_limit(kind, percent, total), sum(counts.get(p, 0) for p in group))
            for group, kind, percent in CURVE_RULES[org]]


@dataclass
class OpdRecap:
    """The annual predikat of one OPD's pegawai against its curve (or the kabupaten's sum)."""

    opd_id: int | None
    name: str
    result: OrgYearResult | None = None
    counts: dict[Predikat, int] = field(default_factory=lambda: {p: 0 for p in Predikat})
    drafts: int = 0

    @property
    def org_predikat(self) -> OrgPredikat | None:
        return self.result.predikat if self.result is not None else None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, predikat: Predikat) -> Decimal | None:
        return share(self.counts[predikat], self.total)

    @property
    def limits(self) -> list[Limit]:
        return curve_limits(self.org_predikat, self.counts) if self.total else []

    @property
    def violations(self) -> list[str]:
        if self.org_predikat is None:
            return []
        return curve_violations(self.org_predikat, self.counts)

    @property
    def small(self) -> bool:
        return 0 < self.total < SMALL_UNIT

    @property
    def verdict(self) -> tuple[str, str]:
        """(words, Bootstrap badge classes: none for a neutral state) for the curve column."""
        if self.opd_id is None:
            return "", ""
        if not self.total:
            return "Belum ada hasil diserahkan", ""
        if self.org_predikat is None:
            return "Predikat organisasi belum ditetapkan", ""
        if self.violations:
            return f"Tidak sesuai kurva ({len(self.violations)})", "text-bg-danger"
        return "Sesuai kurva", "text-bg-success"


def predikat_recap(opds: list[OrgUnit], year: AppraisalYear) -> list[OpdRecap]:
    """One OpdRecap per OPD (in the order given): two queries."""
    rows = {opd.id: OpdRecap(opd.id, opd.name) for opd in opds}
    if not rows:
        return []
    for result in db.session.scalars(select(OrgYearResult).where(
            OrgYearResult.year_id == year.id, OrgYearResult.opd_id.in_(list(rows)))):
        rows[result.opd_id].result = result
    counts = db.session.execute(
        select(OrgUnit.opd_id, AnnualEvaluation.status, AnnualEvaluation.predikat, func.count())
        .select_from(AnnualEvaluation).join(Employee, AnnualEvaluation.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(AnnualEvaluation.year_id == year.id, OrgUnit.opd_id.in_(list(rows)))
        .group_by(OrgUnit.opd_id, AnnualEvaluation.status, AnnualEvaluation.predikat)
    )
    for opd_id, status, predikat, number in counts:
        if status == EvaluationStatus.HANDED_OVER and predikat is not None:
            rows[opd_id].counts[predikat] += number
        else:
            rows[opd_id].drafts += number
    return list(rows.values())


def kabupaten_recap(rows: list[OpdRecap], name: str = "Jumlah") -> OpdRecap:
    """The sum over the OPDs (each OPD has its own curve: no check on the sum)."""
    total = OpdRecap(None, name)
    for row in rows:
        for predikat, number in row.counts.items():
            total.counts[predikat] += number
        total.drafts += row.drafts
    return total


# --- the pegawai behind the numbers: kenaikan pangkat, angka kredit ------------------------------

@dataclass
class ResultRow:
    """One pegawai's annual result of the year, with last year's predikat when the app has it."""

    employee: Employee
    evaluation: AnnualEvaluation
    previous: Predikat | None

    @property
    def predikat(self) -> Predikat | None:
        return self.evaluation.predikat

    @property
    def handed_over(self) -> bool:
        return self.evaluation.status == EvaluationStatus.HANDED_OVER

    @property
    def objection_open(self) -> bool:
        """A keberatan is running: the predikat may still change."""
        objection = self.evaluation.objection
        return objection is not None and objection.status != ObjectionStatus.DECIDED

    @property
    def promotion_problem(self) -> str | None:
        """Why the results do not (yet) support a kenaikan pangkat, or None when they do."""
        problems = []
        if self.predikat not in AT_LEAST_BAIK:
            problems.append(f"predikat {self.evaluation.year.year} {self.predikat.label}")
        if self.previous is not None and self.previous not in AT_LEAST_BAIK:
            problems.append(f"predikat {self.evaluation.year.year - 1} {self.previous.label}")
        return "; ".join(problems) or None

    @property
    def angka_kredit(self) -> int | None:
        """Percent of the koefisien tahunan, for a jabatan fungsional."""
        if self.employee.position_kind != PositionKind.FUNGSIONAL or self.predikat is None:
            return None
        return ANGKA_KREDIT[self.predikat]


@dataclass
class Results:
    rows: list[ResultRow]

    @property
    def handed_over(self) -> list[ResultRow]:
        return [r for r in self.rows if r.handed_over]

    @property
    def promotion(self) -> list[ResultRow]:
        """Who does not meet "at least Baik in each of the last two years" on what the app knows."""
        return [r for r in self.handed_over if r.promotion_problem]

    @property
    def unknown_previous(self) -> int:
        """Handed-over results without last year's predikat in the app (check the paper file)."""
        return sum(1 for r in self.handed_over if r.previous is None)

    @property
    def fungsional(self) -> list[ResultRow]:
        return [r for r in self.handed_over if r.angka_kredit is not None]

    def fungsional_counts(self) -> dict[Predikat, int]:
        counts = {p: 0 for p in Predikat}
        for row in self.fungsional:
            counts[row.predikat] += 1
        return counts


def results_of(opd_ids: list[int], year: AppraisalYear) -> Results:
    """Every annual evaluation of the year of the OPDs' pegawai, by OPD and name, with last year's
    handed-over predikat: three queries."""
    rows = list(db.session.scalars(
        select(AnnualEvaluation).join(Employee, AnnualEvaluation.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(AnnualEvaluation.year_id == year.id, OrgUnit.opd_id.in_(opd_ids or [-1]))
        .options(contains_eager(AnnualEvaluation.employee).contains_eager(Employee.unit),
                 selectinload(AnnualEvaluation.objection))
        .order_by(OrgUnit.opd_id, Employee.name, Employee.id)
    ))
    ids = [e.employee_id for e in rows]
    previous = dict(db.session.execute(
        select(AnnualEvaluation.employee_id, AnnualEvaluation.predikat)
        .join(AppraisalYear, AnnualEvaluation.year_id == AppraisalYear.id)
        .where(AppraisalYear.year == year.year - 1, AnnualEvaluation.employee_id.in_(ids or [-1]),
               AnnualEvaluation.status == EvaluationStatus.HANDED_OVER)
    ).all()) if ids else {}
    return Results([ResultRow(e.employee, e, previous.get(e.employee_id)) for e in rows])


# --- follow-up lists -------------------------------------------------------------------------------

@dataclass
class FollowUpLists:
    recognition: list[AnnualEvaluation]  # Sangat Baik
    development: list[AnnualEvaluation]  # Butuh Perbaikan and below
    opd_names: dict[int, str]

    def opd_name(self, evaluation: AnnualEvaluation) -> str:
        return self.opd_names.get(evaluation.employee.unit.opd_id, "")


def follow_up_lists(opds: list[OrgUnit], year: AppraisalYear) -> FollowUpLists:
    """The handed-over results of the year on either list, with the programmes recorded (tindak
    lanjut) and any keberatan, by OPD and name: three queries."""
    names = {opd.id: opd.name for opd in opds}
    wanted = (Predikat.SANGAT_BAIK, *DEVELOPMENT)
    evaluations = list(db.session.scalars(
        select(AnnualEvaluation).join(Employee, AnnualEvaluation.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(AnnualEvaluation.year_id == year.id, OrgUnit.opd_id.in_(list(names) or [-1]),
               AnnualEvaluation.status == EvaluationStatus.HANDED_OVER, AnnualEvaluation.predikat.in_(wanted))
        .options(contains_eager(AnnualEvaluation.employee).contains_eager(Employee.unit),
                 selectinload(AnnualEvaluation.follow_ups), selectinload(AnnualEvaluation.objection))
    ))
    order = defaultdict(int, {opd_id: n for n, opd_id in enumerate(names)})
    evaluations.sort(key=lambda e: (order[e.employee.unit.opd_id], -_severity(e.predikat),
                                    e.employee.name.casefold(), e.employee.id))
    return FollowUpLists(
        recognition=[e for e in evaluations if e.predikat == Predikat.SANGAT_BAIK],
        development=[e for e in evaluations if e.predikat in DEVELOPMENT],
        opd_names=names,
    )


def _severity(predikat: Predikat) -> int:
    return list(Predikat).index(predikat)


def curve_bars(recap: OpdRecap) -> list[tuple[str, int, float, str, list[tuple[float, bool, str, str]]]]:
    """The bars of charts.curve_limits_chart for one OPD: a bar per predikat, then one per rule
    that counts several predikat together, each with its rules as markers."""
    total = recap.total or 1

    def marker(limit: Limit) -> tuple[float, bool, str, str]:
        verdict = "sesuai" if limit.ok else ("melampaui batas" if limit.kind == "max" else "kurang dari batas")
        return limit.limit * 100 / total, limit.ok, f"Batas {limit.rule}", verdict

    limits = recap.limits
    bars = [(p.label, recap.counts[p], recap.counts[p] * 100 / total, PREDIKAT_FILLS[p.value],
             [marker(limit) for limit in limits if limit.group == (p,)]) for p in Predikat]
    bars += [(limit.label, limit.have, limit.have * 100 / total, "#495057", [marker(limit)])
             for limit in limits if len(limit.group) > 1]
    return bars
