"""Forms of the document pages."""
from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from app.forms import Form


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
