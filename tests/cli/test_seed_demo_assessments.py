"""`flask seed-demo` gives the demo year its period assessments (issue 4): realisasi with bukti dukung
for Triwulan I–III, a realistic spread of capaian computed by the app's own rules, some late, a few
left in draft, one returned, and drafts of the running Triwulan IV."""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import struct
import zlib
from collections import Counter, defaultdict
from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.domain.enums import AssessmentStatus, EvidenceKind, PositionKind, Role
from app.domain.skp import Approach, Direction, PlanStatus
from app.extensions import db
from app.models import AppraisalYear, Assessment, AuditEvent, Evidence, Plan, Realization, User, WorkResult
from app.seed.demo.story import seed_demo
from app.services.assessments import evidence_store
from app.services.assessments.assessments import missing_entries
from app.services.assessments.rows import indicator_rows

WIB = dt.timezone(dt.timedelta(hours=7))
PAST = (1, 2, 3)
CURRENT = 4
SENT = (AssessmentStatus.SUBMITTED, AssessmentStatus.APPROVED)  # submitted, reviewed since or not


@pytest.fixture
def seeded(cli):
    result = cli.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output
    return result


def _assessments() -> list[Assessment]:
    return list(db.session.scalars(
        select(Assessment).order_by(Assessment.employee_id, Assessment.period_id).options(
            selectinload(Assessment.realizations).selectinload(Realization.evidence),
            selectinload(Assessment.realizations).selectinload(Realization.indicator),
            selectinload(Assessment.reflections), selectinload(Assessment.period),
            selectinload(Assessment.employee),
            selectinload(Assessment.plan).selectinload(Plan.results).selectinload(WorkResult.indicators),
        )
    ))


def _approved() -> dict[int, Plan]:
    plans = db.session.scalars(select(Plan).where(Plan.status == PlanStatus.APPROVED).order_by(Plan.version))
    return {p.employee_id: p for p in plans}


def _logins() -> dict[str, User]:
    """The demo logins by what they are: pegawai, supervisor, pengelola, superadmin."""
    users = list(db.session.scalars(select(User).where(User.password_hash.is_not(None))))
    pegawai = [u for u in users if u.role == Role.PEGAWAI]
    supervisor = next(u for u in pegawai if u.employee.position_kind == PositionKind.PENGAWAS)
    return {"pegawai": next(u for u in pegawai if u is not supervisor), "supervisor": supervisor,
            "pengelola": next(u for u in users if u.role == Role.ADMIN),
            "superadmin": next(u for u in users if u.role == Role.SUPERADMIN)}


def _filled(realization: Realization) -> bool:
    return realization.value is not None or bool((realization.narrative or "").strip())


