"""In a real browser: the admin tries to approve GOV-02, is refused because Bukit Batu is at risk without a done
consultation (the page names the item), records the consultation with the Damang, then approves it.

Screenshots go to /tmp/kc-shots/actionplan-*.png for a human look.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHOTS = Path("/tmp/kc-shots")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_admin_is_refused_records_the_consultation_and_approves(browser_login, live_server, plan):
    from kotacerdas.actionplan.models import Activity, Consultation

    SHOTS.mkdir(parents=True, exist_ok=True)
    tab = browser_login("admin_bappelitbang")
    tab.goto(f"{live_server.url}/d/katingan/")
    tab.locator("nav.tabs").get_by_role("link", name="Rencana aksi").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("Risiko terbuka (Bukit Batu)").is_visible()
    tab.screenshot(path=str(SHOTS / "actionplan-overview.png"), full_page=True)

    tab.get_by_role("link", name="GOV-02 Informasi wisata Bukit Batu").click()
    tab.wait_for_load_state()
    tab.get_by_role("button", name="Setujui").click()
    tab.wait_for_load_state()
    refusal = tab.locator(".refusal")
    assert refusal.is_visible()
    assert "Bukit Batu: berisiko tanpa konsultasi" in refusal.inner_text()
    tab.screenshot(path=str(SHOTS / "actionplan-activity-refused.png"), full_page=True)
    assert Activity.objects.get(pk=plan.gov2.pk).status == "usulan"

    prefix = f"k{plan.consultation.pk}"
    tab.get_by_text("Catat hasil konsultasi").click()
    tab.locator(f"#id_{prefix}-status").select_option("done")
    tab.locator(f"#id_{prefix}-date").fill("2026-02-10")
    tab.locator(f"#id_{prefix}-outcome").fill(
        "Disepakati: zona inti tertutup; jalur kunjungan bersama lembaga adat."
    )
    tab.get_by_role("button", name="Simpan konsultasi").first.click()
    tab.wait_for_load_state()
    assert tab.get_by_text(
        "Konsultasi dengan Damang Kepala Adat Kecamatan Katingan Hilir tersimpan"
    ).is_visible()
    consultation = Consultation.objects.get(pk=plan.consultation.pk)
    assert consultation.status == "done" and str(consultation.date) == "2026-02-10"

    tab.get_by_role("button", name="Setujui").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("Status GOV-02 sekarang: Disetujui.").is_visible()
    assert tab.locator("#status-h .status").inner_text() == "Disetujui"
    tab.screenshot(path=str(SHOTS / "actionplan-activity-approved.png"), full_page=True)
    assert Activity.objects.get(pk=plan.gov2.pk).status == "disetujui"

    tab.get_by_role("link", name="Per kecamatan").click()
    tab.wait_for_load_state()
    assert tab.get_by_text("Tidak ada kegiatan di kecamatan ini.").is_visible()
    tab.screenshot(path=str(SHOTS / "actionplan-districts.png"), full_page=True)
    tab.get_by_role("link", name="Keselarasan").click()
    tab.wait_for_load_state()
    tab.screenshot(path=str(SHOTS / "actionplan-alignment.png"), full_page=True)
