"""Plain-data snapshots of the official documents (RULES.md §6): what an issued PDF was rendered
from, JSON-serialisable, with numbers and dates already written the Indonesian way and nothing
volatile, so that building it again from unchanged data gives an equal dict. Each snapshot has
`kind`, `title`, `paper_size`, `kop`, `subject` (for the verification page) and `signatures`."""
from __future__ import annotations

from app.services.documents.common import DocumentUnavailable
from app.services.documents.data_annual import snapshot_annual, snapshot_dokumen_evaluasi
from app.services.documents.data_eval import snapshot_evaluation
from app.services.documents.data_recap import snapshot_recap
from app.services.documents.data_skp import snapshot_skp

__all__ = [
    "DocumentUnavailable", "snapshot_annual", "snapshot_dokumen_evaluasi", "snapshot_evaluation", "snapshot_recap",
    "snapshot_skp",
]
