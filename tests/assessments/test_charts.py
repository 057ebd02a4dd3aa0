"""The chart builder as pure code: values → SVG elements; gaps; an empty chart says so; labels
escaped; accessible name and description."""
import xml.etree.ElementTree as ET
from decimal import Decimal

from app.services.charts import bar_chart, band, legend, percent

NS = {"s": "http://www.w3.org/2000/svg"}


def _svg(markup) -> ET.Element:
    return ET.fromstring(str(markup))


def test_one_bar_per_value_with_its_text_and_the_reference_line():
    svg = _svg(bar_chart([("TW I", Decimal("96.5")), ("TW II", Decimal("112")), ("TW III", None),
                          ("TW IV", Decimal("80"))], title="Rata-rata capaian", chart_id="g"))
    assert svg.get("role") == "img" and svg.get("aria-labelledby") == "g-judul g-uraian"
    assert svg.find("s:title", NS).text == "Rata-rata capaian"
    desc = svg.find("s:desc", NS).text
    assert "TW I: 96,5 %" in desc and "TW III: belum ada data" in desc and "TW II: 112 %" in desc
    bars = svg.findall("s:rect", NS)
    assert [b.find("s:title", NS).text for b in bars] == ["TW I: 96,5 %", "TW II: 112 %", "TW IV: 80 %"]
    assert [b.get("class").split()[-1] for b in bars] == ["chart-sesuai", "chart-di-atas", "chart-di-bawah"]
    # taller for the larger value; every bar ends on the same baseline
    heights = [float(b.get("height")) for b in bars]
    assert heights[1] > heights[0] > heights[2]
    assert len({round(float(b.get("y")) + float(b.get("height")), 1) for b in bars}) == 1
    texts = [" ".join(t.itertext()) for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert {"96,5\u202f%", "112\u202f%", "80\u202f%", "–", "TW I", "TW IV", "Target 100 %", "Periode", "Capaian (%)"} <= set(texts)
    values = [t for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "chart-value"]
    assert [t.get("fill") for t in values] == ["#ffffff"] * 3  # written on the bars, white on the fill
    reference = [line for line in svg.findall("s:line", NS) if line.get("class") == "chart-reference"]
    assert len(reference) == 1 and reference[0].get("stroke-dasharray")
    # the 100 % line sits between the 96,5 % and the 112 % bar tops
    tops = {b.find("s:title", NS).text: float(b.get("y")) for b in bars}
    assert tops["TW II: 112 %"] < float(reference[0].get("y1")) < tops["TW I: 96,5 %"]
    assert "style=" not in str(bar_chart([("TW I", Decimal(50))], title="x"))


def test_twelve_months_get_upright_values_and_a_short_bar_its_value_above():
    bars = [(f"B{n}", Decimal(100)) for n in range(11)] + [("Des", Decimal(5))]
    svg = _svg(bar_chart(bars, title="Bulanan"))
    values = [t for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "chart-value"]
    assert len(values) == 12 and all("rotate(-90)" in t.get("transform") for t in values)
    assert values[0].get("fill") == "#ffffff" and values[-1].get("fill") != "#ffffff"


def test_an_empty_chart_says_there_is_no_data():
    for bars in ([], [("TW I", None), ("TW II", None)]):
        svg = _svg(bar_chart(bars, title="Rata-rata capaian"))
        assert svg.findall("s:rect", NS) == []
        texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
        assert texts == ["Belum ada data capaian"]
        assert "Belum ada data capaian" in svg.find("s:desc", NS).text


def test_labels_are_escaped_and_the_axis_grows_with_large_values():
    svg = _svg(bar_chart([("<b>&", Decimal("150"))], title="A < B"))
    assert svg.find("s:title", NS).text == "A < B"
    ticks = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "chart-tick"]
    assert ticks[-1] == "160" and ticks[0] == "0"


def test_helpers():
    assert percent(Decimal("100.00")) == "100 %" and percent(Decimal("66.67")) == "66,67 %" and percent(None) == "belum ada data"
    assert band(Decimal(110))[0] == "di-atas" and band(Decimal(90))[0] == "sesuai" and band(Decimal("89.99"))[0] == "di-bawah"
    assert [name for name, _c, _w in legend()] == ["di-atas", "sesuai", "di-bawah"]
