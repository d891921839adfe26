"""Missions × pillars coverage and quick-win report (method.md §7), on a hand-made plan."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import ActivityInfo, QuickWinState, coverage, quick_win_report

PILLARS = ("governance", "branding", "economy")
MISSIONS = ("M1", "M2", "M3")


def plan() -> list[ActivityInfo]:
    return [
        ActivityInfo("GOV-01", pillar="governance", horizon="quick_win", missions=("M1",)),
        ActivityInfo("GOV-02", pillar="governance", horizon="medium", missions=("M1", "M2")),
        ActivityInfo("ECO-01", pillar="economy", horizon="long", missions=("M2",)),
        ActivityInfo("ECO-02", pillar="economy", horizon="short", missions=()),
    ]


def test_the_matrix_counts_activities_per_mission_and_pillar() -> None:
    result = coverage(plan(), MISSIONS, PILLARS)
    assert result.matrix == {
        "M1": {"governance": 2, "branding": 0, "economy": 0},
        "M2": {"governance": 1, "branding": 0, "economy": 1},
        "M3": {"governance": 0, "branding": 0, "economy": 0},
    }


def test_what_is_not_covered() -> None:
    result = coverage(plan(), MISSIONS, PILLARS)
    assert result.missions_without_activities == ("M3",)
    assert result.pillars_without_activities == ("branding",)
    assert result.pillars_without_quick_win == ("branding", "economy")
    assert result.activities_without_mission == ("ECO-02",)


def test_an_empty_plan_covers_nothing() -> None:
    result = coverage([], MISSIONS, PILLARS)
    assert result.missions_without_activities == MISSIONS
    assert result.pillars_without_quick_win == PILLARS


def test_unknown_keys_and_duplicates_are_errors() -> None:
    with pytest.raises(MethodError, match="unknown mission 'M9'"):
        coverage([ActivityInfo("A", pillar="economy", missions=("M9",))], MISSIONS, PILLARS)
    with pytest.raises(MethodError, match="unknown pillar 'living'"):
        coverage([ActivityInfo("A", pillar="living")], MISSIONS, PILLARS)
    with pytest.raises(MethodError, match="share the id A"):
        coverage(
            [ActivityInfo("A", pillar="economy"), ActivityInfo("A", pillar="economy")], MISSIONS, PILLARS
        )
    with pytest.raises(MethodError, match="unknown horizon"):
        ActivityInfo("A", horizon="someday")


def test_quick_win_report() -> None:
    report = quick_win_report(
        [
            QuickWinState("GOV-01", "governance", has_profile=True, risks=2),
            QuickWinState("ECO-01", "economy", has_profile=False, risks=0),
            QuickWinState("ECO-02", "economy", has_profile=True, risks=0),
        ],
        PILLARS,
    )
    assert report.pillars_without_quick_win == ("branding",)
    assert report.without_profile == ("ECO-01",)
    assert report.without_risks == ("ECO-01", "ECO-02")
