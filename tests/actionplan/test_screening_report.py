"""Screening report (method.md §8) per pillar and per agency from the database."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan import services


def test_screening_report(plan, world) -> None:
    bukit = plan.item("Bukit Batu")
    penyang = plan.item("Penyang Hinje Simpei", custodian="")
    gov = plan.activity("GOV-01", screened=False)
    plan.screen(gov, penyang, "memperkuat")
    bra = plan.activity("BRA-01", pillar="branding", agency=world.dinkes, screened=False)
    plan.screen(bra, bukit, "berisiko", mitigation="Zona inti tidak dibangun")
    plan.activity("BRA-02", pillar="branding", agency=world.dinkes, screened=False)
    plan.activity("ECO-01", pillar="economy", screened=True)
    view = services.screening_report(plan.region)
    overall = view.report.overall
    assert (overall.activities, overall.screened) == (4, 3)
    assert overall.share == pytest.approx(0.75)
    assert overall.strengthened == ("Penyang Hinje Simpei",)
    assert overall.open_risks == (("BRA-01", "Bukit Batu"),)
    assert overall.never_addressed == ()
    branding = view.report.by_pillar["branding"]
    assert branding.share == pytest.approx(0.5) and branding.unscreened == ("BRA-02",)
    assert branding.never_addressed == ("Penyang Hinje Simpei",)
    assert view.report.by_pillar["living"].share is None
    assert list(view.report.by_agency) == ["Dinkes", "Diskominfostandi"]
    assert view.report.by_agency["Dinkes"].open_risks == (("BRA-01", "Bukit Batu"),)
    assert view.items["Bukit Batu"] == bukit and view.activities["BRA-01"] == bra
    assert view.pillars["branding"].slug == "branding" and view.agencies["Dinkes"] == world.dinkes
