"""Maturity (method.md §4): pillar and region index, SPBE predicates, gaps and planning gaps."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError, maturity

E = maturity.ElementLevel


def levels() -> list[maturity.ElementLevel]:
    return [
        E("governance", "service", 3, 4),
        E("governance", "bureaucracy", 2, 4),
        E("governance", "policy", 4, 4),  # governance (3+2+4)/3 = 3.0
        E("economy", "industry", 1, 3),
        E("economy", "welfare", 2),  # economy 1.5
        E("living", "health", 5, 5),  # living 5.0
    ]


def test_pillar_and_region_index_by_hand() -> None:
    m = maturity.assess(levels())
    assert m.pillars["governance"].index == pytest.approx(3.0)
    assert m.pillars["governance"].predicate == "Baik"  # 3.0 >= 2.6
    assert m.pillars["economy"].index == pytest.approx(1.5)
    assert m.pillars["economy"].predicate == "Kurang"  # < 1.8
    assert m.pillars["living"].predicate == "Memuaskan"
    assert m.pillars["living"].missing == ("harmony", "mobility")
    # region = equal-weight mean over the pillars with an index: (3 + 1.5 + 5)/3
    assert m.index == pytest.approx(9.5 / 3)
    assert m.predicate == "Baik"  # 3.17
    assert set(m.unscored_pillars) == {"branding", "society", "environment"}


def test_pillar_weights_are_configurable() -> None:
    m = maturity.assess(levels(), pillar_weights={"governance": 2, "economy": 1, "living": 1})
    # (2*3 + 1.5 + 5) / 4 = 12.5/4 = 3.125
    assert m.index == pytest.approx(3.125)


def test_gaps_and_planning_gaps() -> None:
    m = maturity.assess(levels(), planned={("governance", "service")})
    assert m.gaps == {
        ("governance", "service"): 1,
        ("governance", "bureaucracy"): 2,
        ("governance", "policy"): 0,
        ("economy", "industry"): 2,
        ("living", "health"): 0,
    }
    # a gap and no planned activity: bureaucracy and industry (service has an activity; 0 gaps are fine)
    assert m.planning_gaps == (("governance", "bureaucracy"), ("economy", "industry"))


@pytest.mark.parametrize(
    ("value", "predicate"),
    [
        (4.2, "Memuaskan"),
        (4.1, "Sangat Baik"),
        (3.5, "Sangat Baik"),
        (3.49, "Baik"),
        (2.6, "Baik"),
        (2.59, "Cukup"),
        (1.8, "Cukup"),
        (1.79, "Kurang"),
    ],
)
def test_spbe_predicate_bands(value: float, predicate: str) -> None:
    assert maturity.DEFAULT_BANDS.label(value) == predicate


def test_no_levels_no_index() -> None:
    m = maturity.assess([])
    assert m.index is None and m.predicate is None


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: E("governance", "service", 6), "at most 5"),
        (lambda: E("governance", "service", 3, 2), "below its current level"),
        (lambda: maturity.assess([E("governance", "waste", 3)]), "not an element of governance"),
        (lambda: maturity.assess([E("smart", "x", 3)]), "unknown pillar"),
        (lambda: maturity.assess([E("living", "health", 3), E("living", "health", 2)]), "assessed twice"),
        (lambda: maturity.assess([], pillar_weights={"x": 1}), "unknown pillar 'x'"),
        (lambda: maturity.assess([], pillar_weights={"living": -1}), "at least 0"),
    ],
)
def test_bad_input(make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(MethodError, match=message):
        make()


def test_level_names() -> None:
    assert maturity.LEVELS[1] == "Rintisan"
    assert maturity.LEVELS[5] == "Optimum"
