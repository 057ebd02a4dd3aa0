"""Pangkat/golongan ruang for PNS (I/a–IV/e) and golongan for PPPK (I–XVII). RULES.md §9."""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.enums import EmploymentStatus


@dataclass(frozen=True)
class Grade:
    code: str  # "III/d" for PNS, "IX" for PPPK
    pangkat: str | None  # "Penata Tingkat I"; None for PPPK
    rank: int  # order within its table, 1 = lowest

    @property
    def label(self) -> str:
        return f"{self.pangkat} ({self.code})" if self.pangkat else f"Golongan {self.code}"


PNS_GRADES: tuple[Grade, ...] = tuple(
    Grade(code, pangkat, i + 1)
    for i, (code, pangkat) in enumerate(
        [
            ("I/a", "Juru Muda"),
            ("I/b", "Juru Muda Tingkat I"),
            ("I/c", "Juru"),
            ("I/d", "Juru Tingkat I"),
            ("II/a", "Pengatur Muda"),
            ("II/b", "Pengatur Muda Tingkat I"),
            ("II/c", "Pengatur"),
            ("II/d", "Pengatur Tingkat I"),
            ("III/a", "Penata Muda"),
            ("III/b", "Penata Muda Tingkat I"),
            ("III/c", "Penata"),
            ("III/d", "Penata Tingkat I"),
            ("IV/a", "Pembina"),
            ("IV/b", "Pembina Tingkat I"),
            ("IV/c", "Pembina Utama Muda"),
            ("IV/d", "Pembina Utama Madya"),
            ("IV/e", "Pembina Utama"),
        ]
    )
)

_ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
          "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII"]
PPPK_GRADES: tuple[Grade, ...] = tuple(Grade(code, None, i + 1) for i, code in enumerate(_ROMAN))

_PNS_BY_CODE = {g.code.casefold(): g for g in PNS_GRADES}
_PNS_BY_PANGKAT = {g.pangkat.casefold(): g for g in PNS_GRADES if g.pangkat}
_PPPK_BY_CODE = {g.code: g for g in PPPK_GRADES}

_PNS_CODE_RE = re.compile(r"\b(IV|III|II|I)\s*/\s*([a-e])\b", re.IGNORECASE)
_TK_RE = re.compile(r"\b(tingkat|tk\.?)\s*(i|1)\b", re.IGNORECASE)


class GradeError(ValueError):
    """The pangkat/golongan text is not valid; str(error) explains it in Indonesian."""


def grades_for(status: EmploymentStatus) -> tuple[Grade, ...]:
    return PNS_GRADES if status == EmploymentStatus.PNS else PPPK_GRADES


def get_grade(status: EmploymentStatus, code: str | None) -> Grade | None:
    """The grade for a stored code, or None."""
    if not code:
        return None
    if status == EmploymentStatus.PNS:
        return _PNS_BY_CODE.get(code.casefold())
    return _PPPK_BY_CODE.get(code.upper())


def _normal_pangkat(text: str) -> str:
    text = _TK_RE.sub("Tingkat I", text)
    return " ".join(text.replace("-", " ").replace(",", " ").split()).casefold()


def parse_grade(status: EmploymentStatus, raw: object) -> Grade:
    """Read "Penata Tingkat I (III/d)", "III/d" or "Penata Tingkat I" (PNS), "IX" or
    "Golongan IX" (PPPK); raise GradeError with an Indonesian reason."""
    text = " ".join(str(raw or "").split())
    if not text:
        raise GradeError("Pangkat/golongan wajib diisi.")
    if status == EmploymentStatus.PNS:
        match = _PNS_CODE_RE.search(text)
        if match:
            code = f"{match.group(1).upper()}/{match.group(2).lower()}"
            grade = _PNS_BY_CODE[code.casefold()]
            name = _normal_pangkat(text[: match.start()] + text[match.end():])
            name = name.strip(" ()[]").strip()
            if name and name != grade.pangkat.casefold():
                raise GradeError(
                    f"Pangkat '{text}' tidak sesuai dengan golongan {code} "
                    f"(seharusnya {grade.pangkat})."
                )
            return grade
        grade = _PNS_BY_PANGKAT.get(_normal_pangkat(text))
        if grade:
            return grade
        if text.upper().removeprefix("GOLONGAN ").strip() in _PPPK_BY_CODE:
            raise GradeError(
                f"Golongan '{text}' adalah golongan PPPK; PNS memakai golongan ruang I/a–IV/e."
            )
        raise GradeError(
            f"Pangkat/golongan '{text}' tidak dikenal; gunakan golongan ruang I/a–IV/e, "
            "misalnya 'Penata Tingkat I (III/d)' atau 'III/d'."
        )
    code = text.upper().removeprefix("GOLONGAN").strip()
    grade = _PPPK_BY_CODE.get(code)
    if grade:
        return grade
    if _PNS_CODE_RE.search(text):
        raise GradeError(
            f"Golongan '{text}' adalah golongan ruang PNS; PPPK memakai golongan I–XVII."
        )
    raise GradeError(f"Golongan PPPK '{text}' tidak dikenal; gunakan I sampai XVII.")
