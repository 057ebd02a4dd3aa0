"""The curve chart as pure code: the bars and rules of each org predikat, the limits rounded as
RULES.md §5 says, the verdict written in words, and accessible, well-formed SVG without style=."""
import xml.etree.ElementTree as ET

import pytest

from app.domain.enums import OrgPredikat
from app.domain.scoring import CURVE_RULES, Predikat, curve_violations
from app.services.charts import curve_chart, curve_rows

SVG = "{http://www.w3.org/2000/svg}"


def _svg(rows, **kwargs):
    markup = str(curve_chart(rows, title="Sebaran predikat tim", chart_id="uji", **kwargs))
    return markup, ET.fromstring(markup)


def test_rows_follow_the_rules_of_baik():
    rows = curve_rows(OrgPredikat.BAIK, {Predikat.BAIK: 4, Predikat.BUTUH_PERBAIKAN: 1})
    assert [r.label for r in rows] == ["Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang",
                                       "Butuh Perbaikan + Kurang/Misconduct"]
    baik, group = rows[1], rows[-1]
    assert (baik.have, baik.share, baik.kind, baik.percent, baik.limit, baik.ok) == (4, 80.0, "max", 70, 3, False)
    assert baik.rule == "maks. 70 % (3 pegawai)" and baik.verdict == "melampaui batas"
    assert (group.have, group.limit, group.ok, group.rule) == (1, 1, True, "min. 1 pegawai")
    assert rows[0].kind is None and rows[0].rule == "" and rows[0].ok


@pytest.mark.parametrize("org", list(OrgPredikat))
@pytest.mark.parametrize("counts", [
    {"SANGAT_BAIK": 1, "BAIK": 3, "BUTUH_PERBAIKAN": 1},
    {"SANGAT_KURANG": 6, "KURANG": 1, "SANGAT_BAIK": 1},
    {"KURANG": 7, "BUTUH_PERBAIKAN": 1, "BAIK": 2},
    {"BUTUH_PERBAIKAN": 3},
])
def test_a_bar_breaks_its_rule_exactly_when_curve_violations_says_so(org, counts):
    rows = curve_rows(org, counts)
    assert sum(1 for r in rows if not r.ok) == len(curve_violations(org, counts))
    assert sum(1 for r in rows if r.kind) == len(CURVE_RULES[org])


def test_small_units_round_max_down_and_min_up():
    (sb,) = [r for r in curve_rows("BUTUH_PERBAIKAN", {"BUTUH_PERBAIKAN": 3}) if r.label == "Sangat Baik"]
    assert sb.limit == 0 and sb.ok  # 10 % of 3 rounds down to 0
    (bp,) = [r for r in curve_rows("BUTUH_PERBAIKAN", {"BUTUH_PERBAIKAN": 1, "BAIK": 2}) if r.label == "Butuh Perbaikan"]
    assert bp.limit == 2 and not bp.ok and bp.verdict == "kurang dari batas"  # 60 % of 3 rounds up to 2


def test_sangat_kurang_allows_no_sangat_baik():
    (sb,) = [r for r in curve_rows("SANGAT_KURANG", {"SANGAT_BAIK": 1, "SANGAT_KURANG": 9}) if r.label == "Sangat Baik"]
    assert sb.rule == "tidak boleh ada" and not sb.ok


def test_the_svg_is_accessible_and_carries_every_value_as_text():
    markup, root = _svg(curve_rows("BAIK", {"BAIK": 4, "BUTUH_PERBAIKAN": 1}))
    assert root.get("role") == "img" and root.get("aria-labelledby") == "uji-judul uji-uraian"
    assert root.find(f"{SVG}title").text == "Sebaran predikat tim"
    desc = root.find(f"{SVG}desc").text
    assert "Baik: 4 pegawai (80 %), batas maks. 70 % (3 pegawai), melampaui batas" in desc
    assert "style=" not in markup and "<script" not in markup
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "Batas maks. 70 % (3 pegawai) — melampaui batas" in texts
    assert "4 · 80 %" in texts and "Butuh Perbaikan + Kurang/Misconduct" in texts


def test_the_limit_line_sits_at_the_rule_percentage():
    _, root = _svg(curve_rows("ISTIMEWA", {"SANGAT_BAIK": 2, "BAIK": 2}))
    (line,) = [e for e in root.iter(f"{SVG}line") if e.get("class") == "chart-limit"]
    assert float(line.get("x1")) == pytest.approx(10 + 0.7 * 420)
    bad = [e for e in root.iter(f"{SVG}rect") if "chart-bar-bad" in (e.get("class") or "")]
    assert bad == []  # 50 % Sangat Baik is within 70 %


def test_a_violating_bar_is_red_and_says_so():
    _, root = _svg(curve_rows("ISTIMEWA", {"SANGAT_BAIK": 4, "BAIK": 1}))
    (bar,) = [e for e in root.iter(f"{SVG}rect") if "chart-bar-bad" in (e.get("class") or "")]
    assert bar.get("fill") == "#b02a37" and float(bar.get("width")) == pytest.approx(0.8 * 420)


def test_without_org_predikat_no_limits():
    markup, root = _svg(curve_rows(None, {"BAIK": 2}))
    assert not [e for e in root.iter(f"{SVG}line") if e.get("class") == "chart-limit"]
    assert "Batas" not in markup and len(curve_rows(None, {})) == 5


def test_an_empty_team_says_so():
    markup, root = _svg(curve_rows("BAIK", {}))
    assert "Belum ada predikat tahunan yang ditetapkan" in markup
    assert root.find(f"{SVG}desc").text == "Belum ada predikat tahunan."


def test_deadline_of_matches_the_service(line):
    from app.reviews.annual import deadline_of
    from app.services.reviews.annual import objection_deadline
    from app.services.settings import get_settings

    evaluation = line.handed(line.member(), days_ago=3)
    assert deadline_of(evaluation, get_settings().objection_days) == objection_deadline(evaluation)
