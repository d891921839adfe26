"""Rangkuti quadrants, IE cells and the 'no quadrant without both groups' rule (method.md §3)."""

from __future__ import annotations

import pytest

from kotacerdas.method import swot

F = swot.Factor


def pillar(s: float, w: float, o: float, t: float) -> list[swot.Factor]:
    """One factor of each kind with weight 1 within its pair: S = .5*s etc."""
    return [
        F("S", "s", s, weight=0.5),
        F("W", "w", w, weight=0.5),
        F("O", "o", o, weight=0.5),
        F("T", "t", t, weight=0.5),
    ]


@pytest.mark.parametrize(
    ("ratings", "quadrant"),
    [
        ((4, 2, 3, 1), 1),  # x = 1, y = 1
        ((4, 2, 1, 3), 2),  # x = 1, y = -1
        ((2, 4, 3, 1), 3),  # x = -1, y = 1
        ((2, 4, 1, 3), 4),  # x = -1, y = -1
        ((3, 3, 2, 2), 1),  # x = 0, y = 0 -> I (x >= 0 and y >= 0)
        ((3, 3, 1, 2), 2),  # x = 0, y < 0 -> II
        ((2, 3, 2, 2), 3),  # x < 0, y = 0 -> III
    ],
)
def test_quadrant_rules(ratings: tuple[int, int, int, int], quadrant: int) -> None:
    assert swot.analyse(pillar(*ratings)).quadrant == quadrant


def test_float_noise_at_zero_does_not_flip_the_quadrant() -> None:
    # 0.1*3 + 0.2*3 and 0.3*3 differ by float rounding only: x must count as 0 -> quadrant I
    factors = [
        F("S", "a", 3, weight=0.1),
        F("S", "b", 3, weight=0.2),
        F("S", "c", 1, weight=0.2),
        F("W", "d", 3, weight=0.3),
        F("W", "e", 1, weight=0.2),
        F("O", "f", 2, weight=1.0),
    ]
    a = swot.analyse(factors)
    assert abs(a.x) < 1e-12  # type: ignore[arg-type]
    assert a.quadrant == 1  # no threats: y = 2 >= 0


@pytest.mark.parametrize(
    ("ife_ratings", "efe_ratings", "cell"),
    [
        # one S (weight 1) and one O (weight 1): IFE = r_S, EFE = r_O
        (4, 4, 1),  # strong, high
        (2, 4, 2),  # average, high
        (1, 4, 3),  # weak, high
        (3, 2, 4),  # strong, medium
        (2, 2, 5),
        (1, 2, 6),
        (3, 1, 7),
        (2, 1, 8),
        (1, 1, 9),
    ],
)
def test_ie_cells_numbered_by_row_and_column(ife_ratings: int, efe_ratings: int, cell: int) -> None:
    a = swot.analyse([F("S", "s", ife_ratings, weight=1.0), F("O", "o", efe_ratings, weight=1.0)])
    assert a.ie_cell == cell


def test_ie_advice_groups() -> None:
    assert {swot.IE_ADVICE[c] for c in (1, 2, 4)} == {"tumbuh dan bina (grow and build)"}
    assert {swot.IE_ADVICE[c] for c in (3, 5, 7)} == {"pertahankan dan pelihara (hold and maintain)"}
    assert {swot.IE_ADVICE[c] for c in (6, 8, 9)} == {"panen atau divestasi (harvest or divest)"}


def test_configurable_ie_thresholds() -> None:
    factors = [F("S", "s", 2.5, weight=1.0), F("O", "o", 2.5, weight=1.0)]
    assert swot.analyse(factors).ie_cell == 5
    assert swot.analyse(factors, ie_thresholds=swot.IEThresholds(upper=2.5, lower=1.5)).ie_cell == 1


def test_no_external_factors_means_no_quadrant_and_no_ie_cell() -> None:
    a = swot.analyse([F("S", "s", 3, importance=2), F("W", "w", 2, importance=2)])
    assert a.s == pytest.approx(1.5)
    assert a.w == pytest.approx(1.0)
    assert a.x == pytest.approx(0.5)
    assert a.ife == pytest.approx(1.5 + 0.5 * 3)
    assert (a.o, a.t, a.y, a.efe, a.quadrant, a.ie_cell) == (None, None, None, None, None, None)
    assert any("no external factors" in note for note in a.notes)


def test_no_internal_factors_means_no_quadrant() -> None:
    a = swot.analyse([F("T", "t", 3, importance=2)])
    assert a.t == pytest.approx(3.0)
    assert a.o == pytest.approx(0.0)
    assert a.quadrant is None
    assert a.ie_cell is None
    assert any("no internal factors" in note for note in a.notes)


def test_empty_pillar_has_nothing() -> None:
    a = swot.analyse([])
    assert a.weights == ()
    assert a.quadrant is None
    assert len(a.notes) == 2
