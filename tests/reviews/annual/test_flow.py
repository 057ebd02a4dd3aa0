"""The whole annual flow over HTTP: ratings set on the team table (a rating that differs from the
suggestion refused at its row until a reason is given), the curve check, hand-over, the pegawai's
result with the keberatan window, the keberatan filed, explained and changed, the final decision on
the pegawai's page, and the follow-up seen by the pegawai, the assessor and the pengelola kinerja."""
import datetime as dt

from sqlalchemy import select

from app.domain.enums import EvaluationStatus, ObjectionStatus, OrgPredikat
from app.domain.scoring import Predikat, Rating
from app.extensions import db
from app.formatting import tanggal
from app.models import AnnualEvaluation, AuditEvent, Objection
from tests.reviews.annual.conftest import (
    TODAY, YEAR, body, count, evaluation_of, field_error, selected, table_form, text,
)

TABLE = f"/tinjau/tahunan/{YEAR}"


def test_the_annual_flow(line, make_client):
    rina, dodi, eka = line.member("Rina Staf", "100"), line.member("Dodi Staf", "115"), line.member("Eka Staf", "80")
    kasi = make_client(line.kasi.user)

    # The table: each pegawai with capaian, periodic predikat and the suggestion pre-selected.
    page = kasi.get(TABLE)
    assert page.status_code == 200
    words = text(page)
    assert "Rina Staf" in words and "Belum ditetapkan" in words and "Sasaran organisasi" in words
    assert "TW I</abbr>:</span> Baik</li>" in body(page) and "100 %" in words
    assert selected(page, f"result_{rina.id}") == "SESUAI"
    assert selected(page, f"result_{dodi.id}") == "DI_ATAS"
    assert selected(page, f"result_{eka.id}") == "DI_BAWAH"
    assert 'role="img"' in body(page) and "<title id=\"kurva-tim-judul\">" in body(page)

    # A rating that differs from the suggestion, without a reason: refused at that row; nothing saved.
    form = table_form(page)
    form.update({f"result_{rina.id}": "DI_ATAS", f"behavior_{rina.id}": "DI_ATAS",
                 f"behavior_{dodi.id}": "SESUAI", f"behavior_{eka.id}": "SESUAI"})
    events = count(AuditEvent)
    refused = kasi.post(TABLE, data=form)
    assert refused.status_code == 200
    assert "tuliskan alasannya" in field_error(refused, f"reason_{rina.id}")
    assert "Belum ada yang disimpan" in text(refused)
    assert selected(refused, f"result_{rina.id}") == "DI_ATAS"  # the typed ratings stay
    assert count(AnnualEvaluation) == 0 and count(AuditEvent) == events

    form[f"reason_{rina.id}"] = "Memimpin migrasi layanan surel ke pusat data daerah."
    saved = kasi.post(TABLE, data=form)
    assert saved.status_code == 302
    assert [evaluation_of(m).predikat for m in (rina, dodi, eka)] == [
        Predikat.SANGAT_BAIK, Predikat.BAIK, Predikat.BUTUH_PERBAIKAN]
    assert evaluation_of(rina).result_rating_reason.startswith("Memimpin")
    assert count(AuditEvent) == events + 3

    # Saving the page again untouched writes nothing.
    page = kasi.get(TABLE)
    assert kasi.post(TABLE, data=table_form(page)).status_code == 302
    assert count(AuditEvent) == events + 3

    # The curve of the OPD's predikat organisasi: Baik needs a Butuh Perbaikan or Kurang — there is one.
    line.org_predikat(OrgPredikat.ISTIMEWA)
    page = kasi.get(TABLE)
    assert "sesuai kurva predikat organisasi Istimewa" in text(page)
    db.session.execute(db.text("UPDATE org_year_result SET predikat = 'SANGAT_KURANG'"))
    page = kasi.get(TABLE)
    words = text(page)
    assert "Peringatan: sebaran belum sesuai kurva" in words
    assert "Sangat Kurang minimal 60 %" in words and "hanya peringatan" in words

    # Serahkan one, then the rest.
    one = kasi.post(f"{TABLE}/{rina.id}/serahkan", data=table_form(page))
    assert one.status_code == 302
    assert evaluation_of(rina).status == EvaluationStatus.HANDED_OVER
    assert evaluation_of(dodi).status == EvaluationStatus.DRAFT
    everyone = kasi.post(f"{TABLE}/serahkan", data=table_form(kasi.get(TABLE)))
    assert everyone.status_code == 302
    page = kasi.get(TABLE)
    assert f"Diserahkan {tanggal(TODAY)}" in text(page)
    assert f"result_{rina.id}" not in body(page)  # handed over: read-only

    # The pegawai reads the result and the window.
    eka_client = make_client(eka.user)
    mine = eka_client.get(f"/tinjau/hasil/{YEAR}")
    words = text(mine)
    deadline = TODAY + dt.timedelta(days=14)
    assert "BUTUH PERBAIKAN" in words
    assert f"sampai {tanggal(deadline)}, tinggal 14 hari" in words
    assert "Sari Kasi" in words and "Kepala Seksi Layanan E-Government" in words
    assert "Hendra Kabid" in words  # the keberatan goes to the atasan

    # Keberatan: too short refused at the field, then filed.
    evaluation = evaluation_of(eka)
    url = f"/tinjau/evaluasi/{evaluation.id}/keberatan/ajukan"
    short = eka_client.post(url, data={"reasons": "Tidak setuju."})
    assert "minimal 20 karakter" in field_error(short, "reasons")
    assert count(Objection) == 0
    assert eka_client.post(url, data={"reasons": "Capaian IKI utama saya 80 % karena anggaran dipotong."}).status_code == 302
    objection = db.session.scalar(select(Objection))
    assert objection.status == ObjectionStatus.FILED
    assert "Menunggu tanggapan" in text(eka_client.get(f"/tinjau/hasil/{YEAR}"))

    # The Pejabat Penilai explains.
    page = kasi.get(f"/tinjau/keberatan/{objection.id}")
    assert "Tanggapan Anda sebagai Pejabat Penilai" in text(page)
    assert kasi.post(f"/tinjau/keberatan/{objection.id}/tanggapan",
                     data={"explanation": "Capaian di bawah 90 % pada dua IKI utama."}).status_code == 302

    # The Atasan Pejabat Penilai changes the ratings, a reason required.
    kabid = make_client(line.kabid.user)
    page = kabid.get(f"/tinjau/keberatan/{objection.id}")
    assert "Kukuhkan hasil" in text(page) and "Ubah hasil" in text(page)
    # both decisions are final: each button asks first (static/js/capaian.js)
    assert body(page).count('data-confirm="') == 2 and "final dan tidak dapat diubah" in body(page)
    change = f"/tinjau/keberatan/{objection.id}/ubah"
    no_reason = kabid.post(change, data={"result_rating": "SESUAI", "behavior_rating": "SESUAI", "reason": ""})
    assert "alasan perubahan" in field_error(no_reason, "reason")
    assert evaluation_of(eka).predikat == Predikat.BUTUH_PERBAIKAN
    assert kabid.post(change, data={"result_rating": "DI_BAWAH", "behavior_rating": "DI_BAWAH",
                                    "reason": "Perilaku kerja tidak sesuai ekspektasi menurut laporan."}).status_code == 302
    assert evaluation_of(eka).predikat == Predikat.SANGAT_KURANG

    words = text(eka_client.get(f"/tinjau/hasil/{YEAR}"))
    assert "SANGAT KURANG" in words and "Final" in words and "Keputusan ini final" in words
    assert "Predikat semula BUTUH PERBAIKAN → menjadi SANGAT KURANG" in words and "Hasil diubah" in words
    assert "Rating Perilaku Kerja semula Sesuai Ekspektasi → menjadi Di Bawah Ekspektasi" in words
    assert "Perilaku kerja tidak sesuai ekspektasi" in words
    assert "Capaian di bawah 90 % pada dua IKI utama." in words

    # Follow-up: development for Sangat Kurang, recorded by the assessor, seen by all three.
    add = kasi.post(f"/tinjau/evaluasi/{evaluation.id}/tindak-lanjut/tambah",
                    data={f"tl{evaluation.id}-programme": "PELATIHAN",
                          f"tl{evaluation.id}-note": "Pelatihan manajemen waktu", f"tl{evaluation.id}-source": "daftar"})
    assert add.status_code == 302 and add.headers["Location"].endswith(f"/tinjau/tindak-lanjut/{YEAR}#tl-{evaluation.id}")
    for client, url in [(eka_client, f"/tinjau/hasil/{YEAR}"), (kasi, f"/tinjau/tindak-lanjut/{YEAR}"),
                        (make_client(line.admin), f"/tinjau/evaluasi/{evaluation.id}")]:
        words = text(client.get(url))
        assert "Pelatihan" in words and "Pelatihan manajemen waktu" in words, url
    assert "Daftar penghargaan 1" in text(kasi.get(f"/tinjau/tindak-lanjut/{YEAR}"))  # Rina, Sangat Baik

    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"tahunan.dinilai", "tahunan.diserahkan", "keberatan.diajukan", "keberatan.ditanggapi",
            "keberatan.diputuskan", "tindak_lanjut.dicatat"} <= actions


