"""Charts as server-rendered inline SVG: pure Python, no outside assets, no script. Accessible
(role="img" named by its <title> and <desc>, every value also written as text, colour never the
only carrier) and styled with SVG presentation attributes, which the CSP allows."""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup, escape

from app.domain.enums import OrgPredikat
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
            parts.append(_value_label(percent(value, 1).replace(" %", "\u202f%"), centre, top_y, bottom - top_y, upright=slot < WIDE_SLOT))
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
    """The value ("96,5 %" with a narrow no-break space, to fit the bar) written on its bar in white (enough contrast on
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


# --- the distribution curve of a team (RULES.md §5) -------------------------------------------

CURVE_WIDTH = 440
CURVE_SIDE = 10
CURVE_OK = "#0b4f6c"
CURVE_BAD = "#b02a37"
CURVE_FREE = "#495057"  # a predikat no rule of this curve bounds
CURVE_TRACK = "#e9ecef"


@dataclass
class CurveRow:
    """One bar of the curve chart: a predikat (or a group a rule counts together), how many of the
    team have it, and the rule of the org predikat's curve on it, if any."""

    label: str
    have: int
    share: float  # percent of the team
    kind: str | None = None  # "max" or "min"
    percent: int | None = None  # None with kind "min": at least one pegawai
    limit: int | None = None  # pegawai allowed (max) or required (min), rounded as RULES.md §5 says
    ok: bool = True

    @property
    def marker(self) -> float | None:
        """Where the limit line goes, in percent of the team."""
        if self.kind is None:
            return None
        return float(self.percent) if self.percent is not None else None

    @property
    def rule(self) -> str:
        """"maks. 70 % (3 dari 5 pegawai)", "min. 1 pegawai", "tidak boleh ada", "" without a rule."""
        if self.kind is None:
            return ""
        if self.percent is None:
            return "min. 1 pegawai"
        if self.kind == "max" and self.percent == 0:
            return "tidak boleh ada"
        word = "maks." if self.kind == "max" else "min."
        return f"{word} {self.percent} % ({self.limit} pegawai)" if self.limit is not None else f"{word} {self.percent} %"

    @property
    def verdict(self) -> str:
        if self.kind is None:
            return ""
        if self.ok:
            return "sesuai"
        return "melampaui batas" if self.kind == "max" else "kurang dari batas"


def share_text(share: float) -> str:
    """40.0 → "40 %", 33.33 → "33 %" (whole percent: the team is small)."""
    return f"{int(Decimal(str(share)).quantize(Decimal(1), rounding='ROUND_HALF_UP'))} %"


def curve_rows(org_predikat, counts) -> list[CurveRow]:
    """The bars of a team's curve: one per predikat (in the matrix's order), then one per rule that
    counts several predikat together; each with its rule from CURVE_RULES of `org_predikat`
    (None: not set, no rules)."""
    from app.domain.scoring import CURVE_RULES, Predikat, curve_limit

    tally = {p: int(counts.get(p, counts.get(p.value, 0)) or 0) for p in Predikat}
    total = sum(tally.values())
    rules = CURVE_RULES.get(OrgPredikat.parse(org_predikat), []) if org_predikat else []

    def row(group, kind=None, percent=None) -> CurveRow:
        have = sum(tally[p] for p in group)
        made = CurveRow(" + ".join(p.label for p in group), have, have * 100.0 / total if total else 0.0, kind, percent)
        if kind is not None and total:
            made.limit = curve_limit(kind, percent, total)
            made.ok = have <= made.limit if kind == "max" else have >= made.limit
        return made

    singles = {group[0]: (kind, percent) for group, kind, percent in rules if len(group) == 1}
    rows = [row((p,), *singles.get(p, (None, None))) for p in Predikat]
    rows += [row(group, kind, percent) for group, kind, percent in rules if len(group) > 1]
    return rows


