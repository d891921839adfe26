"""Fixtures of the resource-priority page tests (/d/<slug>/prioritas/), on top of the action-plan ``plan``
builder (Katingan, plan start 2025) and the shared personas.

``three_criteria`` sets up the three criteria of method.md §9's example before any page creates the defaults.
``budget`` is a small plan with scores, consistent judgements and ceilings tight enough that something must wait:

- QW-01 quick win 2025, APBD 600 jt (mandatory);
- A-01 short, APBD 700 jt, may start 2025–2027;  A-02 short, APBD 800 jt, may start 2026–2027;
- B-01 medium 2026–2027, APBN 1,5 M + 1,5 M (no APBN ceiling in 2027, so it cannot be funded);
- B-02 short, APBN 1,5 M in 2026 (Dinkes).
Ceilings: APBD 1 M in 2025, 2026 and 2027; APBN 2 M in 2026.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from kotacerdas.actionplan.models import Ceiling, Criterion

URL = "/d/katingan/prioritas/"
CEILINGS = {(2025, "apbd"): 1_000_000_000, (2026, "apbd"): 1_000_000_000, (2027, "apbd"): 1_000_000_000,
            (2026, "apbn"): 2_000_000_000}  # fmt: skip


@pytest.fixture
def three_criteria(plan) -> list[Criterion]:
    return [
        Criterion.objects.create(region=plan.region, slug="dampak", name="Dampak", order=1),
        Criterion.objects.create(region=plan.region, slug="urgensi", name="Urgensi", order=2),
        Criterion.objects.create(region=plan.region, slug="biaya", name="Biaya", is_cost=True, order=3),
    ]


@dataclass
class Budget:
    plan: object
    activities: dict


@pytest.fixture
def budget(plan) -> Budget:
    w = plan.world
    acts = {
        "QW-01": plan.activity("QW-01", horizon="quick_win", costs={2025: 600_000_000}),
        "A-01": plan.activity("A-01", costs={2025: 700_000_000}, earliest=2025, latest=2027),
        "A-02": plan.activity("A-02", start=2026, costs={2026: 800_000_000}, latest=2027),
        "B-01": plan.activity(
            "B-01",
            horizon="medium",
            start=2026,
            end=2027,
            source="apbn",
            costs={2026: 1_500_000_000, 2027: 1_500_000_000},
        ),  # fmt: skip
        "B-02": plan.activity(
            "B-02", agency=w.dinkes, pillar="living", start=2026, source="apbn", costs={2026: 1_500_000_000}
        ),
    }
    for k, a in enumerate(acts.values()):
        plan.score(a, dampak=1 + k % 5, urgensi=5 - k % 5, keselarasan=3, kesiapan=4, kearifan_lokal=2)
    plan.judge_equal("Bappelitbang")
    for (year, source), amount in CEILINGS.items():
        Ceiling.objects.create(region=plan.region, year=year, source=source, amount=amount)
    return Budget(plan, acts)
