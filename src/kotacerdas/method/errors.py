"""The one exception family of the method package, and small shared checks."""

from __future__ import annotations

import math
from collections.abc import Iterable


class MethodError(ValueError):
    """Input that the method cannot compute with; the message says what to fix.

    Masukan yang tidak dapat dihitung oleh metode; pesannya menjelaskan apa yang harus diperbaiki.
    """


def check_number(value: object, what: str, low: float | None = None, high: float | None = None) -> float:
    """Return ``value`` as a float, or raise MethodError if it is not a finite number within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise MethodError(f"{what} must be a number, got {value!r}")
    number = float(value)
    if not math.isfinite(number):
        raise MethodError(f"{what} must be a finite number, got {value!r}")
    if low is not None and number < low:
        raise MethodError(f"{what} must be at least {low:g}, got {number:g}")
    if high is not None and number > high:
        raise MethodError(f"{what} must be at most {high:g}, got {number:g}")
    return number


def check_int(value: object, what: str, low: int | None = None, high: int | None = None) -> int:
    """Return ``value`` if it is a whole number within [low, high], else raise MethodError."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise MethodError(f"{what} must be a whole number, got {value!r}")
    if low is not None and value < low:
        raise MethodError(f"{what} must be at least {low}, got {value}")
    if high is not None and value > high:
        raise MethodError(f"{what} must be at most {high}, got {value}")
    return value


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean; a mean over nothing is no score (None), never 0."""
    items = list(values)
    if not items:
        return None
    return math.fsum(items) / len(items)


def competition_ranks(scores: Iterable[float | None], tolerance: float = 1e-9) -> tuple[int | None, ...]:
    """Ranks 1, 2, 2, 4 ... (higher first); equal scores (within tolerance) share a rank; None: unranked."""
    values = list(scores)
    ranks: list[int | None] = []
    for value in values:
        if value is None:
            ranks.append(None)
            continue
        ranks.append(1 + sum(1 for other in values if other is not None and other > value + tolerance))
    return tuple(ranks)


def rupiah(amount: float) -> str:
    """Format an amount as Indonesian rupiah, e.g. ``Rp 1.250.000.000``."""
    return "Rp " + f"{round(amount):,}".replace(",", ".")
