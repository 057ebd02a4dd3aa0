"""Settings of the instansi (kop, place, paper size, kepala daerah, logo) and the review rules
(rating thresholds, curve enforcement, keberatan window): superadmin only."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for

from app.admin import bp
from app.admin.forms import SettingsForm
from app.domain.enums import CurveEnforcement, LatePolicy, PaperSize
from app.extensions import db
from app.forms import apply_service_error
from app.security import superadmin_required
from app.services import ServiceError
from app.services.settings import get_settings, update_settings
from flask_login import current_user
from werkzeug.datastructures import CombinedMultiDict, MultiDict

_IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


def _sniff_image(data: bytes) -> str | None:
    for signature, mime in _IMAGE_SIGNATURES.items():
        if data.startswith(signature):
            return mime
    return None


def _posted(current) -> CombinedMultiDict:
    """What was posted; review settings a page without those fields left out keep their value."""
    kept = MultiDict({"rating_above": str(current.rating_above), "rating_below": str(current.rating_below),
                      "curve_enforcement": current.curve_enforcement.value,
                      "objection_days": str(current.objection_days)})
    return CombinedMultiDict([request.files, request.form, kept])


@bp.route("/pengaturan", methods=["GET", "POST"])
@superadmin_required
def settings():
    """Edit the instansi settings printed on documents."""
    current = get_settings()
    form = SettingsForm(obj=current) if request.method == "GET" else SettingsForm(formdata=_posted(current))
    if request.method == "GET":
        form.version.data = current.version
        form.paper_size.data = current.paper_size.value
        form.late_submission.data = current.late_submission.value
        form.curve_enforcement.data = current.curve_enforcement.value
    if form.validate_on_submit():
        logo = None
        upload = form.logo.data
        if upload and getattr(upload, "filename", ""):
            data = upload.read(current_app.config["LOGO_MAX_BYTES"] + 1)
            mime = _sniff_image(data)
            if len(data) > current_app.config["LOGO_MAX_BYTES"]:
                form.logo.errors = ["Logo lebih dari 1 MB; perkecil gambarnya."]
            elif mime is None:
                form.logo.errors = ["Logo harus berupa gambar PNG atau JPEG."]
            else:
                logo = (data, mime)
        if not form.logo.errors:
            try:
                version = int(form.version.data or 0)
            except ValueError:
                version = -1
            try:
                update_settings(
                    current_user,
                    {
                        "region_name": form.region_name.data.strip(),
                        "document_place": form.document_place.data.strip(),
                        "head_title": form.head_title.data.strip(),
                        "head_name": (form.head_name.data or "").strip(),
                        "paper_size": PaperSize.parse(form.paper_size.data) or PaperSize.A4,
                        "late_submission": LatePolicy.parse(form.late_submission.data) or LatePolicy.ALLOW_MARKED,
                        "rating_above": form.rating_above.data,
                        "rating_below": form.rating_below.data,
                        "curve_enforcement": CurveEnforcement.parse(form.curve_enforcement.data)
                        or CurveEnforcement.WARN,
                        "objection_days": form.objection_days.data,
                    },
                    version=version, logo=logo, remove_logo=bool(form.remove_logo.data) and logo is None,
                )
            except ServiceError as error:
                db.session.rollback()
                apply_service_error(form, error)
            else:
                db.session.commit()
                flash("Pengaturan disimpan.", "success")
                return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form, current=current)
