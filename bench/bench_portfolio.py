"""Benchmark of kotacerdas.method.portfolio.plan on realistic instances (a script, not a test).

Run: ``.venv/bin/python bench/bench_portfolio.py`` (add ``--sweep`` for the time to a proven optimum by
number of candidates). Prints, per instance: time, status, proven optimality,
achieved gap, objective, and the greedy baseline (priority per rupiah, earliest feasible start) on the same
instance. Targets (issue 3): 300 candidates x 10 years x 5 sources proven optimal within 5 s; 2,000
candidates within 0.5 % of optimal within 10 s; never worse than greedy.
"""

from __future__ import annotations

import math
import random
import sys
import time

from kotacerdas.method import portfolio

YEARS = list(range(2025, 2035))  # a ten-year master plan
SOURCES = ("APBD", "APBN/DAK", "Dana Desa", "CSR", "KPBU")
SOURCE_SHARE = (0.5, 0.2, 0.15, 0.08, 0.07)


def instance(n: int, seed: int, tightness: float = 0.35) -> tuple[list[portfolio.Candidate], dict]:
    """``n`` candidates: costs Rp 50 million - 5 billion per year (log-uniform), durations 1-5 years, start
    windows of 1-4 years, ~15 % with a dependency, ~4 % mandatory one-year quick wins; each year's ceiling per
    source is ``tightness`` x that source's average yearly demand."""
    rng = random.Random(seed)
    candidates: list[portfolio.Candidate] = []
    for k in range(n):
        mandatory = rng.random() < 0.04
        duration = 1 if mandatory else rng.randint(1, 5)
        last_start = YEARS[-1] - duration + 1
        earliest = YEARS[0] if mandatory else rng.randint(YEARS[0], last_start)
        latest = earliest if mandatory else min(last_start, earliest + rng.randint(0, 3))
        source = rng.choices(SOURCES, SOURCE_SHARE)[0]
        low, high = (50e6, 400e6) if mandatory else (50e6, 5e9)
        yearly = round(10 ** rng.uniform(math.log10(low), math.log10(high)), -6)
        costs = [round(yearly * rng.uniform(0.7, 1.3), -6) for _ in range(duration)]
        depends: tuple[str, ...] = ()
        if not mandatory and k > 10 and rng.random() < 0.15:
            dep = candidates[rng.randrange(k)]
            if not dep.mandatory and dep.earliest + dep.duration <= latest:
                depends = (dep.id,)
                earliest = max(earliest, dep.earliest + dep.duration)
        priority = round(rng.uniform(0.05, 0.95), 4)
        candidates.append(
            portfolio.Candidate(
                f"K{k:04d}", priority, costs, source, earliest, latest, depends, mandatory=mandatory
            )
        )
    ceilings: dict[tuple[int, str], float] = {}
    for source in SOURCES:
        demand = sum(c.total_cost for c in candidates if c.source == source) / len(YEARS)
        mandatory_by_year = {y: 0.0 for y in YEARS}
        for c in candidates:
            if c.mandatory and c.source == source:
                for year, amount in c.spending(c.earliest).items():
                    mandatory_by_year[year[0]] += amount
        for year in YEARS:
            ceilings[(year, source)] = round(max(tightness * demand, 1.2 * mandatory_by_year[year]), -6)
    return candidates, ceilings


def run(label: str, n: int, seed: int, gap: float, time_limit: float) -> None:
    candidates, ceilings = instance(n, seed)
    start = time.perf_counter()
    plan = portfolio.plan(candidates, ceilings, gap=gap, time_limit=time_limit)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    greedy = portfolio.greedy(candidates, ceilings)
    greedy_seconds = time.perf_counter() - start
    options = sum(c.latest - c.earliest + 1 for c in candidates)
    gap_text = "n/a" if plan.gap is None else f"{100 * plan.gap:.4f} %"
    bound_text = "n/a" if plan.bound is None else f"{plan.bound:.4f}"
    ratio = plan.objective / greedy.objective if greedy.objective else float("inf")
    print(f"== {label}: {n} candidates x {len(YEARS)} years x {len(SOURCES)} sources (seed {seed})")
    print(
        f"   start-year options {options}, mandatory {sum(c.mandatory for c in candidates)}, "
        f"with a dependency {sum(bool(c.depends_on) for c in candidates)}"
    )
    print(
        f"   plan     time {seconds:6.2f} s  status {plan.status:10s} optimal {plan.optimal!s:5s} "
        f"gap {gap_text}  objective {plan.objective:.4f}  bound {bound_text}  "
        f"chosen {len(plan.chosen)}  deferred {len(plan.deferred)}"
    )
    print(
        f"   greedy   time {greedy_seconds:6.2f} s  objective {greedy.objective:.4f}  chosen {len(greedy.chosen)}"
    )
    print(
        f"   plan / greedy = {ratio:.4f}  ({'not worse' if plan.objective >= greedy.objective - 1e-9 else 'WORSE'})"
    )
    over = [k for k, v in plan.spending.items() if v > ceilings.get(k, 0.0) + portfolio.MONEY_TOLERANCE]
    print(f"   ceilings exceeded: {len(over)}")


def sweep(time_limit: float = 60.0) -> None:
    """Time to a proven optimum (gap 0) by number of candidates: where "proven within 5 s" stops holding."""
    print(f"== time to a proven optimum (gap 0, limit {time_limit:g} s), ceilings 35 % of demand")
    for n in (50, 100, 150, 200, 250, 300):
        cells = []
        for seed in (1, 2, 3):
            candidates, ceilings = instance(n, seed)
            plan = portfolio.plan(candidates, ceilings, gap=0.0, time_limit=time_limit)
            if plan.optimal:
                cells.append(f"{plan.seconds:6.2f} s proven")
            else:
                cells.append(f"{plan.seconds:6.2f} s gap {100 * (plan.gap or 0):.3f} %")
        print(f"   {n:4d} candidates: " + " | ".join(cells), flush=True)


def main() -> None:
    if "--sweep" in sys.argv:
        sweep()
        return
    for seed in (1, 2, 3):
        run("300, exact (gap 0), 5 s", 300, seed, gap=0.0, time_limit=5.0)
    for seed in (1, 2, 3):
        run("300, gap 0.5 %, 5 s", 300, seed, gap=0.005, time_limit=5.0)
    for seed in (1, 2):
        run("2,000, gap 0.5 %, 10 s", 2000, seed, gap=0.005, time_limit=10.0)


if __name__ == "__main__":
    main()
