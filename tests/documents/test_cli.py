"""`flask --app wsgi render-document KIND --nip --year [--period] --output`: issues (or reuses) as
the system and writes the PDF; exits 1 with an Indonesian message when something is missing."""
import pytest

from app.domain.enums import DocumentKind
from app.extensions import db
from app.services.documents import issue as docs
from tests.documents.conftest import documents


@pytest.fixture
def cli(app):
    return app.test_cli_runner()


def run(cli, *args):
    return cli.invoke(args=["render-document", *args])


def test_writes_each_kind_and_reuses_it(world, cli, tmp_path):
    world.rina.name = "Rina Staf, A.Md."
    db.session.commit()
    year = str(world.year.year)
    cases = [("skp", []), ("evaluasi", ["--period", "1"]),
             ("evaluasi", ["--period", str(world.year.final_period.number)]), ("dokumen-evaluasi", [])]
    for n, (kind, extra) in enumerate(cases):
        output = tmp_path / f"{n}.pdf"
        result = run(cli, kind, "--nip", world.rina.nip, "--year", year, *extra, "--output", str(output))
        assert result.exit_code == 0, result.output
        assert output.read_bytes().startswith(b"%PDF") and "kode" in result.output
        assert "Rina Staf, A.Md." in result.output  # the comma before the title kept
    issued = documents()
    assert len(issued) == 4 and all(d.issued_by_id is None for d in issued)
    assert [d.kind for d in issued] == [DocumentKind.SKP, DocumentKind.EVALUASI, DocumentKind.EVALUASI,
                                       DocumentKind.DOKUMEN_EVALUASI]
    again = tmp_path / "again.pdf"
    result = run(cli, "skp", "--nip", world.rina.nip, "--year", year, "--output", str(again))
    assert result.exit_code == 0 and len(documents()) == 4
    assert again.read_bytes() == docs.read_bytes(issued[0])


@pytest.mark.parametrize("args, message", [
    (["skp", "--nip", "199001012020011001", "--year", "{year}"], "tidak ditemukan"),
    (["skp", "--nip", "{nip}", "--year", "1999"], "Tahun penilaian 1999 belum dibuka"),
    (["evaluasi", "--nip", "{nip}", "--year", "{year}"], "Sebutkan --period"),
    (["evaluasi", "--nip", "{nip}", "--year", "{year}", "--period", "9"], "Periode 9 tidak ada"),
    (["evaluasi", "--nip", "{nip}", "--year", "{year}", "--period", "2"], "belum disetujui"),
    (["skp", "--nip", "{nothing}", "--year", "{year}"], "belum disetujui"),
    (["dokumen-evaluasi", "--nip", "{colleague}", "--year", "{year}"], "belum diserahkan"),
])
def test_refusals_exit_1_with_a_message(world, cli, tmp_path, args, message):
    values = {"nip": world.rina.nip, "year": str(world.year.year), "nothing": world.nothing.nip,
              "colleague": world.colleague.nip}
    output = tmp_path / "x.pdf"
    result = run(cli, *[a.format(**values) for a in args], "--output", str(output))
    assert result.exit_code == 1, result.output
    assert "Gagal:" in result.output and message in result.output
    assert not output.exists() and documents() == []


def test_unknown_kind_is_refused_by_click(world, cli, tmp_path):
    result = run(cli, "rapor", "--nip", world.rina.nip, "--year", "2026", "--output", str(tmp_path / "x.pdf"))
    assert result.exit_code == 2 and "rapor" in result.output


def test_without_base_url_the_command_line_refuses_unless_told(world, cli, tmp_path, app, monkeypatch):
    db.session.commit()
    monkeypatch.setitem(app.config, "BASE_URL", None)
    output = tmp_path / "skp.pdf"
    args = ("skp", "--nip", world.rina.nip, "--year", str(world.year.year), "--output", str(output))
    refused = run(cli, *args)
    assert refused.exit_code == 1 and "BASE_URL belum diatur" in refused.output and "--relative-url" in refused.output
    assert not output.exists() and documents() == []
    relative = run(cli, *args, "--relative-url")
    assert relative.exit_code == 0, relative.output
    assert documents()[0].snapshot and output.read_bytes().startswith(b"%PDF")


def test_the_fallback_address_serves_when_nothing_else_does(app, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", None)
    monkeypatch.setitem(app.config, "FALLBACK_BASE_URL", "http://127.0.0.1:5000/")
    with app.app_context():
        assert docs.verify_url("K7QM-2XHP-WD9R") == "http://127.0.0.1:5000/verifikasi/K7QM-2XHP-WD9R"
        monkeypatch.setitem(app.config, "BASE_URL", "https://kinerja.uji.go.id")
        assert docs.verify_url("K7QM-2XHP-WD9R") == "https://kinerja.uji.go.id/verifikasi/K7QM-2XHP-WD9R"
