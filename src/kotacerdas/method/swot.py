"""Quantified SWOT of one pillar (method.md §3): weights, scores, Rangkuti quadrant, IFE/EFE, IE matrix, TOWS.

- Weights: internal factors (S, W) share 1.0, external factors (O, T) share 1.0: ``w_i = importance_i /
  Σ importance`` over the group; or weights entered directly, which must sum to 1.00 ± 0.005 per group.
- Scores: ``S = Σ_S w·r`` (likewise W, O, T), rating r 1–4 = magnitude.
- Quadrant: ``x = S − W``, ``y = O − T``; I x ≥ 0, y ≥ 0 (agresif, SO); II x ≥ 0, y < 0 (diversifikasi, ST);
  III x < 0, y ≥ 0 (turnaround, WO); IV otherwise (defensif, WT).
- ``IFE = Σ_S w·r + Σ_W w·(5 − r)``; ``EFE = Σ_O w·r + Σ_T w·(5 − r)`` (David; Rangkuti's reversed rating).
- IE matrix: IFE ≥ 3 strong / ≥ 2 average / weak → column 1–3; EFE ≥ 3 high / ≥ 2 medium / low → row 1–3;
  ``cell = 3·(row − 1) + column``.

Values within 1e-9 of a boundary count as on it (so a computed 2.9999999999 is 3.0).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kotacerdas.method.errors import MethodError, check_number, competition_ranks, mean

KINDS = ("S", "W", "O", "T")
INTERNAL = ("S", "W")
EXTERNAL = ("O", "T")
STRATEGY_KINDS = ("SO", "ST", "WO", "WT")
WEIGHT_TOLERANCE = 0.005
_EPS = 1e-9

QUADRANTS: Mapping[int, str] = {
    1: "I agresif (SO)",
    2: "II diversifikasi (ST)",
    3: "III turnaround (WO)",
    4: "IV defensif (WT)",
}
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
IE_ADVICE: Mapping[int, str] = {
    **dict.fromkeys((1, 2, 4), "tumbuh dan bina (grow and build)"),
    **dict.fromkeys((3, 5, 7), "pertahankan dan pelihara (hold and maintain)"),
    **dict.fromkeys((6, 8, 9), "panen atau divestasi (harvest or divest)"),
}


@dataclass(frozen=True)
class IEThresholds:
    """IFE/EFE boundaries of the IE matrix (configurable; David's defaults)."""

    upper: float = 3.0  # strong / high
    lower: float = 2.0  # average / medium

    def __post_init__(self) -> None:
        if not 1.0 <= self.lower < self.upper <= 4.0:
            raise MethodError("IE thresholds need 1 <= lower < upper <= 4")


@dataclass(frozen=True)
class Factor:
    """One SWOT factor: kind S/W/O/T, text, rating 1–4 (magnitude), importance 1–5 or a direct weight 0–1.

    ``key`` names it for TOWS links; by default the kind and its ordinal within that kind (S1, S2, W1, ...).
    """

    kind: str
    text: str
    rating: float
    importance: float | None = None
    weight: float | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        kind = self.kind.strip().upper() if isinstance(self.kind, str) else self.kind
        if kind not in KINDS:
            raise MethodError(f"unknown SWOT kind {self.kind!r}; use S, W, O or T")
        object.__setattr__(self, "kind", kind)
        label = f"factor {self.key or self.text!r}"
        object.__setattr__(
            self, "rating", check_number(self.rating, f"the rating of {label} (1-4)", 1.0, 4.0)
        )
        if self.importance is not None:
            importance = check_number(self.importance, f"the importance of {label} (1-5)", 1.0, 5.0)
            object.__setattr__(self, "importance", importance)
        if self.weight is not None:
            object.__setattr__(self, "weight", check_number(self.weight, f"the weight of {label}", 0.0, 1.0))
        if self.importance is None and self.weight is None:
            raise MethodError(f"{label} needs an importance (1-5) or a weight")

    @property
    def internal(self) -> bool:
        return self.kind in INTERNAL


@dataclass(frozen=True)
class AgencyRating:
    """One agency's rating (1–4) and importance (1–5) of a factor."""

    agency: str
    rating: float
    importance: float


def combine(kind: str, text: str, ratings: Sequence[AgencyRating], key: str | None = None) -> Factor:
    """One factor rated by several agencies: its rating and importance are the means of theirs."""
    if not ratings:
        raise MethodError(f"factor {text!r} has no agency ratings")
    agencies = [r.agency for r in ratings]
    if len(set(agencies)) != len(agencies):
        raise MethodError(f"factor {text!r}: an agency rated it twice")
    for r in ratings:
        check_number(r.rating, f"{r.agency}'s rating of {text!r} (1-4)", 1.0, 4.0)
        check_number(r.importance, f"{r.agency}'s importance of {text!r} (1-5)", 1.0, 5.0)
    rating = mean(float(r.rating) for r in ratings)
    importance = mean(float(r.importance) for r in ratings)
    assert rating is not None and importance is not None
    return Factor(kind, text, rating, importance=importance, key=key)


@dataclass(frozen=True)
class Analysis:
    """The quantified SWOT of one pillar. Group values are None when that group (internal/external) is empty."""

    weights: tuple[float, ...]  # per factor, input order
    keys: tuple[str, ...]  # per factor, input order
    s: float | None
    w: float | None
    o: float | None
    t: float | None
    x: float | None
    y: float | None
    quadrant: int | None  # 1..4 (I..IV)
    quadrant_name: str | None
    ife: float | None
    efe: float | None
    ie_cell: int | None  # 1..9 (I..IX)
    ie_advice: str | None
    notes: tuple[str, ...]


def factor_keys(factors: Sequence[Factor]) -> tuple[str, ...]:
    """Each factor's key: its own, or kind + ordinal within the kind (S1, S2, W1 ...). Keys must be unique."""
    counters = dict.fromkeys(KINDS, 0)
    keys: list[str] = []
    for f in factors:
        counters[f.kind] += 1
        keys.append(f.key if f.key is not None else f"{f.kind}{counters[f.kind]}")
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise MethodError(f"two factors share the key {duplicates[0]!r}")
    return tuple(keys)


def weights(factors: Sequence[Factor], tolerance: float = WEIGHT_TOLERANCE) -> tuple[float, ...]:
    """Weight of each factor (input order): importance share within its group, or the weight entered."""
    result = [0.0] * len(factors)
    for group, name in ((INTERNAL, "internal (S and W)"), (EXTERNAL, "external (O and T)")):
        members = [k for k, f in enumerate(factors) if f.kind in group]
        if not members:
            continue
        if all(factors[k].weight is not None for k in members):
            total = math.fsum(factors[k].weight for k in members)  # type: ignore[misc]
            if abs(total - 1.0) > tolerance:
                raise MethodError(
                    f"the weights of the {name} factors must sum to 1.00 (± {tolerance:g}); they sum to {total:.3f}"
                )
            for k in members:
                result[k] = float(factors[k].weight)  # type: ignore[arg-type]
        elif all(factors[k].importance is not None for k in members):
            total = math.fsum(factors[k].importance for k in members)  # type: ignore[misc]
            for k in members:
                result[k] = float(factors[k].importance) / total  # type: ignore[arg-type]
        else:
            raise MethodError(
                f"the {name} factors mix entered weights and importances; give every one a weight, or every "
                "one an importance"
            )
    return tuple(result)


def _band(value: float, thresholds: IEThresholds) -> int:
    if value >= thresholds.upper - _EPS:
        return 1
    if value >= thresholds.lower - _EPS:
        return 2
    return 3


def analyse(
    factors: Iterable[Factor],
    tolerance: float = WEIGHT_TOLERANCE,
    ie_thresholds: IEThresholds = IEThresholds(),  # noqa: B008 - frozen, immutable default
) -> Analysis:
    """Weights, S/W/O/T scores, Rangkuti quadrant, IFE/EFE and IE cell of one pillar's factors."""
    items = list(factors)
    for f in items:
        if not isinstance(f, Factor):
            raise MethodError(f"expected swot.Factor, got {type(f).__name__}")
    keys = factor_keys(items)
    w = weights(items, tolerance)

    def score(kind: str) -> float:
        return math.fsum(w[k] * f.rating for k, f in enumerate(items) if f.kind == kind)

    def reversed_score(kind: str) -> float:
        return math.fsum(w[k] * (5.0 - f.rating) for k, f in enumerate(items) if f.kind == kind)

    has_internal = any(f.kind in INTERNAL for f in items)
    has_external = any(f.kind in EXTERNAL for f in items)
    notes: list[str] = []
    s_ = w_ = x = ife = None
    o_ = t_ = y = efe = None
    if has_internal:
        s_, w_ = score("S"), score("W")
        x = s_ - w_
        ife = s_ + reversed_score("W")
    else:
        notes.append("no internal factors (S or W): no quadrant, no IFE")
    if has_external:
        o_, t_ = score("O"), score("T")
        y = o_ - t_
        efe = o_ + reversed_score("T")
    else:
        notes.append("no external factors (O or T): no quadrant, no EFE")
    quadrant = ie_cell = None
    if x is not None and y is not None:
        right, up = x >= -_EPS, y >= -_EPS
        quadrant = 1 if right and up else 2 if right else 3 if up else 4
    if ife is not None and efe is not None:
        column, row = _band(ife, ie_thresholds), _band(efe, ie_thresholds)
        ie_cell = 3 * (row - 1) + column
    return Analysis(
        weights=w,
        keys=keys,
        s=s_,
        w=w_,
        o=o_,
        t=t_,
        x=x,
        y=y,
        quadrant=quadrant,
        quadrant_name=QUADRANTS.get(quadrant) if quadrant else None,
        ife=ife,
        efe=efe,
        ie_cell=ie_cell,
        ie_advice=IE_ADVICE.get(ie_cell) if ie_cell else None,
        notes=tuple(notes),
    )


# ------------------------------------------------------------------------------------------------- TOWS
@dataclass(frozen=True)
class Strategy:
    """A TOWS strategy written by the region: kind SO/ST/WO/WT, text, and the keys of the factors it combines."""

    kind: str
    text: str
    factors: tuple[str, ...]
    id: str | None = None

    def __post_init__(self) -> None:
        kind = self.kind.strip().upper() if isinstance(self.kind, str) else self.kind
        if kind not in STRATEGY_KINDS:
            raise MethodError(f"unknown strategy kind {self.kind!r}; use SO, ST, WO or WT")
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "factors", tuple(self.factors))


