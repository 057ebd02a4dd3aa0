"""Command-line tools: `flask --app wsgi <command>`. They call the same services as the views."""
from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import with_appcontext

from app.extensions import db
from app.models.base import local_today
from app.services import ServiceError


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Kata sandi", hide_input=True, confirmation_prompt="Ulangi kata sandi")


def _fail(message: str) -> None:
    db.session.rollback()
    click.echo(f"Gagal: {message}", err=True)
    sys.exit(1)


@click.command("create-admin")
@click.argument("nip")
@click.option("--name", help="Nama tampilan bila NIP belum ada di data pegawai.")
@click.option("--password-stdin", is_flag=True, help="Baca kata sandi dari stdin (untuk skrip).")
@with_appcontext
def create_admin_command(nip: str, name: str | None, password_stdin: bool) -> None:
    """Create (or promote) a super admin account for NIP."""
    from app.services.org.accounts import create_superadmin

    password = _read_password(password_stdin)
    try:
        user = create_superadmin(nip, password, name=name)
    except ServiceError as error:
        _fail(error.message)
    db.session.commit()
    click.echo(f"Super admin {user.name} (NIP {user.nip}) siap dipakai.")


@click.command("set-password")
@click.argument("nip")
@click.option("--password-stdin", is_flag=True, help="Baca kata sandi dari stdin (untuk skrip).")
@click.option("--no-force-change", is_flag=True, help="Jangan wajibkan pengguna mengganti kata sandi saat masuk.")
@with_appcontext
def set_password_command(nip: str, password_stdin: bool, no_force_change: bool) -> None:
    """Set the password of any account (operator recovery; audited)."""
    from app.services.org.accounts import set_password_by_operator

    password = _read_password(password_stdin)
    try:
        user = set_password_by_operator(nip, password, must_change=not no_force_change)
    except ServiceError as error:
        _fail(error.message)
    db.session.commit()
    note = "" if no_force_change else " Pengguna wajib menggantinya saat masuk."
    click.echo(f"Kata sandi {user.name} (NIP {user.nip}) ditetapkan.{note}")


@click.command("import-employees")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Hanya periksa dan tampilkan laporan; tidak menulis apa pun.")
@click.option("--deactivate-missing", is_flag=True,
              help="Nonaktifkan pegawai aktif yang tidak ada di berkas (impor penuh).")
@with_appcontext
def import_employees_command(path: str, dry_run: bool, deactivate_missing: bool) -> None:
    """Import the pegawai roster (.xlsx or .csv): all rows or nothing."""
    from app.services.roster.cli import run_import

    sys.exit(run_import(path, dry_run=dry_run, deactivate_missing=deactivate_missing, echo=click.echo))


@click.command("seed-demo")
@click.option("--if-empty", is_flag=True, help="Lewati tanpa galat bila database sudah berisi pegawai.")
@with_appcontext
def seed_demo_command(if_empty: bool) -> None:
    """Load the demo kabupaten (several OPDs, 300+ pegawai) and print the demo logins."""
    from app.seed.demo.story import DEMO_PASSWORD, database_is_empty, demo_logins, seed_demo

    if not database_is_empty():
        if if_empty:
            click.echo("Database sudah berisi data; data demo tidak dimuat.")
            logins = demo_logins()
            if logins:
                click.echo("Akun demo yang masih berlaku (kata sandi: %s):" % DEMO_PASSWORD)
            for role, user in logins:
                click.echo(f"  {role:<28} NIP {user.nip}  {user.name}")
            return
        _fail("Database sudah berisi data pegawai; seed-demo hanya untuk database kosong.")
    try:
        logins = seed_demo()
    except ServiceError as error:
        _fail(error.message)
    db.session.commit()
    click.echo("Data demo dimuat. Akun demo (kata sandi sama untuk semua: %s):" % DEMO_PASSWORD)
    for role, user in logins:
        click.echo(f"  {role:<28} NIP {user.nip}  {user.name}")


@click.command("seed-scale")
@click.option("--employees", required=True, type=click.IntRange(150, 200_000), help="Jumlah pegawai, misalnya 10000.")
@click.option("--year", "year_number", type=click.IntRange(2000, 2100), default=None,
              help="Tahun penilaian (bawaan: tahun ini).")
@click.option("--seed", type=int, default=1, show_default=True, help="Sama seed, sama data.")
@click.option("--daily-days", type=click.IntRange(0, 260), default=0, show_default=True,
              help="Hari kerja kinerja harian sampai hari ini (mis. 21 untuk sebulan).")
