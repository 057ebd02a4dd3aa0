"""Walk every route of the app as anonymous, as a plain pegawai and as the admin of another OPD,
and assert the refusals. A new route fails here until it is classified below."""
import datetime as dt
import re
from decimal import Decimal

import pytest

from app.domain.enums import ActingKind, PositionKind
from app.domain.skp import Aspect, PlanStatus, ResultKind
from app.extensions import db
from app.domain.enums import (
    AssessmentStatus, EvaluationStatus, EvidenceKind, FollowUpKind, ObjectionStatus, PhraseScope, Programme,
)
from app.domain.scoring import Predikat, Rating
from app.models import (
    Activity, ApiToken, Holiday, Metric, PublicService, SurveyResponse, TppList,
    ActingAssignment, AnnualEvaluation, Assessment, Document, Evidence, ExportJob, FeedbackPhrase, FollowUp,
    LibraryResult, Notification, Objection, OrgTarget, Realization,
)
from app.domain.enums import DocumentKind, JobStatus
from app.models.base import utcnow

# Reachable without logging in.
PUBLIC = {"static", "bootstrap.static", "main.healthz", "main.logo", "auth.login", "auth.activate",
          "verification.index", "verification.code", "main.unsubscribe",
          "survey.survey", "survey.kiosk", "survey.thanks", "survey.thanks_kiosk"}
# Every logged-in user may use these for themselves.
SELF_SERVICE = {"main.home", "main.profile", "auth.change_password", "auth.logout", "main.notifications",
                "main.notifications_read_all", "main.notification_open", "main.reminder_preference", "main.guide"}
# Admin routes that act on one object of an OPD: another OPD's admin gets 403/404 (no leak).
ADMIN_OBJECT_ARGS = {"employee_id", "unit_id", "assignment_id", "token", "target_id", "opd_id", "job_id", "list_id",
                     "service_id", "response_id", "metric_id"}
# Admin routes only a superadmin may use (the whole kabupaten's settings and calendar).
SUPERADMIN_ONLY_PREFIXES = ("admin.settings", "admin.year", "admin.holiday", "admin.tpp_basis", "admin.api_token")
# Kabupaten-wide master data any pengelola kinerja maintains (the indicator library per jabatan).
KABUPATEN_WIDE_PREFIXES = ("admin.library", "admin.phrase")
# SKP and assessment routes on one pegawai's data: strangers get 403/404.
PLAN_OBJECT_ARGS = {"plan_id", "result_id", "indicator_id", "other_id", "opd_id",
                    "assessment_id", "realization_id", "evidence_id", "employee_id",
                    "evaluation_id", "objection_id", "follow_up_id", "document_id", "activity_id"}
# The read-only JSON API: a bearer token, never a session (tests/tpp/test_api.py).
API_PREFIX = "api."
# Blueprints of logged-in pegawai pages (each view checks the object itself).
PEGAWAI_PREFIXES = ("indicators.", "assessments.", "reviews.", "documents.", "daily.")


def _routes(app):
    for rule in app.url_map.iter_rules():
        methods = sorted(m for m in rule.methods if m in {"GET", "POST"})
        yield rule, methods


