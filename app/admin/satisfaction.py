"""Survei Kepuasan Masyarakat for the pengelola kinerja of an OPD (and the super admin): the layanan
of their units, each layanan's results per period with the official report (PDF, XLSX), the QR
poster and the kiosk link, the moderation of the responses and the tindak lanjut of each saran."""
from __future__ import annotations

import io

from flask import abort, current_app, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from app.admin.blueprint import bp
from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.forms import Form, VersionedForm, apply_service_error, choices
from app.models import PublicService, SurveyResponse
from app.models.base import local_today
from app.services import ServiceError
from app.services.org.units import units_in_scope
from app.services.roster.sheets import XLSX_MIMETYPE
from app.services.satisfaction import layanan as layanan_svc
from app.services.satisfaction import responses as responses_svc
from app.services.satisfaction import results as results_svc
from app.services.settings import get_settings
from app.web import arg_id, commit, to_id

PER_PAGE = 50


class ServiceForm(VersionedForm):
    unit_id = SelectField("Unit penyelenggara layanan", coerce=to_id,
                          validators=[DataRequired("Pilih unit yang menyelenggarakan layanan.")])
    name = StringField("Nama layanan", validators=[DataRequired("Nama layanan wajib diisi, mis. 'Penerbitan KTP-el'."),
                                                   Length(max=200, message="Paling banyak 200 karakter.")],
                       description="Seperti dikenal masyarakat, mis. 'Penerbitan KTP-el' atau 'Poli Umum'.")
    description = TextAreaField("Keterangan (tidak wajib)", render_kw={"rows": 2, "maxlength": 2000})
    period_kind = SelectField("Periode survei", choices=choices(list(layanan_svc.PERIOD_KINDS.items())),
                              default="SEMESTER",
                              description="Hasil survei dihitung per periode ini (paling sedikit sekali setahun).")
    active = BooleanField("Survei dibuka (halaman survei dan kode QR dapat dipakai)", default=True)


class ReasonForm(Form):
    reason = StringField("Alasan disisihkan", render_kw={"maxlength": 300})


class FollowUpForm(Form):
    follow_up = TextAreaField("Tindak lanjut", render_kw={"rows": 2, "maxlength": 2000})
    back = HiddenField()


def _service_or_404(service_id: int) -> PublicService:
    service = db.session.get(PublicService, service_id)
    if service is None or not layanan_svc.may_manage(current_user, service):
        abort(404)
    return service


def _response_or_404(response_id: int) -> SurveyResponse:
    response = db.session.get(SurveyResponse, response_id)
    if response is None or not layanan_svc.may_manage(current_user, response.service):
        abort(404)
    return response


def _period(service: PublicService):
    period = results_svc.period_of(service.period_kind, request.args.get("periode"), local_today())
    if period is None:
        abort(404)
    return period


def _period_choices(service: PublicService) -> list:
    year = local_today().year
    return [p for y in (year, year - 1) for p in results_svc.periods(service.period_kind, y)]


def _unit_choices() -> list[tuple[int, str]]:
    return [(u.id, "\u00a0\u00a0" * max(u.depth - 1, 0) + u.name)
            for u in units_in_scope(current_user, active_only=True) if u.kind != OrgUnitKind.PEMDA]


@bp.route("/skm")
def skm():
    """The layanan I manage, each with its current period's IKM and how many answered."""
    services = layanan_svc.in_scope(current_user)
    today = local_today()
    summary = results_svc.summary(services, lambda s: results_svc.period_of(s.period_kind, None, today))
    return render_template("satisfaction/services.html", services=services, summary=summary,
                           units=results_svc.by_unit(services, today.year), year=today.year)


def _edit(service: PublicService | None):
    form = ServiceForm(obj=service if request.method == "GET" else None)
    form.unit_id.choices = choices(_unit_choices())
    if request.method == "GET" and service is not None:
        form.version.data = service.version
    if form.validate_on_submit():
        data = layanan_svc.ServiceData(unit_id=form.unit_id.data or 0, name=form.name.data or "",
                                       description=form.description.data, period_kind=form.period_kind.data,
                                       active=bool(form.active.data))
        try:
            if service is None:
                saved = commit(lambda: layanan_svc.create(current_user._get_current_object(), data))
            else:
                version = int(form.version.data) if (form.version.data or "").isdigit() else -1
                saved = commit(lambda: layanan_svc.update(current_user._get_current_object(), service, data,
                                                          version=version))
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash(f"Layanan {saved.name} disimpan.", "success")
            return redirect(url_for("admin.skm_results", service_id=saved.id))
    status = 422 if request.method == "POST" else 200
    return render_template("satisfaction/service_form.html", form=form, service=service), status


@bp.route("/skm/baru", methods=["GET", "POST"])
def skm_new():
    return _edit(None)


@bp.route("/skm/<int:service_id>/ubah", methods=["GET", "POST"])
def skm_edit(service_id: int):
    return _edit(_service_or_404(service_id))


