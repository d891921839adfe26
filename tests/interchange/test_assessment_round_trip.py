"""Bimtek I and II in the region file: export → import under a new slug → export is identical apart from the slug."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kotacerdas.assessment.models import (
    Driver,
    IgnoredPairing,
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
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.interchange.region_file import export_region, import_document

NEW_KEYS = [
    "readiness",
    "swot",
    "strategies",
    "ignored_pairings",
    "maturity",
    "peers",
    "indicators",
    "drivers",
    "scenarios",
    "plan",
]


def _through_json(document: dict) -> dict:
    return json.loads(json.dumps(document, ensure_ascii=False))


def _without_slug(document: dict) -> dict:
    return {**document, "region": {**document["region"], "slug": None}}


def _pillar(slug: str) -> Pillar:
    return Pillar.objects.get(framework__slug="kominfo-2021", slug=slug)


@pytest.fixture
def assessed(full_region, world):
    """``full_region`` with every kind of bimtek I and II record, entered as the pages would (factor ``order`` 0,
    ratings by several agencies, decimals, a missing value, two peers sharing a name, axes, weights)."""
    region = full_region
    gov, eco = _pillar("governance"), _pillar("economy")
    sdm = ReadinessAspect.objects.get(
        element__framework__slug="kominfo-2021", element__slug="struktur", slug="sdm"
    )
    digital = ReadinessAspect.objects.get(element__slug="infrastruktur", slug="digital")
    ReadinessScore.objects.create(
        region=region,
        pillar=gov,
        aspect=digital,
        score=4,
        narrative="Jaringan serat optik.",
        agency=world.diskominfo,
    )
    ReadinessScore.objects.create(
        region=region, pillar=gov, aspect=sdm, score=None, evidence="Belum dinilai."
    )
    ReadinessScore.objects.create(
        region=region, pillar=eco, aspect=sdm, score=2, illustrative=True, source="Contoh"
    )

    def factor(pillar, kind, text, *ratings, weight=None, agency=None):
        f = SwotFactor.objects.create(
            region=region, pillar=pillar, kind=kind, text=text, weight=weight, agency=agency
        )
        for rater, importance, rating in ratings:
            SwotRating.objects.create(
                region=region, factor=f, agency=rater, importance=importance, rating=rating
            )
        return f

    t1 = factor(gov, "T", "Ancaman siber.", (world.diskominfo, 4, 3))
    s1 = factor(
        gov,
        "S",
        "Serat optik 162 km.",
        (world.dinkes, 3, 3),
        (world.diskominfo, 5, 4),
        agency=world.diskominfo,
    )
    w1 = factor(gov, "W", "46 desa tanpa sinyal.", (world.bappelitbang, 4, 4))
    o1 = factor(gov, "O", "Program BTS nasional.", (world.diskominfo, 5, 4))
    s2 = factor(gov, "S", "Perbup 61/2019 tentang SPBE.", weight=Decimal("0.1234"))
    factor(eco, "S", "Rotan bersertifikat FSC.", weight=Decimal("1"), agency=world.bappelitbang)
    strategy = Strategy.objects.create(
        region=region,
        pillar=gov,
        kind="SO",
        code="GOV-SO1",
        text="Perluas layanan daring.",
        agency=world.diskominfo,
    )
    strategy.factors.set([o1, s2, s1])
    Strategy.objects.create(region=region, pillar=gov, kind="WT", text="Tanpa faktor.", illustrative=True)
    IgnoredPairing.objects.create(region=region, internal=w1, external=t1)
    service = Element.objects.get(pillar=gov, slug="service")
    MaturityLevel.objects.create(region=region, element=service, current=2, target=4, evidence="SPBE.")
    MaturityLevel.objects.create(region=region, element=Element.objects.get(pillar=eco, slug="welfare"))
    gumas = Peer.objects.create(region=region, name="Gunung Mas", province="Kalimantan Tengah", order=2)
    bogor_kab = Peer.objects.create(region=region, name="Bogor", kind="kabupaten", order=3)
    bogor_kota = Peer.objects.create(region=region, name="Bogor", kind="kota", order=3, illustrative=True)
    poverty = Indicator.objects.create(
        region=region,
        pillar=eco,
        code="MISKIN",
        name="Persentase penduduk miskin",
        unit="%",
        direction="lower",
        weight=Decimal("1.5"),
        year=2024,
        target=Decimal("3.75"),
        agency=world.bappelitbang,
        source="databoks (BPS)",
    )
    for peer, year, value in [
        (None, 2024, "5.26"),
        (None, 2023, "4.99"),
        (gumas, 2024, "5.68"),
        (bogor_kota, 2024, "0.1"),
        (bogor_kab, 2024, "7.0001"),
    ]:
        IndicatorValue.objects.create(
            region=region, indicator=poverty, peer=peer, year=year, value=Decimal(value)
        )
    population = Indicator.objects.create(region=region, pillar=gov, code="PENDUDUK", name="Jumlah penduduk")
    IndicatorValue.objects.create(region=region, indicator=population, year=2023, value=Decimal("169360"))
    IndicatorValue.objects.create(
        region=region, indicator=population, year=2020, value=Decimal("12345678901.2345")
    )
    politics = Driver.objects.create(
        region=region, name="Pilkada 2024", category="political", impact=4, uncertainty=5
    )
    towers = Driver.objects.create(
        region=region, name="BTS 4G", category="technological", impact=5, uncertainty=3, description="Menara."
    )
    scenario = Scenario.objects.create(region=region, cell="low_low", name="Terisolasi", narrative="Sulit.")
    ScenarioImplication.objects.create(region=region, scenario=scenario, pillar=eco, text="Ekonomi lesu.")
    ScenarioImplication.objects.create(region=region, scenario=scenario, pillar=gov, text="Layanan manual.")
    Scenario.objects.create(region=region, cell="high_high", name="Katingan Terhubung", illustrative=True)
    PlanSettings.objects.create(
        region=region,
        start_year=2023,
        horizon_year=2032,
        maturity_weights={"environment": 1, "governance": 2.5},
        axis_x=towers,
        axis_y=politics,
    )
    return region


def test_the_new_keys_round_trip_exactly(assessed):
    first = _through_json(export_region(assessed))
    start = list(first).index(NEW_KEYS[0])
    assert list(first)[start : start + len(NEW_KEYS)] == NEW_KEYS  # the action plan's keys follow
    copy = import_document(first, slug="katingan-salinan")
    second = _through_json(export_region(copy))
    assert _without_slug(second) == _without_slug(first)
    third = _through_json(export_region(import_document(second, slug="katingan-salinan-2")))
    assert _without_slug(third) == _without_slug(first)
    assert json.dumps(_without_slug(third), sort_keys=False) == json.dumps(
        _without_slug(first), sort_keys=False
    )


def test_the_exported_shapes(assessed):
    doc = _through_json(export_region(assessed))
    assert [(r["pillar"], r["element"], r["aspect"], r["score"]) for r in doc["readiness"]] == [
        ("governance", "struktur", "sdm", None),
        ("governance", "infrastruktur", "digital", 4),
        ("economy", "struktur", "sdm", 2),
    ]
    assert doc["readiness"][1]["agency"] == "Diskominfostandi"
    assert [f["ref"] for f in doc["swot"]] == [
        "governance-S1",
        "governance-S2",
        "governance-W1",
        "governance-O1",
        "governance-T1",
        "economy-S1",
    ]
    s1 = doc["swot"][0]
    assert s1 == {
        "ref": "governance-S1",
        "pillar": "governance",
        "kind": "S",
        "text": "Serat optik 162 km.",
        "weight": None,
        "agency": "Diskominfostandi",
        "ratings": [
            {"agency": "Dinkes", "importance": 3, "rating": 3, "source": "", "illustrative": False},
            {"agency": "Diskominfostandi", "importance": 5, "rating": 4, "source": "", "illustrative": False},
        ],
        "source": "",
        "illustrative": False,
    }
    assert doc["swot"][1]["weight"] == 0.1234
    assert doc["swot"][5]["weight"] == 1 and isinstance(doc["swot"][5]["weight"], int)
    assert doc["strategies"][0]["factors"] == ["governance-S1", "governance-S2", "governance-O1"]
    assert doc["strategies"][1]["factors"] == []
    assert doc["ignored_pairings"] == [
        {"internal": "governance-W1", "external": "governance-T1", "source": "", "illustrative": False}
    ]
    assert [(m["pillar"], m["element"], m["current"], m["target"]) for m in doc["maturity"]] == [
        ("governance", "service", 2, 4),
        ("economy", "welfare", None, None),
    ]
    poverty = next(i for i in doc["indicators"] if i["code"] == "MISKIN")
    assert (poverty["weight"], poverty["target"], poverty["direction"]) == (1.5, 3.75, "lower")
    assert [(v["peer"], v["year"], v["value"]) for v in poverty["values"]] == [
        (None, 2023, 4.99),
        (None, 2024, 5.26),
        ("Gunung Mas", 2024, 5.68),
        ("Bogor (kabupaten)", 2024, 7.0001),
        ("Bogor (kota)", 2024, 0.1),
    ]
    population = next(i for i in doc["indicators"] if i["code"] == "PENDUDUK")
    assert population["values"][1]["value"] == 169360 and isinstance(population["values"][1]["value"], int)
    assert population["weight"] == 1 and population["target"] is None
    assert [d["name"] for d in doc["drivers"]] == ["BTS 4G", "Pilkada 2024"]
    assert [s["cell"] for s in doc["scenarios"]] == ["high_high", "low_low"]
    assert doc["scenarios"][1]["implications"] == {
        "governance": "Layanan manual.",
        "economy": "Ekonomi lesu.",
    }
    assert doc["plan"] == {
        "start_year": 2023,
        "horizon_year": 2032,
        "maturity_weights": {"governance": 2.5, "environment": 1},
        "axis_x": "BTS 4G",
        "axis_y": "Pilkada 2024",
        "source": "",
        "illustrative": False,
    }


def test_the_copy_has_its_own_rows_and_the_same_numbers(assessed):
    copy = import_document(_through_json(export_region(assessed)), slug="katingan-salinan")
    assert SwotFactor.objects.filter(region=copy).count() == 6
    assert SwotRating.objects.filter(factor__region=copy).count() == 5
    for rating in SwotRating.objects.filter(factor__region=copy):
        assert rating.agency.region_id == copy.pk and rating.region_id == copy.pk
    strategy = Strategy.objects.get(region=copy, code="GOV-SO1")
    assert {f.text for f in strategy.factors.all()} == {
        "Serat optik 162 km.",
        "Perbup 61/2019 tentang SPBE.",
        "Program BTS nasional.",
    }
    assert all(f.region_id == copy.pk for f in strategy.factors.all())
    assert SwotFactor.objects.get(region=copy, text__startswith="Perbup").weight == Decimal("0.1234")
    values = {
        (v.peer.name if v.peer else None, v.year): v.value
        for v in IndicatorValue.objects.filter(indicator__region=copy, indicator__code="MISKIN")
    }
    assert values[(None, 2023)] == Decimal("4.99") and values[("Gunung Mas", 2024)] == Decimal("5.68")
    big = IndicatorValue.objects.get(indicator__region=copy, indicator__code="PENDUDUK", year=2020)
    assert big.value == Decimal("12345678901.2345")  # 15 significant digits: exact through a JSON number
    plan = PlanSettings.objects.get(region=copy)
    assert (plan.axis_x.region_id, plan.axis_x.name, plan.axis_y.name) == (copy.pk, "BTS 4G", "Pilkada 2024")
    implication = ScenarioImplication.objects.get(scenario__region=copy, pillar__slug="economy")
    assert implication.region_id == copy.pk
    records = Strategy.history.filter(region_id=copy.pk)
    assert records.count() == 3  # two created, and the factors of one linked
    assert all("kotacerdas-region/1" in r.history_change_reason for r in records)


def test_a_region_without_assessment_exports_empty_keys_and_null_plan(full_region):
    doc = export_region(full_region)
    assert {key: doc[key] for key in NEW_KEYS} == {**{key: [] for key in NEW_KEYS[:-1]}, "plan": None}


def test_a_file_without_the_new_keys_still_imports(full_region):
    doc = _through_json(export_region(full_region))
    for key in NEW_KEYS:
        del doc[key]
    copy = import_document(doc, slug="tanpa-analisis")
    again = export_region(copy)
    assert again["swot"] == [] and again["plan"] is None
    assert PlanSettings.objects.filter(region=copy).count() == 0


def test_hand_written_refs_are_kept_and_links_follow_them(full_region):
    doc = _through_json(export_region(full_region))
    doc["swot"] = [
        {"ref": "kuat-serat", "pillar": "governance", "kind": "S", "text": "Serat optik."},
        {"ref": "peluang-bts", "pillar": "governance", "kind": "O", "text": "BTS."},
        {"ref": "kuat-perbup", "pillar": "governance", "kind": "S", "text": "Perbup."},
    ]
    doc["strategies"] = [
        {
            "pillar": "governance",
            "kind": "SO",
            "text": "Gabungkan.",
            "factors": ["kuat-perbup", "peluang-bts"],
        }
    ]
    again = export_region(import_document(doc, slug="tulisan-tangan"))
    # Refs are stored as given: a workbook or file that names a factor keeps naming the same one.
    assert [f["ref"] for f in again["swot"]] == ["kuat-serat", "kuat-perbup", "peluang-bts"]
    assert [f["text"] for f in again["swot"]] == ["Serat optik.", "Perbup.", "BTS."]
    assert again["strategies"][0]["factors"] == ["kuat-perbup", "peluang-bts"]
    assert again["swot"][0]["ratings"] == []
