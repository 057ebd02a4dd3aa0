from __future__ import annotations

from app.forms import Form
from wtforms import HiddenField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

NIP_MESSAGE = "NIP wajib diisi."


class LoginForm(Form):
    nip = StringField("NIP", validators=[DataRequired(NIP_MESSAGE), Length(max=40)],
                      render_kw={"autocomplete": "username", "inputmode": "numeric"})
    password = PasswordField("Kata sandi", validators=[DataRequired("Kata sandi wajib diisi.")],
                             render_kw={"autocomplete": "current-password"})
    next = HiddenField()
    submit = SubmitField("Masuk")


class ChangePasswordForm(Form):
    current = PasswordField("Kata sandi saat ini", validators=[DataRequired("Kata sandi saat ini wajib diisi.")],
                            render_kw={"autocomplete": "current-password"})
    password = PasswordField("Kata sandi baru", validators=[DataRequired("Kata sandi baru wajib diisi.")],
                             render_kw={"autocomplete": "new-password"},
                             description="Minimal 10 karakter, bukan NIP, bukan kata sandi yang umum.")
    confirm = PasswordField("Ulangi kata sandi baru", validators=[DataRequired("Ulangi kata sandi baru.")],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Simpan kata sandi")


class ActivationForm(Form):
    nip = StringField("NIP", validators=[DataRequired(NIP_MESSAGE), Length(max=40)],
                      render_kw={"autocomplete": "username", "inputmode": "numeric"})
    code = StringField("Kode aktivasi", validators=[DataRequired("Kode aktivasi wajib diisi."), Length(max=40)],
                       render_kw={"autocomplete": "one-time-code", "autocapitalize": "characters"},
                       description="12 huruf/angka dari pengelola kinerja, misalnya ABCD-EFGH-JKMN.")
    password = PasswordField("Kata sandi baru", validators=[DataRequired("Kata sandi baru wajib diisi.")],
                             render_kw={"autocomplete": "new-password"},
                             description="Minimal 10 karakter, bukan NIP, bukan kata sandi yang umum.")
    confirm = PasswordField("Ulangi kata sandi baru", validators=[DataRequired("Ulangi kata sandi baru.")],
                            render_kw={"autocomplete": "new-password"})
    submit = SubmitField("Aktifkan akun")
