"""The web flow: upload → report → confirm → result; downloads; who may do what."""
from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.extensions import db
from app.models import Employee, OrgUnit
from app.services.roster.importer import plan_import
from app.services.roster.reader import read_roster
from tests.roster.helpers import HEADERS, counts, nips, person, tree_rows, xlsx_bytes

UPLOAD = "/pengelolaan/impor"


def _stored(app) -> list[Path]:
    folder = Path(app.config["UPLOAD_FOLDER"]) / "imports"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.fixture
def superadmin(factory):
    user = factory.superadmin()
    db.session.commit()
    return user


def upload(client, data: bytes, filename: str = "pegawai.xlsx"):
    return client.post(UPLOAD, data={"file": (io.BytesIO(data), filename)})


def token_of(response) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    match = re.fullmatch(r"/pengelolaan/impor/([A-Za-z0-9_-]{32})", response.headers["Location"])
    assert match, response.headers["Location"]
    return match.group(1)


def fingerprint(html: str) -> str:
    return re.search(r'name="fingerprint" type="hidden" value="([0-9a-f]+)"', html).group(1)


def test_upload_page(client, superadmin):
    body = client.login_as(superadmin).get(UPLOAD).get_data(as_text=True)
    assert "Impor pegawai" in body and 'for="file"' in body
    assert "/pengelolaan/impor/templat.xlsx" in body and "/pengelolaan/pegawai/unduh.xlsx" in body
    assert "style=" not in body and "<script>" not in body


def test_full_flow(client, superadmin, app):
    client.login_as(superadmin)
    n = nips(7)
    before = counts()
    token = token_of(upload(client, xlsx_bytes(tree_rows(n))))
    assert counts() == before
    stored = _stored(app)
    assert [p.name for p in stored] == [token, f"{token}.json"]
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in stored)
    meta = json.loads(stored[1].read_text())
    assert meta["user_id"] == superadmin.id and meta["filename"] == "pegawai.xlsx" and len(meta["sha256"]) == 64

    report = client.get(f"{UPLOAD}/{token}")
    html = report.get_data(as_text=True)
    assert report.status_code == 200
    assert "Pegawai baru" in html and "Candra Rahmawati, S.E." in html and "Dinas Kesehatan / Sekretariat" in html
    assert "Nonaktifkan 1 pegawai yang tidak ada di berkas" in html  # the superadmin's own record
    assert counts() == before

    response = client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": fingerprint(html)})
    assert response.status_code == 302 and response.headers["Location"] == f"{UPLOAD}/hasil"
    assert counts()["employee"] == before["employee"] + 7
    assert _stored(app) == []
    assert db.session.get(Employee, superadmin.employee_id).active
    result = client.get(f"{UPLOAD}/hasil").get_data(as_text=True)
    assert "Hasil impor" in result and "/pengelolaan/pegawai" in result and ">7<" in result
    assert client.get(f"{UPLOAD}/{token}").status_code == 404  # spent


def test_confirm_can_deactivate_missing(client, superadmin):
    client.login_as(superadmin)
    token = token_of(upload(client, xlsx_bytes(tree_rows())))
    html = client.get(f"{UPLOAD}/{token}").get_data(as_text=True)
    client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": fingerprint(html), "deactivate_missing": "y"})
    assert not db.session.get(Employee, superadmin.employee_id).active


@pytest.mark.parametrize("data,filename,message", [
    (b"%PDF-1.5\n\x00\x01", "laporan.xlsx", "bukan spreadsheet"),
    (b"", "kosong.csv", "Berkas kosong"),
    (xlsx_bytes([], ["Nomor"]), "salah.xlsx", "Kolom wajib tidak ditemukan"),
])
def test_unreadable_file_refused_next_to_the_field(client, superadmin, app, data, filename, message):
    client.login_as(superadmin)
    response = upload(client, data, filename)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert re.search(r'id="file-galat" class="invalid-feedback d-block">[^<]*' + message, html)
    assert 'aria-invalid="true"' in html
    assert _stored(app) == []


def test_no_file_chosen(client, superadmin):
    html = client.login_as(superadmin).post(UPLOAD, data={}).get_data(as_text=True)
    assert "Pilih berkas .xlsx atau .csv" in html