def test_who_assessed_which_period_and_in_what_state(seeded):
    assessments, approved = _assessments(), _approved()
    by_period = defaultdict(list)
    for a in assessments:
        by_period[a.period.number].append(a)
        assert a.plan_id == approved[a.employee_id].id  # against the approved SKP in force
        assert a.status != AssessmentStatus.APPROVED or a.period.number in PAST  # reviews: test_seed_demo_reviews
    assert set(by_period) == {*PAST, CURRENT}
    for number in PAST:
        mine = by_period[number]
        assert {a.employee_id for a in mine} == set(approved), number  # everyone with an approved SKP
        statuses = Counter(a.status for a in mine)
        assert sum(statuses[s] for s in SENT) / len(mine) >= 0.95
    past = [a for n in PAST for a in by_period[n]]

    late = [a for a in past if a.late]
    assert 4 <= len(late) <= 25
    for a in past:
        if a.status == AssessmentStatus.DRAFT:
            assert a.submitted_at is None and not a.late
            continue
        day = a.submitted_at.astimezone(WIB).date()
        assert (day > a.period.submission_deadline) == a.late, (a.employee.name, a.period.label)
        assert a.created_at <= a.submitted_at
    drafts = [a for a in past if a.status == AssessmentStatus.DRAFT]
    assert 2 <= len(drafts) <= 15
    assert all(any(not _filled(r) for r in a.realizations) for a in drafts)  # left half-done

    (returned,) = [a for a in assessments if a.status == AssessmentStatus.RETURNED]
    logins = _logins()
    assert returned.period.number == PAST[-1] and len(returned.return_reason) > 40
    assert returned.submitted_at < returned.returned_at < dt.datetime(2026, 11, 23, tzinfo=WIB)
    assert returned.employee.assessor_id == logins["supervisor"].employee_id
    assert returned.employee_id == logins["pengelola"].employee_id  # a demo login sees it come back
    unproven = [r for r in returned.realizations if r.indicator.text in returned.return_reason]
    assert len(unproven) == 1 and unproven[0].evidence == []

    current = by_period[CURRENT]
    assert {a.status for a in current} == {AssessmentStatus.DRAFT} and not any(a.submitted_at for a in current)
    assert 0.3 <= len(current) / len(approved) <= 0.8
    assert all(any(_filled(r) for r in a.realizations) for a in current)
    assert sum(any(not _filled(r) for r in a.realizations) for a in current) / len(current) > 0.5  # partial

    # The demo pegawai's pages: three submitted periods and a draft of the running one.
    mine = sorted((a for a in assessments if a.employee_id == logins["pegawai"].employee_id),
                  key=lambda a: a.period.number)
    assert [(a.period.number, a.status, a.late) for a in mine] == [
        (1, AssessmentStatus.APPROVED, False), (2, AssessmentStatus.APPROVED, False),
        (3, AssessmentStatus.SUBMITTED, False), (4, AssessmentStatus.DRAFT, False)]
    assert all(a.reflections for a in mine)
    kinds = {e.kind for a in mine for r in a.realizations for e in r.evidence}
    assert kinds == {EvidenceKind.FILE, EvidenceKind.LINK}
    # The supervisor's team shows a late submission too.
    assert any(a.late for a in assessments if a.employee_id == logins["pengelola"].employee_id)

    (event,) = db.session.scalars(select(AuditEvent).where(AuditEvent.action == "demo.dimuat"))
    assert event.after["assessments"] == len(assessments)
    assert event.after["late"] == len(late)
    files = sum(e.kind == EvidenceKind.FILE for a in assessments for r in a.realizations for e in r.evidence)
    assert event.after["evidence_files"] == files
    assert event.after["assessment_statuses"]["Triwulan III"]["RETURNED"] == 1
    assert "penilaian periode" in event.summary


def test_every_submission_is_complete_and_its_capaian_are_the_apps(seeded):
    assessments = _assessments()
    kualitatif = 0
    for a in assessments:
        iki = {i.id for r in a.plan.results for i in r.indicators}
        assert {r.indicator_id for r in a.realizations} == iki, a.employee.name  # a row for every IKI
        if a.status == AssessmentStatus.DRAFT:
            continue
        for r in a.realizations:
            if a.plan.approach == Approach.KUALITATIF:
                assert r.narrative and r.value is None and r.capaian is None
            else:
                assert r.value is not None and r.value >= 0
        kualitatif += a.plan.approach == Approach.KUALITATIF
    assert kualitatif >= 10

    ranges = [a for a in assessments if any(r.indicator.direction == Direction.RANGE for r in a.realizations)]
    sample = assessments[::9] + ranges
    assert {a.period.number for a in sample} == {*PAST, CURRENT}
    checked = Counter()
    for a in sample:
        if a.status != AssessmentStatus.DRAFT:
            assert missing_entries(a) == [], (a.employee.name, a.period.label)
        stored = {r.indicator_id: r.capaian for r in a.realizations}
        for row in indicator_rows(a):
            assert stored[row.indicator.id] == row.capaian, (a.employee.name, a.period.label, row.indicator.text)
            if row.capaian is not None:
                checked[(row.indicator.direction, row.indicator.cumulative)] += 1
    assert checked[(Direction.HIGHER, True)] > 50 and checked[(Direction.LOWER, False)] > 10
    assert checked[(Direction.RANGE, False)] >= 4


def test_a_realistic_spread_of_capaian(seeded):
    values = [r.capaian for a in _assessments() if a.period.number in PAST and a.status != AssessmentStatus.DRAFT
              for r in a.realizations if r.capaian is not None]
    assert len(values) > 2000
    assert all(Decimal(0) <= v <= Decimal(120) for v in values)
    share = lambda test: sum(1 for v in values if test(v)) / len(values)  # noqa: E731
    assert share(lambda v: 90 <= v <= 110) >= 0.55  # most around the target
    assert 0.05 <= share(lambda v: v > 110) <= 0.30  # some above, up to the cap
    assert 0.10 <= share(lambda v: v < 90) <= 0.35  # some below
    assert share(lambda v: 60 <= v < 90) >= 0.08
    assert share(lambda v: v == 120) > 0.01  # the cap is reached

    lower = Counter()
    for a in _assessments():
        for r in a.realizations:
            if r.indicator.direction == Direction.LOWER and r.capaian is not None:
                lower["below" if r.capaian < 90 else "above" if r.capaian > 110 else "around"] += 1
    assert set(lower) == {"below", "around", "above"} and lower["around"] > lower["below"]


