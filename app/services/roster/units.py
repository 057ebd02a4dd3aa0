"""The unit tree as a roster names it: "Perangkat Daerah" + "Unit Kerja" path, matched to the
existing units case-insensitively with whitespace normalised; the units a file adds."""
from __future__ import annotations

from app.domain.enums import OrgUnitKind
from app.models import OrgUnit

UnitKey = tuple[str, ...]  # folded names: (OPD, unit, subunit, …)


def fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class UnitIndex:
    """Every existing unit by its folded path below the pemda, loaded once."""

    def __init__(self, units: list[OrgUnit]):
        self.by_id = {unit.id: unit for unit in units}
        self.pemda = next((u for u in units if u.kind == OrgUnitKind.PEMDA), None)
        self.by_key: dict[UnitKey, OrgUnit] = {}
        self.key_of: dict[int, UnitKey] = {}
        for unit in sorted(units, key=lambda u: u.id):
            key = self._key(unit)
            if key is not None:
                self.key_of[unit.id] = key
                self.by_key.setdefault(key, unit)
        self.new: dict[UnitKey, str] = {}  # units the file adds → their name as first written

    def _key(self, unit: OrgUnit) -> UnitKey | None:
        names: list[str] = []
        node: OrgUnit | None = unit
        for _ in range(50):  # deeper than any real tree; guards against bad data
            if node is None or node.kind == OrgUnitKind.PEMDA:
                return None
            if node.id in self.key_of:
                return self.key_of[node.id] + tuple(reversed(names))
            names.append(fold(node.name))
            if node.kind == OrgUnitKind.OPD:
                return tuple(reversed(names))
            node = self.by_id.get(node.parent_id)
        return None

    def get(self, key: UnitKey) -> OrgUnit | None:
        return self.by_key.get(key)

    def label(self, key: UnitKey) -> str:
        """"Dinas Kesehatan / Sekretariat / Subbagian Umum", existing names preferred."""
        parts = []
        for depth in range(1, len(key) + 1):
            unit = self.by_key.get(key[:depth])
            parts.append(unit.name if unit is not None else self.new.get(key[:depth], key[depth - 1]))
        return " / ".join(parts)

    def label_of(self, unit_id: int) -> str:
        key = self.key_of.get(unit_id)
        if key is not None:
            return self.label(key)
        unit = self.by_id.get(unit_id)
        return unit.name if unit is not None else "–"

    def opd_id_of(self, unit_id: int) -> int | None:
        unit = self.by_id.get(unit_id)
        return unit.opd_id if unit is not None else None

    def new_opds(self) -> list[UnitKey]:
        return [key for key in self.new if len(key) == 1]

    def new_units(self) -> list[UnitKey]:
        """Units below an OPD that the file adds, parents before children."""
        return sorted((key for key in self.new if len(key) > 1), key=lambda k: (len(k), self.label(k)))
