"""Row groups that run across a page end, split and continued.

A results table keeps each RHK with its IKI on one page (`tbody.rhk { break-inside: avoid }`).
A group taller than what is left of a page still breaks between its rows, and then its
rowspan cells (NO, the RHK, the umpan balik) would end mid-page without a bottom line while the
next page starts with IKI rows under no RHK. So the document is laid out, and where a group's
rows land on two pages the group is cut there into two row groups: the first keeps the rowspan
cells (now spanning only its own rows, closed on its page), the second starts with copies of
them marked "(lanjutan)". Then the document is laid out again, until no group runs across a page
(each pass settles the first such page; nothing changes before it).

The template marks what this needs: `data-group` on a row group (a tbody) whose rows belong
together, and on each rowspan cell `data-continued` saying how its copy reads on the next page:
"repeat" (the same content: the number, the RHK atasan), "label" (the same content under
"(lanjutan)": the RHK) or "mark" (only "(lanjutan)": the umpan balik stays with the first part).

WeasyPrint has no public API for where a box landed; the page boxes (`Page._page_box`) are read
here and nowhere else, with WeasyPrint pinned in requirements.txt.
"""
from __future__ import annotations

import copy
from typing import Any
from xml.etree.ElementTree import Element

CONTINUED_TEXT = "(lanjutan)"
MAX_PASSES = 12


def _group_rows(root: Element) -> dict[Element, tuple[Element, Element, int]]:
    """Each row of a marked group → (its table, its group, its index in the group)."""
    rows: dict[Element, tuple[Element, Element, int]] = {}
    for table in root.iter("table"):
        for group in table.findall("tbody"):
            if group.get("data-group") is None:
                continue
            for index, row in enumerate(group.findall("tr")):
                rows[row] = (table, group, index)
    return rows


def _anchor(group: Element) -> int | None:
    """The index of the group's row that holds its rowspan cells (after a heading row, if any)."""
    return next((n for n, row in enumerate(group.findall("tr")) if any(c.get("rowspan") for c in row)), None)


def next_fix(document: Any, root: Element) -> tuple[str, tuple] | None:
    """The first place, in page order, where a marked group does not hold on its page, and what to
    do there:

    - ("cut", (table, group, index)): the group's rows go on on a later page from row `index`;
      cut it there and continue it;
    - ("fresh", (table, group)): the group cannot be cut where it breaks (a row of it breaks inside
      itself, or nothing but its heading is left on the page): it starts on a new page instead,
      where it has the whole page (done once per group).

    A row taller than a whole page still breaks inside itself; that is left to WeasyPrint (no text
    the forms accept gets there)."""
    from weasyprint.formatting_structure.boxes import TableRowBox

    rows = _group_rows(root)
    if not rows:
        return None
    started: dict[Element, int] = {}
    seen: dict[Element, int] = {}
    for number, page in enumerate(document.pages):
        for box in page._page_box.descendants():
            if not isinstance(box, TableRowBox) or box.element not in rows:
                continue
            row = box.element
            table, group, index = rows[row]
            started.setdefault(group, number)
            if row in seen and seen[row] < number:
                if group.get("data-fresh") is None:
                    return "fresh", (table, group)
            elif row not in seen and number > started[group] and index > 0:
                anchor = _anchor(group)
                if anchor is not None and index <= anchor:
                    if group.get("data-fresh") is None:
                        return "fresh", (table, group)
                else:
                    return "cut", (table, group, index)
            seen.setdefault(row, number)
    return None


def start_fresh(table: Element, group: Element) -> None:
    """Start the group on a new page (the table's first group: the whole table, as a page break
    between a table's header and its first rows is one WeasyPrint cannot make)."""
    group.set("data-fresh", "1")
    first = table.find("tbody") is group
    (table if first else group).set("style", "break-before: page")


def _columns(row: Element) -> list[tuple[int, Element]]:
    """The cells of a row with the column each starts at (rowspans of other rows ignored)."""
    placed, column = [], 0
    for cell in row:
        placed.append((column, cell))
        column += int(cell.get("colspan") or 1)
    return placed


def _continued_copy(cell: Element, rowspan: int) -> Element:
    how = cell.get("data-continued") or "repeat"
    if how == "mark":
        clone = Element(cell.tag, {k: v for k, v in cell.attrib.items()})
        marker = Element("div", {"class": "continued"})
        marker.text = CONTINUED_TEXT
        clone.append(marker)
    else:
        clone = copy.deepcopy(cell)
        labelled = len(clone) and clone[0].get("class") == "continued"  # a continuation's continuation
        if how == "label" and not labelled:
            marker = Element("div", {"class": "continued"})
            marker.text = CONTINUED_TEXT
            marker.tail, clone.text = clone.text, None
            clone.insert(0, marker)
    if rowspan > 1:
        clone.set("rowspan", str(rowspan))
    else:
        clone.attrib.pop("rowspan", None)
    return clone


def continue_group(table: Element, group: Element, index: int) -> None:
    """Cut `group` before its row `index` into two groups; the second begins with the rowspan
    cells that reached past the cut, copied as their `data-continued` says."""
    rows = group.findall("tr")
    anchor_at = _anchor(group)
    rest = Element(group.tag, dict(group.attrib))
    rest.set("data-group", f"{group.get('data-group')}+")
    rest.set("class", (group.get("class", "") + " continuation").strip())
    for name in ("data-fresh", "style"):
        rest.attrib.pop(name, None)
    rest.text = "\n"
    for row in rows[index:]:
        group.remove(row)
        rest.append(row)
    position = list(table).index(group)
    table.insert(position + 1, rest)
    if anchor_at is None or anchor_at >= index:
        return
    anchor, first = rows[anchor_at], rows[index]
    spanning = []
    for column, cell in _columns(anchor):
        span = int(cell.get("rowspan") or 1)
        if span > 1 and anchor_at + span > index:
            if index - anchor_at > 1:
                cell.set("rowspan", str(index - anchor_at))
            else:
                cell.attrib.pop("rowspan")
            spanning.append((column, int(cell.get("colspan") or 1), _continued_copy(cell, anchor_at + span - index)))
    if not spanning:
        return
    taken = {c for column, width, _ in spanning for c in range(column, column + width)}
    placed = [(column, clone) for column, _, clone in spanning]
    column = 0
    for cell in list(first):
        while column in taken:
            column += 1
        placed.append((column, cell))
        column += int(cell.get("colspan") or 1)
        first.remove(cell)
    for _, cell in sorted(placed, key=lambda item: item[0]):
        first.append(cell)
    if 0 in taken:  # the row now has its own first column (documents.css: tr.sub draws no left edge)
        classes = [c for c in (first.get("class") or "").split() if c != "sub"]
        if classes:
            first.set("class", " ".join(classes))
        else:
            first.attrib.pop("class", None)
