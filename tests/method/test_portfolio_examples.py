"""Portfolio selection and schedule (method.md §9) on small instances solved by hand."""

from __future__ import annotations

import pytest

from kotacerdas.method import portfolio as pf

C = pf.Candidate
M = 1_000_000  # one million rupiah


def test_knapsack_by_hand_prefers_the_best_total_priority() -> None:
    # ceiling 100 M in 2025: A (60 M, .5) + B (40 M, .4) = .9 beats C (100 M, .8) and A alone
    cands = [
        C("A", 0.5, [60 * M], "APBD", 2025, 2025),
        C("B", 0.4, [40 * M], "APBD", 2025, 2025),
        C("C", 0.8, [100 * M], "APBD", 2025, 2025),
    ]
    plan = pf.plan(cands, {(2025, "APBD"): 100 * M}, gap=0.0, lang="en")
    assert plan.chosen == {"A": 2025, "B": 2025}
    assert plan.objective == pytest.approx(0.9)
    assert plan.status == "optimal" and plan.optimal
    assert plan.spending == {(2025, "APBD"): 100 * M}
    assert "ceiling APBD 2025 is used up" in plan.deferred["C"]
    assert "Rp 100.000.000" in plan.deferred["C"]  # what it needs
    assert "only Rp 0 of Rp 100.000.000 is left" in plan.deferred["C"]


def test_multi_year_costs_follow_the_start_year() -> None:
    # A costs 50 M then 30 M; ceilings leave room only if it starts in 2026
    cands = [C("A", 0.7, [50 * M, 30 * M], "APBD", 2025, 2026)]
    ceilings = {(2025, "APBD"): 10 * M, (2026, "APBD"): 50 * M, (2027, "APBD"): 30 * M}
    plan = pf.plan(cands, ceilings)
    assert plan.chosen == {"A": 2026}
    assert plan.spending == {(2025, "APBD"): 0.0, (2026, "APBD"): 50 * M, (2027, "APBD"): 30 * M}
    assert plan.end_year(cands[0]) == 2027


def test_absent_ceiling_is_zero() -> None:
    cands = [C("A", 0.7, [10 * M], "CSR", 2025, 2025), C("B", 0.2, [0.0], "CSR", 2025, 2025)]
    plan = pf.plan(cands, {(2025, "APBD"): 100 * M}, lang="en")
    assert plan.chosen == {"B": 2025}  # costs nothing, fits a 0 ceiling
    assert "more than that year's ceiling Rp 0" in plan.deferred["A"]
    assert "CSR in 2025" in plan.deferred["A"]


def test_ties_go_to_earlier_starts() -> None:
    cands = [C("A", 0.5, [10 * M, 10 * M], "APBD", 2025, 2028), C("B", 0.5, [10 * M], "DAK", 2026, 2029)]
    ceilings = {(y, s): 100 * M for y in range(2025, 2031) for s in ("APBD", "DAK")}
    plan = pf.plan(cands, ceilings, gap=0.0)
    assert plan.chosen == {"A": 2025, "B": 2026}
    assert plan.objective == pytest.approx(1.0)  # the pure sum of priorities, no tie-break residue


def test_equal_priority_plans_prefer_the_earlier_one() -> None:
    # A (2025-2026) and B (2026) have the same priority and compete for the 2026 ceiling, which fits only
    # one of them: both plans are worth .5, and the one that starts earlier (A in 2025) wins.
    cands = [C("A", 0.5, [10 * M, 10 * M], "APBD", 2025, 2025), C("B", 0.5, [10 * M], "APBD", 2026, 2026)]
    ceilings = {(2025, "APBD"): 10 * M, (2026, "APBD"): 10 * M}
    plan = pf.plan(cands, ceilings, gap=0.0, lang="en")
    assert plan.objective == pytest.approx(0.5)
    assert plan.chosen == {"A": 2025}  # the plan that starts earlier
    assert "ceiling APBD 2026 is used up" in plan.deferred["B"]


def test_dependency_must_end_before_the_dependent_starts() -> None:
    cands = [
        C("pusat-data", 0.6, [100 * M, 100 * M], "APBD", 2025, 2026),
        C("satu-data", 0.9, [50 * M], "APBD", 2025, 2028, depends_on=("pusat-data",)),
    ]
    ceilings = {(y, "APBD"): 150 * M for y in range(2025, 2030)}
    plan = pf.plan(cands, ceilings, gap=0.0)
    assert plan.chosen == {"pusat-data": 2025, "satu-data": 2027}  # data centre runs 2025-2026


