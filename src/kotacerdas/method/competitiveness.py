"""Competitiveness (daya saing), bimtek II (method.md §5).

For each indicator, min–max normalise over the regions that have a value: ``100 (v − min) / (max − min)``,
reversed (``100 (max − v) / (max − min)``) when lower is better; where max = min every region scores 100.
Pillar score = weighted mean of its indicator scores over the indicators that region has (weights
renormalised); composite = mean of the region's pillar scores. Missing values stay missing (None), never 0.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kotacerdas.method.errors import MethodError, check_number, competition_ranks, mean

DIRECTIONS = ("higher", "lower")


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    pillar: str
    direction: str = "higher"  # "higher" or "lower" is better
    weight: float = 1.0
    unit: str = ""
    year: int | None = None
    source: str = ""

    def __post_init__(self) -> None:
        if self.direction not in DIRECTIONS:
            raise MethodError(
                f"indicator {self.id}: direction must be 'higher' or 'lower' (is better), got {self.direction!r}"
            )
        weight = check_number(self.weight, f"the weight of indicator {self.id}", 0.0)
        if weight <= 0:
            raise MethodError(f"the weight of indicator {self.id} must be more than 0")


@dataclass(frozen=True)
class IndicatorResult:
    indicator: Indicator
    scores: dict[str, float | None]  # region -> 0..100, None when missing
    best_region: str | None
    best_value: float | None
    gaps: dict[str, float | None]  # region -> distance to the best value, in the indicator's unit (>= 0)


@dataclass(frozen=True)
class RegionResult:
    region: str
    pillars: dict[str, float | None]
    composite: float | None
    rank: int | None
    missing: tuple[str, ...]  # indicator ids without a value


@dataclass(frozen=True)
class Comparison:
    indicators: dict[str, IndicatorResult]
    regions: dict[str, RegionResult]
    ranking: tuple[str, ...]  # regions with a composite, best first


def normalise(values: Mapping[str, float | None], direction: str = "higher") -> dict[str, float | None]:
    """Min–max scores 0..100 over the regions that have a value; None stays None."""
    if direction not in DIRECTIONS:
        raise MethodError(f"direction must be 'higher' or 'lower', got {direction!r}")
    present = {r: check_number(v, f"the value of {r}") for r, v in values.items() if v is not None}
    scores: dict[str, float | None] = dict.fromkeys(values)
    if not present:
        return scores
    low, high = min(present.values()), max(present.values())
    for region, value in present.items():
        if high == low:
            scores[region] = 100.0
        elif direction == "higher":
            scores[region] = min(100.0, 100.0 * ((value - low) / (high - low)))
        else:
            scores[region] = min(100.0, 100.0 * ((high - value) / (high - low)))
    return scores


def compare(
    regions: Sequence[str],
    indicators: Sequence[Indicator],
    values: Mapping[str, Mapping[str, float | None]],
) -> Comparison:
    """Scores, pillar and composite scores, ranks and gaps; ``values[indicator id][region]``."""
    if len(set(regions)) != len(regions):
        raise MethodError("a region appears twice in the comparison set")
    if not regions:
        raise MethodError("the comparison set has no regions")
    ids = [i.id for i in indicators]
    if len(set(ids)) != len(ids):
        raise MethodError("two indicators share an id")
    for key, row in values.items():
        if key not in ids:
            raise MethodError(f"values are given for unknown indicator {key!r}")
        for region in row:
            if region not in regions:
                raise MethodError(f"indicator {key}: {region!r} is not in the comparison set")

    results: dict[str, IndicatorResult] = {}
    for ind in indicators:
        row = {r: values.get(ind.id, {}).get(r) for r in regions}
        scores = normalise(row, ind.direction)
        present = {r: float(v) for r, v in row.items() if v is not None}
        best_region = best_value = None
        gaps: dict[str, float | None] = dict.fromkeys(regions)
        if present:
            pick = max if ind.direction == "higher" else min
            best_value = pick(present.values())
            best_region = next(r for r in regions if present.get(r) == best_value)
            gaps = {r: (abs(best_value - present[r]) if r in present else None) for r in regions}
        results[ind.id] = IndicatorResult(ind, scores, best_region, best_value, gaps)

    pillars = list(dict.fromkeys(i.pillar for i in indicators))
    per_region: dict[str, RegionResult] = {}
    composites: list[float | None] = []
    for region in regions:
        pillar_scores: dict[str, float | None] = {}
        for pillar in pillars:
            pairs = [
                (ind.weight, results[ind.id].scores[region])
                for ind in indicators
                if ind.pillar == pillar and results[ind.id].scores[region] is not None
            ]
            total = math.fsum(w for w, _ in pairs)
            pillar_scores[pillar] = math.fsum(w * s for w, s in pairs) / total if pairs else None  # type: ignore[operator]
        composite = mean(s for s in pillar_scores.values() if s is not None)
        composites.append(composite)
        missing = tuple(ind.id for ind in indicators if results[ind.id].scores[region] is None)
        per_region[region] = RegionResult(region, pillar_scores, composite, None, missing)
    ranks = competition_ranks(composites)
    for region, rank in zip(regions, ranks, strict=True):
        r = per_region[region]
        per_region[region] = RegionResult(r.region, r.pillars, r.composite, rank, r.missing)
    ranking = tuple(
        sorted((r for r in regions if per_region[r].rank is not None), key=lambda r: per_region[r].rank or 0)
    )
    return Comparison(results, per_region, ranking)
