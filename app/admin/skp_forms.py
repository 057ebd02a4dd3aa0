"""Forms of the SKP master data in the admin area: years and periods, organisation targets, the
indicator library. Numbers are typed the Indonesian way ("85,5", "1.234,5"); a dot also works."""
from __future__ import annotations

from wtforms import BooleanField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, StopValidation

from app.domain.enums import OrgPredikat
from app.domain.periods import DEFAULT_REVIEW_DAYS, DEFAULT_SUBMISSION_DAYS, PeriodScheme
from app.domain.skp import Approach, Aspect, Direction, IndicatorDraft, ResultKind, indicator_problems
from app.forms import DATE_HINT, DecimalField, Form, IndonesianDateField, choices
from app.web import to_id

class NumberRequired:
    """Required for a DecimalField: one message, and none when the number did not parse."""

    field_flags = {"required": True}

    def __init__(self, message: str):
        self.message = message

    def __call__(self, form, field):
        if field.process_errors:
            raise StopValidation()
        if field.data is None:
            raise StopValidation(self.message)


class MarkRequired:
    """Marks a field as required in the page; the service's rules give the message."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        return None


# --- years and periods ------------------------------------------------------------------------


class YearForm(Form):
    year = IntegerField("Tahun", validators=[InputRequired("Tahun wajib diisi.")],
                        render_kw={"inputmode": "numeric"})
    scheme = SelectField("Periode penilaian", choices=choices(PeriodScheme.choices()),
                         default=PeriodScheme.TRIWULANAN.value,
                         description="Selain periode ini, periode tahunan \"Akhir\" selalu dibuat.")
    submission_days = IntegerField(
        "Batas pengajuan pegawai (hari)", default=DEFAULT_SUBMISSION_DAYS,
        validators=[InputRequired("Jumlah hari wajib diisi.")], render_kw={"inputmode": "numeric"},
        description="Jumlah hari setelah akhir tiap periode.")
    review_days = IntegerField(
        "Batas penilaian atasan (hari)", default=DEFAULT_REVIEW_DAYS,
        validators=[InputRequired("Jumlah hari wajib diisi.")], render_kw={"inputmode": "numeric"},
        description="Jumlah hari setelah akhir tiap periode.")


class DeadlineForm(Form):
    submission_deadline = IndonesianDateField(
        "Batas pengajuan pegawai", validators=[DataRequired("Batas pengajuan wajib diisi dengan tanggal yang valid. " + DATE_HINT)])
    review_deadline = IndonesianDateField(
        "Batas penilaian atasan", validators=[DataRequired("Batas penilaian wajib diisi dengan tanggal yang valid. " + DATE_HINT)])
    reason = TextAreaField("Alasan perpanjangan", validators=[Optional(), Length(max=500)], render_kw={"rows": 2})


# --- organisation targets --------------------------------------------------------------------


class OrgTargetFilterForm(Form):
    class Meta:
        csrf = False

    opd = SelectField("Perangkat daerah", coerce=to_id)
    tahun = SelectField("Tahun", coerce=to_id)


class OrgTargetForm(Form):
    goal = TextAreaField("Sasaran strategis", render_kw={"rows": 2},
                         validators=[DataRequired("Sasaran strategis wajib diisi."), Length(max=2000)])
    indicator = TextAreaField("Indikator kinerja utama (IKU)", render_kw={"rows": 2},
                              validators=[DataRequired("Indikator kinerja utama wajib diisi."), Length(max=2000)])
    target_value = DecimalField("Target", validators=[NumberRequired("Target wajib diisi dengan angka.")],
                                     render_kw={"inputmode": "decimal", "autocomplete": "off"},
                                     description="Boleh memakai koma desimal, mis. 85,5.")
    unit = StringField("Satuan", validators=[DataRequired("Satuan wajib diisi (mis. %, Indeks, Dokumen)."),
                                             Length(max=50)],
                       render_kw={"placeholder": "mis. %, Indeks, Dokumen"})
    realization = DecimalField("Realisasi akhir tahun", render_kw={"inputmode": "decimal", "autocomplete": "off"},
                                    description="Diisi pada akhir tahun; kosongkan bila belum ada.")


class OrgResultForm(Form):
    predikat = SelectField("Predikat kinerja organisasi",
                           choices=choices([("", "— belum ditetapkan —")] + OrgPredikat.choices()))
    capaian = DecimalField("Capaian kinerja organisasi (%)",
                                render_kw={"inputmode": "decimal", "autocomplete": "off"})
    note = TextAreaField("Catatan", validators=[Length(max=2000)], render_kw={"rows": 2},
                         description="mis. dasar penetapan: LHE SAKIP atau keputusan kepala daerah.")


# --- indicator library ------------------------------------------------------------------------


class LibraryResultForm(Form):
    position_name = StringField("Jabatan", validators=[DataRequired("Nama jabatan wajib diisi."), Length(max=250)],
                                render_kw={"list": "daftar-jabatan", "autocomplete": "off"},
                                description="Nama jabatan persis seperti pada data pegawai; huruf besar/kecil "
                                            "dan spasi tidak berpengaruh.")
    kind = SelectField("Jenis RHK", choices=choices(ResultKind.choices()))
    text = TextAreaField("Rumusan RHK", validators=[DataRequired("Rumusan RHK wajib diisi."), Length(max=2000)],
                         render_kw={"rows": 3})


class LibraryIndicatorForm(Form):
    aspect = SelectField("Aspek", choices=choices([("", "— pilih —")] + Aspect.choices()),
                         validators=[MarkRequired()])
    text = TextAreaField("Rumusan IKI", validators=[MarkRequired(), Length(max=2000)], render_kw={"rows": 2})
    direction = SelectField("Arah capaian", choices=choices(Direction.choices()), default=Direction.HIGHER.value)
    target_value = DecimalField("Target", validators=[MarkRequired()],
                                     render_kw={"inputmode": "decimal", "autocomplete": "off"},
                                     description="Untuk arah rentang: batas bawahnya.")
    target_high = DecimalField("Batas atas rentang", render_kw={"inputmode": "decimal", "autocomplete": "off"},
                                    description="Hanya untuk arah rentang.")
    unit = StringField("Satuan", validators=[MarkRequired(), Length(max=50)],
                       render_kw={"placeholder": "mis. Dokumen"})
    cumulative = BooleanField("Kumulatif: realisasi tiap periode dijumlahkan sepanjang tahun")

    def validate(self, extra_validators=None):
        """The IKI rules of the SKP as well, so every problem shows at once (the service checks
        them again)."""
        valid = super().validate(extra_validators)
        direction = Direction.parse(self.direction.data) or Direction.HIGHER
        draft = IndicatorDraft(
            ref="", text=self.text.data or "", aspect=self.aspect.data or None,
            target_value=self.target_value.data,
            target_high=self.target_high.data if direction == Direction.RANGE else None,
            unit=self.unit.data, direction=direction,
        )
        for problem in indicator_problems(draft, Approach.KUANTITATIF):
            field = getattr(self, problem.field or "", None)
            if field is not None and not field.errors:
                field.errors.append(problem.message)
                valid = False
        return valid


class LibrarySearchForm(Form):
    class Meta:
        csrf = False

    q = StringField("Cari jabatan atau rumusan RHK", validators=[Length(max=100)])
