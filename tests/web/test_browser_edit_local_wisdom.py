"""In a real browser: the admin logs in through the form, edits a local wisdom item and sees the new text.

Screenshots of the pages visited go to /tmp/kc-shots/ for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path("/tmp/kc-shots")
NEW_TEXT = "Hidup rukun dan damai untuk kesejahteraan bersama; dipakai sebagai semboyan daerah."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_edits_a_local_wisdom_item(browser_login, live_server, ws):
    from kotacerdas.regions.models import LocalWisdom

    SHOTS.mkdir(parents=True, exist_ok=True)
    item = ws.wisdom_kominfo
    page = browser_login("admin_bappelitbang")
    assert page.url.rstrip("/") == live_server.url  # landed on the region list
    page.get_by_role("link", name="Kabupaten Katingan").click()
    page.wait_for_load_state()
    assert page.get_by_text("Misi 4 — belum dikonfirmasi").is_visible()
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)

    page.locator("nav.tabs").get_by_role("link", name="Kearifan lokal").click()
    page.wait_for_load_state()
    page.screenshot(path=str(SHOTS / "list-local-wisdom.png"), full_page=True)
    page.get_by_role("link", name="Penyang Hinje Simpei").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Ubah", exact=True).click()
    page.wait_for_load_state()

    # A bad edit first: the name of another item in this region.
    page.locator("#id_name").fill("Bukit Batu")
    page.locator("#id_description").fill("")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.get_by_text("Kearifan lokal “Bukit Batu” sudah tercatat di daerah ini.").is_visible()
    assert page.get_by_text("Bidang ini tidak boleh kosong.").is_visible()
    page.screenshot(path=str(SHOTS / "form-errors.png"), full_page=True)

    page.locator("#id_name").fill("Penyang Hinje Simpei")
    page.locator("#id_description").fill(NEW_TEXT)
    page.locator("#id_custodian").fill("Damang Kepala Adat Kecamatan Katingan Hilir")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.get_by_text("Perubahan tersimpan.").is_visible()
    assert page.get_by_text(NEW_TEXT).is_visible()
    page.screenshot(path=str(SHOTS / "local-wisdom-saved.png"), full_page=True)

    item = LocalWisdom.objects.get(pk=item.pk)
    assert item.description == NEW_TEXT
    assert item.custodian == "Damang Kepala Adat Kecamatan Katingan Hilir"
    assert item.history.first().history_user.username == "admin_bappelitbang"

    page.get_by_role("link", name="Riwayat", exact=True).last.click()
    page.wait_for_load_state()
    assert page.get_by_text("oleh admin_bappelitbang").first.is_visible()
    page.screenshot(path=str(SHOTS / "history.png"), full_page=True)
