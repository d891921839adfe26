"""In the browser: an operator rates an element of their agency and sees the pillar's index and predicate."""

from __future__ import annotations

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_operator_rates_an_element_and_sees_the_index(world, browser_login, live_server):
    page = browser_login("op_diskominfo")
    page.goto(f"{live_server.url}/d/katingan/analisis/kematangan/")
    assert (
        page.locator('[data-pillar="governance"] [data-figure="index"]').inner_text().strip().startswith("–")
    )
    page.click('[data-element="governance/service"] a:has-text("Nilai")')
    page.select_option("select[name=current]", "3")
    page.select_option("select[name=target]", "4")
    page.fill("textarea[name=evidence]", "Mal pelayanan publik daring")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator('[data-pillar="governance"] [data-figure="index"]').inner_text().strip() == "3,00"
    assert page.locator('[data-pillar="governance"] [data-figure="predicate"]').inner_text().strip() == "Baik"
    assert "Mal pelayanan publik daring" in page.locator('[data-element="governance/service"]').inner_text()
