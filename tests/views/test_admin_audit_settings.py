"""Audit log viewer (scoped, filtered) and instansi settings (superadmin only, versioned)."""
import base64
import io

from sqlalchemy import select

from app.extensions import db
from tests.pages import field_error
from app.models import AppSettings, AuditEvent
from app.services.audit import record

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def test_audit_log_is_scoped_to_my_opds_and_filterable(client, factory):
    opd, other = factory.opd("Dinas A"), factory.opd("Dinas B")
    mine, theirs = factory.employee(opd, name="Pegawai A"), factory.employee(other, name="Pegawai B")
    record(None, "pegawai.diubah", mine, summary="Perubahan milik A")
    record(None, "pegawai.diubah", theirs, summary="Perubahan milik B")
    record(None, "akun.dikunci", mine.user, summary="Kunci milik A")
    admin = factory.admin([opd])
    client.login_as(admin)
    body = client.get("/pengelolaan/audit").get_data(as_text=True)
    assert "Perubahan milik A" in body and "Kunci milik A" in body
    assert "Perubahan milik B" not in body
    filtered = client.get("/pengelolaan/audit?action=akun.dikunci").get_data(as_text=True)
    assert "Kunci milik A" in filtered and "Perubahan milik A" not in filtered
    by_object = client.get(f"/pengelolaan/audit?object_type=employee&object_id={mine.id}").get_data(as_text=True)
    assert "Perubahan milik A" in by_object and "Kunci milik A" not in by_object
    assert client.get("/pengelolaan/audit?date_from=2000-01-01&date_to=2000-01-02").status_code == 200
    assert "0 kejadian" in client.get("/pengelolaan/audit?date_from=2000-01-01&date_to=2000-01-02").get_data(as_text=True)
    assert client.get("/pengelolaan/audit?date_from=bukan-tanggal").status_code == 200



def test_the_audit_log_reads_in_plain_indonesian_with_a_fixed_number_of_queries(client, factory):
    """No internal identifiers: what happened and to what, named as a person reads it and linked to
    the pegawai's page; the names are read with one query per kind of object, however many events."""
    from tests.queries import count_statements

    opd = factory.opd("Dinas A")
    people = [factory.employee(opd, name=f"Pegawai {n}") for n in range(6)]
    year = factory.skp.year(2026)
    for person in people:
        record(None, "pegawai.diubah", person, summary="Jabatan diubah")
        record(None, "akun.kata_sandi_diubah", person.user)
        record(None, "skp.dikembalikan", factory.skp.plan(person, year), summary="Perbaiki target", opd_id=opd.id)
    record(None, "unit.diubah", opd)
    admin = factory.admin([opd])
    client.login_as(admin)
    page = client.get("/pengelolaan/audit").get_data(as_text=True)
    for words in ("Pegawai diubah", "Akun: kata sandi diubah", "SKP dikembalikan", "Unit kerja diubah",
                  "Pegawai: <a", "Pegawai 3 · SKP 2026 versi 1", "Pegawai 5 (NIP", "Unit kerja: Dinas A"):
        assert words in page, words
    assert f'href="/pengelolaan/pegawai/{people[2].id}"' in page
    for internal in ("org_unit", "user_account", "<code>", "appraisal_year", " #"):
        assert internal not in page.split('id="konten"')[1].split("<form")[0] + page.split("</form>")[-1], internal
    assert '<option value="skp.dikembalikan">SKP dikembalikan</option>' in page
    with count_statements() as few:
        client.get("/pengelolaan/audit")
    for n in range(3):
        person = factory.employee(opd, name=f"Pegawai baru {n}")
        record(None, "pegawai.dibuat", person)
        record(None, "skp.dikembalikan", factory.skp.plan(person, year), summary="Lagi", opd_id=opd.id)
    db.session.flush()
    with count_statements() as more:
        client.get("/pengelolaan/audit")
    assert len(more) == len(few)


def test_audit_events_record_ip_and_actor(client, factory):
    opd = factory.opd()
    admin = factory.admin([opd])
    employee = factory.employee(opd)
    client.login_as(admin)
    client.post(f"/pengelolaan/pegawai/{employee.id}/akun/reset")
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "akun.kode_aktivasi_dibuat"))
    assert event.ip == "127.0.0.1"
    assert event.actor_user_id == admin.id and admin.nip in event.actor_label
    assert event.opd_id == opd.id