def curve_chart(rows: Sequence[CurveRow], *, title: str, description: str = "",
                chart_id: str = "kurva") -> Markup:
    """Horizontal bars of the team's share per predikat (0–100 %), each with the limit of its rule
    as a dashed line and the rule and verdict written under it; a bar breaking its rule is red and
    says so in words."""
    ids = {"title": f"{chart_id}-judul", "desc": f"{chart_id}-uraian"}
    total = sum(r.have for r in rows if " + " not in r.label)
    summary = "; ".join(
        f"{r.label}: {r.have} pegawai ({share_text(r.share)})" + (f", batas {r.rule}, {r.verdict}" if r.rule else "")
        for r in rows)
    desc = " ".join(part for part in (description, summary + "." if total else "Belum ada predikat tahunan.") if part)
    lane_w = CURVE_WIDTH - 2 * CURVE_SIDE
    heights = [(62 if r.rule else 42) for r in rows]
    height = 12 + sum(heights) + 34
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CURVE_WIDTH} {height}" class="chart chart-curve" '
            f'role="img" aria-labelledby="{ids["title"]} {ids["desc"]}" font-family="system-ui, sans-serif" '
            f'font-size="14"><title id="{ids["title"]}">{escape(title)}</title>'
            f'<desc id="{ids["desc"]}">{escape(desc)}</desc>')
    if not total:
        return Markup(head.replace(f'viewBox="0 0 {CURVE_WIDTH} {height}"', f'viewBox="0 0 {CURVE_WIDTH} 80"')
                      + f'<text x="{CURVE_WIDTH // 2}" y="45" text-anchor="middle" fill="{TEXT}" font-size="15" '
                        f'class="chart-empty">Belum ada predikat tahunan yang ditetapkan</text></svg>')

    def x(share: float) -> float:
        return CURVE_SIDE + max(0.0, min(share, 100.0)) / 100.0 * lane_w

    parts = [head]
    plot_bottom = 12 + sum(heights)
    for tick in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{_num(x(tick))}" x2="{_num(x(tick))}" y1="8" y2="{plot_bottom}" stroke="{GRID}" '
                     f'stroke-width="1"/>')
        anchor = "start" if tick == 0 else ("end" if tick == 100 else "middle")
        parts.append(f'<text x="{_num(x(tick))}" y="{plot_bottom + 16}" text-anchor="{anchor}" fill="{TEXT}" '
                     f'font-size="12" class="chart-tick">{tick} %</text>')
    parts.append(f'<text x="{CURVE_WIDTH // 2}" y="{plot_bottom + 31}" text-anchor="middle" fill="{TEXT}" font-size="12" '
                 f'class="chart-axis-title">Persentase pegawai tim</text>')
    top = 12
    for r, h in zip(rows, heights):
        fill = CURVE_FREE if r.kind is None else (CURVE_OK if r.ok else CURVE_BAD)
        state = "free" if r.kind is None else ("ok" if r.ok else "bad")
        parts.append(f'<g class="chart-row chart-row-{state}">')
        parts.append(f'<text x="{CURVE_SIDE}" y="{top + 14}" fill="{TEXT}" font-weight="600" class="chart-label">'
                     f'{escape(r.label)}</text>')
        parts.append(f'<text x="{CURVE_WIDTH - CURVE_SIDE}" y="{top + 14}" text-anchor="end" fill="{TEXT}" '
                     f'class="chart-value">{r.have} · {share_text(r.share)}</text>')
        lane = top + 20
        parts.append(f'<rect x="{CURVE_SIDE}" y="{lane}" width="{lane_w}" height="14" fill="{CURVE_TRACK}" '
                     f'class="chart-track"/>')
        if r.have:
            parts.append(f'<rect x="{CURVE_SIDE}" y="{lane}" width="{_num(max(x(r.share) - CURVE_SIDE, 2))}" '
                         f'height="14" fill="{fill}" class="chart-bar chart-bar-{state}"><title>{escape(r.label)}: '
                         f'{r.have} pegawai ({share_text(r.share)})</title></rect>')
        if r.marker is not None:
            mx = _num(x(r.marker))
            parts.append(f'<line x1="{mx}" x2="{mx}" y1="{lane - 4}" y2="{lane + 18}" stroke="{REFERENCE}" '
                         f'stroke-width="2.5" stroke-dasharray="4 2" class="chart-limit"/>')
        if r.rule:
            colour = CURVE_BAD if not r.ok else TEXT
            weight = ' font-weight="600"' if not r.ok else ""
            parts.append(f'<text x="{CURVE_SIDE}" y="{lane + 31}" fill="{colour}" font-size="12"{weight} '
                         f'class="chart-rule">Batas {escape(r.rule)} — {escape(r.verdict)}</text>')
        parts.append("</g>")
        top += h
    parts.append("</svg>")
    return Markup("".join(parts))


# --- pemantauan and rekap predikat: shares per OPD, an OPD's predikat against its curve -----------

# Fill colours with at least 3:1 contrast on white (WCAG 1.4.11); every number is also in the table.
PREDIKAT_FILLS = {"SANGAT_BAIK": "#146c43", "BAIK": "#0b4f6c", "BUTUH_PERBAIKAN": "#9a4a00",
                  "KURANG": "#b02a37", "SANGAT_KURANG": "#58151c"}
STATE_FILLS = {"belum": "#b02a37", "draf": "#9a4a00", "diajukan": "#0b4f6c", "dikembalikan": "#6f42c1",
               "disetujui": "#146c43"}
