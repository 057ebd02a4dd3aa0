"""A small PKI the tests make themselves, as a kabupaten's BSrE certificate is built: a root CA, a
signing certificate it issued that names where its CRL is published, the PKCS#12 file the app signs
with, and an HTTP server on 127.0.0.1 that publishes the CRL."""
from __future__ import annotations

import datetime as dt

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from tests.documents.local_server import LocalServer

NOW = dt.datetime.now(dt.timezone.utc)


def _name(common: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "CA Uji Capaian"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _usage(ca: bool) -> x509.KeyUsage:
    return x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                         data_encipherment=False, key_agreement=False, key_cert_sign=ca, crl_sign=ca,
                         encipher_only=False, decipher_only=False)


class Pki:
    """`Pki(crl_url)`: .root (certificate), .write_p12(path, passphrase), .crl (DER), .root_pem."""

    def __init__(self, crl_url: str):
        self.root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.root = (x509.CertificateBuilder().subject_name(_name("Root CA Uji")).issuer_name(_name("Root CA Uji"))
                     .public_key(self.root_key.public_key()).serial_number(x509.random_serial_number())
                     .not_valid_before(NOW - dt.timedelta(days=1)).not_valid_after(NOW + dt.timedelta(days=365))
                     .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                     .add_extension(_usage(True), critical=True)
                     .sign(self.root_key, hashes.SHA256()))
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        point = x509.DistributionPoint(full_name=[x509.UniformResourceIdentifier(crl_url)], relative_name=None,
                                       reasons=None, crl_issuer=None)
        self.certificate = (
            x509.CertificateBuilder().subject_name(_name("Pemkab Uji Penanda Tangan")).issuer_name(self.root.subject)
            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(NOW - dt.timedelta(hours=1)).not_valid_after(NOW + dt.timedelta(days=90))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_usage(False), critical=True)
            .add_extension(x509.CRLDistributionPoints([point]), critical=False)
            .sign(self.root_key, hashes.SHA256()))
        self.crl = (x509.CertificateRevocationListBuilder().issuer_name(self.root.subject)
                    .last_update(NOW - dt.timedelta(hours=1)).next_update(NOW + dt.timedelta(days=7))
                    .sign(self.root_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER))

    @property
    def root_pem(self) -> bytes:
        return self.root.public_bytes(serialization.Encoding.PEM)

    def write_p12(self, path: str, passphrase: str) -> str:
        data = pkcs12.serialize_key_and_certificates(b"capaian", self.key, self.certificate, [self.root],
                                                     serialization.BestAvailableEncryption(passphrase.encode()))
        with open(path, "wb") as handle:
            handle.write(data)
        return path


class CrlServer(LocalServer):
    """`with CrlServer() as server:` — server.url; set server.crl (DER) before it is asked."""

    path = "/root.crl"
    crl = b""

    def answer(self, body: bytes) -> tuple[str, bytes]:
        return "application/pkix-crl", self.crl
