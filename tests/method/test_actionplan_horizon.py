"""Horizon rules of method.md §7: dates that contradict the horizon are named, in Indonesian and English."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import horizon_problems


@pytest.mark.parametrize(
    ("horizon", "start", "end", "plan"),
    [
        ("quick_win", 2023, 2023, 2023),
        ("quick_win", 2025, 2025, None),
        ("short", 2024, 2024, 2023),
        ("short", 2023, 2023, None),
        ("medium", 2023, 2027, 2023),  # 5 years, inclusive
        ("medium", 2024, 2024, 2023),  # one year is within "at most 5"
        ("long", 2023, 2032, 2023),  # 10 years
        ("long", 2020, 2029, None),  # no plan start known: nothing to compare with
    ],
)
def test_dates_that_fit_the_horizon_pass(horizon: str, start: int, end: int, plan: int | None) -> None:
    assert horizon_problems(horizon, start, end, plan) == []


def test_quick_win_outside_the_first_year_english() -> None:
    assert horizon_problems("quick_win", 2023, 2024, 2023, lang="en") == [
        "a quick win must start and end in the plan's first year (2023), not 2023–2024"
    ]
    assert horizon_problems("quick_win", 2024, 2024, 2023, lang="en") == [
        "a quick win must start and end in the plan's first year (2023), not 2024"
    ]


def test_quick_win_outside_the_first_year_indonesian() -> None:
    assert horizon_problems("quick_win", 2023, 2024, 2023) == [
        "quick win harus dimulai dan selesai pada tahun pertama masterplan (2023), bukan 2023–2024"
    ]


def test_quick_win_without_a_plan_start_must_be_one_year() -> None:
    assert horizon_problems("quick_win", 2023, 2024, lang="en") == [
        "a quick win must start and end in the same year (it delivers within 12 months), not 2023–2024"
    ]


def test_short_lasts_one_year() -> None:
    assert horizon_problems("short", 2024, 2025, 2023, lang="en") == [
        "a short-term activity lasts 1 year, not 2024–2025 (2 years)"
    ]
    assert horizon_problems("short", 2024, 2025, 2023) == [
        "kegiatan jangka pendek berlangsung 1 tahun, bukan 2024–2025 (2 tahun)"
    ]


def test_medium_at_most_five_years() -> None:
    # 2023..2028 inclusive is 6 years
    assert horizon_problems("medium", 2023, 2028, 2023, lang="en") == [
        "a medium-term activity lasts at most 5 years, not 2023–2028 (6 years)"
    ]


def test_long_at_most_ten_years() -> None:
    assert horizon_problems("long", 2023, 2033, 2023) == [
        "kegiatan jangka panjang berlangsung paling lama 10 tahun, bukan 2023–2033 (11 tahun)"
    ]


def test_end_before_start_is_the_only_problem_reported() -> None:
    assert horizon_problems("long", 2025, 2024, 2023, lang="en") == [
        "the end year (2024) is before the start year (2025)"
    ]
    assert horizon_problems("quick_win", 2025, 2024, 2023) == [
        "tahun selesai (2024) sebelum tahun mulai (2025)"
    ]


def test_start_before_the_plan_and_too_long_are_both_named() -> None:
    assert horizon_problems("medium", 2021, 2026, 2023, lang="en") == [
        "the activity starts in 2021, before the plan's first year (2023)",
        "a medium-term activity lasts at most 5 years, not 2021–2026 (6 years)",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("decade", 2023, 2024), "unknown horizon 'decade'"),
        (("short", "2023", 2023), "the start year must be a whole number"),
        (("short", 2023, 2023.0), "the end year must be a whole number"),
        (("short", 2023, 2023, True), "the plan's first year must be a whole number"),
    ],
)
def test_malformed_input_is_a_method_error(args: tuple, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        horizon_problems(*args)


def test_unknown_language() -> None:
    with pytest.raises(MethodError, match="unknown language"):
        horizon_problems("short", 2023, 2023, lang="jv")
