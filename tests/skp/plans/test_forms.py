"""Every bad input of every SKP form: the Indonesian message at its field, a 200 page with the
user's input kept, and nothing written. Also CSRF and the conflict of two tabs."""
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.enums import PositionKind
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import AuditEvent, CoreValue, Expectation
from tests.skp.plans.conftest import (
    body, complete_indicator, count, field_error, hidden_version, newest, snapshot_counts, text,
)


@pytest.fixture
def draft(line, factory):
    """The staff's draft SKP with one complete RHK utama, and a logged-in client for them."""
    plan = factory.skp.plan(line["staff"], line["year"], parent=line["boss_plan"].results[0])
    return plan


def _post_form(client, get_url, post_url, data):
    form = client.get(get_url)
    assert form.status_code == 200
    return client.post(post_url, {"version": hidden_version(form), **data})


@pytest.mark.parametrize("data, field, message", [
    ({"kind": "UTAMA", "text": "", "parent_id": "0"}, "text", "Rumusan RHK wajib diisi."),
    ({"kind": "UTAMA", "text": "x" * 2001, "parent_id": "0"}, "text", "Rumusan RHK paling banyak 2000 karakter."),
    ({"kind": "LAINNYA", "text": "RHK", "parent_id": "0"}, "kind", "Pilihan tidak valid."),
    ({"kind": "UTAMA", "text": "RHK", "parent_id": "999999"}, "parent_id", "Pilihan tidak valid."),
    ({"kind": "UTAMA", "text": "RHK", "parent_id": "abc"}, "parent_id", "Pilihan tidak valid."),
    ({"kind": "UTAMA", "text": "RHK", "parent_id": "0", "assigned_by": "x" * 251}, "assigned_by",
     "Paling banyak 250 karakter."),
])
def test_bad_rhk_input(make_client, line, draft, data, field, message):
    client = make_client(line["staff"].user)
    before = snapshot_counts()
    url = f"/skp/rencana/{draft.id}/rhk/baru"
    response = _post_form(client, url, url, data)
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert snapshot_counts() == before
    if data["text"] and len(data["text"]) < 100:
        assert data["text"] in body(response)  # the input is kept


def test_rhk_of_someone_elses_plan_cannot_be_chosen_as_parent(make_client, line, draft, factory):
    stranger = factory.skp.plan(factory.employee(line["opd"]), line["year"])
    client = make_client(line["staff"].user)
    url = f"/skp/rencana/{draft.id}/rhk/{draft.results[0].id}/ubah"
    response = _post_form(client, url, url, {"kind": "UTAMA", "text": "Diubah",
                                             "parent_id": str(stranger.results[0].id)})
    assert field_error(response, "parent_id") == "Pilihan tidak valid."
    assert newest(line["staff"]).results[0].text != "Diubah"


@pytest.mark.parametrize("overrides, field, message", [
    ({"target_value": "dua belas"}, "target_value", "Harus berupa angka, mis. 85,5 atau 1.234,5"),
    ({"target_value": "12,34567"}, "target_value", "Paling banyak 4 angka di belakang koma."),
    ({"target_value": "0"}, "target_value", "Target IKI harus lebih besar dari 0."),
    ({"target_value": "-4"}, "target_value", "Target IKI harus lebih besar dari 0."),
    ({"target_value": ""}, "target_value", "Target IKI wajib diisi dengan angka."),
    ({"text": ""}, "text", "Rumusan IKI wajib diisi."),
    ({"text": "y" * 2001}, "text", "Rumusan IKI paling banyak 2000 karakter."),
    ({"aspect": ""}, "aspect", "Pilih aspek IKI"),
    ({"aspect": "RASA"}, "aspect", "Pilihan tidak valid."),
    ({"unit": ""}, "unit", "Satuan target wajib diisi"),
    ({"unit": "u" * 51}, "unit", "Paling banyak 50 karakter."),
    ({"direction": "sideways"}, "direction", "Pilihan tidak valid."),
    ({"direction": "range", "target_value": "80", "target_high": ""}, "target_high",
     "Batas atas rentang target wajib diisi."),
    ({"direction": "range", "target_value": "80", "target_high": "70"}, "target_high",
     "Batas bawah rentang harus lebih kecil dari batas atasnya."),
    ({"direction": "range", "target_value": "80", "target_high": "sembilan"}, "target_high", "Harus berupa angka"),
])
def test_bad_iki_input(make_client, line, draft, overrides, field, message):
    client = make_client(line["staff"].user)
    before = snapshot_counts()
    url = f"/skp/rencana/{draft.id}/rhk/{draft.results[0].id}/iki/baru"
    response = _post_form(client, url, url, complete_indicator(**overrides))
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert snapshot_counts() == before
    if overrides.get("target_value") == "dua belas":
        assert 'value="dua belas"' in body(response)  # what was typed stays in the field


