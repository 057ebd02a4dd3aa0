"""The filters (GET, no CSRF) of the pemantauan, rekap predikat and follow-up list pages."""
from __future__ import annotations

from wtforms import SelectField

from app.forms import Form, choices
from app.web import to_id


class _Filter(Form):
    class Meta:
        csrf = False


class YearFilterForm(_Filter):
    tahun = SelectField("Tahun", coerce=to_id)


class PeriodFilterForm(YearFilterForm):
    periode = SelectField("Periode", coerce=to_id)


class PegawaiFilterForm(PeriodFilterForm):
    status = SelectField("Keadaan", default="")


class FollowUpFilterForm(YearFilterForm):
    opd = SelectField("Perangkat daerah", coerce=to_id, default=0)


def fill(form: Form, *, years=(), periods=(), states=None, opds=None) -> Form:
    """Set the choices of whichever filters the form has."""
    form.tahun.choices = choices([(y.year, str(y.year)) for y in years])
    if hasattr(form, "periode"):
        form.periode.choices = choices([(p.number, p.label) for p in periods])
    if hasattr(form, "status"):
        form.status.choices = choices([("", "Semua")] + list((states or {}).items()))
    if hasattr(form, "opd"):
        form.opd.choices = choices([(0, "Semua perangkat daerah")] + [(o.id, o.name) for o in opds or ()])
    return form
