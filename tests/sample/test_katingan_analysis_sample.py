"""The Katingan sample carries an illustrative but realistic bimtek I and II analysis drawn from katingan.md:
sourced facts keep their source, judgements are marked illustrative, and peer figures are the real ones."""

from __future__ import annotations

from collections import Counter, defaultdict
from decimal import Decimal

import pytest

from kotacerdas.assessment.models import (
    Driver,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    ReadinessScore,
    Scenario,
    ScenarioImplication,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.framework.reference import PILLAR_SLUGS

pytestmark = pytest.mark.django_db

ILLUSTRATIVE = "(contoh ilustratif)"

# Copied by hand from ../shared/reference/katingan.md §5–§6: (indicator code, peer or None for Katingan, year).
FIGURES = {
    ("MISKIN", None, 2023): "4.99",
    ("MISKIN", None, 2024): "5.26",
    ("MISKIN", "Kotawaringin Timur", 2022): "5.95",
    ("MISKIN", "Gunung Mas", 2024): "5.68",
    ("MISKIN", "Pulang Pisau", 2024): "4.56",
    ("MISKIN", "Seruyan", 2022): "7.43",
    ("MISKIN", "Barito Utara", 2024): "5.67",
    ("MISKIN", "Barito Selatan", 2024): "4.83",
    ("MISKIN", "Barito Timur", 2024): "6.66",
    ("MISKIN", "Kapuas", 2024): "5.25",
    ("PENDUDUK", None, 2020): "162222",
    ("PENDUDUK", None, 2022): "163989",
    ("PENDUDUK", None, 2023): "169360",
    ("PENDUDUK", "Kotawaringin Timur", 2022): "436079",
    ("PENDUDUK", "Gunung Mas", 2023): "142835",
    ("PENDUDUK", "Pulang Pisau", 2022): "136221",
    ("PENDUDUK", "Seruyan", 2023): "154388",
    ("PENDUDUK", "Seruyan", 2024): "158282",
    ("PENDUDUK", "Barito Utara", 2023): "160605",
    ("PENDUDUK", "Barito Selatan", 2024): "136856",
    ("PENDUDUK", "Barito Timur", 2024): "118021",
    ("BLANKSPOT", None, 2018): "46",
    ("BLANKSPOT", "Kotawaringin Timur", 2022): "65",
    ("BLANKSPOT", "Kotawaringin Barat", 2022): "20",
    ("BLANKSPOT", "Palangka Raya", 2022): "7",
    ("BLANKSPOT", "Gunung Mas", 2023): "17",
    ("BLANKSPOT", "Seruyan", 2024): "46",
    ("EKPPD", None, 2019): "2.8454",
    ("EKPPD", "Kotawaringin Barat", 2019): "3.0538",
    ("EKPPD", "Palangka Raya", 2019): "3.1152",
    ("EKPPD", "Barito Utara", 2019): "3.2203",
}

PEERS = {
    "Kotawaringin Timur": "kabupaten",
    "Kotawaringin Barat": "kabupaten",
    "Palangka Raya": "kota",
    "Gunung Mas": "kabupaten",
    "Pulang Pisau": "kabupaten",
    "Seruyan": "kabupaten",
    "Barito Utara": "kabupaten",
    "Barito Selatan": "kabupaten",
    "Barito Timur": "kabupaten",
    "Kapuas": "kabupaten",
}


@pytest.fixture
def region(loaded_katingan):
    return loaded_katingan.region


def test_at_least_three_factors_of_each_kind_for_every_pillar(region):
    counts = Counter(SwotFactor.objects.filter(region=region).values_list("pillar__slug", "kind"))
    for pillar in PILLAR_SLUGS:
        for kind in "SWOT":
            assert counts[(pillar, kind)] >= 3, (pillar, kind)


def test_every_factor_is_rated_by_one_to_three_agencies_within_the_scales(region):
    for factor in SwotFactor.objects.filter(region=region):
        ratings = list(SwotRating.objects.filter(factor=factor))
        assert 1 <= len(ratings) <= 3, factor.text
        assert factor.agency is not None and factor.weight is None
        for rating in ratings:
            assert 1 <= rating.importance <= 5 and 1 <= rating.rating <= 4
            assert rating.illustrative and rating.agency.region_id == region.pk


def test_factors_are_sourced_or_marked_illustrative(region):
    factors = list(SwotFactor.objects.filter(region=region))
    for factor in factors:
        assert (ILLUSTRATIVE in factor.text) == factor.illustrative, factor.text
        if not factor.illustrative:
            assert factor.source.strip(), factor.text
    texts = " ".join(f.text for f in factors)
    for fact in ("162 km", "Perbup Katingan No. 61/2019", "46 desa tanpa sinyal", "118 BTS", "2,8454", "PETI",
                 "FSC", "Penyang Hinje Simpei"):  # fmt: skip
        assert fact in texts, fact


def test_at_least_two_strategies_per_pillar_linked_to_factors_of_their_kind(region):
    per_pillar = Counter()
    for strategy in Strategy.objects.filter(region=region).select_related("pillar"):
        per_pillar[strategy.pillar.slug] += 1
        factors = list(strategy.factors.all())
        assert len(factors) >= 2, strategy.code
        assert {f.pillar_id for f in factors} == {strategy.pillar_id}
        assert {f.kind for f in factors} == set(strategy.kind), strategy.code
        assert strategy.illustrative and ILLUSTRATIVE in strategy.text
    assert all(per_pillar[p] >= 2 for p in PILLAR_SLUGS), per_pillar


def test_readiness_is_scored_except_a_few_cells(region):
    rows = list(ReadinessScore.objects.filter(region=region))
    scored = [r for r in rows if r.score is not None]
    assert 45 <= len(scored) < 54
    assert any(r.score is None for r in rows)  # entered but left unscored
    assert len(rows) < 54  # and cells not entered at all
    assert all(r.narrative.strip() and r.illustrative for r in rows)


def test_maturity_for_the_elements_with_one_or_two_left_unassessed(region):
    rows = list(MaturityLevel.objects.filter(region=region))
    assessed = [m for m in rows if m.current is not None]
    assert 16 <= len(assessed) < 18
    for level in assessed:
        assert level.target >= level.current and level.evidence.strip()


def test_plan_settings(region):
    plan = PlanSettings.objects.get(region=region)
    assert (plan.start_year, plan.horizon_year) == (2023, 2032)
    assert {plan.axis_x.category, plan.axis_y.category} == {"technological", "economic"}


def test_the_peers_are_the_central_kalimantan_regions_of_katingan_md(region):
    peers = {p.name: p for p in Peer.objects.filter(region=region)}
    assert {name: p.kind for name, p in peers.items()} == PEERS
    for peer in peers.values():
        assert peer.province == "Kalimantan Tengah" and peer.source.strip() and not peer.illustrative


def test_peer_and_own_figures_equal_katingan_md(region):
    stored = {
        (v.indicator.code, v.peer.name if v.peer else None, v.year): v.value
        for v in IndicatorValue.objects.filter(indicator__region=region).select_related("indicator", "peer")
    }
    assert stored == {key: Decimal(value) for key, value in FIGURES.items()}
    for value in IndicatorValue.objects.filter(indicator__region=region):
        assert value.source.strip()


def test_missing_values_are_missing_never_zero(region):
    assert not IndicatorValue.objects.filter(indicator__region=region, value=0).exists()
    values = defaultdict(set)
    for v in IndicatorValue.objects.filter(indicator__region=region).select_related("indicator", "peer"):
        values[v.indicator.code].add(v.peer.name if v.peer else None)
    assert "Kotawaringin Barat" not in values["MISKIN"]  # only the number of poor people is known
    assert "Palangka Raya" not in values["PENDUDUK"] and "Kapuas" not in values["PENDUDUK"]


def test_indicator_directions(region):
    directions = {i.code: (i.direction, i.year) for i in Indicator.objects.filter(region=region)}
    assert directions["MISKIN"] == ("lower", 2024)
    assert directions["BLANKSPOT"][0] == "lower"
    assert directions["EKPPD"] == ("higher", 2019)
    assert directions["PENDUDUK"][1] is None  # a history for projection, not a competitiveness indicator


def test_drivers_cover_pestel_and_scenarios_fill_the_frame(region):
    drivers = list(Driver.objects.filter(region=region))
    assert len(drivers) >= 6
    assert {d.category for d in drivers} == set(Driver.Category.values)
    assert all(d.illustrative and 1 <= d.impact <= 5 and 1 <= d.uncertainty <= 5 for d in drivers)
    scenarios = list(Scenario.objects.filter(region=region))
    assert {s.cell for s in scenarios} == set(Scenario.Cell.values)
    for scenario in scenarios:
        assert scenario.name and scenario.narrative and scenario.illustrative
        pillars = set(
            ScenarioImplication.objects.filter(scenario=scenario).values_list("pillar__slug", flat=True)
        )
        assert pillars == set(PILLAR_SLUGS)
