"""Optimistic concurrency on the edit forms: two people load the same form, A saves, B saves.

B's save is refused with the values now stored and B's own input shown, nothing of B's input is lost, the database
keeps A's value; B presses Simpan again (the refreshed token) and wins. The token is the hidden ``record_version`` field of
``web.forms.SafeFormMixin``.
"""

from __future__ import annotations

import html
import re

import pytest

from kotacerdas.regions.models import District, LocalWisdom

TOKEN = re.compile(r'name="record_version" value="([^"]+)"')


def token_of(page: str) -> str:
    found = TOKEN.search(page)
    assert found, "the edit form carries no version token"
    return html.unescape(found.group(1))


def district_post(district, token, **changes) -> dict:
    data = {
        "name": district.name,
        "capital": district.capital,
        "desa": district.desa,
        "kelurahan": district.kelurahan,
        "order": district.order,
        "source": district.source,
        "record_version": token,
    }
    data.update(changes)
    return data


@pytest.fixture
def two_admins(world, client):
    from django.test import Client

    a, b = Client(), Client()
    a.force_login(world.user("admin_bappelitbang"))
    b.force_login(world.user("admin_bappelitbang"))
    return a, b


def test_the_second_save_is_refused_and_nothing_is_lost(ws, two_admins):
    a, b = two_admins
    district = ws.districts[0]
    url = f"/d/katingan/kecamatan/{district.pk}/ubah/"
    token_a, token_b = token_of(a.get(url).content.decode()), token_of(b.get(url).content.decode())
    assert token_a == token_b

    assert a.post(url, district_post(district, token_a, capital="Kasongan Baru")).status_code == 302
    assert District.objects.get(pk=district.pk).capital == "Kasongan Baru"

    response = b.post(url, district_post(district, token_b, capital="Tumbang Samba", desa=9))
    assert response.status_code == 200  # the form again, not a redirect
    page = html.unescape(response.content.decode())
    assert "sudah diubah oleh admin_bappelitbang" in page and "isian Anda belum disimpan" in page
    assert "Sekarang tersimpan: “Kasongan Baru” — isian Anda: “Tumbang Samba”." in page
    assert 'value="Tumbang Samba"' in page and 'name="desa" value="9"' in page  # B's input is still there
    assert "Sekarang tersimpan: “7”" not in page  # desa was changed by B only: no conflict on it
    stored = District.objects.get(pk=district.pk)
    assert (stored.capital, stored.desa) == ("Kasongan Baru", 7)  # A's value kept, nothing of B's saved

    refreshed = token_of(page)
    assert refreshed != token_b
    response = b.post(url, district_post(district, refreshed, capital="Tumbang Samba", desa=9))
    assert response.status_code == 302  # B re-submits deliberately and wins
    stored = District.objects.get(pk=district.pk)
    assert (stored.capital, stored.desa) == ("Tumbang Samba", 9)


def test_an_unchanged_record_saves_with_its_token(ws, admin_client):
    district = ws.districts[1]
    url = f"/d/katingan/kecamatan/{district.pk}/ubah/"
    token = token_of(admin_client.get(url).content.decode())
    assert admin_client.post(url, district_post(district, token, desa=8)).status_code == 302
    assert District.objects.get(pk=district.pk).desa == 8


def test_a_change_to_a_field_the_form_does_not_edit_is_no_conflict(ws, admin_client):
    """The token covers the fields of the form only: a change elsewhere does not refuse the save."""
    from kotacerdas.regions.models import Region

    url = "/d/katingan/profil/ubah/"
    token = token_of(admin_client.get(url).content.decode())
    Region.objects.filter(pk=ws.world.katingan.pk).update(slug="katingan")  # a no-op write elsewhere
    region = Region.objects.get(pk=ws.world.katingan.pk)
    data = {
        "name": region.name,
        "kind": region.kind,
        "province": region.province,
        "kemendagri_code": region.kemendagri_code,
        "bps_code": region.bps_code,
        "capital": "Kasongan",
        "motto": "Penyang Hinje Simpei",
        "record_version": token,
    }
    assert admin_client.post(url, data).status_code == 302
    assert Region.objects.get(pk=region.pk).motto == "Penyang Hinje Simpei"


def test_the_record_deleted_meanwhile(ws, two_admins):
    a, b = two_admins
    wisdom = ws.wisdom_dinkes
    url = f"/d/katingan/kearifan-lokal/{wisdom.pk}/ubah/"
    token = token_of(b.get(url).content.decode())
    assert a.post(f"/d/katingan/kearifan-lokal/{wisdom.pk}/hapus/").status_code == 302
    response = b.post(url, {"name": "Bukit Batu", "category": "situs_ruang", "record_version": token})
    assert response.status_code == 404
    assert not LocalWisdom.objects.filter(pk=wisdom.pk).exists()


def test_an_operator_and_the_admin_on_one_local_wisdom_item(ws, login, client):
    """The same on a record an operator owns, with a many-field form and a changed link."""
    from django.test import Client

    wisdom = ws.wisdom_kominfo
    url = f"/d/katingan/kearifan-lokal/{wisdom.pk}/ubah/"
    operator = login(ws.world.user("op_diskominfo"))
    admin = Client()
    admin.force_login(ws.world.user("admin_bappelitbang"))
    base = {
        "category": wisdom.category,
        "name": wisdom.name,
        "description": wisdom.description,
        "agency": ws.world.diskominfo.pk,
    }
    t_op, t_admin = token_of(operator.get(url).content.decode()), token_of(admin.get(url).content.decode())
    assert (
        admin.post(url, {**base, "custodian": "Damang Kepala Adat", "record_version": t_admin}).status_code
        == 302
    )
    response = operator.post(url, {**base, "custodian": "Dewan Adat Dayak", "record_version": t_op})
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert "Sekarang tersimpan: “Damang Kepala Adat” — isian Anda: “Dewan Adat Dayak”." in page
    assert LocalWisdom.objects.get(pk=wisdom.pk).custodian == "Damang Kepala Adat"