def test_confirm_keeps_the_result_and_is_final(line, make_client):
    member = line.member()
    objection = line.objection(line.handed(member, Rating.SESUAI, Rating.SESUAI), explained=True)
    kabid = make_client(line.kabid.user)
    assert kabid.post(f"/tinjau/keberatan/{objection.id}/kukuhkan",
                      data={"confirm_note": "Tanggapan Pejabat Penilai dapat diterima."}).status_code == 302
    words = text(make_client(member.user).get(f"/tinjau/hasil/{YEAR}"))
    assert "Hasil dikukuhkan" in words and "Tanggapan Pejabat Penilai dapat diterima." in words
    assert "BAIK" in words and "→" not in words


def test_head_of_an_opd_gets_the_unit_capaian_as_suggestion(factory, make_client):
    from decimal import Decimal

    from app.domain.enums import PositionKind
    from app.domain.skp import PlanStatus
    from app.models import OrgYearResult

    sekda = factory.employee(factory.opd("Sekretariat Daerah"), name="Sekda", position_kind=PositionKind.JPT)
    opd = factory.opd("Dinas Sosial")
    kadis = factory.employee(opd, assessor=sekda, name="Kadis Sosial", position_kind=PositionKind.JPT)
    year = factory.skp.year(YEAR)
    factory.skp.plan(kadis, year, status=PlanStatus.APPROVED)
    db.session.add(OrgYearResult(opd_id=opd.id, year_id=year.id, capaian=Decimal("112.5")))
    page = make_client(sekda.user).get(TABLE)
    assert "capaian unit kerja — sumber saran" in text(page)
    assert selected(page, f"result_{kadis.id}") == "DI_ATAS"