@dataclass(frozen=True)
class RankedStrategy:
    strategy: Strategy
    score: float  # Σ w·r of its linked factors
    rank: int  # 1 = highest score within the pillar (equal scores share a rank)


def strategy_score(
    strategy: Strategy, factors: Sequence[Factor], tolerance: float = WEIGHT_TOLERANCE
) -> float:
    """Σ w·r over the factors the strategy links; each must exist and be of the strategy's two kinds."""
    items = list(factors)
    keys = factor_keys(items)
    w = weights(items, tolerance)
    index = {key: k for k, key in enumerate(keys)}
    if not strategy.factors:
        raise MethodError(f"strategy {strategy.text!r} is linked to no factors")
    if len(set(strategy.factors)) != len(strategy.factors):
        raise MethodError(f"strategy {strategy.text!r} links a factor twice")
    kinds_seen = set()
    for key in strategy.factors:
        if key not in index:
            raise MethodError(f"strategy {strategy.text!r} links unknown factor {key!r}")
        kind = items[index[key]].kind
        if kind not in strategy.kind:
            raise MethodError(
                f"strategy {strategy.text!r} is {strategy.kind} but links {key}, a {kind} factor"
            )
        kinds_seen.add(kind)
    if kinds_seen != set(strategy.kind):
        raise MethodError(
            f"a {strategy.kind} strategy combines at least one {strategy.kind[0]} and one {strategy.kind[1]} factor; "
            f"{strategy.text!r} does not"
        )
    return math.fsum(w[index[key]] * items[index[key]].rating for key in strategy.factors)