def _png_ok(data: bytes) -> bool:
    """Every chunk's CRC is right, the IHDR says RGB and the image data inflates to its size."""
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    return depth == 8 and color == 2 and len(zlib.decompress(chunks[b"IDAT"])) == height * (1 + 3 * width) \
        and b"IEND" in chunks


def _pdf_text(data: bytes) -> bytes:
    """The xref points at itself and the content stream inflates; returns the page's text operators."""
    start = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[start:start + 4] == b"xref" and data.endswith(b"%%EOF\n")
    stream = data.split(b"stream\n", 1)[1].rsplit(b"\nendstream", 1)[0]
    return zlib.decompress(stream)


def test_bukti_dukung_files_are_real_small_and_stored_like_uploads(seeded):
    assessments = _assessments()
    evidence = [(a, r, e) for a in assessments for r in a.realizations for e in r.evidence]
    files = [(a, r, e) for a, r, e in evidence if e.kind == EvidenceKind.FILE]
    links = [e for _a, _r, e in evidence if e.kind == EvidenceKind.LINK]
    assert 150 <= len(files) <= 600 and len(links) > len(files)
    assert {e.mime for _a, _r, e in files} == {"application/pdf", "image/png"}
    total = 0
    for a, r, e in files:
        path = evidence_store.path_for(e.stored_name)
        assert os.path.isfile(path) and not path.startswith(os.path.join(os.getcwd(), "app", "static"))
        with open(path, "rb") as handle:
            data = handle.read()
        assert evidence_store.sniff(data) == e.mime and len(data) == e.size <= 1500
        assert hashlib.sha256(data).hexdigest() == e.sha256
        assert e.uploaded_by_id == a.employee.user.id and e.created_at <= (a.submitted_at or a.updated_at)
        if e.mime == "image/png":
            assert e.original_name.endswith(".png") and _png_ok(data)
        else:
            assert e.original_name.endswith(".pdf")
            content = _pdf_text(data)
            assert f"(Laporan Realisasi Kinerja {a.period.title}) Tj".encode() in content
            assert " ".join(r.indicator.text.split()[:3]).encode("cp1252") in content
        total += len(data)
    assert total / len(files) < 1100
    for url in (e.url for e in links):
        assert evidence_store.check_link(url) == url
        assert urlsplit(url).hostname.endswith("tanjungharapankab.example")

    submitted = [r for a in assessments if a.status in SENT for r in a.realizations]
    assert sum(bool(r.evidence) for r in submitted) / len(submitted) > 0.45
    reflected = [a for a in assessments if a.status in SENT and a.reflections]
    assert 0.5 < len(reflected) / sum(a.status in SENT for a in assessments) < 0.95
    assert all(len(a.reflections) <= 3 and all(b.text for b in a.reflections) for a in assessments)
    notes = [r.note for r in submitted if r.note]
    assert 0.05 < len(notes) / len(submitted) < 0.4


def _digest() -> list[tuple]:
    rows = []
    for a in _assessments():
        rows.append((
            a.employee.nip, a.period.number, a.status, a.late, a.submitted_at, a.returned_at, a.return_reason,
            a.created_at, a.updated_at,
            sorted((r.indicator.text, r.value, r.narrative, r.note, r.capaian,
                    [(e.kind, e.url, e.original_name, e.size, e.sha256) for e in r.evidence])
                   for r in a.realizations),
            sorted((b.core_value_id, b.text) for b in a.reflections),
        ))
    return sorted(rows)


def test_deterministic_and_files_go_with_a_rollback():
    """Two runs give the same assessments, numbers and files; rolling back removes the files."""
    runs = []
    for _ in range(2):
        seed_demo()
        runs.append(_digest())
        paths = [evidence_store.path_for(name) for name in db.session.scalars(
            select(Evidence.stored_name).where(Evidence.stored_name.is_not(None)))]
        assert paths and all(os.path.exists(p) for p in paths)
        db.session.rollback()
        assert not any(os.path.exists(p) for p in paths)
    assert runs[0] == runs[1]
    year = db.session.scalar(select(AppraisalYear))
    assert year is None
