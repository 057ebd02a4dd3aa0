"""Starting an SKP (empty, last year, library), the JPT and kualitatif variants, the top official
assessed by the kepala daerah, and the pages without a year or without a pegawai record."""
from decimal import Decimal

from app.domain.enums import PositionKind
from app.domain.skp import Aspect, PlanStatus, ResultKind
from app.extensions import db
from app.models import LibraryIndicator, LibraryResult, OrgTarget
from app.models.library import position_key
from tests.skp.plans.conftest import (
    body, complete_indicator, field_error, hidden_version, newest, snapshot_counts, text,
)


def test_start_from_last_year(make_client, line, factory):
    last = factory.skp.year(2025)
    factory.skp.plan(line["staff"], last, status=PlanStatus.APPROVED, results=2)
    client = make_client(line["staff"].user)
    page = client.get("/skp/2026")
    assert "Salin SKP tahun lalu" in text(page)
    assert "Pustaka indikator belum memuat RHK untuk jabatan" in text(page)
    response = client.post("/skp/2026/mulai", {"source": "last_year"})
    assert response.status_code == 302
    plan = newest(line["staff"])
    assert plan.year.year == 2026
    assert [r.text for r in plan.results] == ["Tersusunnya dokumen uji 1", "Tersusunnya dokumen uji 2"]
    assert all(r.parent_id is None for r in plan.results)  # chosen again from this year's assessor SKP


def test_start_from_the_library(make_client, line):
    entry = LibraryResult(position_name="Pranata Komputer Ahli Pertama",
                          position_key=position_key("Pranata Komputer Ahli Pertama"),
                          kind=ResultKind.UTAMA, text="Terkelolanya jaringan intra pemerintah")
    entry.indicators.append(LibraryIndicator(aspect=Aspect.KUANTITAS, text="Jumlah laporan pemantauan",
                                             target_value=Decimal("12"), unit="Laporan"))
    db.session.add(entry)
    client = make_client(line["staff"].user)
    page = client.get("/skp/")
    assert "Gunakan pustaka indikator jabatan" in text(page)
    assert "Menyalin SKP tahun lalu tidak tersedia" in text(page)
    assert client.post("/skp/2026/mulai", {"source": "library"}).status_code == 302
    plan = newest(line["staff"])
    assert [r.text for r in plan.results] == ["Terkelolanya jaringan intra pemerintah"]
    page = client.get("/skp/2026")
    assert "Jumlah laporan pemantauan" in text(page) and "12 Laporan" in text(page)


def test_starting_twice_is_refused_kindly(make_client, line, factory):
    factory.skp.plan(line["staff"], line["year"])
    client = make_client(line["staff"].user)
    before = snapshot_counts()
    response = client.post("/skp/2026/mulai", {"source": "empty"})
    assert response.status_code == 302
    assert "SKP tahun 2026 sudah ada." in text(client.get("/skp/2026"))
    assert snapshot_counts() == before


def test_pages_without_a_year_or_without_a_pegawai(make_client, factory):
    employee = factory.employee()
    client = make_client(employee.user)
    assert "Belum ada tahun penilaian yang dibuka" in text(client.get("/skp/"))
    assert "Belum ada tahun penilaian yang dibuka" in text(client.get("/skp/tim"))
    factory.skp.year(2026)
    response = client.get("/skp/2031")
    assert response.status_code == 200 and "Tahun penilaian 2031 belum dibuka" in text(response)
    assert client.post("/skp/2031/mulai", {"source": "empty"}).status_code == 404
    operator = factory.user(role=__import__("app.domain.enums", fromlist=["Role"]).Role.SUPERADMIN)
    client = make_client(operator)
    page = client.get("/skp/")
    assert "tidak terhubung dengan data pegawai" in text(page)
    assert ">SKP saya<" not in body(page)  # no "SKP saya" in the menu of an operator account
    assert client.post("/skp/2026/mulai", {"source": "empty"}).status_code == 404


def test_menu_shows_tim_saya_only_with_a_team(make_client, line):
    assert ">Tim saya<" not in body(make_client(line["staff"].user).get("/"))
    assert ">SKP saya<" in body(make_client(line["staff"].user).get("/"))
    assert ">Tim saya<" in body(make_client(line["boss"].user).get("/"))


