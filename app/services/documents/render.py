"""One render path for the official documents (STYLE.md habit 11): a snapshot (document_data) →
one Jinja template per kind → HTML for the on-screen preview, and the same HTML → PDF."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from flask import has_request_context, render_template, url_for
from markupsafe import Markup

from app.domain.enums import DocumentKind
from app.domain.scoring import Predikat
from app.services.charts import curve_limits_chart
from app.services.documents.common import logo_data_uri
from app.services.documents.data_annual import shortened
from app.services.documents.pdf import layout, pages_of, qr_data_uri, render_pdf
from app.services.monitoring.recap import OpdRecap, curve_bars

TEMPLATES = {
    DocumentKind.SKP.value: "documents/skp.html",
    DocumentKind.EVALUASI.value: "documents/evaluasi.html",
    DocumentKind.DOKUMEN_EVALUASI.value: "documents/dokumen_evaluasi.html",
    DocumentKind.REKAP.value: "documents/rekap.html",
}
STYLESHEET = "/static/css/documents.css"  # resolved by pdf.render_pdf's fetcher, under DOCUMENT_BASE


def distribution_chart(data: dict[str, Any] | None, *, chart_id: str = "pola-distribusi") -> Markup | None:
    """The OPD's predikat against its curve, drawn from a snapshot's `distribution` numbers."""
    if not data or not data.get("total"):
        return None
    recap = OpdRecap(None, data.get("opd_name") or "", counts={p: int(data["counts"].get(p.value, 0)) for p in Predikat})
    if data.get("org_predikat"):
        recap.result = SimpleNamespace(predikat=data["org_predikat"])
    return curve_limits_chart(curve_bars(recap), title="Pola distribusi predikat kinerja pegawai",
                              description=data.get("caption") or "", chart_id=chart_id,
                              verdicts=bool(data.get("verdicts")))


def _stylesheet(preview: bool) -> str:
    if preview and has_request_context():
        return url_for("static", filename="css/documents.css")
    return STYLESHEET


def render_html(snapshot: dict[str, Any], *, code: str | None = None, verify_url: str | None = None,
                issued_at_text: str | None = None, preview: bool = False, signer: str | None = None,
                issued_by: str | None = None, logo: str | None | bool = True) -> str:
    """The document as a standalone HTML page: the preview (watermarked, no code) or what the PDF
    is made from (with the verification code and its QR code in the footer of every page). `logo`
    is the kop's logo as a data: URI when the caller read it already (a render process has no
    database), True to read it from the settings."""
    template = TEMPLATES[snapshot["kind"]]
    issued = not preview and bool(code)
    return render_template(
        template, doc=snapshot, preview=preview, code=code if issued else None,
        verify_url=verify_url if issued else None, issued_at_text=issued_at_text if issued else None,
        signer=signer if issued else None, issued_by=issued_by if issued else None,
        qr=qr_data_uri(verify_url) if issued and verify_url else None,
        chart=distribution_chart(snapshot.get("distribution")), stylesheet=_stylesheet(preview),
        paper=(snapshot.get("paper_size") or "A4").lower(),
        logo=logo_of(snapshot) if logo is True else logo,
    )


def logo_of(snapshot: dict[str, Any]) -> str | None:
    """The logo the snapshot's kop names, as a data: URI (None when it has none or it changed)."""
    return logo_data_uri((snapshot.get("kop") or {}).get("logo_sha256"))


# How much of the usual length the Dokumen Evaluasi's texts get when its one page cannot hold
# them (long names and titles, a Plt. signer): tried in turn until the signatures are on page 1.
ONE_PAGE_SCALES = (1.0, 0.6, 0.35, 0.15)


def render_document_pdf(snapshot: dict[str, Any], *, code: str, verify_url: str, issued_at_text: str,
                        signer: str | None = None, issued_by: str | None = None,
                        logo: str | None | bool = True) -> bytes:
    """The issued PDF of a snapshot, with its verification code, QR code, issue time and who
    issued it; its footer says whether it is signed electronically (`signer`: "bsre", "other") or
    only issued. The Dokumen Evaluasi is one page (RULES.md §6.3): when its blocks and signatures do
    not fit, its long texts are cut shorter, whole in its Lampiran."""
    def html(of: dict[str, Any]) -> str:
        return render_html(of, code=code, verify_url=verify_url, issued_at_text=issued_at_text,
                           signer=signer, issued_by=issued_by, logo=logo)

    if snapshot["kind"] != DocumentKind.DOKUMEN_EVALUASI.value:
        return render_pdf(html(snapshot))
    for scale in ONE_PAGE_SCALES:
        document = layout(html(snapshot if scale == 1.0 else shortened(snapshot, scale)))
        if pages_of(document, "signatures") == {0}:
            break
    return document.write_pdf()
