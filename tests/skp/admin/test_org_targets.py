"""Sasaran organisasi: targets per OPD and year, their order, the organisation result, OPD scope."""
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.enums import OrgPredikat
from app.extensions import db
from app.models import AuditEvent, OrgTarget, OrgYearResult
from app.services import ConflictError
from app.services.skp.org_targets import OrgTargetData, update_target
from tests.skp.admin.conftest import body, events, rows

TARGET = {"goal": "Meningkatnya kualitas layanan kesehatan", "indicator": "Indeks kepuasan masyarakat",
          "target_value": "85,5", "unit": "Indeks", "realization": ""}


def make_target(opd, year, n=1, **values):
    target = OrgTarget(opd_id=opd.id, year_id=year.id, goal=f"Sasaran {n}", indicator=f"IKU {n}",
                       target_value=Decimal("80"), unit="%", position=n, **values)
    db.session.add(target)
    db.session.flush()
    return target


@pytest.fixture
def setup(factory):
    opd = factory.opd("Dinas Kesehatan")
    year = factory.skp.year(2026)
    return opd, year, factory.admin([opd])


def test_admin_adds_a_target_with_an_indonesian_decimal(client, setup):
    opd, year, admin = setup
    client.login_as(admin)
    response = client.post(f"/pengelolaan/sasaran/{opd.id}/{year.id}/baru", TARGET)
    assert response.status_code == 302
    target = db.session.query(OrgTarget).one()
    assert (target.target_value, target.unit, target.realization) == (Decimal("85.5"), "Indeks", None)
    event = events("sasaran.dibuat")[0]
    assert event.opd_id == opd.id and event.after["target_value"] == "85.5"
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    assert "Indeks kepuasan masyarakat" in page and "85,5 Indeks" in page


def test_thousands_and_decimal_comma(client, setup):
    opd, year, admin = setup
    client.login_as(admin)
    client.post(f"/pengelolaan/sasaran/{opd.id}/{year.id}/baru",
                dict(TARGET, target_value="1.234,5", unit="Dokumen", realization="1.000,25"))
    target = db.session.query(OrgTarget).one()
    assert (target.target_value, target.realization) == (Decimal("1234.5"), Decimal("1000.25"))
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    assert "1.234,5 Dokumen" in page and "1.000,25 Dokumen" in page
    edit = body(client.get(f"/pengelolaan/sasaran/{target.id}/ubah"))
    assert 'value="1234,5"' in edit  # typed back the way a user types it


@pytest.mark.parametrize("changes, field, message", [
    ({"goal": "  "}, "goal", "Sasaran strategis wajib diisi."),
    ({"indicator": ""}, "indicator", "Indikator kinerja utama wajib diisi."),
    ({"target_value": ""}, "target_value", "Target wajib diisi dengan angka."),
    ({"target_value": "delapan puluh"}, "target_value", "Harus berupa angka, mis. 85,5 atau 1.234,5."),
    ({"target_value": "0"}, "target_value", "Target harus lebih besar dari 0."),
    ({"target_value": "-5"}, "target_value", "Target harus lebih besar dari 0."),
    ({"target_value": "1.500"}, "target_value", "Penulisan 1.500 tidak jelas"),
    ({"target_value": "85,55555"}, "target_value", "Paling banyak 4 angka di belakang koma."),
    ({"target_value": "1" * 15}, "target_value", "Angka terlalu besar."),
    ({"unit": ""}, "unit", "Satuan wajib diisi (mis. %, Indeks, Dokumen)."),
    ({"unit": "x" * 51}, "unit", "Paling banyak 50 karakter."),
    ({"realization": "-1"}, "realization", "Realisasi tidak boleh negatif."),
    ({"realization": "90%"}, "realization", "Harus berupa angka"),
])
def test_target_form_refuses_bad_input_at_the_field(client, setup, changes, field, message):
    opd, year, admin = setup
    client.login_as(admin)
    page = body(client.post(f"/pengelolaan/sasaran/{opd.id}/{year.id}/baru", dict(TARGET, **changes)))
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in page
    assert rows(OrgTarget) == 0 and rows(AuditEvent) == 1  # only the year's opening


