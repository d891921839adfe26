"""Portfolio properties (Hypothesis): ceilings, dependencies and mandatory activities always hold, and on
small random instances the plan's objective equals a brute-force optimum."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError
from kotacerdas.method import portfolio as pf

YEARS = (2025, 2026, 2027, 2028)
SOURCES = ("APBD", "DAK")
UNIT = 100_000_000  # Rp 100 million
MAX_COMBINATIONS = 20_000  # keeps brute force fast


@st.composite
def instances(draw: st.DrawFn, max_candidates: int = 12) -> tuple[list[pf.Candidate], dict]:
    n = draw(st.one_of(st.integers(0, max_candidates), st.integers(max_candidates - 4, max_candidates)))
    candidates: list[pf.Candidate] = []
    combinations = 1
    for k in range(n):
        duration = draw(st.integers(1, 3))
        earliest = draw(st.integers(YEARS[0], YEARS[-1]))
        window = draw(st.integers(1, 2))
        if combinations * (window + 1) > MAX_COMBINATIONS:
            window = 1
        combinations *= window + 1
        costs = [draw(st.integers(0, 10)) * UNIT for _ in range(duration)]
        depends: tuple[str, ...] = ()
        if k and draw(st.booleans()) and draw(st.booleans()):
            depends = (f"c{draw(st.integers(0, k - 1))}",)
        candidates.append(
            pf.Candidate(
                id=f"c{k}",
                priority=draw(st.integers(1, 100)) / 100,  # multiples of .01: plan values differ by >= .01
                costs=costs,
                source=draw(st.sampled_from(SOURCES)),
                earliest=earliest,
                latest=earliest + window - 1,
                depends_on=depends,
                mandatory=draw(st.integers(0, 24)) == 0,
            )
        )
    ceilings = {
        (y, s): draw(st.integers(0, 30)) * UNIT for y in YEARS for s in SOURCES if draw(st.integers(0, 7)) > 0
    }
    return candidates, ceilings


def brute_force(candidates: list[pf.Candidate], ceilings: Mapping) -> float | None:
    """Best total priority over every choice x start year (None if the mandatory set cannot be met)."""
    by_id = {c.id: c for c in candidates}
    best: list[float | None] = [None]
    room = dict(ceilings)
    chosen: dict[str, int] = {}

    def visit(k: int, value: float) -> None:
        if k == len(candidates):
            if best[0] is None or value > best[0]:
                best[0] = value
            return
        c = candidates[k]
        if not c.mandatory:
            visit(k + 1, value)  # leave it out
        for start in range(c.earliest, c.latest + 1):
            if any(d not in chosen or start < chosen[d] + by_id[d].duration for d in c.depends_on):
                continue
            spend = c.spending(start)
            if any(amount > room.get(key, 0.0) for key, amount in spend.items()):
                continue
            for key, amount in spend.items():
                room[key] = room.get(key, 0.0) - amount
            chosen[c.id] = start
            visit(k + 1, value + c.priority)
            del chosen[c.id]
            for key, amount in spend.items():
                room[key] += amount

    visit(0, 0.0)  # dependencies point to earlier candidates, so they are decided first
    return best[0]


def check_invariants(plan: pf.Plan, candidates: list[pf.Candidate], ceilings: Mapping) -> None:
    by_id = {c.id: c for c in candidates}
    # every candidate is either chosen or deferred with a reason
    assert set(plan.chosen) | set(plan.deferred) == set(by_id)
    assert not set(plan.chosen) & set(plan.deferred)
    assert all(reason for reason in plan.deferred.values())
    for cid, start in plan.chosen.items():
        c = by_id[cid]
        assert c.earliest <= start <= c.latest
        for d in c.depends_on:  # never before its dependencies end
            assert d in plan.chosen
            assert start >= plan.chosen[d] + by_id[d].duration
    for c in candidates:  # mandatory always included
        if c.mandatory:
            assert c.id in plan.chosen
    # spending is the sum of the chosen costs and never exceeds a ceiling (absent ceiling = 0)
    expected: dict = {}
    for cid, start in plan.chosen.items():
        for key, amount in by_id[cid].spending(start).items():
            expected[key] = expected.get(key, 0.0) + amount
    for key, amount in plan.spending.items():
        assert amount == pytest.approx(expected.get(key, 0.0))
        assert amount <= ceilings.get(key, 0.0) + 1e-6
    for key, amount in expected.items():
        assert plan.spending[key] == pytest.approx(amount)
    assert plan.objective == pytest.approx(math.fsum(by_id[c].priority for c in plan.chosen), abs=1e-12)


@settings(deadline=None, max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_plan_objective_equals_brute_force_optimum(instance: tuple[list[pf.Candidate], dict]) -> None:
    candidates, ceilings = instance
    best = brute_force(candidates, ceilings)
    if best is None:
        with pytest.raises(MethodError):
            pf.plan(candidates, ceilings, gap=0.0)
        return
    plan = pf.plan(candidates, ceilings, gap=0.0)
    check_invariants(plan, candidates, ceilings)
    assert plan.optimal
    assert plan.objective == pytest.approx(best, abs=1e-6)


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_default_gap_plan_keeps_every_rule_and_is_within_the_gap(
    instance: tuple[list[pf.Candidate], dict],
) -> None:
    candidates, ceilings = instance
    best = brute_force(candidates, ceilings)
    if best is None:
        return
    plan = pf.plan(candidates, ceilings)
    check_invariants(plan, candidates, ceilings)
    assert plan.objective >= best * (1 - 0.005) - 1e-9


@settings(deadline=None, max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_plan_is_never_worse_than_greedy(instance: tuple[list[pf.Candidate], dict]) -> None:
    candidates, ceilings = instance
    try:
        greedy = pf.greedy(candidates, ceilings)
    except MethodError:
        return
    check_invariants(greedy, candidates, ceilings)
    plan = pf.plan(candidates, ceilings, gap=0.0)
    assert plan.objective >= greedy.objective - 1e-9
