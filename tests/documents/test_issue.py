"""Issuing: a fresh code, the PDF stored under instance/documents with its hash, an audit event;
the same data gives the same document back; changed data makes version 2 and leaves version 1
(bytes and snapshot) as it was; a signed PDF validates with pyHanko and breaks on a changed byte."""
import hashlib
import io
import os

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext
from sqlalchemy import select

from app.domain.enums import DocumentKind
from app.extensions import db
from app.models import AuditEvent
from app.services import ServiceError
from app.services.documents import issue as docs
from tests.documents.conftest import documents
from tests.signing import PASSPHRASE, inside_a_stream, use_certificate


def test_the_footer_names_who_issued_it(world):
    document = docs.issue("skp", world.plan, user=world.kasi.user)
    db.session.commit()
    assert "oleh" + "".join(world.kasi.user.name.split()) in _pdf_words(document)


def test_issue_stores_the_pdf_with_code_hash_and_audit(world, app):
    document = docs.issue("skp", world.plan, user=world.rina.user)
    db.session.commit()
    assert document.kind == DocumentKind.SKP and document.version == 1 and document.current
    assert docs.normalise_code(document.code) == document.code and len(document.code) == 14
    assert set(document.code.replace("-", "")) <= set(docs.ALPHABET)
    path = docs.path_for(document.stored_name)
    assert path.startswith(app.config["DOCUMENT_FOLDER"]) and "static" not in path
    data = docs.read_bytes(document)
    assert data.startswith(b"%PDF") and document.size == len(data)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert document.employee_id == world.rina.id and document.plan_id == world.plan.id
    assert document.issued_by_id == world.rina.user.id and not document.signed
    assert document.snapshot["subject"]["nip"] == world.rina.nip
    event = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "dokumen.diterbitkan"))
    assert event.object_id == document.id and document.code in event.summary and event.opd_id == world.opd.id


def test_same_data_returns_the_same_document(world):
    first = docs.issue("evaluasi", world.assessment, user=world.rina.user)
    db.session.commit()
    again = docs.issue("evaluasi", world.assessment, user=world.kasi.user)
    db.session.commit()
    assert again.id == first.id and len(documents()) == 1
    assert db.session.scalar(select(db.func.count()).select_from(AuditEvent)
                             .where(AuditEvent.action == "dokumen.diterbitkan")) == 1


def test_changed_data_makes_a_new_version_and_supersedes_the_old_one(world):
    first = docs.issue("dokumen-evaluasi", world.evaluation, user=world.rina.user)
    db.session.commit()
    old_bytes, old_snapshot, old_code = docs.read_bytes(first), dict(first.snapshot), first.code
    world.evaluation.note = "Ikuti pelatihan analisis data pada semester I."
    db.session.commit()
    second = docs.issue("dokumen-evaluasi", world.evaluation, user=world.kasi.user)
    db.session.commit()
    old, new = documents()
    assert new.id == second.id and new.version == 2 and new.supersedes_id == old.id and new.current
    assert old.superseded_at is not None and not old.current and old.superseded_at == new.issued_at
    assert old.code == old_code and new.code != old.code
    assert docs.read_bytes(old) == old_bytes and old.snapshot == old_snapshot
    assert old.sha256 == hashlib.sha256(old_bytes).hexdigest()
    # Unchanged since version 2: version 2 again.
    assert docs.issue("dokumen-evaluasi", world.evaluation, user=None).id == new.id


def test_each_kind_of_a_pegawai_is_its_own_subject(world):
    skp = docs.issue("skp", world.plan, user=None)
    period = docs.issue("evaluasi", world.assessment, user=None)
    final = docs.issue("evaluasi", world.evaluation, user=None)
    dokumen = docs.issue("dokumen-evaluasi", world.evaluation, user=None)
    db.session.commit()
    assert len({skp.id, period.id, final.id, dokumen.id}) == 4
    assert all(d.version == 1 and d.current for d in documents())
    assert final.period_id == world.year.final_period.id and period.period_id == world.assessment.period_id
    assert final.evaluation_id == dokumen.evaluation_id == world.evaluation.id


