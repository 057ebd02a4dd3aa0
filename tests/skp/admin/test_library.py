"""Pustaka indikator: starting RHK and IKI per jabatan, kept by any pengelola kinerja."""
from decimal import Decimal
from urllib.parse import quote

import pytest

from app.domain.skp import Aspect, Direction, ResultKind
from app.extensions import db
from app.models import AuditEvent, LibraryIndicator, LibraryResult
from app.models.library import position_key
from app.services.skp.plan_copy import library_has
from tests.skp.admin.conftest import body, events, rows

JABATAN = "Pranata Komputer Ahli Pertama"
RHK = {"position_name": JABATAN, "kind": "UTAMA", "text": "Terlaksananya pemeliharaan jaringan intranet"}
IKI = {"aspect": "KUANTITAS", "text": "Jumlah laporan pemeliharaan", "direction": "higher",
       "target_value": "12", "target_high": "", "unit": "Laporan", "cumulative": "y"}


def entry(name=JABATAN, kind=ResultKind.UTAMA, text="RHK uji", order=0, indicators=0):
    result = LibraryResult(position_name=name, position_key=position_key(name), kind=kind, text=text,
                           sort_order=order)
    for n in range(indicators):
        result.indicators.append(LibraryIndicator(aspect=Aspect.KUANTITAS, text=f"{text} IKI {n + 1}",
                                                  target_value=Decimal("10"), unit="Dokumen", sort_order=n))
    db.session.add(result)
    db.session.flush()
    return result


@pytest.fixture
def admin(factory):
    return factory.admin([factory.opd("Dinas Kominfo")])


def test_admin_builds_a_jabatan_entry_rhk_then_iki(client, admin):
    client.login_as(admin)
    messy = "  pranata komputer   AHLI pertama "
    response = client.post("/pengelolaan/pustaka/rhk/baru", dict(RHK, position_name=messy))
    result = db.session.query(LibraryResult).one()
    assert response.headers["Location"].endswith(f"/pengelolaan/pustaka/rhk/{result.id}/iki/baru")
    assert result.position_name == "pranata komputer AHLI pertama"
    assert result.position_key == "pranata komputer ahli pertama" and library_has(JABATAN)
    assert client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/baru", IKI).status_code == 302
    client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/baru",
                dict(IKI, aspect="KUALITAS", text="Tingkat ketersediaan jaringan", direction="range",
                     target_value="97,5", target_high="99,9", unit="%", cumulative=""))
    first, second = db.session.get(LibraryResult, result.id).indicators
    assert (first.target_value, first.target_high, first.cumulative) == (Decimal("12"), None, True)
    assert (second.direction, second.target_value, second.target_high, second.cumulative) == (
        Direction.RANGE, Decimal("97.5"), Decimal("99.9"), False)
    assert events("pustaka_rhk.dibuat")[0].actor_user_id == admin.id
    made = events("pustaka_iki.dibuat")
    assert len(made) == 2 and made[1].after["target_high"] == "99.9" and made[1].after["direction"] == "range"
    page = body(client.get("/pengelolaan/pustaka/jabatan?nama=" + quote(JABATAN)))
    assert "Terlaksananya pemeliharaan jaringan intranet" in page
    assert "12 Laporan" in page and "97,5 – 99,9 %" in page


@pytest.mark.parametrize("changes, field, message", [
    ({"text": ""}, "text", "Rumusan IKI wajib diisi."),
    ({"aspect": ""}, "aspect", "Pilih aspek IKI (kuantitas, kualitas, waktu atau biaya)."),
    ({"aspect": "RASA"}, "aspect", "Pilihan tidak valid."),
    ({"target_value": ""}, "target_value", "Target IKI wajib diisi dengan angka."),
    ({"target_value": "0"}, "target_value", "Target IKI harus lebih besar dari 0."),
    ({"target_value": "dua belas"}, "target_value", "Harus berupa angka, mis. 85,5 atau 1.234,5."),
    ({"direction": "range", "target_high": ""}, "target_high", "Batas atas rentang target wajib diisi."),
    ({"direction": "range", "target_high": "12"}, "target_high",
     "Batas bawah rentang harus lebih kecil dari batas atasnya."),
    ({"direction": "range", "target_high": "1,2,3"}, "target_high", "Harus berupa angka"),
    ({"direction": "sideways"}, "direction", "Pilihan tidak valid."),
    ({"unit": " "}, "unit", "Satuan target wajib diisi (mis. Dokumen, %, Bulan)."),
])
def test_iki_form_puts_each_rule_at_its_field(client, admin, changes, field, message):
    result = entry()
    client.login_as(admin)
    page = body(client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/baru", dict(IKI, **changes)))
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in page
    assert rows(LibraryIndicator) == 0 and rows(AuditEvent) == 0


def test_iki_form_shows_every_problem_at_once(client, admin):
    result = entry()
    client.login_as(admin)
    page = body(client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/baru",
                            {"aspect": "", "text": "", "direction": "higher", "target_value": "", "unit": ""}))
    for field in ("aspect", "text", "target_value", "unit"):
        assert f'id="{field}-galat"' in page, field


