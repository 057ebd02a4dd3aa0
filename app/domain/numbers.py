"""Numbers as Indonesians type and read them: "85,5", "1.234,5" (a dot also works as a decimal
mark: "85.5"). Pure: parsing for forms and plain text for inputs; display grouping is in
app.formatting (Flask-Babel)."""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

MAX_INTEGER_DIGITS = 14  # NUMERIC(18, 4)
MAX_FRACTION_DIGITS = 4
NUMBER_MESSAGE = "Harus berupa angka, mis. 85,5 atau 1.234,5."
_DIGITS = re.compile(r"[0-9]+")


class NumberError(ValueError):
    """The text is not a number we can read without guessing; str() is the Indonesian message."""


def _grouped(text: str, sep: str) -> bool:
    """"1.234.567" with sep ".": digits in groups of three."""
    return re.fullmatch(r"[0-9]{1,3}(?:" + re.escape(sep) + r"[0-9]{3})+", text) is not None


def parse_decimal(raw: str | None) -> Decimal | None:
    """"85,5" → 85.5, "1.234,5" → 1234.5, "1,234.5" → 1234.5, "85.5" → 85.5, "1.234.567" →
    1234567, "" → None. One comma or one dot is the decimal mark and repeated ones group
    thousands; "1.500" (one dot, three digits after it) is refused as ambiguous — 1500 to most
    Indonesian readers, 1.5 to a spreadsheet."""
    text = "".join((raw or "").replace("\u00a0", " ").split())
    if not text:
        return None
    sign = "-" if text[0] == "-" else ""
    text = text[1:] if text[0] in "+-" else text
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        mark = "," if text.rfind(",") > text.rfind(".") else "."
    elif commas == 1 or dots == 1:
        mark = "," if commas else "."
    else:
        mark = None
    whole, fraction = text.rsplit(mark, 1) if mark else (text, "")
    if mark == "." and not commas and len(fraction) == 3 and 0 < len(whole.lstrip("0")) <= 3:
        raise NumberError(f"Penulisan {text} tidak jelas: tulis {whole}{fraction} (tanpa titik) "
                          f"atau {whole},{fraction} (koma desimal).")
    if mark and not whole:
        whole = "0"  # ",5"
    if not _DIGITS.fullmatch(whole):
        separators = [{",": ".", ".": ","}[mark]] if mark else [".", ","]
        if not any(_grouped(whole, sep) for sep in separators):
            raise NumberError(NUMBER_MESSAGE)
        whole = whole.replace(".", "").replace(",", "")
    if mark and not _DIGITS.fullmatch(fraction):
        raise NumberError(NUMBER_MESSAGE)
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise NumberError(f"Paling banyak {MAX_FRACTION_DIGITS} angka di belakang koma.")
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise NumberError("Angka terlalu besar.")
    try:
        return Decimal(sign + whole + ("." + fraction if fraction else ""))
    except InvalidOperation:
        raise NumberError(NUMBER_MESSAGE) from None


def input_text(value: Decimal | None) -> str:
    """A stored decimal as a user types it back: 85.5000 → "85,5", 1234 → "1234" (no grouping)."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def plain(value: Decimal | None) -> str | None:
    """A decimal without trailing zeros for audit snapshots and diffs: 6.0000 → "6"."""
    if value is None:
        return None
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
