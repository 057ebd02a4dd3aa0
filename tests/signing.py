"""Signing in the tests: a self-signed certificate made by the app's own CLI and configured, and a
byte to flip inside a signed PDF."""
from __future__ import annotations

import re

PASSPHRASE = "sandi-sertifikat-uji"


def use_certificate(app, monkeypatch, path: str, organisation: str = "Pemkab Uji") -> str:
    """Create a certificate with `flask signing-cert create` at `path` and sign with it."""
    result = app.test_cli_runner().invoke(
        args=["signing-cert", "create", "--output", path, "--passphrase-stdin", "--organisation", organisation],
        input=PASSPHRASE + "\n")
    assert result.exit_code == 0, result.output
    assert "SIGNING_P12_PATH" in result.output
    monkeypatch.setitem(app.config, "SIGNING_P12_PATH", path)
    monkeypatch.setitem(app.config, "SIGNING_P12_PASSPHRASE", PASSPHRASE)
    return path


def inside_a_stream(data: bytes) -> int:
    """A byte inside the data of a content stream of the signed range: changing it leaves the file
    readable (a flipped byte in the PDF's own syntax may not be) but breaks the signature's digest."""
    for match in re.finditer(rb">>\s*stream\r?\n", data):
        end = data.find(b"endstream", match.end())
        if end - match.end() > 64:
            return match.end() + 32
    raise AssertionError("no content stream")
