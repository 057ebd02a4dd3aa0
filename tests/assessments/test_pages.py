"""The list of my periods, Capaian saya with its chart and history, the team overview, Beranda's
period to-dos; and the number of queries, which does not grow with the SKP or the team."""
import datetime as dt
from decimal import Decimal

from app.domain.enums import AssessmentStatus, PositionKind, Role
from app.domain.skp import PlanStatus
from app.extensions import db
from app.services.assessments import assessments as svc
from tests.assessments.conftest import (
    TODAY, body, count_statements, form_data, start, text,
)


def _entries(plan, value):
    return {i.id: svc.Entry(value=Decimal(value)) for r in plan.results for i in r.indicators}


def test_my_periods_with_state_deadline_and_capaian(make_client, world):
    client = make_client(world["staff"].user)
    page = text(client.get("/penilaian/"))
    assert f"Penilaian periode {TODAY.year}" in page
    assert "Triwulan I" in page and "Dapat diisi" in page and "tinggal 10 hari" in page and "Akhir" in page
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="8"))
    page = text(client.get(f"/penilaian/{TODAY.year}"))
    assert "Diajukan" in page and "100 %" in page  # mean of 100 % and 100 %
    assert client.get("/penilaian/1999").status_code == 404


def test_capaian_saya_table_chart_and_history(make_client, world, factory):
    client = make_client(world["staff"].user)
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="2", rate="6,5"))
    response = client.get("/penilaian/capaian")
    html, page = body(response), text(response)
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert "TW I: 92,71 %" in html  # mean of 66,67 % and 118,75 %
    assert "Jumlah dokumen uji 1.1" in page and "66,67 %" in page and "118,75 %" in page
    assert "Riwayat per tahun" in page and "1 dari 4" in page and "92,71 %" in page
    assert "Versi 1" in page
    # A pegawai without data sees the empty chart text.
    other = text(make_client(world["colleague"].user).get(f"/penilaian/capaian/{TODAY.year}"))
    assert "belum disetujui" in other and "Belum ada riwayat" in other
    assert "Belum ada data capaian" in body(make_client(world["colleague"].user).get("/penilaian/capaian"))


def test_team_overview_and_the_pegawai_list_for_viewers(make_client, world):
    client = make_client(world["staff"].user)
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/ajukan", form_data(world, a, docs="3", rate="8"))
    boss = make_client(world["boss"].user)
    page = text(boss.get("/penilaian/tim"))
    assert "Triwulan I: 1 dari 2 pegawai sudah mengajukan" in page and "1 belum mulai" in page
    assert "Rina Staf" in page and "Budi Rekan" in page
    assert f'href="/penilaian/lihat/{a.id}"' in body(boss.get("/penilaian/tim"))
    listing = boss.get(f"/penilaian/pegawai/{world['staff'].id}")
    assert listing.status_code == 200 and "Penilaian Rina Staf" in text(listing)
    assert f'href="/penilaian/lihat/{a.id}"' in body(listing)
    admin = make_client(world["admin"]).get(f"/penilaian/pegawai/{world['staff'].id}/{TODAY.year}")
    assert admin.status_code == 200
    detail = make_client(world["admin"]).get(f"/pengelolaan/pegawai/{world['staff'].id}")
    assert f'href="/penilaian/pegawai/{world["staff"].id}">Penilaian periode</a>' in body(detail)
    assert make_client(world["colleague"].user).get(f"/penilaian/pegawai/{world['staff'].id}").status_code == 404


def test_beranda_period_card(make_client, world):
    client = make_client(world["staff"].user)
    page = text(client.get("/"))
    assert "Penilaian Triwulan I" in page and "tinggal 10 hari" in page and "Isi penilaian Triwulan I" in page
    a = start(client, world)
    client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="3", rate=""))
    page = text(client.get("/"))
    assert "Belum ada realisasi untuk 1 IKI: Persentase keluhan layanan" in page and "Lanjutkan mengisi" in page
    client.post(f"/penilaian/isian/{a.id}/simpan", form_data(world, a, docs="3", rate="7"))
    assert "tinggal Ajukan kepada Pejabat Penilai" in text(client.get("/"))
    world["p1"].submission_deadline = TODAY
    assert "hari ini batas terakhir" in text(client.get("/"))
    # The assessor's line about the team.
    boss_page = text(make_client(world["boss"].user).get("/"))
    assert "Triwulan I: 0 dari 2 pegawai sudah mengajukan penilaian" in boss_page


