"""Unit tree and Plt./Plh. assignments."""
import datetime as dt

from sqlalchemy import func, select

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.models import ActingAssignment, AuditEvent, OrgUnit


def test_unit_tree_shows_counts_and_only_my_opds(client, factory):
    opd, other = factory.opd("Dinas Kesehatan"), factory.opd("Dinas Pendidikan")
    bidang = factory.unit(opd, "Bidang Pelayanan Kesehatan")
    seksi = factory.unit(bidang, "Seksi Rujukan", OrgUnitKind.SEKSI)
    for _ in range(3):
        factory.employee(seksi)
    admin = factory.admin([opd])
    client.login_as(admin)
    body = client.get("/pengelolaan/unit").get_data(as_text=True)
    assert "Seksi Rujukan" in body and "3 pegawai" in body
    assert "Dinas Pendidikan" not in body
    _ = other


def test_opd_admin_adds_a_unit_below_their_opd(client, factory):
    opd = factory.opd()
    admin = factory.admin([opd])
    client.login_as(admin)
    response = client.post("/pengelolaan/unit/baru", {"name": "Bidang Baru", "kind": "BIDANG", "parent_id": str(opd.id)})
    assert response.status_code == 302
    unit = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Bidang Baru"))
    assert unit.opd_id == opd.id and unit.parent_id == opd.id
    assert db.session.scalar(select(AuditEvent).where(AuditEvent.action == "unit.dibuat"))


def test_unit_refusals(client, factory):
    opd, other = factory.opd(), factory.opd()
    factory.unit(opd, "Bidang Ada")
    admin = factory.admin([opd])
    client.login_as(admin)
    pemda = db.session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.PEMDA))
    cases = [
        ({"name": "Bidang Ada", "kind": "BIDANG", "parent_id": str(opd.id)}, "Sudah ada unit bernama"),
        ({"name": "", "kind": "BIDANG", "parent_id": str(opd.id)}, "Nama unit wajib diisi."),
        ({"name": "Dinas Baru", "kind": "OPD", "parent_id": str(opd.id)}, "Hanya super admin"),
        ({"name": "X", "kind": "BIDANG", "parent_id": str(other.id)}, "Pilihan tidak valid."),
        ({"name": "X", "kind": "BIDANG", "parent_id": str(pemda.id)}, "Pilihan tidak valid."),
    ]
    count = db.session.scalar(select(func.count()).select_from(OrgUnit))
    for form, message in cases:
        body = client.post("/pengelolaan/unit/baru", form).get_data(as_text=True)
        assert message in body, message
    assert db.session.scalar(select(func.count()).select_from(OrgUnit)) == count


def test_superadmin_adds_an_opd_and_moves_a_unit(client, factory):
    opd = factory.opd("Dinas Lama")
    bidang = factory.unit(opd, "Bidang Pindahan")
    boss = factory.superadmin(unit=opd)
    pemda = db.session.scalar(select(OrgUnit).where(OrgUnit.kind == OrgUnitKind.PEMDA))
    client.login_as(boss)
    client.post("/pengelolaan/unit/baru", {"name": "Dinas Baru", "kind": "OPD", "parent_id": str(pemda.id)})
    new_opd = db.session.scalar(select(OrgUnit).where(OrgUnit.name == "Dinas Baru"))
    assert new_opd.opd_id == new_opd.id
    client.post(f"/pengelolaan/unit/{bidang.id}/ubah", {"name": "Bidang Pindahan", "kind": "BIDANG", "parent_id": str(new_opd.id)})
    assert db.session.get(OrgUnit, bidang.id).opd_id == new_opd.id


def test_unit_cannot_move_below_itself(client, factory):
    opd = factory.opd()
    bidang = factory.unit(opd)
    seksi = factory.unit(bidang, kind=OrgUnitKind.SEKSI)
    boss = factory.superadmin(unit=opd)
    client.login_as(boss)
    body = client.post(f"/pengelolaan/unit/{bidang.id}/ubah",
                       {"name": bidang.name, "kind": "BIDANG", "parent_id": str(seksi.id)}).get_data(as_text=True)
    assert "ke bawah dirinya sendiri" in body


