"""The pages of the Katingan demo run under the Content-Security-Policy without a single violation in Chromium's
console, and the confirmations that used to be inline handlers still ask before deleting."""

from __future__ import annotations

import re
from collections import deque

import pytest

from tests.conftest import ensure_reference_data

LINK = re.compile(r'href="(/d/katingan/[^"#?]*)"')
SKIP = re.compile(
    r"\.(docx|pdf|xlsx|json|svg|png|html)$|/unduh/|/ekspor/|/templat/|/hapus/|/kembalikan/|/ubah/"
)
MUST = [
    "/d/katingan/",
    "/d/katingan/analisis/",
    "/d/katingan/rencana-aksi/",
    "/d/katingan/prioritas/",
    "/d/katingan/dokumen/pengaturan/",
    "/d/katingan/riwayat/",
    "/d/katingan/anggota/",
    "/akun/kata-sandi/",
]


@pytest.fixture
def demo(transactional_db):
    from kotacerdas import sample

    ensure_reference_data()
    loaded = sample.load("katingan")
    admin = next(login for login in loaded.logins if login.username == "admin_bappelitbang")
    return admin


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_demo_pages_cause_no_csp_violation(page, live_server, demo, browser_login):
    violations = []
    page.on(
        "console",
        lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.on("pageerror", lambda error: violations.append(f"page error: {error}"))
    page.goto(f"{live_server.url}/masuk/")
    browser_login(demo.username, demo.password)
    queue, seen, charts = deque(MUST), set(), 0
    while queue and len(seen) < 45:
        url = queue.popleft()
        if url in seen or SKIP.search(url):
            continue
        seen.add(url)
        response = page.goto(live_server.url + url)
        assert response.status == 200, url
        page.wait_for_load_state("load")
        html = page.content()
        charts += "<svg" in html
        queue.extend(LINK.findall(html))
    for part in ("/analisis/", "/rencana-aksi/", "/prioritas/", "/riwayat/"):
        assert any(part in url for url in seen), part
    assert charts > 0  # pages with inline SVG charts were among them
    assert violations == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_confirmation_still_asks_before_deleting(page, live_server, demo, browser_login):
    browser_login(demo.username, demo.password)
    page.goto(f"{live_server.url}/d/katingan/prioritas/ahp/")
    forms = page.locator("form[data-confirm]")
    if forms.count() == 0:
        pytest.fail("the AHP page of the Katingan demo lists no respondent to delete")
    before = page.locator("form[data-confirm]").count()
    questions = []

    def dismiss(dialog):
        questions.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    forms.first.locator("button").click()
    page.wait_for_timeout(300)
    assert questions == ["Hapus semua penilaian responden ini?"]
    assert page.url.endswith("/prioritas/ahp/")
    page.reload()
    assert page.locator("form[data-confirm]").count() == before  # nothing was deleted
