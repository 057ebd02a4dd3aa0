"""A puskesmas with two layanan and its pengelola kinerja."""
from __future__ import annotations

import pytest

from app.domain.enums import OrgUnitKind
from app.extensions import db
from app.services.satisfaction import layanan


@pytest.fixture
def clinic(factory):
    opd = factory.opd("Dinas Kesehatan")
    puskesmas = factory.unit(opd, "Puskesmas Sungai Binjai", kind=OrgUnitKind.BIDANG)
    admin = factory.admin([opd])
    poli = layanan.create(admin, layanan.ServiceData(unit_id=puskesmas.id, name="Poli Umum", description=None,
                                                     period_kind="SEMESTER"))
    lab = layanan.create(admin, layanan.ServiceData(unit_id=puskesmas.id, name="Laboratorium", description=None,
                                                    period_kind="TRIWULAN"))
    db.session.commit()
    return {"opd": opd, "puskesmas": puskesmas, "admin": admin, "poli": poli, "lab": lab}
