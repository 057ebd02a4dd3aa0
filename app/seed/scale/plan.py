"""The plan of a kabupaten of any size for benchmarks (`flask seed-scale`): OPDs, units and
pegawai as plain data, drawn with a seeded generator. Pure Python, no database, no clock: the same
seed gives the same NIPs, names and sizes on every machine.

The shape follows a real kabupaten: Dinas Pendidikan holds about a third of all pegawai (schools
of up to 40 guru, grouped under a UPTD per kecamatan), Dinas Kesehatan its Puskesmas, then the
dinas and badan in falling sizes, and the kecamatan of ten to twenty pegawai. Every team (the
direct reports of one Pejabat Penilai) has 3 to 40 members; the reporting line runs Sekda → kepala
OPD → Kepala Bidang → Kepala Seksi / UPTD → (Kepala Sekolah →) staff. NIPs are valid (birth date,
TMT, gender digit) and golongan follow the jenis jabatan and the years of service.
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from app.domain.enums import EmploymentStatus, OrgUnitKind, PositionKind
from app.domain.grades import PNS_GRADES
from app.seed.demo import names
from app.seed.demo import plan as demo_plan
from app.seed.demo.plan import LEADER, PPPK_BY_START, STAFF_BAND, PELAKSANA_BAND, UnitPlan, _jenjang

LATEST_TMT_YEAR = 2024
MAX_TEAM = 40
# OPD name, kind of staff (a key of STAFF_MIX), Kepala title
BIG = (("Dinas Pendidikan dan Kebudayaan", "sekolah"), ("Dinas Kesehatan", "puskesmas"))
MIDDLE = (
    "Sekretariat Daerah", "Dinas Pekerjaan Umum dan Penataan Ruang", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "Dinas Sosial", "Dinas Perhubungan",
    "Dinas Pertanian dan Ketahanan Pangan", "Badan Keuangan dan Aset Daerah",
    "Dinas Kependudukan dan Pencatatan Sipil",
    "Badan Perencanaan Pembangunan Daerah", "Inspektorat Daerah", "Dinas Lingkungan Hidup",
    "Satuan Polisi Pamong Praja", "Dinas Komunikasi dan Informatika", "Dinas Perikanan",
    "Dinas Penanaman Modal dan PTSP", "Dinas Perumahan dan Kawasan Permukiman",
    "Dinas Koperasi, UKM dan Perdagangan", "Dinas Pemberdayaan Masyarakat dan Desa",
    "Dinas Pengendalian Penduduk dan KB", "Dinas Pariwisata, Pemuda dan Olahraga",
    "Badan Penanggulangan Bencana Daerah", "Badan Pendapatan Daerah", "Sekretariat DPRD",
    "Dinas Perpustakaan dan Kearsipan", "Badan Kesatuan Bangsa dan Politik", "Dinas Tenaga Kerja",
)
KECAMATAN = ("Sungai Rampah", "Tanjung Beringin", "Bandar Khalifah", "Pantai Cermin", "Perbaungan",
             "Teluk Mengkudu", "Sei Bamban", "Dolok Masihul", "Tebing Syahbandar", "Kotarih", "Silinda",
             "Bintang Bayu", "Serba Jadi", "Sipispis", "Pegajahan", "Sei Rampah", "Tanjung Harapan")
STAFF_MIX = {
    "sekolah": ("guru",) * 9 + ("adm",),
    "puskesmas": ("perawat_d3", "perawat", "bidan", "bidan", "dokter", "lab", "sanitarian", "nutrisionis", "adm"),
    "umum": names.MIX_UMUM,
}
BKPSDM = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


@dataclass
class PersonPlan(demo_plan.PersonPlan):
    """A pegawai of the demo's plan, with how deep below the Sekda they sit."""

    depth: int = 0


@dataclass
class ScalePlan:
    units: list[UnitPlan] = field(default_factory=list)
    people: list[PersonPlan] = field(default_factory=list)
    opd_sizes: dict[str, int] = field(default_factory=dict)

    def teams(self) -> dict[int, list[int]]:
        """Pejabat Penilai (index) -> their direct reports."""
        result: dict[int, list[int]] = {}
        for index, person in enumerate(self.people):
            if person.assessor is not None:
                result.setdefault(person.assessor, []).append(index)
        return result


