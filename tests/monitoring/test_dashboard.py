"""The dashboard of the kepala daerah and the BKPSDM: each OPD's capaian from its targets with the
predikat set or suggested, the IKM of its layanan, the cycle of a period and the year's predikat;
a fixed number of queries; an OPD's pengelola sees only their OPDs; a pegawai is refused."""
from __future__ import annotations

import secrets
from decimal import Decimal

from app.domain.enums import OrgPredikat
from app.extensions import db
from app.models import OrgTarget, OrgYearResult, SurveyResponse
from app.models.base import local_today
from app.services.satisfaction import layanan
from tests.pages import text
from tests.queries import count_statements


def _world(factory):
    year = factory.skp.year(local_today().year)
    dinkes, camat = factory.opd("Dinas Kesehatan"), factory.opd("Kecamatan Tanjung")
    db.session.add_all([
        OrgTarget(opd_id=dinkes.id, year_id=year.id, goal="Sehat", indicator="Persentase balita gizi baik",
                  target_value=Decimal(90), unit="%", realization=Decimal(99), position=0),
        OrgTarget(opd_id=dinkes.id, year_id=year.id, goal="Sehat", indicator="Puskesmas terakreditasi",
                  target_value=Decimal(3), unit="Puskesmas", realization=Decimal(3), position=1),
        OrgTarget(opd_id=camat.id, year_id=year.id, goal="Layanan", indicator="Dokumen kependudukan terbit",
                  target_value=Decimal(1000), unit="Dokumen", realization=None, position=0),
        OrgYearResult(opd_id=camat.id, year_id=year.id, predikat=OrgPredikat.BAIK, capaian=Decimal(95))])
    super_admin = factory.superadmin()
    poli = layanan.create(super_admin, layanan.ServiceData(unit_id=dinkes.id, name="Poli Umum", description=None,
                                                           period_kind="SEMESTER"))
    for n in range(3):
        db.session.add(SurveyResponse(service_id=poli.id, day=local_today(), visit_sha256=secrets.token_hex(32),
                                      **{f"q{i}": 4 for i in range(1, 10)}))
    db.session.commit()
    return {"year": year, "dinkes": dinkes, "camat": camat, "super": super_admin}


def test_the_dashboard_shows_each_opd(factory, make_client):
    world = _world(factory)
    client = make_client(world["super"])
    page = text(client.get("/pengelolaan/dasbor"))
    # Dinas Kesehatan: (110 % + 100 %) / 2 = 105 %: saran Baik; Poli Umum: IKM 100
    assert "Dinas Kesehatan" in page and "105 %" in page and "saran: Baik" in page
    assert "Poli Umum: 100,00 (A)" in page
    assert "Kecamatan Tanjung" in page and "belum ada realisasi" in page
    assert "Persentase balita gizi baik" in page and "110 %" in page


def test_the_dashboard_reads_as_many_queries_for_two_opds_as_for_six(factory, make_client):
    world = _world(factory)
    client = make_client(world["super"])
    client.get("/pengelolaan/dasbor")
    with count_statements() as few:
        client.get("/pengelolaan/dasbor")
    for n in range(4):
        opd = factory.opd(f"Dinas Tambahan {n}")
        db.session.add(OrgTarget(opd_id=opd.id, year_id=world["year"].id, goal="G", indicator=f"IKU {n}",
                                 target_value=Decimal(10), unit="%", realization=Decimal(5), position=0))
    db.session.commit()
    with count_statements() as many:
        assert client.get("/pengelolaan/dasbor").status_code == 200
    assert len(many) == len(few)


def test_who_sees_what(factory, make_client):
    world = _world(factory)
    own = make_client(factory.admin([world["dinkes"]]))
    page = text(own.get("/pengelolaan/dasbor"))
    assert "Dinas Kesehatan" in page and "Kecamatan Tanjung" not in page
    pegawai = factory.employee(world["dinkes"], name="Perawat")
    assert make_client(pegawai.user).get("/pengelolaan/dasbor").status_code == 403
    assert make_client(None).get("/pengelolaan/dasbor").status_code in (302, 401)
    assert make_client(world["super"]).get("/pengelolaan/dasbor?tahun=1999").status_code == 404
