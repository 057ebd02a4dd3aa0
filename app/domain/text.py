"""Sentences about people: a name with a title that ends in a full stop ("Taufik Hasan, S.Sos.")
ends a sentence by itself — Indonesian writes one full stop, never "S.Sos..". """
from __future__ import annotations


def sentence(text: str) -> str:
    """`text` ending with exactly one full stop (or its own "?" / "!")."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!")) else text + "."
