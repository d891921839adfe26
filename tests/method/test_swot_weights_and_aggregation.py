"""SWOT weights from importance (method.md §3) and the aggregation of several agencies' ratings."""

from __future__ import annotations

import pytest

from kotacerdas.method import swot

F = swot.Factor


def test_weights_are_importance_shares_within_each_group() -> None:
    factors = [
        F("S", "a", 3, importance=4),
        F("W", "b", 2, importance=1),
        F("O", "c", 4, importance=2),
        F("T", "d", 1, importance=3),
        F("O", "e", 2, importance=5),
    ]
    a = swot.analyse(factors)
    # internal: 4 / (4+1) = .8, 1/5 = .2 ; external: importances 2, 3, 5 sum 10 -> .2, .3, .5
    assert a.weights == pytest.approx((0.8, 0.2, 0.2, 0.3, 0.5))
    # S = .8*3 = 2.4 ; W = .2*2 = .4 ; O = .2*4 + .5*2 = 1.8 ; T = .3*1 = .3
    assert (a.s, a.w, a.o, a.t) == pytest.approx((2.4, 0.4, 1.8, 0.3))
    assert a.quadrant == 1
    # IFE = 2.4 + .2*(5-2) = 3.0 -> strong ; EFE = 1.8 + .3*(5-1) = 3.0 -> high ; cell I
    assert a.ife == pytest.approx(3.0)
    assert a.efe == pytest.approx(3.0)
    assert a.ie_cell == 1


def test_several_agencies_rating_one_factor_use_the_means() -> None:
    factor = swot.combine(
        "S",
        "Jaringan fiber optik di ibu kota kabupaten",
        [
            swot.AgencyRating("Diskominfo", rating=4, importance=5),
            swot.AgencyRating("Bappeda", rating=3, importance=4),
            swot.AgencyRating("Dinas PUPR", rating=2, importance=3),
        ],
    )
    assert factor.rating == pytest.approx(3.0)  # (4+3+2)/3
    assert factor.importance == pytest.approx(4.0)  # (5+4+3)/3
    assert factor.kind == "S"


def test_combined_factors_are_weighted_by_their_mean_importance() -> None:
    s = swot.combine("S", "s", [swot.AgencyRating("A", 4, 5), swot.AgencyRating("B", 3, 2)])  # r 3.5, i 3.5
    w = swot.combine("W", "w", [swot.AgencyRating("A", 2, 1), swot.AgencyRating("B", 2, 2)])  # r 2, i 1.5
    a = swot.analyse([s, w])
    # weights 3.5/5 = .7 and 1.5/5 = .3 ; S = .7*3.5 = 2.45 ; W = .3*2 = .6
    assert a.weights == pytest.approx((0.7, 0.3))
    assert a.s == pytest.approx(2.45)
    assert a.w == pytest.approx(0.6)


def test_direct_weights_within_tolerance_are_accepted() -> None:
    a = swot.analyse([F("S", "a", 2, weight=0.504), F("W", "b", 3, weight=0.5)])  # sums 1.004
    assert a.weights == (0.504, 0.5)
