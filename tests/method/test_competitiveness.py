"""Competitiveness (method.md §5): min-max scores, direction, pillar/composite scores, ranks, gaps."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError
from kotacerdas.method import competitiveness as cp

REGIONS = ["Katingan", "Kotawaringin Timur", "Palangka Raya", "Seruyan"]
IND = [
    cp.Indicator("ipm", "Indeks Pembangunan Manusia", "society", "higher", 2.0, unit="indeks"),
    cp.Indicator("miskin", "Persentase penduduk miskin", "economy", "lower", 1.0, unit="%"),
    cp.Indicator("internet", "Rumah tangga dengan internet", "society", "higher", 1.0, unit="%"),
]
VALUES = {
    "ipm": {"Katingan": 70.0, "Kotawaringin Timur": 72.0, "Palangka Raya": 80.0, "Seruyan": None},
    "miskin": {"Katingan": 5.0, "Kotawaringin Timur": 6.0, "Palangka Raya": 4.0, "Seruyan": 8.0},
    "internet": {"Katingan": 50.0, "Kotawaringin Timur": 50.0, "Palangka Raya": 90.0, "Seruyan": 50.0},
}


def test_scores_by_hand() -> None:
    c = cp.compare(REGIONS, IND, VALUES)
    ipm = c.indicators["ipm"].scores
    # min 70, max 80 over the three with a value; Seruyan missing stays missing
    assert ipm == {
        "Katingan": 0.0,
        "Kotawaringin Timur": pytest.approx(20.0),
        "Palangka Raya": 100.0,
        "Seruyan": None,
    }
    miskin = c.indicators["miskin"].scores
    # lower is better: 100 (max - v)/(max - min), min 4, max 8
    assert miskin == {
        "Katingan": pytest.approx(75.0),
        "Kotawaringin Timur": pytest.approx(50.0),
        "Palangka Raya": 100.0,
        "Seruyan": 0.0,
    }
    assert c.indicators["internet"].scores["Seruyan"] == 0.0


def test_pillar_and_composite_and_rank_by_hand() -> None:
    c = cp.compare(REGIONS, IND, VALUES)
    r = c.regions
    # Katingan society: (2*0 + 1*0)/3 = 0 ; economy 75 ; composite 37.5
    assert r["Katingan"].pillars == {"society": 0.0, "economy": pytest.approx(75.0)}
    assert r["Katingan"].composite == pytest.approx(37.5)
    # Kotim society: (2*20 + 0)/3 = 13.33 ; economy 50 ; composite 31.67
    assert r["Kotawaringin Timur"].composite == pytest.approx((40 / 3 + 50) / 2)
    # Seruyan has no IPM: society over internet only (weights renormalised) = 0 ; economy 0
    assert r["Seruyan"].pillars["society"] == 0.0
    assert r["Seruyan"].missing == ("ipm",)
    assert r["Palangka Raya"].composite == pytest.approx(100.0)
    assert c.ranking == ("Palangka Raya", "Katingan", "Kotawaringin Timur", "Seruyan")
    assert [r[x].rank for x in c.ranking] == [1, 2, 3, 4]


def test_gap_to_best_peer_in_units() -> None:
    c = cp.compare(REGIONS, IND, VALUES)
    ipm = c.indicators["ipm"]
    assert ipm.best_region == "Palangka Raya" and ipm.best_value == 80.0
    assert ipm.gaps == {"Katingan": 10.0, "Kotawaringin Timur": 8.0, "Palangka Raya": 0.0, "Seruyan": None}
    miskin = c.indicators["miskin"]
    assert miskin.best_value == 4.0  # lower is better
    assert miskin.gaps["Seruyan"] == 4.0


def test_all_equal_values_score_100() -> None:
    assert cp.normalise({"a": 3.0, "b": 3.0, "c": None}) == {"a": 100.0, "b": 100.0, "c": None}


def test_region_without_any_value_has_no_composite_and_no_rank() -> None:
    c = cp.compare(["A", "B"], IND[:1], {"ipm": {"A": 70.0}})
    assert c.regions["B"].composite is None
    assert c.regions["B"].rank is None
    assert c.ranking == ("A",)


def test_equal_composites_share_a_rank() -> None:
    c = cp.compare(["A", "B", "C"], IND[:1], {"ipm": {"A": 1.0, "B": 1.0, "C": 0.0}})
    assert [c.regions[x].rank for x in "ABC"] == [1, 1, 3]


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: cp.Indicator("x", "x", "society", "up"), "direction must be 'higher' or 'lower'"),
        (lambda: cp.Indicator("x", "x", "society", weight=0), "more than 0"),
        (lambda: cp.compare(["A", "A"], IND, {}), "appears twice"),
        (lambda: cp.compare(["A"], IND, {"nope": {"A": 1.0}}), "unknown indicator 'nope'"),
        (lambda: cp.compare(["A"], IND, {"ipm": {"B": 1.0}}), "'B' is not in the comparison set"),
        (lambda: cp.compare(["A"], IND, {"ipm": {"A": float("inf")}}), "finite"),
    ],
)
def test_bad_input(make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(MethodError, match=message):
        make()


values_strategy = st.dictionaries(
    st.sampled_from(["A", "B", "C", "D", "E", "F"]),
    st.one_of(st.none(), st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)),
    min_size=1,
)


@settings(deadline=None, max_examples=200)
@given(values_strategy, st.sampled_from(cp.DIRECTIONS))
def test_scores_always_in_range_and_missing_stays_missing(values: dict, direction: str) -> None:
    scores = cp.normalise(values, direction)
    for region, value in values.items():
        if value is None:
            assert scores[region] is None
        else:
            assert 0.0 <= scores[region] <= 100.0  # type: ignore[operator]
    present = [v for v in values.values() if v is not None]
    if present:
        assert max(s for s in scores.values() if s is not None) == 100.0


@settings(deadline=None, max_examples=200)
@given(values_strategy)
def test_reversing_the_direction_mirrors_the_scores(values: dict) -> None:
    present = {v for v in values.values() if v is not None}
    assume(len(present) >= 2)  # with max = min every region scores 100 either way
    higher = cp.normalise(values, "higher")
    lower = cp.normalise(values, "lower")
    for region in values:
        if higher[region] is None:
            assert lower[region] is None
        else:
            assert lower[region] == pytest.approx(100.0 - higher[region], abs=1e-9)
