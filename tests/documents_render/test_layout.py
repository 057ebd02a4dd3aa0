"""The hard cases of the official documents, checked from the PDF itself (tests/documents_render/
layout.py): a kualitatif evaluation with a 600-character RHK of seven long IKI (a group taller
than a page), the Akhir with an undecided keberatan, SKP of 12 and 40 RHK with long names and a
Plt. signer, the Dokumen Evaluasi with a decided keberatan — on A4 and F4. On every page: no cell
left open at a page end, every IKI under its RHK (repeated "(lanjutan)" on a new page), nothing in
the margins, and no signature block without the content it closes."""
from __future__ import annotations

import copy
import os
import re

import pytest

from app.domain.skp import Approach
from app.extensions import db
from app.services.documents.data import snapshot_annual, snapshot_dokumen_evaluasi, snapshot_evaluation, snapshot_skp
from app.services.documents.paginate import CONTINUED_TEXT
from app.services.documents.render import render_document_pdf
from tests.documents_render.conftest import CODE, ISSUED, VERIFY
from tests.documents_render.layout import ink_outside, lone_signatures, open_cells, read

LONG = ("terlaksananya koordinasi, sinkronisasi, pemantauan dan evaluasi pelaksanaan program prioritas daerah "
        "di seluruh perangkat daerah, kecamatan, kelurahan dan desa, termasuk penyusunan laporan berkala yang "
        "memuat analisis capaian, kendala, rekomendasi tindak lanjut, dan dokumentasi kegiatan secara lengkap ")
LONG_NAME = "Prof. Dr. Ir. H. Muhammad Abdurrahman Syahputra Nasution Siregar, S.H., M.H., M.Si., M.Kom."
LONG_POSITION = "Kepala Bidang Pengembangan Aplikasi Informatika, Persandian dan Statistik Sektoral Daerah"


