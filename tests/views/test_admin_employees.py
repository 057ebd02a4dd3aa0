"""Pengelolaan → Pegawai: list, filters, create, edit with cycle refusal and optimistic locking."""
import pytest
from sqlalchemy import event, func, select

from app.domain.enums import EmploymentStatus, PositionKind
from app.extensions import db
from app.models import AuditEvent, Employee, User
from tests.factories import make_nip


def employee_form(unit, **overrides):
    form = {
        "nip": make_nip(),
        "name": "Rina Marlina, S.Kom.",
        "status": "PNS",
        "grade_code": "III/b",
        "position": "Pranata Komputer Ahli Pertama",
        "position_kind": "FUNGSIONAL",
        "unit_id": str(unit.id),
        "assessor_nip": "",
        "external_assessor_name": "",
        "external_assessor_title": "",
        "email": "rina@example.go.id",
    }
    form.update(overrides)
    return form


@pytest.fixture
def setting(factory):
    opd = factory.opd("Dinas Kesehatan")
    other = factory.opd("Dinas Pendidikan")
    admin = factory.admin([opd])
    return opd, other, admin


def test_list_shows_only_my_opds(client, factory, setting):
    opd, other, admin = setting
    mine = factory.employee(opd, name="Budi Santoso")
    theirs = factory.employee(other, name="Citra Lestari")
    client.login_as(admin)
    body = client.get("/pengelolaan/pegawai").get_data(as_text=True)
    assert mine.name in body and theirs.name not in body
    body = client.get(f"/pengelolaan/pegawai?opd={other.id}").get_data(as_text=True)
    assert theirs.name not in body


def test_search_filters_and_pagination(client, factory, setting, app, monkeypatch):
    opd, _, admin = setting
    monkeypatch.setitem(app.config, "EMPLOYEES_PER_PAGE", 5)
    bidang = factory.unit(opd, "Bidang P2P")
    for i in range(7):
        factory.employee(bidang, name=f"Anggota Bidang {i}")
    pppk = factory.employee(opd, name="Dewi PPPK", status=EmploymentStatus.PPPK, grade_code="IX")
    fungsional = factory.employee(opd, name="Eka Fungsional", position_kind=PositionKind.FUNGSIONAL)
    gone = factory.employee(opd, name="Fajar Pensiun", active=False)
    client.login_as(admin)

    page1 = client.get("/pengelolaan/pegawai").get_data(as_text=True)
    assert "halaman 1 dari 2" in page1
    assert "Berikutnya" in page1
    assert gone.name not in page1
    assert "Anggota Bidang" in client.get(f"/pengelolaan/pegawai?q=anggota&opd={opd.id}&unit={bidang.id}").get_data(as_text=True)
    assert pppk.name in client.get("/pengelolaan/pegawai?status=PPPK").get_data(as_text=True)
    assert fungsional.name in client.get("/pengelolaan/pegawai?jenis=FUNGSIONAL").get_data(as_text=True)
    assert gone.name in client.get("/pengelolaan/pegawai?aktif=0").get_data(as_text=True)
    by_nip = client.get(f"/pengelolaan/pegawai?q={pppk.nip[:10]}").get_data(as_text=True)
    assert pppk.name in by_nip
    wildcard = client.get("/pengelolaan/pegawai?q=%25").get_data(as_text=True)
    assert "0 pegawai" in wildcard
    bad = client.get("/pengelolaan/pegawai?opd=abc&page=xyz&aktif=zzz")
    assert bad.status_code == 200


def test_list_query_count_does_not_grow_with_the_page(client, factory, setting):
    opd, _, admin = setting
    client.login_as(admin)

    def count_queries(size):
        for _ in range(size):
            head = factory.employee(opd)
            factory.employee(opd, assessor=head)
        db.session.commit()
        statements = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            assert client.get("/pengelolaan/pegawai").status_code == 200
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        return len(statements)

    small = count_queries(2)
    large = count_queries(20)
    assert small == large


def test_create_employee_with_account_and_audit(client, factory, setting):
    opd, _, admin = setting
    boss = factory.employee(opd, name="Kepala Dinas")
    client.login_as(admin)
    form = employee_form(opd, assessor_nip=boss.nip)
    response = client.post("/pengelolaan/pegawai/baru", form)
    assert response.status_code == 302
    created = db.session.scalar(select(Employee).where(Employee.nip == form["nip"]))
    assert created.assessor_id == boss.id
    assert created.birth_date.strftime("%Y%m%d") == form["nip"][:8]
    user = db.session.scalar(select(User).where(User.employee_id == created.id))
    assert user is not None and user.password_hash is None
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pegawai.dibuat",
                                                      AuditEvent.object_id == created.id))


@pytest.mark.parametrize(
    ("overrides", "field_message"),
    [
        ({"nip": "12345"}, "NIP harus 18 digit"),
        ({"nip": "198513222015071796"}, "tanggal lahir yang valid"),
        ({"name": "  "}, "Nama wajib diisi."),
        ({"grade_code": ""}, "Pilih pangkat/golongan ruang PNS"),
        ({"grade_code": "IX"}, "Pilih pangkat/golongan ruang PNS"),
        ({"status": "PPPK", "grade_code": "III/b"}, "Golongan PPPK adalah I sampai XVII"),
        ({"email": "bukan email"}, "Alamat email tidak valid."),
        ({"assessor_nip": "199001012013011001"}, "Tidak ada pegawai dengan NIP"),
        ({"unit_id": "0"}, "Pilih unit kerja"),
        ({"external_assessor_name": "H. Fulan"}, "Jabatan penilai eksternal wajib diisi"),
    ],
)
def test_create_refusals_are_shown_at_the_field(client, factory, setting, overrides, field_message):
    opd, _, admin = setting
    client.login_as(admin)
    before = db.session.scalar(select(func.count()).select_from(Employee))
    response = client.post("/pengelolaan/pegawai/baru", employee_form(opd, **overrides))
    assert response.status_code == 200
    assert field_message in response.get_data(as_text=True)
    assert "invalid-feedback" in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Employee)) == before