def test_no_approval_no_document(world):
    from app.models import Assessment
    from app.domain.enums import AssessmentStatus

    world.assessment.status = AssessmentStatus.SUBMITTED
    db.session.flush()
    with pytest.raises(ServiceError):
        docs.issue("evaluasi", world.assessment, user=None)
    db.session.rollback()
    assert documents() == []
    assert Assessment is not None


def test_a_rollback_removes_the_written_file(world, app):
    document = docs.issue("skp", world.plan, user=None)
    path = docs.path_for(document.stored_name)
    assert os.path.isfile(path)
    db.session.rollback()
    assert not os.path.exists(path)


def test_codes_and_nip_masking():
    assert docs.normalise_code(" k7qm 2xhp-wd9r ") == "K7QM-2XHP-WD9R"
    assert docs.normalise_code("K7QM-2XHP-WD9") is None
    assert docs.normalise_code("I0LO-2XHP-WD9R") is None
    assert docs.mask_nip("198604232006032002") == "1986********2002"
    codes = {docs.new_code() for _ in range(200)}
    assert len(codes) == 200 and all(docs.normalise_code(c) == c for c in codes)


def _status(data, trust):
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    return validate_pdf_signature(signature, ValidationContext(trust_roots=[trust]))


def test_signed_document_validates_and_a_changed_byte_breaks_it(world, certificate):
    document = docs.issue("dokumen-evaluasi", world.evaluation, user=world.kasi.user)
    db.session.commit()
    assert document.signed
    data = docs.read_bytes(document)
    trust = signers.SimpleSigner.load_pkcs12(certificate, passphrase=PASSPHRASE.encode()).signing_cert
    status = _status(data, trust)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert docs.verify_upload(document, data)
    tampered = bytearray(data)
    tampered[inside_a_stream(data)] ^= 0x01
    assert not _status(bytes(tampered), trust).intact
    assert not docs.verify_upload(document, bytes(tampered))


def test_a_broken_certificate_is_a_clear_refusal(world, certificate, app, monkeypatch):
    monkeypatch.setitem(app.config, "SIGNING_P12_PASSPHRASE", "salah-sandi")
    with pytest.raises(ServiceError, match="tidak dapat ditandatangani"):
        docs.issue("skp", world.plan, user=None)
    db.session.rollback()
    assert documents() == []


def test_two_first_issues_at_once_cannot_both_be_current(world, monkeypatch):
    """A request that did not see the other's fresh version 1 is refused, and its file removed."""
    from app.services import ConflictError

    first = docs.issue("skp", world.plan, user=world.rina.user)
    db.session.commit()
    monkeypatch.setattr(docs, "current_document", lambda subject: None)  # as if it had not committed yet
    world.plan.results[0].text = "Teks RHK yang diubah di tab lain"
    db.session.flush()
    files_before = set(os.listdir(os.path.dirname(docs.path_for(first.stored_name))))
    with pytest.raises(ConflictError, match="baru saja diterbitkan"):
        docs.issue("skp", world.plan, user=world.kasi.user)
    db.session.rollback()
    assert [d.id for d in documents()] == [first.id] and first.current
    assert set(os.listdir(os.path.dirname(docs.path_for(first.stored_name)))) <= files_before


def test_a_certificate_configured_later_signs_a_new_version_of_the_same_data(world, app, tmp_path, monkeypatch):
    unsigned = docs.issue("evaluasi", world.assessment, user=world.rina.user)
    db.session.commit()
    assert not unsigned.signed
    use_certificate(app, monkeypatch, str(tmp_path / "later.p12"))
    signed = docs.issue("evaluasi", world.assessment, user=world.rina.user)
    db.session.commit()
    old, new = documents()
    assert new.id == signed.id and new.signed and new.version == 2 and new.supersedes_id == old.id
    assert new.snapshot == old.snapshot and new.code != old.code and not old.current
    assert docs.read_bytes(new) != docs.read_bytes(old)
    # issued again while signing: the signed one; signing switched off: the signed one still stands
    assert docs.issue("evaluasi", world.assessment, user=None).id == new.id
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    assert docs.issue("evaluasi", world.assessment, user=None).id == new.id
    assert len(documents()) == 2


