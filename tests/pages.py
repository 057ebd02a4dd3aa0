"""Reading a page in view tests: its HTML, its visible text, and the message at one field."""
from __future__ import annotations

import html
import re


def body(response) -> str:
    return response.get_data(as_text=True)


def text(response) -> str:
    """The page's visible text, tags removed and whitespace folded (for messages split by markup)."""
    raw = re.sub(r"<script.*?</script>|<style.*?</style>|<svg.*?</svg>", " ", body(response), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def field_error(response, field_id: str) -> str:
    """The message shown at one field (its invalid-feedback block)."""
    match = re.search(rf'id="{re.escape(field_id)}-galat"[^>]*>(.*?)</div>', body(response), re.S)
    assert match, f"no error at field {field_id}"
    return html.unescape(" ".join(match.group(1).split()))
