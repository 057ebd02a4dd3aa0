"""The Pejabat Penilai's side (RULES.md §4–§8): the period review (`reviews`) and its queue and
grid (`review_queue`), the phrases of umpan balik (`phrases`), the annual evaluation and hand-over
(`annual`, with its Beranda queue in `annual_queue`), keberatan and tindak lanjut (`objections`)."""