def test_without_a_set_capaian_the_head_gets_the_one_the_targets_compute(factory, make_client):
    from decimal import Decimal

    from app.domain.enums import PositionKind
    from app.domain.skp import PlanStatus
    from app.models import OrgTarget

    sekda = factory.employee(factory.opd("Sekretariat Daerah"), name="Sekda", position_kind=PositionKind.JPT)
    opd = factory.opd("Dinas Sosial")
    kadis = factory.employee(opd, assessor=sekda, name="Kadis Sosial", position_kind=PositionKind.JPT)
    year = factory.skp.year(YEAR)
    factory.skp.plan(kadis, year, status=PlanStatus.APPROVED)
    # 70/100 and 6/10: 65 % — below the Di Bawah threshold (90 %)
    db.session.add_all([OrgTarget(opd_id=opd.id, year_id=year.id, goal="S1", indicator="IKU 1", target_value=Decimal(100),
                                  unit="%", realization=Decimal(70), position=0),
                        OrgTarget(opd_id=opd.id, year_id=year.id, goal="S2", indicator="IKU 2", target_value=Decimal(10),
                                  unit="Dokumen", realization=Decimal(6), position=1)])
    db.session.commit()
    page = make_client(sekda.user).get(TABLE)
    assert "capaian unit kerja — sumber saran" in text(page)
    assert selected(page, f"result_{kadis.id}") == "DI_BAWAH"


def test_a_pegawai_without_an_approved_skp_has_no_inputs(line, make_client):
    member = line.member("Tanpa SKP", plan=False)
    page = make_client(line.kasi.user).get(TABLE)
    assert f"Belum ada SKP {YEAR} yang disetujui" in text(page)
    assert f"result_{member.id}" not in body(page)


def test_someone_without_a_team_sees_an_empty_table(line, make_client):
    page = make_client(line.stranger.user).get(TABLE)
    assert page.status_code == 200 and "Tidak ada pegawai yang Anda nilai" in text(page)
    assert make_client(line.stranger.user).get("/tinjau/tahunan").status_code == 302


def test_result_not_yet_handed_over_is_not_shown_to_the_pegawai(line, make_client):
    member = line.member()
    kasi = make_client(line.kasi.user)
    form = table_form(kasi.get(TABLE))
    form[f"behavior_{member.id}"] = "SESUAI"
    assert kasi.post(TABLE, data=form).status_code == 302
    words = text(make_client(member.user).get(f"/tinjau/hasil/{YEAR}"))
    assert "belum diserahkan" in words and "Sesuai Ekspektasi" not in words


def test_the_menu_shows_the_annual_links(line, make_client):
    line.member()
    assert "Evaluasi tahunan" in text(make_client(line.kasi.user).get("/"))
    words = text(make_client(line.stranger.user).get("/"))
    assert "Evaluasi tahunan" not in words and "Hasil kinerja saya" in words


def test_serahkan_on_a_row_never_saved_saves_and_hands_over_in_one_step(line, make_client):
    rina = line.member("Rina Staf", "100")
    kasi = make_client(line.kasi.user)
    page = kasi.get(TABLE)
    action = f'formaction="/tinjau/tahunan/{YEAR}/{rina.id}/serahkan"'
    assert action in body(page) and "Belum disimpan" in text(page)  # no Simpan needed first
    form = table_form(page)
    form[f"behavior_{rina.id}"] = "SESUAI"
    assert kasi.post(f"{TABLE}/{rina.id}/serahkan", data=form).status_code == 302
    assert evaluation_of(rina).status == EvaluationStatus.HANDED_OVER
