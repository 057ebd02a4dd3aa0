"""The forms of kinerja harian: one activity, a day away, copying the previous day."""
from __future__ import annotations

from flask_wtf.file import FileField
from wtforms import HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import Optional

from app.domain.daily import AbsenceKind, ActivityCategory
from app.forms import DecimalField, Form, IndonesianTimeField, choices


class ActivityForm(Form):
    start = IndonesianTimeField("Jam mulai", description="Contoh 08.00.")
    end = IndonesianTimeField("Jam selesai", description="Contoh 09.30.")
    description = TextAreaField("Kegiatan yang dikerjakan", render_kw={"rows": 3, "maxlength": 2000},
                                description="Apa yang dikerjakan, sejelas mungkin; mis. Menyusun draf laporan "
                                            "realisasi anggaran triwulan III.")
    category = SelectField("Untuk", choices=choices([("", "— pilih —")] + ActivityCategory.choices()))
    work_result_id = SelectField("RHK", choices=[], validate_choice=False,
                                 description="Rencana hasil kerja dari SKP Anda yang disetujui.")
    indicator_id = SelectField("IKI (boleh dikosongkan)", choices=[], validate_choice=False)
    output_quantity = DecimalField("Jumlah keluaran", validators=[Optional()], description="Boleh dikosongkan.")
    output_unit = StringField("Satuan keluaran", render_kw={"maxlength": 50, "list": "satuan-keluaran"},
                              description="Mis. Surat, Dokumen, Laporan.")
    link = StringField("Tautan bukti dukung", render_kw={"maxlength": 1000, "inputmode": "url"},
                       description="Alamat lengkap yang diawali https://; boleh dikosongkan.")
    file = FileField("Berkas bukti dukung", description="PDF, JPG, PNG, XLSX atau DOCX; boleh dikosongkan.")
    version = HiddenField()


class AbsenceForm(Form):
    kind = SelectField("Keterangan", choices=choices([("", "Hadir / bekerja seperti biasa")]
                                                             + AbsenceKind.choices()))
    note = StringField("Catatan (boleh dikosongkan)", render_kw={"maxlength": 300})