def test_oversized_file_refused(client, superadmin, app):
    app.config["IMPORT_MAX_BYTES"], limit = 1000, app.config["IMPORT_MAX_BYTES"]
    try:
        html = upload(client.login_as(superadmin), xlsx_bytes(tree_rows())).get_data(as_text=True)
    finally:
        app.config["IMPORT_MAX_BYTES"] = limit
    assert "terlalu besar" in html and _stored(app) == []


def test_report_of_a_file_with_errors_and_confirm_refused(client, superadmin):
    client.login_as(superadmin)
    rows = tree_rows()
    rows[3][9] = "candra@"
    rows[4][0] = "123"
    token = token_of(upload(client, xlsx_bytes(rows)))
    html = client.get(f"{UPLOAD}/{token}").get_data(as_text=True)
    assert "Berkas belum dapat diimpor" in html and "Impor sekarang" not in html
    assert re.search(r"<th scope=\"row\">5</th><td>Email</td><td>Alamat email &#39;candra@&#39; tidak valid.</td>", html)
    assert re.search(r"<th scope=\"row\">6</th><td>NIP</td><td>NIP harus 18 digit", html)
    before = counts()
    response = client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": "x"})
    assert response.status_code == 409 and counts() == before


def test_stale_preview_is_shown_again(client, superadmin, factory):
    client.login_as(superadmin)
    n = nips(7)
    token = token_of(upload(client, xlsx_bytes(tree_rows(n))))
    html = client.get(f"{UPLOAD}/{token}").get_data(as_text=True)
    factory.employee(factory.opd("Dinas Baru"))  # one more pegawai missing from the file now
    db.session.commit()
    before = counts()
    response = client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": fingerprint(html)})
    assert response.status_code == 409
    assert "berubah sejak pratinjau" in response.get_data(as_text=True)
    assert counts() == before


def test_token_belongs_to_the_uploader(client, make_client, superadmin, factory):
    token = token_of(upload(client.login_as(superadmin), xlsx_bytes(tree_rows())))
    other = make_client(factory.superadmin())
    assert other.get(f"{UPLOAD}/{token}").status_code == 404
    assert other.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": "x"}).status_code == 404
    assert client.get(f"{UPLOAD}/{'A' * 32}").status_code == 404
    assert client.get(f"{UPLOAD}/..%2F..%2Fetc").status_code == 404


def test_expired_token_is_cleaned_up(client, superadmin, app):
    client.login_as(superadmin)
    token = token_of(upload(client, xlsx_bytes(tree_rows())))
    meta_path = Path(app.config["UPLOAD_FOLDER"]) / "imports" / f"{token}.json"
    meta = json.loads(meta_path.read_text())
    meta["uploaded_at"] = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=25)).isoformat()
    meta_path.write_text(json.dumps(meta))
    response = client.get(f"{UPLOAD}/{token}")
    assert response.status_code == 302 and response.headers["Location"] == UPLOAD
    assert _stored(app) == []
    assert "lebih dari 24 jam" in client.get(UPLOAD).get_data(as_text=True)


def test_old_uploads_swept_on_the_next_upload(client, superadmin, app):
    client.login_as(superadmin)
    old = token_of(upload(client, xlsx_bytes(tree_rows())))
    meta_path = Path(app.config["UPLOAD_FOLDER"]) / "imports" / f"{old}.json"
    meta = json.loads(meta_path.read_text())
    meta["uploaded_at"] = "2000-01-01T00:00:00+00:00"
    meta_path.write_text(json.dumps(meta))
    new = token_of(upload(client, xlsx_bytes(tree_rows())))
    assert [p.name for p in _stored(app)] == [new, f"{new}.json"]


def test_plain_pegawai_refused(client, factory):
    client.login_as(factory.employee().user)
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, xlsx_bytes(tree_rows())).status_code == 403
    assert client.get(f"{UPLOAD}/templat.xlsx").status_code == 403
    assert client.get("/pengelolaan/pegawai/unduh.xlsx").status_code == 403


def test_anonymous_sent_to_login(client):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "/masuk" in response.headers["Location"]


