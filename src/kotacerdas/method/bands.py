"""Configurable score bands (readiness §2, maturity §4): the first threshold reached names the band."""

from __future__ import annotations

from dataclasses import dataclass

from kotacerdas.method.errors import MethodError

#: Values within this distance below a threshold count as reaching it (so 4.2 computed as 4.19999999 is 4.2).
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Bands:
    """``steps`` are (threshold, label) pairs in strictly descending order; below all of them: ``otherwise``.

    Example: ``Bands(((4.2, "sangat siap"), (3.4, "siap")), "belum siap")``.
    """

    steps: tuple[tuple[float, str], ...]
    otherwise: str

    def __post_init__(self) -> None:
        thresholds = [threshold for threshold, _ in self.steps]
        if any(later >= earlier for earlier, later in zip(thresholds, thresholds[1:], strict=False)):
            raise MethodError(f"band thresholds must be strictly descending, got {thresholds}")
        labels = [label for _, label in self.steps] + [self.otherwise]
        if any(not isinstance(label, str) or not label.strip() for label in labels):
            raise MethodError("every band needs a non-empty label")

    def label(self, value: float | None) -> str | None:
        """The band of ``value``; no score (None) has no band."""
        if value is None:
            return None
        for threshold, label in self.steps:
            if value >= threshold - TOLERANCE:
                return label
        return self.otherwise
