"""The whole SKP cycle through the pages, as the pegawai and their Pejabat Penilai would click it."""
from sqlalchemy import select

from app.domain.skp import PlanStatus
from app.extensions import db
from app.models import CoreValue, Plan
from tests.skp.plans.conftest import actions, body, complete_indicator, hidden_version, newest, text


def test_draft_submit_return_resubmit_approve_revise_and_compare(make_client, line):
    staff, boss, boss_plan = line["staff"], line["boss"], line["boss_plan"]
    pegawai, atasan = make_client(staff.user), make_client(boss.user)

    # No SKP yet: the start panel explains the ways to start.
    page = pegawai.get("/skp/")
    assert page.status_code == 200
    assert "Mulai menyusun SKP 2026" in text(page) and "Mulai dari SKP kosong" in text(page)
    response = pegawai.post("/skp/2026/mulai", {"source": "empty"})
    assert response.status_code == 302 and response.headers["Location"].endswith("/skp/2026")
    plan = newest(staff)
    assert (plan.version, plan.status) == (1, PlanStatus.DRAFT)

    # An RHK utama; the assessor's current RHK are offered as the intervened one.
    form = pegawai.get(f"/skp/rencana/{plan.id}/rhk/baru?jenis=utama")
    assert "Terselenggaranya layanan aplikasi daring" in body(form)
    response = pegawai.post(f"/skp/rencana/{plan.id}/rhk/baru", {
        "version": hidden_version(form), "kind": "UTAMA", "text": "Tersedianya aplikasi perizinan daring",
        "parent_id": "0", "assigned_by": ""})
    assert response.status_code == 302
    result = newest(staff).results[0]
    assert response.headers["Location"].endswith(f"/skp/2026#rhk-{result.id}")

    # Ajukan too early: every problem listed, linked to its RHK, marked in the editor, nothing sent.
    page = pegawai.get("/skp/2026")
    response = pegawai.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)})
    assert response.status_code == 200
    shown = text(response)
    assert "SKP belum dapat diajukan" in shown
    assert "RHK utama 1</a>: Pilih RHK atasan yang diintervensi oleh RHK utama ini." in body(response)
    assert "RHK utama 1</a>: Setiap RHK harus memiliki minimal satu IKI." in body(response)
    assert f'href="#rhk-{result.id}"' in body(response)
    assert f'skp-problem" id="rhk-{result.id}"' in body(response)
    assert newest(staff).status == PlanStatus.DRAFT

    # Complete it: the intervened RHK, then an IKI typed the Indonesian way.
    form = pegawai.get(f"/skp/rencana/{plan.id}/rhk/{result.id}/ubah")
    pegawai.post(f"/skp/rencana/{plan.id}/rhk/{result.id}/ubah", {
        "version": hidden_version(form), "kind": "UTAMA", "text": "Tersedianya aplikasi perizinan daring",
        "parent_id": str(boss_plan.results[0].id)})
    form = pegawai.get(f"/skp/rencana/{plan.id}/rhk/{result.id}/iki/baru")
    response = pegawai.post(f"/skp/rencana/{plan.id}/rhk/{result.id}/iki/baru",
                            complete_indicator(version=hidden_version(form), target_value="4"))
    assert response.status_code == 302
    plan = newest(staff)
    assert plan.results[0].parent_id == boss_plan.results[0].id
    indicator = plan.results[0].indicators[0]
    assert (indicator.target_value, indicator.unit) == (4, "Modul")

    page = pegawai.get("/skp/2026")
    response = pegawai.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)})
    assert response.status_code == 302
    assert newest(staff).status == PlanStatus.SUBMITTED
    assert "menunggu persetujuan Sari Kasi" in text(pegawai.get("/skp/2026"))

    # The assessor sees it waiting on the team page and returns it with a reason.
    team = atasan.get("/skp/tim")
    assert "Rina Staf" in text(team) and "Menunggu persetujuan" in text(team)
    assert f"/skp/rencana/{plan.id}/tinjau" in body(team)
    review = atasan.get(f"/skp/rencana/{plan.id}/tinjau")
    assert review.status_code == 200 and "Tersedianya aplikasi perizinan daring" in text(review)
    response = atasan.post(f"/skp/rencana/{plan.id}/kembalikan", {
        "version": hidden_version(review), "reason": "Target modul terlalu rendah, naikkan menjadi 6."})
    assert response.status_code == 302 and response.headers["Location"].endswith("/skp/tim/2026")
    assert newest(staff).status == PlanStatus.RETURNED

    # The pegawai reads the reason, raises the target and submits again.
    page = pegawai.get("/skp/")
    assert "SKP dikembalikan untuk diperbaiki" in text(page)
    assert "Target modul terlalu rendah, naikkan menjadi 6." in text(page)
    form = pegawai.get(f"/skp/rencana/{plan.id}/iki/{indicator.id}/ubah")
    assert 'value="4"' in body(form)
    response = pegawai.post(f"/skp/rencana/{plan.id}/iki/{indicator.id}/ubah",
                            complete_indicator(version=hidden_version(form), target_value="6"))
    assert response.status_code == 302
    page = pegawai.get("/skp/2026")
    assert pegawai.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)}).status_code == 302

    # The assessor writes the ekspektasi khusus and approves.
    values = list(db.session.scalars(select(CoreValue).order_by(CoreValue.position)))
    review = atasan.get(f"/skp/rencana/{plan.id}/tinjau")
    assert all(v.name in text(review) for v in values)
    response = atasan.post(f"/skp/rencana/{plan.id}/ekspektasi", {
        "version": hidden_version(review), f"value_{values[0].id}": "Menanggapi permohonan dalam satu hari kerja"})
    assert response.status_code == 302
    review = atasan.get(f"/skp/rencana/{plan.id}/tinjau")
    assert "Menanggapi permohonan dalam satu hari kerja" in body(review)
    response = atasan.post(f"/skp/rencana/{plan.id}/setujui", {"version": hidden_version(review)})
    assert response.status_code == 302
    plan = newest(staff)
    assert plan.status == PlanStatus.APPROVED and plan.approved_as == "Kepala Seksi Aplikasi"
    page = pegawai.get("/skp/2026")
    assert "Disetujui oleh Sari Kasi sebagai Kepala Seksi Aplikasi" in text(page)
    assert "Ubah SKP (buat versi baru)" in text(page)
    assert "Menanggapi permohonan dalam satu hari kerja" in text(page)  # in the read-only document

    # Ubah SKP: version 2 with a reason, a higher target, and the diff shows it.
    response = pegawai.post(f"/skp/rencana/{plan.id}/versi-baru",
                            {"reason": "Penugasan baru dari kepala dinas per Juli"})
    assert response.status_code == 302
    v2 = newest(staff)
    assert (v2.version, v2.status, v2.change_reason) == (2, PlanStatus.DRAFT,
                                                         "Penugasan baru dari kepala dinas per Juli")
    assert "Versi 1 yang telah disetujui tetap berlaku" in text(pegawai.get("/skp/2026"))
    new_indicator = v2.results[0].indicators[0]
    form = pegawai.get(f"/skp/rencana/{v2.id}/iki/{new_indicator.id}/ubah")
    pegawai.post(f"/skp/rencana/{v2.id}/iki/{new_indicator.id}/ubah",
                 complete_indicator(version=hidden_version(form), target_value="8"))
    diff = pegawai.get(f"/skp/rencana/{v2.id}/bandingkan/{plan.id}")
    assert diff.status_code == 200
    assert '<del class="skp-old">6</del> → <ins class="skp-new">8</ins>' in body(diff)
    assert "Penugasan baru dari kepala dinas per Juli" in text(diff)

    page = pegawai.get("/skp/2026")
    assert pegawai.post(f"/skp/rencana/{v2.id}/ajukan", {"version": hidden_version(page)}).status_code == 302
    review = atasan.get(f"/skp/rencana/{v2.id}/tinjau")
    assert "Lihat perubahan dari versi 1" in text(review)
    assert atasan.post(f"/skp/rencana/{v2.id}/setujui", {"version": hidden_version(review)}).status_code == 302

    assert db.session.get(Plan, plan.id).status == PlanStatus.SUPERSEDED
    old = pegawai.get(f"/skp/rencana/{plan.id}")
    assert "Diganti versi baru" in text(old) and "Versi ini telah diganti" in text(old)
    history = text(pegawai.get("/skp/2026"))
    assert "Versi 2" in history and "Versi 1" in history
    assert history.count("Disetujui oleh Sari Kasi sebagai Kepala Seksi Aplikasi") >= 2
    workflow = [a for a in actions() if a.startswith("skp.") and a not in {
        "skp.rhk_ditambah", "skp.rhk_diubah", "skp.iki_ditambah", "skp.iki_diubah"}]
    assert workflow == ["skp.dibuat", "skp.diajukan", "skp.dikembalikan", "skp.diajukan",
                        "skp.ekspektasi_diubah", "skp.disetujui", "skp.versi_baru", "skp.diajukan",
                        "skp.diganti", "skp.disetujui"]


