"""The read-only JSON API: tokens made by the super admin (secret shown once, only its digest
kept), scopes, revocation, every request logged, a limit per token; the month's issued TPP and the
year's handed-over predikat per NIP."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import EvaluationStatus
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.models import AnnualEvaluation, ApiRequest, ApiToken, TppBasis
from app.models.base import utcnow
from app.services.tpp import monthly
from tests.pages import body, text


@pytest.fixture
def data(factory):
    opd = factory.opd("Dinas Kesehatan")
    sari = factory.employee(opd, name="Sari Perawat", position="Perawat Terampil")
    admin = factory.admin([opd])
    db.session.add_all([TppBasis(key="perawat terampil", position="Perawat Terampil", amount=Decimal(4_000_000)),
                        TppBasis(key="analis sdm aparatur", position="Analis SDM Aparatur", amount=Decimal(0))])
    db.session.flush()
    monthly.issue(admin, opd, 2026, 11)
    year = factory.skp.year(2026)
    plan = factory.skp.plan(sari, year)
    db.session.add(AnnualEvaluation(employee=sari, year=year, plan=plan, status=EvaluationStatus.HANDED_OVER,
                                    result_rating=Rating.SESUAI, behavior_rating=Rating.SESUAI,
                                    predikat=Predikat.BAIK, handed_over_at=utcnow()))
    db.session.commit()
    return {"sari": sari, "superadmin": factory.superadmin(), "admin": admin}


def make_token(client, name="Aplikasi gaji BPKAD", scopes=("tpp",)) -> str:
    response = client.post("/pengelolaan/token-api", data={"name": name, "scopes": list(scopes)})
    assert response.status_code == 200, text(response)
    return re.search(r"(cpn_[A-Za-z0-9_\-]+)", body(response)).group(1)


def get(app, path: str, secret: str | None):
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    return app.test_client().get(path, headers=headers)


def test_a_token_reads_its_scope_only_and_every_request_is_logged(data, make_client, app):
    admin_page = make_client(data["superadmin"])
    secret = make_token(admin_page)
    stored = db.session.scalar(select(ApiToken))
    assert secret not in (stored.secret_sha256, stored.prefix) and stored.prefix == secret[:10]
    assert secret not in text(admin_page.get("/pengelolaan/token-api"))  # shown once

    tpp = get(app, "/api/v1/tpp/2026/11", secret)
    assert tpp.status_code == 200 and tpp.headers["Cache-Control"] == "no-store"
    rows = {row["nip"]: row for row in tpp.get_json()["data"]}
    assert rows[data["sari"].nip]["tpp"] and rows[data["sari"].nip]["perangkat_daerah"] == "Dinas Kesehatan"
    one = get(app, f"/api/v1/tpp/2026/11?nip={data['sari'].nip}", secret).get_json()["data"]
    assert [row["nama"] for row in one] == ["Sari Perawat"]
    assert get(app, "/api/v1/predikat/2026", secret).status_code == 403  # not its scope
    assert get(app, "/api/v1/tpp/2026/13", secret).status_code == 400
    logged = [(r.path, r.status, r.records) for r in db.session.scalars(select(ApiRequest).order_by(ApiRequest.id))]
    assert logged[0] == ("/api/v1/tpp/2026/11", 200, 2) and logged[2] == ("/api/v1/predikat/2026", 403, 0)
    assert "/api/v1/tpp/2026/11" in text(admin_page.get("/pengelolaan/token-api"))


def test_predikat_and_a_revoked_or_unknown_token(data, make_client, app):
    admin_page = make_client(data["superadmin"])
    secret = make_token(admin_page, "SIMPEG", ("predikat",))
    answer = get(app, "/api/v1/predikat/2026", secret).get_json()
    assert answer["data"] == [{"nip": data["sari"].nip, "nama": "Sari Perawat", "perangkat_daerah": "Dinas Kesehatan",
                               "predikat": Predikat.BAIK.label, "diserahkan": answer["data"][0]["diserahkan"]}]
    for bad in (None, "cpn_salah", "Basic abc", secret + "x"):
        assert get(app, "/api/v1/predikat/2026", bad).status_code == 401
    token = db.session.scalar(select(ApiToken))
    assert admin_page.post(f"/pengelolaan/token-api/{token.id}/cabut").status_code == 302
    assert get(app, "/api/v1/predikat/2026", secret).status_code == 401


def test_bad_tokens_are_refused_at_their_field_and_only_the_super_admin_makes_them(data, make_client):
    admin_page = make_client(data["superadmin"])
    bad = admin_page.post("/pengelolaan/token-api", data={"name": " ", "scopes": []})
    page = text(bad)
    assert bad.status_code == 422 and "Isi nama sistem" in page and "Pilih sedikitnya satu data" in page
    assert db.session.scalar(select(ApiToken)) is None
    assert make_client(data["admin"]).get("/pengelolaan/token-api").status_code == 403
    assert make_client(data["sari"].user).post("/pengelolaan/token-api",
                                               data={"name": "x", "scopes": ["tpp"]}).status_code == 403


def test_a_token_is_limited(data, make_client, app, monkeypatch):
    monkeypatch.setitem(app.config, "API_RATE_LIMIT", "3 per minute")
    secret = make_token(make_client(data["superadmin"]))
    codes = [get(app, "/api/v1/tpp/2026/11", secret).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def test_the_attendance_system_pushes_presensi_whole_or_not_at_all(data, make_client, app):
    from app.models import Attendance

    secret = make_token(make_client(data["superadmin"]), "Sistem presensi", ("presensi",))
    client = app.test_client()
    headers = {"Authorization": f"Bearer {secret}"}
    nip = data["sari"].nip
    bad = client.post("/api/v1/presensi", headers=headers, json={"data": [
        {"nip": nip, "tanggal": "2026-12-07", "masuk": "07:42", "pulang": "16:05", "status": "H"},
        {"nip": "199001012020121001", "tanggal": "2026-12-07", "masuk": "07:30", "pulang": "16:00", "status": "H"},
        {"nip": nip, "tanggal": "2026-12-08", "masuk": "", "pulang": "", "status": "X"}]})
    assert bad.status_code == 422
    problems = bad.get_json()["rows"]
    assert [p["baris"] for p in problems] == [2, 3] and db.session.scalar(select(Attendance)) is None
    good = client.post("/api/v1/presensi", headers=headers, json={"data": [
        {"nip": nip, "tanggal": "2026-12-07", "masuk": "07:42", "pulang": "16:05", "status": "H"},
        {"nip": nip, "tanggal": "08/12/2026", "status": "TK"}]})
    assert good.status_code == 200 and good.get_json() == {"baru": 2, "diperbarui": 0}
    row = db.session.scalar(select(Attendance).where(Attendance.late_minutes > 0))
    assert row.late_minutes == 12 and row.source == "API Sistem presensi" and row.recorded_by_id is None
    assert client.post("/api/v1/presensi", headers=headers, data="bukan json",
                       content_type="application/json").status_code == 400
    tpp_only = make_token(make_client(data["superadmin"]), "Gaji", ("tpp",))
    assert client.post("/api/v1/presensi", headers={"Authorization": f"Bearer {tpp_only}"},
                       json={"data": [{"nip": nip}]}).status_code == 403


def test_guessing_tokens_is_limited_per_address(data, app, monkeypatch):
    monkeypatch.setitem(app.config, "API_ADDRESS_RATE_LIMIT", "5 per minute")
    codes = [get(app, "/api/v1/tpp/2026/11", f"cpn_tebakan{n}").status_code for n in range(6)]
    assert codes == [401] * 5 + [429]
