"""PAdES signatures: a self-signed certificate from the CLI, a signed PDF that validates intact and
covering the whole file, and a changed byte that breaks it."""
import asyncio
import io
import threading

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from app.services.documents.pdf import render_pdf
from app.services.documents.signing import SigningError, sign_pdf, signing_configured
from tests.signing import PASSPHRASE, inside_a_stream, use_certificate

@pytest.fixture
def certificate(app, tmp_path, monkeypatch):
    return use_certificate(app, monkeypatch, str(tmp_path / "signing.p12"))


def _status(data: bytes, trust):
    signature = PdfFileReader(io.BytesIO(data)).embedded_signatures[0]
    return validate_pdf_signature(signature, ValidationContext(trust_roots=[trust]))


def test_signed_pdf_is_intact_and_covers_the_whole_file(app, certificate):
    assert signing_configured()
    pdf = render_pdf("<html><body><h1>SASARAN KINERJA PEGAWAI</h1></body></html>")
    signed = sign_pdf(pdf, reason="Dokumen resmi Capaian", location="Uji").data
    trust = signers.SimpleSigner.load_pkcs12(certificate, passphrase=PASSPHRASE.encode()).signing_cert
    status = _status(signed, trust)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    tampered = bytearray(signed)
    tampered[inside_a_stream(signed)] ^= 0x01
    assert not _status(bytes(tampered), trust).intact


def test_signing_works_from_a_thread_that_runs_an_event_loop(app, certificate):
    """An async server's worker, or a thread that drives a browser, has a running loop, where
    `asyncio.run` (pyHanko's synchronous entry points) refuses to start."""
    pdf = render_pdf("<html><body><h1>EVALUASI KINERJA</h1></body></html>")
    trust = signers.SimpleSigner.load_pkcs12(certificate, passphrase=PASSPHRASE.encode()).signing_cert

    async def inside_a_loop():
        assert asyncio.get_running_loop().is_running()
        return sign_pdf(pdf, reason="Dokumen resmi Capaian").data

    signed = asyncio.run(inside_a_loop())
    assert _status(signed, trust).intact

    results = []  # a background thread (the ZIP export) with a loop of its own
    worker = threading.Thread(target=lambda: _in_context(app, results, inside_a_loop))
    worker.start()
    worker.join(timeout=60)
    assert len(results) == 1 and _status(results[0], trust).intact


def _in_context(app, results, coroutine):
    with app.app_context():
        results.append(asyncio.run(coroutine()))


def test_create_refuses_to_overwrite_and_short_passphrases(app, certificate, tmp_path):
    runner = app.test_cli_runner()
    again = runner.invoke(args=["signing-cert", "create", "--output", certificate, "--passphrase-stdin"],
                          input=PASSPHRASE + "\n")
    assert again.exit_code == 1 and "sudah ada" in again.output
    short = runner.invoke(args=["signing-cert", "create", "--output", str(tmp_path / "b.p12"), "--passphrase-stdin"],
                          input="pendek\n")
    assert short.exit_code == 1 and "minimal 8" in short.output


def test_wrong_passphrase_or_missing_file_is_a_clear_error(app, certificate, monkeypatch):
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", certificate + ".hilang")
    with pytest.raises(SigningError, match="tidak ditemukan"):
        sign_pdf(render_pdf("<p>x</p>"), reason="uji")
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", certificate)
    monkeypatch.setitem(app.config, "SIGNING_P12_PASSPHRASE", "salah")
    with pytest.raises((SigningError, ValueError)):
        sign_pdf(render_pdf("<p>x</p>"), reason="uji")


def test_the_pdf_fetcher_refuses_anything_but_static_files(app, caplog):
    html = ('<html><body><img src="https://example.com/x.png"><img src="file:///etc/passwd">'
            '<link rel="stylesheet" href="/static/../../app/config.py"></body></html>')
    assert render_pdf(html).startswith(b"%PDF")
    refused = [r.getMessage() for r in caplog.records if "FetchRefused" in r.getMessage()]
    assert len(refused) >= 2