def text(prefix: str, length: int) -> str:
    body = (LONG * (length // len(LONG) + 1))
    return (prefix + " " + body)[:length].rstrip()


def with_results(snapshot: dict, rhk: int, iki: int, *, rhk_length: int = 80, iki_length: int = 60,
                 long_first: int = 0) -> dict:
    """`snapshot` with `rhk` RHK utama of `iki` IKI each, marked RHK01… and IKI01x1…; the first
    `long_first` RHK get 600 characters and seven IKI with long targets, realisasi and bukti."""
    snapshot = copy.deepcopy(snapshot)
    row = snapshot["results"]["utama"][0]
    indicator = row["indicators"][0]
    rows = []
    for n in range(1, rhk + 1):
        long = n <= long_first
        r = copy.deepcopy(row)
        r["no"] = str(n)
        r["text"] = text(f"RHK{n:02}", 600 if long else rhk_length)
        r["indicators"] = []
        for k in range(1, (7 if long else iki) + 1):
            i = copy.deepcopy(indicator)
            i["text"] = text(f"IKI{n:02}x{k}", 160 if long else iki_length)
            i["target"] = text("Target", 300) if long else "12 Dokumen"
            if "realization" in i:
                i["realization"] = text("Realisasi", 350) if long else "3 Dokumen"
                i["evidence"] = [f"https://arsip.uji.example/bukti/{n}/{k}/{j}" for j in range(3)] if long else []
            r["indicators"].append(i)
        if "feedback" in r:
            r["feedback"] = [text("Umpan balik", 200)] if long else []
        rows.append(r)
    snapshot["results"]["utama"] = rows
    return snapshot


def long_people(snapshot: dict, *, acting: bool = False) -> dict:
    """Every person printed with a long name and title, the right signer with a long jabatan
    (and as Plt. when `acting`)."""
    snapshot = copy.deepcopy(snapshot)
    people = list((snapshot.get("identity") or {}).values()) + list((snapshot.get("blocks") or {}).values())
    for person in people:
        if isinstance(person, dict) and person.get("name"):
            person["name"], person["jabatan"] = LONG_NAME, LONG_POSITION
    for block in snapshot["signatures"]:
        block["name"] = LONG_NAME
        if block["side"] == "right":
            block["position"] = LONG_POSITION
            if acting:
                block["acting_prefix"] = "Plt."
    return snapshot


def faults(data: bytes, roles=("Pejabat Penilai Kinerja",)) -> list[str]:
    """Everything wrong with the PDF's pages, in words (empty: nothing)."""
    pages = read(data)
    found = []
    for page in pages:
        for x, y in open_cells(page):
            found.append(f"hlm {page.number}: garis sel terbuka di x={x} y={y}")
        for margin in ink_outside(page):
            found.append(f"hlm {page.number}: ada isi di margin {margin}")
        rhk = set(re.findall(r"RHK(\d\d)", page.text))
        for number in sorted(set(re.findall(r"IKI(\d\d)x\d", page.text)) - rhk):
            found.append(f"hlm {page.number}: IKI dari RHK {number} tanpa RHK-nya")
    for role in roles:
        found += [f"hlm {number}: tanda tangan ({role}) tanpa isi di atasnya" for number in lone_signatures(pages, role)]
    return found


def issue(snapshot: dict, name: str) -> bytes:
    """The issued PDF; with CAPAIAN_LAYOUT_OUT=<folder> also written there, to look at its pages."""
    data = render_document_pdf(snapshot, code=CODE, verify_url=VERIFY, issued_at_text=ISSUED)
    if os.environ.get("CAPAIAN_LAYOUT_OUT"):
        os.makedirs(os.environ["CAPAIAN_LAYOUT_OUT"], exist_ok=True)
        with open(os.path.join(os.environ["CAPAIAN_LAYOUT_OUT"], f"{name}.pdf"), "wb") as handle:
            handle.write(data)
    return data


def continued_pages(data: bytes) -> list[int]:
    return [page.number for page in read(data) if CONTINUED_TEXT in page.text]


@pytest.fixture
def qualitative(line):
    line.plan.approach = Approach.KUALITATIF
    db.session.flush()
    return line


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_a_kualitatif_rhk_taller_than_a_page_is_continued_under_its_rhk(qualitative, paper):
    snapshot = with_results(snapshot_evaluation(qualitative.assessment()), 3, 2, long_first=1)
    snapshot["paper_size"] = paper
    data = issue(snapshot, f"evaluasi-kualitatif-600-{paper}")
    assert faults(data) == []
    assert continued_pages(data), "the 600-character RHK runs over a page and is continued"


def test_the_checks_see_a_group_cut_without_its_rhk(qualitative, monkeypatch):
    """Without the continuation the same document has open cells and IKI without their RHK: the
    checks above can fail."""
    import app.services.documents.pdf as pdf

    monkeypatch.setattr(pdf, "MAX_PASSES", 0)
    data = issue(with_results(snapshot_evaluation(qualitative.assessment()), 3, 2, long_first=1), "tanpa-lanjutan")
    found = faults(data)
    assert any("garis sel terbuka" in f for f in found), found
    assert any("tanpa RHK-nya" in f for f in found), found
    assert not continued_pages(data)


def test_the_akhir_of_a_long_kualitatif_year_with_an_undecided_keberatan(qualitative):
    qualitative.assessment()
    evaluation = qualitative.evaluation()
    qualitative.objection(evaluation, decided=False)
    snapshot = long_people(with_results(snapshot_annual(evaluation), 4, 3, long_first=1))
    data = issue(snapshot, "akhir-kualitatif-keberatan-belum-diputus")
    assert faults(data) == []
    assert continued_pages(data)


@pytest.mark.parametrize(("rhk", "paper"), [(12, "A4"), (40, "F4")])
def test_skp_of_many_rhk_with_long_names_and_a_plt_signer(line, rhk, paper):
    snapshot = long_people(with_results(snapshot_skp(line.plan), rhk, 3, rhk_length=220, iki_length=120), acting=True)
    snapshot["paper_size"] = paper
    data = issue(snapshot, f"skp-{rhk}-rhk-{paper}")
    assert faults(data, roles=("Pegawai yang Dinilai", "Pejabat Penilai Kinerja")) == []
    assert "Plt." in " ".join(page.text for page in read(data))


@pytest.mark.parametrize("paper", ["A4", "F4"])
def test_dokumen_evaluasi_with_a_decided_keberatan_long_texts_and_names_is_one_page(line, paper):
    """Its blocks, the keberatan and the three signatures on page 1; the texts the form cannot hold
    whole continue in its Lampiran, which starts a page of its own."""
    line.assessment()
    evaluation = line.evaluation()
    objection = line.objection(evaluation, decided=True)
    evaluation.note = text("Catatan", 2000)
    objection.reasons, objection.explanation = text("Keberatan", 1500), text("Penjelasan", 1500)
    objection.decision_reason = text("Alasan", 1500)
    db.session.flush()
    snapshot = long_people(snapshot_dokumen_evaluasi(evaluation), acting=True)
    snapshot["paper_size"] = paper
    data = issue(snapshot, f"dokumen-evaluasi-keberatan-{paper}")
    pages = read(data)
    assert faults(data, roles=("Pegawai yang Dinilai", "Pejabat Penilai Kinerja")) == []
    first = pages[0]
    for words in ("KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
                  "Atasan Pejabat Penilai Kinerja"):
        assert first.find(words), words
    assert len(pages) > 1 and all("LAMPIRAN DOKUMEN EVALUASI" not in p.text for p in pages[:1])
    assert "LAMPIRAN DOKUMEN EVALUASI" in pages[1].text


def test_a_cut_group_closes_its_spans_and_continues_them_as_marked():
    from xml.etree.ElementTree import fromstring, tostring

    from app.services.documents.paginate import continue_group

    table = fromstring(
        '<table><tbody data-group="1"><tr class="group-title"><th colspan="5">A. UTAMA</th></tr>'
        '<tr><td rowspan="4" data-continued="repeat">1</td><td rowspan="4" data-continued="label">RHK</td>'
        '<td>IKI 1</td><td>T1</td><td rowspan="4" data-continued="mark">Umpan balik</td></tr>'
        '<tr class="evidence-row sub"><td colspan="2">Bukti 1</td></tr>'
        '<tr class="sub"><td>IKI 2</td><td>T2</td></tr>'
        '<tr class="evidence-row sub"><td colspan="2">Bukti 2</td></tr></tbody></table>')
    continue_group(table, table.find("tbody"), 3)
    first, rest = table.findall("tbody")
    assert [td.get("rowspan") for td in first.findall("tr")[1] if td.get("rowspan")] == ["2", "2", "2"]
    assert rest.get("class") == "continuation" and rest.get("data-group") == "1+"
    head = rest.findall("tr")[0]
    assert [(td.get("rowspan"), "".join(td.itertext())) for td in head] == [
        ("2", "1"), ("2", "(lanjutan)RHK"), (None, "IKI 2"), (None, "T2"), ("2", "(lanjutan)")]
    assert head.get("class") is None  # its first column is its own again: it draws the left edge
    assert tostring(rest.findall("tr")[1], encoding="unicode").count("Bukti 2") == 1
