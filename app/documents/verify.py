"""The public verification page (no login): is the code on a printed document genuine, is it
still valid, and is an uploaded PDF the very file that was issued. Shows only what the paper
itself shows (with the NIP partly masked) and is rate-limited per client address."""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, redirect, render_template, url_for
from sqlalchemy import select

from app.documents.blueprint import verification_bp as bp
from app.documents.forms import CodeForm, UploadForm
from app.domain.nip import MONTHS_ID
from app.extensions import db, limiter
from app.models import Document, TppList
from app.services.documents import issue as docs

MB = 1024 * 1024


def _limit() -> str:
    return current_app.config["VERIFY_RATE_LIMIT"]


@bp.route("/verifikasi", methods=["GET", "POST"])
@limiter.limit(_limit)
def index():
    """Type the verification code printed on a document."""
    form = CodeForm()
    if form.validate_on_submit():
        code = docs.normalise_code(form.code.data)
        if code is not None:
            return redirect(url_for("verification.code", code=code))
        form.code.errors = ["Kode verifikasi terdiri atas 12 huruf dan angka (tanpa huruf I, L, O dan angka 0, 1), "
                            "misalnya K7QM-2XHP-WD9R."]
    return render_template("documents/verify_index.html", form=form)


def tpp_list(code: str) -> TppList | None:
    """The issued TPP list with this verification code (its codes share the documents' form)."""
    normal = docs.normalise_code(code)
    return db.session.scalar(select(TppList).where(TppList.code == normal)) if normal else None


def _newer(document: Document) -> Document | None:
    return docs.successor(document)


@bp.route("/verifikasi/<code>", methods=["GET", "POST"])
@limiter.limit(_limit)
def code(code: str):
    """What the document with this code is, whether it is still valid; compare an uploaded PDF."""
    document = docs.find_by_code(code)
    tpp = tpp_list(code) if document is None else None
    if document is None and tpp is None:
        return render_template("documents/verify_unknown.html", code=code[:40], form=CodeForm(formdata=None)), 404
    form = UploadForm()
    match = None
    if form.validate_on_submit():
        data = form.file.data.read(current_app.config["VERIFY_UPLOAD_MAX_BYTES"] + 1)
        limit = current_app.config["VERIFY_UPLOAD_MAX_BYTES"]
        if len(data) > limit:
            form.file.errors = [f"Berkas lebih dari {limit // MB} MB; dokumen yang diterbitkan tidak sebesar itu."]
        elif not data.startswith(b"%PDF-"):
            form.file.errors = ["Berkas ini bukan PDF. Unggah berkas PDF dokumen yang ingin dicocokkan."]
        else:
            match = (hmac.compare_digest(hashlib.sha256(data).hexdigest(), tpp.sha256 or "") if tpp is not None
                     else docs.verify_upload(document, data))
    if tpp is not None:
        newer = db.session.scalar(select(TppList).where(
            TppList.opd_id == tpp.opd_id, TppList.year == tpp.year, TppList.month == tpp.month,
            TppList.version > tpp.version).order_by(TppList.version.desc()).limit(1))
        return render_template("documents/verify_tpp.html", issued=tpp, newer=newer, form=form, match=match,
                               month_name=f"{MONTHS_ID[tpp.month - 1]} {tpp.year}",
                               count=len(tpp.snapshot.get("lines") or []))
    facts = (document.snapshot or {}).get("subject") or {}
    return render_template("documents/verify.html", document=document, facts=facts,
                           nip=docs.mask_nip(facts.get("nip")), newer=_newer(document), form=form, match=match)
