"""Activity priority from weighted criteria (method.md §9).

``priority = Σ_k weight_k · score_k`` where each criterion score 1–5 is normalised to 0–1 as ``(s − 1) / 4``,
and the cost criterion is scored from the activity's total cost by min–max over the candidates, reversed:
``(max − cost) / (max − min)`` (every candidate scores 1 when all costs are equal). Weights (e.g. from AHP)
must sum to 1 ± 0.005 and are then renormalised to sum exactly 1, so a priority lies in 0..1.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from kotacerdas.method import ahp
from kotacerdas.method.errors import MethodError, check_number

#: Default criteria: impact on citizens, urgency, alignment with the RPJMD, readiness/feasibility, cost (lower is
#: better), fit with local wisdom.
DEFAULT_CRITERIA: tuple[str, ...] = (
    "dampak",
    "urgensi",
    "keselarasan",
    "kesiapan",
    "biaya",
    "kearifan_lokal",
)
COST_CRITERION = "biaya"
WEIGHT_TOLERANCE = 0.005


@dataclass(frozen=True)
class Activity:
    """Scores 1–5 per (non-cost) criterion and the total cost in rupiah."""

    id: str
    scores: Mapping[str, float]
    total_cost: float | None = None


@dataclass(frozen=True)
class Priority:
    id: str
    value: float  # 0..1
    normalised: dict[str, float] = field(default_factory=dict)  # criterion -> 0..1
    contributions: dict[str, float] = field(default_factory=dict)  # criterion -> weight × normalised score


def normalise_score(score: float, what: str = "a criterion score") -> float:
    """A 1–5 score as 0–1: ``(s − 1) / 4``."""
    return (check_number(score, what, 1.0, 5.0) - 1.0) / 4.0


def cost_scores(costs: Sequence[float]) -> list[float]:
    """Reversed min–max over the candidates' total costs: the cheapest scores 1, the dearest 0."""
    values = [check_number(c, "a total cost", 0.0) for c in costs]
    if not values:
        return []
    low, high = min(values), max(values)
    if high == low:
        return [1.0] * len(values)
    return [(high - c) / (high - low) for c in values]


def check_weights(weights: Mapping[str, float], tolerance: float = WEIGHT_TOLERANCE) -> dict[str, float]:
    checked = {k: check_number(w, f"the weight of criterion {k}", 0.0, 1.0) for k, w in weights.items()}
    if not checked:
        raise MethodError("no criterion weights given")
    total = math.fsum(checked.values())
    if abs(total - 1.0) > tolerance:
        raise MethodError(
            f"the criterion weights must sum to 1.00 (± {tolerance:g}); they sum to {total:.4f}"
        )
    return checked


def weights_from_ahp(
    criteria: Sequence[str], matrix: ahp.Matrix, threshold: float = ahp.CR_THRESHOLD
) -> dict[str, float]:
    """Criterion weights from a pairwise matrix; inconsistent judgements (CR > threshold) are refused, naming
    the pair that disagrees most with the derived weights."""
    result = ahp.weights(matrix, threshold=threshold)
    if len(criteria) != result.n:
        raise MethodError(f"{len(criteria)} criteria but a {result.n} x {result.n} matrix")
    if not result.consistent:
        pair = ahp.most_inconsistent_pair(matrix, result)
        assert pair is not None
        a, b = criteria[pair.i], criteria[pair.j]
        raise MethodError(
            f"the judgements are inconsistent (CR {result.cr:.3f} > {threshold:g}), so these weights cannot be "
            f"used. The comparison that disagrees most: {a} vs {b} was judged {pair.judged:.3g}, while the "
            f"other judgements imply about {pair.implied:.3g} (nearest on the scale: {pair.suggestion:.3g})"
        )
    return dict(zip(criteria, result.weights, strict=True))


def priorities(
    activities: Sequence[Activity],
    weights: Mapping[str, float],
    cost_criterion: str = COST_CRITERION,
    tolerance: float = WEIGHT_TOLERANCE,
) -> tuple[Priority, ...]:
    """Priority (0..1) of each activity, in input order."""
    raw = check_weights(weights, tolerance)
    total = math.fsum(raw.values())
    checked = {c: w / total for c, w in raw.items()}  # within tolerance of 1; renormalised to exactly 1
    uses_cost = cost_criterion in checked
    ids = [a.id for a in activities]
    if len(set(ids)) != len(ids):
        raise MethodError("two activities share an id")
    costs: list[float] = []
    if uses_cost:
        for a in activities:
            if a.total_cost is None:
                raise MethodError(f"activity {a.id} has no total cost, needed for criterion {cost_criterion}")
            costs.append(a.total_cost)
    by_cost = cost_scores(costs) if uses_cost else []
    result: list[Priority] = []
    for k, a in enumerate(activities):
        unknown = [c for c in a.scores if c not in checked]
        if unknown:
            raise MethodError(
                f"activity {a.id}: unknown criterion {unknown[0]!r}; known: {', '.join(checked)}"
            )
        if uses_cost and cost_criterion in a.scores:
            raise MethodError(
                f"activity {a.id}: the {cost_criterion} score is computed from the total cost; do not enter it"
            )
        normalised: dict[str, float] = {}
        for criterion in checked:
            if criterion == cost_criterion and uses_cost:
                normalised[criterion] = by_cost[k]
            elif criterion not in a.scores:
                raise MethodError(f"activity {a.id} has no score for criterion {criterion}")
            else:
                normalised[criterion] = normalise_score(
                    a.scores[criterion], f"activity {a.id}'s {criterion} score"
                )
        contributions = {c: checked[c] * normalised[c] for c in checked}
        value = min(1.0, max(0.0, math.fsum(contributions.values())))
        result.append(Priority(a.id, value, normalised, contributions))
    return tuple(result)
