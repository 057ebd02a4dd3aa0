"""A fake SMTP server for the tests that send mail: `monkeypatch.setattr(smtplib, "SMTP", FakeSMTP)`;
what was sent is in `FakeSMTP.sent` (clear it first)."""
from __future__ import annotations


class FakeSMTP:
    sent: list = []

    def __init__(self, host, port, timeout=None):
        self.host = host

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def starttls(self):
        pass

    def login(self, user, password):
        pass

    def send_message(self, message):
        FakeSMTP.sent.append(message)
