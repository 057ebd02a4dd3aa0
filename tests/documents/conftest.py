"""A Dinas Kominfo line with documents to issue: the Kabid (Atasan Pejabat Penilai) → the Kasi
(Pejabat Penilai) → Rina, whose SKP and first period are approved and whose annual result is handed
over, and a colleague of hers; a pegawai with nothing approved; strangers of every kind (another
team's pegawai, an assessor of another line, the admin of another OPD); the documents and exports
folders in the test's own temporary directory, and batch exports run inline."""
from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from app.domain.enums import PositionKind
from app.extensions import db
from app.models import Assessment, Document, Plan
from tests.reviews.annual.conftest import Line
from tests.signing import PASSPHRASE, use_certificate  # noqa: F401  (PASSPHRASE re-exported)



@pytest.fixture(autouse=True)
def _folders(app, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "DOCUMENT_FOLDER", str(tmp_path / "documents"))
    monkeypatch.setitem(app.config, "EXPORT_FOLDER", str(tmp_path / "exports"))
    monkeypatch.setitem(app.config, "EXPORT_JOBS_INLINE", True)
    monkeypatch.setitem(app.config, "BASE_URL", "https://capaian.uji.go.id")
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)


class World(Line):
    """The line of tests/reviews/annual with the people the document tests need."""

    def __init__(self, factory):
        super().__init__(factory)
        self.superadmin = factory.superadmin()
        self.rina = self.member("Rina Staf")
        self.colleague = self.member("Citra Rekan")
        self.evaluation = self.handed(self.rina)
        self.plan = db.session.scalar(select(Plan).where(Plan.employee_id == self.rina.id))
        self.assessment = db.session.scalar(select(Assessment).where(Assessment.employee_id == self.rina.id))
        self.nothing = self.member("Dodi Belum", capaian=None, plan=False)
        # Another team in the same OPD: its Kasi assesses someone else, its pegawai sees only their own.
        self.other_kasi = factory.employee(self.opd, assessor=self.kabid, name="Kasi Lain",
                                           position="Kepala Seksi Lain", position_kind=PositionKind.PENGAWAS)
        self.other_staff = factory.employee(self.opd, assessor=self.other_kasi, name="Staf Tim Lain")
        self.outsider = factory.employee(factory.opd("Dinas Luar"), name="Pegawai Dinas Luar")
        db.session.flush()


@pytest.fixture
def world(factory) -> World:
    return World(factory)


@pytest.fixture
def certificate(app, tmp_path, monkeypatch):
    return use_certificate(app, monkeypatch, str(tmp_path / "signing.p12"))


def documents() -> list[Document]:
    db.session.expire_all()
    return list(db.session.scalars(select(Document).order_by(Document.id)))


def body(response) -> str:
    return response.get_data(as_text=True)


def text(response) -> str:
    """The page's visible text, tags removed and whitespace folded."""
    raw = re.sub(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", body(response), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
