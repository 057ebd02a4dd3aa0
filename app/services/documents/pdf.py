"""HTML → PDF with WeasyPrint, fetching nothing but the app's own static files (and data: URIs):
a document can never reach the network or the file system beyond app/static."""
from __future__ import annotations

import mimetypes
import os
import threading
from urllib.parse import unquote, urlsplit

from flask import current_app

# The base URL documents are rendered under; only paths below /static/ resolve, to app/static.
DOCUMENT_BASE = "https://capaian.dokumen/"
_STATIC_PREFIX = DOCUMENT_BASE + "static/"


class FetchRefused(ValueError):
    """A document asked for something outside the app's static files."""


def _static_file(url: str) -> tuple[bytes, str]:
    if not url.startswith(_STATIC_PREFIX):
        raise FetchRefused(f"refused to fetch {url!r}: only the app's static files are allowed")
    relative = unquote(urlsplit(url).path)[len("/static/"):]
    root = os.path.realpath(current_app.static_folder)
    path = os.path.realpath(os.path.join(root, relative))
    if not path.startswith(root + os.sep) or not os.path.isfile(path):
        raise FetchRefused(f"refused to fetch {url!r}: not a static file")
    with open(path, "rb") as handle:
        return handle.read(), mimetypes.guess_type(path)[0] or "application/octet-stream"


def _fetcher():
    """WeasyPrint URL fetcher: data: URIs and the app's static files, nothing else."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            data, mime = _static_file(url)
            return URLFetcherResponse(url, data, {"Content-Type": mime})

    return StaticOnlyFetcher(allowed_protocols=("data",), allow_redirects=False)


_local = threading.local()


def _font_config():
    """One FontConfiguration per thread, reused across documents: building it (fontconfig's font
    list) is part of every render otherwise, and the documents declare no @font-face of their own."""
    from weasyprint.text.fonts import FontConfiguration

    if getattr(_local, "font_config", None) is None:
        _local.font_config = FontConfiguration()
    return _local.font_config


def render_pdf(html: str) -> bytes:
    """The PDF of a standalone document page (its stylesheet linked as /static/css/…)."""
    from weasyprint import HTML

    return HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=_fetcher()).write_pdf(font_config=_font_config())


def qr_data_uri(text: str) -> str:
    """A QR code (SVG) for the verification URL, embedded as a data: URI."""
    import segno

    return segno.make(text, error="m").svg_data_uri(scale=3, border=2, dark="#000000")
