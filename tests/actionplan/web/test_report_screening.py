"""The screening report: share screened, items strengthened, items never addressed and open risks, per pillar and
per agency."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_screening_report_rows(plan, login):
    client = login(plan.world.user("reviewer_dewan"))
    response = client.get("/d/katingan/rencana-aksi/laporan/penapisan/")
    assert response.status_code == 200
    by_agency = {row["title"]: row for row in response.context["by_agency"]}
    assert by_agency["Diskominfostandi"]["g"].activities == 2
    assert by_agency["Diskominfostandi"]["share"] == "100%"
    assert [(a.ref, item) for a, item in by_agency["Diskominfostandi"]["open_risks"]] == [
        ("GOV-02", "Bukit Batu")
    ]
    assert [i.name for i in by_agency["Dinkes"]["strengthened"]] == ["Penyang Hinje Simpei"]
    by_pillar = {row["title"]: row for row in response.context["by_pillar"]}
    assert by_pillar["Smart Living"]["open_risks"] == []
    assert by_pillar["Smart Branding"]["g"].activities == 0
    assert by_pillar["Smart Branding"]["share"] == "–"
    never = [i.name for i in response.context["never_addressed"]]
    assert "Bukit Batu" not in never and "Penyang Hinje Simpei" not in never
    page = response.content.decode()
    assert "Risiko terbuka" in page and "Bukit Batu" in page
