"""The quick-win report: pillars without a quick win, quick wins missing a profile or risks."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import QuickWinProfile, Risk


@pytest.mark.django_db
def test_quick_win_report_rows(plan, login):
    client = login(plan.world.user("viewer"))
    response = client.get("/d/katingan/rencana-aksi/laporan/quick-win/")
    assert response.status_code == 200
    result = response.context["result"]
    assert "Smart Living" in [p.name for p in result.pillars_without_quick_win]
    assert "Smart Governance" not in [p.name for p in result.pillars_without_quick_win]
    rows = {row["a"].ref: row for row in response.context["rows"]}
    assert rows["GOV-01"]["no_profile"] and rows["GOV-01"]["no_risks"]
    page = response.content.decode()
    assert "belum ada profil" in page and "belum ada risiko" in page

    QuickWinProfile.objects.create(
        region=plan.world.katingan, activity=plan.gov1, objective="Satu portal data"
    )
    Risk.objects.create(region=plan.world.katingan, activity=plan.gov1, risk="Data OPD terlambat", likelihood=3,
                        impact=3)  # fmt: skip
    rows = {
        row["a"].ref: row for row in client.get("/d/katingan/rencana-aksi/laporan/quick-win/").context["rows"]
    }
    assert not rows["GOV-01"]["no_profile"] and not rows["GOV-01"]["no_risks"]