def test_edit_records_before_and_after(client, setup):
    opd, year, admin = setup
    target = make_target(opd, year)
    client.login_as(admin)
    assert 'value="80"' in body(client.get(f"/pengelolaan/sasaran/{target.id}/ubah"))
    response = client.post(f"/pengelolaan/sasaran/{target.id}/ubah",
                           {"goal": "Sasaran 1", "indicator": "IKU 1", "target_value": "80", "unit": "%",
                            "realization": "90,25"})
    assert response.status_code == 302
    assert db.session.get(OrgTarget, target.id).realization == Decimal("90.25")
    event = events("sasaran.diubah")[0]
    assert event.before == {"realization": None} and event.after == {"realization": "90.25"}
    assert event.opd_id == opd.id


def test_delete_is_refused_once_an_rhk_refers_to_the_target(client, factory, setup):
    opd, year, admin = setup
    used, free = make_target(opd, year, 1), make_target(opd, year, 2)
    head = factory.employee(opd, name="Kepala Dinas")
    factory.skp.plan(head, year, org_target=used)
    client.login_as(admin)
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    assert "dirujuk 1 RHK" in page
    response = client.post(f"/pengelolaan/sasaran/{used.id}/hapus")
    assert response.status_code == 302
    assert "tidak dapat dihapus karena sudah dirujuk oleh 1 RHK" in body(client.get(response.headers["Location"]))
    assert db.session.get(OrgTarget, used.id) is not None and events("sasaran.dihapus") == []

    free_id = free.id
    client.post(f"/pengelolaan/sasaran/{free_id}/hapus")
    assert db.session.get(OrgTarget, free_id) is None
    assert events("sasaran.dihapus")[0].before["indicator"] == "IKU 2"


def test_reorder(client, setup):
    opd, year, admin = setup
    first, second, third = (make_target(opd, year, n) for n in (1, 2, 3))
    client.login_as(admin)
    client.post(f"/pengelolaan/sasaran/{third.id}/naik")  # 1 3 2
    client.post(f"/pengelolaan/sasaran/{first.id}/turun")  # 3 1 2
    client.post(f"/pengelolaan/sasaran/{second.id}/naik")  # 3 2 1
    client.post(f"/pengelolaan/sasaran/{first.id}/turun")  # already last: nothing happens
    order = [t.indicator for t in db.session.query(OrgTarget).order_by(OrgTarget.position)]
    assert order == ["IKU 3", "IKU 2", "IKU 1"]
    assert [(e.before, e.after) for e in events("sasaran.diurutkan")] == [
        ({"order": 3}, {"order": 2}), ({"order": 1}, {"order": 2}), ({"order": 3}, {"order": 2})]


def test_organisation_result_is_set_changed_and_audited(client, setup):
    opd, year, admin = setup
    client.login_as(admin)
    url = f"/pengelolaan/sasaran/{opd.id}/{year.id}/hasil"
    response = client.post(url, {"predikat": "BAIK", "capaian": "95,5", "note": "LHE SAKIP 2026"})
    assert response.status_code == 302
    result = db.session.query(OrgYearResult).one()
    assert (result.predikat, result.capaian, result.note) == (OrgPredikat.BAIK, Decimal("95.5"), "LHE SAKIP 2026")
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    assert '<option selected value="BAIK">' in page and 'value="95,5"' in page

    client.post(url, {"predikat": "ISTIMEWA", "capaian": "101", "note": "LHE SAKIP 2026"})
    client.post(url, {"predikat": "", "capaian": "", "note": ""})
    result = db.session.query(OrgYearResult).one()
    assert (result.predikat, result.capaian, result.note) == (None, None, None)
    first, second, third = events("hasil_organisasi.ditetapkan")
    assert first.after == {"predikat": "BAIK", "capaian": "95.5", "note": "LHE SAKIP 2026"}
    assert second.before == {"predikat": "BAIK", "capaian": "95.5"}
    assert second.after == {"predikat": "ISTIMEWA", "capaian": "101"}
    assert third.after == {"predikat": None, "capaian": None, "note": None}
    assert first.opd_id == opd.id


