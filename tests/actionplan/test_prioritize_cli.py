"""``kotacerdas prioritize REGION --json`` on a crafted region: the plan obeys every ceiling, every dependency
and the mandatory quick win and running activity; the keys are exactly those of the contract (issue 5 item 8).

Assertions are checked against the ceilings and costs written here, not against the code's own totals."""

from __future__ import annotations

import json

import pytest

from kotacerdas.actionplan import services
from kotacerdas.cli import main

M = 1_000_000
CEILINGS = {
    (2025, "apbd"): 1000 * M,
    (2026, "apbd"): 1000 * M,
    (2027, "apbd"): 1000 * M,
    (2025, "apbn"): 2000 * M,
}
#: ref -> (source, {year of the run: cost}) as written below, to recompute spending independently.
COSTS: dict[str, tuple[str, list[int]]] = {
    "QW-1": ("apbd", [600 * M]),
    "RUN-1": ("apbd", [300 * M]),
    "A": ("apbd", [700 * M]),
    "B": ("apbd", [400 * M]),
    "C": ("apbd", [900 * M]),
    "D": ("apbn", [1500 * M]),
    "E": ("apbn", [1000 * M]),
    "G": ("apbd", [10 * M]),
    "U": ("apbd", [10 * M]),
}


@pytest.fixture
def budget(plan, world):
    plan.judge_equal()
    for (year, source), amount in CEILINGS.items():
        plan.ceiling(year, amount, source)
    high = {k: 5 for k in ("dampak", "urgensi", "keselarasan", "kesiapan", "kearifan_lokal")}
    low = {k: 1 for k in high}
    qw = plan.activity("QW-1", horizon="quick_win", costs={2025: 600 * M})
    plan.score(qw, **low)  # low priority, but a quick win is mandatory
    run = plan.activity("RUN-1", costs={2025: 300 * M}, status="berjalan", agency=world.dinkes)
    plan.score(run, **low)
    a = plan.activity("A", costs={2025: 700 * M}, earliest=2025, latest=2027)
    plan.score(a, **high)
    b = plan.activity("B", costs={2026: 400 * M}, start=2026, earliest=2025, latest=2027, depends_on=[a])
    plan.score(b, **high)
    c = plan.activity("C", costs={2025: 900 * M})  # fixed in 2025, where QW-1 and RUN-1 leave 100 M
    plan.score(c, **high)
    d = plan.activity("D", source="apbn", costs={2025: 1500 * M}, agency=world.dinkes)
    plan.score(d, **high)
    e = plan.activity("E", source="apbn", costs={2025: 1000 * M})
    plan.score(e, dampak=4)
    cancelled = plan.activity("X", status="batal", costs={2025: 1 * M})
    g = plan.activity("G", costs={2025: 10 * M}, depends_on=[cancelled])
    plan.score(g, **high)
    plan.activity("U", costs={2027: 10 * M}, start=2027)  # never scored
    plan.activity("DONE", status="selesai", costs={2025: 1 * M})
    return plan


def run_json(capsys, *extra: str) -> dict:
    assert main(["prioritize", "katingan", "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_plan_obeys_ceilings_dependencies_and_mandatory_activities(budget, capsys) -> None:
    document = run_json(capsys)
    assert list(document) == ["status", "optimal", "gap", "objective", "chosen", "deferred", "spending"]
    assert document["status"] == "optimal" and document["optimal"] is True
    chosen = document["chosen"]
    # mandatory: the quick win and the running activity
    assert chosen["QW-1"] == 2025 and chosen["RUN-1"] == 2025
    # every ceiling holds, recomputed from the costs written above
    spent: dict[tuple[int, str], int] = {}
    for ref, start in chosen.items():
        source, costs = COSTS[ref]
        for k, cost in enumerate(costs):
            spent[(start + k, source)] = spent.get((start + k, source), 0) + cost
    for key, amount in spent.items():
        assert amount <= CEILINGS.get(key, 0), key
    # B depends on A: chosen only after A has ended
    assert "A" in chosen and chosen["B"] >= chosen["A"] + 1
    # what cannot fit is deferred with a reason; cancelled and finished activities are left out entirely
    assert set(chosen) | set(document["deferred"]) == {"QW-1", "RUN-1", "A", "B", "C", "D", "E", "G", "U"}
    assert "C" in document["deferred"] and "pagu APBD 2025 tidak cukup" in document["deferred"]["C"]
    assert chosen.get("D") == 2025 and "E" in document["deferred"]  # D is worth more than E; both do not fit
    assert document["deferred"]["G"] == "bergantung pada X, yang dibatalkan"
    assert document["deferred"]["U"].startswith("belum dinilai pada dampak")
    # spending rows: exact keys, ceilings as given (0 where none), amounts equal to the recomputed ones
    for row in document["spending"]:
        assert list(row) == ["year", "source", "amount", "ceiling"]
        key = (row["year"], row["source"])
        assert row["ceiling"] == CEILINGS.get(key, 0)
        assert row["amount"] == spent.get(key, 0)
        assert row["amount"] <= row["ceiling"]
    assert {(r["year"], r["source"]) for r in document["spending"]} >= set(CEILINGS)
    priorities = services.priorities(budget.region).by_ref
    assert document["objective"] == pytest.approx(sum(priorities[ref] for ref in chosen), abs=1e-6)


def test_readable_output(budget, capsys) -> None:
    assert main(["prioritize", "katingan"]) == 0
    out = capsys.readouterr().out
    assert "Terpilih / chosen" in out and "Ditunda / deferred" in out
    assert "2025  QW-1" in out
    assert "Rp 1.000.000.000" in out


def test_save_keeps_a_named_run_with_the_same_document(budget, capsys) -> None:
    document = run_json(capsys, "--save", "Skenario pagu 2025")
    run = budget.region.prioritization_runs.get(name="Skenario pagu 2025")
    assert services.plan_json(run) == document
    assert run.parameters == {"gap": 0.005, "time_limit": 10.0}
    assert run.result["ends"]["A"] == document["chosen"]["A"]
    assert main(["prioritize", "katingan", "--save", "Skenario pagu 2025"]) == 1
    assert "sudah ada hasil prioritas" in capsys.readouterr().err.lower()


def test_unknown_region(db, capsys) -> None:
    assert main(["prioritize", "atlantis"]) == 2
