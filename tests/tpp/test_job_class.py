"""Kelas jabatan: recorded per pegawai (the roster's optional column, the pegawai form) and the
TPP's nominal set per kelas where the Perkada does so; a jabatan listed by name comes first."""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from sqlalchemy import select

from app.extensions import db
from app.models import Employee, TppBasis
from app.services.tpp import monthly
from tests.pages import text


def test_the_pegawai_form_records_the_kelas(factory, make_client):
    opd = factory.opd("Dinas Uji")
    employee = factory.employee(opd, name="Rina Analis")
    client = make_client(factory.admin([opd]))
    url = f"/pengelolaan/pegawai/{employee.id}/ubah"
    page = client.get(url)
    assert page.status_code == 200 and "Kelas jabatan" in text(page)
    form = {"nip": employee.nip, "name": employee.name, "status": employee.status.value,
            "grade_code": employee.grade_code or "", "position": employee.position,
            "position_kind": employee.position_kind.value, "unit_id": str(employee.unit_id),
            "assessor_nip": "", "version": str(employee.version)}
    refused = client.post(url, data=form | {"job_class": "18"})
    assert refused.status_code in (200, 422) and "Kelas jabatan adalah 1 sampai 17." in text(refused)
    assert client.post(url, data=form | {"job_class": "8"}).status_code == 302
    db.session.refresh(employee)
    assert employee.job_class == 8


def test_the_nominal_per_kelas(factory, make_client):
    client = make_client(factory.superadmin())

    def upload(content: str):
        return client.post("/pengelolaan/tpp/nilai-jabatan", data={"file": (io.BytesIO(content.encode()), "tpp.csv")},
                           content_type="multipart/form-data")

    bad = upload("Jabatan;Kelas Jabatan;Nilai TPP\nPengemudi;3;2000000\n;18;1000\n;7;1000\n;7;2000\n;;5\n")
    page = text(bad)
    assert bad.status_code == 422
    for message in ("Isi jabatan atau kelas jabatan pada satu baris, tidak keduanya.",
                    "Kelas jabatan adalah angka 1 sampai 17.", "Kelas ini sudah ada di baris 4.",
                    "Isi nama jabatan seperti tertulis pada data pegawai, atau kelas jabatannya."):
        assert message in page
    assert db.session.scalar(select(TppBasis)) is None
    assert upload("Kelas Jabatan;Nilai TPP\n7;3200000\n10;5000000\n").status_code == 302
    assert upload("Jabatan;Kelas Jabatan;Nilai TPP\nPerawat Terampil;;4000000\n;7;3300000\n").status_code == 302
    listed = text(client.get("/pengelolaan/tpp/nilai-jabatan"))
    assert listed.index("Perawat Terampil") < listed.index("Kelas jabatan 7") < listed.index("Kelas jabatan 10")
    assert "1 baru, 1 diubah" in listed

    opd = factory.opd("Dinas Kesehatan")
    perawat = factory.employee(opd, name="Sari", position="Perawat Terampil")
    perawat.job_class = 7  # the jabatan by name comes first
    analis = factory.employee(opd, name="Tono", position="Analis Data")
    analis.job_class = 10
    nobody = factory.employee(opd, name="Umi", position="Pengelola Arsip")
    db.session.flush()
    lines = {line.name: line for line in monthly.compute(opd, 2026, 11, today=dt.date(2026, 12, 15)).lines}
    assert lines["Sari"].basis == Decimal(4_000_000) and lines["Tono"].basis == Decimal(5_000_000)
    assert lines["Umi"].basis is None and nobody.job_class is None