@with_appcontext
def seed_scale_command(employees: int, year_number: int | None, seed: int, daily_days: int) -> None:
    """Load a kabupaten of N pegawai with a whole year of work, for benchmarks (empty database only)."""
    import time

    from app.seed.scale.seed import SCALE_PASSWORD, seed_scale

    started = time.perf_counter()
    try:
        written = seed_scale(employees, year_number or local_today().year, seed, daily_days)
    except ServiceError as error:
        _fail(error.message)
    db.session.commit()
    click.echo(f"Data skala dimuat dalam {time.perf_counter() - started:.1f} s: "
               + ", ".join(f"{name} {count:,}" for name, count in written.counts.items()))
    click.echo(f"Akun uji beban (kata sandi sama untuk semua akun: {SCALE_PASSWORD}):")
    for label, index in written.logins:
        person = written.plan.people[index]
        click.echo(f"  {label:<40} NIP {person.nip}  {person.name}")


@click.command("backup")
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@with_appcontext
def backup_command(output: str) -> None:
    """Back up the database to OUTPUT (SQLite online backup, or pg_dump for PostgreSQL)."""
    from app.services.backup import BackupError, backup_database

    try:
        description = backup_database(output)
    except BackupError as error:
        _fail(str(error))
    click.echo(description)


@click.command("send-reminders")
@click.option("--today", "today_text", help="Run as on this date (YYYY-MM-DD), e.g. to check what a day would send.")
@click.option("--queue", is_flag=True, help="Serahkan ke pekerja latar (JOB_RUNNER) alih-alih menjalankannya di sini.")
@with_appcontext
def send_reminders_command(today_text: str | None, queue: bool) -> None:
    """Give today's reminders (deadlines, waiting reviews, keberatan, the weekly digest) into the
    notification centre and by e-mail; each one once ever, so running it again sends nothing new.
    With --queue the run is handed to the background runner (an RQ worker on any server)."""
    import datetime as dt

    from app.services.notifications.reminders import send_reminders

    try:
        today = dt.date.fromisoformat(today_text) if today_text else local_today()
    except ValueError:
        _fail(f"Tanggal {today_text!r} tidak valid: tulis sebagai YYYY-MM-DD.")
    if queue:
        from app.services import jobs

        jobs.enqueue("reminders", today.toordinal(), today.isoformat())
        click.echo(f"Pengingat {today.isoformat()} diserahkan ke pekerja latar ({jobs.runner()}).")
        return
    run = send_reminders(today)
    db.session.commit()
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(run.created.items())) or "tidak ada yang baru"
    click.echo(f"{run.total} pengingat baru ({kinds}); {run.emailed} dikirim lewat e-mail"
               + (f", {run.failed} gagal dikirim" if run.failed else "") + ".")


@click.command("worker")
@click.option("--burst", is_flag=True, help="Berhenti setelah antrean kosong (untuk uji dan skrip).")
@with_appcontext
def worker_command(burst: bool) -> None:
    """Run the background jobs queued in Redis (JOB_RUNNER = "rq", REDIS_URL): batch exports and
    documents being issued, one after another, on this server. Start one or more per server with
    deploy/capaian-worker.service."""
    from flask import current_app

    from app.services import jobs
    from app.services.documents import render_pool

    app = current_app._get_current_object()
    if jobs.runner(app) != "rq" or not app.config.get("REDIS_URL"):
        _fail("`flask worker` hanya untuk JOB_RUNNER = \"rq\" dengan REDIS_URL; tanpa itu pekerjaan latar "
              "berjalan di proses web.")
    render_pool.warm(app)  # the render process starts with the worker, not at the first document
    jobs.work(app, burst=burst)


@click.group("signing-cert")
def signing_cert_group() -> None:
    """The certificate that signs issued PDFs (PAdES)."""


