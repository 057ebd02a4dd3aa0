"""Password rules: at least 10 characters, not the NIP, not common."""
import pytest

from app.domain.passwords import password_problems

NIP = "198508222015071796"


@pytest.mark.parametrize("password", ["Matahari-Terbit-Pagi", "kopi susu di teras 7", "Q7#vTr9!mWz2"])
def test_good_passwords(password):
    assert password_problems(password, nip=NIP, name="Candra Rahmawati, S.E.") == []


@pytest.mark.parametrize(
    ("password", "fragment"),
    [
        ("pendek", "minimal 10 karakter"),
        (NIP, "tidak boleh memuat NIP"),
        ("x" + NIP + "!", "tidak boleh memuat NIP"),
        ("lahir19850822", "tanggal lahir"),
        ("22081985-kopi", "tanggal lahir"),
        ("Bismillah2026!", "terlalu umum"),
        ("password123456", "terlalu umum"),
        ("Indonesia1945", "terlalu umum"),
        ("qwertyuiop", "terlalu umum"),
        ("1234567890", "terlalu umum"),
        ("aaaaaaaaaaaa", "terlalu umum"),
        ("candrarahmawati", "nama Anda"),
        ("Candra Rahmawati 1", "nama Anda"),
    ],
)
def test_bad_passwords(password, fragment):
    problems = password_problems(password, nip=NIP, name="Candra Rahmawati, S.E.")
    assert any(fragment in p for p in problems), problems


def test_every_problem_is_reported():
    problems = password_problems("123", nip=NIP)
    assert len(problems) == 2  # too short and too common
