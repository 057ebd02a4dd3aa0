"""The year's work in the scale data (after scale_seed.write_plans): period assessments with
realisasi, capaian, bukti dukung and reflections, the assessors' reviews, the annual results and
every OPD's predikat organisasi. Written with bulk inserts, ids assigned here.

The story (as in the demo, the year ends early so that the year-end pages have data): Triwulan I
and II are submitted and reviewed; Triwulan III is reviewed by most assessors, about a third are
behind and still have their team's submissions waiting; Triwulan IV is running (a draft for about
half the pegawai, nobody has submitted). The annual results are set and handed over in early
November, and the BKPSDM has set every OPD's predikat organisasi. The Sekda's periods wait for
the Bupati, who has no account. About 2 % of the realisasi carry a file (one small PDF stored
once and hard-linked), about half a link.
"""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
from decimal import Decimal

from sqlalchemy import select

from app.domain.enums import AssessmentStatus, EvaluationStatus, EvidenceKind, OrgPredikat, OrgUnitKind
from app.domain.scoring import Rating, period_achievement, predikat, suggested_result_rating
from app.extensions import db
from app.models import (
    AnnualEvaluation, Assessment, BehaviorReflection, CoreValue, Evidence, Feedback, OrgYearResult, Period,
    Realization,
)
from app.seed.scale import data as content
from app.seed.scale.rows import WIB, Written, bulk, next_id
from app.services.assessments.evidence_store import path_for

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
BEHIND = 0.33  # share of assessors who have not reviewed Triwulan III yet
CURRENT_DRAFT = 0.45
FILE, LINK = 0.02, 0.5
TWO = Decimal("0.01")


def _at(day: dt.date, rng: random.Random) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(8), WIB) + dt.timedelta(minutes=rng.randint(0, 8 * 60))


def _value(row: dict, number: int, wished: float, done: Decimal) -> Decimal:
    """The realisasi that gives about the wished capaian (cumulative IKI: this period's share)."""
    target, factor = row["target_value"], Decimal(str(round(wished, 1))) / 100
    if row["cumulative"]:
        return max((target * number / 4 * factor).quantize(Decimal(1)) - done, Decimal(0))
    if row["direction"].value == "lower":
        return max((target * (2 - factor)).quantize(Decimal("0.1")), Decimal("0.1"))
    value = (target * factor).quantize(Decimal("0.1"))
    return min(value, Decimal(100)) if row["unit"] == "%" else value


