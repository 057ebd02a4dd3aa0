"""Generated data, never part of a request: the demo kabupaten (`demo`, `flask seed-demo`) and the
large deterministic kabupaten for benchmarks (`scale`, `flask seed-scale`). Imported only by
app/cli.py, the tests and bench/ (an import-linter contract holds this)."""