@pytest.mark.parametrize("form, field, message", [
    ({"predikat": "HEBAT"}, "predikat", "Pilihan tidak valid."),
    ({"capaian": "-1"}, "capaian", "Capaian tidak boleh negatif."),
    ({"capaian": "sembilan puluh"}, "capaian", "Harus berupa angka"),
    ({"note": "x" * 2001}, "note", "Paling banyak 2000 karakter."),
])
def test_organisation_result_refuses_bad_input(client, setup, form, field, message):
    opd, year, admin = setup
    client.login_as(admin)
    data = dict({"predikat": "BAIK", "capaian": "90", "note": ""}, **form)
    response = client.post(f"/pengelolaan/sasaran/{opd.id}/{year.id}/hasil", data)
    assert response.status_code == 200
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in body(response)
    assert rows(OrgYearResult) == 0 and events("hasil_organisasi.ditetapkan") == []


def test_opd_admin_reaches_only_their_own_opds(make_client, factory, setup):
    opd, year, admin = setup
    other = factory.opd("Dinas Pendidikan")
    theirs = make_target(other, year, 1)
    mine = make_target(opd, year, 2)
    client = make_client(admin)
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    assert "Dinas Pendidikan" not in page and "IKU 2" in page
    gets = [f"/pengelolaan/sasaran/{other.id}/{year.id}", f"/pengelolaan/sasaran/{other.id}/{year.id}/baru",
            f"/pengelolaan/sasaran/{theirs.id}/ubah"]
    posts = gets[1:] + [f"/pengelolaan/sasaran/{theirs.id}/hapus", f"/pengelolaan/sasaran/{theirs.id}/naik",
                        f"/pengelolaan/sasaran/{theirs.id}/turun", f"/pengelolaan/sasaran/{other.id}/{year.id}/hasil"]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, dict(TARGET, predikat="BAIK")).status_code == 404, url
    assert client.get(f"/pengelolaan/sasaran?opd={other.id}").headers["Location"].endswith(
        f"/pengelolaan/sasaran/{opd.id}/{year.id}")
    assert rows(OrgTarget) == 2 and rows(OrgYearResult) == 0
    assert db.session.get(OrgTarget, theirs.id).goal == "Sasaran 1"

    pegawai = make_client(factory.employee(opd).user)
    assert pegawai.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}").status_code == 403
    assert pegawai.post(f"/pengelolaan/sasaran/{mine.id}/hapus").status_code == 403
    superadmin = make_client(factory.superadmin())
    assert "IKU 1" in body(superadmin.get(f"/pengelolaan/sasaran/{other.id}/{year.id}"))


def test_a_unit_below_an_opd_is_not_an_opd(client, factory, setup):
    opd, year, admin = setup
    bidang = factory.unit(opd)
    client.login_as(admin)
    assert client.get(f"/pengelolaan/sasaran/{bidang.id}/{year.id}").status_code == 404


def test_picker_defaults_and_missing_year(client, factory):
    opd = factory.opd("Dinas Satu")
    admin = factory.admin([opd])
    client.login_as(admin)
    assert "Belum ada tahun penilaian." in body(client.get("/pengelolaan/sasaran"))
    year = factory.skp.year(2026)
    later = factory.skp.year(2027)
    response = client.get(f"/pengelolaan/sasaran?opd={opd.id}&tahun={later.id}")
    assert response.headers["Location"].endswith(f"/pengelolaan/sasaran/{opd.id}/{later.id}")
    assert client.get("/pengelolaan/sasaran?tahun=abc").status_code == 302
    _ = year