class _Year:
    def __init__(self, written: Written, rng: random.Random):
        self.w, self.rng, self.plan = written, rng, written.plan
        periods = db.session.scalars(select(Period).where(Period.year_id == written.year_id).order_by(Period.number))
        self.periods = [p for p in periods if not p.is_final]
        self.values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
        teams = self.plan.teams()
        self.behind = {boss for boss in sorted(teams) if rng.random() < BEHIND}
        self.ids = {m: next_id(m) for m in (Assessment, Realization, Evidence, BehaviorReflection, Feedback,
                                             AnnualEvaluation)}
        self.rows: dict = {m: [] for m in self.ids}
        self.files: list[str] = []

    def _id(self, model) -> int:
        return self.ids[model] + len(self.rows[model])

    def person(self, index: int) -> None:
        person, rng = self.plan.people[index], self.rng
        base = min(max(rng.gauss(100, 7), 60), 125)
        offsets = [rng.gauss(0, 4) for _ in self.w.indicators[index]]
        done = [Decimal(0)] * len(offsets)
        history: list[dict[int, Decimal]] = [{} for _ in offsets]
        year_capaian: list[Decimal] = []
        behaviours = []
        for period in self.periods:
            number = period.number
            if number == 4 and rng.random() >= CURRENT_DRAFT:
                continue
            state = ("draft" if number == 4 else "waiting" if person.assessor is None or
                     (number == 3 and person.assessor in self.behind) else "approved")
            aid = self._id(Assessment)
            late = state != "draft" and rng.random() < 0.02
            deadline = period.submission_deadline
            submitted = _at(deadline + dt.timedelta(days=rng.randint(1, 9)) if late else
                            deadline - dt.timedelta(days=rng.randint(0, 12)), rng)
            edited = submitted - dt.timedelta(minutes=rng.randint(5, 90)) if state != "draft" else \
                _at(period.start_date + dt.timedelta(days=rng.randint(30, 50)), rng)
            utama = []
            for k, (iid, rid, row) in enumerate(self.w.indicators[index]):
                if state == "draft" and k > 0:  # the running period: only the first IKI so far
                    self.rows[Realization].append({
                        "id": self._id(Realization), "assessment_id": aid, "indicator_id": iid, "value": None,
                        "narrative": None, "note": None, "capaian": None, "updated_at": edited})
                    continue
                wished = min(max(base + offsets[k] + rng.gauss(0, 3), 40), 130)
                value = _value(row, number, wished, done[k])
                done[k] += value
                history[k][number] = value
                capaian = period_achievement(target=row["target_value"], direction=row["direction"],
                                             cumulative=row["cumulative"], number=number, count=4,
                                             values=history[k])
                if rid in {r for r, utama_ in self.w.results[index] if utama_} and capaian is not None:
                    utama.append(capaian)
                self._realization(aid, iid, value, capaian, edited, index, number, k)
            reviewed = state == "approved"
            hint = suggested_result_rating(utama) if reviewed else None
            result = hint or Rating.SESUAI
            draw = rng.random()
            behavior = Rating.DI_ATAS if draw < 0.1 else Rating.DI_BAWAH if draw < 0.13 else Rating.SESUAI
            boss = person.assessor
            at = _at(min(deadline + dt.timedelta(days=rng.randint(1, 8)), period.review_deadline), rng)
            self.rows[Assessment].append({
                "id": aid, "employee_id": self.w.employee_ids[index], "period_id": period.id,
                "plan_id": self.w.plan_ids[index],
                "status": AssessmentStatus.APPROVED if reviewed else AssessmentStatus.SUBMITTED
                if state == "waiting" else AssessmentStatus.DRAFT,
                "submitted_at": submitted if state != "draft" else None, "late": late, "returned_at": None,
                "return_reason": None, "extended_until": None,
                "suggested_rating": hint, "result_rating": result if reviewed else None,
                "result_rating_reason": None, "behavior_rating": behavior if reviewed else None,
                "predikat": predikat(result, behavior) if reviewed else None,
                "reviewed_at": at if reviewed else None,
                "reviewed_by_id": self.w.user_ids[boss] if reviewed else None,
                "reviewed_as": self.plan.people[boss].position if reviewed else None,
                "created_at": edited - dt.timedelta(days=rng.randint(3, 20)), "updated_at": at if reviewed else edited,
                "lock_version": 2 if reviewed else 1,
            })
            if reviewed:
                behaviours.append(behavior)
                if rng.random() < 0.1:
                    rid = self.w.results[index][0][0]
                    self.rows[Feedback].append({
                        "id": self._id(Feedback), "assessment_id": aid, "target_key": f"rhk:{rid}",
                        "work_result_id": rid, "core_value_id": None, "author_id": self.w.user_ids[boss],
                        "text": content.FEEDBACK[index % len(content.FEEDBACK)], "updated_at": at})
            if number <= 3:
                year_capaian += utama
            for value in rng.sample(self.values, rng.choice((0, 1, 1, 2, 3)) if state != "draft" else 0):
                self.rows[BehaviorReflection].append({
                    "id": self._id(BehaviorReflection), "assessment_id": aid, "core_value_id": value.id,
                    "text": content.REFLECTIONS[(index + value.position) % len(content.REFLECTIONS)]})
        self._annual(index, year_capaian, behaviours)

    def _realization(self, aid, iid, value, capaian, edited, index, number, k) -> None:
        rng, rid = self.rng, self._id(Realization)
        self.rows[Realization].append({
            "id": rid, "assessment_id": aid, "indicator_id": iid, "value": value, "narrative": None,
            "note": content.NOTES[(index + k) % len(content.NOTES)] if rng.random() < 0.15 else None,
            "capaian": capaian, "updated_at": edited})
        draw = rng.random()
        if draw < FILE:
            eid = self._id(Evidence)
            name = f"5ca1e{eid:027x}"
            self.files.append(name)
            self.rows[Evidence].append({
                "id": eid, "realization_id": rid, "kind": EvidenceKind.FILE, "url": None,
                "original_name": f"laporan-tw{number}.pdf", "stored_name": name, "mime": "application/pdf",
                "size": len(PDF), "sha256": None, "uploaded_by_id": self.w.user_ids[index], "created_at": edited})
        elif draw < FILE + LINK:
            self.rows[Evidence].append({
                "id": self._id(Evidence), "realization_id": rid, "kind": EvidenceKind.LINK,
                "url": content.LINK.format(year=self.periods[0].start_date.year, nip=self.plan.people[index].nip,
                                           period=number, n=k + 1),
                "original_name": None, "stored_name": None, "mime": None, "size": None, "sha256": None,
                "uploaded_by_id": self.w.user_ids[index], "created_at": edited})

    def _annual(self, index: int, capaian: list[Decimal], behaviours: list[Rating]) -> None:
        """The year's result, handed over in early November (not for the Sekda: the Bupati)."""
        boss = self.plan.people[index].assessor
        if boss is None:
            return
        hint = suggested_result_rating(capaian)
        result = hint or Rating.SESUAI
        behavior = max(set(behaviours), key=behaviours.count) if behaviours else Rating.SESUAI
        year = self.periods[0].start_date.year
        self.rows[AnnualEvaluation].append({
            "id": self._id(AnnualEvaluation), "employee_id": self.w.employee_ids[index], "year_id": self.w.year_id,
            "plan_id": self.w.plan_ids[index], "status": EvaluationStatus.HANDED_OVER,
            "capaian": (sum(capaian) / len(capaian)).quantize(TWO) if capaian else None,
            "suggested_rating": hint, "result_rating": result, "result_rating_reason": None,
            "behavior_rating": behavior, "predikat": predikat(result, behavior), "note": None,
            "reviewer_id": self.w.user_ids[boss], "reviewer_as": self.plan.people[boss].position,
            "handed_over_at": _at(dt.date(year, 11, 2 + index % 4), self.rng), "updated_at": _at(dt.date(year, 11, 2), self.rng),
            "lock_version": 1})

    def store_files(self) -> None:
        """One small PDF on disk, hard-linked under every stored name (copied where links fail)."""
        if not self.files:
            return
        first = path_for(self.files[0])
        os.makedirs(os.path.dirname(first), exist_ok=True)
        with open(first, "wb") as handle:
            handle.write(PDF)
        for name in self.files[1:]:
            path = path_for(name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if os.path.lexists(path):  # left by an earlier run on the same folder
                os.remove(path)
            try:
                os.link(first, path)
            except OSError:
                shutil.copyfile(first, path)


def _org_results(written: Written, rng: random.Random) -> int:
    rows = []
    for u, unit in enumerate(written.plan.units):
        if unit.kind != OrgUnitKind.OPD:
            continue
        draw = rng.random()
        value, capaian = ((OrgPredikat.ISTIMEWA, rng.uniform(110, 118)) if draw < 0.1 else
                          (OrgPredikat.BUTUH_PERBAIKAN, rng.uniform(80, 89)) if draw < 0.22 else
                          (OrgPredikat.BAIK, rng.uniform(92, 108)))
        rows.append({"opd_id": written.unit_ids[u], "year_id": written.year_id, "predikat": value,
                     "capaian": Decimal(str(round(capaian, 1))), "note": None,
                     "updated_at": dt.datetime(written.year.year, 11, 2, 9, tzinfo=WIB)})
    bulk(OrgYearResult, rows)
    return len(rows)


def write_work(written: Written, rng: random.Random) -> None:
    year = _Year(written, rng)
    for index in range(len(written.plan.people)):
        year.person(index)
    for model, rows in year.rows.items():
        bulk(model, rows)
    year.store_files()
    written.counts.update({f"{m.__tablename__}": len(rows) for m, rows in year.rows.items()})
    written.counts["org_year_result"] = _org_results(written, rng)
    written.counts["evidence_files"] = len(year.files)