def test_a_change_of_paper_size_makes_a_new_version(world):
    from app.domain.enums import PaperSize
    from app.services.settings import get_settings, update_settings

    first = docs.issue("skp", world.plan, user=None)
    db.session.commit()
    update_settings(None, {"paper_size": PaperSize.F4 if get_settings().paper_size == PaperSize.A4 else PaperSize.A4})
    db.session.commit()
    second = docs.issue("skp", world.plan, user=None)
    db.session.commit()
    assert second.id != first.id and second.version == 2 and second.snapshot["paper_size"] != first.snapshot["paper_size"]


def _pdf_words(document) -> str:
    from pypdf import PdfReader

    return "".join("".join((page.extract_text() or "").split())
                   for page in PdfReader(io.BytesIO(docs.read_bytes(document))).pages)


def test_the_footer_says_how_the_document_is_signed(world, app, tmp_path, monkeypatch):
    unsigned = docs.issue("evaluasi", world.assessment, user=None)
    db.session.commit()
    words = _pdf_words(unsigned)
    assert "tanpatandatanganelektronik" in words
    # the footer dates the issue to the minute, in the kabupaten's zone
    from app.formatting import tanggal_jam
    assert "Diterbitkan" + "".join(tanggal_jam(unsigned.issued_at).split()) in words
    for organisation, kind, source, words in (
            ("Pemkab Uji", "evaluasi", world.assessment, "telahditandatanganisecaraelektronik(PAdES)"),
            ("Balai Sertifikasi Elektronik", "skp", world.plan, "diterbitkanolehBalaiSertifikasiElektronik(BSrE),BSSN")):
        use_certificate(app, monkeypatch, str(tmp_path / f"{organisation}.p12"), organisation)
        document = docs.issue(kind, source, user=None)
        db.session.commit()
        assert document.signed and words in _pdf_words(document), organisation


def test_a_timestamp_authority_makes_the_signature_pades_b_t(world, certificate, app, monkeypatch, client):
    from tests.documents.tsa import TimestampAuthority

    with TimestampAuthority() as tsa:
        monkeypatch.setitem(app.config, "SIGNING_TSA_URL", tsa.url)
        document = docs.issue("dokumen-evaluasi", world.evaluation, user=world.kasi.user)
        db.session.commit()
        assert document.signed and document.timestamped and tsa.requests >= 1
    data = docs.read_bytes(document)
    trust = signers.SimpleSigner.load_pkcs12(certificate, passphrase=PASSPHRASE.encode()).signing_cert
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[trust]),
                                    ts_validation_context=ValidationContext(trust_roots=[tsa.certificate]))
    assert status.intact and status.valid and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.timestamp_validity is not None and status.timestamp_validity.intact
    assert status.timestamp_validity.valid and status.timestamp_validity.trusted
    page = client.get(f"/verifikasi/{document.code}")
    assert not document.long_term  # the test TSA is not among the trust roots: no validation data
    assert "diberi stempel waktu (PAdES B-T; data validasi jangka panjang tidak disematkan)" in page.get_data(as_text=True)


def test_an_unreachable_timestamp_authority_issues_nothing(world, certificate, app, monkeypatch):
    monkeypatch.setitem(app.config, "SIGNING_TSA_URL", "http://127.0.0.1:9/tsa")  # discard port: refused
    monkeypatch.setitem(app.config, "SIGNING_TSA_TIMEOUT", 2)
    with pytest.raises(ServiceError, match="stempel waktu"):
        docs.issue("skp", world.plan, user=None)
    db.session.rollback()
    assert documents() == []


def test_the_verification_page_says_when_a_document_is_unsigned_or_only_signed(world, certificate, app, client,
                                                                               monkeypatch):
    signed = docs.issue("skp", world.plan, user=None)
    db.session.commit()
    assert "PAdES B-B, tanpa stempel waktu" in client.get(f"/verifikasi/{signed.code}").get_data(as_text=True)
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", None)
    unsigned = docs.issue("evaluasi", world.assessment, user=None)
    db.session.commit()
    assert "Tidak ditandatangani" in client.get(f"/verifikasi/{unsigned.code}").get_data(as_text=True)