def test_withdraw_a_submitted_plan(make_client, line, factory):
    staff = line["staff"]
    plan = factory.skp.plan(staff, line["year"], status=PlanStatus.SUBMITTED, parent=line["boss_plan"].results[0])
    pegawai = make_client(staff.user)
    page = pegawai.get("/skp/2026")
    assert "Tarik kembali" in text(page) and "Ajukan kepada" not in text(page)
    assert pegawai.post(f"/skp/rencana/{plan.id}/tarik").status_code == 302
    assert newest(staff).status == PlanStatus.DRAFT
    # A second withdraw is refused with the reason, not an error page.
    response = pegawai.post(f"/skp/rencana/{plan.id}/tarik")
    assert response.status_code == 200 and "SKP berstatus Draf tidak dapat ditarik kembali." in text(response)


def test_approving_saves_the_ekspektasi_typed_on_the_same_page(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED,
                            parent=line["boss_plan"].results[0])
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 3))
    atasan = make_client(line["boss"].user)
    review = atasan.get(f"/skp/rencana/{plan.id}/tinjau")
    response = atasan.post(f"/skp/rencana/{plan.id}/setujui", {
        "version": hidden_version(review), f"value_{value.id}": "k" * 2001})
    assert response.status_code == 200
    assert "Ekspektasi Kompeten paling banyak 2000 karakter." in text(response)
    assert newest(line["staff"]).status == PlanStatus.SUBMITTED
    response = atasan.post(f"/skp/rencana/{plan.id}/setujui", {
        "version": hidden_version(review), f"value_{value.id}": "Mengikuti pelatihan keamanan siber"})
    assert response.status_code == 302
    plan = newest(line["staff"])
    assert plan.status == PlanStatus.APPROVED
    assert [e.text for e in plan.expectations] == ["Mengikuti pelatihan keamanan siber"]


