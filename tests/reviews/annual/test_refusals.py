"""Every refused actor and every bad input of the keberatan and the follow-up leaves everything as
it was: the pegawai explaining or deciding, the assessor deciding, the atasan explaining, a
stranger, another OPD's admin; after the window, twice, after the decision; CSRF."""
import pytest

from app.domain.enums import ObjectionStatus, PositionKind
from app.domain.scoring import Rating
from app.domain.skp import PlanStatus
from tests.reviews.annual.conftest import YEAR, field_error, snapshot, text

TABLE = f"/tinjau/tahunan/{YEAR}"
LONG = "Alasan yang cukup panjang untuk keberatan ini."


@pytest.fixture
def case(line):
    member = line.member("Rina Staf")
    evaluation = line.handed(member, Rating.DI_BAWAH, Rating.SESUAI)
    return line, member, evaluation


def _actors(line, member):
    return {"pegawai": member.user, "kasi": line.kasi.user, "kabid": line.kabid.user, "stranger": line.stranger.user,
            "other_admin": line.other_admin, "admin": line.admin}


@pytest.mark.parametrize("who, expected", [
    ("pegawai", 403), ("kabid", 403), ("admin", 403), ("stranger", 404), ("other_admin", 404)])
def test_who_may_not_explain(case, make_client, who, expected):
    line, member, evaluation = case
    objection = line.objection(evaluation)
    before = snapshot()
    response = make_client(_actors(line, member)[who]).post(f"/tinjau/keberatan/{objection.id}/tanggapan",
                                                            data={"explanation": LONG})
    assert response.status_code == expected
    assert snapshot() == before


@pytest.mark.parametrize("who, expected", [
    ("pegawai", 403), ("kasi", 403), ("admin", 403), ("stranger", 404), ("other_admin", 404)])
@pytest.mark.parametrize("action", ["kukuhkan", "ubah"])
def test_who_may_not_decide(case, make_client, who, expected, action):
    line, member, evaluation = case
    objection = line.objection(evaluation, explained=True)
    before = snapshot()
    response = make_client(_actors(line, member)[who]).post(
        f"/tinjau/keberatan/{objection.id}/{action}",
        data={"result_rating": "SESUAI", "behavior_rating": "SESUAI", "reason": LONG, "confirm_note": ""})
    assert response.status_code == expected
    assert snapshot() == before


@pytest.mark.parametrize("who, expected", [("kasi", 403), ("kabid", 403), ("admin", 403), ("stranger", 404),
                                           ("other_admin", 404)])
