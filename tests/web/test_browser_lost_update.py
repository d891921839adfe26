"""In a real browser, two people on the same local wisdom item: A saves, B's save is refused with both values and
B's text kept in the form; B saves again and wins. Two Playwright browser contexts, two logins through the form."""

from __future__ import annotations

import pytest


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_two_browsers_one_record(browser, browser_context_args, browser_login, live_server, ws):
    from kotacerdas.regions.models import LocalWisdom

    item = ws.wisdom_kominfo
    edit = f"{live_server.url}/d/katingan/kearifan-lokal/{item.pk}/ubah/"
    a = browser_login("admin_bappelitbang")  # the `page` fixture, first context
    other = browser.new_context(**browser_context_args)
    try:
        b = other.new_page()
        b.goto(f"{live_server.url}/masuk/")
        b.fill("input[name=username]", "op_diskominfo")
        b.fill("input[name=password]", "rahasia-uji-123")
        b.click("button[type=submit]")
        b.wait_for_load_state()

        a.goto(edit)
        b.goto(edit)
        a.locator("#id_custodian").fill("Damang Kepala Adat")
        a.click("button[type=submit]")
        a.wait_for_load_state()
        assert a.get_by_text("Perubahan tersimpan.").is_visible()

        b.locator("#id_custodian").fill("Dewan Adat Dayak Katingan")
        b.click("button[type=submit]")
        b.wait_for_load_state()
        assert b.get_by_text("sejak Anda membuka formulir ini").is_visible()
        assert b.get_by_text(
            "Sekarang tersimpan: “Damang Kepala Adat” — isian Anda: “Dewan Adat Dayak Katingan”."
        ).is_visible()
        assert b.locator("#id_custodian").input_value() == "Dewan Adat Dayak Katingan"  # nothing lost
        assert LocalWisdom.objects.get(pk=item.pk).custodian == "Damang Kepala Adat"

        b.click("button[type=submit]")  # deliberately, again
        b.wait_for_load_state()
        assert b.get_by_text("Perubahan tersimpan.").is_visible()
        assert LocalWisdom.objects.get(pk=item.pk).custodian == "Dewan Adat Dayak Katingan"
    finally:
        other.close()
