"""Charts as server-rendered inline SVG: pure Python, no outside assets, no script. Accessible
(role="img" named by its <title> and <desc>, every value also written as text, colour never the
only carrier) and styled with SVG presentation attributes, which the CSP allows."""
from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from markupsafe import Markup, escape

from app.domain.scoring import DEFAULT_ABOVE, DEFAULT_BELOW

WIDTH, HEIGHT = 420, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 56, 14, 50
WIDE_SLOT = 50  # narrower slots (e.g. twelve months) get their values written upright
AXIS = "#495057"
GRID = "#dee2e6"
REFERENCE = "#6f42c1"
TEXT = "#212529"
# Bars by band, each with at least 4.5:1 contrast on white (the value is printed above too).
BANDS = (("di-atas", "#146c43"), ("sesuai", "#0b4f6c"), ("di-bawah", "#b02a37"))
EMPTY_TEXT = "Belum ada data capaian"


def percent(value: Decimal | float | int | None, digits: int = 2) -> str:
    """96.50 → "96,5 %", 100 → "100 %", None → "belum ada data"."""
    if value is None:
        return "belum ada data"
    text = f"{Decimal(str(value)):.{digits}f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',')} %"


def band(value: Decimal, above=DEFAULT_ABOVE, below=DEFAULT_BELOW) -> tuple[str, str]:
    """(class suffix, fill colour) of a capaian value."""
    if value >= above:
        return BANDS[0]
    if value >= below:
        return BANDS[1]
    return BANDS[2]


def _num(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _top(values: list[Decimal], reference: int) -> int:
    """The axis maximum: at least 120 and the reference, rounded up to a multiple of 20."""
    highest = max([float(v) for v in values] + [float(reference), 120.0])
    return int(math.ceil(highest / 20.0) * 20)


def bar_chart(bars: Sequence[tuple[str, Decimal | None]], *, title: str, description: str = "",
              reference: int = 100, y_label: str = "Capaian (%)", x_label: str = "Periode",
              chart_id: str = "grafik") -> Markup:
    """A bar per (label, value) — a missing value leaves a gap marked "–" — with a dashed
    reference line (the 100 % target) and the value written over each bar."""
    ids = {"title": f"{chart_id}-judul", "desc": f"{chart_id}-uraian"}
    known = [v for _label, v in bars if v is not None]
    summary = "; ".join(f"{label}: {percent(v)}" for label, v in bars)
    desc = " ".join(part for part in (description, summary if known else EMPTY_TEXT + ".") if part)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" class="chart" role="img" '
            f'aria-labelledby="{ids["title"]} {ids["desc"]}" font-family="system-ui, sans-serif" font-size="14">'
            f'<title id="{ids["title"]}">{escape(title)}</title><desc id="{ids["desc"]}">{escape(desc)}</desc>')
    if not known:
        return Markup(head + f'<text x="{WIDTH // 2}" y="{HEIGHT // 2}" text-anchor="middle" fill="{TEXT}" '
                             f'font-size="15" class="chart-empty">{EMPTY_TEXT}</text></svg>')
    top = _top(known, reference)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    bottom = TOP + plot_h

    def y(value) -> float:
        return bottom - float(value) / top * plot_h

    parts = [head]
    for tick in range(0, top + 1, 20):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_num(y(tick))}" y2="{_num(y(tick))}" '
                     f'stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{LEFT - 6}" y="{_num(y(tick) + 4)}" text-anchor="end" fill="{TEXT}" '
                     f'class="chart-tick">{tick}</text>')
    # The reference line goes behind the bars, so the values written on them stay readable; its
    # label sits in the right margin, clear of every bar.
    ref = y(reference)
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_num(ref)}" y2="{_num(ref)}" stroke="{REFERENCE}" '
                 f'stroke-width="2" stroke-dasharray="6 4" class="chart-reference"/>')
    parts.append(f'<text x="{WIDTH - RIGHT + 5}" y="{_num(ref - 2)}" fill="{REFERENCE}" font-weight="600" '
                 f'class="chart-reference-label"><tspan>Target</tspan><tspan x="{WIDTH - RIGHT + 5}" dy="14">'
                 f'{reference} %</tspan></text>')
    slot = plot_w / len(bars)
    width = min(56.0, slot * 0.8)
    for n, (label, value) in enumerate(bars):
        centre = LEFT + slot * (n + 0.5)
        if value is None:
            parts.append(f'<text x="{_num(centre)}" y="{_num(bottom - 6)}" text-anchor="middle" fill="{TEXT}" '
                         f'class="chart-gap">–</text>')
        else:
            name, fill = band(value)
            top_y = y(value)
            parts.append(f'<rect x="{_num(centre - width / 2)}" y="{_num(top_y)}" width="{_num(width)}" '
                         f'height="{_num(bottom - top_y)}" fill="{fill}" class="chart-bar chart-{name}">'
                         f'<title>{escape(label)}: {percent(value)}</title></rect>')
            parts.append(_value_label(percent(value, 1).replace(" %", "%"), centre, top_y, bottom - top_y, upright=slot < WIDE_SLOT))
        parts.append(f'<text x="{_num(centre)}" y="{bottom + 17}" text-anchor="middle" fill="{TEXT}" '
                     f'class="chart-label">{escape(label)}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{bottom}" stroke="{AXIS}" stroke-width="1"/>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{bottom}" y2="{bottom}" stroke="{AXIS}" '
                 f'stroke-width="1"/>')
    parts.append(f'<text x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 8}" text-anchor="middle" fill="{TEXT}" '
                 f'class="chart-axis-title">{escape(x_label)}</text>')
    parts.append(f'<text transform="translate(13 {TOP + plot_h / 2:.0f}) rotate(-90)" text-anchor="middle" '
                 f'fill="{TEXT}" class="chart-axis-title">{escape(y_label)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _value_label(words: str, centre: float, top_y: float, height: float, *, upright: bool) -> str:
    """The value ("96,5%", compact to fit the bar) written on its bar in white (enough contrast on
    every band colour), or above a bar too short to hold it; upright (rotated) when bars are narrow."""
    inside = height >= (56 if upright else 22)
    fill = "#ffffff" if inside else TEXT
    if upright:
        y0 = top_y + 6 if inside else top_y - 6
        anchor = "end" if inside else "start"
        return (f'<text transform="translate({_num(centre + 4)} {_num(y0)}) rotate(-90)" text-anchor="{anchor}" '
                f'fill="{fill}" font-size="11" font-weight="600" class="chart-value">{escape(words)}</text>')
    y0 = top_y + 16 if inside else top_y - 5
    return (f'<text x="{_num(centre)}" y="{_num(y0)}" text-anchor="middle" fill="{fill}" font-size="11" '
            f'font-weight="600" class="chart-value">{escape(words)}</text>')


def legend() -> list[tuple[str, str, str]]:
    """(class suffix, colour, words) for the legend under a capaian chart."""
    words = {"di-atas": f"≥ {DEFAULT_ABOVE} %", "sesuai": f"{DEFAULT_BELOW} % s.d. < {DEFAULT_ABOVE} %",
             "di-bawah": f"< {DEFAULT_BELOW} %"}
    return [(name, colour, words[name]) for name, colour in BANDS]
