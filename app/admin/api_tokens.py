"""Token API: the super admin gives an outside system (payroll, SIMPEG) a token for the read-only
JSON API with the data it may read, sees it once, sees what it asked, and revokes it."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from wtforms import SelectMultipleField, StringField
from wtforms.widgets import CheckboxInput, ListWidget

from app.admin.blueprint import bp
from app.extensions import db
from app.forms import ActionForm, Form, apply_service_error, choices
from app.models import ApiToken
from app.security import superadmin_required
from app.services import ServiceError
from app.services import api_tokens as svc
from app.web import commit


class TokenForm(Form):
    name = StringField("Nama sistem", render_kw={"maxlength": 120}, description="Mis. Aplikasi gaji BPKAD.")
    scopes = SelectMultipleField("Data yang boleh dibaca", choices=choices(list(svc.SCOPES.items())),
                                 widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())


def _render(form, secret=None, status: int = 200):
    return render_template("admin/api_tokens.html", form=form, tokens=svc.all_tokens(), secret=secret,
                           requests=svc.recent_requests(), scopes=svc.SCOPES, action_form=ActionForm()), status


@bp.route("/token-api", methods=["GET", "POST"])
@superadmin_required
def api_tokens():
    form = TokenForm()
    if form.validate_on_submit():
        try:
            token, secret = commit(lambda: svc.create(current_user._get_current_object(), form.name.data or "",
                                                      list(form.scopes.data or [])))
        except ServiceError as error:
            apply_service_error(form, error)
            return _render(form, status=422)
        # shown once, in this answer only (never flashed: the session cookie would carry it)
        return _render(TokenForm(formdata=None), secret=(token.name, secret))
    return _render(form, status=422 if form.errors else 200)


@bp.route("/token-api/<int:token_id>/cabut", methods=["POST"])
@superadmin_required
def api_token_revoke(token_id: int):
    token = db.session.get(ApiToken, token_id)
    if token is None:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        commit(lambda: svc.revoke(current_user._get_current_object(), token))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash(f"Token untuk {token.name} dicabut; sistem itu tidak dapat membaca apa pun lagi.", "success")
    return redirect(url_for("admin.api_tokens"))