def test_unit_with_pegawai_cannot_be_deactivated(client, factory):
    opd = factory.opd()
    bidang = factory.unit(opd)
    empty = factory.unit(opd)
    factory.employee(bidang)
    admin = factory.admin([opd])
    client.login_as(admin)
    client.post(f"/pengelolaan/unit/{bidang.id}/status")
    assert db.session.get(OrgUnit, bidang.id).active is True
    client.post(f"/pengelolaan/unit/{empty.id}/status")
    assert db.session.get(OrgUnit, empty.id).active is False


def acting_form(unit, acting, replaced=None, **overrides):
    today = dt.date.today()
    form = {
        "kind": "PLT", "acting_nip": acting.nip, "replaced_nip": replaced.nip if replaced else "",
        "unit_id": str(unit.id), "position": "Kepala Bidang Bina Marga",
        "start_date": today.isoformat(), "end_date": (today + dt.timedelta(days=60)).isoformat(),
        "decree": "800/123/BKPSDM/2026",
    }
    form.update(overrides)
    return form


def test_record_and_edit_an_acting_assignment(client, factory):
    opd = factory.opd()
    bidang = factory.unit(opd)
    acting = factory.employee(opd, name="Sekretaris Dinas")
    admin = factory.admin([opd])
    client.login_as(admin)
    assert client.post("/pengelolaan/plt/baru", acting_form(bidang, acting)).status_code == 302
    assignment = db.session.scalar(select(ActingAssignment))
    assert assignment.title == "Plt. Kepala Bidang Bina Marga"
    body = client.get("/pengelolaan/plt").get_data(as_text=True)
    assert "Sekretaris Dinas" in body and "berlaku" in body
    end = (dt.date.today() + dt.timedelta(days=10)).isoformat()
    client.post(f"/pengelolaan/plt/{assignment.id}/ubah", acting_form(bidang, acting, end_date=end))
    assert db.session.get(ActingAssignment, assignment.id).end_date.isoformat() == end
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"plt.dibuat", "plt.diubah"} <= actions
    # the acting official sees the assignment on Beranda
    client.logout()
    client.login_as(acting.user)
    assert "Plt. Kepala Bidang Bina Marga" in client.get("/").get_data(as_text=True)


def test_acting_refusals(client, factory):
    opd, other = factory.opd(), factory.opd()
    bidang = factory.unit(opd)
    acting = factory.employee(opd)
    admin = factory.admin([opd])
    client.login_as(admin)
    today = dt.date.today()
    cases = [
        (acting_form(bidang, acting, end_date=(today - dt.timedelta(days=1)).isoformat()), "tidak boleh sebelum"),
        (acting_form(bidang, acting, kind="PLH"), "Plh. menggantikan pejabat"),
        (acting_form(bidang, acting, replaced=acting), "bagi dirinya sendiri"),
        (acting_form(bidang, acting, acting_nip="199001012013011001"), "Tidak ada pegawai aktif"),
        (acting_form(other, acting), "Pilihan tidak valid."),
        (acting_form(bidang, acting, start_date="2026-02-31"), "Tanggal mulai wajib diisi dengan tanggal yang valid."),
    ]
    for form, message in cases:
        assert message in client.post("/pengelolaan/plt/baru", form).get_data(as_text=True), message
    assert db.session.scalar(select(func.count()).select_from(ActingAssignment)) == 0


def test_overlapping_acting_for_the_same_post_is_refused(client, factory):
    opd = factory.opd()
    bidang = factory.unit(opd)
    first, second = factory.employee(opd), factory.employee(opd)
    admin = factory.admin([opd])
    client.login_as(admin)
    client.post("/pengelolaan/plt/baru", acting_form(bidang, first))
    body = client.post("/pengelolaan/plt/baru", acting_form(bidang, second)).get_data(as_text=True)
    assert "sudah dijabat" in body
