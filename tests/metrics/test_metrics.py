"""Metrik kinerja: the catalogue of the pengelola kinerja (checked at the field, only their OPDs),
values per period from a file (all or nothing, each row's problem named) or pushed by the source
system with its token (scoped to the metrics that name it; a wrong token, an unknown metric, a bad
row refused), a value sent again unchanged changing nothing, and every change logged."""
from __future__ import annotations

import io
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.extensions import db
from app.models import ApiRequest, AuditEvent, Metric, MetricChange, MetricValue
from tests.pages import text
from tests.tpp.test_api import make_token


@pytest.fixture
def office(factory):
    opd = factory.opd("Dinas Kependudukan dan Pencatatan Sipil")
    unit = factory.unit(opd, "Bidang Pelayanan Pendaftaran Penduduk")
    year = factory.skp.year(2026)
    return {"opd": opd, "unit": unit, "year": year, "admin": factory.admin([opd]), "super": factory.superadmin()}


def _make(client, office, **changes):
    form = {"unit_id": str(office["unit"].id), "code": "ktp-waktu", "name": "Rata-rata waktu penerbitan KTP-el",
            "measure_unit": "hari", "source_token_id": "0", "active": "y"}
    form.update(changes)
    return client.post("/pengelolaan/metrik/baru", data=form)


def _upload(client, content: str, name: str = "nilai.csv"):
    return client.post("/pengelolaan/metrik/impor", data={"file": (io.BytesIO(content.encode()), name)},
                       content_type="multipart/form-data")


def test_the_catalogue_is_checked_at_the_field(office, make_client, factory):
    client = make_client(office["admin"])
    bad = _make(client, office, code="ktp waktu!")
    assert bad.status_code == 422 and "Kode 2–40 huruf besar" in text(bad)
    no_unit = _make(client, office, measure_unit="")
    assert no_unit.status_code == 422 and "Isi satuan" in text(no_unit)
    assert _make(client, office).status_code == 302
    metric = db.session.scalar(select(Metric))
    assert metric.code == "KTP-WAKTU" and metric.opd_id == office["opd"].id
    twice = _make(client, office, name="Lain")
    assert twice.status_code == 422 and "Kode KTP-WAKTU sudah dipakai" in text(twice)
    elsewhere = factory.opd("Dinas Lain")
    outside = _make(client, office, unit_id=str(elsewhere.id), code="LAIN-1")
    assert outside.status_code == 422
    assert "Rata-rata waktu penerbitan KTP-el" in text(client.get("/pengelolaan/metrik"))
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "metrik.dibuat")) == 1


def test_values_from_a_file_all_or_nothing(office, make_client):
    client = make_client(office["admin"])
    _make(client, office)
    _make(client, office, code="AKTA-JUMLAH", name="Jumlah akta kelahiran terbit", measure_unit="akta")
    bad = _upload(client, "Kode metrik;Tahun;Periode;Nilai\nKTP-WAKTU;2026;3;4,5\nTIDAK-ADA;2026;3;1\n"
                          "AKTA-JUMLAH;2025;1;10\nAKTA-JUMLAH;2026;Triwulan IX;10\nKTP-WAKTU;2026;Triwulan III;5\n"
                          "AKTA-JUMLAH;2026;2;-3\n")
    page = text(bad)
    assert bad.status_code == 422 and "tidak diimpor: 5 kesalahan" in page
    for message in ("Metrik 'TIDAK-ADA' tidak dikenal.", "Tahun penilaian 2025 belum dibuka.",
                    "Periode 'Triwulan IX' tidak ada pada tahun 2026", "sudah ada di baris 2",
                    "Tulis angka 0 atau lebih"):
        assert message in page, message
    assert db.session.scalar(select(func.count()).select_from(MetricValue)) == 0
    good = _upload(client, "Kode metrik,Tahun,Periode,Nilai\nktp-waktu,2026,Triwulan III,\"4,5\"\nAKTA-JUMLAH,2026,3,1250\n")
    assert good.status_code == 302
    again = _upload(client, "Kode metrik,Tahun,Periode,Nilai\nKTP-WAKTU,2026,3,\"4,2\"\nAKTA-JUMLAH,2026,3,1250\n")
    assert again.status_code == 302
    assert "0 baru, 1 diubah, 1 sama" in text(client.get("/pengelolaan/metrik"))
    ktp = db.session.scalar(select(Metric).where(Metric.code == "KTP-WAKTU"))
    value = db.session.scalar(select(MetricValue).where(MetricValue.metric_id == ktp.id))
    assert value.value == Decimal("4.2") and value.source == "BERKAS" and value.source_detail == "nilai.csv"
    changes = [(c.before, c.after) for c in db.session.scalars(
        select(MetricChange).where(MetricChange.metric_id == ktp.id).order_by(MetricChange.id))]
    assert changes == [(None, Decimal("4.5")), (Decimal("4.5"), Decimal("4.2"))]
    detail = text(client.get(f"/pengelolaan/metrik/{ktp.id}"))
    assert "Triwulan III 2026" in detail and "4,2 hari" in detail and "berkas: nilai.csv" in detail


