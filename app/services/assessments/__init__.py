"""Penilaian periode from the pegawai's side (RULES.md §3): opening, filling, submitting a period
(`assessments`), its IKI rows with target, realisasi and capaian (`rows`), each period's state and
deadline for a pegawai (`period_status`), bukti dukung files (`evidence_store`) and results
imported from before Capaian (`earlier_results`)."""
