"""`flask import-employees`: exit codes, report text, dry run, deactivation flag."""
from __future__ import annotations

from tests.roster.helpers import counts, csv_bytes, nips, tree_rows, xlsx_bytes


def test_import_writes_and_reports(run_cli):
    result = run_cli(xlsx_bytes(tree_rows()))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Berkas pegawai.xlsx: 7 baris data." in out
    assert "Perangkat daerah baru (2):" in out and "  + Dinas Kesehatan / Sekretariat / Subbagian Umum" in out
    for line in ("  dibuat: 7", "  diubah: 0", "  tidak berubah: 0", "  diaktifkan kembali: 0",
                 "  unit baru: 3", "  perangkat daerah baru: 2", "Impor selesai."):
        assert line in out.splitlines(), line
    assert counts()["employee"] == 7 and counts()["user_account"] == 7


def test_dry_run_writes_nothing(run_cli):
    before = counts()
    result = run_cli(xlsx_bytes(tree_rows()), "--dry-run")
    assert result.exit_code == 0
    assert "  dibuat: 7" in result.output.splitlines()
    assert "tidak ada yang ditulis" in result.output
    assert counts() == before


def test_reimport_report_lists_changes_and_missing(run_cli):
    n = nips(7)
    rows = tree_rows(n)
    assert run_cli(xlsx_bytes(rows)).exit_code == 0
    rows[4][1] = "Arif Hakim, S.Kom."
    rows = rows[:6]
    result = run_cli(xlsx_bytes(rows), "--dry-run", "--deactivate-missing")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert f"  ~ {n[4]} Arif Hakim, S.Kom. (baris 6)" in lines
    assert "      Nama: Arif Hakim → Arif Hakim, S.Kom." in lines
    assert "Tidak ada di berkas (1):" in lines
    assert "  akan dinonaktifkan: 1" in lines and "  diubah: 1" in lines and "  tidak berubah: 5" in lines
    before = counts()
    assert counts() == before
    result = run_cli(xlsx_bytes(rows))
    assert result.exit_code == 0
    assert "  tidak ada di berkas: 1 (tidak dinonaktifkan; tambahkan --deactivate-missing untuk menonaktifkan)" \
        in result.output.splitlines()
    result = run_cli(xlsx_bytes(rows), "--deactivate-missing")
    assert result.exit_code == 0 and "  dinonaktifkan: 1" in result.output.splitlines()


def test_csv_by_cli(run_cli):
    result = run_cli(csv_bytes(tree_rows(), delimiter=";", bom=True), filename="pegawai.csv")
    assert result.exit_code == 0, result.output
    assert counts()["employee"] == 7


def test_missing_file_is_a_usage_error(app, tmp_path):
    result = app.test_cli_runner().invoke(args=["import-employees", str(tmp_path / "tidak-ada.xlsx")])
    assert result.exit_code == 2
