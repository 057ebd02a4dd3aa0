"""Form pieces shared by the blueprints: the Indonesian base form, choices, error placement."""
from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, StringField
from wtforms.fields.choices import SelectChoice
from wtforms.widgets import TextInput

from app.domain.numbers import input_text, parse_decimal

from app.services import ServiceError

# WTForms ships no Indonesian catalogue; these are its built-in messages in Bahasa Indonesia.
MESSAGES_ID = {
    "This field is required.": "Wajib diisi.",
    "Not a valid choice.": "Pilihan tidak valid.",
    "Invalid Choice: could not coerce.": "Pilihan tidak valid.",
    "Choices cannot be None.": "Pilihan tidak tersedia.",
    "'%(value)s' is not a valid choice for this field.": "'%(value)s' bukan pilihan yang valid.",
    "'%(value)s' are not valid choices for this field.": "'%(value)s' bukan pilihan yang valid.",
    "Not a valid integer value.": "Harus berupa bilangan bulat.",
    "Not a valid decimal value.": "Harus berupa angka (gunakan titik atau koma desimal).",
    "Not a valid float value.": "Harus berupa angka.",
    "Not a valid date value.": "Tanggal tidak valid.",
    "Not a valid datetime value.": "Tanggal dan jam tidak valid.",
    "Not a valid time value.": "Jam tidak valid.",
    "Not a valid week value.": "Minggu tidak valid.",
    "Invalid email address.": "Alamat email tidak valid.",
    "Invalid URL.": "Alamat tautan (URL) tidak valid.",
    "Invalid input.": "Isian tidak valid.",
    "Invalid UUID.": "UUID tidak valid.",
    "Invalid IP address.": "Alamat IP tidak valid.",
    "Invalid Mac address.": "Alamat MAC tidak valid.",
    "Field must be equal to %(other_name)s.": "Harus sama dengan %(other_name)s.",
    "Field must be at least %(min)d character long.": "Minimal %(min)d karakter.",
    "Field must be at least %(min)d characters long.": "Minimal %(min)d karakter.",
    "Field cannot be longer than %(max)d character.": "Paling banyak %(max)d karakter.",
    "Field cannot be longer than %(max)d characters.": "Paling banyak %(max)d karakter.",
    "Field must be exactly %(max)d character long.": "Harus tepat %(max)d karakter.",
    "Field must be exactly %(max)d characters long.": "Harus tepat %(max)d karakter.",
    "Field must be between %(min)d and %(max)d characters long.": "Harus %(min)d sampai %(max)d karakter.",
    "Number must be at least %(min)s.": "Angka minimal %(min)s.",
    "Number must be at most %(max)s.": "Angka paling besar %(max)s.",
    "Number must be between %(min)s and %(max)s.": "Angka harus antara %(min)s dan %(max)s.",
    "Date must be at least %(min)s.": "Tanggal paling awal %(min)s.",
    "Date must be at most %(max)s.": "Tanggal paling akhir %(max)s.",
    "Date must be between %(min)s and %(max)s.": "Tanggal harus antara %(min)s dan %(max)s.",
    "Invalid value, must be one of: %(values)s.": "Nilai harus salah satu dari: %(values)s.",
    "Invalid value, can't be any of: %(values)s.": "Nilai tidak boleh salah satu dari: %(values)s.",
    "This field cannot be edited.": "Isian ini tidak dapat diubah.",
    "This field is disabled and cannot have a value.": "Isian ini nonaktif dan tidak boleh diisi.",
    "File does not have an approved extension.": "Jenis berkas tidak diizinkan.",
    "The CSRF token is missing.": "Token keamanan formulir tidak ada; muat ulang halaman.",
    "The CSRF token is invalid.": "Token keamanan formulir tidak sah; muat ulang halaman.",
    "The CSRF token has expired.": "Formulir kedaluwarsa; muat ulang halaman.",
    "The CSRF tokens do not match.": "Token keamanan formulir tidak cocok; muat ulang halaman.",
}


