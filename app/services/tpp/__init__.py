"""The monthly TPP (RULES.md §11): the nominal per jabatan (`basis`) and the monthly list of an OPD
(`monthly`), with the Perkada's rules in domain/tpp.py and its numbers in the settings."""