def test_only_the_pegawai_files_a_keberatan(case, make_client, who, expected):
    line, member, evaluation = case
    before = snapshot()
    response = make_client(_actors(line, member)[who]).post(
        f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan", data={"reasons": LONG})
    assert response.status_code == expected
    assert snapshot() == before


@pytest.mark.parametrize("who", ["stranger", "other_admin"])
def test_strangers_see_nothing(case, make_client, who):
    line, member, evaluation = case
    objection = line.objection(evaluation)
    client = make_client(_actors(line, member)[who])
    for url in [f"/tinjau/evaluasi/{evaluation.id}", f"/tinjau/keberatan/{objection.id}"]:
        response = client.get(url)
        assert response.status_code == 404 and "Rina Staf" not in text(response), url
    for url in [TABLE, f"/tinjau/tindak-lanjut/{YEAR}", f"/tinjau/hasil/{YEAR}"]:
        response = client.get(url)
        assert response.status_code == 200 and "Rina Staf" not in text(response), url


def test_the_chain_and_the_pengelola_may_read(case, make_client):
    line, member, evaluation = case
    objection = line.objection(evaluation)
    for user in (line.kasi.user, line.kabid.user, line.admin):
        client = make_client(user)
        assert client.get(f"/tinjau/evaluasi/{evaluation.id}").status_code == 200
        assert "Rina Staf" in text(client.get(f"/tinjau/keberatan/{objection.id}"))


def test_after_the_window_no_keberatan(line, make_client):
    member = line.member()
    evaluation = line.handed(member, days_ago=15)
    client = make_client(member.user)
    page = client.get(f"/tinjau/hasil/{YEAR}")
    assert "Masa keberatan berakhir" in text(page) and "Ajukan keberatan" not in text(page)
    before = snapshot()
    response = client.post(f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan", data={"reasons": LONG})
    assert response.status_code == 200 and "sudah lewat" in text(response)
    assert snapshot() == before


def test_the_last_day_is_still_open(line, make_client):
    member = line.member()
    line.handed(member, days_ago=14)
    assert "hari ini hari terakhir" in text(make_client(member.user).get(f"/tinjau/hasil/{YEAR}"))


def test_twice_and_after_the_decision(case, make_client):
    line, member, evaluation = case
    pegawai, kasi, kabid = (make_client(u) for u in (member.user, line.kasi.user, line.kabid.user))
    objection_url = f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan"
    assert pegawai.post(objection_url, data={"reasons": LONG}).status_code == 302
    before = snapshot()
    again = pegawai.post(objection_url, data={"reasons": LONG})
    assert "sudah diajukan" in text(again) and snapshot() == before

    objection_id = before[1][0][0]
    early = kabid.post(f"/tinjau/keberatan/{objection_id}/kukuhkan", data={})
    assert "Tunggu tanggapan" in text(early) and snapshot() == before

    assert kasi.post(f"/tinjau/keberatan/{objection_id}/tanggapan", data={"explanation": LONG}).status_code == 302
    before = snapshot()
    again = kasi.post(f"/tinjau/keberatan/{objection_id}/tanggapan", data={"explanation": LONG})
    assert "sudah ditanggapi" in text(again) and snapshot() == before

    assert kabid.post(f"/tinjau/keberatan/{objection_id}/kukuhkan", data={}).status_code == 302
    assert before[1][0][1] == ObjectionStatus.EXPLAINED.value
    before = snapshot()
    for url, data in [(f"/tinjau/keberatan/{objection_id}/kukuhkan", {}),
                      (f"/tinjau/keberatan/{objection_id}/ubah",
                       {"result_rating": "SESUAI", "behavior_rating": "SESUAI", "reason": LONG})]:
        response = kabid.post(url, data=data)
        assert response.status_code == 200 and "final" in text(response), url
    assert "sudah ditanggapi" in text(kasi.post(f"/tinjau/keberatan/{objection_id}/tanggapan",
                                                data={"explanation": LONG}))
    assert "sudah diajukan" in text(pegawai.post(objection_url, data={"reasons": LONG}))
    assert snapshot() == before


@pytest.mark.parametrize("data, field, message", [
    ({"result_rating": "DI_BAWAH", "behavior_rating": "SESUAI", "reason": LONG}, "result_rating", "sama dengan semula"),
    ({"result_rating": "", "behavior_rating": "SESUAI", "reason": LONG}, "result_rating", "Pilih Rating Hasil Kerja"),
    ({"result_rating": "BAGUS", "behavior_rating": "SESUAI", "reason": LONG}, "result_rating", "Pilihan tidak valid"),
    ({"result_rating": "SESUAI", "behavior_rating": "SESUAI", "reason": "singkat"}, "reason", "minimal 10"),
    ({"result_rating": "SESUAI", "behavior_rating": "SESUAI", "reason": "x" * 4001}, "reason", "paling banyak"),
])
def test_bad_decisions_are_refused_at_the_field(case, make_client, data, field, message):
    line, member, evaluation = case
    objection = line.objection(evaluation, explained=True)
    before = snapshot()
    response = make_client(line.kabid.user).post(f"/tinjau/keberatan/{objection.id}/ubah", data=data)
    assert response.status_code == 200
    assert message in field_error(response, field)
    assert snapshot() == before


@pytest.mark.parametrize("reasons, message", [("", "minimal 20"), ("Terlalu singkat.", "minimal 20"),
                                              ("x" * 4001, "paling banyak")])
def test_bad_reasons_are_refused_at_the_field(case, make_client, reasons, message):
    line, member, evaluation = case
    before = snapshot()
    response = make_client(member.user).post(f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan",
                                             data={"reasons": reasons})
    assert message in field_error(response, "reasons")
    assert snapshot() == before


def test_empty_explanation_is_refused_at_the_field(case, make_client):
    line, member, evaluation = case
    objection = line.objection(evaluation)
    before = snapshot()
    response = make_client(line.kasi.user).post(f"/tinjau/keberatan/{objection.id}/tanggapan",
                                                data={"explanation": " "})
    assert "minimal 10" in field_error(response, "explanation")
    assert snapshot() == before


def test_the_pengelola_records_the_kepala_daerahs_decision(factory, make_client):
    opd = factory.opd("Dinas Pendidikan")
    kadis = factory.employee(opd, name="Kadis Pendidikan", position="Kepala Dinas", position_kind=PositionKind.JPT)
    kadis.external_assessor_name, kadis.external_assessor_title = "Bupati Uji", "Bupati"
    sekdis = factory.employee(opd, assessor=kadis, name="Sekretaris Dinas", position_kind=PositionKind.ADMINISTRATOR)
    admin, other = factory.admin([opd]), factory.admin([factory.opd("Dinas Lain")])
    year = factory.skp.year(YEAR)
    from tests.reviews.annual.conftest import Line

    helper = Line.__new__(Line)
    helper.year, helper.kasi = year, kadis
    factory.skp.plan(sekdis, year, status=PlanStatus.APPROVED)
    objection = helper.objection(helper.handed(sekdis), explained=True)
    page = make_client(admin).get(f"/tinjau/keberatan/{objection.id}")
    assert "Anda mencatat keputusan Bupati Uji (Bupati)" in text(page)
    before = snapshot()
    assert make_client(other).post(f"/tinjau/keberatan/{objection.id}/kukuhkan", data={}).status_code == 404
    assert make_client(kadis.user).post(f"/tinjau/keberatan/{objection.id}/kukuhkan", data={}).status_code == 403
    assert snapshot() == before
    assert make_client(admin).post(f"/tinjau/keberatan/{objection.id}/kukuhkan", data={}).status_code == 302
    assert "Hasil dikukuhkan" in text(make_client(sekdis.user).get(f"/tinjau/hasil/{YEAR}"))


# --- follow-up ----------------------------------------------------------------------------


def _follow(evaluation, programme, note=""):
    prefix = f"tl{evaluation.id}-"
    return {prefix + "programme": programme, prefix + "note": note, prefix + "source": "hasil"}


@pytest.mark.parametrize("who, expected", [("pegawai", 403), ("kabid", 403), ("stranger", 404), ("other_admin", 404)])
def test_who_may_not_record_a_follow_up(case, make_client, who, expected):
    line, member, evaluation = case
    before = snapshot()
    response = make_client(_actors(line, member)[who]).post(
        f"/tinjau/evaluasi/{evaluation.id}/tindak-lanjut/tambah", data=_follow(evaluation, "COACHING"))
    assert response.status_code == expected
    assert snapshot() == before


def test_follow_up_inputs(case, make_client, line):
    _, member, evaluation = case
    admin = make_client(line.admin)
    url = f"/tinjau/evaluasi/{evaluation.id}/tindak-lanjut/tambah"
    before = snapshot()
    for programme, note, field, message in [("LAINNYA", "", "note", "Uraikan"), ("", "", "programme", "Pilih program"),
                                            ("PENGHARGAAN", "", "programme", "Pilihan tidak valid")]:
        response = admin.post(url, data=_follow(evaluation, programme, note))
        assert message in field_error(response, f"tl{evaluation.id}-{field}"), programme
    assert snapshot() == before
    assert admin.post(url, data=_follow(evaluation, "MENTORING", "Dengan Kasi senior")).status_code == 302
    page = make_client(member.user).get(f"/tinjau/hasil/{YEAR}")
    assert "Mentoring" in text(page) and "Hapus" not in text(page)  # the pegawai reads, never removes

    recorded = snapshot()[2]
    from app.extensions import db
    from app.models import FollowUp

    follow_up = db.session.query(FollowUp).one()
    before = snapshot()
    assert make_client(member.user).post(f"/tinjau/tindak-lanjut/{follow_up.id}/hapus").status_code == 403
    assert make_client(line.other_admin).post(f"/tinjau/tindak-lanjut/{follow_up.id}/hapus").status_code == 404
    assert snapshot() == before
    assert make_client(line.kasi.user).post(f"/tinjau/tindak-lanjut/{follow_up.id}/hapus").status_code == 302
    assert snapshot()[2] == recorded - 1


def test_no_follow_up_for_baik(line, make_client):
    member = line.member()
    evaluation = line.handed(member)
    page = make_client(line.kasi.user).get(f"/tinjau/evaluasi/{evaluation.id}")
    assert "Tindak lanjut" not in text(page)
    before = snapshot()
    response = make_client(line.kasi.user).post(f"/tinjau/evaluasi/{evaluation.id}/tindak-lanjut/tambah",
                                                data=_follow(evaluation, "PELATIHAN"))
    assert "Sangat Baik" in text(response)
    assert snapshot() == before


# --- CSRF ------------------------------------------------------------------------------------


def test_every_post_needs_the_csrf_token(case, make_client):
    line, member, evaluation = case
    objection = line.objection(evaluation, explained=True)
    before = snapshot()
    for user, url, data in [
        (line.kasi.user, TABLE, {}), (line.kasi.user, f"{TABLE}/serahkan", {}),
        (line.kasi.user, f"{TABLE}/{member.id}/serahkan", {}),
        (member.user, f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan", {"reasons": LONG}),
        (line.kasi.user, f"/tinjau/keberatan/{objection.id}/tanggapan", {"explanation": LONG}),
        (line.kabid.user, f"/tinjau/keberatan/{objection.id}/kukuhkan", {}),
        (line.kabid.user, f"/tinjau/keberatan/{objection.id}/ubah", {"result_rating": "SESUAI",
                                                                     "behavior_rating": "SESUAI", "reason": LONG}),
        (line.kasi.user, f"/tinjau/evaluasi/{evaluation.id}/tindak-lanjut/tambah", _follow(evaluation, "COACHING")),
    ]:
        response = make_client(user).post(url, data=data, csrf=False)
        assert response.status_code == 400, url
    assert snapshot() == before
