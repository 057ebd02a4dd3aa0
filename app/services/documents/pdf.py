"""HTML → PDF with WeasyPrint, fetching nothing but the app's own static files (and data: URIs):
a document can never reach the network or the file system beyond app/static."""
from __future__ import annotations

import copy
import mimetypes
import os
import threading
from urllib.parse import unquote, urlsplit

from flask import current_app

from app.services.documents.paginate import MAX_PASSES, continue_group, next_fix, start_fresh

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
    """The PDF of a standalone document page (its stylesheet linked as /static/css/…); a row group
    that runs across a page end is continued on the next page with its RHK (paginate.py)."""
    return layout(html).write_pdf()


def layout(html: str):
    """The laid-out WeasyPrint document of `html`, its row groups settled across pages."""
    import cssselect2
    from weasyprint import HTML

    source = HTML(string=html, base_url=DOCUMENT_BASE, url_fetcher=_fetcher())
    document = source.render(font_config=_font_config())
    for _ in range(MAX_PASSES):
        fix = next_fix(document, source.etree_element)
        if fix is None:
            break
        action, where = fix
        (continue_group if action == "cut" else start_fresh)(*where)
        # the same tree, changed: wrapped anew so that nothing cached about it is reused
        source = copy.copy(source)
        source.wrapper_element = cssselect2.ElementWrapper.from_html_root(source.etree_element, content_language=None)
        document = source.render(font_config=_font_config())
    return document


def pages_of(document, css_class: str) -> set[int]:
    """The pages (from 0) on which the elements of a class landed, in a laid-out document."""
    found = set()
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():  # WeasyPrint's layout boxes, as in paginate.py
            element = getattr(box, "element", None)
            if element is not None and css_class in (element.get("class") or "").split():
                found.add(number)
                break
    return found


def qr_data_uri(text: str) -> str:
    """A QR code (SVG) for the verification URL, embedded as a data: URI."""
    import segno

    return segno.make(text, error="m").svg_data_uri(scale=3, border=2, dark="#000000")
