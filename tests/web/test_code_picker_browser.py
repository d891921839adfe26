"""In Chromium at 1366×768: an operator adds an activity, finds its code by typing words, sees the official name
and gets the sub kegiatan's indikator and satuan proposed, without them overwriting what the operator typed.

Facts from ``nomenclature-5889-2021.csv``: ``2.16.03.2.02.0009`` is "Pengembangan dan Pengelolaan Ekosistem
Kabupaten/Kota Cerdas dan Kota Cerdas" with indikator "Jumlah Dokumen Program Inovasi yang Diimplementasikan
Sesuai dengan Masterplan Smart City", satuan "Dokumen"; ``2.16.03.2.02.0001`` has satuan "Dokumen" too.
Screenshots go to /tmp/kc-shots/ for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

SHOTS = Path("/tmp/kc-shots")
SUB = "2.16.03.2.02.0009"
SUB_NAME = "Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas"
INDIKATOR = "Jumlah Dokumen Program Inovasi yang Diimplementasikan Sesuai dengan Masterplan Smart City"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_operator_picks_a_code_by_words(browser_login, live_server, world):
    from kotacerdas.actionplan.models import Activity, Program
    from kotacerdas.framework.models import Pillar

    SHOTS.mkdir(parents=True, exist_ok=True)
    k = world.katingan
    kominfo = Program.objects.create(
        region=k,
        agency=world.diskominfo,
        pillar=Pillar.objects.get(framework=k.framework, slug="governance"),
        code="2.16.03",
        name="PROGRAM PENGELOLAAN APLIKASI INFORMATIKA",
    )
    page = browser_login("op_diskominfo")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/d/katingan/kegiatan/baru/?program={kominfo.pk}")
    page.wait_for_load_state()
    code = page.locator("#id_code")
    # The server's list: the program's 17 codes, no more.
    assert page.locator("#id_code_pilihan option").count() == 17

    code.press_sequentially("ekosistem cerdas", delay=20)
    # The script's list: the matches fetched while typing (no eval under the CSP, so wait on the DOM).
    expect(page.locator("#id_code_pilihan option").first).to_have_attribute("value", SUB)
    assert page.locator("#id_code_pilihan option").count() <= 15
    code.fill(SUB)  # what picking the option does: the input's value becomes the code
    official = page.locator("#id_code_official")
    official.get_by_text(SUB_NAME).wait_for()
    assert page.locator("#id_output_indicator").input_value() == INDIKATOR
    assert page.locator("#id_output_unit").input_value() == "Dokumen"
    page.locator("#id_name").fill("Dasbor kota cerdas")
    page.locator("#id_ref").fill("GOV-09")
    code.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "code-picker-activity.png"))

    # The operator writes an own indicator; another code no longer touches it.
    page.locator("#id_output_indicator").fill("Jumlah dasbor yang dipakai OPD")
    code.fill("2.16.03.2.02.0001")
    official.get_by_text("2.16.03.2.02.0001").wait_for()
    assert page.locator("#id_output_indicator").input_value() == "Jumlah dasbor yang dipakai OPD"
    code.fill(SUB)
    official.get_by_text(SUB_NAME).wait_for()

    page.locator("#id_horizon").select_option("short")
    page.locator("#id_start_year").fill("2026")
    page.locator("#id_end_year").fill("2026")
    page.locator("#id_infrastructure").select_option("governance")
    page.locator("#id_funding_source").select_option("apbd")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    page.get_by_text(f"sub kegiatan {SUB}: {SUB_NAME}").wait_for()
    page.screenshot(path=str(SHOTS / "code-picker-activity-page.png"), full_page=True)
    saved = Activity.objects.get(region=k, ref="GOV-09")
    assert (saved.code, saved.name) == (SUB, "Dasbor kota cerdas")
    assert saved.output_indicator == "Jumlah dasbor yang dipakai OPD"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_picks_a_program_and_its_official_name_fills_in(browser_login, live_server, world):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser_login("admin_bappelitbang")
    page.set_viewport_size({"width": 1366, "height": 768})
    page.goto(f"{live_server.url}/d/katingan/program/baru/")
    page.wait_for_load_state()
    code = page.locator("#id_code")
    code.press_sequentially("aplikasi informatika", delay=20)
    expect(page.locator("#id_code_pilihan option").first).to_have_attribute("value", "2.16.03")
    code.fill("2.16.03")
    page.locator("#id_code_official").get_by_text("PROGRAM PENGELOLAAN APLIKASI INFORMATIKA").wait_for()
    assert page.locator("#id_name").input_value() == "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"
    page.screenshot(path=str(SHOTS / "code-picker-program.png"))

    # Without script: the search page lists the matches with their official names.
    page.goto(f"{live_server.url}/d/katingan/rencana-aksi/kode/?jenis=program&q=aplikasi+informatika")
    row = page.locator("table tbody tr").first
    assert row.locator("code").inner_text() == "2.16.03"
    assert "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA" in row.inner_text()
    page.screenshot(path=str(SHOTS / "code-search-page.png"))
