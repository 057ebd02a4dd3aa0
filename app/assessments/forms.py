"""Forms of the Penilaian pages. The period form is built per assessment: its fields carry the
names the services use for their refusals (value_<IKI id>, narrative_<IKI id>, note_<IKI id>,
reflection_<value id>), so every message lands at its field; bukti dukung inputs are
file_<realisasi id> and url_<realisasi id>."""
from __future__ import annotations

from wtforms import MultipleFileField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from app.domain.skp import Approach
from app.forms import ActionForm, DecimalField, Form, IndonesianDateField, VersionedForm
from app.services.assessments.assessments import MAX_TEXT
from app.services.assessments.sheet import narrative_mode

ACCEPT = ".pdf,.jpg,.jpeg,.png,.xlsx,.docx,application/pdf,image/jpeg,image/png"


def not_negative(form, field):
    if field.data is not None and field.data < 0:
        raise ValidationError("Realisasi tidak boleh negatif.")


def _text(label: str) -> Length:
    return Length(max=MAX_TEXT, message=f"{label} paling banyak {MAX_TEXT} karakter.")


def assessment_form_class(rows, values, approach: Approach) -> type[VersionedForm]:
    """One field per input of the period form, named as the services name them."""
    fields = {}
    for row in rows:
        ident = row.indicator.id
        if narrative_mode(row.indicator, approach):
            fields[f"narrative_{ident}"] = TextAreaField("Realisasi (uraian)", validators=[_text("Realisasi")],
                                                         render_kw={"rows": 3})
        else:
            fields[f"value_{ident}"] = DecimalField("Realisasi", validators=[not_negative])
        fields[f"note_{ident}"] = TextAreaField("Catatan", validators=[_text("Catatan")], render_kw={"rows": 2})
        if row.realization is not None:
            rid = row.realization.id
            fields[f"file_{rid}"] = MultipleFileField("Unggah berkas", render_kw={"accept": ACCEPT})
            fields[f"url_{rid}"] = StringField(
                "Tambah tautan", validators=[Optional(), Length(max=1000, message="Alamat tautan paling banyak "
                                                                                  "1.000 karakter.")],
                render_kw={"placeholder": "https://…", "inputmode": "url", "autocomplete": "off"})
    for value in values:
        fields[f"reflection_{value.id}"] = TextAreaField(
            f"Refleksi {value.name}", validators=[_text("Refleksi")], render_kw={"rows": 3})
    return type("AssessmentForm", (VersionedForm,), fields)


class StartForm(ActionForm):
    """Mulai mengisi: creates the assessment of a period (a state change, so a POST)."""


class RemoveForm(VersionedForm):
    """Hapus bukti dukung: carries the version the page showed."""


class ReturnForm(VersionedForm):
    reason = TextAreaField("Catatan pengembalian", validators=[
        DataRequired("Tuliskan catatan pengembalian untuk pegawai."), _text("Catatan")],
        render_kw={"rows": 4, "placeholder": "mis. Lengkapi bukti dukung laporan bulan Maret"},
        description="Pegawai melihat catatan ini di atas formulirnya dan dapat memperbaiki lalu mengajukan kembali.")


class ReopenForm(Form):
    until = IndonesianDateField("Dapat diisi sampai", validators=[InputRequired("Isi tanggal batas baru.")])
    reason = TextAreaField("Alasan membuka kembali", validators=[
        DataRequired("Tuliskan alasan membuka kembali."), _text("Alasan")], render_kw={"rows": 3})


def form_version(form) -> int:
    """The version the form was loaded at; a missing or garbled one counts as stale (0)."""
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return 0
