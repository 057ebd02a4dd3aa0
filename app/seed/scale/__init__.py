"""`flask seed-scale`: a deterministic kabupaten of any size for benchmarks (`seed`), its people
and units (`plan`), a year of work on them (`work`) and the texts they use (`data`)."""
