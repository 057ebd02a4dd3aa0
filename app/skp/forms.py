"""Forms of the SKP pages. Numbers are typed the Indonesian way ("12", "12,5", "1.234,5") and
parsed here, so a bad number gets its message at the field before any service is called."""
from __future__ import annotations

from wtforms import BooleanField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.domain.skp import Approach, Aspect, Direction, Perspective, ResultKind
from app.forms import DATE_HINT, DecimalField, Form, IndonesianDateField, VersionedForm, choices
from app.web import to_id

MAX_TEXT = 2000


def not_negative(form, field):
    if field.data is not None and field.data < 0:
        raise ValidationError("Target periode tidak boleh negatif.")


def _text_length(label: str):
    return Length(max=MAX_TEXT, message=f"{label} paling banyak {MAX_TEXT} karakter.")


START_SOURCES = {
    "empty": ("Mulai dari SKP kosong", "Tulis RHK dan IKI sendiri dari awal."),
    "last_year": ("Salin SKP tahun lalu", "Rumusan RHK dan IKI beserta targetnya disalin; RHK atasan yang "
                                          "diintervensi dipilih ulang karena SKP atasan tahun ini berbeda."),
    "library": ("Gunakan pustaka indikator jabatan", "RHK dan IKI baku untuk jabatan Anda yang disiapkan "
                                                      "pengelola kinerja; sesuaikan targetnya."),
}


class StartForm(Form):
    source = RadioField("Cara memulai", default="empty",
                        validators=[DataRequired("Pilih cara memulai SKP.")])

    def offer(self, *, last_year: bool, library: bool) -> None:
        self.source.choices = [("empty", START_SOURCES["empty"][0])]
        if last_year:
            self.source.choices.append(("last_year", START_SOURCES["last_year"][0]))
        if library:
            self.source.choices.append(("library", START_SOURCES["library"][0]))


class HeaderForm(VersionedForm):
    approach = SelectField("Pendekatan", choices=choices(Approach.choices()),
                           description="Kuantitatif: IKI dan target terukur. Kualitatif: IKI dan target ditulis "
                                       "sebagai satu uraian.")
    resources = TextAreaField("Dukungan sumber daya", validators=[_text_length("Dukungan sumber daya")],
                              description="Satu butir per baris, mis. anggaran, sarana, pelatihan.",
                              render_kw={"rows": 4})
    accountability = TextAreaField("Skema pertanggungjawaban",
                                   validators=[_text_length("Skema pertanggungjawaban")],
                                   description="Satu butir per baris, mis. laporan bulanan kepada atasan.",
                                   render_kw={"rows": 4})
    consequences = TextAreaField("Konsekuensi", validators=[_text_length("Konsekuensi")],
                                 description="Satu butir per baris.", render_kw={"rows": 4})


class ResultForm(VersionedForm):
    kind = SelectField("Jenis RHK", choices=choices(ResultKind.choices()))
    text = TextAreaField("Rumusan RHK", validators=[_text_length("Rumusan RHK")], render_kw={"rows": 3},
                         description="Hasil yang akan dicapai, mis. “Tersedianya aplikasi layanan perizinan "
                                     "daring”.")
    parent_id = SelectField("RHK atasan yang diintervensi", coerce=to_id,
                            description="Dipilih dari SKP terkini Pejabat Penilai Anda. Wajib untuk RHK utama "
                                        "sebelum SKP diajukan.")
    org_target_id = SelectField("Sasaran / IKU organisasi", coerce=to_id,
                                description="Dari Perjanjian Kinerja perangkat daerah tahun ini. Wajib untuk "
                                            "RHK utama sebelum SKP diajukan.")
    assigned_by = StringField("Penugasan dari (bila ada)", validators=[Optional(), Length(max=250)],
                              render_kw={"placeholder": "mis. Kepala Dinas"})


class IndicatorForm(VersionedForm):
    aspect = SelectField("Aspek", choices=choices([("", "— pilih aspek —")] + Aspect.choices()), default="")
    text = TextAreaField("Rumusan IKI", validators=[_text_length("Rumusan IKI")], render_kw={"rows": 2},
                         description="Ukuran keberhasilan RHK, mis. “Jumlah modul aplikasi yang "
                                     "dioperasikan”.")
    direction = SelectField("Arah target", choices=choices(Direction.choices()), default="higher")
    target_value = DecimalField("Target", description="Angka; koma untuk desimal, mis. 12 atau 12,5. "
                                                        "Untuk rentang: batas bawah.")
    target_high = DecimalField("Batas atas rentang", description="Hanya untuk arah “Dalam rentang target”.")
    unit = StringField("Satuan", validators=[Optional(), Length(max=50)],
                       render_kw={"placeholder": "mis. Dokumen, %, Hari"})
    cumulative = BooleanField("Realisasi tiap periode dijumlahkan sepanjang tahun (akumulatif)", default=True,
                              description="Hapus centang untuk ukuran yang berdiri sendiri tiap periode, "
                                          "mis. persentase.")
    perspective = SelectField("Perspektif", choices=choices([("", "— pilih perspektif —")] + Perspective.choices()),
                              default="")
    source = SelectField("Realisasi diisi dari", validate_choice=False,
                         description="Diisi pegawai, atau diambil dari data: metrik unit atau IKM layanan perangkat "
                                     "daerah (pegawai tidak dapat mengubahnya, hanya memberi catatan).")
    narrative_target = TextAreaField("Target (uraian)", validators=[_text_length("Target naratif")],
                                     render_kw={"rows": 3},
                                     description="Untuk pendekatan kualitatif: target ditulis sebagai uraian.")


def indicator_form_class(periods) -> type[IndicatorForm]:
    """IndicatorForm with one optional target field per (non-Akhir) period of the year."""
    fields = {
        f"period_{p.id}": DecimalField(f"Target {p.label}", validators=[not_negative])
        for p in periods
    }
    return type("IndicatorPeriodForm", (IndicatorForm,), fields)


class SubmitForm(VersionedForm):
    """Ajukan: carries the version the page showed, so a change in another tab is noticed."""


class ReasonForm(VersionedForm):
    reason = TextAreaField("Alasan", validators=[DataRequired("Alasan wajib diisi."), _text_length("Alasan")],
                           render_kw={"rows": 4})


class ReviseForm(Form):
    reason = TextAreaField("Alasan perubahan SKP",
                           validators=[DataRequired("Alasan perubahan wajib diisi."), _text_length("Alasan")],
                           render_kw={"rows": 4, "placeholder": "mis. pindah jabatan per 1 Juli, penugasan baru "
                                                                "dari kepala dinas"})


def expectation_form_class(values) -> type[VersionedForm]:
    """One textarea per BerAKHLAK value, labelled with its name."""
    fields = {
        f"value_{v.id}": TextAreaField(v.name, validators=[_text_length(f"Ekspektasi {v.name}")],
                                       render_kw={"rows": 2})
        for v in values
    }
    return type("ExpectationForm", (VersionedForm,), fields)


def form_version(form) -> int:
    """The plan version the form was loaded at; a missing or garbled one counts as stale (0)."""
    try:
        return int(form.version.data)
    except (TypeError, ValueError):
        return 0


class StartDateForm(Form):
    """The pengelola kinerja's earlier start date of an approved SKP."""

    start_date = IndonesianDateField("Berlaku mulai", validators=[DataRequired("Isi tanggal mulai dengan tanggal yang valid. " + DATE_HINT)])
