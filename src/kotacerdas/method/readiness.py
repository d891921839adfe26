"""Readiness (kesiapan), bimtek I (method.md §2).

For each pillar x aspect a score 1–5. Element score = mean of its aspects' scores; pillar readiness = mean of
the (up to) nine aspect scores; region readiness = mean of the pillar scores. Unscored aspects are left out of
a mean and reported as missing; a mean over nothing is no score (None), never 0.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from kotacerdas.method.bands import Bands
from kotacerdas.method.errors import MethodError, check_int, mean
from kotacerdas.method.pillars import PILLARS

#: readiness element -> its three aspects.
ELEMENTS: Mapping[str, tuple[str, ...]] = {
    "struktur": ("sdm", "anggaran", "tata_kelola"),
    "infrastruktur": ("fisik", "digital", "sosial"),
    "suprastruktur": ("regulasi", "kelembagaan", "tata_laksana"),
}
ASPECTS: tuple[str, ...] = tuple(aspect for aspects in ELEMENTS.values() for aspect in aspects)
SCORE_LABELS: Mapping[int, str] = {
    1: "belum siap",
    2: "kurang siap",
    3: "cukup siap",
    4: "siap",
    5: "sangat siap",
}
DEFAULT_BANDS = Bands(
    ((4.2, "sangat siap"), (3.4, "siap"), (2.6, "cukup siap"), (1.8, "kurang siap")), "belum siap"
)


@dataclass(frozen=True)
class ElementScore:
    element: str
    score: float | None
    band: str | None
    missing: tuple[str, ...]


@dataclass(frozen=True)
class PillarReadiness:
    pillar: str
    score: float | None
    band: str | None
    elements: dict[str, ElementScore]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class RegionReadiness:
    score: float | None
    band: str | None
    pillars: dict[str, PillarReadiness]
    missing: tuple[tuple[str, str], ...]  # (pillar, aspect) not scored
    unscored_pillars: tuple[str, ...]


def assess_pillar(
    pillar: str, scores: Mapping[str, int | None], bands: Bands = DEFAULT_BANDS
) -> PillarReadiness:
    """Element and pillar readiness from one pillar's aspect scores (aspect slug -> 1..5 or None)."""
    for aspect, value in scores.items():
        if aspect not in ASPECTS:
            raise MethodError(
                f"unknown readiness aspect {aspect!r} in pillar {pillar}; known: {', '.join(ASPECTS)}"
            )
        if value is not None:
            check_int(value, f"the readiness score of {pillar}/{aspect}", 1, 5)
    elements: dict[str, ElementScore] = {}
    for element, aspects in ELEMENTS.items():
        values = [scores[a] for a in aspects if scores.get(a) is not None]
        missing = tuple(a for a in aspects if scores.get(a) is None)
        score = mean(float(v) for v in values if v is not None)
        elements[element] = ElementScore(element, score, bands.label(score), missing)
    present = [float(v) for a in ASPECTS if (v := scores.get(a)) is not None]
    score = mean(present)
    missing = tuple(a for a in ASPECTS if scores.get(a) is None)
    return PillarReadiness(pillar, score, bands.label(score), elements, missing)


def assess(
    scores: Mapping[str, Mapping[str, int | None]],
    pillars: Sequence[str] = PILLARS,
    bands: Bands = DEFAULT_BANDS,
) -> RegionReadiness:
    """Region readiness from ``scores[pillar][aspect]`` (1..5, or None / absent when not scored)."""
    for pillar in scores:
        if pillar not in pillars:
            raise MethodError(f"unknown pillar {pillar!r}; known: {', '.join(pillars)}")
    results = {p: assess_pillar(p, scores.get(p, {}), bands) for p in pillars}
    region = mean(r.score for r in results.values() if r.score is not None)
    missing = tuple((p, a) for p, r in results.items() for a in r.missing)
    unscored = tuple(p for p, r in results.items() if r.score is None)
    return RegionReadiness(region, bands.label(region), results, missing, unscored)
