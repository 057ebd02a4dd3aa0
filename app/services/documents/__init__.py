"""The official documents (RULES.md §7): issuing and versioning (`issue`), the plain-data snapshot
of each kind (`data`, `data_skp`, `data_eval`, `data_annual`, `data_recap`, with the shared pieces
in `common`), where a snapshot's facts come from (`sources`), HTML and PDF rendering (`render`,
`pdf`), PAdES signing (`signing`), the stored files (`store`) and the batch ZIP export (`export`)."""
