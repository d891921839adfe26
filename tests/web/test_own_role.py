"""An admin cannot revoke their own role: the delete button is not offered on their own membership, and the
delete address still refuses with a message; another member's role can be revoked."""

from __future__ import annotations


def test_no_delete_button_on_ones_own_role_but_on_others(admin_client, world):
    from kotacerdas.regions.models import Membership

    own = Membership.objects.get(user=world.user("admin_bappelitbang"), region=world.katingan)
    other = Membership.objects.get(user=world.user("op_dinkes"), region=world.katingan)
    own_page = admin_client.get(f"/d/katingan/anggota/{own.pk}/").content.decode()
    other_page = admin_client.get(f"/d/katingan/anggota/{other.pk}/").content.decode()
    assert f"/d/katingan/anggota/{own.pk}/hapus/" not in own_page
    assert f"/d/katingan/anggota/{own.pk}/ubah/" in own_page  # editing stays possible
    assert f"/d/katingan/anggota/{other.pk}/hapus/" in other_page

    response = admin_client.post(f"/d/katingan/anggota/{own.pk}/hapus/", follow=True)
    assert "Anda tidak dapat mencabut peran Anda sendiri." in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()
    assert admin_client.post(f"/d/katingan/anggota/{other.pk}/hapus/").status_code == 302
    assert not Membership.objects.filter(pk=other.pk).exists()