def test_approving_a_plan_changed_meanwhile_keeps_the_typed_ekspektasi(make_client, line, factory):
    plan = factory.skp.plan(line["staff"], line["year"], status=PlanStatus.SUBMITTED,
                            parent=line["boss_plan"].results[0])
    value = db.session.scalar(select(CoreValue).where(CoreValue.position == 1))
    atasan = make_client(line["boss"].user)
    stale = hidden_version(atasan.get(f"/skp/rencana/{plan.id}/tinjau"))
    pegawai = make_client(line["staff"].user)
    assert pegawai.post(f"/skp/rencana/{plan.id}/tarik").status_code == 302
    page = pegawai.get("/skp/2026")
    assert pegawai.post(f"/skp/rencana/{plan.id}/ajukan", {"version": hidden_version(page)}).status_code == 302
    response = atasan.post(f"/skp/rencana/{plan.id}/setujui", {"version": stale,
                                                              f"value_{value.id}": "Tanggap dalam satu hari"})
    assert response.status_code == 200
    assert "telah diubah di tab atau perangkat lain" in text(response)
    assert "Tanggap dalam satu hari" in body(response)
    assert newest(line["staff"]).status == PlanStatus.SUBMITTED and not newest(line["staff"]).expectations
    response = atasan.post(f"/skp/rencana/{plan.id}/setujui", {"version": hidden_version(response),
                                                              f"value_{value.id}": "Tanggap dalam satu hari"})
    assert response.status_code == 302 and newest(line["staff"]).status == PlanStatus.APPROVED
