"""Hasil sebelum Capaian: the period results a pegawai had elsewhere, imported all-or-nothing with a
row report, marked as imported, seen by the annual evaluation; only for the admin's own pegawai."""
from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import func, select

from app.domain.enums import AssessmentStatus
from app.domain.scoring import Predikat
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Assessment, AuditEvent
from app.services.documents.common import DocumentUnavailable
from app.services.documents.data_eval import snapshot_evaluation
from app.services.reviews import annual
from tests.pages import text
from tests.roster.helpers import xlsx_bytes

URL = "/pengelolaan/impor-hasil"
HEADERS = ["NIP", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Sumber"]


def xlsx(rows, headers=HEADERS) -> bytes:
    return xlsx_bytes(rows, headers)


@pytest.fixture
def kabupaten(factory):
    opd = factory.opd("Dinas Uji")
    boss = factory.employee(opd, name="Kepala Bidang")
    rina = factory.employee(opd, assessor=boss, name="Rina")
    budi = factory.employee(opd, assessor=boss, name="Budi")
    outsider = factory.employee(factory.opd("Dinas Lain"), name="Orang Lain")
    year = factory.skp.year(2026)
    for member in (rina, budi, outsider):
        factory.skp.plan(member, year, status=PlanStatus.APPROVED)
    admin = factory.admin([opd])
    return {"opd": opd, "boss": boss, "rina": rina, "budi": budi, "outsider": outsider, "year": year, "admin": admin}


def _upload(client, data, year=2026, name="hasil.xlsx"):
    return client.post(URL, data={"year": str(year), "file": (io.BytesIO(data), name)})


def test_a_valid_file_is_shown_then_imported_whole(kabupaten, make_client):
    client = make_client(kabupaten["admin"])
    data = xlsx([[kabupaten["rina"].nip, "Triwulan I", "Sesuai Ekspektasi", "Di Atas Ekspektasi", "e-Kinerja BKN"],
                 [kabupaten["rina"].nip, "TW II", "di atas ekspektasi", "Di Atas Ekspektasi", ""],
                 [kabupaten["budi"].nip, "3", "Di Bawah Ekspektasi", "Sesuai Ekspektasi", "Kertas"]])
    page = _upload(client, data)
    body = text(page)
    assert "3 hasil periode siap diimpor" in body and "Sangat Baik" in body and "Butuh Perbaikan" in body
    assert db.session.scalar(select(func.count()).select_from(Assessment)) == 0  # nothing written yet
    action = re.search(r'action="(/pengelolaan/impor-hasil/2026/[^"]+)"', page.get_data(as_text=True)).group(1)
    response = client.post(action)
    assert response.status_code == 302
    imported = list(db.session.scalars(select(Assessment).order_by(Assessment.id)))
    assert [a.predikat for a in imported] == [Predikat.BAIK, Predikat.SANGAT_BAIK, Predikat.BUTUH_PERBAIKAN]
    assert all(a.status == AssessmentStatus.APPROVED and a.imported_from for a in imported)
    assert imported[0].imported_from == "e-Kinerja BKN" and imported[1].imported_from == "hasil.xlsx"
    assert db.session.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.action == "penilaian.diimpor")) == 3
    # the annual evaluation sees them; their documents come from the source system
    team = annual.annual_team(kabupaten["boss"].user, kabupaten["year"])
    rina_row = next(r for r in team.rows if r.employee.id == kabupaten["rina"].id)
    assert [p for _period, p, _status in rina_row.period_predikat][:2] == [Predikat.BAIK, Predikat.SANGAT_BAIK]
    with pytest.raises(DocumentUnavailable, match="diimpor dari e-Kinerja BKN"):
        snapshot_evaluation(imported[0])
    assert "hasil impor: e-Kinerja BKN" in text(make_client(kabupaten["rina"].user).get("/penilaian/2026"))
    # the same file again: every row now collides, nothing is written twice
    again = text(_upload(client, data))
    assert "sudah memiliki penilaian Triwulan I" in again and "tidak ada yang diimpor" in again


@pytest.mark.parametrize("row, column, message", [
    (["123", "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""], "NIP", "NIP"),
    ([None, "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""], "NIP", "NIP"),
    ("outsider", "NIP", "di luar perangkat daerah yang Anda kelola"),
    ("rina:Kuartal 5", "Periode", "tidak dikenal"),
    ("rina:Triwulan I:Baik", "Rating Hasil Kerja", "Tulis Di Atas Ekspektasi"),
])
def test_a_bad_row_stops_the_whole_file_with_its_reason(kabupaten, make_client, row, column, message):
    good = [kabupaten["budi"].nip, "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""]
    if row == "outsider":
        row = [kabupaten["outsider"].nip, "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""]
    elif isinstance(row, str):
        _, period, *rating = row.split(":")
        row = [kabupaten["rina"].nip, period, rating[0] if rating else "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""]
    page = _upload(make_client(kabupaten["admin"]), xlsx([good, row]))
    body = text(page)
    assert "tidak ada yang diimpor" in body and message in body and f"3 {column}" in body
    assert "impor-hasil/2026/" not in page.get_data(as_text=True)  # no confirm button
    assert db.session.scalar(select(func.count()).select_from(Assessment)) == 0


def test_a_duplicate_row_and_missing_columns(kabupaten, make_client):
    client = make_client(kabupaten["admin"])
    row = [kabupaten["rina"].nip, "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""]
    assert "sudah ada di baris 2" in text(_upload(client, xlsx([row, row])))
    assert "Kolom wajib tidak ada: Rating Perilaku Kerja" in text(
        _upload(client, xlsx([row[:3]], headers=HEADERS[:3])))
    assert "tidak didukung" in text(_upload(client, b"\xd0\xcf\x11\xe0" + b"x" * 100, name="lama.xls"))


def test_only_a_pengelola_uploads_and_only_the_uploader_confirms(kabupaten, make_client, factory):
    assert make_client(kabupaten["rina"].user).get(URL).status_code == 403
    client = make_client(kabupaten["admin"])
    data = xlsx([[kabupaten["rina"].nip, "Triwulan I", "Sesuai Ekspektasi", "Sesuai Ekspektasi", ""]])
    action = re.search(r'action="(/pengelolaan/impor-hasil/2026/[^"]+)"',
                       _upload(client, data).get_data(as_text=True)).group(1)
    other_admin = factory.admin([kabupaten["opd"]])
    assert make_client(other_admin).post(action).status_code == 404
    assert client.get(URL + "/templat.xlsx").status_code == 200
