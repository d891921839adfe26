"""The approval gate of method.md §8: unscreened, or at risk without mitigation and done consultation."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import ConsultationState, ScreeningState, approval_blockers

DAMANG = "Damang Kepala Adat Kecamatan Katingan Hilir"


def risk(mitigation: str = "", *statuses: str, custodian: str = DAMANG) -> ScreeningState:
    return ScreeningState(
        "Bukit Batu",
        "berisiko",
        mitigation=mitigation,
        custodian=custodian,
        consultations=[ConsultationState(DAMANG, s) for s in statuses],
    )


def test_unscreened_activity_is_blocked() -> None:
    assert approval_blockers(False, []) == [
        "belum ditapis terhadap kearifan lokal: catat butir yang terkait, atau tandai "
        "'tidak ada kaitan dengan kearifan lokal'"
    ]
    assert approval_blockers(False, [], lang="en")[0].startswith("not yet screened against local wisdom")


def test_no_relation_found_may_be_approved() -> None:
    assert approval_blockers(True, []) == []


def test_strengthening_and_adapting_relations_need_nothing() -> None:
    relations = [
        ScreeningState("Penyang Hinje Simpei", "memperkuat"),
        ScreeningState("Handep", "menyesuaikan"),
    ]
    assert approval_blockers(False, relations) == []  # relations recorded = screened


def test_risk_without_mitigation_nor_consultation_names_both() -> None:
    assert approval_blockers(True, [risk()]) == [
        "Bukit Batu: berisiko tanpa mitigasi",
        f"Bukit Batu: berisiko tanpa konsultasi dengan pemangku ({DAMANG}) yang sudah dilaksanakan",
    ]


def test_risk_with_mitigation_and_only_a_planned_consultation_is_blocked() -> None:
    assert approval_blockers(True, [risk("Zona inti tidak dibangun", "planned")]) == [
        f"Bukit Batu: berisiko tanpa konsultasi dengan pemangku ({DAMANG}) yang sudah dilaksanakan"
    ]


def test_risk_with_mitigation_and_a_done_consultation_passes() -> None:
    assert approval_blockers(True, [risk("Zona inti tidak dibangun", "planned", "done")]) == []


def test_whitespace_is_no_mitigation() -> None:
    assert approval_blockers(True, [risk("  \n", "done")], lang="en") == [
        "Bukit Batu: at risk without a mitigation"
    ]


def test_custodian_unknown_in_the_catalogue() -> None:
    assert approval_blockers(True, [risk("ok", custodian="")], lang="en") == [
        "Bukit Batu: at risk without a consultation with the custodian that took place"
    ]


def test_every_risky_item_is_named() -> None:
    second = ScreeningState("Sungai Katingan", "berisiko", mitigation="", custodian="")
    blockers = approval_blockers(True, [risk("ok", "done"), second])
    assert [b.split(":")[0] for b in blockers] == ["Sungai Katingan", "Sungai Katingan"]


def test_malformed_relations() -> None:
    with pytest.raises(MethodError, match="unknown relation 'hmm'"):
        ScreeningState("X", "hmm")
    with pytest.raises(MethodError, match="unknown consultation status"):
        ConsultationState("Damang", "maybe")
    with pytest.raises(MethodError, match="expected actionplan.ScreeningState"):
        approval_blockers(True, [("Bukit Batu", "berisiko")])  # type: ignore[list-item]
