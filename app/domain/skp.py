"""The SKP (Sasaran Kinerja Pegawai) in plain Python: its categories, its workflow and the rules a
plan must satisfy before it can be submitted (RULES.md §1.1, §2)."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal

from app.domain.enums import LabeledEnum


class Approach(LabeledEnum):
    """Pendekatan: measurable targets, or targets written as one narrative."""

    KUANTITATIF = "KUANTITATIF"
    KUALITATIF = "KUALITATIF"
    __labels__ = {"KUANTITATIF": "Kuantitatif", "KUALITATIF": "Kualitatif"}


class ResultKind(LabeledEnum):
    UTAMA = "UTAMA"
    TAMBAHAN = "TAMBAHAN"
    __labels__ = {"UTAMA": "Utama", "TAMBAHAN": "Tambahan"}


class Aspect(LabeledEnum):
    KUANTITAS = "KUANTITAS"
    KUALITAS = "KUALITAS"
    WAKTU = "WAKTU"
    BIAYA = "BIAYA"
    __labels__ = {"KUANTITAS": "Kuantitas", "KUALITAS": "Kualitas", "WAKTU": "Waktu", "BIAYA": "Biaya"}


class Direction(str, enum.Enum):
    """Which way is better. Values are the plain strings the scoring rule takes."""

    HIGHER = "higher"
    LOWER = "lower"
    RANGE = "range"

    @property
    def label(self) -> str:
        return {
            "higher": "Semakin tinggi semakin baik",
            "lower": "Semakin rendah semakin baik",
            "range": "Dalam rentang target",
        }[self.value]

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(m.value, m.label) for m in cls]

    @classmethod
    def parse(cls, raw: object):
        if isinstance(raw, cls):
            return raw
        text = str(raw or "").strip().casefold()
        for member in cls:
            if text in (member.value, member.name.casefold(), member.label.casefold()):
                return member
        return None

    def __str__(self) -> str:
        return self.value


class Perspective(LabeledEnum):
    """Perspektif of a JPT's indicator (balanced scorecard)."""

    PENERIMA_LAYANAN = "PENERIMA_LAYANAN"
    PROSES_BISNIS = "PROSES_BISNIS"
    PENGUATAN_INTERNAL = "PENGUATAN_INTERNAL"
    ANGGARAN = "ANGGARAN"
    __labels__ = {
        "PENERIMA_LAYANAN": "Penerima Layanan",
        "PROSES_BISNIS": "Proses Bisnis",
        "PENGUATAN_INTERNAL": "Penguatan Internal",
        "ANGGARAN": "Anggaran",
    }


class PlanStatus(LabeledEnum):
    DRAFT = "DRAFT"
    SUBMITTED = "SUBMITTED"
    APPROVED = "APPROVED"
    RETURNED = "RETURNED"
    SUPERSEDED = "SUPERSEDED"
    __labels__ = {
        "DRAFT": "Draf",
        "SUBMITTED": "Diajukan",
        "APPROVED": "Disetujui",
        "RETURNED": "Dikembalikan",
        "SUPERSEDED": "Diganti versi baru",
    }


class PlanAction(LabeledEnum):
    SUBMIT = "SUBMIT"
    WITHDRAW = "WITHDRAW"
    APPROVE = "APPROVE"
    RETURN = "RETURN"
    SUPERSEDE = "SUPERSEDE"
    __labels__ = {
        "SUBMIT": "Ajukan",
        "WITHDRAW": "Tarik kembali",
        "APPROVE": "Setujui",
        "RETURN": "Kembalikan",
        "SUPERSEDE": "Ganti dengan versi baru",
    }


# The workflow as a table: (action, from) -> to. Anything else is refused.
PLAN_TRANSITIONS: dict[tuple[PlanAction, PlanStatus], PlanStatus] = {
    (PlanAction.SUBMIT, PlanStatus.DRAFT): PlanStatus.SUBMITTED,
    (PlanAction.SUBMIT, PlanStatus.RETURNED): PlanStatus.SUBMITTED,
    (PlanAction.WITHDRAW, PlanStatus.SUBMITTED): PlanStatus.DRAFT,
    (PlanAction.APPROVE, PlanStatus.SUBMITTED): PlanStatus.APPROVED,
    (PlanAction.RETURN, PlanStatus.SUBMITTED): PlanStatus.RETURNED,
    (PlanAction.SUPERSEDE, PlanStatus.APPROVED): PlanStatus.SUPERSEDED,
}

EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.RETURNED})

_PASSIVE = {
    PlanAction.SUBMIT: "diajukan",
    PlanAction.WITHDRAW: "ditarik kembali",
    PlanAction.APPROVE: "disetujui",
    PlanAction.RETURN: "dikembalikan",
    PlanAction.SUPERSEDE: "diganti versi baru",
}


class TransitionError(ValueError):
    """The action is not allowed from the plan's state; str() is the Indonesian reason."""


