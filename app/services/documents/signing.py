"""PAdES signatures on issued PDFs with pyHanko, when the instance has a PKCS#12 certificate
(SIGNING_P12_PATH and SIGNING_P12_PASSPHRASE in instance/config.py). A kabupaten plugs in its
BSrE-issued certificate; `flask --app wsgi signing-cert create` makes a self-signed one for tests
and demos."""
from __future__ import annotations

import asyncio
import datetime as dt
import io
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from flask import current_app


class SigningError(Exception):
    pass


def signing_configured() -> bool:
    return bool(current_app.config.get("SIGNING_P12_PATH"))


_signers: dict[tuple, object] = {}  # (path, mtime, size, passphrase) → the loaded signer


def _signer():
    """The signer of the configured PKCS#12 file, loaded once per process (and again when the
    file is replaced): decrypting the key for every document costs a tenth of a second or more."""
    from pyhanko.sign import signers

    path = current_app.config["SIGNING_P12_PATH"]
    passphrase = current_app.config.get("SIGNING_P12_PASSPHRASE") or ""
    if not os.path.isfile(path):
        raise SigningError(f"Sertifikat penanda tangan tidak ditemukan: {path}")
    stat = os.stat(path)
    key = (os.path.realpath(path), stat.st_mtime_ns, stat.st_size, passphrase)
    signer = _signers.get(key)
    if signer is None:
        signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() if passphrase else None)
        if signer is None:
            raise SigningError("Sertifikat PKCS#12 tidak dapat dibuka (periksa kata sandinya).")
        _signers.clear()
        _signers[key] = signer
    return signer


BSRE_NAMES = ("balai sertifikasi elektronik", "bsre")


def certificate_issuer() -> str:
    """Who issued the configured certificate, as its issuer names itself (organisation, else common
    name); "" without one. Raises SigningError when the file cannot be read."""
    issuer = _signer().signing_cert.issuer.native
    return issuer.get("organization_name") or issuer.get("common_name") or ""


def footer_signer() -> str | None:
    """How an issued PDF's footer speaks of its signature: "bsre" for a certificate of BSrE (BSSN),
    "other" for any other certificate, None when documents are not signed."""
    if not signing_configured():
        return None
    issuer = certificate_issuer().lower()
    return "bsre" if any(name in issuer for name in BSRE_NAMES) else "other"


def run_coroutine(make_coroutine):
    """Run `make_coroutine()` to completion on an event loop of its own and return its result.

    pyHanko's synchronous entry points call `asyncio.run`, which refuses to start when the calling
    thread already runs a loop (an async server's worker, a thread that drives a browser through
    Playwright). Where a loop is running, the coroutine runs in a short-lived thread with a fresh
    loop; elsewhere on a fresh loop in this thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="capaian-sign") as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


def timestamping_configured() -> bool:
    return bool(current_app.config.get("SIGNING_TSA_URL"))


def _timestamper():
    """The configured RFC 3161 timestamp authority, or None (the signature is then PAdES B-B)."""
    from pyhanko.sign.timestamps import HTTPTimeStamper

    url = current_app.config.get("SIGNING_TSA_URL")
    return HTTPTimeStamper(url, timeout=int(current_app.config.get("SIGNING_TSA_TIMEOUT") or 10)) if url else None


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    long_term: bool  # validation data embedded (PAdES B-LT)


def _trust_roots(signer) -> list:
    """The certificates a signature's chain must end in: SIGNING_TRUST_ROOTS (PEM or DER, e.g. the
    Root CA Indonesia that BSrE's certificates chain to), else the self-signed ones in the PKCS#12
    file."""
    from pyhanko.keys import load_certs_from_pemder

    configured = current_app.config.get("SIGNING_TRUST_ROOTS")
    if configured:
        return list(load_certs_from_pemder([configured]))
    chain = [signer.signing_cert, *signer.cert_registry]
    return [c for c in chain if c.subject == c.issuer]


def _validation_context(signer):
    """What B-LT validates the signer's and the TSA's chains with: fetching the revocation
    information the certificates point to, and failing (hard) when it cannot be fetched — the
    document is then signed without it (B-T). None when long-term validation is off or no trust
    root is known."""
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.fetchers.requests_fetchers import RequestsFetcherBackend

    if not current_app.config.get("SIGNING_LTV", True):
        return None
    roots = _trust_roots(signer)
    if not roots:
        return None
    timeout = int(current_app.config.get("SIGNING_TSA_TIMEOUT") or 10)
    return ValidationContext(trust_roots=roots, allow_fetching=True, revocation_mode="hard-fail",
                             fetcher_backend=RequestsFetcherBackend(per_request_timeout=timeout))


def sign_pdf(data: bytes, *, reason: str, location: str = "") -> SignedPdf:
    """The PDF with an invisible PAdES signature covering the whole file: B-T, with a timestamp of
    the configured TSA (SIGNING_TSA_URL), else B-B. With a TSA, the validation data of the
    signer's and the TSA's certificates (chains, OCSP responses or CRLs) is embedded too — PAdES
    B-LT — when it can be fetched; when it cannot, the signature stays B-T and the document says so.
    A TSA that cannot be reached is a SigningError: the document is then not issued rather than
    issued without the promised timestamp."""
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers
    from pyhanko.sign.fields import SigSeedSubFilter

    signer = _signer()  # reads current_app: resolve it in the caller's thread
    timestamper = _timestamper()
    context = _validation_context(signer) if timestamper is not None else None

    def signed(long_term: bool) -> bytes:
        meta = signers.PdfSignatureMetadata(
            field_name="CapaianSignature", subfilter=SigSeedSubFilter.PADES, reason=reason,
            location=location or None, embed_validation_info=long_term,
            validation_context=context if long_term else None)
        out = io.BytesIO()
        run_coroutine(lambda: signers.PdfSigner(meta, signer, timestamper=timestamper).async_sign_pdf(
            IncrementalPdfFileWriter(io.BytesIO(data)), output=out))
        return out.getvalue()

    if context is not None:
        try:
            return SignedPdf(signed(True), True)
        except Exception as error:  # a chain that does not validate, revocation data out of reach
            current_app.logger.warning("Data validasi (PAdES B-LT) tidak dapat disematkan: %s: %s",
                                       error.__class__.__name__, error)
    try:
        return SignedPdf(signed(False), False)
    except Exception as error:  # the TSA's network or answer: pyHanko raises its own kinds
        if timestamper is None:
            raise
        raise SigningError(f"stempel waktu dari {current_app.config.get('SIGNING_TSA_URL')} tidak diperoleh "
                           f"({error.__class__.__name__}: {error})") from error


def create_self_signed(path: str, passphrase: str, *, organisation: str, common_name: str = "Capaian",
                       days: int = 730) -> dict:
    """A self-signed signing certificate in a PKCS#12 file (for tests and demos only)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation[:64]),
        x509.NameAttribute(NameOID.COMMON_NAME, common_name[:64]),
    ])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False, data_encipherment=False,
            key_agreement=False, key_cert_sign=True, crl_sign=True, encipher_only=False, decipher_only=False),
            critical=True)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        b"capaian", key, cert, None, serialization.BestAvailableEncryption(passphrase.encode()))
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return {"subject": cert.subject.rfc4514_string(), "valid_until": cert.not_valid_after_utc,
            "fingerprint": cert.fingerprint(hashes.SHA256()).hex()}
