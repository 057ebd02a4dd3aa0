"""Where things land on the pages of a PDF, read from the PDF itself: each page is drawn (pdfium,
no anti-aliasing) and its text searched, and three faults a BKPSDM officer would send back are
looked for:

- `open_cells`: a table cell whose side line ends with no line across it (a row group cut at a
  page end without its bottom border, a rowspan cell ending mid-row);
- `ink_outside`: anything drawn in the page's left, right or top margin;
- `lone_signatures`: a signature block on a page with no table row above it.

The borders are drawn by WeasyPrint as clipped fills, so they are found as ink on the drawn page,
not as PDF line objects."""
from __future__ import annotations

import re
from dataclasses import dataclass

MM = 72 / 25.4          # points per millimetre
SCALE = 2.0             # pixels per point when drawing a page
INK = 160               # a grey value below this is ink
# documents.css: @page margins (top, right, bottom, left)
MARGINS_MM = (14, 13, 27, 15)
SIDE_RUN = 30           # px: a vertical run of ink at least this long is a cell's side (text glyphs are shorter)


@dataclass
class Page:
    number: int          # from 1
    width: float         # pt
    height: float        # pt
    text: str
    pixels: bytes        # binary, row-major: 0 ink, 255 paper
    columns: bytes       # the same, column-major
    size: tuple[int, int]
    textpage: object

    def find(self, words: str) -> list[tuple[float, float]]:
        """(top, bottom) in points from the page top of each case-sensitive match of `words`."""
        found, searcher = [], self.textpage.search(words, match_case=True)
        while (hit := searcher.get_next()) is not None:
            index, count = hit
            boxes = [self.textpage.get_charbox(i) for i in range(index, index + count)]
            found.append((self.height - max(b[3] for b in boxes), self.height - min(b[1] for b in boxes)))
        return found


def read(data: bytes) -> list[Page]:
    import pypdfium2 as pdfium
    from PIL import Image

    document = pdfium.PdfDocument(data)
    pages = []
    for number, page in enumerate(document, start=1):
        width, height = page.get_size()
        image = page.render(scale=SCALE, grayscale=True, no_smoothtext=True, no_smoothpath=True,
                            no_smoothimage=True).to_pil().convert("L")
        binary = image.point(lambda v: 0 if v < INK else 255)
        textpage = page.get_textpage()
        pages.append(Page(number, width, height, textpage.get_text_range(), binary.tobytes(),
                          binary.transpose(Image.Transpose.TRANSPOSE).tobytes(), binary.size, textpage))
    return pages


def _ink(page: Page, x: int, y: int) -> bool:
    w, h = page.size
    return 0 <= x < w and 0 <= y < h and page.pixels[y * w + x] == 0


def _across(page: Page, x: int, y: int) -> bool:
    """Is there a horizontal line through (x, y) — ink for 6 px to one side, within 3 px of y?"""
    for dy in range(-3, 4):
        for side in (-1, 1):
            if all(_ink(page, x + side * d, y + dy) for d in range(2, 8)):
                return True
    return False


def _side_runs(page: Page) -> list[tuple[int, int, int]]:
    """Vertical runs of ink (x, top, bottom) in px above the footer; neighbouring columns of one
    line count once."""
    w, h = page.size
    footer = int((page.height - MARGINS_MM[2] * MM) * SCALE)
    runs: list[tuple[int, int, int]] = []
    pattern = re.compile(rb"\x00{%d,}" % SIDE_RUN)
    previous: list[tuple[int, int, int]] = []
    for x in range(w):
        column = page.columns[x * h:x * h + footer]
        current = [(x, m.start(), m.end() - 1) for m in pattern.finditer(column)]
        for run in current:
            if not any(abs(run[1] - p[1]) <= 3 and abs(run[2] - p[2]) <= 3 for p in previous):
                runs.append(run)
        previous = current
    return runs


def open_cells(page: Page) -> list[tuple[float, float]]:
    """(x, y) in points of each end of a cell's side line that no line crosses."""
    faults = []
    for x, top, bottom in _side_runs(page):
        for y in (top, bottom):
            if not (_across(page, x, y) or _across(page, x + 1, y)):
                faults.append((round(x / SCALE, 1), round(y / SCALE, 1)))
    return faults


def ink_outside(page: Page) -> list[str]:
    """The margins (left, right, top) that hold ink: they must be empty on every page."""
    from PIL import Image

    w, h = page.size
    image = Image.frombytes("L", (w, h), page.pixels)
    top, right, _bottom, left = (int(m * MM * SCALE) - 2 for m in MARGINS_MM)
    strips = {"kiri": (0, 0, left, h), "kanan": (w - right, 0, w, h), "atas": (0, 0, w, top)}
    inked = []
    for name, box in strips.items():
        # getbbox finds non-zero pixels: invert so that ink is non-zero
        if image.crop(box).point(lambda v: 255 - v).getbbox() is not None:
            inked.append(name)
    return inked


def _rule_above(page: Page, y: float) -> bool:
    """A horizontal line at least half the content's width somewhere above `y` (pt), below the
    top margin: a table row closed on this page."""
    w, _ = page.size
    top = int(MARGINS_MM[0] * MM * SCALE)
    line = b"\x00" * int(w * 0.4)
    for row in range(top, int(y * SCALE)):
        if line in page.pixels[row * w:(row + 1) * w]:
            return True
    return False


def lone_signatures(pages: list[Page], role: str = "Pejabat Penilai Kinerja") -> list[int]:
    """The pages where the signature block (found by its mixed-case role line; the tables write the
    role in capitals) has no table above it."""
    return [page.number for page in pages for top, _ in page.find(role) if not _rule_above(page, top)]
