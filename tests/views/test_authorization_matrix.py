"""Walk every route of the app as anonymous, as a plain pegawai and as the admin of another OPD,
and assert the refusals. A new route fails here until it is classified below."""
import datetime as dt
import re

import pytest

from app.models import ActingAssignment

# Reachable without logging in.
PUBLIC = {"static", "bootstrap.static", "main.healthz", "main.logo", "auth.login", "auth.activate"}
# Every logged-in user may use these for themselves.
SELF_SERVICE = {"main.home", "main.profile", "auth.change_password", "auth.logout"}
# Admin routes that act on one object of an OPD: another OPD's admin gets 404 (no leak).
ADMIN_OBJECT_ARGS = {"employee_id", "unit_id", "assignment_id", "token"}
# Admin routes only a superadmin may use.
SUPERADMIN_ONLY = {"admin.settings"}


def _routes(app):
    for rule in app.url_map.iter_rules():
        methods = sorted(m for m in rule.methods if m in {"GET", "POST"})
        yield rule, methods


@pytest.fixture
def world(factory):
    opd_a, opd_b = factory.opd("Dinas A"), factory.opd("Dinas B")
    unit_a = factory.unit(opd_a, "Bidang A1")
    boss = factory.employee(unit_a, name="Atasan A")
    subject = factory.employee(unit_a, assessor=boss, name="Subjek A")
    pegawai = factory.employee(unit_a, name="Rekan A")  # same unit, not in the subject's line
    admin_b = factory.admin([opd_b])
    assignment = ActingAssignment(
        kind="PLT", acting_employee=boss, unit=unit_a, position="Kepala Bidang A1",
        start_date=dt.date.today(), end_date=dt.date.today() + dt.timedelta(days=30))
    from app.extensions import db

    db.session.add(assignment)
    db.session.flush()
    args = {"employee_id": subject.id, "unit_id": unit_a.id, "assignment_id": assignment.id,
            "token": "0" * 32, "code": "ABCD-EFGH-JKMN", "filename": "css/capaian.css"}
    return {"subject": subject, "pegawai": pegawai, "admin_b": admin_b, "args": args}


def _url(rule, args):
    return re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", lambda m: str(args[m.group(1)]), rule.rule)


def _classified(endpoint):
    return endpoint in PUBLIC or endpoint in SELF_SERVICE or endpoint.startswith("admin.")


def test_every_route_is_classified(app):
    unknown = sorted({rule.endpoint for rule, _ in _routes(app) if not _classified(rule.endpoint)})
    assert not unknown, f"classify these endpoints in the authorization matrix: {unknown}"


def test_anonymous_is_sent_to_login_everywhere_but_public_pages(app, make_client, world):
    client = make_client()
    for rule, methods in _routes(app):
        if rule.endpoint in PUBLIC:
            continue
        url = _url(rule, world["args"])
        for method in methods:
            response = client.get(url) if method == "GET" else client.post(url)
            assert response.status_code == 302, (method, url, response.status_code)
            assert response.headers["Location"].startswith("/masuk"), (method, url)


def test_plain_pegawai_is_refused_the_whole_admin_area(app, make_client, world):
    client = make_client(world["pegawai"].user)
    for rule, methods in _routes(app):
        if not rule.endpoint.startswith("admin."):
            continue
        url = _url(rule, world["args"])
        for method in methods:
            response = client.get(url) if method == "GET" else client.post(url)
            assert response.status_code == 403, (method, url, response.status_code)


def test_admin_of_another_opd_cannot_reach_this_opds_objects(app, make_client, world):
    client = make_client(world["admin_b"])
    for rule, methods in _routes(app):
        if not rule.endpoint.startswith("admin."):
            continue
        url = _url(rule, world["args"])
        object_route = bool(ADMIN_OBJECT_ARGS & set(rule.arguments))
        for method in methods:
            response = client.get(url) if method == "GET" else client.post(url)
            if rule.endpoint in SUPERADMIN_ONLY:
                assert response.status_code == 403, (method, url)
            elif object_route:
                assert response.status_code in (403, 404), (method, url, response.status_code)
            else:
                assert response.status_code in (200, 302, 400), (method, url, response.status_code)
                if response.mimetype == "text/html":
                    assert "Subjek A" not in response.get_data(as_text=True), (method, url)


def test_every_post_route_refuses_a_missing_csrf_token(app, make_client, factory, world):
    client = make_client(factory.superadmin())
    for rule, methods in _routes(app):
        if "POST" not in methods:
            continue
        url = _url(rule, world["args"])
        response = client.post(url, csrf=False)
        assert response.status_code == 400, (url, response.status_code)


def test_no_state_change_on_get(app):
    """Routes whose names say they change something accept POST only."""
    verbs = ("reset", "buka-kunci", "peran", "nonaktifkan", "aktifkan", "status", "konfirmasi", "keluar")
    for rule, methods in _routes(app):
        if any(v in rule.rule for v in verbs):
            assert methods == ["POST"], rule.rule


def test_pegawai_cannot_see_another_pegawais_profile_through_any_page(make_client, world):
    client = make_client(world["pegawai"].user)
    for url in ["/", "/profil"]:
        assert "Subjek A" not in client.get(url).get_data(as_text=True)
