"""AHP weights (method.md §9) from Judgement rows: defaults created, weights per respondent and aggregated,
missing pairs reported, and inconsistent judgements blocking with the pair that disagrees most."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import Criterion

SLUGS = ["dampak", "urgensi", "keselarasan", "kesiapan", "biaya", "kearifan_lokal"]
#: Consistent weights 4:2:2:1:1:1 (every ratio is on Saaty's scale).
W = dict(zip(SLUGS, [4, 2, 2, 1, 1, 1], strict=True))


def consistent() -> dict[tuple[str, str], float]:
    return {(a, b): W[a] / W[b] for i, a in enumerate(SLUGS) for b in SLUGS[i + 1 :]}


def test_default_criteria_are_created_once(plan) -> None:
    assert services.criteria(plan.region) == []  # reading never writes
    assert services.ahp_result(plan.region).criteria == []
    assert not Criterion.objects.filter(region=plan.region).exists()
    first = services.ensure_default_criteria(plan.region)
    assert [c.slug for c in first] == SLUGS
    assert [c.slug for c in first if c.is_cost] == ["biaya"]
    assert services.ensure_default_criteria(plan.region) == first
    assert services.criteria(plan.region) == first
    assert Criterion.objects.filter(region=plan.region).count() == 6


def test_nothing_judged_yet(plan) -> None:
    services.ensure_default_criteria(plan.region)
    result = services.ahp_result(plan.region)
    assert not result.usable and result.weights is None
    assert result.problem == "Belum ada penilaian berpasangan (AHP): bobot kriteria belum dapat dihitung."


def test_consistent_judgements_give_the_weights(plan) -> None:
    plan.judge("Bappelitbang", consistent())
    result = services.ahp_result(plan.region)
    assert result.usable and result.consistent
    assert result.cr == pytest.approx(0.0, abs=1e-9)
    assert result.weights == pytest.approx(
        dict(zip(SLUGS, [4 / 11, 2 / 11, 2 / 11, 1 / 11, 1 / 11, 1 / 11], strict=True))
    )


def test_two_respondents_are_aggregated_by_geometric_mean(plan) -> None:
    plan.judge("A", consistent())
    plan.judge_equal("B")
    result = services.ahp_result(plan.region)
    # geometric mean of w and equal weights: proportional to sqrt(w) -> 2 : √2 : √2 : 1 : 1 : 1
    s = 2 + 2 * 2**0.5 + 3
    assert result.weights["dampak"] == pytest.approx(2 / s)
    assert result.weights["urgensi"] == pytest.approx(2**0.5 / s)
    assert [r.name for r in result.respondents] == ["A", "B"]


def test_missing_pairs_block_and_are_named(plan) -> None:
    judgements = consistent()
    del judgements[("dampak", "biaya")]
    del judgements[("kesiapan", "kearifan_lokal")]
    plan.judge("Dewan", judgements)
    result = services.ahp_result(plan.region)
    assert not result.usable
    assert [(a.slug, b.slug) for a, b in result.missing["Dewan"]] == [
        ("dampak", "biaya"),
        ("kesiapan", "kearifan_lokal"),
    ]
    assert (
        result.problem == "Responden Dewan belum menilai 2 pasangan: Dampak–Biaya, Kesiapan–Kearifan lokal."
    )


def test_an_inconsistent_respondent_blocks_naming_the_pair(plan) -> None:
    judgements = consistent()
    judgements[("dampak", "biaya")] = 1 / 9  # should be 4: the respondent flipped it
    plan.judge("Bappelitbang", judgements)
    result = services.ahp_result(plan.region)
    assert not result.consistent and not result.usable
    assert result.cr == pytest.approx(0.336, abs=0.001)
    assert (result.pair[0].slug, result.pair[1].slug) == ("dampak", "biaya")
    assert result.disagreement.judged == pytest.approx(1 / 9)
    assert result.problem == (
        "Penilaian berpasangan tidak konsisten (CR 0,336 > 0,10), sehingga bobot ini belum dapat dipakai. "
        "Perbandingan yang paling menyimpang: Dampak vs Biaya dinilai 1/9, padahal penilaian lainnya menyiratkan "
        "sekitar 1/1,51 (terdekat pada skala: 1/2)."
    )
    assert result.respondents[0].pair == result.pair
    ranked = services.priorities(plan.region)
    assert ranked.problem == result.problem and list(ranked) == []
    with pytest.raises(services.PrioritizationError, match="Dampak vs Biaya"):
        services.compute_plan(plan.region)
