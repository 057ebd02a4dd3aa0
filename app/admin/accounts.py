"""Accounts of pegawai: activation code (reset), unlock, roles and OPD scopes."""
from __future__ import annotations

import smtplib

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.admin.blueprint import bp
from app.admin.forms import RoleForm
from app.admin.loaders import employee_or_404, managed_account
from app.domain.enums import Role
from app.extensions import db
from app.formatting import tanggal_jam
from app.forms import ActionForm, button_action, choices
from app.services import ServiceError
from app.services.mail import mail_enabled, send_mail
from app.services.org.accounts import ensure_account, issue_activation, link_account, set_role, unlock
from app.web import commit
from app.services.org.units import opds_in_scope


def _base_url() -> str:
    return current_app.config.get("BASE_URL") or request.url_root.rstrip("/")


@bp.route("/pegawai/<int:employee_id>/akun/reset", methods=["POST"])
def account_reset(employee_id: int):
    """Make a one-time activation code (72 h); e-mail it, or show it once to hand over."""
    employee = employee_or_404(employee_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    managed_account(employee, "membuat kode aktivasi")
    if not employee.active:
        flash("Pegawai nonaktif tidak dapat diberi kode aktivasi.", "danger")
        return redirect(url_for("admin.employee_detail", employee_id=employee.id))
    user = ensure_account(employee, current_user)
    if user is None:
        abort(403, description="Akun dengan NIP ini menunggu penautan oleh super admin.")
    code, expires = commit(lambda: issue_activation(current_user, user))
    link = f"{_base_url()}{url_for('auth.activate', code=code)}"
    emailed, mail_error = False, None
    if mail_enabled() and employee.email:
        body = render_template("admin/activation_email.txt", employee=employee, code=code, link=link,
                               expires=tanggal_jam(expires))
        try:
            send_mail(employee.email, "Kode aktivasi akun Capaian", body)
            emailed = True
        except (OSError, smtplib.SMTPException) as exc:
            current_app.logger.warning("Activation e-mail to %s failed: %s", employee.email, exc)
            mail_error = "Email tidak terkirim; serahkan kode di bawah ini secara langsung."
    return render_template("admin/activation_code.html", employee=employee, code=None if emailed else code,
                           link=None if emailed else link, expires=expires, emailed=emailed,
                           mail_error=mail_error)


@bp.route("/pegawai/<int:employee_id>/akun/buka-kunci", methods=["POST"])
def account_unlock(employee_id: int):
    """Unlock an account locked after too many failed logins."""
    employee = employee_or_404(employee_id)
    if not ActionForm().validate_on_submit() or employee.user is None:
        abort(400)
    managed_account(employee, "membuka kunci akun")
    commit(lambda: unlock(current_user, employee.user))
    flash("Kunci akun dibuka.", "success")
    return redirect(url_for("admin.employee_detail", employee_id=employee.id))


@bp.route("/pegawai/<int:employee_id>/akun/peran", methods=["POST"])
def account_role(employee_id: int):
    """Grant or withdraw Pengelola Kinerja (with OPD scopes) or Super Admin: superadmin only."""
    if not current_user.is_superadmin:
        abort(403)
    employee = employee_or_404(employee_id)
    user = ensure_account(employee, current_user)
    form = RoleForm()
    opds = opds_in_scope(current_user)  # every OPD: roles are a super admin's to set
    form.opds.choices = choices((o.id, o.name) for o in opds)
    if not form.validate_on_submit():
        db.session.rollback()
        flash("Pilihan peran atau perangkat daerah tidak valid.", "danger")
        return redirect(url_for("admin.employee_detail", employee_id=employee.id))
    chosen = [o for o in opds if o.id in set(form.opds.data or [])]
    try:
        commit(lambda: set_role(current_user, user, Role.parse(form.role.data) or Role.PEGAWAI, chosen))
    except ServiceError as error:
        flash(error.message, "danger")
    else:
        flash("Peran akun disimpan.", "success")
    return redirect(url_for("admin.employee_detail", employee_id=employee.id))


@bp.route("/pegawai/<int:employee_id>/akun/tautkan", methods=["POST"])
def account_link(employee_id: int):
    """Link the unlinked account with this pegawai's NIP (made by `flask create-admin`): super
    admin only, since the account may carry admin powers."""
    if not current_user.is_superadmin:
        abort(403, description="Hanya super admin yang dapat menautkan akun pengelola ke pegawai.")
    employee = employee_or_404(employee_id)
    return button_action(lambda: link_account(current_user, employee), "Akun ditautkan ke pegawai ini.",
                         url_for("admin.employee_detail", employee_id=employee.id))
