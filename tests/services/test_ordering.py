"""services/ordering.move_in_list: one place up or down, renumbered from 0, nothing at an edge."""
from __future__ import annotations

from types import SimpleNamespace

import pytest


def items(n=3):
    return [SimpleNamespace(id=i + 10, position=i * 5, sort_order=None) for i in range(n)]


@pytest.mark.parametrize(("index", "step", "moved", "order"), [
    (1, -1, 0, [11, 10, 12]),
    (1, 1, 2, [10, 12, 11]),
    (0, 1, 1, [11, 10, 12]),
])
def test_moves_one_place_and_renumbers(index, step, moved, order):
    from app.services.ordering import move_in_list

    rows = items()
    assert move_in_list(rows, rows[index], step) == moved
    assert [r.id for r in rows] == order and [r.position for r in rows] == [0, 1, 2]


@pytest.mark.parametrize(("index", "step"), [(0, -1), (2, 1)])
def test_nothing_changes_at_an_edge(index, step):
    from app.services.ordering import move_in_list

    rows = items()
    assert move_in_list(rows, rows[index], step) is None
    assert [r.id for r in rows] == [10, 11, 12] and [r.position for r in rows] == [0, 5, 10]


def test_another_attribute_and_an_unsaved_item():
    from app.services.ordering import move_in_list

    rows = items()
    rows[2].id = None
    assert move_in_list(rows, rows[2], -1, "sort_order") == 1
    assert [r.sort_order for r in rows] == [0, 1, 2] and rows[1].id is None
