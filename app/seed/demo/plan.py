"""The plan of the demo kabupaten: units and pegawai as plain data, drawn with a seeded random
generator from the tables in demo/names.py. Pure Python, no database; app/seed/demo/story.py turns
the plan into rows.

The plan never looks at the clock, so the same NIPs come out on every machine and every run.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind
from app.domain.grades import PNS_GRADES
from app.seed.demo import names as data

SEED = 20261123
REFERENCE_YEAR = 2026  # years of service are counted to this year, not to today
LATEST_TMT_YEAR = 2024
STAFF_BAND = {"ahli": (9, 12), "guru": (9, 12), "terampil": (7, 12)}  # ranks: 7 II/c, 9 III/a, 12 III/d
PELAKSANA_BAND = {data.SMA: (5, 8), data.D3: (7, 10), data.S1: (9, 12)}
LEADER = {  # grade band (ranks in PNS_GRADES), birth years, chance of a master's degree
    PositionKind.JPT: ((15, 16), (1967, 1975), 0.95),
    PositionKind.ADMINISTRATOR: ((13, 14), (1969, 1982), 0.7),
    PositionKind.PENGAWAS: ((11, 12), (1971, 1990), 0.3),
}
PPPK_BY_START = {data.SMA: "V", data.D3: "VII", data.S1: "IX", data.PROFESI: "X"}
_VACANT = -1  # assessor of the staff of a vacant post, until its Plt. is known


@dataclass
class PersonPlan:
    nip: str
    name: str
    status: EmploymentStatus
    grade_code: str
    position: str
    kind: PositionKind
    unit: int
    assessor: int | None
    email: str | None
    external_assessor: bool = False


@dataclass
class UnitPlan:
    name: str
    kind: OrgUnitKind
    parent: int | None  # None: directly below the pemda
    opd: int


@dataclass
class DemoPlan:
    units: list[UnitPlan] = field(default_factory=list)
    people: list[PersonPlan] = field(default_factory=list)
    heads: dict[tuple[str, str], int] = field(default_factory=dict)  # (OPD, unit) -> person
    staff: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    plt: tuple[int, int, str] | None = None  # acting person, unit, position

    def login_nips(self) -> list[tuple[str, str]]:
        """(label, NIP) of the demo logins."""
        result = []
        for label, opd, unit, whom in data.DEMO_LOGINS:
            index = self.heads[(opd, unit)] if whom == "head" else self.staff[(opd, unit)][whom]
            result.append((label, self.people[index].nip))
        return result


class _Planner:
    """Draws units and people from the data tables with one seeded generator."""

    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.plan = DemoPlan()
        self.nips: set[str] = set()
        self.cores: set[str] = set()
        self.emails: set[str] = set()

    # -- units -----------------------------------------------------------------------------
    def unit(self, name: str, kind: OrgUnitKind, parent: int | None, opd: int | None = None) -> int:
        self.plan.units.append(UnitPlan(name, kind, parent, opd if opd is not None else len(self.plan.units)))
        return len(self.plan.units) - 1

    def opd_name(self, unit: int) -> str:
        return self.plan.units[self.plan.units[unit].opd].name

    # -- people ----------------------------------------------------------------------------
    def _core_name(self, female: bool, born: int) -> str:
        rng = self.rng
        while True:
            if born < 1976 and rng.random() < 0.15:
                core = rng.choice(data.FEMALE_SINGLE if female else data.MALE_SINGLE)
                core += " " + rng.choice(data.FEMALE_LAST if female else data.MALE_LAST)
            else:
                first = data.FEMALE_FIRST if female else data.MALE_FIRST
                names = [rng.choice(first)]
                if rng.random() < 0.25:
                    names.append(rng.choice([n for n in first if n != names[0]]))
                names.append(rng.choice(data.FEMALE_LAST if female else data.MALE_LAST))
                core = " ".join(names)
            if core not in self.cores:
                self.cores.add(core)
                return core

    def _full_name(self, core: str, female: bool, front: str, back: str, masters: str | None,
                   hajj: bool) -> str:
        front = "Dra." if front == "Drs." and female else front
        head = " ".join(p for p in (("Hj." if female else "H.") if hajj else "", front, core) if p)
        backs = [b for b in (back, masters) if b]
        return ", ".join([head, *backs])

    def _email(self, core: str, born: int) -> str | None:
        if self.rng.random() < 0.12:
            return None
        words = [w.lower() for w in core.split()]
        local = f"{words[0]}.{words[-1]}"
        if local in self.emails:
            local = f"{local}{born % 100:02d}"
        while local in self.emails:
            local += str(self.rng.randint(0, 9))
        self.emails.add(local)
        return f"{local}@{data.MAIL_DOMAIN}"

    def _nip(self, birth: dt.date, tmt: tuple[int, int], female: bool) -> str:
        serial = self.rng.randint(1, 9)
        while True:
            nip = f"{birth:%Y%m%d}{tmt[0]:04d}{tmt[1]:02d}{2 if female else 1}{serial:03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip
            serial += 1

    def _birth(self, years: tuple[int, int]) -> dt.date:
        rng = self.rng
        return dt.date(rng.randint(*years), rng.randint(1, 12), rng.randint(1, 28))

    def _pns_tmt(self, birth: dt.date, start: int) -> tuple[int, int]:
        low = {data.SMA: 20, data.D3: 22, data.S1: 23, data.PROFESI: 25}[start]
        year = min(birth.year + self.rng.randint(low, low + 8), LATEST_TMT_YEAR)
        return year, self.rng.randint(1, 12)

    def add(self, *, unit: int, position: str, kind: PositionKind, status: EmploymentStatus,
            grade: str, birth: dt.date, tmt: tuple[int, int], female: bool, name: str,
            core: str, assessor: int | None, external: bool = False) -> int:
        person = PersonPlan(
            nip=self._nip(birth, tmt, female), name=name, status=status, grade_code=grade,
            position=position, kind=kind, unit=unit, assessor=assessor,
            email=self._email(core, birth.year), external_assessor=external,
        )
        self.plan.people.append(person)
        return len(self.plan.people) - 1

    def leader(self, unit: int, position: str, kind: PositionKind, field_: str,
               assessor: int | None, *, band: tuple[int, int] | None = None,
               born: tuple[int, int] | None = None, external: bool = False) -> int:
        rng = self.rng
        default_band, default_born, masters_chance = LEADER[kind]
        birth = self._birth(born or default_born)
        female = rng.random() < 0.35
        tmt = self._pns_tmt(birth, data.S1)
        low, high = band or default_band
        rank = max(low, min(high, data.S1 + (REFERENCE_YEAR - tmt[0]) // 4))
        front, back = rng.choice(data.DEGREES[field_])
        masters = rng.choice(data.MASTERS[field_]) if rng.random() < masters_chance else None
        core = self._core_name(female, birth.year)
        name = self._full_name(core, female, front, back, masters, hajj=rng.random() < 0.15)
        index = self.add(unit=unit, position=position, kind=kind, status=EmploymentStatus.PNS,
                         grade=PNS_GRADES[rank - 1].code, birth=birth, tmt=tmt, female=female,
                         name=name, core=core, assessor=assessor, external=external)
        self.plan.heads[(self.opd_name(unit), self.plan.units[unit].name)] = index
        return index

    def member(self, unit: int, family_key: str, assessor: int, *, pns_only: bool = False,
               position: str | None = None, born: tuple[int, int] | None = None) -> int:
        rng = self.rng
        family = data.FAMILIES[family_key]
        female = rng.random() < family.female
        pppk = not pns_only and rng.random() < family.pppk
        if pppk:
            birth = self._birth((1978, 1998))
            tmt = (rng.choice((2021, 2022, 2023, 2024)), rng.choice((1, 3, 4, 7, 10)))
            status, grade = EmploymentStatus.PPPK, PPPK_BY_START[family.start]
            rank = family.start
        else:
            birth = self._birth(born or ((1972, 1999) if family.ladder else (1970, 1999)))
            tmt = self._pns_tmt(birth, family.start)
            low, high = STAFF_BAND.get(family.ladder, PELAKSANA_BAND.get(family.start, (9, 12)))
            rank = max(low, min(high, family.start + (REFERENCE_YEAR - tmt[0]) // 4))
            status, grade = EmploymentStatus.PNS, PNS_GRADES[rank - 1].code
        jenjang = _jenjang(family.ladder, rank)
        front, back = rng.choice(family.degrees)
        masters = None
        if jenjang.endswith("Muda") and family.masters and rng.random() < 0.3:
            masters = rng.choice(family.masters)
        core = self._core_name(female, birth.year)
        kind = PositionKind.FUNGSIONAL if family.ladder else PositionKind.PELAKSANA
        title = f"{family.base} {jenjang}" if family.ladder != "guru" else f"Guru {jenjang}"
        index = self.add(
            unit=unit, position=position or (title if family.ladder else family.base), kind=kind,
            status=status, grade=grade, birth=birth, tmt=tmt, female=female,
            name=self._full_name(core, female, front, back, masters, hajj=False), core=core,
            assessor=assessor,
        )
        self.plan.staff.setdefault((self.opd_name(unit), self.plan.units[unit].name), []).append(index)
        return index

    def team(self, unit: int, mix: tuple[str, ...], size: tuple[int, int], fixed: tuple[str, ...],
             assessor: int) -> None:
        families = fixed or [self.rng.choice(mix) for _ in range(self.rng.randint(*size))]
        for family in families:
            self.member(unit, family, assessor, pns_only=bool(fixed))


def _jenjang(ladder: str | None, rank: int) -> str:
    if ladder in ("ahli", "guru"):
        return "Ahli Pertama" if rank <= 10 else "Ahli Muda"
    if ladder == "terampil":
        return "Terampil" if rank <= 8 else ("Mahir" if rank <= 10 else "Penyelia")
    return ""


def _unit_kind(name: str) -> OrgUnitKind:
    for prefix, kind in (("Bidang", OrgUnitKind.BIDANG), ("Bagian", OrgUnitKind.BAGIAN),
                         ("Seksi", OrgUnitKind.SEKSI), ("Subbagian", OrgUnitKind.SUBBAGIAN),
                         ("UPTD", OrgUnitKind.UPTD)):
        if name.startswith(prefix):
            return kind
    return OrgUnitKind.UNIT


def _division(p: _Planner, div: data.Division, parent: int, opd: int, assessor: int) -> int:
    """A Bidang/Bagian/Irban (Administrator) or a kecamatan Seksi (Pengawas), with its subunits."""
    kind = _unit_kind(div.name)
    unit = p.unit(div.name, kind, parent, opd)
    position = div.name if kind == OrgUnitKind.UNIT else f"Kepala {div.name}"
    head_kind = PositionKind.PENGAWAS if kind == OrgUnitKind.SEKSI else PositionKind.ADMINISTRATOR
    head = _VACANT if div.plt_from else p.leader(unit, position, head_kind, div.field, assessor)
    for sub in div.subs:
        sub_unit = p.unit(sub.name, _unit_kind(sub.name), unit, opd)
        sub_head = p.leader(sub_unit, f"Kepala {sub.name}", PositionKind.PENGAWAS, sub.field, head)
        p.team(sub_unit, sub.mix, sub.staff, sub.fixed, sub_head)
    if div.mix or div.fixed:
        p.team(unit, div.mix, div.staff, div.fixed, head)
    return unit


def _uptd(p: _Planner, name: str, parent: int, opd: int, head_of_opd: int, school_boss: dict) -> None:
    unit = p.unit(name, OrgUnitKind.UPTD, parent, opd)
    if "Puskesmas" in name:
        head = p.leader(unit, f"Kepala {name}", PositionKind.PENGAWAS, "kesehatan", head_of_opd)
        p.team(unit, data.PUSKESMAS_MIX, (9, 12), (), head)
        return
    # A school: the kepala sekolah is a guru with an additional task, assessed by the Kabid.
    boss = school_boss["SMP" if "SMP" in name else "SD"]
    head = p.member(unit, "guru", boss, pns_only=True, position="Guru Ahli Muda (Kepala Sekolah)",
                    born=(1972, 1982))
    p.plan.heads[(p.opd_name(unit), name)] = head
    p.plan.staff[(p.opd_name(unit), name)].remove(head)
    p.team(unit, data.SCHOOL_MIX, (7, 10), (), head)


def build_plan() -> DemoPlan:
    """The whole demo kabupaten as plain data (pure and deterministic)."""
    p = _Planner()
    setda = p.unit(data.SETDA, OrgUnitKind.OPD, None)
    sekda = p.leader(setda, "Sekretaris Daerah", PositionKind.JPT, "pemerintahan", None,
                     band=(16, 16), born=(1968, 1970), external=True)
    for title, divisions in data.ASISTEN:
        asisten = p.leader(setda, title, PositionKind.JPT, "umum", sekda)
        for div in divisions:
            _division(p, div, setda, setda, asisten)
    for spec in data.OPDS:
        opd = p.unit(spec.name, OrgUnitKind.OPD, None)
        head = p.leader(opd, spec.head, PositionKind[spec.head_kind], spec.field, sekda)
        secretariat = p.unit("Sekretariat", OrgUnitKind.SEKRETARIAT, opd, opd)
        secretary = p.leader(secretariat, spec.secretary, PositionKind.ADMINISTRATOR, "umum", head)
        for sub in spec.secretariat:
            sub_unit = p.unit(sub.name, OrgUnitKind.SUBBAGIAN, secretariat, opd)
            sub_head = p.leader(sub_unit, f"Kepala {sub.name}", PositionKind.PENGAWAS, sub.field, secretary)
            p.team(sub_unit, sub.mix, sub.staff, sub.fixed, sub_head)
        units = {div.name: _division(p, div, opd, opd, head) for div in spec.divisions}
        for div in spec.divisions:
            if div.plt_from:
                acting = p.plan.heads[(spec.name, div.plt_from)]
                for person in p.plan.people:
                    if person.assessor == _VACANT:
                        person.assessor = acting
                p.plan.plt = (acting, units[div.name], f"Kepala {div.name}")
        bosses = {level: p.plan.heads.get((spec.name, f"Bidang Pembinaan Sekolah {word}"))
                  for level, word in (("SD", "Dasar"), ("SMP", "Menengah Pertama"))}
        for name in spec.uptd:
            _uptd(p, name, opd, opd, head, bosses)
    return p.plan
