"""A timestamp authority the tests start themselves: an RFC 3161 server on 127.0.0.1 answering with
pyHanko's DummyTimeStamper under a TSA certificate made here (time-stamping EKU, critical)."""
from __future__ import annotations

import datetime as dt

from asn1crypto import keys, tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from tests.documents.local_server import LocalServer


def tsa_certificate():
    """(certificate, private key) of a self-signed test TSA, as asn1crypto objects."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "TSA Uji Capaian"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Pemkab Uji")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    der_key = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)), keys.PrivateKeyInfo.load(der_key)


class TimestampAuthority(LocalServer):
    """`with TimestampAuthority() as tsa:` — tsa.url answers timestamp requests; tsa.certificate
    is its certificate (the trust root to validate the timestamps against); tsa.requests counts."""

    path = "/tsa"

    def __init__(self):
        from pyhanko.sign.timestamps import DummyTimeStamper

        self.certificate, key = tsa_certificate()
        self.stamper = DummyTimeStamper(tsa_cert=self.certificate, tsa_key=key)
        super().__init__()

    def answer(self, body: bytes) -> tuple[str, bytes]:
        return "application/timestamp-reply", self.stamper.request_tsa_response(tsp.TimeStampReq.load(body)).dump()
