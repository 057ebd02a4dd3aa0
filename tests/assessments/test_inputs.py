"""Every bad input gets its Indonesian message at its field and writes nothing: numbers, texts,
files (checked by content), links; a missing CSRF token; an oversized request; and two tabs saving
the same assessment (the later one is told, keeps its input, overwrites nothing)."""
import re
from decimal import Decimal

import pytest

from app.domain.skp import Approach, PlanStatus
from app.extensions import db
from tests.assessments.conftest import (
    PDF, assessment_of, body, field_error, form_data, realization, start, state, text, upload, version_in,
)


@pytest.fixture
def begun(make_client, world):
    client = make_client(world["staff"].user)
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="2", rate="6,5"))
    return client, assessment_of(world["staff"], world["p1"])


def _save(client, world, a, **kwargs):
    return client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, **kwargs))


@pytest.mark.parametrize("typed, message", [
    ("-1", "Realisasi tidak boleh negatif."),
    ("dua", "Harus berupa angka, mis. 85,5 atau 1.234,5."),
    ("1.500", "Penulisan 1.500 tidak jelas"),
    ("1,23456", "Paling banyak 4 angka di belakang koma."),
])
def test_bad_numbers_are_refused_at_the_field(begun, world, typed, message):
    client, a = begun
    before = state(a)
    response = _save(client, world, a, docs=typed, rate="7")
    assert response.status_code == 200
    assert field_error(response, f"value_{world['docs'].id}").startswith(message)
    assert f'value="{typed}"' in body(response)  # the typed input is kept
    assert "Isian belum disimpan" in text(response)
    assert state(a) == before


def test_too_long_texts_are_refused_at_their_fields(begun, world):
    client, a = begun
    values = [v for v in re.findall(r'name="reflection_(\d+)"', body(client.get(world["url"])))]
    before = state(a)
    response = _save(client, world, a, docs="3", rate="7", note="x" * 2001,
                     **{f"reflection_{values[0]}": "y" * 2001})
    assert field_error(response, f"note_{world['docs'].id}") == "Catatan paling banyak 2000 karakter."
    assert field_error(response, f"reflection_{values[0]}") == "Refleksi paling banyak 2000 karakter."
    assert state(a) == before


@pytest.mark.parametrize("data, name, message", [
    (b"Ini hanya teks, bukan PDF.\n", "laporan.pdf", "laporan.pdf: Isi berkas bukan PDF, JPG, PNG, XLSX atau DOCX"),
    (b"", "kosong.pdf", "kosong.pdf: Berkas kosong"),
    (b"PK\x03\x04 rusak", "tabel.xlsx", "tabel.xlsx: Isi berkas bukan PDF"),
])
def test_bad_files_are_refused_at_their_input(begun, world, data, name, message):
    client, a = begun
    rid = realization(a, world["docs"]).id
    before = state(a)
    response = _save(client, world, a, docs="3", rate="7", **{f"file_{rid}": upload(data, name)})
    assert response.status_code == 200
    assert field_error(response, f"file_{rid}").startswith(message)
    assert "pilih kembali" in text(response)
    assert state(a) == before  # not even the typed numbers: one transaction
    assert 'value="3"' in body(response)


def test_one_bad_file_among_good_ones_stores_none(begun, world):
    client, a = begun
    rid = realization(a, world["docs"]).id
    before = state(a)
    response = _save(client, world, a, docs="2", rate="6,5", **{f"file_{rid}": [
        upload(PDF, "baik.pdf"), upload(b"MZ\x90\x00 program", "virus.pdf")]})
    assert field_error(response, f"file_{rid}").startswith("virus.pdf:")
    assert state(a) == before


def test_an_oversized_file_is_refused_at_its_input(begun, world, app, monkeypatch):
    client, a = begun
    monkeypatch.setitem(app.config, "EVIDENCE_MAX_BYTES", 1000)
    rid = realization(a, world["docs"]).id
    before = state(a)
    response = _save(client, world, a, docs="2", rate="6,5", **{f"file_{rid}": upload(PDF + b"0" * 2000, "besar.pdf")})
    assert "besar.pdf: Berkas lebih dari" in field_error(response, f"file_{rid}")
    assert state(a) == before


def test_a_request_over_the_limit_gets_the_indonesian_413_page(begun, world, app, monkeypatch):
    client, a = begun
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 4000)
    rid = realization(a, world["docs"]).id
    before = state(a)
    response = _save(client, world, a, docs="2", rate="6,5", **{f"file_{rid}": upload(PDF + b"0" * 8000, "besar.pdf")})
    assert response.status_code == 413 and "Berkas terlalu besar" in text(response)
    assert state(a) == before


@pytest.mark.parametrize("url, message", [
    ("arsip.kab.go.id/dok", "diawali http:// atau https://"),
    ("javascript:alert(1)", "diawali http:// atau https://"),
    ("https://a b", "diawali http:// atau https://"),
    ("https://arsip.kab.go.id/" + "a" * 1000, "Alamat tautan paling banyak 1.000 karakter."),
])
def test_bad_links_are_refused_at_their_input(begun, world, url, message):
    client, a = begun
    rid = realization(a, world["rate"]).id
    before = state(a)
    response = _save(client, world, a, docs="2", rate="6,5", **{f"url_{rid}": url})
    assert message in field_error(response, f"url_{rid}")
    assert state(a) == before


