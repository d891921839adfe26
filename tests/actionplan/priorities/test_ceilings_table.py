"""The ceiling table (year × funding source) is one form: saved all-or-nothing by the admin, read by everyone,
with the demand of the open activities beside each cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kotacerdas.actionplan.models import Ceiling

from .conftest import URL


def _ceilings(region) -> dict:
    return {(c.year, c.source): c.amount for c in Ceiling.objects.filter(region=region)}


def test_the_whole_table_is_saved_and_a_blank_cell_removes_a_ceiling(world, login, plan) -> None:
    plan.ceiling(2027, 9_000_000, "csr")
    client = login(world.user("admin_bappelitbang"))
    response = client.post(
        URL + "pagu/",
        {"c-2025-apbd": "1.250.000.000", "c-2026-apbd": "Rp 2.000.000.000", "c-2026-apbn": "500000000",
         "c-2027-csr": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert _ceilings(plan.region) == {
        (2025, "apbd"): Decimal(1_250_000_000),
        (2026, "apbd"): Decimal(2_000_000_000),
        (2026, "apbn"): Decimal(500_000_000),
    }


def test_one_bad_cell_saves_nothing(world, login, plan) -> None:
    plan.ceiling(2025, 1_000, "apbd")
    client = login(world.user("admin_bappelitbang"))
    response = client.post(
        URL + "pagu/", {"c-2025-apbd": "2.000.000.000", "c-2026-apbd": "3.000", "c-2026-apbn": "12,5 M"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Tidak ada yang disimpan" in html and "“12,5 M” bukan jumlah rupiah" in html
    assert 'value="12,5 M"' in html and 'value="2.000.000.000"' in html  # what was typed stays
    assert _ceilings(plan.region) == {(2025, "apbd"): Decimal(1_000)}


def test_negative_amounts_are_refused(world, login, plan) -> None:
    client = login(world.user("admin_bappelitbang"))
    assert client.post(URL + "pagu/", {"c-2025-apbd": "-5"}).status_code == 400
    assert not Ceiling.objects.exists()


@pytest.mark.parametrize("persona", ["op_diskominfo", "reviewer_dewan", "viewer"])
def test_others_read_the_table_but_may_not_change_it(world, login, plan, persona) -> None:
    plan.ceiling(2025, 1_000_000_000, "apbd")
    plan.activity("GOV-01", costs={2025: 1_500_000_000})
    client = login(world.user(persona))
    html = client.get(URL + "pagu/").content.decode()
    assert "Rp\u00a01.000.000.000" in html
    assert "kebutuhan 1,50\u00a0M" in html and "Rp\u00a01.500.000.000" in html
    assert 'name="c-2025-apbd"' not in html
    assert client.post(URL + "pagu/", {"c-2025-apbd": "1"}).status_code == 403
    assert _ceilings(plan.region) == {(2025, "apbd"): Decimal(1_000_000_000)}


def test_the_table_covers_the_plan_years(world, login, plan) -> None:
    html = login(world.user("admin_bappelitbang")).get(URL + "pagu/").content.decode()
    assert 'name="c-2025-apbd"' in html and 'name="c-2034-kpbu"' in html  # plan 2025–2034, every source
