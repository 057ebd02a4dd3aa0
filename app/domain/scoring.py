"""The numbers behind a rating, as pure code (RULES.md §3–§5): the capaian of one indicator,
the suggested Rating Hasil Kerja, the predikat matrix, and the distribution curve of a unit."""
from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.domain.enums import LabeledEnum, OrgPredikat
from app.domain.skp import Direction

HUNDRED = Decimal(100)
CENT = Decimal("0.01")
DEFAULT_CAP = 120
DEFAULT_ABOVE = 110  # weighted capaian ≥ 110 % suggests Di Atas Ekspektasi
DEFAULT_BELOW = 90  # weighted capaian < 90 % suggests Di Bawah Ekspektasi


class Rating(LabeledEnum):
    DI_ATAS = "DI_ATAS"
    SESUAI = "SESUAI"
    DI_BAWAH = "DI_BAWAH"
    __labels__ = {
        "DI_ATAS": "Di Atas Ekspektasi",
        "SESUAI": "Sesuai Ekspektasi",
        "DI_BAWAH": "Di Bawah Ekspektasi",
    }


class Predikat(LabeledEnum):
    SANGAT_BAIK = "SANGAT_BAIK"
    BAIK = "BAIK"
    BUTUH_PERBAIKAN = "BUTUH_PERBAIKAN"
    KURANG = "KURANG"
    SANGAT_KURANG = "SANGAT_KURANG"
    __labels__ = {
        "SANGAT_BAIK": "Sangat Baik",
        "BAIK": "Baik",
        "BUTUH_PERBAIKAN": "Butuh Perbaikan",
        "KURANG": "Kurang/Misconduct",
        "SANGAT_KURANG": "Sangat Kurang",
    }

    @property
    def printed(self) -> str:
        """As official documents write it: SANGAT BAIK, BAIK, BUTUH PERBAIKAN, KURANG/MISCONDUCT,
        SANGAT KURANG (the same words as the charts, in capitals)."""
        return self.label.upper()


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, Decimal):
        return value
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ValueError(f"not a number: {value!r}") from None


def _direction(value) -> Direction:
    if isinstance(value, enum.Enum):
        value = value.value
    text = str(value).strip().lower()
    try:
        return Direction(text)
    except ValueError:
        raise ValueError(f"unknown direction: {value!r} (higher, lower or range)") from None


def achievement(target, realization, direction="higher", *, target_high=None, cap=DEFAULT_CAP) -> Decimal | None:
    """Capaian in percent (two decimals), or None when it cannot be computed.

    higher: realisasi / target × 100; lower: (2 − realisasi / target) × 100; range [target,
    target_high]: inside → 100, below → realisasi / low × 100, above → realisasi / high × 100.
    The result is clamped to [0, cap] (cap None: no upper bound). A missing realisasi, or a target
    (bound) of 0 or less, gives None rather than a division error.
    """
    kind = _direction(direction)
    target = _decimal(target)
    realization = _decimal(realization)
    if realization is None or target is None or target <= 0:
        return None
    if kind == Direction.HIGHER:
        value = realization / target * HUNDRED
    elif kind == Direction.LOWER:
        value = (2 - realization / target) * HUNDRED
    else:
        high = _decimal(target_high)
        if high is None or high < target:
            return None
        if realization < target:
            value = realization / target * HUNDRED
        elif realization > high:
            value = realization / high * HUNDRED
        else:
            value = HUNDRED
    value = max(value, Decimal(0))
    if cap is not None:
        value = min(value, Decimal(cap))
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_capaian(values: Iterable) -> Decimal | None:
    """The mean of capaian values, each a number or a (number, weight) pair; None values are
    skipped; None when nothing is left."""
    total, weights = Decimal(0), Decimal(0)
    for item in values:
        value, weight = item if isinstance(item, tuple) else (item, 1)
        value, weight = _decimal(value), _decimal(weight)
        if value is None or weight is None or weight <= 0:
            continue
        total += value * weight
        weights += weight
    if not weights:
        return None
    return (total / weights).quantize(CENT, rounding=ROUND_HALF_UP)


def suggested_result_rating(capaian_values: Iterable, *, above=DEFAULT_ABOVE, below=DEFAULT_BELOW) -> Rating | None:
    """The Rating Hasil Kerja the capaian of the utama indicators suggest: ≥ `above` Di Atas,
    < `below` Di Bawah, otherwise Sesuai; None without any capaian. The assessor decides."""
    mean = weighted_capaian(capaian_values)
    if mean is None:
        return None
    if mean >= Decimal(str(above)):
        return Rating.DI_ATAS
    if mean < Decimal(str(below)):
        return Rating.DI_BAWAH
    return Rating.SESUAI


