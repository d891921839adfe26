"""Screening report (method.md §8): share screened, items strengthened, never addressed, risks open."""

from __future__ import annotations

import pytest

from kotacerdas.method import MethodError
from kotacerdas.method.actionplan import ConsultationState, ScreenedActivity, ScreeningState, screening_report

CATALOGUE = ("Penyang Hinje Simpei", "Bukit Batu", "Handep", "Tiwah")


def activities() -> list[ScreenedActivity]:
    done = [ConsultationState("Damang", "done")]
    return [
        ScreenedActivity("GOV-01", "governance", "Diskominfo", True, [ScreeningState("Penyang Hinje Simpei", "memperkuat")]),
        ScreenedActivity("BRA-01", "branding", "Disbudpar", False, [
            ScreeningState("Bukit Batu", "berisiko", mitigation="zona inti dijaga", consultations=done),
        ]),
        ScreenedActivity("BRA-02", "branding", "Disbudpar", False, [
            ScreeningState("Bukit Batu", "berisiko", mitigation=""),
            ScreeningState("Handep", "menyesuaikan"),
        ]),
        ScreenedActivity("ECO-01", "economy", "Diskominfo", False, []),
        ScreenedActivity("ECO-02", "economy", "Disdag", True, []),
    ]  # fmt: skip


def test_overall_figures() -> None:
    overall = screening_report(activities(), CATALOGUE).overall
    assert (overall.activities, overall.screened) == (5, 4)
    assert overall.share == pytest.approx(0.8)
    assert overall.strengthened == ("Penyang Hinje Simpei",)
    assert overall.adapted == ("Handep",)
    assert overall.at_risk == ("Bukit Batu",)
    assert overall.never_addressed == ("Tiwah",)
    assert overall.open_risks == (("BRA-02", "Bukit Batu"),)  # BRA-01 is mitigated and consulted
    assert overall.unscreened == ("ECO-01",)


def test_per_pillar_and_agency_in_given_order_then_others() -> None:
    report = screening_report(activities(), CATALOGUE, pillars=("governance", "living"), agencies=("Disdag",))
    assert list(report.by_pillar) == ["governance", "living", "branding", "economy"]
    assert report.by_pillar["living"].share is None  # no activities: no share, not 0
    assert report.by_pillar["economy"].share == pytest.approx(0.5)
    assert report.by_pillar["branding"].never_addressed == ("Penyang Hinje Simpei", "Tiwah")
    assert list(report.by_agency) == ["Disdag", "Diskominfo", "Disbudpar"]
    assert report.by_agency["Disbudpar"].open_risks == (("BRA-02", "Bukit Batu"),)
    assert report.by_agency["Diskominfo"].strengthened == ("Penyang Hinje Simpei",)


def test_items_must_be_in_the_catalogue() -> None:
    with pytest.raises(MethodError, match="not in the local wisdom catalogue"):
        screening_report(
            [ScreenedActivity("A", "economy", "X", True, [ScreeningState("Nope", "memperkuat")])], CATALOGUE
        )