SHARE_TRACK = "#e9ecef"


def share_bar(segments: Sequence[tuple[str, str, int, str]], *, label: str, height: int = 14) -> Markup:
    """A 100 % stacked bar of (class suffix, words, count, fill) segments. Its geometry is in
    percent, so it fills its table cell at any width; the words and counts are its accessible name."""
    total = sum(count for _key, _words, count, _fill in segments)
    summary = "; ".join(f"{words} {count} ({percent(count * 100 / total, 1)})"
                        for _key, words, count, _fill in segments if count) if total else "belum ada data"
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" class="share-bar" '
             f'role="img" aria-label="{escape(label)}: {escape(summary)}">'
             f'<rect x="0" y="0" width="100%" height="{height}" fill="{SHARE_TRACK}"/>']
    start = 0.0
    for key, words, count, fill in segments:
        if not count:
            continue
        width = count * 100 / total
        parts.append(f'<rect x="{start:.3f}%" y="0" width="{width:.3f}%" height="{height}" fill="{fill}" '
                     f'stroke="#ffffff" stroke-width="1" class="share-{escape(key)}"><title>{escape(words)}: '
                     f'{count} ({percent(width, 1)})</title></rect>')
        start += width
    parts.append("</svg>")
    return Markup("".join(parts))


CURVE_CHART_WIDTH = 380


def curve_limits_chart(bars: Sequence[tuple[str, int, float, str, list[tuple[float, bool, str, str]]]], *,
                       title: str, description: str = "", chart_id: str = "kurva-opd",
                       verdicts: bool = True) -> Markup:
    """An OPD's predikat against the curve of its predikat organisasi: per (label, count, share %,
    fill, rules) a horizontal bar of the share on a 0–100 % lane, each rule of the curve as a marker
    at the number of pegawai it allows or requires ((position %, kept, rule, verdict)) with its words
    under the bar; a broken rule is red and says so. Without `verdicts` (a period's paper, while
    the year is not handed over) the rules are drawn and named, never judged."""
    if not verdicts:
        bars = [(label, count, share, fill, [(at, True, rule, "") for at, _ok, rule, _verdict in rules])
                for label, count, share, fill, rules in bars]
    ids = {"title": f"{chart_id}-judul", "desc": f"{chart_id}-uraian"}
    side, lane_w = 10, CURVE_CHART_WIDTH - 20
    summary = "; ".join(
        f"{label}: {count} pegawai ({percent(share, 1)})"
        + "".join(f", {rule}: {verdict}" if verdict else f", {rule}" for _at, _ok, rule, verdict in rules)
        for label, count, share, _fill, rules in bars)
    desc = " ".join(part for part in (description, summary + ".") if part)
    heights = [38 + 20 * len(rules) for *_rest, rules in bars]
    height = 8 + sum(heights) + 34
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CURVE_CHART_WIDTH} {height}" '
             f'class="chart chart-opd-curve" role="img" aria-labelledby="{ids["title"]} {ids["desc"]}" '
             f'font-family="system-ui, sans-serif" font-size="14"><title id="{ids["title"]}">{escape(title)}</title>'
             f'<desc id="{ids["desc"]}">{escape(desc)}</desc>']

    def x(share: float) -> float:
        return side + max(0.0, min(share, 100.0)) / 100.0 * lane_w

    bottom = 8 + sum(heights)
    for tick in (0, 25, 50, 75, 100):
        anchor = "start" if tick == 0 else ("end" if tick == 100 else "middle")
        parts.append(f'<line x1="{_num(x(tick))}" x2="{_num(x(tick))}" y1="4" y2="{bottom}" stroke="{GRID}" '
                     f'stroke-width="1"/><text x="{_num(x(tick))}" y="{bottom + 15}" text-anchor="{anchor}" '
                     f'fill="{TEXT}" font-size="12" class="chart-tick">{tick} %</text>')
    parts.append(f'<text x="{CURVE_CHART_WIDTH // 2}" y="{bottom + 30}" text-anchor="middle" fill="{TEXT}" '
                 f'font-size="12" class="chart-axis-title">Persentase pegawai perangkat daerah</text>')
    top = 8
    for (label, count, share, fill, rules), h in zip(bars, heights):
        broken = any(not ok for _at, ok, _rule, _verdict in rules)
        parts.append(f'<g class="chart-row{" chart-row-bad" if broken else ""}">'
                     f'<text x="{side}" y="{top + 13}" fill="{TEXT}" font-size="13" font-weight="600" class="chart-label">'
                     f'{escape(label)}</text><text x="{CURVE_CHART_WIDTH - side}" y="{top + 13}" text-anchor="end" '
                     f'fill="{TEXT}" font-size="13" class="chart-value">{count} · {percent(share, 1)}</text>'
                     f'<rect x="{side}" y="{top + 18}" width="{lane_w}" height="12" fill="{SHARE_TRACK}"/>')
        if count:
            parts.append(f'<rect x="{side}" y="{top + 18}" width="{_num(max(x(share) - side, 2))}" height="12" '
                         f'fill="{fill}" class="chart-bar"><title>{escape(label)}: {count} pegawai '
                         f'({percent(share, 1)})</title></rect>')
        for n, (at, ok, rule, verdict) in enumerate(rules):
            colour, weight = (REFERENCE, "400") if ok else ("#b02a37", "700")
            fill_text = TEXT if ok else colour
            parts.append(f'<line x1="{_num(x(at))}" x2="{_num(x(at))}" y1="{top + 14}" y2="{top + 34}" '
                         f'stroke="{colour}" stroke-width="2.5" stroke-dasharray="4 2" class="chart-limit"/>'
                         f'<text x="{side}" y="{top + 46 + 20 * n}" fill="{fill_text}" font-size="12" '
                         f'class="chart-rule">{escape(rule)}</text><text x="{CURVE_CHART_WIDTH - side}" '
                         f'y="{top + 46 + 20 * n}" text-anchor="end" fill="{fill_text}" font-size="12" '
                         f'font-weight="{weight}" class="chart-verdict">{escape(verdict)}</text>')
        parts.append("</g>")
        top += h
    parts.append("</svg>")
    return Markup("".join(parts))