@pytest.fixture
def world(factory):
    opd_a, opd_b = factory.opd("Dinas A"), factory.opd("Dinas B")
    unit_a = factory.unit(opd_a, "Bidang A1")
    boss = factory.employee(unit_a, name="Atasan A", position_kind=PositionKind.ADMINISTRATOR)
    subject = factory.employee(unit_a, assessor=boss, name="Subjek A")
    pegawai = factory.employee(unit_a, name="Rekan A")  # same unit, not in the subject's line
    admin_b = factory.admin([opd_b])
    assignment = ActingAssignment(
        kind=ActingKind.PLT, acting_employee=boss, unit=unit_a, position="Kepala Bidang A1",
        start_date=dt.date.today(), end_date=dt.date.today() + dt.timedelta(days=30))
    db.session.add(assignment)
    year = factory.skp.year(2026)
    boss_plan = factory.skp.plan(boss, year, status=PlanStatus.APPROVED)
    plan = factory.skp.plan(subject, year, status=PlanStatus.SUBMITTED, parent=boss_plan.results[0])
    target = OrgTarget(opd_id=opd_a.id, year=year, goal="Meningkatnya layanan", indicator="Indeks kepuasan",
                       target_value=Decimal("85"), unit="Indeks")
    library = LibraryResult(position_name="Analis Kebijakan", position_key="analis kebijakan",
                            kind=ResultKind.UTAMA, text="Tersusunnya kajian")
    assessment = Assessment(employee=subject, period=year.periods[0], plan=plan, status=AssessmentStatus.SUBMITTED,
                            submitted_at=plan.submitted_at)
    realization = Realization(indicator_id=plan.results[0].indicators[0].id, value=Decimal(3))
    realization.evidence.append(Evidence(kind=EvidenceKind.LINK, url="https://arsip.example/1"))
    assessment.realizations.append(realization)
    evaluation = AnnualEvaluation(employee=subject, year=year, plan=plan, status=EvaluationStatus.HANDED_OVER,
                                  result_rating=Rating.DI_BAWAH, behavior_rating=Rating.SESUAI,
                                  predikat=Predikat.BUTUH_PERBAIKAN, handed_over_at=utcnow())
    evaluation.objection = Objection(status=ObjectionStatus.FILED, reasons="Alasan keberatan subjek A.")
    evaluation.follow_ups.append(FollowUp(kind=FollowUpKind.DEVELOPMENT, programme=Programme.PELATIHAN))
    phrase = FeedbackPhrase(scope=PhraseScope.HASIL, text="Pertahankan kinerja")
    db.session.add_all([target, library, assessment, evaluation, phrase])
    db.session.flush()
    document = Document(kind=DocumentKind.SKP, code="WXYZ-2345-6789", employee=subject, opd_id=opd_a.id, year=year,
                        plan_id=plan.id, title="Sasaran Kinerja Pegawai", snapshot={}, stored_name="0" * 32 + ".pdf",
                        sha256="0" * 64, size=0)
    job = ExportJob(opd_id=opd_a.id, year=year, kind=DocumentKind.SKP, status=JobStatus.DONE, total=1, done=1)
    notification = Notification(user_id=subject.user.id, kind="peristiwa", title="SKP dikembalikan",
                                body="Subjek A", object_type="plan", object_id=plan.id)
    activity = Activity(employee_id=subject.id, day=dt.date.today(), start_time=dt.time(8), end_time=dt.time(9),
                        minutes=60, description="Kegiatan Subjek A", category="LAINNYA")
    holiday = Holiday(day=dt.date(2026, 12, 25), kind="LIBUR_NASIONAL", name="Hari Raya Natal")
    tpp_list = TppList(opd_id=opd_a.id, year=2026, month=11, version=1, snapshot={"lines": []}, total=Decimal(0))
    token = ApiToken(name="Gaji", prefix="cpn_abcdef", secret_sha256="0" * 64, scopes=["tpp"])
    service = PublicService(opd_id=opd_a.id, unit_id=unit_a.id, name="Layanan A", code="abcdefghjk",
                            period_kind="SEMESTER")
    db.session.add_all([document, job, notification, activity, holiday, tpp_list, token, service])
    db.session.flush()
    response = SurveyResponse(service_id=service.id, day=dt.date.today(), visit_sha256="1" * 64, q1=4,
                              suggestion="Subjek A")
    metric = Metric(opd_id=opd_a.id, unit_id=unit_a.id, code="SUBJEK-A", name="Subjek A", measure_unit="hari")
    db.session.add_all([response, metric])
    db.session.flush()
    args = {
        "employee_id": subject.id, "unit_id": unit_a.id, "assignment_id": assignment.id,
        "token": "0" * 32, "code": "ABCD-EFGH-JKMN", "filename": "css/capaian.css",
        "year": 2026, "year_id": year.id, "period_id": year.periods[0].id, "opd_id": opd_a.id,
        "target_id": target.id, "library_id": library.id,
        "plan_id": plan.id, "other_id": plan.id, "result_id": plan.results[0].id,
        "indicator_id": plan.results[0].indicators[0].id,
        "assessment_id": assessment.id, "realization_id": realization.id, "evidence_id": realization.evidence[0].id,
        "number": 1, "evaluation_id": evaluation.id, "objection_id": evaluation.objection.id,
        "follow_up_id": evaluation.follow_ups[0].id, "phrase_id": phrase.id,
        "document_id": document.id, "job_id": job.id, "notification_id": notification.id,
        "activity_id": activity.id, "holiday_id": holiday.id, "day": dt.date.today().isoformat(),
        "monday": dt.date.today().isoformat(), "month": 12, "list_id": tpp_list.id, "token_id": token.id,
        "service_id": service.id, "response_id": response.id, "key": "kunci-salah", "metric_id": metric.id,
    }
    _ = Aspect
    return {"subject": subject, "pegawai": pegawai, "admin_b": admin_b, "args": args}


def _url(rule, args):
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(args[m.group(1)]), rule.rule)


