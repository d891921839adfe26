"""In a real browser: an operator logs in, adds a strength with its rating on a pillar's SWOT page and sees the
pillar move from quadrant III (turnaround) to quadrant I (agresif). Screenshots go to /tmp/kc-shots/."""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path("/tmp/kc-shots")
TEXT = "Telemedisin di 13 puskesmas kecamatan"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_operator_adds_a_factor_and_the_quadrant_moves(browser_login, live_server, world, turnaround):
    from kotacerdas.assessment.models import SwotFactor

    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser_login("op_diskominfo")
    page.goto(f"{live_server.url}/d/katingan/")
    page.locator("nav.tabs").get_by_role("link", name="Analisis").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="SWOT").nth(3).click()  # Smart Living is the fourth pillar
    page.wait_for_load_state()
    assert page.url.endswith("/d/katingan/analisis/swot/living/")
    assert page.locator("#kuadran").inner_text() == "III turnaround (WO)"
    assert page.locator("[data-figure=x]").inner_text() == "−1,00"
    page.screenshot(path=str(SHOTS / "bimtek1-browser-before.png"), full_page=True)

    form = page.locator("#tambah-faktor")
    form.locator("#id_kind").select_option("S")
    form.locator("#id_text").fill(TEXT)
    assert form.locator("#id_agency option").all_inner_texts() == ["Diskominfostandi"]
    form.locator("#id_importance").select_option("5")
    form.locator("#id_rating").select_option("4")
    page.click("#simpan-faktor")
    page.wait_for_load_state()

    assert page.get_by_text(f"Faktor “{TEXT}” tersimpan.").is_visible()
    assert page.locator("#kuadran").inner_text() == "I agresif (SO)"
    assert page.locator("[data-figure=x]").inner_text() == "1,27"  # 3/11·2 + 5/11·4 − 3/11·4
    assert page.locator("[data-figure=y]").inner_text() == "1,00"
    row = page.locator(f"#faktor-{SwotFactor.objects.get(text=TEXT).pk}")
    assert "Diskominfostandi: K5 · P4" in row.inner_text()
    page.screenshot(path=str(SHOTS / "bimtek1-browser-after.png"), full_page=True)
