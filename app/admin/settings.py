"""Settings of the instansi (kop, place, paper size, kepala daerah, logo) and the review rules
(rating thresholds, curve enforcement, keberatan window): superadmin only."""
from __future__ import annotations

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.datastructures import CombinedMultiDict, MultiDict

from app.admin.blueprint import bp
from app.admin.forms import SettingsForm
from app.domain.enums import CurveEnforcement, LatePolicy, PaperSize
from app.forms import apply_service_error
from app.security import superadmin_required
from app.services import ServiceError
from app.services.settings import checked_logo, get_settings, update_settings
from app.web import commit


def _posted(current) -> CombinedMultiDict:
    """What was posted; review settings a page without those fields left out keep their value."""
    kept = MultiDict({"rating_above": str(current.rating_above), "rating_below": str(current.rating_below),
                      "curve_enforcement": current.curve_enforcement.value,
                      "objection_days": str(current.objection_days), "bkpsdm_title": current.bkpsdm_title,
                      "org_predikat_thresholds": current.org_predikat_thresholds,
                      "bkpsdm_name": current.bkpsdm_name, "bkpsdm_nip": current.bkpsdm_nip,
                      "day_minutes": str(current.day_minutes), "day_limit_minutes": str(current.day_limit_minutes),
                      "entry_days": str(current.entry_days), "verify_days": str(current.verify_days),
                      "unverified_accepted": "1" if current.unverified_accepted else "0",
                      "work_start": f"{current.work_start:%H.%M}", "work_end": f"{current.work_end:%H.%M}",
                      "friday_end": f"{current.friday_end:%H.%M}",
                      "tpp_productivity_weight": str(current.tpp_productivity_weight),
                      "tpp_absent_percent": current.tpp_absent_percent, "tpp_late_bands": current.tpp_late_bands,
                      "tpp_early_bands": current.tpp_early_bands,
                      "tpp_productivity_source": current.tpp_productivity_source,
                      "tpp_predikat_percents": current.tpp_predikat_percents,
                      "tpp_away_rules": current.tpp_away_rules})
    return CombinedMultiDict([request.files, request.form, kept])


def _values(form: SettingsForm) -> dict:
    """The settings as the form holds them, in the service's terms."""
    return {
        "region_name": form.region_name.data.strip(),
        "document_place": form.document_place.data.strip(),
        "head_title": form.head_title.data.strip(),
        "head_name": (form.head_name.data or "").strip(),
        "bkpsdm_title": form.bkpsdm_title.data.strip(),
        "bkpsdm_name": (form.bkpsdm_name.data or "").strip(),
        "bkpsdm_nip": form.bkpsdm_nip.data or "",
        "paper_size": PaperSize.parse(form.paper_size.data) or PaperSize.A4,
        "late_submission": LatePolicy.parse(form.late_submission.data) or LatePolicy.ALLOW_MARKED,
        "rating_above": form.rating_above.data,
        "rating_below": form.rating_below.data,
        "curve_enforcement": CurveEnforcement.parse(form.curve_enforcement.data) or CurveEnforcement.WARN,
        "objection_days": form.objection_days.data,
        "org_predikat_thresholds": " ".join((form.org_predikat_thresholds.data or "").split()),
        "day_minutes": form.day_minutes.data,
        "day_limit_minutes": form.day_limit_minutes.data,
        "entry_days": form.entry_days.data,
        "verify_days": form.verify_days.data,
        "unverified_accepted": form.unverified_accepted.data == "1",
        "work_start": form.work_start.data,
        "work_end": form.work_end.data,
        "friday_end": form.friday_end.data,
        "tpp_productivity_weight": form.tpp_productivity_weight.data,
        "tpp_absent_percent": (form.tpp_absent_percent.data or "").strip(),
        "tpp_late_bands": (form.tpp_late_bands.data or "").strip(),
        "tpp_early_bands": (form.tpp_early_bands.data or "").strip(),
        "tpp_productivity_source": form.tpp_productivity_source.data,
        "tpp_predikat_percents": " ".join((form.tpp_predikat_percents.data or "").split()),
        "tpp_away_rules": " ".join((form.tpp_away_rules.data or "").split()),
    }


def form_version(form: SettingsForm) -> int:
    """The settings version the page was loaded with (a tampered value never matches)."""
    try:
        return int(form.version.data or 0)
    except ValueError:
        return -1


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
        form.unverified_accepted.data = "1" if current.unverified_accepted else "0"
    if form.validate_on_submit():
        upload = form.logo.data if getattr(form.logo.data, "filename", "") else None
        limit = current_app.config["LOGO_MAX_BYTES"]
        try:
            commit(lambda: update_settings(
                current_user, _values(form), version=form_version(form),
                logo=checked_logo(upload.read(limit + 1), limit) if upload is not None else None,
                remove_logo=bool(form.remove_logo.data) and upload is None))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash("Pengaturan disimpan.", "success")
            return redirect(url_for("admin.settings"))
    return render_template("admin/settings.html", form=form, current=current)