def test_the_nav_links(make_client, world, factory):
    html = body(make_client(world["staff"].user).get("/"))
    assert 'href="/penilaian/">Penilaian periode</a>' in html and 'href="/penilaian/capaian">Capaian saya</a>' in html
    operator = factory.user(None, role=Role.ADMIN, opds=[world["opd"]])  # no pegawai record
    html = body(make_client(operator).get("/"))
    assert "/penilaian/capaian" not in html and 'href="/penilaian/"' not in html
    assert "tidak memiliki penilaian periode" in text(make_client(operator).get("/penilaian/"))


def _pegawai_with(factory, world, indicators: int):
    person = factory.employee(world["opd"], assessor=world["boss"])
    plan = factory.skp.plan(person, world["year"], status=PlanStatus.APPROVED, results=2, indicators=indicators // 2)
    a = svc.open_assessment(person.user, person, world["p1"])
    svc.save(person.user, a, _entries(plan, 2), {})
    for r in a.realizations:
        svc.add_link(person.user, a, r.id, "https://arsip.kab.go.id/dok/1")
    db.session.commit()
    return person, a


def _queries(client, url) -> int:
    client.get(url)  # warm-up
    with count_statements() as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen)


def test_form_and_view_queries_do_not_grow_with_the_skp(make_client, world, factory):
    counts = {}
    for size in (2, 20):
        person, a = _pegawai_with(factory, world, size)
        client, boss = make_client(person.user), make_client(world["boss"].user)
        counts[size] = (_queries(client, world["url"]), _queries(boss, f"/penilaian/lihat/{a.id}"),
                        _queries(client, "/penilaian/capaian"), _queries(client, "/penilaian/"),
                        _queries(client, "/"))
    assert counts[2] == counts[20], counts


def test_beranda_and_team_queries_do_not_grow_with_the_team(make_client, world, factory):
    head = factory.employee(world["opd"], name="Kepala Bidang", position_kind=PositionKind.ADMINISTRATOR)
    counts = []
    for size in (3, 27):
        for n in range(size):
            member = factory.employee(world["opd"], assessor=head)
            factory.skp.plan(member, world["year"], status=PlanStatus.APPROVED)
            a = svc.open_assessment(member.user, member, world["p1"])
            if n % 2:
                a.status, a.submitted_at = AssessmentStatus.SUBMITTED, dt.datetime.now(dt.timezone.utc)
        db.session.commit()
        client = make_client(head.user)
        counts.append((_queries(client, "/"), _queries(client, "/penilaian/tim")))
    assert counts[0] == counts[1], counts
    assert "14 dari 30 pegawai sudah mengajukan" in text(make_client(head.user).get("/"))


def test_beranda_without_an_approved_skp_promises_nothing_and_calls_nothing_late(make_client, world):
    """Budi has no SKP yet: the period cannot be filled ("Menunggu SKP disetujui", not "Dapat
    diisi"), and a period whose deadline passed is not listed as late — which periods his SKP
    covers is known only when it is approved."""
    world["p1"].submission_deadline = TODAY - dt.timedelta(days=3)  # Triwulan I is past its deadline
    world["p1"].review_deadline = TODAY + dt.timedelta(days=5)
    client = make_client(world["colleague"].user)
    page = text(client.get("/"))
    assert "diisi setelah SKP" in page
    assert "Dapat diisi" not in page and "terlambat" not in page and "Belum diajukan" not in page
    assert "Menunggu SKP disetujui" in page
    periods = text(client.get("/penilaian/"))
    assert "Menunggu SKP disetujui" in periods and "terlambat" not in periods