def test_dependent_is_deferred_when_its_dependency_is() -> None:
    cands = [
        C("fiber", 0.2, [500 * M], "APBD", 2025, 2025),
        C("cctv", 0.9, [50 * M], "APBD", 2026, 2026, depends_on=("fiber",)),
    ]
    plan = pf.plan(cands, {(2025, "APBD"): 100 * M, (2026, "APBD"): 100 * M}, lang="en")
    assert plan.chosen == {}
    assert "Rp 500.000.000 from APBD in 2025" in plan.deferred["fiber"]
    assert plan.deferred["cctv"].startswith("depends on fiber, which can never be scheduled")


def test_dependency_window_too_late() -> None:
    cands = [
        C("a", 0.5, [1 * M, 1 * M, 1 * M], "APBD", 2025, 2025),
        C("b", 0.5, [1 * M], "APBD", 2025, 2026, depends_on=("a",)),
    ]
    ceilings = {(y, "APBD"): 10 * M for y in range(2025, 2030)}
    plan = pf.plan(cands, ceilings, lang="en")
    assert plan.chosen == {"a": 2025}
    assert (
        plan.deferred["b"]
        == "depends on a, which ends in 2027 at the earliest; the latest allowed start is 2026"
    )


def test_mandatory_activities_are_chosen_even_when_worth_less() -> None:
    cands = [
        C("quick-win", 0.1, [80 * M], "APBD", 2025, 2025, mandatory=True),
        C("big", 0.9, [100 * M], "APBD", 2025, 2025),
    ]
    plan = pf.plan(cands, {(2025, "APBD"): 100 * M}, lang="en")
    assert plan.chosen == {"quick-win": 2025}
    assert "only Rp 20.000.000 of Rp 100.000.000 is left" in plan.deferred["big"]


def test_a_mandatory_activity_with_a_window_takes_the_year_where_it_fits() -> None:
    # the quick win may start 2025-2027 but only 2027 has room for it; "big" (worth more) takes 2025 and
    # cannot move, so the plan must keep the quick win (mandatory) and place it in 2027
    cands = [
        C("quick-win", 0.1, [80 * M], "APBD", 2025, 2027, mandatory=True),
        C("big", 0.9, [100 * M], "APBD", 2025, 2025),
        C("mid", 0.5, [50 * M], "APBD", 2026, 2026),
    ]
    ceilings = {(2025, "APBD"): 100 * M, (2026, "APBD"): 60 * M, (2027, "APBD"): 80 * M}
    plan = pf.plan(cands, ceilings, gap=0.0, lang="en")
    assert plan.chosen == {"quick-win": 2027, "big": 2025, "mid": 2026}
    assert plan.objective == pytest.approx(1.5) and plan.optimal
    # with 2027 closed the quick win can only take 2025 or 2026, pushing out "big" (2025 is 100 M: 80 + 100
    # does not fit) or "mid" (60 M in 2026: 80 does not fit at all): it goes to 2025 and "big" is deferred
    ceilings[(2027, "APBD")] = 0
    plan = pf.plan(cands, ceilings, gap=0.0, lang="en")
    assert plan.chosen == {"quick-win": 2025, "mid": 2026}
    assert plan.objective == pytest.approx(0.6)


def test_a_mandatory_activity_pulls_in_its_dependencies() -> None:
    cands = [
        C("dep", 0.0, [10 * M], "APBD", 2025, 2025),
        C("qw", 0.1, [10 * M], "APBD", 2026, 2026, depends_on=("dep",), mandatory=True),
    ]
    plan = pf.plan(cands, {(2025, "APBD"): 10 * M, (2026, "APBD"): 10 * M})
    assert plan.chosen == {"dep": 2025, "qw": 2026}


def test_empty_portfolio() -> None:
    plan = pf.plan([], {})
    assert plan.chosen == {} and plan.objective == 0.0 and plan.optimal


def test_greedy_baseline_by_hand() -> None:
    # priority per rupiah: B .4/40 = .010, A .5/60 = .0083, C .8/100 = .008 -> B, then A, then no room for C
    cands = [
        C("A", 0.5, [60 * M], "APBD", 2025, 2025),
        C("B", 0.4, [40 * M], "APBD", 2025, 2025),
        C("C", 0.8, [100 * M], "APBD", 2025, 2025),
    ]
    g = pf.greedy(cands, {(2025, "APBD"): 100 * M})
    assert g.chosen == {"A": 2025, "B": 2025}
    assert g.status == "greedy" and not g.optimal and g.gap is None
