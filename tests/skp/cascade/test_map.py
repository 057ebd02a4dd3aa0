"""The cascading map as data: what hangs under what, the gaps, and a constant number of queries."""
from __future__ import annotations

from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import event

from app.domain.skp import Direction, PlanStatus
from app.extensions import db
from app.formatting import desimal
from app.services.skp.cascade import opd_map, subtree_map, target_text
from tests.skp.cascade.conftest import scale_opd


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _texts(nodes):
    return [n.text for n in nodes]


def test_targets_on_top_then_the_jpt_then_down_the_reporting_tree(tree):
    cmap = opd_map(tree["opd"], tree["year"])

    targets = [a for a in cmap.anchors if a.kind == "target"]
    assert [a.title for a in targets] == ["Sasaran T1", "Sasaran T2", "Sasaran T3"]
    assert targets[0].detail == "IKU T1" and targets[0].target == "81 %"
    (k1,) = targets[0].nodes
    assert k1.text == "RHK K1" and k1.owner.name == "Kepala Dinas Uji" and k1.owner.status == PlanStatus.APPROVED
    assert _texts(k1.children) == ["RHK A1"]
    (a1,) = k1.children
    # The Kepala Seksi's current version (2, a draft) is shown; version 1 stays in force.
    assert _texts(a1.children) == ["RHK S1", "RHK S2"]
    s1 = a1.children[0]
    assert s1.id == tree["s1b"].id and s1.owner.version == 2 and s1.owner.status == PlanStatus.DRAFT
    assert s1.owner.approved
    assert s1.indicators[0].text == "Jumlah rhk s1" and s1.indicators[0].target == "12 Dokumen"


def test_an_rhk_of_an_older_version_of_the_superiors_plan_is_matched_through_its_lineage(tree):
    cmap = opd_map(tree["opd"], tree["year"])
    s1 = next(n for n in _walk(cmap.anchors[0].nodes) if n.id == tree["s1b"].id)
    (child,) = s1.children
    assert child.text == "RHK staf lineage" and child.via_older_version and child.problem is None


def test_the_gaps(tree):
    cmap = opd_map(tree["opd"], tree["year"])
    gaps = cmap.gaps

    assert _texts(gaps.uncovered) == ["RHK A2", "RHK S2"]
    problems = {n.text: n.problem for n in gaps.orphans}
    assert problems == {
        "RHK staf no_parent": "Belum memilih RHK atasan yang diintervensi.",
        "RHK staf wrong_boss": "RHK yang diintervensi milik Kabid Uji, bukan dari SKP terkini Pejabat Penilai saat ini.",
        "RHK staf dropped": "RHK atasan yang diintervensi tidak ada lagi di SKP terkini Pejabat Penilai.",
        "RHK staf stranger": "RHK yang diintervensi milik Orang Lain, bukan dari SKP terkini Pejabat Penilai saat ini.",
    }
    assert cmap.anchors[-1].kind == "orphans" and len(cmap.anchors[-1].nodes) == 4
    without = {o.name: o.status_label for o in gaps.without_approved}
    assert without == {"Kabid Kosong": "Belum menyusun SKP", "Staf no_parent": "Draf",
                       "Staf stranger": "Diajukan", "Staf no_plan": "Belum menyusun SKP"}
    assert [a.title for a in gaps.idle_targets] == ["Sasaran T3"]
    assert gaps.total == 2 + 4 + 4 + 1
    covered = {n.text for n in _walk(cmap.anchors[0].nodes) if not n.uncovered}
    assert {"RHK K1", "RHK A1", "RHK S1"} <= covered


def test_counts_and_members(tree):
    cmap = opd_map(tree["opd"], tree["year"])
    assert len(cmap.members) == 10 and cmap.jpt_in_scope
    assert dict((k, n) for k, _label, n in cmap.counts) == {"APPROVED": 5, "SUBMITTED": 1, "DRAFT": 2, "NONE": 2}


def test_a_supervisors_subtree_starts_at_their_own_rhk(tree):
    cmap = subtree_map(tree["kabid"], tree["year"])

    assert cmap.root.name == "Kabid Uji" and cmap.opd is None
    assert {o.name for o in cmap.members} == {"Kabid Uji", "Kasi Uji", *(f"Staf {k}" for k in tree["staff"])}
    external = [a for a in cmap.anchors if a.kind == "external"]
    assert [(a.title, a.owner.name) for a in external] == [("RHK K1", "Kepala Dinas Uji"),
                                                           ("RHK K2", "Kepala Dinas Uji")]
    assert _texts(external[0].nodes) == ["RHK A1"] and _texts(external[1].nodes) == ["RHK A2"]
    assert "Kabid Kosong" not in {o.name for o in cmap.gaps.without_approved}
    assert not cmap.gaps.idle_targets


def test_a_jpt_subtree_hangs_under_the_targets_its_rhk_come_from(tree):
    cmap = subtree_map(tree["kadis"], tree["year"])
    assert [(a.kind, a.title) for a in cmap.anchors[:2]] == [("target", "Sasaran T1"), ("target", "Sasaran T2")]


def test_inactive_pegawai_are_left_out(tree):
    tree["staff"]["no_plan"].active = False
    db.session.flush()
    cmap = opd_map(tree["opd"], tree["year"])
    assert "Staf no_plan" not in {o.name for o in cmap.members}


@contextmanager
def count_selects():
    seen: list[str] = []

    def listener(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)


def test_queries_stay_constant_from_10_to_100_pegawai(factory):
    year = factory.skp.year(2026)
    small_opd, small_kasi = scale_opd(factory, year, 10, "kecil")
    large_opd, large_kasi = scale_opd(factory, year, 100, "besar")
    db.session.commit()
    counts = []
    for opd in (small_opd, large_opd):
        db.session.expire_all()
        db.session.refresh(opd), db.session.refresh(year)  # as a view has them, loaded
        with count_selects() as seen:
            cmap = opd_map(opd, year)
        assert not cmap.gaps.uncovered and len(cmap.gaps.orphans) == 1
        counts.append(len(seen))
    assert counts[0] == counts[1] == 7  # members, plans + RHK + IKI, superiors, targets, strangers
    subtree = []
    for kasi in (small_kasi, large_kasi):
        db.session.expire_all()
        db.session.refresh(kasi), db.session.refresh(year)
        with count_selects() as seen:
            subtree_map(kasi, year)
        subtree.append(len(seen))
    assert subtree[0] == subtree[1] == 6  # the subtree is one recursive query; no JPT, no targets


def test_numbers_and_targets_read_the_indonesian_way(app):
    assert desimal(Decimal("1200.0000")) == "1.200"
    assert desimal(Decimal("3.2500")) == "3,25"
    assert desimal(Decimal("100")) == "100"
    assert desimal(Decimal("1234567.5")) == "1.234.567,5"
    assert target_text(Decimal("85"), None, "per 100.000 KH", Direction.LOWER) == "85 per 100.000 KH"
    assert target_text(Decimal("2"), Decimal("8"), "°C", Direction.RANGE) == "2–8 °C"
    assert target_text(None, None, "%") == "–"
