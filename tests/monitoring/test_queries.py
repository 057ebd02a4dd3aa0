"""Every page and export runs the same number of queries for 2 OPDs as for 12, and for an OPD of
1,000 pegawai as for one of 10."""
from __future__ import annotations

from decimal import Decimal

from sqlalchemy import insert

from app.domain.enums import AssessmentStatus, EmploymentStatus, FollowUpKind, PositionKind, Programme
from app.domain.nip import parse_nip
from app.domain.scoring import Predikat
from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import Employee, FollowUp
from tests.factories import make_nip
from tests.monitoring.conftest import assess, count_queries, evaluate

URLS = ("/pengelolaan/pemantauan?tahun=2026&periode=1", "/pengelolaan/pemantauan/unduh.xlsx?tahun=2026&periode=1",
        "/pengelolaan/rekap?tahun=2026", "/pengelolaan/rekap/unduh.xlsx?tahun=2026",
        "/pengelolaan/tindak-lanjut?tahun=2026", "/pengelolaan/tindak-lanjut/unduh.xlsx?tahun=2026")


def _bare_pegawai(unit, count: int) -> None:
    """`count` active pegawai without an SKP, in one insert."""
    rows = []
    for _ in range(count):
        info = parse_nip(make_nip())
        rows.append({"nip": info.nip, "name": f"Pegawai Massal {info.serial}", "status": EmploymentStatus.PNS,
                     "grade_code": "II/c", "position": "Pengadministrasi Perkantoran",
                     "position_kind": PositionKind.PELAKSANA, "unit_id": unit.id, "active": True,
                     "birth_date": info.birth_date, "tmt": info.tmt, "gender": info.gender})
    db.session.execute(insert(Employee.__table__), rows)


def _opd(factory, year, name: str, size: int):
    """An OPD with `size` bare pegawai and two more with results: a reviewed period and a handed-over
    annual result each (Sangat Baik and Butuh Perbaikan, with a follow-up)."""
    opd = factory.opd(name)
    _bare_pegawai(opd, size)
    period = year.periods[0]
    for value, status in ((Predikat.SANGAT_BAIK, AssessmentStatus.APPROVED),
                          (Predikat.BUTUH_PERBAIKAN, AssessmentStatus.SUBMITTED)):
        person = factory.employee(opd, position_kind=PositionKind.FUNGSIONAL)
        plan = factory.skp.plan(person, year, status=PlanStatus.APPROVED)
        assess(person, period, plan, status, value=Decimal(3))
        evaluation = evaluate(person, year, plan, value)
        kind = FollowUpKind.RECOGNITION if value == Predikat.SANGAT_BAIK else FollowUpKind.DEVELOPMENT
        evaluation.follow_ups.append(FollowUp(kind=kind, programme=Programme.LAINNYA, note="Uji"))
    db.session.flush()
    return opd


def _counts(client, urls) -> list[int]:
    counts = []
    for url in urls:
        client.get(url)  # warm up (the settings row, the user's scope)
        with count_queries() as statements:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(statements))
    return counts


def test_constant_in_the_number_of_opds(factory, make_client):
    year = factory.skp.year(2026)
    factory.skp.year(2025)
    client = make_client(factory.superadmin())
    for n in range(2):
        _opd(factory, year, f"Dinas Kecil {n}", 3)
    few = _counts(client, URLS)
    for n in range(10):
        _opd(factory, year, f"Dinas Tambahan {n}", 3)
    assert _counts(client, URLS) == few


def test_constant_in_the_number_of_pegawai(factory, make_client):
    year = factory.skp.year(2026)
    small, big = _opd(factory, year, "Dinas Kecil", 10), _opd(factory, year, "Dinas Besar", 1000)
    client = make_client(factory.superadmin())
    pages = ("/pengelolaan/pemantauan/{}?tahun=2026&periode=1", "/pengelolaan/pemantauan/{}?tahun=2026&periode=1&page=3",
             "/pengelolaan/pemantauan/{}/unduh.xlsx?tahun=2026&periode=1", "/pengelolaan/rekap/{}?tahun=2026",
             "/pengelolaan/tindak-lanjut?tahun=2026&opd={}")
    few = _counts(client, [p.format(small.id) for p in pages[:1] + pages[2:]])
    many = _counts(client, [p.format(big.id) for p in pages[:1] + pages[2:]])
    assert many == few
    assert _counts(client, [pages[1].format(big.id)]) == few[:1]  # a later page of the big OPD
