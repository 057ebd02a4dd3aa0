"""Kalimat umpan balik: the pick-list of common feedback phrases on the review page, per scope
(hasil kerja, perilaku kerja). Kabupaten-wide: any pengelola kinerja maintains it (add, edit,
deactivate, reorder); every change is in the audit log."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from wtforms import SelectField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.admin.blueprint import bp
from app.domain.enums import PhraseScope
from app.extensions import db
from app.forms import ActionForm, Form, apply_service_error, button_action, choices
from app.models import FeedbackPhrase
from app.services import ServiceError
from app.services.reviews import phrases as svc
from app.web import commit


class PhraseForm(Form):
    scope = SelectField("Lingkup", choices=choices(PhraseScope.choices()))
    text = TextAreaField(
        "Kalimat", validators=[DataRequired("Tuliskan kalimatnya."),
                               Length(max=svc.MAX_TEXT, message=f"Kalimat paling banyak {svc.MAX_TEXT} karakter.")],
        render_kw={"rows": 3, "maxlength": svc.MAX_TEXT},
        description="Satu kalimat singkat yang sering ditulis Pejabat Penilai. Muncul di daftar pilihan di samping "
                    "kolom umpan balik pada halaman tinjauan.")


def phrase_or_404(phrase_id: int) -> FeedbackPhrase:
    """A phrase, or 404 (the list is kabupaten-wide: no OPD scope)."""
    phrase = db.session.get(FeedbackPhrase, phrase_id)
    if phrase is None:
        abort(404)
    return phrase


def _list_url(phrase: FeedbackPhrase | None = None) -> str:
    return url_for("admin.phrases") + (f"#kalimat-{phrase.id}" if phrase is not None else "")


@bp.route("/kalimat-umpan-balik")
def phrases():
    """The phrases of both scopes in their order, active and inactive."""
    return render_template("admin/phrases.html", groups=svc.phrases_by_scope(), action_form=ActionForm())


def _save(form: PhraseForm, phrase: FeedbackPhrase | None):
    scope = PhraseScope.parse(form.scope.data)

    def save() -> FeedbackPhrase:
        if phrase is None:
            return svc.create_phrase(current_user, scope, form.text.data)
        svc.update_phrase(current_user, phrase, scope, form.text.data)
        return phrase

    try:
        return commit(save)
    except ServiceError as error:
        apply_service_error(form, error)
        return None


@bp.route("/kalimat-umpan-balik/baru", methods=["GET", "POST"])
def phrase_new():
    """Add a phrase at the end of its scope's list."""
    form = PhraseForm()
    if request.method == "GET":
        form.scope.data = (PhraseScope.parse(request.args.get("lingkup")) or PhraseScope.HASIL).value
    if form.validate_on_submit():
        phrase = _save(form, None)
        if phrase is not None:
            flash("Kalimat umpan balik ditambahkan.", "success")
            return redirect(_list_url(phrase))
    return render_template("admin/phrase_form.html", form=form, phrase=None)


@bp.route("/kalimat-umpan-balik/<int:phrase_id>/ubah", methods=["GET", "POST"])
def phrase_edit(phrase_id: int):
    """Change a phrase's words or scope; feedback written with it earlier keeps its own words."""
    phrase = phrase_or_404(phrase_id)
    form = PhraseForm(obj=phrase if request.method == "GET" else None)
    if request.method == "GET":
        form.scope.data = phrase.scope.value
    if form.validate_on_submit() and _save(form, phrase) is not None:
        flash("Kalimat umpan balik disimpan.", "success")
        return redirect(_list_url(phrase))
    return render_template("admin/phrase_form.html", form=form, phrase=phrase)


@bp.route("/kalimat-umpan-balik/<int:phrase_id>/nonaktifkan", methods=["POST"])
def phrase_deactivate(phrase_id: int):
    """No longer offer a phrase on the review page (it stays in the list, to be activated again)."""
    phrase = phrase_or_404(phrase_id)
    return button_action(lambda: svc.set_active(current_user, phrase, False),
                        "Kalimat dinonaktifkan; tidak lagi muncul di halaman tinjauan.", _list_url(phrase))


@bp.route("/kalimat-umpan-balik/<int:phrase_id>/aktifkan", methods=["POST"])
def phrase_activate(phrase_id: int):
    """Offer a deactivated phrase again."""
    phrase = phrase_or_404(phrase_id)
    return button_action(lambda: svc.set_active(current_user, phrase, True), "Kalimat diaktifkan kembali.",
                        _list_url(phrase))


@bp.route("/kalimat-umpan-balik/<int:phrase_id>/naik", methods=["POST"], defaults={"step": -1})
@bp.route("/kalimat-umpan-balik/<int:phrase_id>/turun", methods=["POST"], defaults={"step": 1})
def phrase_move(phrase_id: int, step: int):
    """Move a phrase one place up or down within its scope."""
    phrase = phrase_or_404(phrase_id)
    return button_action(lambda: svc.move_phrase(current_user, phrase, step), None, _list_url(phrase))


@bp.route("/kalimat-umpan-balik/contoh", methods=["POST"])
def phrase_defaults():
    """Fill an empty list with suggested phrases, to edit from there."""
    return button_action(lambda: svc.add_defaults(current_user),
                        "Kalimat contoh ditambahkan; ubah atau nonaktifkan sesuai kebutuhan.", url_for("admin.phrases"))
