"""The period form built from an assessment's sheet (`services/assessments/sheet`): its form class,
what is stored as the form's fields show it, a fresh form at the current version, and what differs
after a conflict."""
from __future__ import annotations

from app.assessments.forms import assessment_form_class
from app.domain.numbers import input_text
from app.services.assessments.sheet import Sheet as BaseSheet


class Sheet(BaseSheet):
    """The sheet with its period form."""

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
