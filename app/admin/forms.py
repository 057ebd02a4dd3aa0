"""Forms of the admin area."""
from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import (
    BooleanField, IntegerField, SelectField, SelectMultipleField, StringField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.domain.enums import (
    ActingKind, CurveEnforcement, EmploymentStatus, LatePolicy, OrgUnitKind, PaperSize, PositionKind, Role,
)
from app.domain.grades import PNS_GRADES, PPPK_GRADES
from app.domain.nip import nip_error
from app.forms import DATE_HINT, Form, IndonesianDateField, IndonesianTimeField, VersionedForm, choices
from app.web import to_id


def valid_nip(form, field):
    if field.data:
        error = nip_error(field.data)
        if error:
            raise ValidationError(error)


def optional_valid_nip(form, field):
    if field.data and field.data.strip():
        valid_nip(form, field)


GRADE_CHOICES = (
    choices([("", "— pilih —")])
    + choices([(g.code, f"{g.code} — {g.pangkat}") for g in PNS_GRADES], "PNS — pangkat/golongan ruang")
    + choices([(g.code, f"PPPK golongan {g.code}") for g in PPPK_GRADES], "PPPK — golongan")
)


class EmployeeForm(VersionedForm):
    nip = StringField("NIP / NI PPPK", validators=[DataRequired("NIP wajib diisi."), valid_nip],
                      render_kw={"inputmode": "numeric", "maxlength": 24})
    name = StringField("Nama lengkap dengan gelar", validators=[DataRequired("Nama wajib diisi."), Length(max=200)])
    status = SelectField("Status kepegawaian", choices=choices(EmploymentStatus.choices()))
    grade_code = SelectField("Pangkat/golongan", choices=GRADE_CHOICES)
    position = StringField("Jabatan", validators=[DataRequired("Jabatan wajib diisi."), Length(max=250)])
    position_kind = SelectField("Jenis jabatan", choices=choices(PositionKind.choices()))
    job_class = IntegerField("Kelas jabatan", validators=[Optional(), NumberRange(1, 17, "Kelas jabatan adalah 1 sampai 17.")],
                             render_kw={"inputmode": "numeric", "min": 1, "max": 17},
                             description="1–17, menurut peta jabatan; dasar TPP bila Perkada menetapkannya per kelas.")
    unit_id = SelectField("Unit kerja", coerce=to_id, validators=[DataRequired("Pilih unit kerja.")])
    assessor_nip = StringField("NIP Pejabat Penilai Kinerja", validators=[Optional(), optional_valid_nip],
                               render_kw={"inputmode": "numeric", "maxlength": 24},
                               description="Atasan langsung yang menilai. Kosongkan hanya untuk pejabat yang dinilai oleh Bupati.")
    external_assessor_name = StringField("Penilai eksternal: nama", validators=[Optional(), Length(max=200)],
                                         description="Untuk pejabat tinggi yang dinilai oleh kepala daerah (bukan ASN, tanpa NIP).")
    external_assessor_title = StringField("Penilai eksternal: jabatan", validators=[Optional(), Length(max=200)],
                                          render_kw={"placeholder": "mis. Bupati Bungo"})
    email = StringField("Email", validators=[Optional(), Email("Alamat email tidak valid.", check_deliverability=False), Length(max=254)])


class EmployeeFilterForm(Form):
    class Meta:
        csrf = False

    q = StringField("Cari nama atau NIP", validators=[Optional(), Length(max=100)])
    opd = SelectField("Perangkat daerah", coerce=to_id, validators=[Optional()])
    unit = SelectField("Unit kerja", coerce=to_id, validators=[Optional()])
    jenis = SelectField("Jenis jabatan", choices=choices([("", "Semua")] + PositionKind.choices()), validators=[Optional()])
    status = SelectField("Status", choices=choices([("", "Semua")] + EmploymentStatus.choices()), validators=[Optional()])
    aktif = SelectField("Keaktifan", choices=choices([("1", "Aktif"), ("0", "Nonaktif"), ("semua", "Semua")]), default="1")
    tanpa_penilai = BooleanField("Hanya yang belum punya Pejabat Penilai")


class DeactivateForm(Form):
    reason = StringField("Alasan", validators=[DataRequired("Alasan wajib diisi."), Length(max=200)],
                         render_kw={"placeholder": "mis. pensiun per 1 Desember 2026"})


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class RoleForm(Form):
    role = SelectField("Peran", choices=choices(Role.choices()))
    opds = MultiCheckboxField("Perangkat daerah yang dikelola", coerce=to_id)


class UnitForm(Form):
    name = StringField("Nama unit", validators=[DataRequired("Nama unit wajib diisi."), Length(max=200)])
    kind = SelectField("Jenis unit", choices=choices(c for c in OrgUnitKind.choices() if c[0] != "PEMDA"))
    parent_id = SelectField("Unit induk", coerce=to_id)


class ActingForm(Form):
    kind = SelectField("Jenis", choices=choices(ActingKind.choices()),
                       description="Plt. mengisi jabatan yang lowong; Plh. menggantikan pejabat yang berhalangan sementara.")
    acting_nip = StringField("NIP pegawai yang ditugaskan", validators=[DataRequired("NIP wajib diisi."), valid_nip],
                             render_kw={"inputmode": "numeric", "maxlength": 24})
    replaced_nip = StringField("NIP pejabat yang digantikan", validators=[Optional(), optional_valid_nip],
                               render_kw={"inputmode": "numeric", "maxlength": 24},
                               description="Wajib untuk Plh.; untuk Plt. isi pejabat terakhir bila ada.")
    unit_id = SelectField("Unit kerja jabatan", coerce=to_id, validators=[DataRequired("Pilih unit kerja.")])
    position = StringField("Jabatan yang dijabat", validators=[DataRequired("Jabatan wajib diisi."), Length(max=250)],
                           render_kw={"placeholder": "mis. Kepala Bidang Bina Marga"})
    start_date = IndonesianDateField("Mulai", validators=[DataRequired("Tanggal mulai wajib diisi dengan tanggal yang valid. " + DATE_HINT)])
    end_date = IndonesianDateField("Selesai", validators=[DataRequired("Tanggal selesai wajib diisi dengan tanggal yang valid. " + DATE_HINT)])
    decree = StringField("Nomor surat perintah", validators=[Optional(), Length(max=150)])


class AuditFilterForm(Form):
    class Meta:
        csrf = False

    actor = StringField("Pelaku (nama atau NIP)", validators=[Optional(), Length(max=100)])
    action = SelectField("Tindakan", validators=[Optional()])
    object_type = SelectField("Jenis objek", validators=[Optional()])
    object_id = StringField("ID objek", validators=[Optional(), Length(max=12)])
    date_from = IndonesianDateField("Dari tanggal", validators=[Optional()])
    date_to = IndonesianDateField("Sampai tanggal", validators=[Optional()])


class SettingsForm(VersionedForm):
    region_name = StringField("Nama pemerintah daerah (kop)", validators=[DataRequired("Isi nama pemerintah daerah (dicetak pada kop setiap dokumen)."), Length(max=200)],
                              render_kw={"placeholder": "Pemerintah Kabupaten Bungo"})
    document_place = StringField("Tempat penandatanganan dokumen", validators=[DataRequired("Isi tempat penandatanganan dokumen (mis. nama ibu kota kabupaten)."), Length(max=100)],
                                 render_kw={"placeholder": "Muara Bungo"})
    head_title = StringField("Jabatan kepala daerah", validators=[DataRequired("Isi jabatan kepala daerah (mis. Bupati Tanjung Harapan)."), Length(max=200)],
                             render_kw={"placeholder": "Bupati Bungo"},
                             description="Penilai pejabat tertinggi (Sekretaris Daerah) yang tidak memiliki NIP.")
    head_name = StringField("Nama kepala daerah", validators=[Optional(), Length(max=200)])
    bkpsdm_title = StringField("Jabatan kepala BKPSDM", validators=[DataRequired("Isi jabatan kepala BKPSDM yang menandatangani rekap."), Length(max=200)],
                               description="Menandatangani Rekap predikat kinerja pegawai.")
    bkpsdm_name = StringField("Nama kepala BKPSDM", validators=[Optional(), Length(max=200)])
    bkpsdm_nip = StringField("NIP kepala BKPSDM", validators=[Optional()],
                             render_kw={"inputmode": "numeric", "autocomplete": "off"})

    def validate_bkpsdm_nip(self, field):
        value = "".join((field.data or "").split())
        if value:
            problem = nip_error(value)
            if problem:
                raise ValidationError(problem)
        field.data = value
    paper_size = SelectField("Ukuran kertas dokumen", choices=choices(PaperSize.choices()))
    late_submission = SelectField("Pengajuan penilaian periode setelah batas waktu",
                                  choices=choices(LatePolicy.choices()),
                                  description="Pengelola kinerja selalu dapat membuka kembali penilaian seorang pegawai.")
    logo = FileField("Logo (PNG atau JPEG, maksimal 1 MB)")
    remove_logo = BooleanField("Hapus logo")
    # The review rules (RULES.md §3, §5, §7); the service checks them again, as does the database.
    rating_above = IntegerField(
        "Saran Di Atas Ekspektasi mulai capaian (%)",
        validators=[InputRequired("Isi ambang Di Atas Ekspektasi."),
                    NumberRange(1, 200, "Ambang Di Atas Ekspektasi harus antara 1 dan 200 %%.")],
        render_kw={"inputmode": "numeric", "min": 1, "max": 200},
        description="Rata-rata capaian IKI utama sebesar ini atau lebih menyarankan Di Atas Ekspektasi (bawaan 110 %).")
    rating_below = IntegerField(
        "Saran Di Bawah Ekspektasi bila capaian kurang dari (%)",
        validators=[InputRequired("Isi ambang Di Bawah Ekspektasi."),
                    NumberRange(1, 199, "Ambang Di Bawah Ekspektasi harus antara 1 dan 199 %%.")],
        render_kw={"inputmode": "numeric", "min": 1, "max": 199},
        description="Harus lebih kecil daripada ambang Di Atas (bawaan 90 %). Di antara keduanya: Sesuai Ekspektasi. "
                    "Pejabat Penilai tetap dapat memilih rating lain dengan alasan.")
    curve_enforcement = SelectField(
        "Bila predikat tim tidak sesuai kurva distribusi", choices=choices(CurveEnforcement.choices()),
        description="Unit dengan kurang dari 5 pegawai yang dinilai hanya diperingatkan.")
    objection_days = IntegerField(
        "Batas waktu keberatan (hari)",
        validators=[InputRequired("Isi batas waktu keberatan."),
                    NumberRange(1, 90, "Batas waktu keberatan harus 1 sampai 90 hari.")],
        render_kw={"inputmode": "numeric", "min": 1, "max": 90},
        description="Dihitung sejak hasil evaluasi tahunan diserahkan kepada pegawai (bawaan 14 hari).")
    org_predikat_thresholds = StringField(
        "Saran predikat organisasi: batas capaian Istimewa; Baik; Butuh Perbaikan; Kurang (%)",
        render_kw={"maxlength": 60, "inputmode": "decimal"},
        description="Bawaan 110; 90; 70; 50 — di bawah batas terakhir: Sangat Kurang. Saran dihitung dari realisasi "
                    "sasaran Perjanjian Kinerja; penetapan yang berbeda wajib beralasan.")

    # Kinerja harian (RULES.md §11).
    day_minutes = IntegerField(
        "Standar waktu kerja sehari (menit)",
        validators=[InputRequired("Isi standar waktu kerja sehari."),
                    NumberRange(60, 720, "Standar waktu kerja sehari harus 60 sampai 720 menit.")],
        render_kw={"inputmode": "numeric", "min": 60, "max": 720},
        description="Bawaan 450 menit (7 jam 30 menit).")
    day_limit_minutes = IntegerField(
        "Batas waktu kegiatan sehari (menit)",
        validators=[InputRequired("Isi batas waktu kegiatan sehari."),
                    NumberRange(60, 1440, "Batas waktu kegiatan sehari harus 60 sampai 1.440 menit.")],
        render_kw={"inputmode": "numeric", "min": 60, "max": 1440},
        description="Jumlah waktu kegiatan sehari tidak boleh melebihinya (bawaan 720 menit).")
    entry_days = IntegerField(
        "Kegiatan boleh dicatat sampai (hari kerja ke belakang)",
        validators=[InputRequired("Isi berapa hari kerja ke belakang kegiatan boleh dicatat."),
                    NumberRange(0, 30, "Harus 0 sampai 30 hari kerja.")],
        render_kw={"inputmode": "numeric", "min": 0, "max": 30}, description="Bawaan 5; 0 berarti hanya pada harinya.")
    verify_days = IntegerField(
        "Batas verifikasi Pejabat Penilai (hari kerja)",
        validators=[InputRequired("Isi batas waktu verifikasi."), NumberRange(1, 30, "Harus 1 sampai 30 hari kerja.")],
        render_kw={"inputmode": "numeric", "min": 1, "max": 30}, description="Bawaan 5 hari kerja sejak tanggal kegiatan.")
    work_start = IndonesianTimeField("Jam masuk kantor", description="Untuk presensi: datang sesudahnya terlambat.")
    work_end = IndonesianTimeField("Jam pulang (Senin–Kamis)", description="Pulang sebelumnya: pulang cepat.")
    friday_end = IndonesianTimeField("Jam pulang hari Jumat")
    unverified_accepted = SelectField(
        "Kegiatan yang tidak diverifikasi sampai batasnya",
        choices=choices([("1", "Dianggap diterima"), ("0", "Tidak dihitung")]))

    # The monthly TPP (Perkada); the service checks the bands and the percent.
    tpp_productivity_weight = IntegerField(
        "Bobot produktivitas kerja (%)",
        validators=[InputRequired("Isi bobot produktivitas."), NumberRange(0, 100, "Bobot harus 0 sampai 100 %%.")],
        render_kw={"inputmode": "numeric", "min": 0, "max": 100},
        description="Disiplin kerja mendapat sisanya (bawaan 60 % dan 40 %).")
    tpp_absent_percent = StringField("Potongan per hari tanpa keterangan (%)", render_kw={"inputmode": "decimal"},
                                     description="Bawaan 3.")
    tpp_late_bands = StringField("Potongan terlambat (menit:persen)", render_kw={"maxlength": 300},
                                 description="Mis. 1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5 — per hari terlambat.")
    tpp_early_bands = StringField("Potongan pulang cepat (menit:persen)", render_kw={"maxlength": 300})
    tpp_productivity_source = SelectField(
        "Produktivitas kerja diukur dari",
        choices=choices([("AKTIVITAS", "Menit kegiatan harian yang diterima terhadap standar (paling tinggi 100 %)"),
                         ("PREDIKAT", "Predikat kinerja periode terakhir yang sudah dinilai")]),
        description="Bila belum ada periode yang dinilai, produktivitas dihitung dari kegiatan harian.")
    tpp_predikat_percents = StringField(
        "Produktivitas per predikat (predikat:persen)", render_kw={"maxlength": 300},
        description="Dipakai bila produktivitas diukur dari predikat. Mis. Sangat Baik:100; Baik:100; "
                    "Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40.")
    tpp_away_rules = StringField(
        "Potongan hari tidak masuk (jenis:persen per hari)", render_kw={"maxlength": 300},
        description="Dari seluruh TPP, per hari cuti, sakit, izin atau tugas belajar; 'hari' berarti hari itu "
                    "tidak dibayar (bagiannya dari hari kerja sebulan). Mis. Cuti:0; Sakit:0; Izin:1,5; "
                    "Tugas belajar:hari. Dinas luar tidak dipotong.")

    def validate_day_limit_minutes(self, field):
        standard = self.day_minutes.data
        if field.data is not None and standard is not None and 60 <= standard <= 720 and field.data < standard:
            raise ValidationError(f"Harus sama dengan atau lebih dari standar waktu kerja sehari ({standard} menit).")

    def validate_rating_below(self, field):
        above = self.rating_above.data
        if field.data is not None and above is not None and 0 < above <= 200 and field.data >= above:
            raise ValidationError(f"Harus lebih kecil daripada ambang Di Atas Ekspektasi ({above} %).")


class ExportForm(Form):
    """Choose what to export as one ZIP."""

    opd = SelectField("Perangkat daerah", coerce=to_id, validate_choice=False)
    year = SelectField("Tahun", coerce=to_id, validate_choice=False)
    kind = SelectField("Dokumen", choices=choices([("skp", "Sasaran Kinerja Pegawai (SKP)"),
                                                   ("evaluasi", "Evaluasi Kinerja Pegawai (periode atau Akhir)"),
                                                   ("dokumen-evaluasi", "Dokumen Evaluasi Kinerja Pegawai")]))
    period = SelectField("Periode (untuk Evaluasi Kinerja)", coerce=str, validate_choice=False)
