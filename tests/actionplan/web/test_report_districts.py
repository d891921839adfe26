"""The district report: each kecamatan's activities by infrastructure kind; districts with nothing shown plainly."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_district_report_rows(plan, login):
    client = login(plan.world.user("viewer"))
    response = client.get("/d/katingan/rencana-aksi/laporan/kawasan/")
    assert response.status_code == 200
    result = response.context["result"]
    rows = {r.district.name: {k: [a.ref for a in acts] for k, _l, acts in r.by_kind} for r in result.rows}
    assert rows["Katingan Hilir"]["governance"] == ["GOV-01"]
    assert rows["Katingan Hilir"]["economic"] == ["GOV-02"]
    assert rows["Mendawai"]["social"] == ["LIV-01"]
    assert [d.name for d in result.without_activities] == ["Marikit"]
    page = response.content.decode()
    assert "Kecamatan yang tidak mendapat kegiatan apa pun:" in page
    assert "Tidak ada kegiatan di kecamatan ini." in page
