"""Reordering a list the user sorts by hand (library RHK and IKI, organisation targets, the RHK
of an SKP): one item moves one place, then every item is renumbered from 0."""
from __future__ import annotations


def move_in_list(items: list, item, step: int, attribute: str = "position") -> int | None:
    """Move `item` by `step` (-1 up, +1 down) within `items` (in their current order) and write
    each item's new place into `attribute`; the item's new index, or None when it is already at
    that edge (nothing changes)."""
    index = next(i for i, x in enumerate(items) if x is item or (x.id is not None and x.id == item.id))
    other = index + step
    if not 0 <= other < len(items):
        return None
    items[index], items[other] = items[other], items[index]
    for place, each in enumerate(items):
        setattr(each, attribute, place)
    return other
