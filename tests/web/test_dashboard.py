"""The region dashboard: profile, RPJMD with the placeholder mission, districts with totals, markers and sources."""

from __future__ import annotations


def test_it_shows_the_placeholder_mission_plainly_with_a_call_to_fill_it(admin_client, ws):
    page = admin_client.get("/d/katingan/").content.decode()
    assert "Misi 4 — belum dikonfirmasi: bunyi misi belum ditemukan di sumber resmi" in page
    assert f'href="/d/katingan/misi/{ws.missions[4].pk}/ubah/">Isi bunyi misi' in page
    assert "Menciptakan pemerintahan yang bersih" in page
    assert "Bermartabat untuk Mewujudkan Masyarakat yang Sejahtera" in page


def test_it_shows_district_totals(admin_client, ws):
    page = admin_client.get("/d/katingan/").content.decode()
    # 7 + 7 desa, 1 + 0 kelurahan, 15 in all
    assert '<td class="num">14</td><td class="num">1</td><td class="num">15</td>' in page


def test_it_marks_illustrative_records_and_shows_sources(admin_client, ws):
    page = admin_client.get("/d/katingan/").content.decode()
    assert page.count("contoh ilustratif") >= 2  # the district Mendawai and the council member
    assert "Sumber: Antara Kalteng, 11 Jul 2022" in page


def test_it_offers_no_edit_buttons_to_a_viewer(login, ws):
    page = login(ws.world.user("viewer")).get("/d/katingan/").content.decode()
    assert "Ubah profil" not in page and "Isi bunyi misi" not in page
    assert "Misi 4 — belum dikonfirmasi" in page


def test_it_shows_nothing_of_another_region(admin_client, ws):
    page = admin_client.get("/d/katingan/").content.decode()
    assert "Bahasa Contoh" not in page and "Tanjung Harapan" not in page