# Mutu of an unsur's NRR → fill (each with at least 4.5:1 contrast on white; the letter is written too).
MUTU_FILLS = {"A": "#146c43", "B": "#0b4f6c", "C": "#8a5300", "D": "#b02a37"}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip(" ,") + "…"


def nrr_chart(rows: Sequence[dict], *, title: str, chart_id: str = "grafik-nrr") -> Markup:
    """A horizontal bar per SKM unsur on the 1–4 scale, its NRR (two decimals) and mutu letter
    written beside it; an unsur nobody answered shows "–". `rows`: number, name, nrr, mutu."""
    row_h, left, right, top = 30, 320, 90, 26
    width, height = 700, top + row_h * len(rows) + 30
    ids = {"title": f"{chart_id}-judul", "desc": f"{chart_id}-uraian"}

    def words(row) -> str:
        if row["nrr"] is None:
            return "belum dijawab"
        return f"{row['nrr']:.2f}".replace(".", ",") + f" ({row['mutu']})"

    desc = "; ".join(f"{row['name']}: {words(row)}" for row in rows)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" role="img" '
             f'aria-labelledby="{ids["title"]} {ids["desc"]}" font-family="system-ui, sans-serif" font-size="13">'
             f'<title id="{ids["title"]}">{escape(title)}</title><desc id="{ids["desc"]}">{escape(desc)}</desc>']
    plot = width - left - right

    def x(value) -> float:
        return left + (float(value) - 1) / 3 * plot

    for tick in (1, 2, 3, 4):
        parts.append(f'<line x1="{_num(x(tick))}" x2="{_num(x(tick))}" y1="{top - 6}" y2="{height - 24}" '
                     f'stroke="{GRID}" stroke-width="1"/>')
        parts.append(f'<text x="{_num(x(tick))}" y="{top - 10}" text-anchor="middle" fill="{TEXT}">{tick}</text>')
    for n, row in enumerate(rows):
        y = top + n * row_h
        parts.append(f'<text x="{left - 8}" y="{y + 19}" text-anchor="end" fill="{TEXT}">'
                     f'U{row["number"]} {escape(_short(row["name"], 33))}</text>')
        if row["nrr"] is None:
            parts.append(f'<text x="{left + 4}" y="{y + 19}" fill="{TEXT}">–</text>')
            continue
        fill = MUTU_FILLS.get(row["mutu"], AXIS)
        parts.append(f'<rect x="{left}" y="{y + 5}" width="{_num(max(2.0, x(row["nrr"]) - left))}" height="{row_h - 10}" '
                     f'fill="{fill}"><title>{escape(row["name"])}: {words(row)}</title></rect>')
        parts.append(f'<text x="{_num(x(row["nrr"]) + 6)}" y="{y + 19}" fill="{TEXT}" font-weight="600">'
                     f'{words(row)}</text>')
    parts.append(f'<text x="{left + plot / 2:.0f}" y="{height - 6}" text-anchor="middle" fill="{TEXT}">'
                 f'Nilai rata-rata unsur (NRR, skala 1–4)</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
