"""Usernames are global: a region admin invites an existing account (its owner accepts), never adds it directly,
and learns nothing about accounts outside the region; new accounts get the region's name space."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from tests.conftest import PASSWORD

ADD = "/d/katingan/anggota/baru/"


@pytest.fixture
def stranger(world):
    """An account with no role anywhere (e.g. made by a superuser)."""
    return get_user_model().objects.create_user("pendatang", password=PASSWORD)


def _invite(client, username, role="viewer", **extra):
    response = client.post(
        ADD, {"mode": "existing", "username": username, "role": role, **extra}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    found = re.search(r'<code class="invitation-code">([^<]+)</code>', page)
    return page, found.group(1) if found else None


def _as(user):
    client = Client()
    client.force_login(user)
    return client


def _memberships(username, region):
    from kotacerdas.regions.models import Membership

    return Membership.objects.filter(user__username=username, region=region)


def test_inviting_an_existing_account_needs_its_owners_consent(world, stranger):
    admin = _as(world.user("admin_bappelitbang"))
    page, code = _invite(admin, "pendatang")
    assert code and "/undangan/?kode=" in page
    assert not _memberships("pendatang", world.katingan).exists()  # nothing until the owner accepts
    owner = _as(stranger)
    assert code in owner.get(f"/undangan/?kode={code}").content.decode()  # the link fills the form in
    response = owner.post("/undangan/", {"code": code})
    assert response.status_code == 302 and response["Location"] == "/d/katingan/"
    assert _memberships("pendatang", world.katingan).get().role == "viewer"
    assert owner.get("/d/katingan/").status_code == 200


def test_an_invitation_carries_the_operators_agency(world, stranger):
    admin = _as(world.user("admin_bappelitbang"))
    _, code = _invite(admin, "pendatang", role="operator", agency=world.dinkes.pk)
    _as(stranger).post("/undangan/", {"code": code})
    membership = _memberships("pendatang", world.katingan).get()
    assert (membership.role, membership.agency) == ("operator", world.dinkes)


def test_an_operator_invitation_without_agency_is_refused(world, stranger):
    from kotacerdas.accounts.models import Invitation

    admin = _as(world.user("admin_bappelitbang"))
    response = admin.post(ADD, {"mode": "existing", "username": "pendatang", "role": "operator"})
    assert "Operator harus terikat pada satu perangkat daerah." in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_admin_cannot_tell_whether_an_account_exists(world, stranger):
    """Inviting an existing account of another region, one with no role, and one that does not exist: the admin
    sees the same page each time."""
    admin = _as(world.user("admin_other"))

    def shape(username):
        response = admin.post(
            "/d/tanjung-harapan/anggota/baru/", {"mode": "existing", "username": username, "role": "viewer"}
        )
        assert response.status_code == 302
        page = admin.get(response["Location"]).content.decode()
        variable = r"(kode=|invitation-code\">)[^<\s]+|/undangan/\d+/|csrfmiddlewaretoken\" value=\"[^\"]+"
        return re.sub(variable + "|" + re.escape(username), "…", page)

    assert shape("viewer") == shape("pendatang") == shape("tidak-ada-orang-ini")


def test_the_invitation_is_for_the_named_account_only(world, stranger):
    admin = _as(world.user("admin_bappelitbang"))
    _, code = _invite(admin, "pendatang", role="admin")
    thief = _as(world.user("admin_other"))
    response = thief.post("/undangan/", {"code": code})
    assert response.status_code == 200
    assert "Kode undangan ini tidak berlaku" in response.content.decode()
    assert not _memberships("admin_other", world.katingan).exists()
    _as(stranger).post("/undangan/", {"code": code})
    assert _memberships("pendatang", world.katingan).exists()


def test_an_invitation_is_used_once_and_expires(world, stranger):
    from kotacerdas.accounts.models import Invitation

    admin = _as(world.user("admin_bappelitbang"))
    _, code = _invite(admin, "pendatang")
    owner = _as(stranger)
    owner.post("/undangan/", {"code": code})
    _memberships("pendatang", world.katingan).delete()
    response = owner.post("/undangan/", {"code": code})
    assert "Kode undangan ini tidak berlaku" in response.content.decode()
    assert not _memberships("pendatang", world.katingan).exists()

    _, code = _invite(admin, "pendatang")
    Invitation.objects.filter(accepted_at__isnull=True).update(expires=timezone.now() - timedelta(seconds=1))
    response = owner.post("/undangan/", {"code": code})
    assert "Kode undangan ini tidak berlaku" in response.content.decode()
    assert not _memberships("pendatang", world.katingan).exists()


def test_a_wrong_code_is_refused(world, stranger):
    response = _as(stranger).post("/undangan/", {"code": "bukan-kode"})
    assert "Kode undangan ini tidak berlaku" in response.content.decode()


def test_only_a_digest_of_the_code_is_stored(world, stranger):
    from kotacerdas.accounts.models import Invitation

    _, code = _invite(_as(world.user("admin_bappelitbang")), "pendatang")
    invitation = Invitation.objects.get()
    assert code not in invitation.code_digest and len(invitation.code_digest) == 64
    assert invitation.history.count() == 1


def test_the_code_is_shown_only_once(world, stranger):
    admin = _as(world.user("admin_bappelitbang"))
    response = admin.post(ADD, {"mode": "existing", "username": "pendatang", "role": "viewer"})
    first = admin.get(response["Location"]).content.decode()
    again = admin.get(response["Location"]).content.decode()
    assert 'class="invitation-code"' in first and 'class="invitation-code"' not in again


def test_a_member_of_the_region_is_reported_as_such(world):
    admin = _as(world.user("admin_bappelitbang"))
    response = admin.post(ADD, {"mode": "existing", "username": "VIEWER", "role": "viewer"})
    assert "Pengguna ini sudah punya peran di daerah ini." in response.content.decode()


def test_a_superuser_adds_an_existing_account_directly(world, stranger):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    response = _as(root).post(ADD, {"mode": "existing", "username": "pendatang", "role": "viewer"})
    assert response.status_code == 302
    assert _memberships("pendatang", world.katingan).exists()


def test_new_accounts_of_a_region_admin_live_in_the_regions_name_space(world):
    admin = _as(world.user("admin_other"))
    data = {"mode": "new", "password1": "Pohon-Ulin-Tua-7", "password2": "Pohon-Ulin-Tua-7", "role": "viewer"}
    # a name meant for Katingan becomes a Tanjung Harapan name; the Katingan name space stays Katingan's
    response = admin.post("/d/tanjung-harapan/anggota/baru/", {**data, "username": "katingan.operator"})
    assert response.status_code == 302
    assert _memberships("tanjung-harapan.katingan.operator", world.other).exists()
    assert not get_user_model().objects.filter(username="katingan.operator").exists()
    # an existing account of another region cannot be created again, and nothing says that it exists
    response = admin.post("/d/tanjung-harapan/anggota/baru/", {**data, "username": "viewer"})
    assert response.status_code == 302
    assert get_user_model().objects.filter(username="tanjung-harapan.viewer").exists()


def test_a_name_taken_inside_the_name_space_is_reported(world):
    admin = _as(world.user("admin_bappelitbang"))
    data = {"mode": "new", "password1": "Pohon-Ulin-Tua-7", "password2": "Pohon-Ulin-Tua-7", "role": "viewer"}
    assert admin.post(ADD, {**data, "username": "budi"}).status_code == 302
    response = admin.post(ADD, {**data, "username": "katingan.budi"})
    assert "Nama pengguna “katingan.budi” sudah dipakai." in response.content.decode()
    response = admin.post(ADD, {**data, "username": "budi santoso"})
    assert "Masukkan nama pengguna valid" in response.content.decode()


def test_the_new_users_password_may_not_be_the_region_name(world):
    admin = _as(world.user("admin_bappelitbang"))
    response = admin.post(
        ADD,
        {
            "mode": "new",
            "username": "budi",
            "password1": "Katingan-2024",
            "password2": "Katingan-2024",
            "role": "viewer",
        },
    )
    assert "terlalu mirip dengan nama daerah" in response.content.decode()
    assert not get_user_model().objects.filter(username="katingan.budi").exists()


def test_others_cannot_invite(world, stranger):
    from kotacerdas.accounts.models import Invitation

    for persona, status in [("op_dinkes", 403), ("viewer", 403), ("admin_other", 404)]:
        response = _as(world.user(persona)).post(
            ADD, {"mode": "existing", "username": "pendatang", "role": "admin"}
        )
        assert response.status_code == status, persona
    assert not Invitation.objects.exists()


def test_a_superuser_sees_invitations_in_the_django_admin_without_their_codes(world, stranger):
    from kotacerdas.accounts.models import Invitation

    _, code = _invite(_as(world.user("admin_bappelitbang")), "pendatang")
    root = _as(get_user_model().objects.create_superuser("root", password=PASSWORD))
    assert "pendatang" in root.get("/admin/accounts/invitation/").content.decode()
    page = root.get(f"/admin/accounts/invitation/{Invitation.objects.get().pk}/change/").content.decode()
    assert code not in page and Invitation.objects.get().code_digest not in page
    assert root.get("/admin/accounts/passwordchangerequired/").status_code == 200
