"""Alignment (method.md §7): missions × pillars coverage, missions without activities, activities without a
mission, pillars without a quick win, and elements with a maturity gap but no activity (fed to the analysis)."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import alignment, services
from kotacerdas.assessment.analysis import analyse_region
from kotacerdas.assessment.models import MaturityLevel
from kotacerdas.regions.models import Mission, RpjmdPeriod


@pytest.fixture
def missions(plan):
    period = RpjmdPeriod.objects.create(
        region=plan.region, start_year=2024, end_year=2029, vision="Katingan maju"
    )
    return [
        Mission.objects.create(region=plan.region, period=period, number=n, text=f"Misi {n}")
        for n in (1, 2, 3)
    ]


def test_coverage_matrix_and_gaps(plan, missions, world) -> None:
    m1, m2, _m3 = missions
    plan.activity("GOV-01", horizon="quick_win", missions=[m1])
    plan.activity("GOV-02", missions=[m1, m2])
    plan.activity("ECO-01", pillar="economy", agency=world.dinkes, missions=[m2])
    plan.activity("ECO-02", pillar="economy", agency=world.dinkes)
    plan.activity("ECO-03", pillar="economy", agency=world.dinkes, missions=[missions[2]], status="batal")
    result = alignment.alignment(plan.region)
    counts = {m.number: {p.slug: n for p, n in row if n} for m, row in result.rows}
    assert counts == {
        1: {"governance": 2},
        2: {"governance": 1, "economy": 1},
        3: {},
    }  # cancelled not counted
    assert [m.number for m in result.missions_without_activities] == [3]
    assert [a.ref for a in result.activities_without_mission] == ["ECO-02"]
    assert [p.slug for p in result.pillars_without_quick_win] == [
        "branding", "economy", "living", "society", "environment"
    ]  # fmt: skip
    assert [p.slug for p in result.pillars_without_activities] == [
        "branding",
        "living",
        "society",
        "environment",
    ]


def test_planning_gaps_use_program_and_activity_elements(plan, world) -> None:
    for pillar, element in [("governance", "service"), ("governance", "policy"), ("economy", "industry"),
                            ("economy", "welfare")]:  # fmt: skip
        MaturityLevel.objects.create(
            region=plan.region, element=plan.element(pillar, element), current=2, target=4
        )
    plan.program(pillar="governance", elements=["service"])  # the program of GOV-01 covers "service"
    plan.activity("GOV-01")
    eco = plan.activity("ECO-01", pillar="economy", agency=world.dinkes)
    eco.elements.add(plan.element("economy", "industry"))
    cancelled = plan.activity("ECO-02", pillar="economy", agency=world.dinkes, status="batal")
    cancelled.elements.add(plan.element("economy", "welfare"))

    assert alignment.planned_elements(plan.region) == {("governance", "service"), ("economy", "industry")}
    gaps = alignment.alignment(plan.region).planning_gaps
    assert [(e.pillar.slug, e.slug) for e in gaps] == [("governance", "policy"), ("economy", "welfare")]
    assert set(analyse_region(plan.region).maturity.planning_gaps) == {
        ("governance", "policy"),
        ("economy", "welfare"),
    }


def test_quick_win_report(plan, world) -> None:
    from kotacerdas.actionplan.models import QuickWinProfile, Risk

    with_all = plan.activity("GOV-01", horizon="quick_win")
    QuickWinProfile.objects.create(region=plan.region, activity=with_all, objective="Satu portal")
    Risk.objects.create(
        region=plan.region, activity=with_all, risk="Data tidak mutakhir", likelihood=3, impact=4
    )
    bare = plan.activity("SOC-01", pillar="society", horizon="quick_win")
    plan.activity("ECO-01", pillar="economy", horizon="quick_win", status="batal")
    report = services.quick_win_report(plan.region)
    assert [a.ref for a in report.quick_wins] == ["GOV-01", "SOC-01"]
    assert [p.slug for p in report.pillars_without_quick_win] == [
        "branding",
        "economy",
        "living",
        "environment",
    ]
    assert report.without_profile == [bare]
    assert report.without_risks == [bare]
    risk = with_all.risks.get()
    assert (services.risk_score(risk).score, services.risk_score(risk).band) == (12, "tinggi")
