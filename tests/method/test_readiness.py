"""Readiness (method.md §2): element, pillar and region means; missing aspects; no score is never 0."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kotacerdas.method import MethodError, readiness
from kotacerdas.method.pillars import PILLARS

FULL = {
    "sdm": 3,
    "anggaran": 2,
    "tata_kelola": 4,  # struktur: (3+2+4)/3 = 3.0
    "fisik": 4,
    "digital": 5,
    "sosial": 3,  # infrastruktur: 12/3 = 4.0
    "regulasi": 2,
    "kelembagaan": 2,
    "tata_laksana": 1,  # suprastruktur: 5/3
}


def test_element_and_pillar_scores_by_hand() -> None:
    p = readiness.assess_pillar("governance", FULL)
    assert p.elements["struktur"].score == pytest.approx(3.0)
    assert p.elements["infrastruktur"].score == pytest.approx(4.0)
    assert p.elements["suprastruktur"].score == pytest.approx(5 / 3)
    # pillar = mean of the nine aspects = 26 / 9 = 2.888...
    assert p.score == pytest.approx(26 / 9)
    assert p.band == "cukup siap"  # 2.89 >= 2.6
    assert p.elements["infrastruktur"].band == "siap"  # 4.0 >= 3.4
    assert p.elements["suprastruktur"].band == "belum siap"  # 1.67 < 1.8
    assert p.missing == ()


def test_pillar_is_the_mean_of_aspects_not_of_element_means_when_some_are_missing() -> None:
    scores = {"sdm": 5, "anggaran": 5, "tata_kelola": 5, "fisik": 1}
    p = readiness.assess_pillar("economy", scores)
    # aspects: (5+5+5+1)/4 = 4.0 ; the mean of element means would be (5 + 1)/2 = 3.0
    assert p.score == pytest.approx(4.0)
    assert p.elements["infrastruktur"].score == pytest.approx(1.0)
    assert p.elements["infrastruktur"].missing == ("digital", "sosial")
    assert p.elements["suprastruktur"].score is None  # a mean over nothing is no score, never 0
    assert p.elements["suprastruktur"].band is None
    assert set(p.missing) == {"digital", "sosial", "regulasi", "kelembagaan", "tata_laksana"}


def test_region_is_mean_of_scored_pillars_and_reports_missing() -> None:
    region = readiness.assess({"governance": FULL, "living": {"sdm": 4, "digital": None}})
    # governance 26/9, living 4.0 -> (26/9 + 4)/2
    assert region.score == pytest.approx((26 / 9 + 4.0) / 2)
    assert region.pillars["living"].score == pytest.approx(4.0)
    assert set(region.unscored_pillars) == set(PILLARS) - {"governance", "living"}
    assert ("living", "digital") in region.missing
    assert ("branding", "sdm") in region.missing
    assert region.pillars["branding"].score is None


def test_nothing_scored_is_no_score() -> None:
    region = readiness.assess({})
    assert region.score is None
    assert region.band is None
    assert len(region.missing) == 6 * 9


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (4.2, "sangat siap"),
        (4.19, "siap"),
        (3.4, "siap"),
        (3.39, "cukup siap"),
        (2.6, "cukup siap"),
        (1.8, "kurang siap"),
        (1.79, "belum siap"),
        (1.0, "belum siap"),
    ],
)
def test_default_bands(value: float, band: str) -> None:
    assert readiness.DEFAULT_BANDS.label(value) == band


def test_bands_are_configurable() -> None:
    from kotacerdas.method.bands import Bands

    strict = Bands(((4.5, "sangat siap"), (3.0, "siap")), "belum siap")
    p = readiness.assess_pillar("governance", {"sdm": 4, "anggaran": 4}, bands=strict)
    assert p.band == "siap"
    with pytest.raises(MethodError, match="strictly descending"):
        Bands(((3.0, "a"), (4.0, "b")), "c")


@pytest.mark.parametrize(
    ("aspect", "value", "message"),
    [("sdm", 6, "at most 5"), ("sdm", 0, "at least 1"), ("sdm", 2.5, "whole number"), ("gaji", 3, "unknown")],
)
def test_bad_scores(aspect: str, value: float, message: str) -> None:
    with pytest.raises(MethodError, match=message):
        readiness.assess_pillar("governance", {aspect: value})  # type: ignore[dict-item]


def test_unknown_pillar() -> None:
    with pytest.raises(MethodError, match="unknown pillar 'smart'"):
        readiness.assess({"smart": {"sdm": 3}})


@settings(deadline=None, max_examples=100)
@given(st.dictionaries(st.sampled_from(readiness.ASPECTS), st.one_of(st.none(), st.integers(1, 5))))
def test_scores_always_in_range_or_none(scores: dict[str, int | None]) -> None:
    p = readiness.assess_pillar("society", scores)
    present = [v for v in scores.values() if v is not None]
    if present:
        assert p.score is not None and 1.0 <= p.score <= 5.0
        assert min(present) - 1e-12 <= p.score <= max(present) + 1e-12
    else:
        assert p.score is None
