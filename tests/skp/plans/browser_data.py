"""A small Dinas Kominfo with SKPs in every state, built through the services as the pages would:
used by the browser test and for screenshots."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import PositionKind
from app.domain.skp import Approach, Aspect, Direction, Perspective, ResultKind
from app.extensions import db
from app.models import CoreValue
from app.services.skp import plans as svc
from app.services.skp.plan_edit import IndicatorData, ResultData, add_indicator, add_result, update_header, update_indicator
from tests.factories import Factory

LAMPIRAN = {
    "resources": "Anggaran kegiatan pengembangan aplikasi\nPerangkat server dan jaringan\nPelatihan keamanan informasi",
    "accountability": "Laporan bulanan kepada Kepala Bidang\nRapat evaluasi triwulanan",
    "consequences": "Realisasi di bawah target dibahas dalam rapat evaluasi\nMenjadi dasar penilaian kinerja tahunan",
}


def _fill(user, plan, rows):
    """rows: (kind, text, parent, [(aspect, text, target, unit, direction, high)])."""
    update_header(user, plan, approach=Approach.KUANTITATIF, **LAMPIRAN)
    for kind, text, parent, indicators in rows:
        result = add_result(user, plan, ResultData(kind=kind, text=text, parent_id=parent.id if parent else None))
        for aspect, iki, target, unit, direction, high in indicators:
            add_indicator(user, plan, result, IndicatorData(
                text=iki, aspect=aspect, target_value=Decimal(target), unit=unit, direction=direction,
                target_high=Decimal(high) if high else None, cumulative=unit not in ("%", "Hari", "Indeks")))
    return plan


def build(factory: Factory | None = None) -> dict:
    factory = factory or Factory()
    year = factory.skp.year(2026)
    opd = factory.opd("Dinas Komunikasi dan Informatika")
    bidang = factory.unit(opd, "Bidang Aplikasi Informatika")
    kadis = factory.employee(opd, name="Dr. Ir. Syafrudin Harahap, M.Si.", position="Kepala Dinas Komunikasi dan Informatika",
                             position_kind=PositionKind.JPT, grade_code="IV/c")
    boss = factory.employee(bidang, assessor=kadis, name="Hendra Siregar, S.T., M.Kom.",
                            position="Kepala Bidang Aplikasi Informatika", position_kind=PositionKind.ADMINISTRATOR,
                            grade_code="IV/a")
    people = {}
    for key, name, position, grade in [
        ("rina", "Rina Marlina, S.Kom.", "Pranata Komputer Ahli Pertama", "III/b"),
        ("dewi", "Dewi Anggraini, S.T.", "Pranata Komputer Ahli Muda", "III/c"),
        ("agus", "Agus Salim, A.Md.", "Pranata Komputer Terampil", "II/d"),
        ("bambang", "Bambang Wijaya, S.Kom.", "Analis Sistem Informasi", "III/a"),
        ("sinta", "Sinta Dewi Lestari, S.Si.", "Statistisi Ahli Pertama", "III/b"),
    ]:
        people[key] = factory.employee(bidang, assessor=boss, name=name, position=position,
                                       position_kind=PositionKind.FUNGSIONAL, grade_code=grade)

    # The Kepala Dinas's SKP (JPT) and the Kepala Bidang's, both approved.
    kadis_plan = svc.start_plan(kadis.user, kadis, year)
    from app.models import OrgTarget

    target = OrgTarget(opd_id=opd.id, year=year, goal="Meningkatnya kualitas layanan pemerintahan berbasis elektronik",
                       indicator="Indeks SPBE", target_value=Decimal("3.5"), unit="Indeks")
    db.session.add(target)
    db.session.flush()
    result = add_result(kadis.user, kadis_plan, ResultData(kind=ResultKind.UTAMA, org_target_id=target.id,
                        text="Meningkatnya kualitas layanan pemerintahan berbasis elektronik"))
    add_indicator(kadis.user, kadis_plan, result, IndicatorData(text="Indeks SPBE", aspect=Aspect.KUALITAS,
                  target_value=Decimal("3.5"), unit="Indeks", cumulative=False,
                  perspective=Perspective.PENERIMA_LAYANAN))
    kadis.external_assessor_name, kadis.external_assessor_title = "H. Mashuri, S.P., M.E.", "Bupati Bungo"
    db.session.flush()

    boss_plan = svc.start_plan(boss.user, boss, year)
    spbe = kadis_plan.results[0]
    _fill(boss.user, boss_plan, [
        (ResultKind.UTAMA, "Terselenggaranya layanan aplikasi daring yang andal", spbe,
         [(Aspect.KUANTITAS, "Jumlah aplikasi layanan publik yang beroperasi", "12", "Aplikasi", Direction.HIGHER, None)]),
        (ResultKind.UTAMA, "Meningkatnya keamanan informasi pemerintah daerah", spbe,
         [(Aspect.KUALITAS, "Persentase insiden keamanan yang ditangani", "100", "%", Direction.HIGHER, None)]),
        (ResultKind.UTAMA, "Terkelolanya data dan statistik sektoral", spbe,
         [(Aspect.WAKTU, "Waktu publikasi data sektoral", "12", "Bulan", Direction.HIGHER, None)]),
    ])
    svc.submit(boss.user, boss_plan)
    svc.approve(kadis.user, boss_plan)
    parents = boss_plan.results
    values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))

    def plan_for(key, rows):
        employee = people[key]
        plan = svc.start_plan(employee.user, employee, year)
        return _fill(employee.user, plan, rows)

    # Rina: v1 approved with ekspektasi, then "Ubah SKP" to v2 with changes, submitted.
    rina = plan_for("rina", [
        (ResultKind.UTAMA, "Tersedianya aplikasi perizinan daring yang dapat diakses masyarakat", parents[0],
         [(Aspect.KUANTITAS, "Jumlah modul aplikasi perizinan yang dioperasikan", "4", "Modul", Direction.HIGHER, None),
          (Aspect.WAKTU, "Waktu pemulihan layanan saat gangguan", "4", "Jam", Direction.LOWER, None)]),
        (ResultKind.UTAMA, "Terpantaunya keamanan server aplikasi", parents[1],
         [(Aspect.KUALITAS, "Persentase kerentanan kritis yang ditutup", "90", "%", Direction.RANGE, "100")]),
        (ResultKind.TAMBAHAN, "Terlaksananya pendampingan operator aplikasi di kecamatan", None,
         [(Aspect.KUANTITAS, "Jumlah kecamatan yang didampingi", "17", "Kecamatan", Direction.HIGHER, None)]),
    ])
    svc.submit(people["rina"].user, rina)
    svc.set_expectations(boss.user, rina, {values[0].id: "Menanggapi permohonan perizinan dalam satu hari kerja",
                                           values[2].id: "Mengikuti pelatihan keamanan siber tahun ini"})
    svc.approve(boss.user, rina)
    rina_v2 = svc.revise(people["rina"].user, rina, "Penugasan tambahan sebagai admin data sektoral mulai Juli")
    first = rina_v2.results[0]
    update_indicator(people["rina"].user, rina_v2, first.indicators[0], IndicatorData(
        text=first.indicators[0].text, aspect=Aspect.KUANTITAS, target_value=Decimal("6"), unit="Modul"))
    add_result(people["rina"].user, rina_v2, ResultData(kind=ResultKind.UTAMA, parent_id=parents[2].id,
               text="Tersedianya data sektoral bidang komunikasi yang mutakhir"))
    new_rhk = rina_v2.results[-1]
    add_indicator(people["rina"].user, rina_v2, new_rhk, IndicatorData(
        text="Jumlah set data yang dipublikasikan di portal data", aspect=Aspect.KUANTITAS,
        target_value=Decimal("8"), unit="Set data"))
    from app.services.skp.plan_edit import delete_result

    delete_result(people["rina"].user, rina_v2, next(r for r in rina_v2.results if r.kind == ResultKind.TAMBAHAN))
    svc.submit(people["rina"].user, rina_v2)

    # Dewi: returned with a reason (the editor screenshot).
    dewi = plan_for("dewi", [
        (ResultKind.UTAMA, "Terintegrasinya aplikasi kepegawaian dengan layanan SSO", parents[0],
         [(Aspect.KUANTITAS, "Jumlah aplikasi yang terhubung SSO", "3", "Aplikasi", Direction.HIGHER, None)]),
        (ResultKind.UTAMA, "Tersusunnya rencana pemulihan bencana pusat data", parents[1],
         [(Aspect.KUANTITAS, "Dokumen rencana pemulihan bencana", "1", "Dokumen", Direction.HIGHER, None),
          (Aspect.WAKTU, "Waktu penyusunan dokumen", "6", "Bulan", Direction.LOWER, None)]),
    ])
    svc.submit(people["dewi"].user, dewi)
    svc.return_plan(boss.user, dewi, "Target integrasi SSO terlalu rendah; naikkan menjadi 5 aplikasi dan "
                                     "tambahkan IKI kualitas.")
    # Agus: a draft with a gap (no IKI yet). Sinta: approved. Bambang: not started.
    agus = plan_for("agus", [(ResultKind.UTAMA, "Terpeliharanya perangkat jaringan kantor", parents[0], [])])
    sinta = plan_for("sinta", [
        (ResultKind.UTAMA, "Tersedianya statistik sektoral yang akurat", parents[2],
         [(Aspect.KUALITAS, "Persentase data yang lolos validasi", "95", "%", Direction.HIGHER, None)]),
    ])
    svc.submit(people["sinta"].user, sinta)
    svc.approve(boss.user, sinta)
    db.session.flush()
    return {"year": year, "boss": boss, "kadis": kadis, "people": people, "rina_v1": rina, "rina_v2": rina_v2,
            "dewi": dewi, "agus": agus, "sinta": sinta}