def test_several_iki_problems_at_once(make_client, line, draft):
    client = make_client(line["staff"].user)
    url = f"/skp/rencana/{draft.id}/rhk/{draft.results[0].id}/iki/baru"
    response = _post_form(client, url, url, complete_indicator(text="", aspect="", target_value="0", unit=""))
    assert field_error(response, "text") == "Rumusan IKI wajib diisi."
    assert "Pilih aspek IKI" in field_error(response, "aspect")
    assert field_error(response, "target_value") == "Target IKI harus lebih besar dari 0."
    assert "Satuan target wajib diisi" in field_error(response, "unit")


def test_period_targets(make_client, line, draft):
    client = make_client(line["staff"].user)
    periods = [p for p in line["year"].periods if not p.is_final]
    assert len(periods) == 4
    url = f"/skp/rencana/{draft.id}/rhk/{draft.results[0].id}/iki/baru"
    form = client.get(url)
    assert all(f"Target {p.label}" in text(form) for p in periods)
    assert "Target Akhir" not in text(form)
    before = snapshot_counts()
    response = client.post(url, {"version": hidden_version(form), **complete_indicator(
        **{f"period_{periods[0].id}": "-1", f"period_{periods[1].id}": "tiga"})})
    assert field_error(response, f"period_{periods[0].id}") == "Target periode tidak boleh negatif."
    assert "Harus berupa angka" in field_error(response, f"period_{periods[1].id}")
    assert snapshot_counts() == before
    response = client.post(url, {"version": hidden_version(response), **complete_indicator(
        target_value="1.234,5", **{f"period_{periods[0].id}": "300,5", f"period_{periods[3].id}": "1.234,5"})})
    assert response.status_code == 302
    indicator = newest(line["staff"]).results[0].indicators[-1]
    assert indicator.target_value == Decimal("1234.5")
    assert {t.period_id: t.value for t in indicator.period_targets} == {
        periods[0].id: Decimal("300.5"), periods[3].id: Decimal("1234.5")}
    page = client.get("/skp/2026")
    assert "1.234,5 Modul" in text(page) and "Triwulan I 300,5" in text(page)
    # Clearing a period target removes it.
    url = f"/skp/rencana/{draft.id}/iki/{indicator.id}/ubah"
    form = client.get(url)
    assert 'value="300,5"' in body(form) and 'value="1234,5"' in body(form)
    client.post(url, {"version": hidden_version(form), **complete_indicator(
        target_value="1234,5", **{f"period_{periods[3].id}": "1234,5"})})
    indicator = newest(line["staff"]).results[0].indicators[-1]
    assert [t.period_id for t in indicator.period_targets] == [periods[3].id]


def test_bad_header_input(make_client, line, draft):
    client = make_client(line["staff"].user)
    url = f"/skp/rencana/{draft.id}/lampiran"
    for data, field, message in [
        ({"approach": "KUANTITATIF", "resources": "r" * 2001}, "resources",
         "Dukungan sumber daya paling banyak 2000 karakter."),
        ({"approach": "CAMPURAN"}, "approach", "Pilihan tidak valid."),
    ]:
        response = _post_form(client, url, url, data)
        assert response.status_code == 200 and message in field_error(response, field)
    assert newest(line["staff"]).resources == "Laptop dan akses jaringan"
    response = _post_form(client, url, url, {"approach": "KUANTITATIF", "resources": "Anggaran\nLaptop\n\n",
                                             "accountability": "Laporan bulanan", "consequences": ""})
    assert response.status_code == 302
    assert newest(line["staff"]).resources == "Anggaran\nLaptop"
    assert "<li>Anggaran</li><li>Laptop</li>" in body(client.get("/skp/2026"))