def test_jpt_refers_to_organisation_targets_and_has_perspektif(make_client, factory):
    opd = factory.opd("Dinas Kesehatan")
    other = factory.opd("Dinas Pendidikan")
    sekda = factory.employee(opd, name="Sekda", position="Sekretaris Daerah", position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Bupati Uji", "Bupati Uji"
    kadis = factory.employee(opd, assessor=sekda, name="dr. Kadis", position="Kepala Dinas Kesehatan",
                             position_kind=PositionKind.JPT)
    year = factory.skp.year(2026)
    target = OrgTarget(opd_id=opd.id, year=year, goal="Meningkatnya derajat kesehatan",
                       indicator="Angka kematian ibu", target_value=Decimal("80"), unit="per 100.000")
    foreign = OrgTarget(opd_id=other.id, year=year, goal="Meningkatnya mutu pendidikan",
                        indicator="Rata-rata lama sekolah", target_value=Decimal("8"), unit="Tahun")
    db.session.add_all([target, foreign])
    db.session.flush()
    client = make_client(kadis.user)
    assert client.post("/skp/2026/mulai", {"source": "empty"}).status_code == 302
    plan = newest(kadis)
    assert plan.is_jpt
    form = client.get(f"/skp/rencana/{plan.id}/rhk/baru")
    assert "Sasaran / IKU organisasi" in text(form) and "RHK atasan yang diintervensi" not in text(form)
    assert "Angka kematian ibu" in text(form) and "Rata-rata lama sekolah" not in text(form)
    response = client.post(f"/skp/rencana/{plan.id}/rhk/baru", {
        "version": hidden_version(form), "kind": "UTAMA", "text": "Menurunnya angka kematian ibu",
        "org_target_id": str(foreign.id)})
    assert field_error(response, "org_target_id") == "Pilihan tidak valid."
    response = client.post(f"/skp/rencana/{plan.id}/rhk/baru", {
        "version": hidden_version(form), "kind": "UTAMA", "text": "Menurunnya angka kematian ibu",
        "org_target_id": str(target.id)})
    assert response.status_code == 302
    result = newest(kadis).results[0]
    assert result.org_target_id == target.id
    url = f"/skp/rencana/{plan.id}/rhk/{result.id}/iki/baru"
    form = client.get(url)
    assert "Perspektif" in text(form)
    response = client.post(url, {"version": hidden_version(form), **complete_indicator(
        text="Angka kematian ibu", target_value="80", unit="per 100.000 KH", direction="lower")})
    assert "Pilih perspektif indikator pejabat pimpinan tinggi." in field_error(response, "perspective")
    response = client.post(url, {"version": hidden_version(form), **complete_indicator(
        text="Angka kematian ibu", target_value="80", unit="per 100.000 KH", direction="lower",
        perspective="PENERIMA_LAYANAN")})
    assert response.status_code == 302
    page = client.get(f"/skp/rencana/{plan.id}")
    shown = text(page)
    assert "BAGI PEJABAT PIMPINAN TINGGI DAN PIMPINAN UNIT KERJA MANDIRI" in shown
    assert "Perspektif" in shown and "Penerima Layanan" in shown
    assert "Rencana Hasil Kerja Pimpinan yang Diintervensi" not in shown
    assert "semakin rendah semakin baik" in shown
    page = client.get("/skp/2026")
    assert client.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)}).status_code == 302
    assert newest(kadis).status == PlanStatus.SUBMITTED


def test_top_official_approval_is_recorded_by_the_pengelola(make_client, factory):
    opd = factory.opd("Sekretariat Daerah")
    sekda = factory.employee(opd, name="Drs. Sekda", position="Sekretaris Daerah", position_kind=PositionKind.JPT)
    sekda.external_assessor_name, sekda.external_assessor_title = "H. Bupati Uji", "Bupati Uji"
    plan = factory.skp.plan(sekda, factory.skp.year(2026), status=PlanStatus.SUBMITTED)
    other_admin = factory.admin([factory.opd()])
    admin = factory.admin([opd])
    assert "Drs. Sekda" not in text(make_client(other_admin).get("/skp/tim"))
    client = make_client(admin)
    team = client.get("/skp/tim")
    assert "Pejabat yang dinilai kepala daerah" in text(team) and "Drs. Sekda" in text(team)
    assert ">Tim saya<" in body(team)
    page = client.get(f"/skp/rencana/{plan.id}")
    assert f"/skp/rencana/{plan.id}/tinjau" in body(page)  # reachable from the plan page
    review = client.get(f"/skp/rencana/{plan.id}/tinjau")
    assert "Catat persetujuan" in text(review) and "Bupati Uji" in text(review)
    assert "INSTANSI" in text(review).upper()
    response = client.post(f"/skp/rencana/{plan.id}/setujui", {"version": hidden_version(review)})
    assert response.status_code == 302
    plan = newest(sekda)
    assert plan.status == PlanStatus.APPROVED and plan.approved_as.startswith("Bupati Uji (dicatat oleh")


def test_kualitatif_has_a_narrative_target(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], parent=line["boss_plan"].results[0])
    original = plan.results[0].indicators[0]
    client = make_client(line["staff"].user)
    form = client.get(f"/skp/rencana/{plan.id}/lampiran")
    client.post(f"/skp/rencana/{plan.id}/lampiran", {"version": hidden_version(form), "approach": "KUALITATIF"})
    url = f"/skp/rencana/{plan.id}/rhk/{plan.results[0].id}/iki/baru"
    form = client.get(url)
    assert "Target (uraian)" in text(form) and 'name="target_value"' not in body(form)
    assert "Target Triwulan I" not in text(form)
    response = client.post(url, {"version": hidden_version(form), "aspect": "KUALITAS",
                                 "text": "Kualitas layanan aplikasi"})
    assert "Target naratif wajib diisi untuk pendekatan kualitatif." in field_error(response, "narrative_target")
    response = client.post(url, {"version": hidden_version(form), "aspect": "KUALITAS",
                                 "text": "Kualitas layanan aplikasi",
                                 "narrative_target": "Layanan berjalan sesuai SOP tanpa keluhan berarti"})
    assert response.status_code == 302
    # An IKI written earlier keeps its numbers when edited under kualitatif.
    edit = f"/skp/rencana/{plan.id}/iki/{original.id}/ubah"
    form = client.get(edit)
    client.post(edit, {"version": hidden_version(form), "aspect": "KUANTITAS", "text": original.text,
                       "narrative_target": "Dua belas dokumen tersusun tepat waktu"})
    db.session.expire_all()
    assert original.target_value == 12 and original.narrative_target == "Dua belas dokumen tersusun tepat waktu"
    page = client.get(f"/skp/rencana/{plan.id}")
    assert "PENDEKATAN HASIL KERJA KUALITATIF" in text(page)
    assert "Layanan berjalan sesuai SOP tanpa keluhan berarti" in text(page)
    page = client.get("/skp/2026")
    assert client.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)}).status_code == 302