@pytest.mark.parametrize("changes, field, message", [
    ({"position_name": " "}, "position_name", "Nama jabatan wajib diisi."),
    ({"position_name": "x" * 251}, "position_name", "Paling banyak 250 karakter."),
    ({"kind": "LAIN"}, "kind", "Pilihan tidak valid."),
    ({"text": ""}, "text", "Rumusan RHK wajib diisi."),
])
def test_rhk_form_refuses_bad_input(client, admin, changes, field, message):
    client.login_as(admin)
    page = body(client.post("/pengelolaan/pustaka/rhk/baru", dict(RHK, **changes)))
    assert f'id="{field}-galat" class="invalid-feedback d-block">{message}' in page
    assert rows(LibraryResult) == 0 and rows(AuditEvent) == 0


def test_list_groups_jabatan_whatever_the_spelling_and_searches(client, admin):
    entry(JABATAN, indicators=2)
    entry("pranata  komputer ahli pertama", ResultKind.TAMBAHAN, text="Membantu layanan helpdesk", indicators=1)
    entry("Analis Kebijakan Ahli Muda", text="Tersusunnya kajian kebijakan")
    client.login_as(admin)
    page = body(client.get("/pengelolaan/pustaka"))
    assert "2 jabatan" in page
    row = page[page.index(JABATAN):page.index("</tr>", page.index(JABATAN))]
    assert [cell.split("<")[0] for cell in row.split('text-end">')[1:]] == ["1", "1", "3"]
    by_name = body(client.get("/pengelolaan/pustaka?q=analis"))
    assert "Analis Kebijakan Ahli Muda" in by_name and JABATAN not in by_name
    by_text = body(client.get("/pengelolaan/pustaka?q=helpdesk"))
    assert JABATAN in by_text and "Analis" not in by_text
    assert "Tidak ada jabatan yang cocok" in body(client.get("/pengelolaan/pustaka?q=100%25_"))


def test_jabatan_page_lists_utama_before_tambahan(client, admin):
    entry(kind=ResultKind.TAMBAHAN, text="RHK tambahan satu")
    entry(text="RHK utama satu")
    client.login_as(admin)
    page = body(client.get("/pengelolaan/pustaka/jabatan?nama=" + quote(JABATAN.upper())))
    assert page.index("RHK utama satu") < page.index("RHK tambahan satu")
    assert "Belum ada IKI" in page
    empty = body(client.get("/pengelolaan/pustaka/jabatan?nama=Jabatan%20Baru"))
    assert "Belum ada RHK di pustaka untuk jabatan ini" in empty
    assert client.get("/pengelolaan/pustaka/jabatan").status_code == 302


def test_edit_rhk_to_another_kind_puts_it_last_and_is_audited(client, admin):
    tambahan = entry(kind=ResultKind.TAMBAHAN, text="Tambahan lama", order=0)
    moving = entry(text="Akan jadi tambahan", order=0)
    client.login_as(admin)
    assert "Akan jadi tambahan" in body(client.get(f"/pengelolaan/pustaka/rhk/{moving.id}/ubah"))
    client.post(f"/pengelolaan/pustaka/rhk/{moving.id}/ubah", dict(RHK, kind="TAMBAHAN", text="Akan jadi tambahan"))
    moved = db.session.get(LibraryResult, moving.id)
    assert moved.kind == ResultKind.TAMBAHAN
    assert moved.sort_order == db.session.get(LibraryResult, tambahan.id).sort_order + 1
    event = events("pustaka_rhk.diubah")[0]
    assert event.before == {"kind": "UTAMA"} and event.after == {"kind": "TAMBAHAN"}


def test_delete_rhk_takes_its_iki_along(client, admin):
    result = entry(indicators=2)
    result_id = result.id
    client.login_as(admin)
    assert client.post(f"/pengelolaan/pustaka/rhk/{result_id}/hapus").status_code == 302
    assert rows(LibraryResult) == 0 and rows(LibraryIndicator) == 0
    assert events("pustaka_rhk.dihapus")[0].before["indicators"] == ["RHK uji IKI 1", "RHK uji IKI 2"]
    assert client.post(f"/pengelolaan/pustaka/rhk/{result_id}/hapus").status_code == 404
    assert client.get(f"/pengelolaan/pustaka/rhk/{result_id}/ubah").status_code == 404


