"""The funding rules per source (docs/funding.md): each refusal with its passing twin, each warning with its basis."""

from __future__ import annotations

import pytest

from kotacerdas.method import funding
from kotacerdas.method.funding import REFUSAL, WARNING, FundingCase


def rules(case: FundingCase) -> list[tuple[str, str]]:
    return [(f.level, f.rule) for f in funding.check(case)]


def test_the_slugs_are_the_contracts():
    assert funding.SOURCES == ("apbd", "bankeu_provinsi", "dak", "apbn", "dana_desa", "csr", "kpbu", "hibah")
    assert funding.LEGACY == ("other",)


def test_kpbu_for_governance_is_refused_and_its_infrastructure_twin_passes():
    refused = funding.check(FundingCase("kpbu", infrastructure="governance", locations=1, horizon="long"))
    assert [(f.level, f.rule) for f in refused if f.level == REFUSAL] == [(REFUSAL, "kpbu_infrastructure")]
    assert "Perpres 38/2015" in refused[0].basis
    assert "infrastruktur" in refused[0].message("id") and "infrastructure" in refused[0].message("en")
    for kind in ("physical", "economic", "social"):
        twin = FundingCase("kpbu", infrastructure=kind, locations=1, horizon="long")
        assert funding.refusals(twin) == []
        assert rules(twin) == [(WARNING, "kpbu_preparation")]


def test_kpbu_on_a_short_horizon_is_warned_not_refused():
    case = FundingCase("kpbu", infrastructure="economic", locations=1, horizon="quick_win")
    assert rules(case) == [(WARNING, "kpbu_preparation"), (WARNING, "kpbu_horizon")]


def test_dana_desa_without_location_is_refused_and_with_one_passes():
    refused = FundingCase("dana_desa", infrastructure="social", locations=0)
    assert [f.rule for f in funding.refusals(refused)] == ["dana_desa_location"]
    assert "UU 6/2014" in funding.refusals(refused)[0].basis
    twin = FundingCase("dana_desa", infrastructure="social", locations=3)
    assert funding.refusals(twin) == []
    assert rules(twin) == [(WARNING, "dana_desa_advisory")]
    # the advisory warning says what the plan cannot promise: the ceiling is advice, villages decide
    text = funding.warnings(twin)[0].message("id")
    assert "Musyawarah Desa" in text and "anjuran" in text


def test_apbd_has_no_finding():
    for kind in ("physical", "economic", "social", "governance"):
        assert funding.check(FundingCase("apbd", infrastructure=kind, locations=0, mandatory=True)) == []


@pytest.mark.parametrize(
    ("source", "rule", "basis"),
    [
        ("apbn", "apbn_proposal", "PP 7/2008"),
        ("dana_desa", "dana_desa_advisory", "UU 6/2014"),
        ("csr", "csr_voluntary", "UU 40/2007"),
        ("hibah", "hibah_agreement", "PP 2/2012"),
        ("bankeu_provinsi", "bankeu_annual", "PP 12/2019"),
        ("dak", "dak_menu", "UU 1/2022"),
        ("other", "legacy_other", "kotacerdas"),
    ],
)
def test_each_soft_source_warns_with_its_regulation(source, rule, basis):
    found = funding.check(FundingCase(source, infrastructure="social", locations=2, horizon="medium"))
    assert [(f.level, f.rule) for f in found] == [(WARNING, rule)]
    assert basis in found[0].basis
    assert found[0].message("id") != found[0].message("en")
    assert found[0].text("id").endswith(f"({found[0].basis})")


def test_apbn_is_a_proposal_not_a_promise():
    text = funding.warnings(FundingCase("apbn", infrastructure="physical", locations=4))[0].message("id")
    assert "kementerian/lembaga" in text and "tidak menjanjikan" in text


@pytest.mark.parametrize("source", ["apbn", "dana_desa", "csr", "hibah"])
def test_a_mandatory_activity_on_money_decided_by_others_asks_for_a_fallback(source):
    mandatory = FundingCase(source, infrastructure="social", locations=1, mandatory=True)
    optional = FundingCase(source, infrastructure="social", locations=1, mandatory=None)
    assert (WARNING, "mandatory_not_ours") in rules(mandatory)
    assert (WARNING, "mandatory_not_ours") not in rules(optional)


def test_refusals_come_before_warnings_and_both_can_hold():
    found = funding.check(FundingCase("dana_desa", infrastructure="social", locations=0, mandatory=True))
    assert [(f.level, f.rule) for f in found] == [
        (REFUSAL, "dana_desa_location"),
        (WARNING, "dana_desa_advisory"),
        (WARNING, "mandatory_not_ours"),
    ]


def test_an_unknown_source_is_refused():
    assert rules(FundingCase("apbn/dak")) == [(REFUSAL, "unknown")]


def test_advisory_ceilings_are_every_source_but_apbd():
    assert set(funding.ADVISORY_CEILINGS) == set(funding.SOURCES) - {"apbd"}