def test_the_source_system_pushes_its_own_metrics_only(office, make_client, app):
    superadmin = make_client(office["super"])
    secret = make_token(superadmin, name="SIAK Disdukcapil", scopes=("metrik",))
    other = make_token(superadmin, name="Aplikasi lain", scopes=("metrik",))
    reader = make_token(superadmin, name="Gaji", scopes=("tpp",))
    from app.models import ApiToken

    siak = db.session.scalar(select(ApiToken).where(ApiToken.name == "SIAK Disdukcapil"))
    client = make_client(office["admin"])
    _make(client, office, source_token_id=str(siak.id))
    _make(client, office, code="AKTA-JUMLAH", name="Jumlah akta", measure_unit="akta")  # no source system

    def push(token, rows):
        return app.test_client().post("/api/v1/metrik", json={"data": rows},
                                      headers={"Authorization": f"Bearer {token}"} if token else {})

    row = {"metrik": "KTP-WAKTU", "tahun": 2026, "periode": 3, "nilai": 4.5}
    assert push(None, [row]).status_code == 401
    assert push("cpn_salah", [row]).status_code == 401
    assert push(reader, [row]).status_code == 403
    wrong = push(other, [row])
    assert wrong.status_code == 422 and wrong.json["rows"][0]["masalah"] == "Token ini tidak boleh mengirim metrik KTP-WAKTU."
    unknown = push(secret, [row, {"metrik": "TIDAK-ADA", "tahun": 2026, "periode": 3, "nilai": 1},
                            {"metrik": "AKTA-JUMLAH", "tahun": 2026, "periode": 3, "nilai": 1}])
    assert unknown.status_code == 422 and [r["baris"] for r in unknown.json["rows"]] == [2, 3]
    assert db.session.scalar(select(func.count()).select_from(MetricValue)) == 0
    assert app.test_client().post("/api/v1/metrik", json={"data": "bukan daftar"}, headers={
        "Authorization": f"Bearer {secret}"}).status_code == 400
    assert app.test_client().post("/api/v1/metrik", data="bukan json", headers={
        "Authorization": f"Bearer {secret}"}).status_code == 400
    first = push(secret, [row])
    assert first.status_code == 200 and first.json == {"baru": 1, "diubah": 0, "sama": 0}
    assert push(secret, [row]).json == {"baru": 0, "diubah": 0, "sama": 1}
    corrected = push(secret, [dict(row, nilai="4,1")])
    assert corrected.json == {"baru": 0, "diubah": 1, "sama": 0}
    value = db.session.scalar(select(MetricValue))
    assert value.value == Decimal("4.1") and value.source == "API" and value.source_detail == "API SIAK Disdukcapil"
    assert [c.token_id for c in db.session.scalars(select(MetricChange))] == [siak.id, siak.id]
    assert db.session.scalar(select(func.count()).select_from(ApiRequest).where(ApiRequest.path == "/api/v1/metrik")) >= 6


def test_others_are_refused(office, make_client, factory):
    client = make_client(office["admin"])
    _make(client, office)
    metric = db.session.scalar(select(Metric))
    stranger = make_client(factory.admin([factory.opd("Kecamatan Lain")]))
    assert stranger.get(f"/pengelolaan/metrik/{metric.id}").status_code == 404
    assert stranger.get(f"/pengelolaan/metrik/{metric.id}/ubah").status_code == 404
    assert "KTP-WAKTU" not in text(stranger.get("/pengelolaan/metrik"))
    refused = stranger.post("/pengelolaan/metrik/impor", data={
        "file": (io.BytesIO(b"Kode metrik,Tahun,Periode,Nilai\nKTP-WAKTU,2026,3,1\n"), "x.csv")},
        content_type="multipart/form-data")
    assert refused.status_code == 422 and "perangkat daerah yang tidak Anda kelola" in text(refused)
    pegawai = make_client(factory.employee(office["opd"], name="Operator").user)
    assert pegawai.get("/pengelolaan/metrik").status_code == 403
    assert db.session.scalar(select(func.count()).select_from(MetricValue)) == 0
