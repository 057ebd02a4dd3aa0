"""Password rules: at least 10 characters, not the NIP, not a common or guessable password."""
from __future__ import annotations

import re

MIN_LENGTH = 10

# Passwords that appear at the top of published leak statistics, plus the local favourites that
# an Indonesian office tends to pick (religious phrases, the country, the office, the year).
# Compared case-insensitively, after stripping trailing digits and symbols ("Bismillah2026!").
COMMON_PASSWORDS = frozenset(
    """
    123456 1234567 12345678 123456789 1234567890 12345678910 0123456789 987654321 9876543210
    111111 1111111111 000000 0000000000 123123 123123123 121212 112233 654321 666666 696969
    password passw0rd p@ssw0rd p@ssword pass password1 qwerty qwertyuiop qwerty123 asdfgh
    asdfghjkl zxcvbnm zxcvbnm123 1qaz2wsx qazwsx qazwsxedc 1q2w3e4r 1q2w3e4r5t abc123 abcd1234
    abcdef abcdefg abcdefgh abcdefghij iloveyou letmein welcome welcome1 admin admin123
    administrator root toor user guest login master monkey dragon football baseball soccer
    shadow sunshine princess superman batman starwars trustno1 whatever freedom secret
    changeme default test testing test123 computer internet samsung google android iphone
    michael jennifer jordan hello hello123 lovely loveyou mustang access charlie donald
    indonesia indonesia123 jakarta bandung surabaya merdeka garuda pancasila nkri
    bismillah bismillah123 alhamdulillah subhanallah insyaallah inshaallah assalamualaikum
    allahuakbar masyaallah astaghfirullah sayang sayangku cinta cintaku kasih rahasia
    rahasiaku katasandi kata sandi sandi kunci pns pnsku asn asn123 pppk pemda pemkab
    kabupaten pemerintah kantor pegawai kinerja skp ekinerja capaian bkpsdm bkd sekretariat
    dinas bupati sekda inspektorat bappeda pendidikan kesehatan puskesmas rsud guru
    anjing kucing ganteng cantik semangat sukses berkah barokah keluarga
    januari februari maret april mei juni juli agustus september oktober november desember
    senin selasa rabu kamis jumat sabtu minggu
    """.split()
)

_KEYBOARD_RUNS = ("qwertyuiopasdfghjklzxcvbnm", "1234567890", "0987654321", "abcdefghijklmnopqrstuvwxyz")


def _base_word(password: str) -> str:
    return re.sub(r"[\W\d_]+$", "", password.casefold())


def _is_run(text: str) -> bool:
    """All one character, or a straight run along the keyboard or the alphabet."""
    if len(set(text)) <= 2:
        return True
    return any(text in run for run in _KEYBOARD_RUNS)


def password_problems(password: str, *, nip: str | None = None, name: str | None = None) -> list[str]:
    """Every rule the password breaks, as Indonesian sentences; empty when it is acceptable."""
    problems: list[str] = []
    if len(password) < MIN_LENGTH:
        problems.append(f"Kata sandi minimal {MIN_LENGTH} karakter.")
    folded = password.casefold()
    compact = re.sub(r"\s+", "", folded)
    if nip and nip in re.sub(r"\D", "", password) and len(re.sub(r"\D", "", password)) >= 8:
        problems.append("Kata sandi tidak boleh memuat NIP.")
    elif nip and len(nip) >= 8 and (nip[:8] in compact or (nip[6:8] + nip[4:6] + nip[0:4]) in compact):
        problems.append("Kata sandi tidak boleh memuat tanggal lahir Anda.")
    if (
        compact in COMMON_PASSWORDS
        or _base_word(compact) in COMMON_PASSWORDS
        or _is_run(compact)
    ):
        problems.append("Kata sandi ini terlalu umum dan mudah ditebak; pilih yang lain.")
    if name:
        letters = re.sub(r"[^a-z]", "", name.split(",")[0].casefold())
        pw_letters = re.sub(r"[^a-z]", "", folded)
        if letters and len(letters) >= 4 and pw_letters and (
            pw_letters == letters or pw_letters in letters
        ):
            problems.append("Kata sandi tidak boleh hanya berupa nama Anda.")
    return problems
