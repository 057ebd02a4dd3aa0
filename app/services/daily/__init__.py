"""Kinerja harian (RULES.md §11): the calendar (`calendar`: holidays, days away, a pegawai's month)
and the day's activities (`activities`: record, change, copy, with the rules of domain/daily.py)."""
