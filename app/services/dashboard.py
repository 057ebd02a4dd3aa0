"""The dashboard of the kepala daerah and the BKPSDM: per OPD, its capaian from the realisasi of its
Perjanjian Kinerja targets (each target's too) with the predikat organisasi set or suggested, the
IKM of its layanan in their current survey period, how far the appraisal cycle of a period has
come, and the predikat of the year handed over — in a fixed number of queries whatever the number
of OPDs, targets, layanan or pegawai."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from app.domain.scoring import achievement, org_capaian, parse_org_thresholds, suggest_org_predikat
from app.extensions import db
from app.models import AppraisalYear, OrgTarget, OrgUnit, Period, PublicService
from app.services.monitoring.monitoring import Progress, kabupaten_total, progress_by_opd
from app.services.monitoring.recap import OpdRecap, kabupaten_recap, predikat_recap
from app.services.satisfaction import results as skm
from app.services.settings import get_settings


@dataclass
class TargetRow:
    target: OrgTarget
    capaian: Decimal | None


@dataclass
class OpdRow:
    opd: OrgUnit
    targets: list[TargetRow] = field(default_factory=list)
    capaian: Decimal | None = None
    suggested: object = None  # OrgPredikat | None
    progress: Progress | None = None
    recap: OpdRecap | None = None
    services: list = field(default_factory=list)  # [(PublicService, skm.Results)]

    @property
    def measured(self) -> int:
        return sum(1 for t in self.targets if t.capaian is not None)


@dataclass
class Dashboard:
    year: AppraisalYear
    period: Period | None
    rows: list[OpdRow]
    progress_total: Progress | None
    recap_total: OpdRecap


def dashboard(opds: list[OrgUnit], year: AppraisalYear, period: Period | None, today: dt.date) -> Dashboard:
    """Seven queries (six without a period)."""
    rows = {opd.id: OpdRow(opd) for opd in opds}
    thresholds = parse_org_thresholds(get_settings().org_predikat_thresholds)
    for target in db.session.scalars(select(OrgTarget).where(OrgTarget.year_id == year.id,
                                                             OrgTarget.opd_id.in_(list(rows) or [-1]))
                                     .order_by(OrgTarget.opd_id, OrgTarget.position, OrgTarget.id)):
        rows[target.opd_id].targets.append(TargetRow(target, achievement(target.target_value, target.realization)))
    for row in rows.values():
        row.capaian = org_capaian((t.target.target_value, t.target.realization) for t in row.targets)
        row.suggested = suggest_org_predikat(row.capaian, thresholds)
    progress = progress_by_opd(opds, period) if period is not None else []
    for item in progress:
        rows[item.opd_id].progress = item
    recaps = predikat_recap(opds, year)
    for item in recaps:
        rows[item.opd_id].recap = item
    services = list(db.session.scalars(select(PublicService).where(
        PublicService.opd_id.in_(list(rows) or [-1]), PublicService.active.is_(True)).order_by(PublicService.name)))
    summary = skm.summary(services, lambda s: skm.period_of(s.period_kind, None, today))
    for service in services:
        rows[service.opd_id].services.append((service, summary[service.id]))
    return Dashboard(year, period, list(rows.values()), kabupaten_total(progress) if period is not None else None,
                     kabupaten_recap(recaps))