def rank_strategies(
    factors: Sequence[Factor], strategies: Sequence[Strategy], tolerance: float = WEIGHT_TOLERANCE
) -> tuple[RankedStrategy, ...]:
    """Strategies of one pillar with their scores, highest first (ties keep input order, share a rank)."""
    scores = [strategy_score(s, factors, tolerance) for s in strategies]
    ranks = competition_ranks(scores)
    order = sorted(range(len(strategies)), key=lambda k: (ranks[k], k))
    return tuple(RankedStrategy(strategies[k], scores[k], ranks[k] or 0) for k in order)


@dataclass(frozen=True)
class Pairing:
    """A suggested combination for the region to consider (the tool never writes the strategy itself)."""

    kind: str
    internal: str  # factor key (S or W)
    external: str  # factor key (O or T)
    score: float  # w·r of both


def suggest_pairings(
    factors: Sequence[Factor], per_kind: int = 3, tolerance: float = WEIGHT_TOLERANCE
) -> dict[str, tuple[Pairing, ...]]:
    """For SO, ST, WO and WT: the highest-scoring internal × external pairs (at most ``per_kind`` each)."""
    if per_kind < 1:
        raise MethodError("ask for at least one pairing per kind")
    items = list(factors)
    keys = factor_keys(items)
    w = weights(items, tolerance)
    value = [w[k] * f.rating for k, f in enumerate(items)]
    result: dict[str, tuple[Pairing, ...]] = {}
    for kind in STRATEGY_KINDS:
        pairs = [
            Pairing(kind, keys[i], keys[e], value[i] + value[e])
            for i, fi in enumerate(items)
            if fi.kind == kind[0]
            for e, fe in enumerate(items)
            if fe.kind == kind[1]
        ]
        pairs.sort(key=lambda p: -p.score)  # stable: ties keep input order
        result[kind] = tuple(pairs[:per_kind])
    return result
