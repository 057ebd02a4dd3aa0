"""Forms of the document pages."""
from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import SelectField, StringField
from wtforms.validators import DataRequired, Length

from app.forms import Form, choices
from app.web import to_id


class CodeForm(Form):
    """Type the code printed on a document."""

    code = StringField("Kode verifikasi", validators=[DataRequired("Isi kode verifikasi yang tercetak pada dokumen."),
                                                      Length(max=40, message="Kode verifikasi terlalu panjang.")],
                       description="12 huruf dan angka, misalnya K7QM-2XHP-WD9R (huruf besar atau kecil sama saja).",
                       render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"})


class UploadForm(Form):
    """Upload the PDF one holds, to compare it with the issued one."""

    file = FileField("Berkas PDF yang akan dicocokkan",
                     validators=[FileRequired("Pilih berkas PDF dokumen yang ingin dicocokkan.")],
                     render_kw={"accept": "application/pdf,.pdf"})


class ExportForm(Form):
    """Choose what to export as one ZIP."""

    opd = SelectField("Perangkat daerah", coerce=to_id, validate_choice=False)
    year = SelectField("Tahun", coerce=to_id, validate_choice=False)
    kind = SelectField("Dokumen", choices=choices([("skp", "Sasaran Kinerja Pegawai (SKP)"),
                                                   ("evaluasi", "Evaluasi Kinerja Pegawai (periode atau Akhir)"),
                                                   ("dokumen-evaluasi", "Dokumen Evaluasi Kinerja Pegawai")]))
    period = SelectField("Periode (untuk Evaluasi Kinerja)", coerce=str, validate_choice=False)
