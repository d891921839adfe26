"""Priorities (method.md §9): Σ weight × normalised score, cost by reversed min–max, unscored reported."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services


def test_ranked_list_by_hand(plan) -> None:
    plan.judge_equal()  # every weight 1/6
    cheap = plan.activity("A", costs={2025: 100_000_000})
    dear = plan.activity("B", costs={2025: 300_000_000})
    mid = plan.activity("C", costs={2025: 200_000_000})
    plan.score(cheap, dampak=5, urgensi=5, keselarasan=5, kesiapan=5, kearifan_lokal=5)
    plan.score(dear)  # all 3
    plan.score(mid, dampak=1, urgensi=1, keselarasan=1, kesiapan=1, kearifan_lokal=1)
    plan.activity("D", costs={2025: 1})  # no scores
    plan.activity("E", status="selesai")  # finished: not ranked
    ranked = services.priorities(plan.region)
    assert ranked.problem is None
    by_ref = {row.activity.ref: row for row in ranked}
    # A: 5 × 1/6 × 1 + cost 1/6 × 1 = 1; B: 5 × 1/6 × 0.5 + cost 0 = 5/12; C: 0 + 1/6 × 0.5 = 1/12
    assert by_ref["A"].priority.value == pytest.approx(1.0)
    assert by_ref["B"].priority.value == pytest.approx(5 / 12)
    assert by_ref["C"].priority.value == pytest.approx(1 / 12)
    assert [activity.ref for activity, _priority, _scores in ranked] == ["A", "B", "C"]
    assert by_ref["B"].scores == {
        "dampak": 3,
        "urgensi": 3,
        "keselarasan": 3,
        "kesiapan": 3,
        "kearifan_lokal": 3,
    }
    assert [(a.ref, [c.slug for c in missing]) for a, missing in ranked.unscored] == [
        ("D", ["dampak", "urgensi", "keselarasan", "kesiapan", "kearifan_lokal"])
    ]
    assert ranked.costs["B"] == 300_000_000