def test_csrf_required(client, superadmin, app):
    client.login_as(superadmin)
    response = client.post(UPLOAD, data={"file": (io.BytesIO(xlsx_bytes(tree_rows())), "p.xlsx")}, csrf=False)
    assert response.status_code == 400 and _stored(app) == []
    token = token_of(upload(client, xlsx_bytes(tree_rows())))
    before = counts()
    assert client.post(f"{UPLOAD}/{token}/konfirmasi", data={}, csrf=False).status_code == 400
    assert counts() == before


def test_template_download(client, superadmin):
    response = client.login_as(superadmin).get(f"{UPLOAD}/templat.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "templat-impor-pegawai.xlsx" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS + ["Kelas Jabatan"] and len(rows) == 2
    assert rows[1][0] == "198508222015071796" and sheet["A2"].number_format == "@"
    roster = read_roster(response.data, "templat.xlsx")
    assert roster.rows[0].values["nip"] == "198508222015071796"


def _export(client) -> bytes:
    response = client.get("/pengelolaan/pegawai/unduh.xlsx")
    assert response.status_code == 200
    assert response.mimetype == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return response.data


def test_export_round_trip_has_no_changes(client, factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    sekda = db.session.scalar(select(Employee).where(Employee.nip == n[0]))
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Mashuri", "Bupati Bungo"
    kesehatan = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    boss = db.session.scalar(select(Employee).where(Employee.nip == n[1]))
    admin = factory.superadmin(unit=kesehatan, assessor=boss, email="Admin@Example.go.id")
    admin.employee.name = "=HYPERLINK(\"http://x\")"
    db.session.commit()
    data = _export(client.login_as(admin))
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS + ["Kelas Jabatan"] and len(rows) == 9
    assert all(isinstance(r[0], str) and len(r[0]) == 18 for r in rows[1:])
    assert sheet["A2"].number_format == "@" and sheet["I3"].number_format == "@"
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    by_nip = {r[0]: r for r in rows[1:]}
    assert by_nip[n[3]][3:9] == ("Penata Tingkat I (III/d)", "Kepala Subbagian Umum", "Pengawas",
                                  "Dinas Kesehatan", "Sekretariat / Subbagian Umum", n[2])
    assert by_nip[n[5]][3] == "IX" and by_nip[n[6]][3] is None
    plan = plan_import(admin, read_roster(data, "ekspor.xlsx"))
    assert plan.valid, [str(e) for e in plan.errors]
    assert plan.unchanged == 8 and not (plan.creates or plan.updates or plan.missing or plan.new_units)


def test_opd_admin_exports_and_reimports_own_opd_only(make_client, factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    kesehatan = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    boss = db.session.scalar(select(Employee).where(Employee.nip == n[1]))
    admin = factory.admin([kesehatan], assessor=boss)
    db.session.commit()
    client = make_client(admin)
    data = _export(client)
    nips_out = [r[0] for r in load_workbook(io.BytesIO(data)).worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert n[0] not in nips_out and set(n[1:]) <= set(nips_out) and len(nips_out) == 7
    token = token_of(upload(client, data, "ekspor.xlsx"))
    html = client.get(f"{UPLOAD}/{token}").get_data(as_text=True)
    assert "Impor sekarang" in html and "Nonaktifkan" not in html
    response = client.post(f"{UPLOAD}/{token}/konfirmasi", data={"fingerprint": fingerprint(html)})
    assert response.status_code == 302


def test_opd_admin_row_errors_shown(make_client, factory, do_import):
    n = nips(7)
    do_import(tree_rows(n))
    kesehatan = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Kesehatan"))
    client = make_client(factory.admin([kesehatan]))
    rows = [person(nips(1)[0], "Orang Lain", opd="Dinas Pariwisata", boss=n[0])]
    html = client.get(f"{UPLOAD}/{token_of(upload(client, xlsx_bytes(rows)))}").get_data(as_text=True)
    assert "Hanya super admin yang dapat menambah perangkat daerah" in html


def test_report_shows_changes_old_to_new(client, superadmin, do_import):
    n = nips(7)
    rows = tree_rows(n)
    do_import(rows)
    rows[4][4] = "Analis Data"
    client.login_as(superadmin)
    html = client.get(f"{UPLOAD}/{token_of(upload(client, xlsx_bytes(rows)))}").get_data(as_text=True)
    assert "Pegawai diubah (1)" in html
    assert "Jabatan:</span> Pengolah Data → Analis Data" in html
