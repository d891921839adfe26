"""TOWS strategy scores, ranking and pairing suggestions (method.md §3), on the worked example."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError, swot


def test_strategy_scores_and_ranking(worked_example: list[swot.Factor]) -> None:
    strategies = [
        swot.Strategy("SO", "Promosi wisata digital", ("S1", "O2")),  # .20*4 + .20*2 = 1.20
        swot.Strategy("WO", "Pelatihan ASN digital", ("W1", "W2", "O1")),  # 1.00 + .80 + 1.20 = 3.00
        swot.Strategy("WT", "Cadangan data", ("W2", "T1")),  # .80 + 1.50 = 2.30
        swot.Strategy("ST", "Keamanan siber", ("S2", "T1")),  # .45 + 1.50 = 1.95
        swot.Strategy("so", "Kemitraan CSR", ("S2", "O2", "S1")),  # .45 + .40 + .80 = 1.65
    ]
    ranked = swot.rank_strategies(worked_example, strategies)
    assert [r.strategy.text for r in ranked] == [
        "Pelatihan ASN digital",
        "Cadangan data",
        "Keamanan siber",
        "Kemitraan CSR",
        "Promosi wisata digital",
    ]
    assert [r.score for r in ranked] == pytest.approx([3.00, 2.30, 1.95, 1.65, 1.20])
    assert [r.rank for r in ranked] == [1, 2, 3, 4, 5]
    assert ranked[3].strategy.kind == "SO"


def test_equal_scores_share_a_rank_and_keep_input_order(worked_example: list[swot.Factor]) -> None:
    strategies = [
        swot.Strategy("SO", "first", ("S1", "O2")),  # .80 + .40 = 1.20
        swot.Strategy("ST", "second", ("S2", "T1")),  # .45 + 1.5 = 1.95
        swot.Strategy("SO", "third", ("S1", "O2")),  # 1.20
    ]
    ranked = swot.rank_strategies(worked_example, strategies)
    assert [(r.strategy.text, r.rank) for r in ranked] == [("second", 1), ("first", 2), ("third", 2)]


def test_pairing_suggestions_are_the_highest_scoring_pairs(worked_example: list[swot.Factor]) -> None:
    pairs = swot.suggest_pairings(worked_example, per_kind=2)
    # w*r: S1 .80, S2 .45, W1 1.00, W2 .80, O1 1.20, O2 .40, T1 1.50
    assert [(p.internal, p.external) for p in pairs["SO"]] == [("S1", "O1"), ("S2", "O1")]
    assert [p.score for p in pairs["SO"]] == pytest.approx([2.00, 1.65])
    assert [(p.internal, p.external) for p in pairs["WT"]] == [("W1", "T1"), ("W2", "T1")]
    assert [p.score for p in pairs["WT"]] == pytest.approx([2.50, 2.30])
    assert [(p.internal, p.external) for p in pairs["ST"]] == [("S1", "T1"), ("S2", "T1")]
    assert [(p.internal, p.external) for p in pairs["WO"]] == [("W1", "O1"), ("W2", "O1")]


def test_explicit_keys_link_strategies() -> None:
    factors = [
        swot.Factor("S", "Fiber", 4, importance=3, key="fiber"),
        swot.Factor("O", "Dana DAK", 3, importance=1, key="dak"),
    ]
    (ranked,) = swot.rank_strategies(factors, [swot.Strategy("SO", "x", ("fiber", "dak"))])
    assert ranked.score == pytest.approx(1.0 * 4 + 1.0 * 3)


@pytest.mark.parametrize(
    ("strategy", "message"),
    [
        (swot.Strategy("SO", "x", ("S1", "T1")), "links T1, a T factor"),
        (swot.Strategy("SO", "x", ("S1", "S2")), "at least one S and one O"),
        (swot.Strategy("WO", "x", ("W9", "O1")), "unknown factor 'W9'"),
        (swot.Strategy("WO", "x", ()), "linked to no factors"),
        (swot.Strategy("WO", "x", ("W1", "W1", "O1")), "links a factor twice"),
    ],
)
def test_bad_strategy_links_are_refused(
    strategy: swot.Strategy, message: str, worked_example: list[swot.Factor]
) -> None:
    with pytest.raises(MethodError, match=message):
        swot.rank_strategies(worked_example, [strategy])


def test_unknown_strategy_kind() -> None:
    with pytest.raises(MethodError, match="unknown strategy kind 'SX'"):
        swot.Strategy("SX", "x", ("S1",))
