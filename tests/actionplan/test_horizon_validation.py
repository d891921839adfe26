"""Activity.full_clean() rejects dates that contradict the horizon, with the method's exact message."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Activity
from kotacerdas.assessment.models import PlanSettings


def unsaved(plan, horizon: str, start: int, end: int) -> Activity:
    return Activity(
        region=plan.region,
        program=plan.program(),
        ref="GOV-99",
        code="2.16.03.2.02",
        name="Portal layanan",
        horizon=horizon,
        start_year=start,
        end_year=end,
        funding_source="apbd",
        infrastructure="governance",
    )


def errors(activity: Activity) -> dict:
    with pytest.raises(ValidationError) as caught:
        activity.full_clean()
    return caught.value.message_dict


def test_a_quick_win_over_two_years_is_rejected(plan) -> None:
    assert errors(unsaved(plan, "quick_win", 2025, 2026)) == {
        "horizon": [
            "quick win harus dimulai dan selesai pada tahun pertama masterplan (2025), bukan 2025–2026"
        ]
    }


def test_the_message_follows_the_language(plan) -> None:
    with translation.override("en"):
        assert errors(unsaved(plan, "quick_win", 2025, 2026)) == {
            "horizon": ["a quick win must start and end in the plan's first year (2025), not 2025–2026"]
        }


def test_medium_longer_than_five_years_and_before_the_plan(plan) -> None:
    assert errors(unsaved(plan, "medium", 2024, 2029)) == {
        "horizon": [
            "kegiatan dimulai 2024, sebelum tahun pertama masterplan (2025)",
            "kegiatan jangka menengah berlangsung paling lama 5 tahun, bukan 2024–2029 (6 tahun)",
        ]
    }


def test_short_over_two_years(plan) -> None:
    assert errors(unsaved(plan, "short", 2026, 2027)) == {
        "horizon": ["kegiatan jangka pendek berlangsung 1 tahun, bukan 2026–2027 (2 tahun)"]
    }


def test_end_before_start_keeps_the_model_message(plan) -> None:
    assert errors(unsaved(plan, "short", 2026, 2025)) == {
        "end_year": ["Tahun selesai tidak boleh sebelum tahun mulai."]
    }


@pytest.mark.parametrize(("horizon", "start", "end"), [("quick_win", 2025, 2025), ("short", 2027, 2027),
                                                        ("medium", 2025, 2029), ("long", 2026, 2035)])  # fmt: skip
def test_fitting_dates_pass(plan, horizon: str, start: int, end: int) -> None:
    unsaved(plan, horizon, start, end).full_clean()


def test_without_a_plan_start_a_quick_win_must_still_be_one_year(plan) -> None:
    PlanSettings.objects.filter(region=plan.region).delete()
    assert services.plan_start(plan.region) is None
    unsaved(plan, "quick_win", 2030, 2030).full_clean()
    assert errors(unsaved(plan, "quick_win", 2030, 2031))["horizon"] == [
        "quick win harus dimulai dan selesai pada tahun yang sama (hasil dalam 12 bulan), bukan 2030–2031"
    ]


def test_check_activity_for_importers(plan) -> None:
    assert services.check_activity(unsaved(plan, "long", 2025, 2034)) == []
    assert services.check_activity(unsaved(plan, "long", 2025, 2035)) == [
        "kegiatan jangka panjang berlangsung paling lama 10 tahun, bukan 2025–2035 (11 tahun)"
    ]
