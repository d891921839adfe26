"""The future (method.md §6): linear and compound-growth projections, targets, drivers and scenario axes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError, future


def test_linear_fit_by_hand() -> None:
    # years 2019..2022, values 10, 12, 13, 15: mean x 2020.5, mean y 12.5
    # Sxy = (-1.5)(-2.5) + (-.5)(-.5) + (.5)(.5) + (1.5)(2.5) = 3.75 + .25 + .25 + 3.75 = 8 ; Sxx = 5
    history = [(2019, 10.0), (2020, 12.0), (2021, 13.0), (2022, 15.0)]
    intercept, slope = future.linear_fit(history)
    assert slope == pytest.approx(1.6)
    p = future.project(history, 2030, target=25.0)
    # 12.5 + 1.6 * (2030 - 2020.5) = 12.5 + 15.2 = 27.7
    assert p.linear == pytest.approx(27.7)
    assert p.target_met is True
    # CAGR: (15/10)^(1/3) - 1 ; projected 15 * (1+g)^8
    g = 1.5 ** (1 / 3) - 1
    assert p.growth == pytest.approx(g)
    assert p.compound == pytest.approx(15 * (1 + g) ** 8)
    assert p.target_met_compound is True


def test_lower_is_better_target() -> None:
    p = future.project([(2020, 10.0), (2022, 8.0)], 2026, target=5.0, direction="lower")
    # slope -1/year: 8 - 4 = 4 <= 5
    assert p.linear == pytest.approx(4.0)
    assert p.target_met is True
    # CAGR (0.8)^(1/2) - 1 ; 8 * 0.8^2 = 5.12 > 5: not met on the compound trend
    assert p.compound == pytest.approx(8 * 0.8**2)
    assert p.target_met_compound is False


def test_no_compound_growth_unless_all_values_positive() -> None:
    p = future.project([(2020, 0.0), (2021, 2.0)], 2023)
    assert p.growth is None and p.compound is None
    assert p.linear == pytest.approx(6.0)
    assert p.target_met is None  # no target given


def test_unsorted_history_is_sorted() -> None:
    p = future.project([(2022, 15.0), (2020, 12.0), (2021, 13.0), (2019, 10.0)], 2030)
    assert p.linear == pytest.approx(27.7)


@pytest.mark.parametrize(
    ("history", "horizon", "message"),
    [
        ([(2020, 1.0)], 2030, "at least two different years"),
        ([(2020, 1.0), (2020, 2.0)], 2030, "two values for 2020"),
        ([(2020, 1.0), (2021, 2.0)], 2019, "before the last observed year"),
        ([(2020, 1.0), (2021.5, 2.0)], 2030, "whole number"),
        ([(2020, 1.0), (2021, None)], 2030, "must be a number"),
    ],
)
def test_bad_history(history: list, horizon: int, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        future.project(history, horizon)


@settings(deadline=None, max_examples=100)
@given(st.floats(-1e3, 1e3), st.floats(-100, 100), st.integers(2, 8))
def test_a_straight_line_is_recovered(intercept_2020: float, slope: float, n: int) -> None:
    history = [(2020 + k, intercept_2020 + slope * k) for k in range(n)]
    p = future.project(history, 2035)
    assert p.slope == pytest.approx(slope, abs=1e-6)
    assert p.linear == pytest.approx(intercept_2020 + slope * 15, abs=1e-5)


def drivers() -> list[future.Driver]:
    D = future.Driver
    return [
        D("Harga komoditas sawit", "economic", 4, 4),  # 16
        D("Pilkada 2024", "political", 3, 5),  # 15
        D("Perubahan iklim dan banjir", "environmental", 5, 3),  # 15, higher impact than Pilkada
        D("Satelit internet", "technological", 2, 5),  # 10
    ]


def test_driver_ranking_and_default_axes() -> None:
    ranked = future.rank_drivers(drivers())
    assert [d.name for d in ranked] == [
        "Harga komoditas sawit",
        "Perubahan iklim dan banjir",  # 15, impact 5 beats Pilkada's 15 with impact 3
        "Pilkada 2024",
        "Satelit internet",
    ]
    axes = future.default_axes(drivers())
    assert [d.name for d in axes] == ["Harga komoditas sawit", "Perubahan iklim dan banjir"]
    frame = future.scenario_frame(drivers())
    assert frame.axes == axes
    assert len(frame.cells) == 4


def test_region_may_choose_other_axes() -> None:
    ds = drivers()
    frame = future.scenario_frame(ds, axes=(ds[1], ds[3]))
    assert frame.axes == (ds[1], ds[3])
    with pytest.raises(MethodError, match="must be different"):
        future.scenario_frame(ds, axes=(ds[1], ds[1]))
    with pytest.raises(MethodError, match="not among the drivers"):
        future.scenario_frame(ds[:2], axes=(ds[0], ds[3]))


def test_bad_drivers() -> None:
    with pytest.raises(MethodError, match="category must be one of"):
        future.Driver("x", "cultural", 3, 3)
    with pytest.raises(MethodError, match="impact"):
        future.Driver("x", "legal", 6, 3)
    with pytest.raises(MethodError, match="at least two drivers"):
        future.default_axes(drivers()[:1])
