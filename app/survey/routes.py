"""The survey page of a layanan, reached by the QR code at the counter: the nine questions, an
optional profile, a saran; one response per opening of the form; limits per client address and
per device (a cookie holding a random id, nothing else), and a kiosk mode for a tablet at the
counter (a secret link from the unit's pengelola) that returns to an empty form after each
respondent. Nothing is stored beyond what the form asks."""
from __future__ import annotations

import secrets

from flask import abort, current_app, make_response, redirect, render_template, request, url_for
from flask_limiter.util import get_remote_address
from sqlalchemy.exc import IntegrityError

from app.domain.satisfaction import UNSUR
from app.extensions import db, limiter
from app.forms import apply_service_error
from app.models.base import local_today
from app.services import ServiceError
from app.services.satisfaction import layanan as layanan_svc
from app.services.satisfaction import responses as responses_svc
from app.survey.blueprint import bp
from app.survey.forms import SurveyForm
from app.web import commit

DEVICE_COOKIE = "skm_perangkat"
POINTS = tuple(points for _, _, points in UNSUR)


def _address_limit() -> str:
    return current_app.config["SURVEY_ADDRESS_RATE_LIMIT"]


def _device_limit(service_id: int, device: str, *, count: bool) -> bool:
    """Whether this device may send another response for this layanan (SURVEY_DEVICE_LIMIT); with
    `count`, one response is counted (only responses kept count, not a form sent back with errors)."""
    from limits import parse

    item = parse(current_app.config["SURVEY_DEVICE_LIMIT"])
    if count:
        return limiter.limiter.hit(item, "capaian-skm-device", str(service_id), device)
    return limiter.limiter.test(item, "capaian-skm-device", str(service_id), device)


def _service(code: str):
    service = layanan_svc.by_code(code)
    if service is None or not service.active:
        abort(404)
    return service


def _answer(form: SurveyForm) -> responses_svc.Answer:
    def value(field) -> int | None:
        return int(field.data) if field.data in ("1", "2", "3", "4") else None

    return responses_svc.Answer(
        answers=tuple(value(f) for f in form.unsur_fields()), age_band=form.age_band.data or None,
        sex=form.sex.data or None, education=form.education.data or None,
        occupation=form.occupation.data or None, suggestion=form.suggestion.data)


def _page(code: str, kiosk_key: str | None):
    service = _service(code)
    service_id = service.id  # the commit below expires the object: no reload for this
    kiosk = kiosk_key is not None
    if kiosk and not layanan_svc.kiosk_key_valid(service, kiosk_key):
        abort(404)
    form = SurveyForm()
    device = request.cookies.get(DEVICE_COOKIE) or ""
    if len(device) != 32 or not all(ch in "0123456789abcdef" for ch in device):
        device = secrets.token_hex(16)
    status = 200
    if request.method == "POST" and form.validate_on_submit():
        if not kiosk and not _device_limit(service.id, device, count=False):
            form.form_errors.append("Perangkat ini sudah beberapa kali mengisi survei layanan ini hari ini. "
                                    "Terima kasih; setiap pengguna layanan cukup mengisi sekali.")
            status = 429
        else:
            source = responses_svc.source_of(get_remote_address(), local_today())
            try:
                _, new = commit(lambda: responses_svc.submit(service, _answer(form), token=form.visit.data,
                                                             source=source, kiosk=kiosk))
            except ServiceError as error:
                apply_service_error(form, error)
                status = 422
            except IntegrityError:  # the same visit sent twice at once: the other request kept it
                db.session.rollback()
                new = False
            if status == 200:
                if new and not kiosk:
                    _device_limit(service_id, device, count=True)
                target = url_for("survey.thanks_kiosk", code=code, key=kiosk_key) if kiosk \
                    else url_for("survey.thanks", code=code)
                response = redirect(target)
                if not kiosk:
                    response.set_cookie(DEVICE_COOKIE, device, max_age=365 * 86400, httponly=True, samesite="Lax",
                                        secure=request.is_secure)
                return response
    elif request.method == "POST":
        status = 422
    form.visit.data = responses_svc.visit_token(service)  # unused so far: a fresh one costs nothing
    response = make_response(render_template("satisfaction/survey.html", service=service, form=form, kiosk=kiosk,
                                             action=request.path, points=POINTS), status)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex"
    if not kiosk and request.cookies.get(DEVICE_COOKIE) != device:
        response.set_cookie(DEVICE_COOKIE, device, max_age=365 * 86400, httponly=True, samesite="Lax",
                            secure=request.is_secure)
    return response


@bp.route("/survei/<code>", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"])
def survey(code: str):
    """The survey of one layanan on the respondent's own phone."""
    return _page(code, None)


@bp.route("/survei/<code>/kios/<key>", methods=["GET", "POST"])
@limiter.limit(_address_limit, methods=["POST"])
def kiosk(code: str, key: str):
    """The same survey on the unit's tablet at the counter."""
    return _page(code, key)


@bp.route("/survei/<code>/terima-kasih")
def thanks(code: str):
    return render_template("satisfaction/thanks.html", service=_service(code), kiosk_url=None)


@bp.route("/survei/<code>/kios/<key>/terima-kasih")
def thanks_kiosk(code: str, key: str):
    service = _service(code)
    if not layanan_svc.kiosk_key_valid(service, key):
        abort(404)
    return render_template("satisfaction/thanks.html", service=service,
                           kiosk_url=url_for("survey.kiosk", code=code, key=key))
