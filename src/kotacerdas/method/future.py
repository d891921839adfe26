"""The future (analisis masa depan), bimtek II (method.md §6): trends, drivers and scenario axes.

- Trend: least-squares line ``v = a + b·year`` through the history, read at the horizon year; and, where all
  values are positive, compound annual growth from the first to the last observation,
  ``g = (v_last / v_first) ** (1 / (year_last − year_first)) − 1``, projected as
  ``v_last · (1 + g) ** (horizon − year_last)``.
- Drivers (political, economic, social, technological, environmental, legal) with impact and uncertainty 1–5;
  the two with the highest impact × uncertainty (ties: higher impact first, then input order) are the default
  axes of the 2 × 2 scenario frame.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kotacerdas.method.errors import MethodError, check_int, check_number

CATEGORIES = ("political", "economic", "social", "technological", "environmental", "legal")


@dataclass(frozen=True)
class Projection:
    horizon: int
    slope: float  # units per year
    intercept: float  # value at year 0 of the fitted line
    linear: float  # fitted line at the horizon
    growth: float | None  # compound annual growth rate (0.05 = 5 %/year); None unless all values > 0
    compound: float | None  # compound-growth projection at the horizon
    target: float | None
    direction: str
    target_met: bool | None  # on the linear trend; None without a target
    target_met_compound: bool | None


def _history(history: Iterable[tuple[int, float]]) -> list[tuple[int, float]]:
    points: dict[int, float] = {}
    for item in history:
        try:
            year, value = item
        except (TypeError, ValueError) as exc:
            raise MethodError(f"each history point must be (year, value), got {item!r}") from exc
        check_int(year, "a history year")
        if year in points:
            raise MethodError(f"the history has two values for {year}")
        points[year] = check_number(value, f"the value for {year}")
    if len(points) < 2:
        raise MethodError("a trend needs values for at least two different years")
    return sorted(points.items())


def _fit(points: list[tuple[int, float]]) -> tuple[float, float, float]:
    n = len(points)
    mean_x = math.fsum(x for x, _ in points) / n
    mean_y = math.fsum(y for _, y in points) / n
    sxx = math.fsum((x - mean_x) ** 2 for x, _ in points)
    sxy = math.fsum((x - mean_x) * (y - mean_y) for x, y in points)
    return mean_x, mean_y, sxy / sxx


def linear_fit(history: Iterable[tuple[int, float]]) -> tuple[float, float]:
    """Least-squares (intercept, slope) of value on year: ``slope = Sxy / Sxx``,
    ``intercept = mean(v) − slope · mean(year)``."""
    mean_x, mean_y, slope = _fit(_history(history))
    return mean_y - slope * mean_x, slope


def compound_growth(history: Iterable[tuple[int, float]]) -> float | None:
    """Compound annual growth from the first to the last observation; None unless every value is > 0."""
    points = _history(history)
    if any(v <= 0 for _, v in points):
        return None
    (y0, v0), (y1, v1) = points[0], points[-1]
    try:
        return math.exp((math.log(v1) - math.log(v0)) / (y1 - y0)) - 1.0
    except OverflowError:
        return None  # growth too large to represent: no compound projection


def project(
    history: Iterable[tuple[int, float]],
    horizon: int,
    target: float | None = None,
    direction: str = "higher",
) -> Projection:
    """Project an indicator to ``horizon`` and say whether ``target`` is met on the current trend."""
    points = _history(history)
    check_int(horizon, "the horizon year")
    if horizon < points[-1][0]:
        raise MethodError(f"the horizon {horizon} is before the last observed year {points[-1][0]}")
    if direction not in ("higher", "lower"):
        raise MethodError(f"direction must be 'higher' or 'lower' (is better), got {direction!r}")
    if target is not None:
        target = check_number(target, "the target")
    mean_x, mean_y, slope = _fit(points)
    intercept = mean_y - slope * mean_x
    linear = mean_y + slope * (horizon - mean_x)  # same line, without cancellation at year 0
    growth = compound_growth(points)
    compound = None
    if growth is not None:
        try:
            compound = points[-1][1] * (1.0 + growth) ** (horizon - points[-1][0])
        except OverflowError:
            compound = None

    def met(value: float | None) -> bool | None:
        if target is None or value is None:
            return None
        return value >= target if direction == "higher" else value <= target

    return Projection(
        horizon, slope, intercept, linear, growth, compound, target, direction, met(linear), met(compound)
    )


@dataclass(frozen=True)
class Driver:
    name: str
    category: str
    impact: int
    uncertainty: int

    def __post_init__(self) -> None:
        if self.category not in CATEGORIES:
            raise MethodError(f"driver {self.name!r}: category must be one of {', '.join(CATEGORIES)}")
        check_int(self.impact, f"the impact of driver {self.name!r}", 1, 5)
        check_int(self.uncertainty, f"the uncertainty of driver {self.name!r}", 1, 5)

    @property
    def score(self) -> int:
        return self.impact * self.uncertainty


def rank_drivers(drivers: Sequence[Driver]) -> tuple[Driver, ...]:
    """Drivers by impact × uncertainty, highest first; ties: higher impact first, then input order."""
    order = sorted(range(len(drivers)), key=lambda k: (-drivers[k].score, -drivers[k].impact, k))
    return tuple(drivers[k] for k in order)


@dataclass(frozen=True)
class ScenarioFrame:
    """A 2 × 2 frame: four scenarios from the two axes' (high, low) outcomes; people name and describe them."""

    axes: tuple[Driver, Driver]
    cells: tuple[tuple[str, str], ...] = (("high", "high"), ("high", "low"), ("low", "high"), ("low", "low"))


def default_axes(drivers: Sequence[Driver]) -> tuple[Driver, Driver]:
    """The two highest-ranked drivers: the default axes of the scenario frame."""
    if len(drivers) < 2:
        raise MethodError("a scenario frame needs at least two drivers")
    ranked = rank_drivers(drivers)
    return ranked[0], ranked[1]


def scenario_frame(drivers: Sequence[Driver], axes: tuple[Driver, Driver] | None = None) -> ScenarioFrame:
    """The 2 × 2 frame on the default axes, or on two axes the region chose among its drivers."""
    if axes is None:
        return ScenarioFrame(default_axes(drivers))
    if axes[0] == axes[1]:
        raise MethodError("the two scenario axes must be different drivers")
    for axis in axes:
        if axis not in drivers:
            raise MethodError(f"axis {axis.name!r} is not among the drivers")
    return ScenarioFrame(axes)
