"""The integration report: alike activities of different agencies, and components shared across agencies."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity, SharedComponent


@pytest.mark.django_db
def test_integration_report_rows(plan, login):
    fibre = SharedComponent.objects.create(region=plan.world.katingan, name="Jaringan serat optik")
    plan.gov2.components.add(fibre)
    plan.liv1.components.add(fibre)
    alike = Activity.objects.create(
        region=plan.world.katingan, program=plan.dinkes_program, ref="LIV-02", code="1.02.02.2.01",
        name="Portal Satu Data Katingan", horizon="short", start_year=2026, end_year=2026,
        funding_source="apbd", infrastructure="governance",
    )  # fmt: skip
    client = login(plan.world.user("viewer"))
    response = client.get("/d/katingan/rencana-aksi/laporan/keterpaduan/")
    assert response.status_code == 200
    pairs = [{s["row"].first.ref, s["row"].second.ref} for s in response.context["similar"]]
    assert {"GOV-01", alike.ref} in pairs
    shared = response.context["result"].shared
    assert [row.component.name for row in shared] == ["Jaringan serat optik"]
    assert {a.ref for a in shared[0].activities} == {"GOV-02", "LIV-01"}
    page = response.content.decode()
    assert "Jaringan serat optik" in page and "Portal Satu Data Katingan" in page