class IndonesianTranslations:
    def gettext(self, string: str) -> str:
        return MESSAGES_ID.get(string, string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


_TRANSLATIONS = IndonesianTranslations()


class Form(FlaskForm):
    """The base of every form: CSRF from Flask-WTF, validator messages in Bahasa Indonesia; a form
    that fails validation is noted for the error summary at the top of the page."""

    class Meta:
        def get_translations(self, form):
            return _TRANSLATIONS

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        if not valid:
            mark_failed(self)
        return valid


def mark_failed(form) -> None:
    """Note `form` as failed in this request: base.html summarises its errors at the top of the
    page (templates/_forms.html error_summary), linked to the fields."""
    from flask import g, has_request_context

    if not has_request_context():
        return
    failed = g.setdefault("failed_forms", [])
    if not any(f is form for f in failed):
        failed.append(form)


def summarised_by_page(form) -> None:
    """The page summarises `form`'s errors its own way (the period review's list, in the order of
    its page): no second summary at the top."""
    from flask import g

    g.failed_forms = [f for f in g.get("failed_forms") or [] if f is not form]


def failed_forms() -> list:
    """The forms that failed in this request, in the order they failed."""
    from flask import g

    return list(g.get("failed_forms") or [])


class ActionForm(Form):
    """A button-only POST: CSRF protection and nothing else."""


def button_action(act, message: str | None, back: str):
    """Answer a button-only POST: check CSRF, `act()`, commit, flash, redirect to `back`; a
    ServiceError rolls back and becomes the flashed message."""
    from flask import abort, flash, redirect

    from app.web import commit

    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(act)
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        if message:
            flash(message, "success")
    return redirect(back)


class VersionedForm(Form):
    """A form editing a row that others may edit too: carries the version it was loaded at."""

    version = HiddenField()


class DecimalField(StringField):
    """A number typed the Indonesian way ("85,5", "1.234,5"); `data` is a Decimal or None.
    A number that cannot be read becomes a message at the field (NumberError is a ValueError)."""

    def __init__(self, *args, **kwargs):
        render_kw = {"inputmode": "decimal", "autocomplete": "off", **(kwargs.pop("render_kw", None) or {})}
        super().__init__(*args, render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        self.data = None
        if valuelist:
            self.data = parse_decimal(valuelist[0])

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return input_text(self.data) if self.data is not None else ""


DATE_HINT = "Tulis sebagai hh/bb/tttt, mis. 17/08/2026."


class IndonesianDateField(DateField):
    """A date typed the Indonesian way, dd/mm/yyyy, whatever the browser's language (a native
    date input shows the browser's own format); "17-8-2026", "17.08.2026" and the ISO form are read
    too. static/js/capaian.js adds a button that opens the browser's calendar."""

    widget = TextInput()
    FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d")

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"inputmode": "numeric", "autocomplete": "off", "placeholder": "hh/bb/tttt",
                     "data-date-picker": "", **(kwargs.pop("render_kw", None) or {})}
        kwargs.setdefault("invalid_value_message", "Tanggal tidak valid: " + DATE_HINT[0].lower() + DATE_HINT[1:])
        super().__init__(label, validators, format=list(self.FORMATS), render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        text = " ".join(valuelist or []).strip()
        super().process_formdata([text] if text else [])
        if text == "":
            self.data = None


TIME_HINT = "Tulis sebagai jj.mm, mis. 08.30."


class IndonesianTimeField(StringField):
    """A time of day typed the Indonesian way, "08.30" (also "8.30", "08:30", "0830"); `data` is a
    datetime.time or None. A time that cannot be read becomes a message at the field."""

    def __init__(self, label=None, validators=None, **kwargs):
        render_kw = {"inputmode": "numeric", "autocomplete": "off", "placeholder": "jj.mm", "maxlength": 5,
                     **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)

    def process_formdata(self, valuelist):
        import datetime as dt
        import re

        self.data = None
        text = (valuelist[0] if valuelist else "").strip()
        if not text:
            return
        match = re.fullmatch(r"(\d{1,2})[.:]?(\d{2})", text)
        if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            raise ValueError("Jam tidak valid: " + TIME_HINT[0].lower() + TIME_HINT[1:])
        self.data = dt.time(int(match.group(1)), int(match.group(2)))

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return f"{self.data.hour:02d}.{self.data.minute:02d}" if self.data is not None else ""


def choices(pairs, optgroup: str | None = None) -> list[SelectChoice]:
    """(value, label) pairs as WTForms SelectChoice options."""
    return [SelectChoice(value, label, optgroup=optgroup) for value, label in pairs]


def apply_service_error(form: Form, error: ServiceError) -> None:
    """Show a service's refusal(s) next to their fields, or above the form."""
    mark_failed(form)
    for name, message in getattr(error, "errors", None) or [(error.field, error.message)]:
        field = getattr(form, name, None) if name else None
        if field is not None:
            field.errors = list(field.errors or []) + [message]
        else:
            form.form_errors.append(message)


def error_items(form) -> list[tuple[str, str, str]]:
    """Every field error of `form` as (the field's id, its label, the messages), in the form's
    order, nested fields (a FieldList of FormFields) included: the summary above a form that failed
    (`_forms.html` form_errors) links each to its field."""
    items: list[tuple[str, str, str]] = []

    def walk(fields, prefix: str = "") -> None:
        for f in fields:
            if f.type == "CSRFTokenField":
                continue
            if f.type in ("FormField", "FieldList"):
                label = f.label.text if f.label and f.label.text else ""
                walk(list(f), f"{prefix}{label} — " if label and f.type == "FieldList" else prefix)
                continue
            messages = [m for m in (f.errors or []) if isinstance(m, str)]
            if messages:
                anchor = f"{f.id}-0" if f.type == "RadioField" else f.id  # a radio group: its first option
                items.append((anchor, f"{prefix}{f.label.text if f.label else f.name}", " ".join(messages)))

    walk(form)
    return items
