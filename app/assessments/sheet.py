"""What the period form and the read-only view show of one assessment: the IKI rows grouped by
RHK (utama first) with their numbers for the period, the seven BerAKHLAK values with their guides,
the ekspektasi and the reflections; and the period form filled from it."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.assessments.forms import assessment_form_class, narrative_mode
from app.domain.numbers import input_text
from app.extensions import db
from app.models import Assessment, CoreValue, Expectation
from app.services.assessments.rows import IndicatorRow, indicator_rows
from app.services.assessments.assessments import Window, window


def core_values() -> list[CoreValue]:
    """The seven BerAKHLAK values with their guides (two queries)."""
    return list(db.session.scalars(
        select(CoreValue).options(selectinload(CoreValue.guides)).order_by(CoreValue.position)))


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

    def form_class(self):
        return assessment_form_class(self.rows, self.values, self.approach)

    def stored(self) -> dict[str, str]:
        """What is saved now, as the form's fields would show it."""
        data = {}
        for row in self.rows:
            r, ident = row.realization, row.indicator.id
            if self.narrative(row):
                data[f"narrative_{ident}"] = (r.narrative if r else None) or ""
            else:
                data[f"value_{ident}"] = input_text(r.value) if r is not None and r.value is not None else ""
            data[f"note_{ident}"] = (r.note if r else None) or ""
        for value in self.values:
            data[f"reflection_{value.id}"] = self.reflections.get(value.id, "") or ""
        return data

    def fresh_form(self):
        """The form filled with what is saved, at the current version."""
        form = self.form_class()(formdata=None)
        for name, value in self.stored().items():
            if name.startswith("value_"):
                form[name].process_formdata([value])  # text → Decimal, as if typed
            else:
                form[name].data = value
        form.version.data = self.assessment.lock_version
        return form

    def theirs(self, form) -> dict[str, str]:
        """Saved values that differ from what the form holds (shown under the field after a conflict)."""
        differ = {}
        for name, value in self.stored().items():
            mine = form[name]
            if name.startswith("value_"):
                typed = input_text(mine.data) if mine.data is not None else ""
            else:
                typed = mine.data or ""
            if typed.strip() != value.strip():
                differ[name] = value or "(kosong)"
        return differ

    def context(self) -> dict:
        return {"sheet": self, "assessment": self.assessment, "period": self.assessment.period,
                "plan": self.assessment.plan, "state": self.window}