def test_bad_return_reason(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED,
                            parent=line["boss_plan"].results[0])
    client = make_client(line["boss"].user)
    review = client.get(f"/skp/rencana/{plan.id}/tinjau")
    for reason, message in [("", "Alasan wajib diisi."), ("kurang", "minimal 10 karakter"),
                            ("z" * 2001, "Alasan paling banyak 2000 karakter.")]:
        response = client.post(f"/skp/rencana/{plan.id}/kembalikan",
                               {"version": hidden_version(review), "reason": reason})
        assert response.status_code == 200
        assert message in field_error(response, "reason")
        # the message is also on top of the long page, linked to the field (and takes the focus:
        # static/js/capaian.js, loaded by every page)
        page = body(response)
        top = page.index("data-error-summary")
        assert top < page.index("<h1") and 'href="#reason"' in page[top:page.index("</div>", top)]
        assert "js/capaian.js" in page
    assert newest(line["staff"]).status == PlanStatus.SUBMITTED
    assert not db.session.scalar(select(AuditEvent).where(AuditEvent.action == "skp.dikembalikan"))


def test_bad_revise_reason(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.APPROVED,
                            parent=line["boss_plan"].results[0])
    client = make_client(line["staff"].user)
    for reason, message in [("", "Alasan perubahan wajib diisi."), ("pindah", "minimal 10 karakter")]:
        response = client.post(f"/skp/rencana/{plan.id}/versi-baru", {"reason": reason})
        assert response.status_code == 200 and message in field_error(response, "reason")
    assert newest(line["staff"]).id == plan.id


def test_bad_expectation(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED,
                            parent=line["boss_plan"].results[0])
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 2))
    client = make_client(line["boss"].user)
    review = client.get(f"/skp/rencana/{plan.id}/tinjau")
    response = client.post(f"/skp/rencana/{plan.id}/ekspektasi",
                           {"version": hidden_version(review), f"value_{value.id}": "e" * 2001})
    assert response.status_code == 200
    assert field_error(response, f"value_{value.id}") == "Ekspektasi Akuntabel paling banyak 2000 karakter."
    assert count(Expectation) == 0


def test_bad_start_source(make_client, line):
    client = make_client(line["staff"].user)
    for source in ("library", "last_year", "entah"):
        response = client.post("/skp/2026/mulai", {"source": source})
        assert response.status_code == 200
        assert field_error(response, "source") == "Pilihan tidak valid."
    assert newest(line["staff"]) is None


def test_every_form_refuses_a_missing_csrf_token(make_client, line, draft, factory):
    client = make_client(line["staff"].user)
    before = snapshot_counts()
    result = draft.results[0]
    for url, data in [
        (f"/skp/rencana/{draft.id}/rhk/baru", {"kind": "UTAMA", "text": "Tanpa token", "parent_id": "0"}),
        (f"/skp/rencana/{draft.id}/rhk/{result.id}/hapus", {}),
        (f"/skp/rencana/{draft.id}/ajukan", {}),
        (f"/skp/rencana/{draft.id}/rhk/{result.id}/iki/baru", complete_indicator()),
    ]:
        version = hidden_version(client.get("/skp/2026"))
        response = client.post(url, {"version": version, **data}, csrf=False)
        assert response.status_code == 400, url
        assert "token keamanan" in text(response)
    assert snapshot_counts() == before and newest(line["staff"]).status == PlanStatus.DRAFT
    submitted = factory.skp.plan(factory.employee(line["opd"], assessor=line["boss"]), line["year"],
                                 status=PlanStatus.SUBMITTED)
    response = make_client(line["boss"].user).post(f"/skp/rencana/{submitted.id}/setujui", csrf=False)
    assert response.status_code == 400
    db.session.expire_all()
    assert submitted.status == PlanStatus.SUBMITTED


