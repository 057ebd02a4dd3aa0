"""In a real browser, on a desktop and on a phone: every page of years and periods, organisation
targets and the indicator library renders without console errors (so without CSP violations), does
not scroll sideways on a phone, and shows form errors at the field. Screenshots go to
test-artifacts/admin-skp-*.png for a person to look at."""
from __future__ import annotations

from decimal import Decimal
from urllib.parse import quote

import pytest

from app.domain.enums import OrgPredikat, PositionKind
from app.domain.skp import Aspect, Direction, ResultKind
from app.extensions import db
from app.models import LibraryIndicator, LibraryResult, OrgTarget, OrgYearResult
from app.models.library import position_key
from tests.browser import live_app, settled_width
from tests.e2e.test_login_browser import PHONE, _shot, _watch_console
from tests.factories import PASSWORD, Factory

pytestmark = pytest.mark.e2e
JABATAN = "Pranata Komputer Ahli Pertama"


def _seed(factory: Factory) -> dict:
    opd = factory.opd("Dinas Komunikasi, Informatika, Statistik dan Persandian")
    boss = factory.superadmin(unit=opd, name="Drs. Bambang Sutrisno, M.Si.")
    factory.employee(opd, position=JABATAN, position_kind=PositionKind.FUNGSIONAL)
    factory.employee(opd, position="Pranata Komputer Ahli Muda", position_kind=PositionKind.FUNGSIONAL)
    year = factory.skp.year(2026)
    targets = [
        ("Meningkatnya kualitas tata kelola pemerintahan berbasis elektronik",
         "Indeks Sistem Pemerintahan Berbasis Elektronik (SPBE)", Decimal("3.5"), "Indeks", Decimal("3.62")),
        ("Meningkatnya keterbukaan informasi publik", "Persentase permohonan informasi publik yang diselesaikan",
         Decimal("95"), "%", None),
        ("Terselenggaranya layanan jaringan intranet pemerintah daerah", "Jumlah perangkat daerah terhubung jaringan",
         Decimal("1234.5"), "Perangkat daerah", None),
    ]
    for n, (goal, indicator, value, unit, real) in enumerate(targets):
        db.session.add(OrgTarget(opd_id=opd.id, year_id=year.id, goal=goal, indicator=indicator,
                                 target_value=value, unit=unit, realization=real, position=n))
    db.session.add(OrgYearResult(opd_id=opd.id, year_id=year.id, predikat=OrgPredikat.BAIK,
                                 capaian=Decimal("97.25"), note="Berdasarkan LHE SAKIP 2026"))
    utama = LibraryResult(position_name=JABATAN, position_key=position_key(JABATAN), kind=ResultKind.UTAMA,
                          text="Terlaksananya pemeliharaan jaringan intranet dan pusat data pemerintah daerah")
    utama.indicators = [
        LibraryIndicator(aspect=Aspect.KUANTITAS, text="Jumlah laporan pemeliharaan jaringan",
                         target_value=Decimal("12"), unit="Laporan", sort_order=0),
        LibraryIndicator(aspect=Aspect.KUALITAS, text="Tingkat ketersediaan layanan jaringan",
                         target_value=Decimal("97.5"), target_high=Decimal("99.9"), unit="%",
                         direction=Direction.RANGE, cumulative=False, sort_order=1),
        LibraryIndicator(aspect=Aspect.WAKTU, text="Rata-rata waktu pemulihan gangguan",
                         target_value=Decimal("4"), unit="Jam", direction=Direction.LOWER, cumulative=False,
                         sort_order=2),
    ]
    tambahan = LibraryResult(position_name=JABATAN, position_key=position_key(JABATAN),
                             kind=ResultKind.TAMBAHAN, text="Membantu layanan helpdesk aplikasi")
    db.session.add_all([utama, tambahan])
    db.session.flush()
    return {"nip": boss.nip, "opd": opd.id, "year": year.id, "period": year.periods[1].id,
            "library": utama.id, "indicator": utama.indicators[1].id, "closed": year.periods[0].id}


@pytest.fixture(scope="module")
def live_server(tmp_path_factory, chromium_path):
    with live_app(tmp_path_factory.mktemp("e2e-admin-skp"), lambda: _seed(Factory())) as server:
        yield server


def _pages(s: dict) -> list[tuple[str, str]]:
    return [
        ("tahun", "/pengelolaan/tahun"),
        ("tahun-baru", "/pengelolaan/tahun/baru"),
        ("tahun-detail", f"/pengelolaan/tahun/{s['year']}"),
        ("periode-ubah", f"/pengelolaan/tahun/periode/{s['period']}/ubah"),
        ("sasaran", f"/pengelolaan/sasaran/{s['opd']}/{s['year']}"),
        ("sasaran-baru", f"/pengelolaan/sasaran/{s['opd']}/{s['year']}/baru"),
        ("pustaka", "/pengelolaan/pustaka"),
        ("pustaka-jabatan", "/pengelolaan/pustaka/jabatan?nama=" + quote(JABATAN)),
        ("pustaka-rhk-baru", "/pengelolaan/pustaka/rhk/baru?jabatan=" + quote(JABATAN)),
        ("pustaka-iki-ubah", f"/pengelolaan/pustaka/rhk/{s['library']}/iki/{s['indicator']}/ubah"),
    ]


def _log_in(page, server) -> None:
    page.goto(server["url"] + "/masuk")
    page.get_by_label("NIP").fill(server["nip"])
    page.get_by_label("Kata sandi", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(server["url"] + "/")


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_every_page_renders_cleanly(live_server, browser, device):
    from playwright.sync_api import expect

    if device == "phone":
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True,
                                      locale="id-ID")
    else:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="id-ID")
    page = context.new_page()
    problems = _watch_console(page)
    _log_in(page, live_server)
    if device == "desktop":  # close one period, so both states are on the screenshots
        page.goto(live_server["url"] + f"/pengelolaan/tahun/{live_server['year']}")
        page.locator(f"#periode-{live_server['closed']}").get_by_role("button", name="Tutup").click()
        expect(page.get_by_role("status")).to_contain_text("Triwulan I 2026 ditutup")
    too_wide = []
    for name, path in _pages(live_server):
        page.goto(live_server["url"] + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        _shot(page, f"admin-skp-{name}-{device}.png")
        if device == "phone" and settled_width(page, PHONE["width"]) > PHONE["width"]:
            too_wide.append(name)
    assert too_wide == []  # the page itself never scrolls sideways on a phone

    # Errors stand next to their fields.
    page.goto(live_server["url"] + f"/pengelolaan/tahun/periode/{live_server['period']}/ubah")
    page.get_by_label("Batas pengajuan pegawai").fill("2026-03-01")
    page.get_by_label("Batas penilaian atasan").fill("2026-02-01")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#submission_deadline-galat")).to_have_text(
        "Batas pengajuan tidak boleh sebelum awal periode (1 April 2026).")
    _shot(page, f"admin-skp-periode-galat-{device}.png")
    page.goto(live_server["url"] + f"/pengelolaan/pustaka/rhk/{live_server['library']}/iki/baru")
    page.get_by_label("Arah capaian").select_option("range")
    page.get_by_label("Target", exact=True).fill("1.500")
    page.get_by_role("button", name="Simpan").click()
    expect(page.locator("#target_value-galat")).to_contain_text("tidak jelas")
    expect(page.locator("#aspect-galat")).to_be_visible()
    _shot(page, f"admin-skp-iki-galat-{device}.png")
    assert problems == []
    context.close()
