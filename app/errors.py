"""Indonesian error pages (HTML, or JSON for /healthz-style clients)."""
from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.extensions import db

MESSAGES = {
    400: ("Permintaan tidak valid", "Permintaan yang dikirim tidak dapat diproses."),
    403: ("Akses ditolak", "Anda tidak berwenang membuka halaman atau melakukan tindakan ini."),
    404: ("Halaman tidak ditemukan", "Halaman atau data yang Anda cari tidak ada, atau tidak dapat Anda akses."),
    405: ("Metode tidak diizinkan", "Tindakan ini tidak dapat dilakukan dengan cara tersebut."),
    413: ("Berkas terlalu besar", "Ukuran berkas atau formulir yang dikirim melebihi batas yang diizinkan."),
    429: ("Terlalu banyak percobaan", "Terlalu banyak permintaan dari alamat Anda. Tunggu beberapa menit, lalu coba lagi."),
    500: ("Terjadi kesalahan", "Terjadi kesalahan pada server. Tidak ada data yang berubah; silakan coba lagi atau hubungi pengelola."),
}


def render_error(status: int, detail: str | None = None):
    title, message = MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400])
    return render_template(
        "errors/error.html", status=status, title=title, message=detail or message
    ), status


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(error):
        return render_error(
            400,
            "Formulir sudah kedaluwarsa atau tidak sah (token keamanan tidak cocok). "
            "Muat ulang halaman, lalu kirim kembali.",
        )

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith("/static/") or request.path.startswith("/bootstrap/"):
            return error
        # A view may say why it refuses (abort(403, description="...")); other answers keep
        # their Indonesian defaults (a 429's description is the limiter's English limit).
        custom = error.code == 403 and error.description != type(error).description
        detail = error.description if custom else None
        return render_error(error.code or 500, detail)

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        if isinstance(error, HTTPException):
            return http_error(error)
        db.session.rollback()
        app.logger.exception("Unhandled error on %s %s", request.method, request.path)
        return render_error(500)
