"""The alignment report: missions × pillars coverage, missions without activities (placeholders shown plainly)."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_alignment_report_rows(plan, login):
    client = login(plan.world.user("viewer"))
    response = client.get("/d/katingan/rencana-aksi/laporan/keselarasan/")
    assert response.status_code == 200
    rows = {row["m"].number: {p.slug: n for p, n in row["cells"]} for row in response.context["rows"]}
    assert rows[1]["governance"] == 2 and rows[1]["living"] == 0
    assert rows[2]["living"] == 1
    assert sum(rows[3].values()) == 0
    page = response.content.decode()
    assert "Misi 3 (" in page and "belum dikonfirmasi" in page
    assert response.context["missions_without"] == [response.context["rows"][2]["label"]]