def test_a_target_deleted_meanwhile_is_a_404_not_a_500(client, setup):
    opd, year, admin = setup
    target_id = make_target(opd, year).id
    client.login_as(admin)
    client.post(f"/pengelolaan/sasaran/{target_id}/hapus")
    for url in (f"/pengelolaan/sasaran/{target_id}/ubah", f"/pengelolaan/sasaran/{target_id}/hapus",
                f"/pengelolaan/sasaran/{target_id}/naik"):
        assert client.post(url, TARGET).status_code == 404


def test_an_update_racing_a_delete_is_a_conflict(setup):
    opd, year, admin = setup
    target = make_target(opd, year)
    db.session.execute(text("DELETE FROM org_target WHERE id = :id"), {"id": target.id})
    with pytest.raises(ConflictError, match="dihapus atau diubah oleh pengguna lain"):
        update_target(admin, target, OrgTargetData("Sasaran", "IKU", Decimal("1"), "%"))


def test_two_admins_saving_the_first_result_at_once_is_a_conflict(setup, monkeypatch):
    import app.services.skp.org_targets as org_targets

    opd, year, admin = setup
    org_targets.set_year_result(admin, opd, year, OrgPredikat.BAIK, None, None)
    monkeypatch.setattr(org_targets, "year_result", lambda opd_id, year_id: None)
    with pytest.raises(ConflictError, match="baru saja disimpan oleh pengguna lain"):
        org_targets.set_year_result(admin, opd, year, OrgPredikat.KURANG, None, None)
    db.session.expire_all()
    assert db.session.query(OrgYearResult).one().predikat == OrgPredikat.BAIK


def test_the_capaian_of_the_targets_suggests_the_predikat_and_another_needs_a_reason(client, setup):
    opd, year, admin = setup
    for n, (target, real) in enumerate(((Decimal(100), Decimal(95)), (Decimal(80), Decimal(76)), (Decimal(10), None))):
        db.session.add(OrgTarget(opd_id=opd.id, year_id=year.id, goal=f"Sasaran {n}", indicator=f"IKU {n}",
                                 target_value=target, unit="%", realization=real, position=n))
    db.session.commit()
    client.login_as(admin)
    page = body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))
    # (95 % + 95 %) / 2 = 95 %: Baik by the default thresholds (110; 90; 70; 50)
    assert "realisasi 2 dari 3 sasaran" in page and "saran predikat <strong>Baik</strong>" in page
    url = f"/pengelolaan/sasaran/{opd.id}/{year.id}/hasil"
    refused = client.post(url, {"predikat": "ISTIMEWA", "capaian": "", "note": ""})
    assert refused.status_code == 200 and "menyarankan predikat Baik; tuliskan alasan penetapan Istimewa" in body(refused)
    assert rows(OrgYearResult) == 0
    # the suggestion confirmed: the computed capaian is kept when none is typed
    assert client.post(url, {"predikat": "BAIK", "capaian": "", "note": ""}).status_code == 302
    assert db.session.query(OrgYearResult).one().capaian == Decimal(95)
    # overridden with a reason
    assert client.post(url, {"predikat": "ISTIMEWA", "capaian": "95", "note": "LHE SAKIP: nilai A"}).status_code == 302
    result = db.session.query(OrgYearResult).one()
    assert result.predikat == OrgPredikat.ISTIMEWA and result.note == "LHE SAKIP: nilai A"
    assert "Predikat yang ditetapkan berbeda: Istimewa" in body(client.get(f"/pengelolaan/sasaran/{opd.id}/{year.id}"))


def test_the_thresholds_are_a_setting_checked_at_the_field(make_client, factory):
    from tests.daily.test_admin import _settings

    client = make_client(factory.superadmin())
    bad = client.post("/pengelolaan/pengaturan", data=_settings(org_predikat_thresholds="90; 110; 70; 50"))
    assert "setiap batas harus lebih kecil" in body(bad).lower()
    assert client.post("/pengelolaan/pengaturan", data=_settings(org_predikat_thresholds="115; 95; 75; 55")
                       ).status_code == 302
    from app.services.settings import get_settings

    assert get_settings().org_predikat_thresholds == "115; 95; 75; 55"
