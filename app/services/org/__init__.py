"""The organisation: the unit tree (`units`), pegawai (`employees`), accounts and activation
(`accounts`), Plt./Plh. assignments (`acting`), whom a Pejabat Penilai reviews (`team`, the one
rule) and the officials the kepala daerah assesses (`head_assessed`)."""
