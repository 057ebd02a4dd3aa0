"""PAdES B-LT: with a TSA, the validation data of the certificates (the chain, the CRL the signing
certificate names) is embedded when it can be fetched, so the signature can be validated offline
years later; when it cannot be fetched the document is still issued, B-T, and says so."""
from __future__ import annotations

import io

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from app.extensions import db
from app.services.documents import issue as docs
from tests.documents.pki import CrlServer, Pki
from tests.documents.tsa import TimestampAuthority
from tests.signing import PASSPHRASE


def configure(app, monkeypatch, tmp_path, pki: Pki, tsa: TimestampAuthority) -> None:
    """Sign with the PKI's certificate, timestamp with `tsa`, and trust the PKI's root and the TSA."""
    tsa_pem = x509.load_der_x509_certificate(tsa.certificate.dump()).public_bytes(serialization.Encoding.PEM)
    roots = tmp_path / "akar.pem"
    roots.write_bytes(pki.root_pem + tsa_pem)
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", pki.write_p12(str(tmp_path / "penanda.p12"), PASSPHRASE))
    monkeypatch.setitem(app.config, "SIGNING_P12_PASSPHRASE", PASSPHRASE)
    monkeypatch.setitem(app.config, "SIGNING_TSA_URL", tsa.url)
    monkeypatch.setitem(app.config, "SIGNING_TSA_TIMEOUT", 3)
    monkeypatch.setitem(app.config, "SIGNING_TRUST_ROOTS", str(roots))


def issued_with_a_crl(world, app, monkeypatch, tmp_path, **config):
    """An SKP issued and signed by a PKI whose CRL is published, timestamped by a test TSA:
    (document, pki, CRL requests, the TSA's certificate)."""
    with CrlServer() as crl, TimestampAuthority() as tsa:
        pki = Pki(crl.url)
        crl.crl = pki.crl
        configure(app, monkeypatch, tmp_path, pki, tsa)
        for key, value in config.items():
            monkeypatch.setitem(app.config, key, value)
        document = docs.issue("skp", world.plan, user=None)
        db.session.commit()
        return document, pki, crl.requests, tsa.certificate


def root_of(pki: Pki):
    return asn1_x509.Certificate.load(pki.root.public_bytes(serialization.Encoding.DER))


def test_the_crl_and_chain_are_embedded_and_validate_offline(world, app, monkeypatch, tmp_path, client):
    document, pki, crl_requests, tsa_root = issued_with_a_crl(world, app, monkeypatch, tmp_path)
    assert document.signed and document.timestamped and document.long_term
    assert crl_requests >= 1
    reader = PdfFileReader(io.BytesIO(docs.read_bytes(document)))
    dss = DocumentSecurityStore.read_dss(reader)
    assert len(dss.crls) >= 1
    subjects = {c.subject.native["common_name"] for c in dss.load_certs()}
    assert {"Pemkab Uji Penanda Tangan", "Root CA Uji", "TSA Uji Capaian"} <= subjects
    # offline (nothing fetched), revocation checked hard: only the embedded data can satisfy it
    context = dss.as_validation_context({"trust_roots": [root_of(pki)], "allow_fetching": False,
                                         "revocation_mode": "hard-fail"})
    status = validate_pdf_signature(reader.embedded_signatures[0], context,
                                    ts_validation_context=ValidationContext(trust_roots=[tsa_root]))
    assert status.intact and status.valid and status.trusted
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted
    page = client.get(f"/verifikasi/{document.code}").get_data(as_text=True)
    assert "data validasi jangka panjang (PAdES B-LT)" in page


def test_the_same_signature_without_its_data_would_not_validate_offline(world, app, monkeypatch, tmp_path):
    """The offline check above can fail: a context without the DSS's CRL refuses the chain."""
    document, pki, _, _ = issued_with_a_crl(world, app, monkeypatch, tmp_path)
    reader = PdfFileReader(io.BytesIO(docs.read_bytes(document)))
    context = ValidationContext(trust_roots=[root_of(pki)], allow_fetching=False, revocation_mode="hard-fail",
                                crls=[], ocsps=[])
    status = validate_pdf_signature(reader.embedded_signatures[0], context)
    assert status.intact and not status.trusted


def test_an_unreachable_crl_leaves_the_signature_b_t_and_the_page_says_so(world, app, monkeypatch, tmp_path, client):
    with TimestampAuthority() as tsa:
        pki = Pki("http://127.0.0.1:9/root.crl")  # the discard port: refused
        configure(app, monkeypatch, tmp_path, pki, tsa)
        document = docs.issue("skp", world.plan, user=None)
        db.session.commit()
    assert document.signed and document.timestamped and not document.long_term
    reader = PdfFileReader(io.BytesIO(docs.read_bytes(document)))
    assert reader.embedded_signatures[0] is not None
    page = client.get(f"/verifikasi/{document.code}").get_data(as_text=True)
    assert "(PAdES B-T; data validasi jangka panjang tidak disematkan)" in page


def test_long_term_validation_can_be_switched_off(world, app, monkeypatch, tmp_path):
    document, _, crl_requests, _ = issued_with_a_crl(world, app, monkeypatch, tmp_path, SIGNING_LTV=False)
    assert crl_requests == 0
    assert document.timestamped and not document.long_term
