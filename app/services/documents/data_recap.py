"""The snapshot of the REKAP PREDIKAT KINERJA PEGAWAI of one OPD for a year (RULES.md §5, §6.4):
the handed-over annual predikat against the curve of the OPD's predikat organisasi."""
from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.domain.enums import DocumentKind, EvaluationStatus, PositionKind
from app.domain.scoring import Predikat
from app.extensions import db
from app.models import AnnualEvaluation, AppraisalYear, Employee, OrgUnit
from app.services.charts import percent
from app.services.documents.common import kop, live_person, paper_size, place_date, signature, subject
from app.services.documents.data_eval import distribution, organisation
from app.services.monitoring.recap import SMALL_UNIT, predikat_recap
from app.services.settings import get_settings


def opd_head(opd: OrgUnit) -> Employee | None:
    """The JPT heading the OPD (assessed from outside it), if the roster has one (three queries)."""
    heads = list(db.session.scalars(select(Employee).where(
        Employee.unit_id == opd.id, Employee.position_kind == PositionKind.JPT, Employee.active.is_(True))
        .options(selectinload(Employee.assessor).selectinload(Employee.unit)).order_by(Employee.id)))
    outside = [e for e in heads if e.assessor is None or e.assessor.unit.opd_id != opd.id]
    return (outside or heads or [None])[0]


def _as_of(opd: OrgUnit, year: AppraisalYear) -> dt.datetime | None:
    """The day the recap stands at: the last hand-over of an annual result of the OPD's pegawai for
    the year (one query; None before any)."""
    return db.session.scalar(
        select(func.max(AnnualEvaluation.handed_over_at)).join(Employee, AnnualEvaluation.employee_id == Employee.id)
        .join(OrgUnit, Employee.unit_id == OrgUnit.id)
        .where(OrgUnit.opd_id == opd.id, AnnualEvaluation.year_id == year.id,
               AnnualEvaluation.status == EvaluationStatus.HANDED_OVER))


def _year(year: AppraisalYear | int) -> AppraisalYear:
    if isinstance(year, AppraisalYear):
        return year
    return db.session.scalar(select(AppraisalYear).where(AppraisalYear.year == int(year)))


def snapshot_recap(opd: OrgUnit, year: AppraisalYear | int) -> dict[str, Any]:
    """Rekap predikat of an OPD for a year against its curve, as plain data."""
    year = _year(year)
    _settings = get_settings()  # held while building: the helpers find it in the session, no query
    recap = predikat_recap([opd], year)[0]
    result, org = organisation(opd.id, year.id)
    words, _badge = recap.verdict
    head = opd_head(opd)
    letterhead = kop(opd.name)
    rows = [{"label": p.label, "printed": p.printed, "count": recap.counts[p],
             "share": percent(recap.share(p), 1) if recap.total else "–"} for p in Predikat]
    limits = [{"label": limit.label, "rule": limit.rule, "have": limit.have, "limit": limit.limit, "ok": limit.ok}
              for limit in recap.limits]
    small = (f"Kurang dari {SMALL_UNIT} pegawai yang dinilai: ketidaksesuaian kurva hanya peringatan."
             if recap.small and recap.violations else "")
    return {
        "kind": DocumentKind.REKAP.value,
        "title": "REKAP PREDIKAT KINERJA PEGAWAI",
        "subtitle": [opd.name.upper()],
        "label": f"Rekap predikat kinerja {year.year} — {opd.name}",
        "year": year.year,
        "paper_size": paper_size(),
        "kop": letterhead,
        "instansi": letterhead["region_name"].upper(),
        "period_text": f"TAHUN {year.year}",
        "opd_name": opd.name,
        "organisation": org,
        "rows": rows,
        "total": recap.total,
        "drafts": recap.drafts,
        "limits": limits,
        "verdict": {"text": words, "ok": (not recap.violations) if recap.total and recap.org_predikat else None},
        "violations": recap.violations,
        "small_note": small,
        "distribution": distribution(result, recap.counts, opd_name=opd.name, scope=f"tahunan {year.year}",
                                     verdicts=True),
        "subject": subject(None, f"Tahun {year.year}", unit_name=opd.name),
        "signatures": [
            signature(head.position if head else f"Kepala {opd.name}", live_person(head), side="left", title=""),
            signature(_settings.bkpsdm_title, {"name": _settings.bkpsdm_name, "nip": _settings.bkpsdm_nip},
                      side="right", place_date_text=place_date(_as_of(opd, year)), title=""),
        ],
    }