def test_duplicate_nip_is_refused(client, factory, setting):
    opd, _, admin = setting
    existing = factory.employee(opd, name="Sudah Ada")
    client.login_as(admin)
    body = client.post("/pengelolaan/pegawai/baru", employee_form(opd, nip=existing.nip)).get_data(as_text=True)
    assert "sudah dipakai oleh Sudah Ada" in body


def test_cannot_create_in_another_opd(client, factory, setting):
    opd, other, admin = setting
    client.login_as(admin)
    response = client.post("/pengelolaan/pegawai/baru", employee_form(other))
    assert response.status_code == 200
    assert "Pilihan tidak valid." in response.get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(Employee).where(Employee.unit_id == other.id)) == 0


def test_edit_employee_and_audit_the_changed_fields(client, factory, setting):
    opd, _, admin = setting
    employee = factory.employee(opd, name="Nama Lama")
    client.login_as(admin)
    page = client.get(f"/pengelolaan/pegawai/{employee.id}/ubah").get_data(as_text=True)
    assert 'value="Nama Lama"' in page
    form = employee_form(opd, nip=employee.nip, name="Nama Baru", version=str(employee.version))
    response = client.post(f"/pengelolaan/pegawai/{employee.id}/ubah", form)
    assert response.status_code == 302
    employee = db.session.get(Employee, employee.id)
    assert employee.name == "Nama Baru"
    audit = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "pegawai.diubah"))
    assert audit.before["name"] == "Nama Lama" and audit.after["name"] == "Nama Baru"


def test_concurrent_edit_is_a_conflict_not_an_overwrite(client, factory, setting):
    opd, _, admin = setting
    employee = factory.employee(opd, name="Awal")
    client.login_as(admin)
    stale_version = str(employee.version)
    first = employee_form(opd, nip=employee.nip, name="Perubahan Pertama", version=stale_version)
    assert client.post(f"/pengelolaan/pegawai/{employee.id}/ubah", first).status_code == 302
    second = employee_form(opd, nip=employee.nip, name="Perubahan Kedua", version=stale_version)
    response = client.post(f"/pengelolaan/pegawai/{employee.id}/ubah", second)
    assert response.status_code == 200
    assert "telah diubah orang lain" in response.get_data(as_text=True)
    assert db.session.get(Employee, employee.id).name == "Perubahan Pertama"


@pytest.mark.parametrize("depth", [1, 2, 3])
def test_assessor_cycles_are_refused(client, factory, setting, depth):
    opd, _, admin = setting
    top = factory.employee(opd, name="Puncak")
    chain = [top]
    for i in range(depth):
        chain.append(factory.employee(opd, assessor=chain[-1], name=f"Bawahan {i}"))
    client.login_as(admin)
    # make the top report to the bottom of its own chain (or to itself when depth is 1)
    target = chain[-1]
    form = employee_form(opd, nip=top.nip, name=top.name, assessor_nip=target.nip, version=str(top.version))
    body = client.post(f"/pengelolaan/pegawai/{top.id}/ubah", form).get_data(as_text=True)
    assert "garis atasan akan berputar" in body
    assert db.session.get(Employee, top.id).assessor_id is None


def test_self_as_assessor_is_refused(client, factory, setting):
    opd, _, admin = setting
    employee = factory.employee(opd)
    client.login_as(admin)
    form = employee_form(opd, nip=employee.nip, assessor_nip=employee.nip, version=str(employee.version))
    assert "tidak dapat menjadi Pejabat Penilai" in client.post(
        f"/pengelolaan/pegawai/{employee.id}/ubah", form).get_data(as_text=True)


def test_deactivate_needs_a_reason_and_never_deletes(client, factory, setting):
    opd, _, admin = setting
    employee = factory.employee(opd)
    client.login_as(admin)
    client.post(f"/pengelolaan/pegawai/{employee.id}/nonaktifkan", {"reason": ""})
    assert db.session.get(Employee, employee.id).active is True
    client.post(f"/pengelolaan/pegawai/{employee.id}/nonaktifkan", {"reason": "Pensiun"})
    assert db.session.get(Employee, employee.id).active is False
    assert client.__class__(client.app).post(
        "/masuk", {"nip": employee.nip, "password": "Kinerja-Terukur-2026"}).status_code == 200
    client.post(f"/pengelolaan/pegawai/{employee.id}/aktifkan")
    assert db.session.get(Employee, employee.id).active is True
    actions = db.session.scalars(select(AuditEvent.action).where(AuditEvent.object_id == employee.id)).all()
    assert "pegawai.dinonaktifkan" in actions and "pegawai.diaktifkan" in actions


def test_detail_shows_line_account_and_audit(client, factory, setting):
    opd, _, admin = setting
    boss = factory.employee(opd, name="Atasan Satu")
    employee = factory.employee(opd, assessor=boss, name="Pegawai Dua")
    factory.employee(opd, assessor=employee, name="Bawahan Tiga")
    client.login_as(admin)
    body = client.get(f"/pengelolaan/pegawai/{employee.id}").get_data(as_text=True)
    assert "Atasan Satu" in body and "Bawahan Tiga" in body
    assert "Buat kode aktivasi" in body
