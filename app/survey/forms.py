"""The survey form: nine unsur on the regulation's four points, an optional profile, a saran."""
from __future__ import annotations

from wtforms import HiddenField, RadioField, SelectField, TextAreaField
from wtforms.validators import Optional

from app.domain.satisfaction import QUESTIONS, UNSUR
from app.forms import Form, choices
from app.services.satisfaction.responses import AGE_BANDS, EDUCATIONS, OCCUPATIONS, SEXES, SUGGESTION_MAX


def _unsur(n: int) -> RadioField:
    key, name, points = UNSUR[n]
    return RadioField(f"{n + 1}. {QUESTIONS[n]}", choices=choices([(str(i + 1), p) for i, p in enumerate(points)]),
                      validators=[Optional()], description=name)


def _pick(label: str, options: dict[str, str]) -> SelectField:
    return SelectField(label, choices=choices([("", "Tidak ingin menjawab")] + list(options.items())),
                       validators=[Optional()])


class SurveyForm(Form):
    visit = HiddenField()
    q1, q2, q3, q4, q5, q6, q7, q8, q9 = (_unsur(n) for n in range(9))
    age_band = _pick("Usia", AGE_BANDS)
    sex = _pick("Jenis kelamin", SEXES)
    education = _pick("Pendidikan terakhir", EDUCATIONS)
    occupation = _pick("Pekerjaan", OCCUPATIONS)
    suggestion = TextAreaField("Saran untuk perbaikan layanan (boleh dikosongkan)",
                               render_kw={"rows": 3, "maxlength": SUGGESTION_MAX})

    def unsur_fields(self):
        return [getattr(self, f"q{n}") for n in range(1, 10)]
