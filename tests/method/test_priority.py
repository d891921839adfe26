"""Activity priority (method.md §9): weighted normalised scores, cost by reversed min-max, AHP weights."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError, priority

WEIGHTS = {"dampak": 0.4, "urgensi": 0.2, "biaya": 0.4}


def test_priority_by_hand() -> None:
    acts = [
        priority.Activity("A", {"dampak": 5, "urgensi": 3}, total_cost=100e6),
        priority.Activity("B", {"dampak": 3, "urgensi": 5}, total_cost=300e6),
        priority.Activity("C", {"dampak": 1, "urgensi": 1}, total_cost=500e6),
    ]
    a, b, c = priority.priorities(acts, WEIGHTS)
    # cost scores: (500-100)/400 = 1, (500-300)/400 = .5, 0
    # A: .4*(5-1)/4 + .2*(3-1)/4 + .4*1 = .4 + .1 + .4 = .9
    assert a.value == pytest.approx(0.9)
    # B: .4*.5 + .2*1 + .4*.5 = .2 + .2 + .2 = .6
    assert b.value == pytest.approx(0.6)
    assert c.value == pytest.approx(0.0)
    assert a.normalised == pytest.approx({"dampak": 1.0, "urgensi": 0.5, "biaya": 1.0})
    assert b.contributions == pytest.approx({"dampak": 0.2, "urgensi": 0.2, "biaya": 0.2})


def test_equal_costs_all_score_one() -> None:
    assert priority.cost_scores([5.0, 5.0]) == [1.0, 1.0]
    assert priority.cost_scores([]) == []


def test_weights_from_ahp_feed_priorities() -> None:
    criteria = ["dampak", "urgensi", "biaya"]
    weights = priority.weights_from_ahp(criteria, [[1, 2, 4], [1 / 2, 1, 2], [1 / 4, 1 / 2, 1]])
    assert weights == pytest.approx({"dampak": 4 / 7, "urgensi": 2 / 7, "biaya": 1 / 7})
    (p,) = priority.priorities([priority.Activity("A", {"dampak": 5, "urgensi": 1}, 10.0)], weights)
    # dampak 1.0 * 4/7 + urgensi 0 + cost (single candidate) 1.0 * 1/7 = 5/7
    assert p.value == pytest.approx(5 / 7)


def test_inconsistent_ahp_weights_are_blocked_naming_the_worst_pair() -> None:
    criteria = ["dampak", "urgensi", "keselarasan", "biaya"]
    matrix = [[1, 2, 4, 1 / 8], [1 / 2, 1, 2, 4], [1 / 4, 1 / 2, 1, 2], [8, 1 / 4, 1 / 2, 1]]
    with pytest.raises(MethodError, match=r"inconsistent \(CR .*dampak vs biaya was judged 0.125"):
        priority.weights_from_ahp(criteria, matrix)


@pytest.mark.parametrize(
    ("acts", "weights", "message"),
    [
        (
            [priority.Activity("A", {"dampak": 3, "urgensi": 3}, 1.0)],
            {"dampak": 0.5, "urgensi": 0.4},
            "must sum to 1.00",
        ),
        ([priority.Activity("A", {"dampak": 6, "urgensi": 3}, 1.0)], WEIGHTS, "at most 5"),
        ([priority.Activity("A", {"dampak": 3}, 1.0)], WEIGHTS, "no score for criterion urgensi"),
        ([priority.Activity("A", {"dampak": 3, "urgensi": 3, "gaya": 2}, 1.0)], WEIGHTS, "unknown criterion"),
        ([priority.Activity("A", {"dampak": 3, "urgensi": 3, "biaya": 2}, 1.0)], WEIGHTS, "computed from"),
        ([priority.Activity("A", {"dampak": 3, "urgensi": 3})], WEIGHTS, "no total cost"),
        ([priority.Activity("A", {"dampak": 3, "urgensi": 3}, -5.0)], WEIGHTS, "at least 0"),
    ],
)
def test_bad_input(acts: list, weights: dict, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        priority.priorities(acts, weights)


def test_default_criteria() -> None:
    assert priority.DEFAULT_CRITERIA == (
        "dampak",
        "urgensi",
        "keselarasan",
        "kesiapan",
        "biaya",
        "kearifan_lokal",
    )


score = st.integers(1, 5)


@settings(deadline=None, max_examples=150)
@given(
    st.lists(st.tuples(score, score, score, st.floats(0, 1e12)), min_size=1, max_size=12),
    st.lists(st.floats(0.01, 1.0), min_size=4, max_size=4),
)
def test_priorities_always_in_zero_one(rows: list, raw_weights: list[float]) -> None:
    total = sum(raw_weights)
    names = ["dampak", "urgensi", "kesiapan", "biaya"]
    weights = {n: w / total for n, w in zip(names, raw_weights, strict=True)}
    acts = [
        priority.Activity(str(k), {"dampak": a, "urgensi": b, "kesiapan": c}, cost)
        for k, (a, b, c, cost) in enumerate(rows)
    ]
    for p in priority.priorities(acts, weights):
        assert 0.0 <= p.value <= 1.0