def test_reorder_rhk_and_iki(client, admin):
    a, b = entry(text="A", order=0), entry(text="B", order=1, indicators=3)
    client.login_as(admin)
    client.post(f"/pengelolaan/pustaka/rhk/{b.id}/naik")
    client.post(f"/pengelolaan/pustaka/rhk/{b.id}/naik")  # already first
    assert [r.text for r in db.session.query(LibraryResult).order_by(LibraryResult.sort_order)] == ["B", "A"]
    last = db.session.get(LibraryResult, b.id).indicators[2]
    client.post(f"/pengelolaan/pustaka/rhk/{b.id}/iki/{last.id}/naik")
    first = db.session.get(LibraryResult, b.id).indicators[0]
    client.post(f"/pengelolaan/pustaka/rhk/{b.id}/iki/{first.id}/turun")
    assert [i.text[-5:] for i in db.session.get(LibraryResult, b.id).indicators] == ["IKI 3", "IKI 1", "IKI 2"]
    assert len(events("pustaka_rhk.diurutkan")) == 1 and len(events("pustaka_iki.diurutkan")) == 2
    _ = a


def test_edit_and_delete_iki(client, admin):
    result = entry(indicators=2)
    indicator = result.indicators[0]
    client.login_as(admin)
    page = body(client.get(f"/pengelolaan/pustaka/rhk/{result.id}/iki/{indicator.id}/ubah"))
    assert 'value="10"' in page and '<option selected value="KUANTITAS">' in page
    client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/{indicator.id}/ubah",
                dict(IKI, direction="lower", target_value="7,5", target_high="9", unit="Hari", cumulative=""))
    changed = db.session.get(LibraryIndicator, indicator.id)
    assert (changed.direction, changed.target_value, changed.target_high, changed.unit, changed.cumulative) == (
        Direction.LOWER, Decimal("7.5"), None, "Hari", False)  # a bound only makes sense for a range
    event = events("pustaka_iki.diubah")[0]
    assert event.before["target_value"] == "10" and event.after["target_value"] == "7.5"
    indicator_id = indicator.id
    client.post(f"/pengelolaan/pustaka/rhk/{result.id}/iki/{indicator_id}/hapus")
    assert db.session.get(LibraryIndicator, indicator_id) is None and rows(LibraryIndicator) == 1
    assert events("pustaka_iki.dihapus")[0].before["target_unit"] == "Hari"


def test_iki_of_another_rhk_or_deleted_is_404(client, admin):
    one, other = entry(indicators=1), entry(text="Lain", indicators=1)
    client.login_as(admin)
    wrong = f"/pengelolaan/pustaka/rhk/{one.id}/iki/{other.indicators[0].id}"
    assert client.get(wrong + "/ubah").status_code == 404
    assert client.post(wrong + "/hapus").status_code == 404
    assert client.post("/pengelolaan/pustaka/rhk/999/iki/baru", IKI).status_code == 404
    assert rows(LibraryIndicator) == 2


def test_any_pengelola_maintains_the_shared_library_and_pegawai_cannot(make_client, factory, admin):
    result = entry(indicators=1)
    other_admin = factory.admin([factory.opd("Dinas Lain")])
    client = make_client(other_admin)
    response = client.post(f"/pengelolaan/pustaka/rhk/{result.id}/ubah", dict(RHK, text="Diubah OPD lain"))
    assert response.status_code == 302
    assert db.session.get(LibraryResult, result.id).text == "Diubah OPD lain"
    assert events("pustaka_rhk.diubah")[0].actor_user_id == other_admin.id
    pegawai = make_client(factory.employee().user)
    for url in ("/pengelolaan/pustaka", "/pengelolaan/pustaka/rhk/baru", f"/pengelolaan/pustaka/rhk/{result.id}/ubah"):
        assert pegawai.get(url).status_code == 403
    assert pegawai.post(f"/pengelolaan/pustaka/rhk/{result.id}/hapus").status_code == 403
    assert rows(LibraryResult) == 1
    _ = admin


def test_jabatan_names_of_pegawai_are_suggested(client, factory, admin):
    opd = factory.opd()
    factory.employee(opd, position="Pranata Komputer Ahli Muda")
    factory.employee(opd, position="Arsiparis Terampil", active=False)
    client.login_as(admin)
    page = body(client.get("/pengelolaan/pustaka/rhk/baru?jabatan=Analis"))
    assert 'list="daftar-jabatan"' in page and '<datalist id="daftar-jabatan">' in page
    assert '<option value="Pranata Komputer Ahli Muda">' in page and "Arsiparis Terampil" not in page
    assert 'value="Analis"' in page
