"""The overview: programs and activities per pillar (or agency), costs per year in rupiah, status, screening
state and the quick-win badge, with filters."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_overview_lists_activities_with_costs_status_and_screening(plan, login):
    client = login(plan.world.user("viewer"))
    page = client.get("/d/katingan/rencana-aksi/").content.decode()
    assert "Smart Governance" in page and "Smart Living" in page
    assert "2.16.03 Program Aplikasi Informatika" in page
    assert "Rp\u00a01.250.000.000" in page  # GOV-01 in 2025
    assert "Rp\u00a0700.000.000" in page  # GOV-02 in total
    assert "Rp\u00a02.700.000.000" in page  # everything
    assert "Quick win" in page
    assert "Risiko terbuka (Bukit Batu)" in page  # GOV-02
    assert "Tidak ada kaitan" in page  # GOV-01
    assert "Sudah ditapis" in page  # LIV-01


@pytest.mark.django_db
def test_filters_by_agency_horizon_and_status(plan, login):
    client = login(plan.world.user("viewer"))
    page = client.get(f"/d/katingan/rencana-aksi/?opd={plan.world.dinkes.pk}").content.decode()
    assert "LIV-01" in page and "GOV-01" not in page
    page = client.get("/d/katingan/rencana-aksi/?jangka=quick_win").content.decode()
    assert "GOV-01" in page and "GOV-02" not in page and "LIV-01" not in page
    page = client.get("/d/katingan/rencana-aksi/?status=disetujui").content.decode()
    assert "GOV-01" not in page and "Tidak ada kegiatan yang cocok" in page
    page = client.get("/d/katingan/rencana-aksi/?pilar=living&kelompok=opd").content.decode()
    assert "LIV-01" in page and "GOV-02" not in page and "Dinas Kesehatan" in page