def _classified(endpoint):
    return (endpoint in PUBLIC or endpoint in SELF_SERVICE or endpoint.startswith("admin.")
            or endpoint.startswith(PEGAWAI_PREFIXES) or endpoint.startswith(API_PREFIX))


def _call(client, method, url):
    return client.get(url) if method == "GET" else client.post(url)


def _text(response):
    return response.get_data(as_text=True) if response.mimetype == "text/html" else ""


def test_every_route_is_classified(app):
    unknown = sorted({rule.endpoint for rule, _ in _routes(app) if not _classified(rule.endpoint)})
    assert not unknown, f"classify these endpoints in the authorization matrix: {unknown}"


def test_anonymous_is_sent_to_login_everywhere_but_public_pages(app, make_client, world):
    client = make_client()
    for rule, methods in _routes(app):
        if rule.endpoint in PUBLIC:
            continue
        if rule.endpoint.startswith(API_PREFIX):  # no token: 401, whoever is logged in
            for method in methods:
                assert _call(client, method, _url(rule, world["args"])).status_code == 401, rule.rule
            continue
        url = _url(rule, world["args"])
        for method in methods:
            response = _call(client, method, url)
            assert response.status_code == 302, (method, url, response.status_code)
            assert response.headers["Location"].startswith("/masuk"), (method, url)


def test_plain_pegawai_is_refused_the_admin_area_and_other_peoples_skp(app, make_client, world):
    client = make_client(world["pegawai"].user)
    for rule, methods in _routes(app):
        url = _url(rule, world["args"])
        for method in methods:
            if rule.endpoint.startswith("admin."):
                response = _call(client, method, url)
                assert response.status_code == 403, (method, url, response.status_code)
            elif rule.endpoint.startswith(PEGAWAI_PREFIXES) and PLAN_OBJECT_ARGS & set(rule.arguments):
                response = _call(client, method, url)
                assert response.status_code in (403, 404), (method, url, response.status_code)
            elif rule.endpoint.startswith(PEGAWAI_PREFIXES):
                response = _call(client, method, url)
                assert response.status_code in (200, 302, 400, 403, 404, 422), (method, url, response.status_code)
                assert "Subjek A" not in _text(response), (method, url)


def test_admin_of_another_opd_cannot_reach_this_opds_objects(app, make_client, world):
    client = make_client(world["admin_b"])
    for rule, methods in _routes(app):
        if not (rule.endpoint.startswith("admin.") or rule.endpoint.startswith(PEGAWAI_PREFIXES)):
            continue
        url = _url(rule, world["args"])
        object_route = (bool((ADMIN_OBJECT_ARGS | PLAN_OBJECT_ARGS) & set(rule.arguments))
                        and not rule.endpoint.startswith(KABUPATEN_WIDE_PREFIXES))
        for method in methods:
            response = _call(client, method, url)
            if rule.endpoint.startswith(SUPERADMIN_ONLY_PREFIXES):
                assert response.status_code == 403, (method, url)
            elif object_route:
                assert response.status_code in (403, 404), (method, url, response.status_code)
            else:
                assert response.status_code in (200, 302, 400, 403, 404, 422), (method, url, response.status_code)
                assert "Subjek A" not in _text(response), (method, url)


def test_every_post_route_refuses_a_missing_csrf_token(app, make_client, factory, world):
    client = make_client(factory.superadmin())
    for rule, methods in _routes(app):
        if "POST" not in methods or rule.endpoint.startswith(API_PREFIX):  # the API: a bearer token, no cookie
            continue
        url = _url(rule, world["args"])
        response = client.post(url, csrf=False)
        assert response.status_code == 400, (url, response.status_code)


def test_no_state_change_on_get(app):
    """Routes whose names say they change something accept POST only."""
    verbs = ("reset", "buka-kunci", "peran", "nonaktifkan", "aktifkan", "status", "konfirmasi", "keluar",
             "ajukan", "setujui", "kembalikan", "tarik", "hapus", "naik", "turun", "tutup", "buka")
    for rule, methods in _routes(app):
        last = rule.rule.rstrip("/").rsplit("/", 1)[-1]
        if any(last.startswith(v) for v in verbs):
            assert methods == ["POST"], rule.rule


def test_pegawai_cannot_see_another_pegawais_profile_through_any_page(make_client, world):
    client = make_client(world["pegawai"].user)
    for url in ["/", "/profil", "/pemberitahuan"]:
        assert "Subjek A" not in client.get(url).get_data(as_text=True)
    # another's notification can be neither opened nor marked read
    notification_id = world["args"]["notification_id"]
    assert client.post(f"/pemberitahuan/{notification_id}/buka").status_code == 404
