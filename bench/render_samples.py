"""Sample PDFs of every official document, from the demo kabupaten in a throw-away database: both
SKP approaches and layouts (JF/JA, JPT, kualitatif), an SKP approved by a Plt., one assessed by the
Bupati, one of 40 RHK with long texts, period and annual evaluations, Dokumen Evaluasi with and
without keberatan, the rekap of an OPD on and off its curve, F4 paper and a watermarked preview.

    .venv/bin/python bench/render_samples.py                 # PDFs in /tmp/capaian-dokumen
    .venv/bin/python bench/render_samples.py --out docs --png   # and PNG pages (pdftoppm -r 60)
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from sqlalchemy import select  # noqa: E402

CODE = "CPN-7K3M-Q9TX"
VERIFY = "https://kinerja.tanjungharapankab.example/verifikasi/CPN-7K3M-Q9TX"
ISSUED = "23 November 2026 10.15 WIB"
LONG = ("Terlaksananya koordinasi, sinkronisasi, pemantauan dan evaluasi pelaksanaan program prioritas daerah "
        "di seluruh perangkat daerah, kecamatan, kelurahan dan desa, termasuk penyusunan laporan berkala yang "
        "memuat analisis capaian, kendala, rekomendasi tindak lanjut, dan dokumentasi kegiatan secara lengkap "
        "serta terarsip digital ")
WORD = "https://arsip.tanjungharapankab.example/dokumen/" + "x" * 90


def _app(folder: str):
    from app import create_app

    app = create_app({"SECRET_KEY": "render-samples-" + "x" * 32, "TESTING": False,
                      "SQLALCHEMY_DATABASE_URI": "sqlite:///" + os.path.join(folder, "samples.sqlite3"),
                      "UPLOAD_FOLDER": os.path.join(folder, "uploads")})
    app.instance_path = folder
    return app


def _long_plan(employee, parent_plan):
    """An approved SKP 2027 of `employee` with 40 RHK, long texts and unbroken words."""
    from app.domain.periods import PeriodScheme
    from app.domain.skp import Aspect, PlanStatus, ResultKind
    from app.extensions import db
    from app.models import Indicator, Plan, WorkResult
    from app.services.skp.plans import snapshot_of
    from app.services.years import get_year, open_year

    year = get_year(2027) or open_year(None, 2027, PeriodScheme.TRIWULANAN)
    at = dt.datetime(2027, 1, 20, 3, 15, tzinfo=dt.timezone.utc)
    plan = Plan(employee=employee, year=year, version=1, status=PlanStatus.APPROVED, snapshot=snapshot_of(employee),
                resources="\n".join(f"Dukungan {n}: {LONG[:120]}" for n in range(1, 4)),
                accountability=LONG, consequences=WORD, submitted_at=at - dt.timedelta(days=1), approved_at=at,
                approved_by=parent_plan.approved_by, approved_as=parent_plan.approved_as)
    parents = parent_plan.results
    for n in range(40):
        kind = ResultKind.UTAMA if n < 34 else ResultKind.TAMBAHAN
        result = WorkResult(kind=kind, position=n, text=f"RHK {n + 1:02d} {LONG if n % 3 == 0 else 'Tersusunnya laporan'}"
                            + (f" {WORD}" if n % 7 == 0 else ""), parent=parents[n % len(parents)] if kind == ResultKind.UTAMA else None)
        for k in range(1 + n % 3):
            result.indicators.append(Indicator(
                aspect=list(Aspect)[k], position=k, target_value=Decimal(12 + k), unit="Dokumen",
                text=f"IKI {n + 1:02d}.{k + 1} " + (LONG if (n + k) % 4 == 0 else "Jumlah dokumen yang diselesaikan")))
        plan.results.append(result)
    db.session.add(plan)
    db.session.flush()
    return plan


def _plt_plan():
    """An approved SKP of a pegawai of the vacant Bidang Bina Marga, signed by its Plt."""
    from app.domain.skp import PlanStatus
    from app.extensions import db
    from app.models import ActingAssignment, Employee, Plan

    acting = db.session.scalar(select(ActingAssignment))
    plan = db.session.scalar(select(Plan).join(Employee, Plan.employee_id == Employee.id).where(
        Employee.unit_id == acting.unit_id, Employee.assessor_id == acting.acting_employee_id,
        Plan.status == PlanStatus.APPROVED).limit(1))
    if plan is not None and not (plan.approved_as or "").startswith(("Plt.", "Plh.")):
        plan.approved_as = acting.title  # as plans.approve records it for the Plt.
    return plan


def build(out: str, png: bool) -> list[str]:
    from flask_migrate import upgrade

    from app.domain.enums import AssessmentStatus, EvaluationStatus, ObjectionStatus, PaperSize, PositionKind
    from app.domain.skp import Approach, PlanStatus
    from app.extensions import db
    from app.models import AnnualEvaluation, Assessment, Employee, Objection, OrgUnit, Plan
    from app.seed.demo.story import seed_demo
    from app.services.documents.data import (
        snapshot_annual, snapshot_dokumen_evaluasi, snapshot_evaluation, snapshot_recap, snapshot_skp,
    )
    from app.services.documents.render import render_document_pdf, render_html
    from app.services.documents.pdf import render_pdf
    from app.services.settings import get_settings

    os.makedirs(out, exist_ok=True)
    folder = tempfile.mkdtemp(prefix="capaian-samples-")
    written = []
    try:
        app = _app(folder)
        with app.app_context():
            upgrade()
            seed_demo()
            db.session.commit()

            def one(conditions):
                query = select(Plan).join(Employee, Plan.employee_id == Employee.id).where(
                    Plan.status == PlanStatus.APPROVED, *conditions)
                return db.session.scalar(query.order_by(Plan.id).limit(1))

            mega = db.session.scalar(select(Employee).where(Employee.nip == "198604232006032002"))
            mega_plan = one([Plan.employee_id == mega.id])
            samples = {
                "skp-kuantitatif-jf": snapshot_skp(mega_plan),
                "skp-kualitatif": snapshot_skp(one([Plan.approach == Approach.KUALITATIF])),
                "skp-jpt": snapshot_skp(one([Plan.is_jpt.is_(True), Employee.assessor_id.is_not(None)])),
                "skp-bupati": snapshot_skp(one([Employee.assessor_id.is_(None), Employee.external_assessor_name.is_not(None)])),
            }
            plt = _plt_plan()
            if plt is not None:
                samples["skp-plt"] = snapshot_skp(plt)
            samples["skp-40-rhk"] = snapshot_skp(_long_plan(mega, mega_plan))

            def assessment(*where):
                return db.session.scalar(select(Assessment).join(Plan, Assessment.plan_id == Plan.id)
                                         .join(Employee, Assessment.employee_id == Employee.id)
                                         .where(Assessment.status == AssessmentStatus.APPROVED, *where)
                                         .order_by(Assessment.id).limit(1))

            samples["evaluasi-triwulan-jf"] = snapshot_evaluation(assessment(Assessment.employee_id == mega.id))
            samples["evaluasi-triwulan-kualitatif"] = snapshot_evaluation(assessment(Plan.approach == Approach.KUALITATIF))
            samples["evaluasi-triwulan-jpt"] = snapshot_evaluation(assessment(Employee.position_kind == PositionKind.JPT))

            handed = select(AnnualEvaluation).where(AnnualEvaluation.status == EvaluationStatus.HANDED_OVER)
            plain = db.session.scalar(handed.where(~AnnualEvaluation.objection.has()).order_by(AnnualEvaluation.id).limit(1))
            decided = db.session.scalar(handed.join(Objection).where(Objection.status == ObjectionStatus.DECIDED).limit(1))
            samples["evaluasi-akhir"] = snapshot_annual(plain)
            samples["evaluasi-akhir-keberatan"] = snapshot_annual(decided)
            samples["dokumen-evaluasi"] = snapshot_dokumen_evaluasi(plain)
            samples["dokumen-evaluasi-keberatan"] = snapshot_dokumen_evaluasi(decided)
            # no Dokumen Evaluasi while a keberatan is undecided (it is refused until the decision)
            for name, label in (("rekap-dinkes", "Dinas Kesehatan"), ("rekap-diskominfo", "Dinas Komunikasi dan Informatika")):
                opd = db.session.scalar(select(OrgUnit).where(OrgUnit.name == label))
                samples[name] = snapshot_recap(opd, 2026)

            get_settings().paper_size = PaperSize.F4
            db.session.flush()
            samples["skp-kuantitatif-jf-f4"] = snapshot_skp(mega_plan)
            samples["evaluasi-triwulan-jf-f4"] = snapshot_evaluation(assessment(Assessment.employee_id == mega.id))

            for name, snapshot in samples.items():
                started = time.perf_counter()
                data = render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)
                path = os.path.join(out, f"{name}.pdf")
                with open(path, "wb") as handle:
                    handle.write(data)
                written.append(path)
                print(f"{name:36} {len(data) // 1024:5} KB  {time.perf_counter() - started:5.2f} s")
            preview = render_pdf(render_html(samples["skp-kuantitatif-jf"], preview=True))
            path = os.path.join(out, "pratinjau-skp.pdf")
            with open(path, "wb") as handle:
                handle.write(preview)
            written.append(path)
            db.session.rollback()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if png and shutil.which("pdftoppm"):
        for path in written:
            subprocess.run(["pdftoppm", "-r", "60", "-png", path, path[:-4]], check=True)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "capaian-dokumen"))
    parser.add_argument("--png", action="store_true", help="also write PNG pages with pdftoppm (60 dpi)")
    args = parser.parse_args()
    written = build(args.out, args.png)
    print(f"{len(written)} PDF di {args.out}")


if __name__ == "__main__":
    main()
