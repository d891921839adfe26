"""`kotacerdas analyze REGION --json`: the figures of method.md, computed by hand here, with null for no data."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from kotacerdas.assessment.models import Indicator, IndicatorValue, MaturityLevel, Peer, ReadinessScore
from kotacerdas.cli import main
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect

PILLARS = ["governance", "branding", "economy", "living", "society", "environment"]


def analyze_json(capsys, slug="katingan") -> dict:
    assert main(["analyze", slug, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.django_db
def test_empty_region_is_all_null_never_zero(world, capsys):
    doc = analyze_json(capsys)
    assert doc["region"] == "katingan"
    assert doc["readiness"] is None and doc["maturity_index"] is None
    assert list(doc["pillars"]) == PILLARS
    for pillar in doc["pillars"].values():
        assert pillar == {
            "readiness": None,
            "swot": dict.fromkeys(["s", "w", "o", "t", "x", "y", "quadrant", "ife", "efe", "ie_cell"]),
            "maturity": {"index": None, "predicate": None, "target": None},
            "competitiveness": {"score": None, "rank": None},
        }


@pytest.mark.django_db
def test_method_worked_example_through_the_workspace(world, add_factor, capsys):
    # method.md §3 worked example, with the weights entered directly (each factor rated by one agency).
    a = world.diskominfo
    for kind, weight, rating in [("S", "0.20", 4), ("S", "0.15", 3), ("W", "0.25", 4), ("W", "0.40", 2),
                                 ("O", "0.30", 4), ("O", "0.20", 2), ("T", "0.50", 3)]:  # fmt: skip
        add_factor("governance", kind, f"{kind} {weight}", (a, 3, rating), weight=Decimal(weight))
    swot = analyze_json(capsys)["pillars"]["governance"]["swot"]
    # S = .2·4 + .15·3 = 1.25; W = .25·4 + .4·2 = 1.80; O = .3·4 + .2·2 = 1.60; T = .5·3 = 1.50
    assert swot == {
        "s": 1.25, "w": 1.8, "o": 1.6, "t": 1.5, "x": -0.55, "y": 0.1, "quadrant": 3,
        "ife": 2.7, "efe": 2.6, "ie_cell": 5,
    }  # fmt: skip


@pytest.mark.django_db
def test_importances_and_several_agencies(world, add_factor, capsys):
    # One strength rated by two agencies: importance (4+2)/2 = 3, rating (3+4)/2 = 3.5; a weakness importance 1,
    # rating 2. Internal weights 3/4 and 1/4: S = .75·3.5 = 2.625, W = .25·2 = .5, x = 2.125,
    # IFE = 2.625 + .25·(5−2) = 3.375 (strong). No external factor: no quadrant, no EFE, no IE cell.
    add_factor("economy", "S", "Rotan", (world.diskominfo, 4, 3), (world.dinkes, 2, 4))
    add_factor("economy", "W", "Sinyal", (world.dinkes, 1, 2))
    swot = analyze_json(capsys)["pillars"]["economy"]["swot"]
    assert swot["s"] == 2.625 and swot["w"] == 0.5 and swot["x"] == 2.125 and swot["ife"] == 3.375
    assert swot["o"] is None and swot["y"] is None and swot["quadrant"] is None and swot["ie_cell"] is None


@pytest.mark.django_db
def test_readiness_and_maturity(world, capsys):
    governance = Pillar.objects.get(slug="governance")
    for slug, score in [("sdm", 4), ("anggaran", 3), ("tata_kelola", 5), ("fisik", None)]:
        ReadinessScore.objects.create(
            region=world.katingan,
            pillar=governance,
            aspect=ReadinessAspect.objects.get(slug=slug),
            score=score,
        )
    for slug, current, target in [("service", 2, 4), ("bureaucracy", 3, 3)]:
        MaturityLevel.objects.create(
            region=world.katingan, element=Element.objects.get(pillar=governance, slug=slug),
            current=current, target=target,
        )  # fmt: skip
    doc = analyze_json(capsys)
    # readiness: mean(4, 3, 5) = 4.0; the unscored aspect is left out; the region mean is over scored pillars only
    assert doc["pillars"]["governance"]["readiness"] == 4.0
    assert doc["readiness"] == 4.0
    assert doc["pillars"]["branding"]["readiness"] is None
    # maturity: mean(2, 3) = 2.5 -> Cukup (1.8 <= 2.5 < 2.6); target mean(4, 3) = 3.5
    assert doc["pillars"]["governance"]["maturity"] == {"index": 2.5, "predicate": "Cukup", "target": 3.5}
    assert doc["maturity_index"] == 2.5


@pytest.mark.django_db
def test_competitiveness_score_and_rank(world, capsys):
    # Poverty % 2024 (katingan.md §6), lower is better: Katingan 5.26, Gunung Mas 5.68, Pulang Pisau 4.56.
    # min 4.56, max 5.68: Katingan 100·(5.68 − 5.26)/(5.68 − 4.56) = 37.5, rank 2 of 3.
    economy = Pillar.objects.get(slug="economy")
    poverty = Indicator.objects.create(
        region=world.katingan, pillar=economy, code="MISKIN", name="Persentase penduduk miskin", unit="%",
        direction="lower", year=2024,
    )  # fmt: skip
    IndicatorValue.objects.create(region=world.katingan, indicator=poverty, year=2024, value=Decimal("5.26"))
    for order, (name, value) in enumerate(
        [("Gunung Mas", "5.68"), ("Pulang Pisau", "4.56"), ("Seruyan", None)]
    ):
        peer = Peer.objects.create(
            region=world.katingan, name=name, province="Kalimantan Tengah", order=order
        )
        if value is not None:
            IndicatorValue.objects.create(
                region=world.katingan, indicator=poverty, peer=peer, year=2024, value=Decimal(value)
            )
    doc = analyze_json(capsys)
    assert doc["pillars"]["economy"]["competitiveness"] == {"score": 37.5, "rank": 2}
    assert doc["pillars"]["governance"]["competitiveness"] == {"score": None, "rank": None}


@pytest.mark.django_db
def test_table_output_and_unknown_region(world, add_factor, capsys):
    add_factor("governance", "S", "Fiber optik 162 km", (world.diskominfo, 5, 4))
    assert main(["analyze", "katingan"]) == 0
    out = capsys.readouterr().out
    assert "Smart Governance" in out and "Predikat" in out
    assert "no external factors" in out
    assert main(["analyze", "tidak-ada"]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
