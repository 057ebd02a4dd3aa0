"""Views of the auth blueprint."""
from __future__ import annotations

import datetime as dt

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from app.auth.blueprint import bp
from app.auth.forms import ActivationForm, ChangePasswordForm, LoginForm
from app.extensions import db, limiter
from app.formatting import tanggal_jam
from app.forms import ActionForm, apply_service_error
from app.services import ServiceError
from app.services.org import accounts
from app.web import commit, safe_next

LOGIN_FAILED = (
    "NIP atau kata sandi salah, atau akun belum aktif. Setelah {n} kali gagal, percobaan berikutnya "
    "dari perangkat ini untuk NIP tersebut ditunda sementara."
)
LOGIN_DELAYED = (
    "Terlalu banyak percobaan masuk yang gagal untuk NIP ini dari perangkat Anda. Coba lagi setelah "
    "{until}. Lupa kata sandi? Minta kode aktivasi kepada pengelola kinerja."
)
LOGIN_LOCKED = (
    "Akun ini dikunci sementara sampai {until} karena banyak percobaan masuk yang gagal dari perangkat "
    "lain. Anda tetap dapat masuk dari perangkat yang biasa Anda pakai, atau minta kode aktivasi kepada "
    "pengelola kinerja untuk membuka kunci sekarang."
)


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _minute_after(moment: dt.datetime) -> str:
    """The moment rounded up to the minute, as people read a clock ("4 Desember 2026 09.16 WIB")."""
    return tanggal_jam((moment + dt.timedelta(seconds=59)).replace(second=0, microsecond=0))


@bp.route("/masuk", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def login():
    """Log in with NIP and password."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        # The read ends before the password check, which must not hold SQLite's write lock.
        # The failure counters are kept (committed) even when the login fails.
        outcome = commit(lambda: accounts.authenticate(form.nip.data, form.password.data,
                                                       address=request.remote_addr, release=db.session.rollback))
        user = outcome.user
        if user is not None:
            session.pop("csrf_token", None)  # a new CSRF token for the new session
            login_user(user)
            if user.must_change_password:
                flash("Anda wajib mengganti kata sandi sebelum melanjutkan.", "warning")
                return redirect(url_for("auth.change_password"))
            return redirect(safe_next(form.next.data) or url_for("main.home"))
        if outcome.locked_until is not None:
            form.form_errors.append(LOGIN_LOCKED.format(until=_minute_after(outcome.locked_until)))
        elif outcome.delayed_until is not None:
            form.form_errors.append(LOGIN_DELAYED.format(until=_minute_after(outcome.delayed_until)))
        else:
            form.form_errors.append(LOGIN_FAILED.format(n=current_app.config["LOGIN_MAX_FAILURES"]))
    return render_template("auth/login.html", form=form)


@bp.route("/keluar", methods=["POST"])
def logout():
    """Log out (POST only, CSRF-protected)."""
    form = ActionForm()
    if form.validate_on_submit():
        if current_user.is_authenticated:
            # A copy of this session's cookie (a shared office PC, a stolen cookie) stops working.
            commit(lambda: accounts.end_sessions(current_user))
        logout_user()
        session.pop("csrf_token", None)
        flash("Anda telah keluar.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/kata-sandi", methods=["GET", "POST"])
@login_required
def change_password():
    """Change my password (forced after an operator set it)."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            commit(lambda: accounts.change_password(current_user, form.current.data, form.password.data,
                                                    form.confirm.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            login_user(current_user._get_current_object())  # token rotated: keep this session
            flash("Kata sandi berhasil diubah.", "success")
            return redirect(url_for("main.home"))
    return render_template("auth/change_password.html", form=form)


@bp.route("/aktivasi", methods=["GET", "POST"])
@bp.route("/aktivasi/<code>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def activate(code: str | None = None):
    """Set a password with a one-time activation code from the pengelola kinerja."""
    if current_user.is_authenticated:
        flash("Anda sudah masuk. Untuk mengganti kata sandi, gunakan menu Ubah kata sandi.", "info")
        return redirect(url_for("main.home"))
    form = ActivationForm()
    if request.method == "GET" and code:
        form.code.data = code
    if form.validate_on_submit():
        try:
            commit(lambda: accounts.activate(form.nip.data, form.code.data, form.password.data, form.confirm.data))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Akun Anda aktif. Silakan masuk dengan kata sandi baru.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/activate.html", form=form)