def opd_sizes(total: int, rng: random.Random) -> list[tuple[str, str, int]]:
    """(name, staff kind, size) of every OPD: Pendidikan ≈ 1/3, kecamatan of 8–20, the rest in
    falling (Zipf-like) sizes. The sizes add up to the total (the Sekda counts for Setda)."""
    budget = total
    count = max(5, min(len(MIDDLE) + len(KECAMATAN) + 2, round(total / 230)))
    kecamatan = max(1, min(len(KECAMATAN), count // 3))
    middle = max(1, min(len(MIDDLE), count - 2 - kecamatan))
    result = [(BIG[0][0], BIG[0][1], round(total / 3))]
    small = [(f"Kecamatan {KECAMATAN[i]}", "umum", rng.randint(8, 20)) for i in range(kecamatan)]
    health = max(30, round(total * 0.12))
    result.append((BIG[1][0], BIG[1][1], health))
    rest = budget - result[0][2] - health - sum(s for _n, _k, s in small)
    # Setda, then the other dinas and badan by falling size
    weights = [1 / (i + 1) ** 0.8 for i in range(middle)]
    shares = [max(20, int(rest * w / sum(weights))) for w in weights]
    shares[0] += rest - sum(shares)  # rounding goes to Setda, which stays below Pendidikan
    if middle > 1 and shares[0] >= result[0][2]:
        shares[1], shares[0] = shares[1] + shares[0] - result[0][2] + 1, result[0][2] - 1
    result += [(MIDDLE[i], "umum", size) for i, size in enumerate(shares)]
    return result + small


class _Planner:
    """Draws units and people with one seeded generator."""

    def __init__(self, seed: int, year: int):
        self.rng = random.Random(seed)
        self.year = year
        self.plan = ScalePlan()
        self.nips: set[str] = set()
        self.sekda = self.camat_assessor = -1
        self.forced_full = False
        self.areas = 0

    def unit(self, name: str, kind: OrgUnitKind, parent: int | None, opd: int | None = None) -> int:
        self.plan.units.append(UnitPlan(name, kind, parent, opd if opd is not None else len(self.plan.units)))
        return len(self.plan.units) - 1

    # -- people ------------------------------------------------------------------------------
    def _nip(self, birth: dt.date, tmt: tuple[int, int], female: bool) -> str:
        serial = self.rng.randint(1, 9)
        while True:
            nip = f"{birth:%Y%m%d}{tmt[0]:04d}{tmt[1]:02d}{2 if female else 1}{serial:03d}"
            if nip not in self.nips:
                self.nips.add(nip)
                return nip
            serial += 1

    def _name(self, female: bool, degrees, masters=()) -> tuple[str, str]:
        rng = self.rng
        core = f"{rng.choice(names.FEMALE_FIRST if female else names.MALE_FIRST)} " \
               f"{rng.choice(names.FEMALE_LAST if female else names.MALE_LAST)}"
        front, back = rng.choice(degrees)
        front = "Dra." if front == "Drs." and female else front
        backs = [b for b in (back, rng.choice(masters) if masters and rng.random() < 0.4 else "") if b]
        return ", ".join([" ".join(p for p in (front, core) if p), *backs]), core

    def _email(self, core: str, nip: str) -> str | None:
        if self.rng.random() < 0.15:
            return None
        words = core.lower().split()
        return f"{words[0]}.{words[-1]}.{nip[-4:]}@{names.MAIL_DOMAIN}"

    def person(self, *, unit: int, position: str, kind: PositionKind, assessor: int | None, depth: int,
               family: str | None = None, field_: str = "umum", external: bool = False,
               born: tuple[int, int] = (1968, 1999)) -> int:
        rng = self.rng
        if family is None:  # a leader: grade band and age from the demo's table
            band, born, masters = LEADER[kind]
            female = rng.random() < 0.35
            birth = dt.date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
            tmt = (min(birth.year + rng.randint(23, 28), LATEST_TMT_YEAR), rng.randint(1, 12))
            rank = max(band[0], min(band[1], names.S1 + (self.year - tmt[0]) // 4))
            status, grade = EmploymentStatus.PNS, PNS_GRADES[rank - 1].code
            name, core = self._name(female, names.DEGREES[field_], names.MASTERS[field_] if rng.random() < masters else ())
        else:
            spec = names.FAMILIES[family]
            female = rng.random() < spec.female
            if rng.random() < spec.pppk * 0.4:
                birth = dt.date(rng.randint(1978, 1998), rng.randint(1, 12), rng.randint(1, 28))
                tmt = (rng.choice((2021, 2022, 2023, 2024)), rng.choice((1, 3, 4, 7, 10)))
                status, grade, rank = EmploymentStatus.PPPK, PPPK_BY_START[spec.start], spec.start
            else:
                birth = dt.date(rng.randint(*born), rng.randint(1, 12), rng.randint(1, 28))
                low_age = {names.SMA: 20, names.D3: 22, names.S1: 23, names.PROFESI: 25}[spec.start]
                tmt = (min(birth.year + rng.randint(low_age, low_age + 8), LATEST_TMT_YEAR), rng.randint(1, 12))
                low, high = STAFF_BAND.get(spec.ladder, PELAKSANA_BAND.get(spec.start, (9, 12)))
                rank = max(low, min(high, spec.start + (self.year - tmt[0]) // 4))
                status, grade = EmploymentStatus.PNS, PNS_GRADES[rank - 1].code
            jenjang = _jenjang(spec.ladder, rank)
            if position == "":
                position = (f"Guru {jenjang}" if spec.ladder == "guru" else
                            f"{spec.base} {jenjang}" if spec.ladder else spec.base)
            name, core = self._name(female, spec.degrees, spec.masters)
        nip = self._nip(birth, tmt, female)
        self.plan.people.append(PersonPlan(
            nip=nip, name=name, status=status, grade_code=grade, position=position, kind=kind, unit=unit,
            assessor=assessor, email=self._email(core, nip), depth=depth, external_assessor=external))
        return len(self.plan.people) - 1

    def staff(self, unit: int, boss: int, count: int, mix: tuple[str, ...], depth: int) -> None:
        for _ in range(count):
            family = self.rng.choice(mix)
            kind = PositionKind.FUNGSIONAL if names.FAMILIES[family].ladder else PositionKind.PELAKSANA
            self.person(unit=unit, position="", kind=kind, assessor=boss, depth=depth, family=family)

    # -- one OPD -------------------------------------------------------------------------------
    def opd(self, name: str, staff_kind: str, size: int, head: int | None) -> int:
        """An OPD of exactly `size` pegawai (its head included; Setda's head is the Sekda)."""
        opd = self.unit(name, OrgUnitKind.OPD, None)
        self.plan.opd_sizes[name] = size
        budget = size - 1
        if head is None:
            kecamatan = name.startswith("Kecamatan")
            head = self.person(unit=opd, position=f"Camat {name[10:]}" if kecamatan else f"Kepala {name}",
                               kind=PositionKind.ADMINISTRATOR if kecamatan else PositionKind.JPT,
                               assessor=self.camat_assessor if kecamatan else self.sekda,
                               depth=1, field_="pemerintahan")
            if kecamatan:  # one to three seksi; the rest of the staff work for the camat
                self._leaves(opd, head, 1, budget, min(3, max(1, (budget - 3) // 4)), "Seksi", STAFF_MIX["umum"])
                return opd
        else:
            self.plan.people[head].unit = opd
        depth = self.plan.people[head].depth
        mix = STAFF_MIX[staff_kind]
        parts = max(3, min(6, budget // 60))
        secretariat = min(budget // parts, 8 + budget // 50)
        rest = budget - secretariat
        shares = [secretariat] + [rest // (parts - 1) + (1 if i < rest % (parts - 1) else 0) for i in range(parts - 1)]
        setda = name == "Sekretariat Daerah"
        for i, share in enumerate(shares):
            label = (SETDA_PARTS[i] if setda else "Sekretariat" if i == 0 else
                     f"Bidang {FIELDS[(i - 1) % len(FIELDS)]}{'' if i <= len(FIELDS) else f' {i}'}")
            kind = OrgUnitKind.UNIT if setda else OrgUnitKind.SEKRETARIAT if i == 0 else OrgUnitKind.BIDANG
            unit = self.unit(label, kind, opd, opd)
            position = label if setda else "Sekretaris" if kind == OrgUnitKind.SEKRETARIAT else f"Kepala {label}"
            chief = self.person(unit=unit, position=position, assessor=head, depth=depth + 1,
                                kind=PositionKind.JPT if setda else PositionKind.ADMINISTRATOR)
            if setda and i == 0:
                self.camat_assessor = chief  # the Asisten Pemerintahan assesses the camat
            share -= 1
            if staff_kind != "umum" and kind == OrgUnitKind.BIDANG and share > 60:
                self._field_units(unit, opd, chief, share, staff_kind)
            else:
                prefix = "Bagian" if setda else "Seksi" if kind == OrgUnitKind.BIDANG else "Subbagian"
                self._leaves(unit, chief, depth + 1, share, min(MAX_TEAM - 3, share // 9), prefix,
                             mix if kind == OrgUnitKind.BIDANG else STAFF_MIX["umum"])
        return opd

    def _leaves(self, unit: int, boss: int, boss_depth: int, budget: int, count: int, prefix: str, mix) -> None:
        """`count` sub-units with a Pengawas each and the staff spread over them; what does not fit
        stays with the boss, whose own team also has at least three members."""
        count = max(3, count) if budget >= 12 else 0
        left = budget - count
        sizes = [max(3, min(14, left // max(count, 1) + self.rng.randint(-2, 2))) for _ in range(count)]
        while sum(sizes) > left:
            sizes[sizes.index(max(sizes))] -= 1
        while left - sum(sizes) > MAX_TEAM - count:
            sizes[sizes.index(min(sizes))] += 1
        while count + left - sum(sizes) < 3 and sizes and max(sizes) > 3:
            sizes[sizes.index(max(sizes))] -= 1
        base = self.plan.units[unit]
        for i, size in enumerate(sizes):
            sub = self.unit(f"{prefix} {i + 1} {base.name}", UNIT_KINDS[prefix], unit, base.opd)
            head = self.person(unit=sub, position=f"Kepala {prefix} {i + 1}", assessor=boss, depth=boss_depth + 1,
                               kind=PositionKind.ADMINISTRATOR if prefix == "Bagian" else PositionKind.PENGAWAS)
            self.staff(sub, head, size, mix, boss_depth + 2)
        self.staff(unit, boss, left - sum(sizes), mix, boss_depth + 1)

    def _field_units(self, bidang: int, opd: int, chief: int, budget: int, staff_kind: str) -> None:
        """Schools (or Puskesmas) of 10–40 staff each under a UPTD per kecamatan: the deep tree."""
        areas = max(3, min(MAX_TEAM, round(budget / 150)))
        for share in self._split(budget, areas, 4 + 3 * 11, 10_000):
            i, self.areas = self.areas, self.areas + 1
            place = KECAMATAN[i % len(KECAMATAN)] + (f" {i // len(KECAMATAN) + 1}" if i >= len(KECAMATAN) else "")
            area = self.unit(f"UPTD Wilayah {place}", OrgUnitKind.UPTD, bidang, opd)
            area_head = self.person(unit=area, position=f"Kepala UPTD Wilayah {place}", kind=PositionKind.PENGAWAS,
                                    assessor=chief, depth=3)
            units = max(3, min(MAX_TEAM, round((share - 1) / 26)))
            sizes = self._split(share - 1, units, 11, MAX_TEAM + 1)
            if not self.forced_full and units > 1 and share - 1 - 41 >= 11 * (units - 1):
                sizes = [MAX_TEAM + 1, *self._split(share - 42, units - 1, 11, MAX_TEAM + 1)]  # one team of 40
                self.forced_full = True
            for k, size in enumerate(sizes):
                label = (f"SD Negeri {i * 10 + k + 1} {place}" if staff_kind == "sekolah"
                         else f"UPTD Puskesmas {place} {k + 1}")
                sub = self.unit(label, OrgUnitKind.UPTD, area, opd)
                if staff_kind == "sekolah":
                    head = self.person(unit=sub, position="Guru Ahli Muda (Kepala Sekolah)", born=(1970, 1982),
                                       kind=PositionKind.FUNGSIONAL, assessor=area_head, depth=4, family="guru")
                else:
                    head = self.person(unit=sub, position=f"Kepala {label}", kind=PositionKind.PENGAWAS,
                                       assessor=area_head, depth=4, field_="kesehatan")
                self.staff(sub, head, size - 1, STAFF_MIX[staff_kind], 5)

    def _split(self, total: int, parts: int, low: int, high: int) -> list[int]:
        """`total` in `parts` random sizes within [low, high] (as far as the total allows)."""
        weights = [self.rng.uniform(0.45, 1.55) for _ in range(parts)]
        sizes = [min(high, max(low, int(total * w / sum(weights)))) for w in weights]
        step = 0
        while sum(sizes) != total and step < 100_000:
            k = self.rng.randrange(parts)
            if sum(sizes) < total and sizes[k] < high:
                sizes[k] += 1
            elif sum(sizes) > total and sizes[k] > min(low, total // parts):
                sizes[k] -= 1
            step += 1
        return sizes


FIELDS = ("Pembinaan", "Pelayanan", "Pengembangan", "Pengendalian", "Penataan", "Pemberdayaan")
SETDA_PARTS = ("Asisten Pemerintahan dan Kesejahteraan Rakyat", "Asisten Perekonomian dan Pembangunan",
               "Asisten Administrasi Umum", "Staf Ahli Bupati Bidang Hukum dan Politik",
               "Staf Ahli Bupati Bidang Ekonomi", "Staf Ahli Bupati Bidang Kemasyarakatan")
UNIT_KINDS = {"Bagian": OrgUnitKind.BAGIAN, "Seksi": OrgUnitKind.SEKSI, "Subbagian": OrgUnitKind.SUBBAGIAN}


def build_scale_plan(employees: int, year: int, seed: int) -> ScalePlan:
    """A kabupaten of exactly `employees` pegawai (at least 150)."""
    if employees < 150:
        raise ValueError("Data skala membutuhkan sedikitnya 150 pegawai.")
    p = _Planner(seed, year)
    p.sekda = p.person(unit=-1, position="Sekretaris Daerah", kind=PositionKind.JPT, assessor=None, depth=0,
                       field_="pemerintahan", external=True)
    for name, kind, size in opd_sizes(employees, p.rng):
        p.opd(name, kind, size, p.sekda if name == "Sekretariat Daerah" else None)
    return p.plan
