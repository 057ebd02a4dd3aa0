"""Helpers for the command-line tests."""
from __future__ import annotations


def form_login(client, nip: str, password: str):
    """Log in through the real /masuk form; returns the response (302 on success)."""
    return client.post("/masuk", data={"nip": nip, "password": password})
