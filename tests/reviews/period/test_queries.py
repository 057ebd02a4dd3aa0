"""The number of queries does not grow with the team (Tinjau, 3 vs 30 members) nor with the SKP
(the review page, 2 vs 20 IKI)."""
from __future__ import annotations

from app.domain.enums import PositionKind
from app.extensions import db
from app.services.reviews import reviews
from tests.reviews.period.conftest import approved_plan, count_statements, submitted_assessment


def _queries(client, url) -> int:
    with count_statements() as seen:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(seen)


def test_team_page_queries_do_not_grow_with_the_team(make_client, world, factory):
    counts = {}
    for size in (3, 30):
        head = factory.employee(world["opd"], name=f"Kepala {size}", position_kind=PositionKind.ADMINISTRATOR)
        members = []
        for n in range(size):
            member = factory.employee(world["opd"], assessor=head)
            approved_plan(factory, member, world["year"], utama=1, indicators=1)
            a = submitted_assessment(member, world["p1"], 3)
            if n % 3 == 0:
                reviews.approve_review(head.user, a, feedback={}, result_rating="SESUAI", result_rating_reason=None,
                                       behavior_rating="SESUAI")
            members.append(member)
        # and a team two levels down under the first member
        for _ in range(size):
            factory.employee(world["opd"], assessor=members[0])
        db.session.commit()
        counts[size] = _queries(make_client(head.user), "/tinjau/")
    assert counts[3] == counts[30], counts
    assert counts[3] < 20, counts


def test_review_page_queries_do_not_grow_with_the_skp(make_client, world, factory):
    counts = {}
    for size, (utama, per_result) in ((2, (1, 1)), (20, (9, 2))):  # (utama + 1 tambahan) × IKI per RHK
        member = factory.employee(world["opd"], assessor=world["kasi"])
        approved_plan(factory, member, world["year"], utama=utama, indicators=per_result)
        a = submitted_assessment(member, world["p1"], 3, note="Catatan.", link="https://arsip.example/bukti")
        db.session.commit()
        client = make_client(world["kasi"].user)
        review = _queries(client, f"/tinjau/penilaian/{a.id}")
        reviews.approve_review(world["kasi"].user, a, feedback={}, result_rating="SESUAI", result_rating_reason=None,
                               behavior_rating="SESUAI")
        db.session.commit()
        counts[size] = (review, _queries(client, f"/tinjau/penilaian/{a.id}"),
                        _queries(make_client(member.user), f"/penilaian/lihat/{a.id}"))
    assert counts[2] == counts[20], counts
    assert counts[2][0] < 50, counts  # and stays small