def test_two_tabs_the_second_gets_a_conflict_and_keeps_its_input(make_client, line, draft):
    client = make_client(line["staff"].user)
    url = f"/skp/rencana/{draft.id}/rhk/baru"
    first_tab, second_tab = client.get(url), client.get(url)
    assert hidden_version(first_tab) == hidden_version(second_tab)
    response = client.post(url, {"version": hidden_version(first_tab), "kind": "TAMBAHAN",
                                 "text": "Dari tab pertama", "parent_id": "0"})
    assert response.status_code == 302
    before = snapshot_counts()
    response = client.post(url, {"version": hidden_version(second_tab), "kind": "TAMBAHAN",
                                 "text": "Dari tab kedua", "parent_id": "0"})
    assert response.status_code == 200
    assert "telah diubah di tab atau perangkat lain" in text(response)
    assert "Dari tab kedua" in body(response)  # nothing typed is lost
    assert snapshot_counts() == before
    assert [r.text for r in newest(line["staff"]).tambahan] == ["Dari tab pertama"]
    # The re-rendered form carries the current version: saving again applies it deliberately.
    response = client.post(url, {"version": hidden_version(response), "kind": "TAMBAHAN",
                                 "text": "Dari tab kedua", "parent_id": "0"})
    assert response.status_code == 302
    assert [r.text for r in newest(line["staff"]).tambahan] == ["Dari tab pertama", "Dari tab kedua"]


def test_stale_buttons_and_submit_are_conflicts_too(make_client, line, draft):
    client = make_client(line["staff"].user)
    old_page = client.get("/skp/2026")
    old_version = hidden_version(old_page)
    result = draft.results[0]
    form = client.get(f"/skp/rencana/{draft.id}/lampiran")
    client.post(f"/skp/rencana/{draft.id}/lampiran", {"version": hidden_version(form), "approach": "KUANTITATIF",
                                                       "resources": "Baru"})
    before = snapshot_counts()
    for url in (f"/skp/rencana/{draft.id}/rhk/{result.id}/hapus", f"/skp/rencana/{draft.id}/ajukan"):
        response = client.post(url, {"version": old_version})
        assert response.status_code == 200, url
        assert "telah diubah di tab atau perangkat lain" in text(response)
    assert snapshot_counts() == before and newest(line["staff"]).status == PlanStatus.DRAFT


def test_a_lost_race_at_commit_is_a_conflict_not_a_500(make_client, line, draft, monkeypatch):
    from sqlalchemy.orm.exc import StaleDataError

    from app.services.skp import plan_edit

    def racing(*args, **kwargs):
        raise StaleDataError("UPDATE statement on table 'plan' expected to update 1 row(s); 0 were matched.")

    monkeypatch.setattr(plan_edit, "add_result", racing)
    client = make_client(line["staff"].user)
    url = f"/skp/rencana/{draft.id}/rhk/baru"
    response = _post_form(client, url, url, {"kind": "TAMBAHAN", "text": "Balapan", "parent_id": "0"})
    assert response.status_code == 200
    assert "telah diubah di tab atau perangkat lain" in text(response) and "Balapan" in body(response)


def test_jpt_header_offers_only_kuantitatif(make_client, factory):
    opd = factory.opd()
    kadis = factory.employee(opd, position="Kepala Dinas", position_kind=PositionKind.JPT)
    kadis.external_assessor_name = None
    plan = factory.skp.plan(kadis, factory.skp.year(2026))
    client = make_client(kadis.user)
    url = f"/skp/rencana/{plan.id}/lampiran"
    form = client.get(url)
    assert 'value="KUALITATIF"' not in body(form)
    response = client.post(url, {"version": hidden_version(form), "approach": "KUALITATIF"})
    assert field_error(response, "approach") == "Pilihan tidak valid."


@pytest.mark.parametrize("value, shown", [
    (Decimal("6.0000"), "6"), (Decimal("1234.5000"), "1.234,5"), (None, "–"),
    (True, "ya"), (False, "tidak"), ("2026", "2026"),
])
def test_diff_values_read_the_indonesian_way(app, value, shown):
    from app.services.skp.plan_diff import _text

    with app.test_request_context():
        assert _text(value) == shown
