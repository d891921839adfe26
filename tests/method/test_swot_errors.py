"""Bad SWOT input raises MethodError with a message a planner understands."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError, swot

F = swot.Factor


def test_method_error_is_a_value_error() -> None:
    assert issubclass(MethodError, ValueError)


@pytest.mark.parametrize("rating", [0, 5, 4.5, 0.99])
def test_rating_out_of_range(rating: float) -> None:
    with pytest.raises(MethodError, match=r"rating .* must be (at least 1|at most 4)"):
        F("S", "x", rating, importance=3)


@pytest.mark.parametrize("importance", [0, 6])
def test_importance_out_of_range(importance: int) -> None:
    with pytest.raises(MethodError, match="importance"):
        F("S", "x", 3, importance=importance)


def test_unknown_kind() -> None:
    with pytest.raises(MethodError, match="unknown SWOT kind 'X'; use S, W, O or T"):
        F("X", "x", 3, importance=3)


def test_lower_case_kind_is_accepted() -> None:
    assert F("o", "x", 3, importance=3).kind == "O"


def test_rating_must_be_a_number() -> None:
    with pytest.raises(MethodError, match="must be a number"):
        F("S", "x", "3", importance=3)  # type: ignore[arg-type]


def test_factor_needs_importance_or_weight() -> None:
    with pytest.raises(MethodError, match="needs an importance"):
        F("S", "x", 3)


def test_direct_weights_must_sum_to_one_per_group() -> None:
    with pytest.raises(MethodError, match=r"internal \(S and W\) factors must sum to 1.00 .* sum to 0.900"):
        swot.analyse([F("S", "a", 3, weight=0.5), F("W", "b", 3, weight=0.4)])
    with pytest.raises(MethodError, match=r"external \(O and T\) factors must sum to 1.00 .* sum to 1.010"):
        swot.analyse([F("O", "a", 3, weight=0.51), F("T", "b", 3, weight=0.5)])


def test_mixing_weights_and_importances_in_a_group() -> None:
    with pytest.raises(MethodError, match="mix entered weights and importances"):
        swot.analyse([F("S", "a", 3, weight=1.0), F("W", "b", 3, importance=2)])


def test_duplicate_keys() -> None:
    with pytest.raises(MethodError, match="share the key 'k'"):
        swot.analyse([F("S", "a", 3, importance=1, key="k"), F("W", "b", 3, importance=1, key="k")])


def test_agency_rated_twice_and_out_of_range() -> None:
    with pytest.raises(MethodError, match="rated it twice"):
        swot.combine("S", "x", [swot.AgencyRating("A", 3, 3), swot.AgencyRating("A", 2, 2)])
    with pytest.raises(MethodError, match="B's rating"):
        swot.combine("S", "x", [swot.AgencyRating("A", 3, 3), swot.AgencyRating("B", 7, 2)])
    with pytest.raises(MethodError, match="no agency ratings"):
        swot.combine("S", "x", [])
