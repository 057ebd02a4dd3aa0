"""One colour per state on every page: the templates take it from formatting.state_badge."""
from __future__ import annotations

import pathlib
import re

from app.formatting import state_badge

TEMPLATES = pathlib.Path(__file__).resolve().parents[2] / "app" / "templates"


def test_the_states_and_their_colours():
    assert state_badge("RETURNED") == "text-bg-danger"
    assert state_badge(None) == state_badge("NONE")
    assert len({state_badge(s) for s in ("DRAFT", "SUBMITTED", "RETURNED", "APPROVED")}) == 4


def test_no_template_keeps_a_colour_table_of_its_own():
    own = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"'(RETURNED|SUBMITTED|DRAFT)'\s*:\s*\(?\s*'?[^,]*text-bg-", text):
            own.append(path.name)
    assert own == []