# RULES.md §4: rows are the Rating Hasil Kerja, columns the Rating Perilaku Kerja.
PREDIKAT_MATRIX: dict[tuple[Rating, Rating], Predikat] = {
    (Rating.DI_ATAS, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.DI_ATAS, Rating.SESUAI): Predikat.BAIK,
    (Rating.DI_ATAS, Rating.DI_ATAS): Predikat.SANGAT_BAIK,
    (Rating.SESUAI, Rating.DI_BAWAH): Predikat.KURANG,
    (Rating.SESUAI, Rating.SESUAI): Predikat.BAIK,
    (Rating.SESUAI, Rating.DI_ATAS): Predikat.BAIK,
    (Rating.DI_BAWAH, Rating.DI_BAWAH): Predikat.SANGAT_KURANG,
    (Rating.DI_BAWAH, Rating.SESUAI): Predikat.BUTUH_PERBAIKAN,
    (Rating.DI_BAWAH, Rating.DI_ATAS): Predikat.BUTUH_PERBAIKAN,
}


def _member(enum_cls, value):
    if isinstance(value, enum_cls):
        return value
    member = enum_cls.parse(value)
    if member is None:
        raise ValueError(f"unknown {enum_cls.__name__}: {value!r}")
    return member


def predikat(result_rating, behavior_rating) -> Predikat:
    """Predikat kinerja pegawai from the two ratings (enum members or their names)."""
    return PREDIKAT_MATRIX[(_member(Rating, result_rating), _member(Rating, behavior_rating))]


# --- the distribution curve (RULES.md §5) ---------------------------------------------------------

# Each rule: (which predikat count together, "max" or "min", percent). "min" with percent None
# means "at least one".
CURVE_RULES: dict[OrgPredikat, list[tuple[tuple[Predikat, ...], str, int | None]]] = {
    OrgPredikat.ISTIMEWA: [((Predikat.SANGAT_BAIK,), "max", 70)],
    OrgPredikat.BAIK: [
        ((Predikat.BAIK,), "max", 70),
        ((Predikat.BUTUH_PERBAIKAN, Predikat.KURANG), "min", None),
    ],
    OrgPredikat.BUTUH_PERBAIKAN: [
        ((Predikat.BUTUH_PERBAIKAN,), "min", 60),
        ((Predikat.SANGAT_BAIK,), "max", 10),
    ],
    OrgPredikat.KURANG: [
        ((Predikat.KURANG,), "min", 60),
        ((Predikat.BUTUH_PERBAIKAN,), "min", 10),
        ((Predikat.SANGAT_BAIK,), "max", 10),
    ],
    OrgPredikat.SANGAT_KURANG: [
        ((Predikat.SANGAT_KURANG,), "min", 60),
        ((Predikat.KURANG, Predikat.BUTUH_PERBAIKAN), "min", 10),
        ((Predikat.SANGAT_BAIK,), "max", 0),
    ],
}


