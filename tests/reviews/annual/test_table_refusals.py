"""Refusals on the annual table: a bad rating value or one bad row saves no row, only the assessor
hands over, an unrated row is not handed over; and the curve — a team of five is blocked when the
setting says block (nothing saved, nothing handed over), warned by default, a team of four only
warned."""
import pytest

from app.domain.enums import CurveEnforcement, OrgPredikat
from app.services.settings import update_settings
from tests.reviews.annual.conftest import YEAR, field_error, snapshot, table_form, text
from tests.reviews.annual.test_refusals import _actors

TABLE = f"/tinjau/tahunan/{YEAR}"


# --- the annual table -----------------------------------------------------------------------


def test_a_bad_rating_value_is_refused_at_its_row(line, make_client):
    a, b = line.member(), line.member()
    kasi = make_client(line.kasi.user)
    form = table_form(kasi.get(TABLE))
    form.update({f"behavior_{a.id}": "SESUAI", f"behavior_{b.id}": "LUAR_BIASA"})
    before = snapshot()
    response = kasi.post(TABLE, data=form)
    assert "Pilihan tidak valid" in field_error(response, f"behavior_{b.id}")
    assert snapshot() == before


def test_one_bad_row_saves_no_row(line, make_client):
    a, b = line.member(), line.member()
    kasi = make_client(line.kasi.user)
    form = table_form(kasi.get(TABLE))
    form.update({f"behavior_{a.id}": "SESUAI", f"result_{b.id}": "DI_ATAS"})  # b: no behavior, no reason
    before = snapshot()
    response = kasi.post(TABLE, data=form)
    assert "Pilih Rating Perilaku Kerja" in field_error(response, f"behavior_{b.id}")
    assert "alasannya" in field_error(response, f"reason_{b.id}")
    assert snapshot() == before


@pytest.mark.parametrize("who", ["kabid", "stranger", "other_admin", "admin", "pegawai"])
def test_only_the_assessor_hands_over(line, make_client, who):
    member = line.member()
    kasi = make_client(line.kasi.user)
    form = table_form(kasi.get(TABLE))
    form[f"behavior_{member.id}"] = "SESUAI"
    assert kasi.post(TABLE, data=form).status_code == 302
    before = snapshot()
    client = make_client(_actors(line, member)[who])
    assert client.post(f"{TABLE}/{member.id}/serahkan", data=form).status_code == 404
    assert client.post(f"{TABLE}/serahkan", data=form).status_code in (200, 302)
    assert client.post(TABLE, data={**form, f"behavior_{member.id}": "DI_ATAS"}).status_code in (200, 302)
    assert snapshot() == before


def test_an_unrated_row_is_not_handed_over(line, make_client):
    member = line.member()
    kasi = make_client(line.kasi.user)
    before = snapshot()
    response = kasi.post(f"{TABLE}/{member.id}/serahkan", data=table_form(kasi.get(TABLE)))
    assert "belum lengkap" in text(response)
    response = kasi.post(f"{TABLE}/serahkan", data=table_form(kasi.get(TABLE)))
    assert "Belum ada hasil yang dapat diserahkan" in text(response)
    assert snapshot() == before


# --- the curve: warn or block --------------------------------------------------------------


def _rate_all(kasi, members, result="SESUAI", behavior="SESUAI"):
    form = table_form(kasi.get(TABLE))
    for m in members:
        form.update({f"result_{m.id}": result, f"behavior_{m.id}": behavior})
    assert kasi.post(TABLE, data=form).status_code == 302
    return form


def test_a_team_of_five_is_blocked_when_the_setting_says_block(line, make_client, factory):
    members = line.team(5)
    line.org_predikat(OrgPredikat.BAIK)  # Baik at most 70 % and at least one Butuh Perbaikan: five Baik fail
    update_settings(factory.superadmin(), {"curve_enforcement": CurveEnforcement.BLOCK})
    kasi = make_client(line.kasi.user)
    _rate_all(kasi, members)
    page = kasi.get(TABLE)
    words = text(page)
    assert "Penyerahan hasil ditolak selama sebaran belum sesuai kurva" in words
    assert "Baik paling banyak 70 % (3 dari 5 pegawai); saat ini 5 pegawai." in words
    assert "minimal satu pegawai berpredikat Butuh Perbaikan atau Kurang/Misconduct" in words
    before = snapshot()
    for url in (f"{TABLE}/serahkan", f"{TABLE}/{members[0].id}/serahkan"):
        response = kasi.post(url, data=table_form(page))
        assert "tidak sesuai kurva distribusi" in text(response) and "Belum ada yang disimpan" in text(response)
    # A change typed along with a blocked hand-over is not saved either.
    response = kasi.post(f"{TABLE}/serahkan", data={**table_form(page), f"behavior_{members[0].id}": "DI_ATAS"})
    assert response.status_code == 200
    assert snapshot() == before


def test_a_team_of_five_is_warned_by_default(line, make_client):
    members = line.team(5)
    line.org_predikat(OrgPredikat.BAIK)
    kasi = make_client(line.kasi.user)
    _rate_all(kasi, members)
    page = kasi.get(TABLE)
    assert "Peringatan: sebaran belum sesuai kurva — hasil tetap dapat diserahkan" in text(page)
    assert kasi.post(f"{TABLE}/serahkan", data=table_form(page)).status_code == 302
    assert "Hasil tahunan 5 pegawai diserahkan" in text(kasi.get(TABLE))
    from sqlalchemy import select

    from app.extensions import db
    from app.models import AuditEvent

    summaries = db.session.scalars(select(AuditEvent.summary).where(AuditEvent.action == "tahunan.diserahkan"))
    assert all("peringatan kurva" in s for s in summaries)


def test_a_team_of_four_is_only_warned_even_when_blocking(line, make_client, factory):
    members = line.team(4)
    line.org_predikat(OrgPredikat.BAIK)
    update_settings(factory.superadmin(), {"curve_enforcement": CurveEnforcement.BLOCK})
    kasi = make_client(line.kasi.user)
    _rate_all(kasi, members)
    page = kasi.get(TABLE)
    assert "Tim kurang dari 5 pegawai berpredikat: ketidaksesuaian kurva hanya peringatan" in text(page)
    assert kasi.post(f"{TABLE}/serahkan", data=table_form(page)).status_code == 302

