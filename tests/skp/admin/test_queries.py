"""The target list, the library list and a jabatan's page cost the same number of statements
with 2 rows or 20: nothing is loaded per row."""
from decimal import Decimal
from urllib.parse import quote

from app.domain.skp import Aspect, ResultKind
from app.extensions import db
from app.models import LibraryIndicator, LibraryResult, OrgTarget
from app.models.library import position_key
from tests.skp.admin.conftest import count_statements


def _statements(client, url) -> int:
    client.get(url)  # warm up: the user and settings loads are the same on every page
    with count_statements() as seen:
        assert client.get(url).status_code == 200
    return len(seen)


def _add_targets(factory, opd, year, start, count):
    """`count` targets; the first is referred to by the RHK of a new JPT's SKP."""
    targets = [OrgTarget(opd_id=opd.id, year_id=year.id, goal=f"Sasaran {n}", indicator=f"IKU {n}",
                         target_value=Decimal("80"), unit="%", realization=Decimal("81.5"), position=n)
               for n in range(start, start + count)]
    db.session.add_all(targets)
    db.session.flush()
    factory.skp.plan(factory.employee(opd), year, org_target=targets[0], results=2)


def test_target_list_statements_do_not_grow_with_the_targets(client, factory):
    opd, year = factory.opd(), factory.skp.year(2026)
    client.login_as(factory.admin([opd, factory.opd(), factory.opd()]))
    url = f"/pengelolaan/sasaran/{opd.id}/{year.id}"
    _add_targets(factory, opd, year, 0, 2)
    small = _statements(client, url)
    _add_targets(factory, opd, year, 2, 20)
    factory.skp.year(2027)
    big = _statements(client, url)
    assert big == small, (small, big)


def _add_positions(start, count, results=2, indicators=3):
    for n in range(start, start + count):
        name = f"Jabatan Uji {n:03d}"
        for r in range(results):
            entry = LibraryResult(position_name=name, position_key=position_key(name),
                                  kind=ResultKind.UTAMA if r % 2 == 0 else ResultKind.TAMBAHAN,
                                  text=f"RHK {n}.{r}", sort_order=r)
            entry.indicators = [LibraryIndicator(aspect=Aspect.KUANTITAS, text=f"IKI {n}.{r}.{i}",
                                                 target_value=Decimal("4"), unit="Dokumen", sort_order=i)
                                for i in range(indicators)]
            db.session.add(entry)
    db.session.flush()


def test_library_list_statements_do_not_grow_with_the_library(client, factory):
    client.login_as(factory.admin([factory.opd()]))
    _add_positions(0, 2)
    small = _statements(client, "/pengelolaan/pustaka")
    _add_positions(2, 40)
    big = _statements(client, "/pengelolaan/pustaka")
    assert big == small, (small, big)
    assert _statements(client, "/pengelolaan/pustaka?q=Uji&page=1") == small


def test_jabatan_page_statements_do_not_grow_with_rhk_and_iki(client, factory):
    client.login_as(factory.admin([factory.opd()]))
    _add_positions(0, 1, results=1, indicators=1)
    url = "/pengelolaan/pustaka/jabatan?nama=" + quote("Jabatan Uji 000")
    small = _statements(client, url)
    db.session.query(LibraryIndicator).delete()
    db.session.query(LibraryResult).delete()
    _add_positions(0, 1, results=12, indicators=5)
    big = _statements(client, url)
    assert big == small, (small, big)