def curve_limit(kind: str, percent: int | None, total: int) -> int:
    """How many pegawai a rule allows (max, rounded down) or requires (min, rounded up)."""
    if percent is None:
        return 1
    if kind == "max":
        return percent * total // 100
    return -(-percent * total // 100)


def _names(group: tuple[Predikat, ...]) -> str:
    return " + ".join(p.label for p in group)


def curve_violations(org_predikat, counts: Mapping) -> list[str]:
    """Why the predikat of a unit's pegawai do not fit the curve of its predikat organisasi
    (Indonesian sentences; empty when they fit). Missing keys count as 0."""
    org = _member(OrgPredikat, org_predikat)
    tally = {p: 0 for p in Predikat}
    for key, number in counts.items():
        tally[_member(Predikat, key)] += int(number or 0)
    total = sum(tally.values())
    if total == 0:
        return []
    messages = []
    for group, kind, percent in CURVE_RULES[org]:
        have = sum(tally[p] for p in group)
        limit = curve_limit(kind, percent, total)
        if kind == "max" and have > limit:
            if percent == 0:
                messages.append(f"Predikat organisasi {org.label}: tidak boleh ada pegawai berpredikat "
                                f"{_names(group)}; saat ini {have} pegawai.")
            else:
                messages.append(f"Predikat organisasi {org.label}: {_names(group)} paling banyak {percent} % "
                                f"({limit} dari {total} pegawai); saat ini {have} pegawai.")
        if kind == "min" and have < limit:
            if percent is None:
                messages.append(f"Predikat organisasi {org.label}: minimal satu pegawai berpredikat "
                                f"{' atau '.join(p.label for p in group)}; saat ini tidak ada.")
            else:
                messages.append(f"Predikat organisasi {org.label}: {_names(group)} minimal {percent} % "
                                f"({limit} dari {total} pegawai); saat ini {have} pegawai.")
    return messages


__all__ = [
    "CURVE_RULES", "Direction", "OrgPredikat", "PREDIKAT_MATRIX", "Predikat", "Rating", "achievement",
    "curve_limit", "curve_violations", "predikat", "suggested_result_rating", "weighted_capaian",
]


# --- capaian of one period --------------------------------------------------------------------


def period_target(annual, number: int, count: int, *, cumulative: bool, period_targets=None,
                  final: bool = False, skipped=frozenset()):
    """The target an indicator is measured against in period `number` of `count`.

    Akhir (final): the annual target. Cumulative indicators (e.g. documents) compare the realisasi
    so far with the target so far: the sum of the per-period targets up to this period, a period
    without its own target counting annual / count (pro rata). Stand-alone indicators (e.g. a
    percentage) compare the period's value with the period's own target, else the annual one.

    `skipped`: the periods before the SKP's start date (RULES.md §10), not assessed: their share
    of a cumulative target does not count, nor of the Akhir's — an SKP that starts in October is
    measured against the rest of the year, not the whole of it.
    """
    annual = _decimal(annual)
    if annual is None and not period_targets:
        return annual
    targets = {int(k): _decimal(v) for k, v in (period_targets or {}).items() if _decimal(v) is not None}
    skipped = {int(k) for k in skipped}
    if final:
        if not skipped or annual is None:
            return annual
        return _share_of(annual, targets, [k for k in range(1, count + 1) if k not in skipped], count)
    if not cumulative:
        return targets.get(number, annual)
    return _share_of(annual, targets, [k for k in range(1, number + 1) if k not in skipped], count)


def _share_of(annual, targets: dict, numbers: list[int], count: int):
    """The sum of the periods' own targets, a period without one counting annual / count."""
    total = Decimal(0)
    for k in numbers:
        if k in targets:
            total += targets[k]
        elif annual is not None:
            total += annual / count
        else:
            return None
    return total


def period_realization(values, number: int, *, cumulative: bool, final: bool = False):
    """The realisasi that counts in period `number`: the period's own value, or for a cumulative
    indicator the sum of the values so far (None while this period's value is missing). For Akhir
    the pegawai's year value is taken as entered."""
    values = {int(k): _decimal(v) for k, v in values.items()}
    own = values.get(number)
    if own is None or final or not cumulative:
        return own
    return sum((v for k, v in values.items() if k <= number and v is not None), Decimal(0))


def period_achievement(*, target, target_high=None, direction="higher", cumulative=True, number: int,
                       count: int, values, period_targets=None, final: bool = False,
                       cap=DEFAULT_CAP, skipped=frozenset()) -> Decimal | None:
    """Capaian of one indicator in one period (see period_target / period_realization). A range is
    scaled like its low end when the indicator accumulates (or the Akhir of a late SKP is pro rata)."""
    low = period_target(target, number, count, cumulative=cumulative, period_targets=period_targets, final=final,
                        skipped=skipped)
    high = None
    if _direction(direction) == Direction.RANGE and target_high is not None:
        low_annual, high_annual = _decimal(target), _decimal(target_high)
        if low is not None and low_annual:
            scaled = (cumulative and not final) or (final and skipped)
            high = high_annual * low / low_annual if scaled else high_annual
    realization = period_realization(values, number, cumulative=cumulative, final=final)
    return achievement(low, realization, direction, target_high=high, cap=cap)


# --- the organisation's own capaian and the predikat it suggests (the kabupaten's rule) ---------

DEFAULT_ORG_THRESHOLDS = (Decimal(110), Decimal(90), Decimal(70), Decimal(50))
ORG_PREDIKAT_ORDER = (OrgPredikat.ISTIMEWA, OrgPredikat.BAIK, OrgPredikat.BUTUH_PERBAIKAN, OrgPredikat.KURANG,
                      OrgPredikat.SANGAT_KURANG)


def parse_org_thresholds(text: str) -> tuple[Decimal, ...]:
    """"110; 90; 70; 50" → the lowest capaian (%) of Istimewa, Baik, Butuh Perbaikan and Kurang
    (below the last: Sangat Kurang): four numbers, each lower than the one before, above 0."""
    parts = [p.strip().replace(",", ".") for p in (text or "").replace("\n", ";").split(";") if p.strip()]
    try:
        values = tuple(Decimal(p) for p in parts)
    except InvalidOperation:
        raise ValueError("tulis empat angka persen dipisah titik koma, mis. 110; 90; 70; 50") from None
    if len(values) != 4 or any(not v.is_finite() for v in values):
        raise ValueError("tulis empat angka persen dipisah titik koma, mis. 110; 90; 70; 50")
    if values[-1] <= 0 or any(a <= b for a, b in zip(values, values[1:])):
        raise ValueError("setiap batas harus lebih kecil daripada batas sebelumnya dan lebih dari 0")
    return values


def org_capaian(pairs: Iterable[tuple]) -> Decimal | None:
    """The OPD's capaian: the mean of each Perjanjian Kinerja target's capaian (realisasi ÷ target,
    up to DEFAULT_CAP), over the targets with both; None when none has them."""
    return weighted_capaian(achievement(target, realization) for target, realization in pairs)


def suggest_org_predikat(capaian: Decimal | None, thresholds: tuple = DEFAULT_ORG_THRESHOLDS) -> OrgPredikat | None:
    """The predikat kinerja organisasi the capaian suggests: ≥ the first threshold Istimewa, ≥ the
    second Baik, ≥ the third Butuh Perbaikan, ≥ the fourth Kurang, else Sangat Kurang."""
    value = _decimal(capaian)
    if value is None:
        return None
    for low, result in zip(thresholds, ORG_PREDIKAT_ORDER):
        if value >= Decimal(low):
            return result
    return OrgPredikat.SANGAT_KURANG