@bp.route("/skm/<int:service_id>")
def skm_results(service_id: int):
    """One layanan's results in a period: NRR per unsur, IKM, mutu, profiles, saran."""
    service = _service_or_404(service_id)
    period = _period(service)
    result = results_svc.results(service, period)
    from app.services.charts import nrr_chart

    return render_template("satisfaction/results.html", service=service, r=result, period=period,
                           periods=_period_choices(service), follow_form=FollowUpForm(formdata=None),
                           chart=nrr_chart(result.rows, title=f"NRR per unsur, {period.label}"),
                           survey_url=url_for("survey.survey", code=service.code, _external=True),
                           profile=responses_svc.PROFILE)


@bp.route("/skm/<int:service_id>/jawaban")
def skm_responses(service_id: int):
    """The responses of a period, newest first, to set aside obvious spam (or restore)."""
    service = _service_or_404(service_id)
    period = _period(service)
    only = request.args.get("disisihkan") == "1"
    page = max(1, arg_id("halaman") or 1)
    rows, total = results_svc.responses_page(service, period, only_set_aside=only, page=page, per_page=PER_PAGE)
    return render_template("satisfaction/responses.html", service=service, period=period, rows=rows, total=total,
                           page=page, pages=max(1, (total + PER_PAGE - 1) // PER_PAGE), only=only,
                           periods=_period_choices(service), reason_form=ReasonForm(formdata=None))


def _back(response: SurveyResponse):
    target = request.form.get("back") or ""
    if not target.startswith("/pengelolaan/skm/"):
        target = url_for("admin.skm_responses", service_id=response.service_id)
    return redirect(target)


@bp.route("/skm/jawaban/<int:response_id>/sisihkan", methods=["POST"])
def skm_set_aside(response_id: int):
    response = _response_or_404(response_id)
    form = ReasonForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        commit(lambda: responses_svc.set_aside(current_user._get_current_object(), response, form.reason.data))
    except ServiceError as error:
        flash(str(error), "danger")
    else:
        flash(f"Jawaban #{response.id} disisihkan; tidak dihitung dalam hasil survei.", "success")
    return _back(response)


@bp.route("/skm/jawaban/<int:response_id>/pulihkan", methods=["POST"])
def skm_restore(response_id: int):
    response = _response_or_404(response_id)
    if not Form().validate_on_submit():
        abort(400)
    try:
        commit(lambda: responses_svc.restore(current_user._get_current_object(), response))
    except ServiceError as error:
        flash(str(error), "danger")
    else:
        flash(f"Jawaban #{response.id} dihitung kembali.", "success")
    return _back(response)


@bp.route("/skm/jawaban/<int:response_id>/tindak-lanjut", methods=["POST"])
def skm_follow_up(response_id: int):
    response = _response_or_404(response_id)
    form = FollowUpForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        commit(lambda: responses_svc.follow_up(current_user._get_current_object(), response, form.follow_up.data))
    except ServiceError as error:
        flash(f"Saran #{response.id}: {error}", "danger")
    else:
        flash(f"Tindak lanjut saran #{response.id} disimpan.", "success")
    return _back(response)


@bp.route("/skm/<int:service_id>/kios", methods=["POST"])
def skm_kiosk(service_id: int):
    """A new kiosk link for the unit's tablet, shown once (the previous one stops working)."""
    service = _service_or_404(service_id)
    if not Form().validate_on_submit():
        abort(400)
    key = commit(lambda: layanan_svc.new_kiosk_key(current_user._get_current_object(), service))
    return render_template("satisfaction/kiosk_link.html", service=service,
                           url=url_for("survey.kiosk", code=service.code, key=key, _external=True))


def _filename(service: PublicService, period, suffix: str) -> str:
    name = f"skm-{service.name}-{period.key}"
    return "".join(ch if ch.isalnum() else "-" for ch in name.lower()).strip("-") + suffix


@bp.route("/skm/<int:service_id>/laporan.pdf")
def skm_report_pdf(service_id: int):
    service = _service_or_404(service_id)
    period = _period(service)
    settings = get_settings()
    data = results_svc.report_pdf(results_svc.results(service, period), region=settings.region_name,
                                  place=settings.document_place, today=local_today())
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=_filename(service, period, ".pdf"), max_age=0)


@bp.route("/skm/<int:service_id>/laporan.xlsx")
def skm_report_xlsx(service_id: int):
    service = _service_or_404(service_id)
    period = _period(service)
    data = results_svc.report_xlsx(results_svc.results(service, period))
    return send_file(io.BytesIO(data), mimetype=XLSX_MIMETYPE, as_attachment=True,
                     download_name=_filename(service, period, ".xlsx"), max_age=0)


@bp.route("/skm/<int:service_id>/poster.pdf")
def skm_poster(service_id: int):
    service = _service_or_404(service_id)
    size = "A5" if request.args.get("ukuran") == "A5" else "A4"
    data = results_svc.poster_pdf(service, url_for("survey.survey", code=service.code, _external=True), size=size,
                                  region=get_settings().region_name)
    return send_file(io.BytesIO(data), mimetype="application/pdf", as_attachment=True,
                     download_name=f"poster-survei-{service.code}-{size.lower()}.pdf", max_age=0)
