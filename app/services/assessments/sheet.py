"""What the period form, the read-only view and the review page show of one assessment: the IKI
rows grouped by RHK (utama first) with their numbers for the period, the seven BerAKHLAK values
with their guides, the ekspektasi and the reflections. The form built from it is the
assessments blueprint's (`app/assessments/sheet.py`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from app.domain.skp import Approach
from app.extensions import db
from app.models import Assessment, CoreValue, Expectation
from app.services.assessments.assessments import Window, window
from app.services.assessments.rows import IndicatorRow, indicator_rows
from app.services.settings import core_values


def narrative_mode(indicator, approach: Approach) -> bool:
    """The realisasi is a narrative (kualitatif, or an IKI without a numeric target), else a number."""
    return approach == Approach.KUALITATIF or indicator.target_value is None


@dataclass
class Sheet:
    assessment: Assessment
    rows: list[IndicatorRow]
    values: list[CoreValue]
    window: Window
    expectations: dict[int, str] = field(default_factory=dict)

    @classmethod
    def of(cls, assessment: Assessment) -> Sheet:
        expectations = {e.core_value_id: e.text for e in db.session.scalars(
            select(Expectation).where(Expectation.plan_id == assessment.plan_id)) if (e.text or "").strip()}
        return cls(assessment, indicator_rows(assessment), core_values(), window(assessment), expectations)

    @property
    def approach(self):
        return self.assessment.plan.approach

    @property
    def groups(self) -> list[tuple[str, str, list[tuple[object, list[IndicatorRow]]]]]:
        """(key, title, [(RHK, its rows)]) for utama then tambahan; empty groups left out."""
        groups = []
        for key, title in (("UTAMA", "A. Hasil kerja utama"), ("TAMBAHAN", "B. Hasil kerja tambahan")):
            results: dict[int, tuple[object, list[IndicatorRow]]] = {}
            for row in self.rows:
                if row.result.kind.value == key:
                    results.setdefault(row.result.id, (row.result, []))[1].append(row)
            if results:
                groups.append((key, title, list(results.values())))
        return groups

    @property
    def labels(self) -> dict[int, str]:
        """Period number → label, for the earlier values of a row."""
        return {p.number: p.label for p in self.assessment.period.year.periods}

    @property
    def reflections(self) -> dict[int, str]:
        return {r.core_value_id: r.text for r in self.assessment.reflections}

    def narrative(self, row: IndicatorRow) -> bool:
        return narrative_mode(row.indicator, self.approach)

    def row_of(self, field_name: str) -> IndicatorRow | None:
        """The row a field (value_12, narrative_12, note_12) belongs to."""
        ident = field_name.rsplit("_", 1)[-1]
        return next((r for r in self.rows if str(r.indicator.id) == ident), None)

    def context(self) -> dict:
        return {"sheet": self, "assessment": self.assessment, "period": self.assessment.period,
                "plan": self.assessment.plan, "state": self.window}