def next_status(action: PlanAction, status: PlanStatus) -> PlanStatus:
    try:
        return PLAN_TRANSITIONS[(action, status)]
    except KeyError:
        raise TransitionError(
            f"SKP berstatus {status.label} tidak dapat {_PASSIVE[action]}."
        ) from None


# --- what a plan must hold before it can be submitted -------------------------------------------


@dataclass
class IndicatorDraft:
    """The parts of an IKI the rules look at (built from the model by the service)."""

    ref: str  # where the form lives, e.g. "iki-12"
    text: str
    aspect: str | None
    target_value: Decimal | None
    target_high: Decimal | None
    unit: str | None
    direction: Direction
    narrative_target: str | None = None
    cumulative: bool = True
    has_period_targets: bool = False


@dataclass
class ResultDraft:
    ref: str  # e.g. "rhk-3"
    kind: ResultKind
    text: str
    has_parent: bool
    has_org_target: bool
    indicators: list[IndicatorDraft] = field(default_factory=list)


@dataclass(frozen=True)
class Problem:
    ref: str  # "" for the plan as a whole
    message: str
    field: str | None = None  # the form field it belongs to


def indicator_problems(indicator: IndicatorDraft, approach: Approach) -> list[Problem]:
    """Field rules of one IKI: text, aspect, a positive target with its unit, ranges in order."""
    ref = indicator.ref
    problems = []
    if not (indicator.text or "").strip():
        problems.append(Problem(ref, "Rumusan IKI wajib diisi.", "text"))
    if approach == Approach.KUALITATIF:
        if not (indicator.narrative_target or "").strip():
            problems.append(Problem(ref, "Target naratif wajib diisi untuk pendekatan kualitatif.", "narrative_target"))
        return problems
    if not indicator.aspect:
        problems.append(Problem(ref, "Pilih aspek IKI (kuantitas, kualitas, waktu atau biaya).", "aspect"))
    if indicator.target_value is None:
        problems.append(Problem(ref, "Target IKI wajib diisi dengan angka.", "target_value"))
    elif indicator.target_value <= 0:
        problems.append(Problem(ref, "Target IKI harus lebih besar dari 0.", "target_value"))
    if indicator.direction == Direction.RANGE:
        if indicator.target_high is None:
            problems.append(Problem(ref, "Batas atas rentang target wajib diisi.", "target_high"))
        elif indicator.target_value is not None and indicator.target_high <= indicator.target_value:
            problems.append(Problem(ref, "Batas bawah rentang harus lebih kecil dari batas atasnya.", "target_high"))
    if not (indicator.unit or "").strip():
        problems.append(Problem(ref, "Satuan target wajib diisi (mis. Dokumen, %, Bulan).", "unit"))
    return problems


def plan_problems(results: list[ResultDraft], approach: Approach, *, is_jpt: bool) -> list[Problem]:
    """Everything that keeps a plan from being submitted, in reading order."""
    problems: list[Problem] = []
    if not any(r.kind == ResultKind.UTAMA for r in results):
        problems.append(Problem("", "SKP harus memuat minimal satu RHK utama."))
    for result in results:
        if not (result.text or "").strip():
            problems.append(Problem(result.ref, "Rumusan RHK wajib diisi.", "text"))
        if result.kind == ResultKind.UTAMA:
            if is_jpt and not result.has_org_target:
                problems.append(Problem(
                    result.ref, "RHK utama pejabat pimpinan tinggi harus mengacu pada sasaran/IKU "
                                "perjanjian kinerja organisasi.", "org_target_id"))
            if not is_jpt and not result.has_parent:
                problems.append(Problem(
                    result.ref, "Pilih RHK atasan yang diintervensi oleh RHK utama ini.", "parent_id"))
        if not result.indicators:
            problems.append(Problem(result.ref, "Setiap RHK harus memiliki minimal satu IKI."))
        for indicator in result.indicators:
            problems.extend(indicator_problems(indicator, approach))
    return problems


YEAR_END_WARNING = (
    "IKI ini tidak kumulatif dan tanpa target per periode, jadi setiap periode dibandingkan dengan target "
    "tahunan {target}. Bila target itu baru tercapai di akhir tahun, isi target per periode (mis. 25 %, 50 %, "
    "75 %, 100 %) agar capaian periode tidak tampak rendah dan saran rating tidak menjadi Di Bawah Ekspektasi."
)


def plan_warnings(results: list[ResultDraft], approach: Approach) -> list[Problem]:
    """What does not block an SKP but will mislead its periodic capaian: a stand-alone (not
    cumulative) IKI whose only target is the year's, compared as it is in every period."""
    if approach == Approach.KUALITATIF:
        return []
    warnings = []
    for result in results:
        for indicator in result.indicators:
            if (not indicator.cumulative and not indicator.has_period_targets and indicator.target_value is not None
                    and indicator.direction != Direction.LOWER):
                unit = f" {indicator.unit}" if indicator.unit else ""
                warnings.append(Problem(indicator.ref, YEAR_END_WARNING.format(
                    target=f"{indicator.target_value.normalize():f}".replace(".", ",") + unit), "target_value"))
    return warnings
