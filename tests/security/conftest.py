"""A kabupaten with every admin rank, for the rules between roles: BKPSDM (where the super admin
works, as in a real kabupaten), Dinas Kesehatan and Dinas Pendidikan."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.domain.enums import Role
from app.extensions import db
from app.models import Employee, OrgUnit, User


@dataclass
class Ranks:
    bkpsdm: OrgUnit
    dinkes: OrgUnit
    dindik: OrgUnit
    superadmin: User      # a pegawai of BKPSDM
    other_superadmin: User
    admin_bkpsdm: User    # pengelola kinerja of BKPSDM only
    admin_wide: User      # pengelola kinerja of BKPSDM and Dinas Kesehatan, works in BKPSDM
    admin_dinkes: User    # pengelola kinerja of Dinas Kesehatan only, works there
    pegawai_bkpsdm: Employee
    pegawai_dinkes: Employee
    kadis_dindik: Employee  # a pejabat of another OPD
    kepala_bkpsdm: Employee  # everyone's Pejabat Penilai in BKPSDM

    def account(self, name: str) -> User:
        return db.session.get(User, getattr(self, name).id)


@pytest.fixture
def ranks(factory) -> Ranks:
    bkpsdm = factory.opd("BKPSDM")
    dinkes = factory.opd("Dinas Kesehatan")
    dindik = factory.opd("Dinas Pendidikan")
    superadmin = factory.superadmin(unit=bkpsdm, name="Rahmat Hidayat, S.STP.")
    other_superadmin = factory.superadmin(unit=bkpsdm, name="Lina Marlina, S.H.")
    admin_bkpsdm = factory.admin([bkpsdm], name="Taufik Hasan")
    admin_wide = factory.admin([bkpsdm, dinkes], name="Wulan Sari")
    admin_dinkes = factory.admin([dinkes], name="Yusuf Rahman")
    pegawai_bkpsdm = factory.employee(bkpsdm, name="Budi Santoso")
    pegawai_dinkes = factory.employee(dinkes, name="Citra Lestari")
    kadis_dindik = factory.employee(dindik, name="Drs. H. Darmawan", position="Kepala Dinas Pendidikan")
    kepala = factory.employee(bkpsdm, name="Ir. Samsul Bahri", position="Kepala BKPSDM")
    for user in (superadmin, other_superadmin, admin_bkpsdm, admin_wide):
        user.employee.assessor = kepala
    pegawai_bkpsdm.assessor = kepala
    db.session.flush()
    assert superadmin.role == Role.SUPERADMIN
    return Ranks(bkpsdm, dinkes, dindik, superadmin, other_superadmin, admin_bkpsdm, admin_wide, admin_dinkes,
                 pegawai_bkpsdm, pegawai_dinkes, kadis_dindik, kepala)
