"""Delete asks for confirmation; the region's Riwayat page lists the deletion and restores the object."""

from __future__ import annotations


def test_delete_asks_for_confirmation_first(admin_client, ws):
    from kotacerdas.regions.models import LocalWisdom

    page = admin_client.get(f"/d/katingan/kearifan-lokal/{ws.wisdom_dinkes.pk}/hapus/").content.decode()
    assert "Hapus “Bukit Batu”?" in page and 'method="post"' in page
    assert LocalWisdom.objects.filter(pk=ws.wisdom_dinkes.pk).exists()


def test_deleted_object_is_listed_and_restored(login, ws):
    from kotacerdas.regions.models import LocalWisdom

    client = login(ws.world.user("op_dinkes"))
    pk = ws.wisdom_dinkes.pk
    response = client.post(f"/d/katingan/kearifan-lokal/{pk}/hapus/")
    assert response.status_code == 302
    assert not LocalWisdom.objects.filter(pk=pk).exists()

    page = client.get("/d/katingan/riwayat/").content.decode()
    record = LocalWisdom.history.get(id=pk, history_type="-")
    restore_url = f"/d/katingan/riwayat/kearifan-lokal/{record.history_id}/pulihkan/"
    assert "Bukit Batu" in page and "dihapus" in page and restore_url in page and "Pulihkan" in page

    response = client.post(restore_url)
    assert response.status_code == 302
    restored = LocalWisdom.objects.get(pk=pk)
    assert restored.description == "Tempat pertapaan Tjilik Riwut." and restored.agency == ws.world.dinkes
    assert (
        restored.history.order_by("-history_date").first().history_change_reason == "Dipulihkan dari riwayat"
    )
    # Restored once: the button is gone.
    assert restore_url not in client.get("/d/katingan/riwayat/").content.decode()


def test_the_button_is_offered_only_to_who_may_write(login, ws):
    from kotacerdas.regions.models import LocalWisdom

    pk = ws.wisdom_dinkes.pk
    ws.wisdom_dinkes.delete()
    record = LocalWisdom.history.get(id=pk, history_type="-")
    url = f"/d/katingan/riwayat/kearifan-lokal/{record.history_id}/pulihkan/"
    assert url not in login(ws.world.user("viewer")).get("/d/katingan/riwayat/").content.decode()
    assert url not in login(ws.world.user("op_diskominfo")).get("/d/katingan/riwayat/").content.decode()


def test_missions_deleted_with_their_period_come_back_one_by_one(admin_client, ws):
    from kotacerdas.regions.models import Mission, RpjmdPeriod

    period_pk = ws.period.pk
    assert admin_client.post(f"/d/katingan/rpjmd/{period_pk}/hapus/").status_code == 302
    mission = Mission.history.filter(id=ws.missions[1].pk, history_type="-").get()
    # The period must come back first; the page says so.
    response = admin_client.post(f"/d/katingan/riwayat/misi/{mission.history_id}/pulihkan/", follow=True)
    assert "pulihkan dulu" in response.content.decode()
    period = RpjmdPeriod.history.get(id=period_pk, history_type="-")
    assert admin_client.post(f"/d/katingan/riwayat/rpjmd/{period.history_id}/pulihkan/").status_code == 302
    assert admin_client.post(f"/d/katingan/riwayat/misi/{mission.history_id}/pulihkan/").status_code == 302
    assert Mission.objects.filter(period_id=period_pk, number=1).exists()


def test_an_admin_cannot_remove_their_own_role(admin_client, ws):
    from kotacerdas.regions.models import Membership

    own = Membership.objects.get(user=ws.world.user("admin_bappelitbang"))
    response = admin_client.post(f"/d/katingan/anggota/{own.pk}/hapus/", follow=True)
    assert "Anda tidak dapat mencabut peran Anda sendiri." in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()


def test_an_admin_cannot_lower_their_own_role(admin_client, ws):
    from kotacerdas.regions.models import Membership

    own = Membership.objects.get(user=ws.world.user("admin_bappelitbang"))
    response = admin_client.post(f"/d/katingan/anggota/{own.pk}/ubah/", {"role": "viewer"})
    assert "Anda tidak dapat menurunkan peran Anda sendiri" in response.content.decode()
    own.refresh_from_db()
    assert own.role == "admin"