@signing_cert_group.command("create")
@click.option("--output", default=None, help="Berkas PKCS#12 (bawaan: instance/signing.p12).")
@click.option("--passphrase-stdin", is_flag=True, help="Baca kata sandi berkas dari stdin.")
@click.option("--organisation", default=None, help="Nama organisasi (bawaan: nama pemerintah daerah).")
@click.option("--days", default=730, show_default=True, type=click.IntRange(1, 3650))
@with_appcontext
def signing_cert_create(output: str | None, passphrase_stdin: bool, organisation: str | None, days: int) -> None:
    """Create a self-signed signing certificate for tests and demos (not for production)."""
    import os

    from flask import current_app

    from app.services.settings import get_settings
    from app.services.documents.signing import create_self_signed

    path = output or os.path.join(current_app.instance_path, "signing.p12")
    if os.path.exists(path):
        _fail(f"{path} sudah ada; hapus dulu atau pilih --output lain.")
    passphrase = _read_password(passphrase_stdin)
    if len(passphrase) < 8:
        _fail("Kata sandi berkas sertifikat minimal 8 karakter.")
    info = create_self_signed(path, passphrase, organisation=organisation or get_settings().region_name, days=days)
    click.echo(f"Sertifikat uji dibuat: {path}")
    click.echo(f"  subjek      : {info['subject']}")
    click.echo(f"  berlaku s.d.: {info['valid_until']:%Y-%m-%d}")
    click.echo(f"  SHA-256     : {info['fingerprint']}")
    click.echo("Tambahkan ke instance/config.py untuk menandatangani dokumen yang diterbitkan:")
    click.echo(f"  SIGNING_P12_PATH = {path!r}")
    click.echo("  SIGNING_P12_PASSPHRASE = '<kata sandi tadi>'")
    click.echo("Sertifikat swa-tanda-tangan ini hanya untuk uji coba; gunakan sertifikat BSrE untuk produksi.")


@click.command("render-document")
@click.argument("kind", type=click.Choice(["skp", "evaluasi", "dokumen-evaluasi"]))
@click.option("--nip", required=True, help="NIP pegawai.")
@click.option("--year", "year_number", required=True, type=int, help="Tahun penilaian, misalnya 2026.")
@click.option("--period", "period_number", type=int, default=None,
              help="Nomor periode untuk evaluasi (1 = periode pertama; Akhir = nomor terakhir).")
@click.option("--output", required=True, type=click.Path(dir_okay=False, writable=True), help="Berkas PDF tujuan.")
@click.option("--relative-url", is_flag=True,
              help="Terbitkan walau BASE_URL belum diatur: kode QR hanya memuat /verifikasi/<kode>.")
@with_appcontext
def render_document_command(kind: str, nip: str, year_number: int, period_number: int | None, output: str,
                            relative_url: bool) -> None:
    """Issue (or reuse) a pegawai's document as the system and write its PDF to OUTPUT."""
    from sqlalchemy import select

    from app.models import Employee
    from app.services.documents import issue as docs
    from app.services.documents.sources import source_for
    from app.services.years import get_year

    if not docs.base_url() and not relative_url:
        _fail("BASE_URL belum diatur, jadi kode QR dokumen tidak dapat memuat alamat lengkap halaman verifikasi. "
              "Atur BASE_URL (mis. BASE_URL = \"https://kinerja.contohkab.go.id\" di instance/config.py, atau "
              "variabel lingkungan BASE_URL), atau tambahkan --relative-url untuk menerbitkan dengan alamat relatif.")
    employee = db.session.scalar(select(Employee).where(Employee.nip == nip.strip()))
    if employee is None:
        _fail(f"Pegawai dengan NIP {nip} tidak ditemukan.")
    year = get_year(year_number)
    if year is None:
        _fail(f"Tahun penilaian {year_number} belum dibuka.")
    period = None
    if kind == "evaluasi":
        if period_number is None:
            numbers = ", ".join(f"{p.number} = {p.label}" for p in year.periods)
            _fail(f"Sebutkan --period untuk evaluasi ({numbers}).")
        period = next((p for p in year.periods if p.number == period_number), None)
        if period is None:
            _fail(f"Periode {period_number} tidak ada pada tahun {year.year}.")
    try:
        document = docs.issue(kind, source_for(employee, year, docs.SLUGS[kind], period), user=None)
    except ServiceError as error:
        _fail(error.message)
    db.session.commit()
    data = docs.read_bytes(document)
    with open(output, "wb") as handle:
        handle.write(data)
    size = f"{len(data):,}".replace(",", ".")  # 12.345: the thousands only, never a comma in a name
    click.echo(f"{document.title} {employee.name} versi {document.version} (kode {document.code}): "
               f"{size} bita ditulis ke {output}")


def register(app: Flask) -> None:
    for command in (
        create_admin_command, set_password_command, import_employees_command, seed_demo_command, seed_scale_command,
        backup_command, signing_cert_group, render_document_command, send_reminders_command, worker_command,
    ):
        app.cli.add_command(command)
