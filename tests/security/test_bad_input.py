"""Bad input never gives a 500: ids past what the database holds answer 404 in every route, the
filters and pagination ignore them, and control characters (NUL first of all) are taken out of
every form and query value before any view sees them — on SQLite and PostgreSQL alike."""
import re

import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Employee
from app.web import MAX_ID, strip_control_characters, to_id
from tests.factories import make_nip

HUGE = "99999999999999999999"  # > 2^64
PAST_INTEGER = str(2**31)  # fits SQLite's integers, not PostgreSQL's INTEGER keys


def _get_rules(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and any(type(c).__name__ == "IdConverter" for c in rule._converters.values()):
            yield rule


@pytest.mark.parametrize("impossible", [HUGE, PAST_INTEGER])
def test_every_route_with_an_id_answers_404_for_an_impossible_one(app, client, factory, impossible):
    client.login_as(factory.superadmin())
    rules = list(_get_rules(app))
    assert len(rules) > 40  # the walk covers the app, not a sample
    for rule in rules:
        path = rule.rule
        for name in rule.arguments:
            path = re.sub(rf"<[^>]*\b{name}>", impossible if type(rule._converters[name]).__name__ == "IdConverter"
                          else "ABCD-EFGH", path)
        response = client.get(path)
        assert response.status_code == 404, (rule.rule, response.status_code)
        assert "Halaman tidak ditemukan" in response.get_data(as_text=True)


def test_the_largest_id_the_database_holds_is_simply_not_found(client, factory):
    client.login_as(factory.superadmin())
    for path in (f"/skp/rencana/{MAX_ID}", f"/pengelolaan/pegawai/{MAX_ID}", f"/penilaian/{MAX_ID}"):
        assert client.get(path).status_code == 404, path
    assert client.get(f"/skp/rencana/{PAST_INTEGER}").status_code == 404


@pytest.mark.parametrize("query", [
    f"/pengelolaan/pegawai?opd={HUGE}", f"/pengelolaan/pegawai?unit={HUGE}", f"/pengelolaan/pegawai?page={HUGE}",
    f"/pengelolaan/pegawai?page={MAX_ID}", "/pengelolaan/pegawai?page=-3",
    f"/pengelolaan/audit?object_id={HUGE}", f"/pengelolaan/audit?object_id={MAX_ID}&page={HUGE}",
    f"/pengelolaan/pemantauan?tahun={HUGE}&periode={HUGE}", f"/pengelolaan/rekap?opd={HUGE}",
    f"/pengelolaan/unit/baru?induk={HUGE}", f"/pengelolaan/ekspor-dokumen?opd_id={HUGE}&tahun={HUGE}&periode={HUGE}",
    f"/pengelolaan/pustaka?page={HUGE}", "/pengelolaan/pegawai?q=%00%01Budi", f"/pengelolaan/pegawai?opd={PAST_INTEGER}",
    f"/pengelolaan/audit?object_id={PAST_INTEGER}", f"/pengelolaan/rekap?opd={PAST_INTEGER}",
])
def test_filters_and_pages_ignore_impossible_numbers(client, factory, query):
    opd = factory.opd("Dinas Uji")
    factory.employee(opd, name="Budi Santoso")
    client.login_as(factory.superadmin(unit=opd))
    response = client.get(query)
    assert response.status_code == 200, (query, response.status_code)


def test_a_nul_byte_in_a_text_field_is_taken_out_before_it_is_stored(client, factory):
    opd = factory.opd("Dinas Kesehatan")
    admin = factory.admin([opd])
    client.login_as(admin)
    nip = make_nip()
    response = client.post("/pengelolaan/pegawai/baru", data={
        "nip": nip, "name": "Rina\x00 Marlina\x07, S.Kom.", "status": "PNS", "grade_code": "III/b",
        "position": "Pranata\x1b Komputer", "position_kind": "FUNGSIONAL", "unit_id": str(opd.id),
        "assessor_nip": "", "external_assessor_name": "\x00", "external_assessor_title": "", "email": "",
    })
    assert response.status_code == 302, response.get_data(as_text=True)
    employee = db.session.scalar(select(Employee).where(Employee.nip == nip))
    assert employee.name == "Rina Marlina, S.Kom." and employee.position == "Pranata Komputer"


def test_a_nul_byte_in_the_login_and_in_a_path(client, factory):
    employee = factory.employee()
    response = client.post("/masuk", data={"nip": employee.nip + "\x00", "password": "x\x00"})
    assert response.status_code == 200 and "NIP atau kata sandi salah" in response.get_data(as_text=True)
    assert client.get("/verifikasi/ABCD%00EFGH").status_code == 404


def test_line_breaks_and_tabs_stay():
    assert strip_control_characters("a\tb\r\nc\x00d\x7f") == "a\tb\r\ncd"
    assert to_id("0") == 0 and to_id(str(MAX_ID)) == MAX_ID
    for bad in (HUGE, "-1", "x", ""):
        with pytest.raises(ValueError):
            to_id(bad)


def test_an_upload_name_loses_its_control_characters(app):
    import io

    from werkzeug.datastructures import FileStorage

    with app.test_request_context("/", method="POST", data={
            "bukti": (io.BytesIO(b"%PDF-1.4"), "laporan\x00triwulan.pdf"), "catatan": "baik\x00"}):
        from flask import request

        assert request.files["bukti"].filename == "laporantriwulan.pdf"
        assert isinstance(request.files["bukti"], FileStorage) and request.form["catatan"] == "baik"
