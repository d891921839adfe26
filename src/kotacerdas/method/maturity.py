"""Maturity (tingkat kematangan), bimtek II (method.md §4), on the SPBE capability scale 1–5.

Pillar index = mean of its elements' current levels; region index = weighted mean of the pillar indices
(equal weights by default; weights are renormalised over the pillars that have an index). Gap = target −
current per element; an element with a gap and no planned activity is a planning gap.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from kotacerdas.method.bands import Bands
from kotacerdas.method.errors import MethodError, check_int, check_number, mean
from kotacerdas.method.pillars import ELEMENTS

LEVELS: Mapping[int, str] = {
    1: "Rintisan",
    2: "Terkelola",
    3: "Terdefinisi",
    4: "Terpadu dan Terukur",
    5: "Optimum",
}
DEFAULT_BANDS = Bands(((4.2, "Memuaskan"), (3.5, "Sangat Baik"), (2.6, "Baik"), (1.8, "Cukup")), "Kurang")


@dataclass(frozen=True)
class ElementLevel:
    """The current (and optionally target) level of one element of a pillar."""

    pillar: str
    element: str
    current: int
    target: int | None = None

    def __post_init__(self) -> None:
        check_int(self.current, f"the current level of {self.pillar}/{self.element}", 1, 5)
        if self.target is not None:
            check_int(self.target, f"the target level of {self.pillar}/{self.element}", 1, 5)
            if self.target < self.current:
                raise MethodError(
                    f"the target level of {self.pillar}/{self.element} ({self.target}) is below its current "
                    f"level ({self.current})"
                )

    @property
    def gap(self) -> int | None:
        return None if self.target is None else self.target - self.current


@dataclass(frozen=True)
class PillarMaturity:
    pillar: str
    index: float | None
    predicate: str | None
    levels: dict[str, int]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class Maturity:
    index: float | None
    predicate: str | None
    pillars: dict[str, PillarMaturity]
    gaps: dict[tuple[str, str], int]  # (pillar, element) -> target - current, for elements with a target
    planning_gaps: tuple[tuple[str, str], ...]  # gap > 0 and no planned activity
    unscored_pillars: tuple[str, ...]


def assess(
    levels: Iterable[ElementLevel],
    pillar_weights: Mapping[str, float] | None = None,
    planned: Collection[tuple[str, str]] = (),
    bands: Bands = DEFAULT_BANDS,
    elements: Mapping[str, tuple[str, ...]] = ELEMENTS,
) -> Maturity:
    """Pillar and region maturity, predicate, gaps and planning gaps.

    ``planned`` holds the (pillar, element) pairs that have at least one planned activity.
    """
    by_pillar: dict[str, dict[str, ElementLevel]] = {p: {} for p in elements}
    for item in levels:
        if not isinstance(item, ElementLevel):
            raise MethodError(f"expected maturity.ElementLevel, got {type(item).__name__}")
        if item.pillar not in elements:
            raise MethodError(f"unknown pillar {item.pillar!r}; known: {', '.join(elements)}")
        if item.element not in elements[item.pillar]:
            raise MethodError(
                f"{item.element!r} is not an element of {item.pillar}; its elements: "
                f"{', '.join(elements[item.pillar])}"
            )
        if item.element in by_pillar[item.pillar]:
            raise MethodError(f"{item.pillar}/{item.element} is assessed twice")
        by_pillar[item.pillar][item.element] = item

    weights = {p: 1.0 for p in elements}
    if pillar_weights is not None:
        for p in pillar_weights:
            if p not in elements:
                raise MethodError(f"a weight is given for unknown pillar {p!r}")
        weights = {
            p: check_number(pillar_weights.get(p, 0.0), f"the weight of pillar {p}", 0.0) for p in elements
        }

    pillars: dict[str, PillarMaturity] = {}
    for p, items in by_pillar.items():
        index = mean(float(i.current) for i in items.values())
        missing = tuple(e for e in elements[p] if e not in items)
        current = {e: items[e].current for e in elements[p] if e in items}
        pillars[p] = PillarMaturity(p, index, bands.label(index), current, missing)

    scored = [p for p, r in pillars.items() if r.index is not None and weights[p] > 0]
    total = math.fsum(weights[p] for p in scored)
    region = None
    if scored and total > 0:
        region = math.fsum(weights[p] * pillars[p].index for p in scored) / total  # type: ignore[operator]

    gaps = {(p, e): i.gap for p, items in by_pillar.items() for e, i in items.items() if i.gap is not None}
    planned_set = set(planned)
    planning_gaps = tuple(key for key, gap in gaps.items() if gap > 0 and key not in planned_set)
    unscored = tuple(p for p, r in pillars.items() if r.index is None)
    return Maturity(region, bands.label(region), pillars, gaps, planning_gaps, unscored)