def settings_form(**overrides):
    form = {"region_name": "Pemerintah Kabupaten Uji", "document_place": "Kota Uji",
            "head_title": "Bupati Uji", "head_name": "H. Fulan", "paper_size": "F4", "version": "0",
            "late_submission": "REFUSE"}
    form.update(overrides)
    return form


def test_superadmin_edits_settings_and_logo(client, factory):
    client.login_as(factory.superadmin())
    form = settings_form()
    form["logo"] = (io.BytesIO(PNG), "logo.png")
    response = client.post("/pengelolaan/pengaturan", form, content_type="multipart/form-data")
    assert response.status_code == 302
    settings = db.session.get(AppSettings, 1)
    assert settings.region_name == "Pemerintah Kabupaten Uji" and settings.paper_size.value == "F4"
    assert settings.late_submission.value == "REFUSE"
    logo = client.get("/logo")
    assert logo.status_code == 200 and logo.mimetype == "image/png" and logo.data == PNG
    client.logout()
    assert "Pemerintah Kabupaten Uji" in client.get("/masuk").get_data(as_text=True)
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pengaturan.diubah"))


def test_logo_must_be_an_image(client, factory):
    client.login_as(factory.superadmin())
    form = settings_form()
    form["logo"] = (io.BytesIO(b"%PDF-1.7 bukan gambar"), "logo.png")
    body = client.post("/pengaturan".join(["/pengelolaan", ""]), form, content_type="multipart/form-data").get_data(as_text=True)
    assert "Logo harus berupa gambar PNG atau JPEG." in body
    assert db.session.get(AppSettings, 1) is None


def test_settings_conflict_and_required_fields(client, factory):
    client.login_as(factory.superadmin())
    client.post("/pengelolaan/pengaturan", settings_form())
    body = client.post("/pengelolaan/pengaturan", settings_form(region_name="Lain")).get_data(as_text=True)
    assert "telah diubah orang lain" in body
    assert db.session.get(AppSettings, 1).region_name == "Pemerintah Kabupaten Uji"
    response = client.post("/pengelolaan/pengaturan", settings_form(region_name="", version="1"))
    assert field_error(response, "region_name") == "Isi nama pemerintah daerah (dicetak pada kop setiap dokumen)."
    assert 'href="#region_name">Nama pemerintah daerah (kop)</a>' in response.get_data(as_text=True)  # the summary


def test_opd_admin_cannot_open_settings(client, factory):
    opd = factory.opd()
    client.login_as(factory.admin([opd]))
    assert client.get("/pengelolaan/pengaturan").status_code == 403
    assert client.post("/pengelolaan/pengaturan", settings_form()).status_code == 403


def test_the_kepala_bkpsdm_with_a_checked_nip(client, factory):
    client.login_as(factory.superadmin())
    body = client.post("/pengelolaan/pengaturan", settings_form(
        bkpsdm_title="Kepala BKPSDM", bkpsdm_name="Dra. Sri Wahyuni, M.M.", bkpsdm_nip="1234")).get_data(as_text=True)
    from app.domain.nip import nip_error

    assert nip_error("1234") in body and db.session.get(AppSettings, 1) is None  # at the field, nothing saved
    nip = factory.employee().nip
    response = client.post("/pengelolaan/pengaturan", settings_form(
        bkpsdm_title="Kepala BKPSDM", bkpsdm_name="Dra. Sri Wahyuni, M.M.", bkpsdm_nip=nip[:8] + " " + nip[8:]))
    assert response.status_code == 302
    settings = db.session.get(AppSettings, 1)
    assert (settings.bkpsdm_title, settings.bkpsdm_name, settings.bkpsdm_nip) == (
        "Kepala BKPSDM", "Dra. Sri Wahyuni, M.M.", nip)
    # a page without those fields keeps them
    assert client.post("/pengelolaan/pengaturan", settings_form(version="1")).status_code == 302
    assert db.session.get(AppSettings, 1).bkpsdm_name == "Dra. Sri Wahyuni, M.M."
