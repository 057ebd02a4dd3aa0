"""Survei Kepuasan Masyarakat (PermenPANRB 14/2017, RULES.md §12), plain Python: the nine unsur
with the four points of each as the form words them, and the index.

- NRR of an unsur = the sum of its answers ÷ the respondents who answered it (unanswered left out);
- IKM = Σ NRR × 1/9 × 25, to two decimals (half up);
- mutu and kinerja by the IKM: 25,00–64,99 D *Tidak Baik*; 65,00–76,60 C *Kurang Baik*; 76,61–88,30
  B *Baik*; 88,31–100,00 A *Sangat Baik* — and each unsur's NRR by the same intervals ÷ 25
  (1,00–2,5996 D; 2,60–3,064 C; 3,0644–3,532 B; 3,5324–4,00 A).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
NINE = 9

# (key, name, the four points from 1 to 4 as the questionnaire words them)
UNSUR: tuple[tuple[str, str, tuple[str, str, str, str]], ...] = (
    ("persyaratan", "Persyaratan",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    ("prosedur", "Sistem, mekanisme dan prosedur",
     ("Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah")),
    ("waktu", "Waktu penyelesaian",
     ("Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat")),
    ("biaya", "Biaya/tarif",
     ("Sangat mahal", "Cukup mahal", "Murah", "Gratis")),
    ("produk", "Produk spesifikasi jenis pelayanan",
     ("Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai")),
    ("kompetensi", "Kompetensi pelaksana",
     ("Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten")),
    ("perilaku", "Perilaku pelaksana",
     ("Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah")),
    ("pengaduan", "Penanganan pengaduan, saran dan masukan",
     ("Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik")),
    ("sarana", "Sarana dan prasarana",
     ("Buruk", "Cukup", "Baik", "Sangat baik")),
)
# The questions as the regulation's questionnaire asks them (one per unsur, same order).
QUESTIONS = (
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
    "pelayanan dengan hasil yang diberikan?",
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
)

# (lowest IKM of the interval, mutu, kinerja), highest first
GRADES = ((Decimal("88.31"), "A", "Sangat Baik"), (Decimal("76.61"), "B", "Baik"),
          (Decimal("65.00"), "C", "Kurang Baik"), (Decimal("25.00"), "D", "Tidak Baik"))
# the same for an unsur's NRR (the regulation's converted intervals)
NRR_GRADES = ((Decimal("3.5324"), "A"), (Decimal("3.0644"), "B"), (Decimal("2.60"), "C"), (Decimal("1.00"), "D"))


@dataclass(frozen=True)
class Index:
    respondents: int
    answered: tuple[int, ...]  # per unsur: how many answered it
    nrr: tuple[Decimal | None, ...]  # per unsur; None when nobody answered it
    ikm: Decimal | None  # None when an unsur has no answer at all (the index needs all nine)
    mutu: str | None
    kinerja: str | None

    @property
    def weighted(self) -> tuple[Decimal | None, ...]:
        """NRR × 1/9 per unsur (the report's "NRR tertimbang")."""
        return tuple(None if n is None else n / NINE for n in self.nrr)

    def lowest(self, count: int = 3) -> list[int]:
        """The indexes of the unsur with the lowest NRR, lowest first (ties in form order)."""
        scored = [(n, i) for i, n in enumerate(self.nrr) if n is not None]
        return [i for _, i in sorted(scored)[:count]]


def grade(ikm: Decimal) -> tuple[str, str]:
    """(mutu, kinerja) of an IKM (already to two decimals)."""
    if not Decimal(25) <= ikm <= Decimal(100):
        raise ValueError(f"IKM {ikm} di luar 25–100")
    return next((mutu, words) for low, mutu, words in GRADES if ikm >= low)


def unsur_grade(nrr: Decimal) -> str:
    """The mutu letter of an unsur's NRR."""
    if not Decimal(1) <= nrr <= Decimal(4):
        raise ValueError(f"NRR {nrr} di luar 1–4")
    return next(mutu for low, mutu in NRR_GRADES if nrr >= low)


def ikm(responses: Iterable[Sequence[int | None]]) -> Index:
    """The index of a set of responses, each nine answers of 1–4 (None: not answered). An empty set,
    a response of another length or an answer outside 1–4 is a ValueError."""
    totals, counts, respondents = [0] * NINE, [0] * NINE, 0
    for number, answers in enumerate(responses, 1):
        answers = tuple(answers)
        if len(answers) != NINE:
            raise ValueError(f"jawaban ke-{number} memuat {len(answers)} unsur, bukan {NINE}")
        for i, answer in enumerate(answers):
            if answer is None:
                continue
            if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= 4:
                raise ValueError(f"jawaban ke-{number} unsur {i + 1}: {answer!r} bukan 1–4")
            totals[i] += answer
            counts[i] += 1
        respondents += 1
    if not respondents:
        raise ValueError("belum ada jawaban")
    return from_totals(totals, counts, respondents)


def from_totals(totals: Sequence[int], counts: Sequence[int], respondents: int) -> Index:
    """The index from each unsur's sum of answers and number of answers (as a database sums them)."""
    if len(totals) != NINE or len(counts) != NINE or respondents <= 0:
        raise ValueError("butuh jumlah dan banyak jawaban kesembilan unsur")
    nrr = tuple(Decimal(int(t)) / Decimal(int(c)) if c else None for t, c in zip(totals, counts))
    if any(n is not None and not Decimal(1) <= n <= Decimal(4) for n in nrr):
        raise ValueError("rata-rata unsur di luar 1–4")
    if any(n is None for n in nrr):
        return Index(respondents, tuple(int(c) for c in counts), nrr, None, None, None)
    value = (sum(nrr, Decimal(0)) / NINE * 25).quantize(CENT, ROUND_HALF_UP)
    mutu, words = grade(value)
    return Index(respondents, tuple(int(c) for c in counts), nrr, value, mutu, words)