def test_a_kualitatif_narrative(make_client, world, factory):
    staff = factory.employee(world["opd"], assessor=world["boss"], name="Kualitatif")
    plan = factory.skp.plan(staff, world["year"], status=PlanStatus.APPROVED)
    plan.approach = Approach.KUALITATIF
    indicator = plan.results[0].indicators[0]
    indicator.target_value, indicator.unit, indicator.narrative_target = None, None, "Layanan sesuai SOP"
    db.session.flush()
    client = make_client(staff.user)
    client.post(world["url"] + "/mulai")
    a = assessment_of(staff, world["p1"])
    page = client.get(world["url"])
    assert f'name="narrative_{indicator.id}"' in body(page) and "Layanan sesuai SOP" in text(page)
    url = f"/penilaian/isian/{a.id}/ajukan"
    response = client.post(url, {"version": str(a.lock_version), f"narrative_{indicator.id}": ""})
    assert field_error(response, f"narrative_{indicator.id}") == "Isi realisasi (uraian) IKI ini."
    long = client.post(url, {"version": version_in(response), f"narrative_{indicator.id}": "z" * 2001})
    assert field_error(long, f"narrative_{indicator.id}") == "Realisasi paling banyak 2000 karakter."
    done = client.post(url, {"version": version_in(response),
                             f"narrative_{indicator.id}": "Semua layanan sesuai SOP, tanpa keluhan"})
    assert done.status_code == 302
    assert assessment_of(staff, world["p1"]).status.value == "SUBMITTED"


def test_a_post_without_csrf_token_is_refused(begun, world):
    client, a = begun
    before = state(a)
    response = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="9", rate="9"), csrf=False)
    assert response.status_code == 400 and "token keamanan" in text(response)
    assert state(a) == before


def test_two_tabs_the_later_save_is_told_and_keeps_its_input(begun, world):
    client, a = begun
    seen = version_in(client.get(world["url"]))  # both tabs opened the page at this version
    first = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="4", rate="7", version=seen))
    assert first.status_code == 302
    second = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="5", rate="7", version=seen,
                                                                       note="dari tab kedua"))
    assert second.status_code == 200
    page = text(second)
    assert "telah disimpan dari tab atau perangkat lain" in page and "Isian Anda masih ada di bawah" in page
    assert f'id="value_{world["docs"].id}" inputmode="decimal" name="value_{world["docs"].id}" type="text" value="5"' in body(second)
    assert "Tersimpan dari tab atau perangkat lain: 4" in page
    assert realization(a, world["docs"]).value == Decimal(4)  # nothing overwritten
    assert realization(a, world["docs"]).note is None
    # Saving again from the kept form (now at the current version) applies it.
    again = client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="5", rate="7",
                                                                      version=version_in(second), note="dari tab kedua"))
    assert again.status_code == 302
    assert realization(a, world["docs"]).value == Decimal(5)


def test_a_stale_removal_is_refused(begun, world):
    client, a = begun
    rid = realization(a, world["docs"]).id
    _save(client, world, a, docs="2", rate="6,5", **{f"url_{rid}": "https://arsip.kab.go.id/1"})
    evidence = realization(a, world["docs"]).evidence[0].id
    stale = str(assessment_of(world["staff"], world["p1"]).lock_version - 1)
    response = client.post(f"/penilaian/bukti/{evidence}/hapus", {"version": stale})
    assert response.status_code == 302
    assert "Bukti dukung belum dihapus" in text(client.get(world["url"]))
    assert len(realization(a, world["docs"]).evidence) == 1


def test_every_problem_of_the_form_is_shown_in_one_save(begun, world):
    """A bad number, a bad link and a file that is no PDF: all three messages after one Simpan,
    listed in the summary on top of the page with a link to each input."""
    client, a = begun
    rid_docs, rid_rate = realization(a, world["docs"]).id, realization(a, world["rate"]).id
    before = state(a)
    response = _save(client, world, a, docs="dua", rate="7", **{
        f"url_{rid_rate}": "arsip.kab.go.id/dok", f"file_{rid_docs}": upload(b"teks biasa", "laporan.pdf")})
    assert field_error(response, f"value_{world['docs'].id}").startswith("Harus berupa angka")
    assert "diawali http:// atau https://" in field_error(response, f"url_{rid_rate}")
    assert field_error(response, f"file_{rid_docs}").startswith("laporan.pdf: Isi berkas bukan PDF")
    page = body(response)
    summary = page[page.index("data-error-summary"):]
    summary = summary[:summary.index("</div>")]
    for anchor in (f"value_{world['docs'].id}", f"url_{rid_rate}", f"file_{rid_docs}"):
        assert f'href="#{anchor}"' in summary, anchor
    assert "periksa 4 hal berikut" in summary  # the three, and the file to choose again
    assert page.index("data-error-summary") < page.index("<h1")  # at the top of the page
    assert state(a) == before


def test_good_files_and_links_are_still_stored_after_the_check(begun, world):
    client, a = begun
    rid = realization(a, world["docs"]).id
    response = _save(client, world, a, docs="2", rate="6,5", **{
        f"file_{rid}": upload(PDF, "baik.pdf"), f"url_{rid}": "https://arsip.kab.go.id/dok"})
    assert response.status_code == 302
    kinds = sorted(e.kind.value for e in realization(assessment_of(world["staff"], world["p1"]), world["docs"]).evidence)
    assert kinds == ["FILE", "LINK"]
