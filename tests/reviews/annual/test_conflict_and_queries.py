"""Two tabs on the annual table: the stale save is refused with a clear message, the typed ratings
stay, the other tab's values are shown, and a second Simpan saves knowingly. The annual table, the
follow-up list and the Beranda queue take a constant number of queries."""
import pytest

from app.domain.enums import OrgPredikat
from app.domain.scoring import Predikat, Rating
from app.services.reviews.annual_queue import annual_queue
from tests.reviews.annual.conftest import (
    TODAY, YEAR, body, count_statements, evaluation_of, selected, snapshot, table_form, text,
)

TABLE = f"/tinjau/tahunan/{YEAR}"


@pytest.mark.parametrize("rated_first", [True, False])
def test_a_stale_save_is_a_conflict_and_keeps_the_typed_ratings(line, make_client, rated_first):
    member, other = line.member("Rina Staf"), line.member("Dodi Staf")
    tab1, tab2 = make_client(line.kasi.user), make_client(line.kasi.user)
    if rated_first:
        form = table_form(tab1.get(TABLE))
        form[f"behavior_{member.id}"] = "SESUAI"
        assert tab1.post(TABLE, data=form).status_code == 302
    mine, theirs = table_form(tab1.get(TABLE)), table_form(tab2.get(TABLE))
    theirs.update({f"behavior_{member.id}": "DI_BAWAH"})
    assert tab2.post(TABLE, data=theirs).status_code == 302

    mine.update({f"behavior_{member.id}": "DI_ATAS", f"behavior_{other.id}": "SESUAI",
                 f"note_{member.id}": "Rekomendasi: pelatihan kepemimpinan."})
    before = snapshot()
    stale = tab1.post(TABLE, data=mine)
    assert stale.status_code == 409
    words = text(stale)
    assert "telah disimpan dari tab atau perangkat lain" in words
    assert "Tersimpan dari tab atau perangkat lain: Sesuai Ekspektasi / Di Bawah Ekspektasi → Kurang/Misconduct" in words
    assert selected(stale, f"behavior_{member.id}") == "DI_ATAS"
    assert selected(stale, f"behavior_{other.id}") == "SESUAI"
    assert "Rekomendasi: pelatihan kepemimpinan." in body(stale)
    assert snapshot() == before  # the other row is not saved either

    again = table_form(stale)
    assert tab1.post(TABLE, data=again).status_code == 302
    assert evaluation_of(member).predikat == Predikat.BAIK
    assert evaluation_of(member).note == "Rekomendasi: pelatihan kepemimpinan."
    assert evaluation_of(other).behavior_rating == Rating.SESUAI


def test_a_stale_tab_saves_its_own_rows_and_never_undoes_another(line, make_client):
    member, other = line.member("Rina Staf"), line.member("Dodi Staf")
    tab1, tab2 = make_client(line.kasi.user), make_client(line.kasi.user)
    form = table_form(tab1.get(TABLE))
    form[f"behavior_{member.id}"] = "SESUAI"
    assert tab1.post(TABLE, data=form).status_code == 302
    mine, theirs = table_form(tab1.get(TABLE)), table_form(tab2.get(TABLE))
    theirs[f"behavior_{member.id}"] = "DI_ATAS"
    assert tab2.post(TABLE, data=theirs).status_code == 302

    mine[f"behavior_{other.id}"] = "SESUAI"  # Rina's row is only carried along, at its old value
    assert tab1.post(TABLE, data=mine).status_code == 302
    assert evaluation_of(member).behavior_rating == Rating.DI_ATAS
    assert evaluation_of(other).behavior_rating == Rating.SESUAI


def test_after_a_conflict_rows_only_carried_along_show_the_saved_values(line, make_client):
    member, other = line.member("Rina Staf"), line.member("Dodi Staf")
    tab1, tab2 = make_client(line.kasi.user), make_client(line.kasi.user)
    form = table_form(tab1.get(TABLE))
    form.update({f"behavior_{member.id}": "SESUAI", f"behavior_{other.id}": "SESUAI"})
    assert tab1.post(TABLE, data=form).status_code == 302
    mine, theirs = table_form(tab1.get(TABLE)), table_form(tab2.get(TABLE))
    theirs.update({f"behavior_{member.id}": "DI_ATAS", f"behavior_{other.id}": "DI_BAWAH"})
    assert tab2.post(TABLE, data=theirs).status_code == 302

    mine[f"behavior_{member.id}"] = "DI_BAWAH"
    stale = tab1.post(TABLE, data=mine)
    assert stale.status_code == 409
    assert selected(stale, f"behavior_{member.id}") == "DI_BAWAH"  # typed: kept
    assert selected(stale, f"behavior_{other.id}") == "DI_BAWAH"  # carried along: now the saved value
    assert tab1.post(TABLE, data=table_form(stale)).status_code == 302
    assert evaluation_of(member).behavior_rating == Rating.DI_BAWAH
    assert evaluation_of(other).behavior_rating == Rating.DI_BAWAH


def _statements(client, url) -> int:
    with count_statements() as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen)


def _world(line, size):
    members = line.team(size)
    for n, member in enumerate(members):
        if n % 3 == 0:
            evaluation = line.handed(member, Rating.DI_BAWAH, Rating.SESUAI)
            if n % 2 == 0:
                line.objection(evaluation, explained=n % 4 == 0)
    return members


def test_the_annual_pages_take_a_constant_number_of_queries(factory, make_client):
    from app.extensions import db
    from tests.reviews.annual.conftest import Line
    from tests.conftest import _empty_tables

    counts = {}
    for size in (3, 30):
        line = Line(factory)
        line.org_predikat(OrgPredikat.BAIK)
        _world(line, size)
        db.session.commit()
        client = make_client(line.kasi.user)
        assert text(client.get(TABLE)).count("Staf ") >= size
        counts[size] = (_statements(client, TABLE), _statements(client, f"/tinjau/tindak-lanjut/{YEAR}"))
        _empty_tables()
    assert counts[3] == counts[30], counts


def test_the_beranda_queue_takes_a_constant_number_of_queries(factory):
    from tests.reviews.annual.conftest import Line
    from tests.conftest import _empty_tables

    counts = {}
    for size in (1, 8):
        line = Line(factory)
        members = line.team(size)
        for member in members:
            line.objection(line.handed(member))
        for member in line.team(size):
            line.objection(line.handed(member), explained=True)
        for user in (line.kasi.user, line.kabid.user, members[0].user):
            with count_statements() as seen:
                queue = annual_queue(user, TODAY)
                _touch(queue)
            counts.setdefault(size, []).append(len(seen))
        queue = annual_queue(line.kasi.user, TODAY)
        assert len(queue.to_explain) == size and not queue.to_decide
        assert len(annual_queue(line.kabid.user, TODAY).to_decide) == size
        mine = annual_queue(members[0].user, TODAY).mine
        assert len(mine) == 1 and mine[0].objection is not None
        _empty_tables()
    assert counts[1] == counts[8], counts


def _touch(queue):
    """Read everything the Beranda partial reads."""
    for m in queue.mine:
        _ = (m.evaluation.year.year, m.evaluation.predikat, m.objection, m.deadline, m.words)
    for o in queue.to_explain + queue.to_decide:
        _ = (o.evaluation.employee.name, o.evaluation.year.year, o.evaluation.predikat, o.filed_at)
