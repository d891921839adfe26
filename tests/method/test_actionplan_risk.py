"""Risk register score: likelihood × impact with bands (a kotacerdas convention, not in method.md)."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import risk_score


@pytest.mark.parametrize(
    ("likelihood", "impact", "score", "band"),
    [(1, 1, 1, "rendah"), (2, 2, 4, "rendah"), (1, 5, 5, "sedang"), (3, 3, 9, "sedang"), (2, 5, 10, "tinggi"),
     (4, 4, 16, "tinggi"), (3, 5, 15, "tinggi"), (5, 4, 20, "sangat tinggi"), (5, 5, 25, "sangat tinggi")],
)  # fmt: skip
def test_score_and_band(likelihood: int, impact: int, score: int, band: str) -> None:
    result = risk_score(likelihood, impact)
    assert (result.score, result.band) == (score, band)


def test_english_bands() -> None:
    assert risk_score(5, 5, lang="en").band == "very high"
    assert risk_score(1, 2, lang="en").band == "low"


@pytest.mark.parametrize(("likelihood", "impact"), [(0, 3), (6, 1), (3, 2.5)])
def test_out_of_scale(likelihood, impact) -> None:
    with pytest.raises(MethodError):
        risk_score(likelihood, impact)
