"""The monthly TPP (tambahan penghasilan pegawai, RULES.md §11), plain Python. Each kabupaten's
Perkada sets the numbers; these are settings, with common values as defaults:

- the amount = basis × (productivity weight × productivity % + discipline weight × discipline %);
- productivity % = the month's counted activity minutes ÷ its standard minutes, capped at 100 %
  (a month without working days counts 100 %);
- discipline % = 100 % − the deductions: a percentage per day absent without reason, and per day
  late or leaving early by the band of minutes it falls in; never below 0 %;
- or productivity % from the predikat of the pegawai's latest assessed period (a table per predikat);
- days away (cuti, sakit, izin, tugas belajar) cut the whole amount as the Perkada says per kind: a
  percentage per day, or the day's share of the month ("hari": the day is not paid); 0 by default.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Band:
    """Minutes from `low` to `high` (both included; None: no upper end) deduct `percent`."""

    low: int
    high: int | None
    percent: Decimal

    def holds(self, minutes: int) -> bool:
        return minutes >= self.low and (self.high is None or minutes <= self.high)


# Common Perkada values (examples): late arrival and early leave in the same bands.
DEFAULT_BANDS = (Band(1, 30, Decimal("0.5")), Band(31, 60, Decimal("1")), Band(61, 90, Decimal("1.25")),
                 Band(91, None, Decimal("1.5")))


# Days away by kind (the labels of AbsenceKind, lower case) → percent per day, or None: the day's
# share of the month's working days. Dinas luar is work and never cut.
AWAY_KINDS = {"cuti": "CUTI", "sakit": "SAKIT", "izin": "IZIN", "tugas belajar": "TUGAS_BELAJAR"}
DEFAULT_AWAY = "Cuti:0; Sakit:0; Izin:0; Tugas belajar:0"
PREDIKAT_KEYS = {"sangat baik": "SANGAT_BAIK", "baik": "BAIK", "butuh perbaikan": "BUTUH_PERBAIKAN",
                 "kurang": "KURANG", "sangat kurang": "SANGAT_KURANG"}
DEFAULT_PREDIKAT = "Sangat Baik:100; Baik:100; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40"


@dataclass(frozen=True)
class Scheme:
    productivity_weight: Decimal = Decimal(60)
    discipline_weight: Decimal = Decimal(40)
    absent_percent: Decimal = Decimal(3)  # per day absent without reason (tanpa keterangan)
    late_bands: tuple[Band, ...] = DEFAULT_BANDS
    early_bands: tuple[Band, ...] = DEFAULT_BANDS
    away: tuple[tuple[str, Decimal | None], ...] = ()  # (AbsenceKind value, percent per day | None)

    def __post_init__(self):
        if self.productivity_weight < 0 or self.discipline_weight < 0 or \
                self.productivity_weight + self.discipline_weight != HUNDRED:
            raise ValueError("bobot harus positif dan berjumlah 100")
        for bands in (self.late_bands, self.early_bands):
            check_bands(bands)


def check_bands(bands: Sequence[Band]) -> None:
    """Bands start at 1 minute, follow each other without gap or overlap, only the last is open
    (ValueError with the reason in Indonesian: it is shown at the settings' field)."""
    expected = 1
    for index, band in enumerate(bands):
        if band.low != expected:
            raise ValueError(f"rentang ke-{index + 1} harus mulai dari {expected} menit")
        if band.percent < 0 or band.percent > HUNDRED:
            raise ValueError("persen potongan harus 0 sampai 100")
        if band.high is None:
            if index != len(bands) - 1:
                raise ValueError("hanya rentang terakhir yang boleh terbuka")
            return
        if band.high < band.low:
            raise ValueError("rentang tidak boleh berakhir sebelum mulainya")
        expected = band.high + 1


def parse_bands(text: str) -> tuple[Band, ...]:
    """"1-30:0,5; 31-60:1; 61-90:1,25; 91-:1,5" → bands (ValueError with the reason)."""
    bands = []
    for part in (p.strip() for p in (text or "").replace("\n", ";").split(";")):
        if not part:
            continue
        try:
            span, percent = part.split(":")
            low, high = span.split("-")
            bands.append(Band(int(low), int(high) if high.strip() else None,
                              Decimal(percent.strip().replace(",", "."))))
        except (ValueError, ArithmeticError):
            raise ValueError(f"'{part}' bukan rentang menit:persen, mis. 1-30:0,5") from None
    check_bands(bands)
    return tuple(bands)


def bands_text(bands: Iterable[Band]) -> str:
    def number(value: Decimal) -> str:
        return format(value.normalize(), "f").replace(".", ",")

    return "; ".join(f"{b.low}-{'' if b.high is None else b.high}:{number(b.percent)}" for b in bands)


def _number(text: str) -> Decimal:
    value = Decimal(text.strip().replace(",", "."))
    if not value.is_finite() or value < 0 or value > HUNDRED:
        raise ValueError
    return value


def parse_away(text: str) -> tuple[tuple[str, Decimal | None], ...]:
    """"Cuti:0; Sakit:0; Izin:1,5; Tugas belajar:hari" → ((CUTI, 0), (SAKIT, 0), (IZIN, 1.5),
    (TUGAS_BELAJAR, None)); a kind left out is not cut (ValueError with the reason)."""
    rules: dict[str, Decimal | None] = {}
    for part in (p.strip() for p in (text or "").replace("\n", ";").split(";")):
        if not part:
            continue
        kind, _, value = part.partition(":")
        key = AWAY_KINDS.get(" ".join(kind.lower().split()))
        if key is None:
            raise ValueError(f"'{kind.strip()}' bukan jenis ketidakhadiran (Cuti, Sakit, Izin, Tugas belajar)")
        if key in rules:
            raise ValueError(f"{kind.strip().capitalize()} ditulis dua kali")
        if value.strip().lower() == "hari":
            rules[key] = None
            continue
        try:
            rules[key] = _number(value)
        except (ValueError, ArithmeticError):
            raise ValueError(f"'{part}' harus jenis:persen per hari (0 sampai 100) atau jenis:hari") from None
    return tuple(rules.items())


def away_text(rules: Iterable[tuple[str, Decimal | None]]) -> str:
    names = {v: k.capitalize() for k, v in AWAY_KINDS.items()}
    return "; ".join(f"{names[kind]}:{'hari' if pct is None else format(pct.normalize(), 'f').replace('.', ',')}"
                     for kind, pct in rules)


def parse_predikat_percents(text: str) -> dict[str, Decimal]:
    """"Sangat Baik:100; Baik:100; Butuh Perbaikan:80; Kurang:60; Sangat Kurang:40" → the
    productivity percent per predikat; every predikat must be listed (ValueError with the reason)."""
    table: dict[str, Decimal] = {}
    for part in (p.strip() for p in (text or "").replace("\n", ";").split(";")):
        if not part:
            continue
        name, _, value = part.partition(":")
        key = PREDIKAT_KEYS.get(" ".join(name.lower().split()).replace("/misconduct", ""))
        if key is None:
            raise ValueError(f"'{name.strip()}' bukan predikat kinerja")
        try:
            table[key] = _number(value)
        except (ValueError, ArithmeticError):
            raise ValueError(f"'{part}' harus predikat:persen (0 sampai 100)") from None
    missing = [name for name, key in PREDIKAT_KEYS.items() if key not in table]
    if missing:
        raise ValueError("persen untuk predikat " + ", ".join(m.title() for m in missing) + " belum ditulis")
    return table


def away_cut(days: dict[str, int], working_days: int, scheme: Scheme) -> Discipline:
    """The cut of the whole amount for the month's days away by kind (`working_days`: the month's
    working days of the calendar, the days away included)."""
    cuts = []
    labels = {v: k.capitalize() for k, v in AWAY_KINDS.items()}
    for kind, pct in scheme.away:
        count = days.get(kind, 0)
        if not count:
            continue
        if pct is None:
            share = Decimal(count) * HUNDRED / working_days if working_days else HUNDRED
            cuts.append((f"{count} hari {labels[kind].lower()} tidak dibayar", share.quantize(CENT, ROUND_HALF_UP)))
        elif pct:
            cuts.append((f"{count} hari {labels[kind].lower()}", pct * count))
    total = min(HUNDRED, sum((c for _, c in cuts), Decimal(0)))
    return Discipline(total.quantize(CENT, ROUND_HALF_UP), cuts)


def band_percent(minutes: int, bands: Sequence[Band]) -> Decimal:
    return next((b.percent for b in bands if b.holds(minutes)), Decimal(0)) if minutes > 0 else Decimal(0)


def productivity(counted_minutes: int, standard_minutes: int) -> Decimal:
    if standard_minutes <= 0:
        return HUNDRED
    return min(HUNDRED, (Decimal(counted_minutes) * HUNDRED / standard_minutes)).quantize(CENT, ROUND_HALF_UP)


@dataclass(frozen=True)
class PresenceDay:
    absent: bool = False  # tanpa keterangan
    late: int = 0
    early: int = 0


@dataclass
class Discipline:
    percent: Decimal
    deductions: list[tuple[str, Decimal]] = field(default_factory=list)  # (reason, percent)


def discipline(days: Iterable[PresenceDay], scheme: Scheme) -> Discipline:
    absent = late = early = 0
    late_total = early_total = Decimal(0)
    for day in days:
        if day.absent:
            absent += 1
            continue
        if day.late:
            late += 1
            late_total += band_percent(day.late, scheme.late_bands)
        if day.early:
            early += 1
            early_total += band_percent(day.early, scheme.early_bands)
    deductions = []
    if absent:
        deductions.append((f"{absent} hari tanpa keterangan", scheme.absent_percent * absent))
    if late:
        deductions.append((f"{late} kali terlambat", late_total))
    if early:
        deductions.append((f"{early} kali pulang cepat", early_total))
    percent = max(Decimal(0), HUNDRED - sum((d for _, d in deductions), Decimal(0)))
    return Discipline(percent.quantize(CENT, ROUND_HALF_UP), deductions)


def amount(basis: Decimal, productivity_percent: Decimal, discipline_percent: Decimal, scheme: Scheme,
           away_percent: Decimal = Decimal(0)) -> Decimal:
    """The month's TPP in whole rupiah (half up), less the cut for days away (percent of the whole)."""
    share = (scheme.productivity_weight * productivity_percent + scheme.discipline_weight * discipline_percent) \
        / (HUNDRED * HUNDRED)
    return (basis * share * (HUNDRED - away_percent) / HUNDRED).quantize(Decimal(1), ROUND_HALF_UP)
