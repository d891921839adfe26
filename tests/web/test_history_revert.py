"""Per-object history (who, when, what changed) and revert to a chosen version."""

from __future__ import annotations

import re


def _edit(client, ws, **changes):
    obj = ws.wisdom_kominfo
    data = {
        "category": obj.category,
        "name": obj.name,
        "description": obj.description,
        "custodian": obj.custodian,
        "agency": obj.agency_id,
        **changes,
    }
    response = client.post(f"/d/katingan/kearifan-lokal/{obj.pk}/ubah/", data)
    assert response.status_code == 302
    obj.refresh_from_db()


def test_history_shows_who_and_what_changed(admin_client, ws):
    _edit(admin_client, ws, custodian="Damang Kepala Adat Katingan Hilir")
    page = admin_client.get(f"/d/katingan/kearifan-lokal/{ws.wisdom_kominfo.pk}/riwayat/").content.decode()
    assert "oleh admin_bappelitbang" in page
    assert re.search(
        r"<th scope=\"row\">Pemangku</th><td class=\"old\">—</td>"
        r"<td class=\"new\">Damang Kepala Adat Katingan Hilir</td>",
        page,
    )


def test_revert_restores_the_value_and_is_recorded(login, ws):
    client = login(ws.world.user("op_diskominfo"))
    original = ws.wisdom_kominfo.description
    first = ws.wisdom_kominfo.history.order_by("history_date").first()
    _edit(client, ws, description="Teks yang keliru.")
    assert ws.wisdom_kominfo.description == "Teks yang keliru."

    response = client.post(
        f"/d/katingan/kearifan-lokal/{ws.wisdom_kominfo.pk}/riwayat/{first.history_id}/kembalikan/"
    )
    assert response.status_code == 302
    ws.wisdom_kominfo.refresh_from_db()
    assert ws.wisdom_kominfo.description == original

    latest = ws.wisdom_kominfo.history.order_by("-history_date", "-history_id").first()
    assert latest.history_change_reason.startswith("Dikembalikan ke versi ")
    assert latest.history_user == ws.world.user("op_diskominfo")
    assert ws.wisdom_kominfo.history.count() == 3
    page = client.get(f"/d/katingan/kearifan-lokal/{ws.wisdom_kominfo.pk}/riwayat/").content.decode()
    assert latest.history_change_reason in page
    assert "Teks yang keliru." in page  # the revert's diff: the wrong text → the original


def test_revert_is_post_only(admin_client, ws):
    first = ws.wisdom_kominfo.history.first()
    url = f"/d/katingan/kearifan-lokal/{ws.wisdom_kominfo.pk}/riwayat/{first.history_id}/kembalikan/"
    assert admin_client.get(url).status_code == 405


def test_a_version_of_another_object_cannot_be_used(admin_client, ws):
    other = ws.wisdom_dinkes.history.first()
    url = f"/d/katingan/kearifan-lokal/{ws.wisdom_kominfo.pk}/riwayat/{other.history_id}/kembalikan/"
    assert admin_client.post(url).status_code == 404


def test_profile_history_and_revert(admin_client, ws):
    from kotacerdas.regions.models import Region

    region = ws.world.katingan
    first = region.history.order_by("history_date").first()
    response = admin_client.post(
        "/d/katingan/profil/ubah/",
        {"name": "Katingan", "kind": "kabupaten", "province": "Kalimantan Tengah", "capital": "Salah Ketik"},
    )
    assert response.status_code == 302
    page = admin_client.get("/d/katingan/profil/riwayat/").content.decode()
    assert "Salah Ketik" in page and "Ibu kota" in page
    assert admin_client.post(f"/d/katingan/profil/riwayat/{first.history_id}/kembalikan/").status_code == 302
    assert Region.objects.get(pk=region.pk).capital == "Kasongan"
