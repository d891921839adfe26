"""Password change for every user; an admin's temporary password, which must be changed at the next login."""

from __future__ import annotations

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.test import Client

from tests.conftest import PASSWORD

NEW = "Sungai-Mentaya-2031"
TEMP = "Sementara-Rotan-88"


def _real_login(username, password) -> Client:
    client = Client()
    response = client.post("/masuk/", {"username": username, "password": password})
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def test_every_logged_in_user_can_change_their_password(world):
    client = _real_login("viewer", PASSWORD)
    page = client.get("/d/katingan/").content.decode()
    assert 'href="/akun/kata-sandi/"' in page
    assert "Ganti kata sandi" in client.get("/akun/kata-sandi/").content.decode()
    response = client.post(
        "/akun/kata-sandi/", {"old_password": PASSWORD, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert client.get("/d/katingan/").status_code == 200  # still logged in
    assert authenticate(username="viewer", password=NEW) is not None
    assert authenticate(username="viewer", password=PASSWORD) is None


def test_a_wrong_old_password_changes_nothing(world):
    client = _real_login("viewer", PASSWORD)
    response = client.post(
        "/akun/kata-sandi/", {"old_password": "salah", "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 200
    assert "Sandi lama Anda yang dimasukkan salah" in response.content.decode()
    assert authenticate(username="viewer", password=PASSWORD) is not None


def test_anonymous_users_are_sent_to_the_login_page(client, world):
    response = client.get("/akun/kata-sandi/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")


def _reset(client, membership_pk, password=TEMP):
    return client.post(
        f"/d/katingan/anggota/{membership_pk}/kata-sandi-sementara/",
        {"new_password1": password, "new_password2": password},
    )


def test_an_admin_sets_a_temporary_password_which_must_be_changed_at_login(world, login):
    target = world.user("op_dinkes")
    victim_session = _real_login("op_dinkes", PASSWORD)
    admin = login(world.user("admin_bappelitbang"))
    membership = target.memberships.get()
    detail = admin.get(f"/d/katingan/anggota/{membership.pk}/").content.decode()
    assert f"/d/katingan/anggota/{membership.pk}/kata-sandi-sementara/" in detail
    response = _reset(admin, membership.pk)
    assert response.status_code == 302
    assert authenticate(username="op_dinkes", password=TEMP) is not None
    # the open session of the account ended with the new password
    assert victim_session.get("/d/katingan/").status_code == 302
    user = _real_login("op_dinkes", TEMP)
    for url in ("/", "/d/katingan/", "/d/katingan/kearifan-lokal/", "/undangan/"):
        response = user.get(url)
        assert response.status_code == 302 and response["Location"] == "/akun/kata-sandi/", url
    page = user.get("/akun/kata-sandi/").content.decode()
    assert "kata sandi sementara" in page
    response = user.post(
        "/akun/kata-sandi/", {"old_password": TEMP, "new_password1": NEW, "new_password2": NEW}
    )
    assert response.status_code == 302
    assert user.get("/d/katingan/").status_code == 200
    assert authenticate(username="op_dinkes", password=NEW) is not None
    from kotacerdas.accounts.models import PasswordChangeRequired

    assert not PasswordChangeRequired.objects.exists()
    assert PasswordChangeRequired.history.filter(history_type="-").count() == 1  # history kept


def test_a_user_with_a_pending_change_can_still_log_out(world, login):
    admin = login(world.user("admin_bappelitbang"))
    _reset(admin, world.user("viewer").memberships.get().pk)
    user = _real_login("viewer", TEMP)
    assert user.post("/keluar/").status_code == 302
    assert "_auth_user_id" not in user.session


def test_a_reset_also_unlocks_a_locked_account(world, login):
    for _ in range(5):
        Client().post("/masuk/", {"username": "viewer", "password": "salah"}, REMOTE_ADDR="192.0.2.1")
    assert Client().post("/masuk/", {"username": "viewer", "password": PASSWORD}).status_code == 429
    admin = login(world.user("admin_bappelitbang"))
    _reset(admin, world.user("viewer").memberships.get().pk)
    assert Client().post("/masuk/", {"username": "viewer", "password": TEMP}).status_code == 302


def test_the_temporary_password_is_validated(world, login):
    admin = login(world.user("admin_bappelitbang"))
    response = _reset(admin, world.user("viewer").memberships.get().pk, password="katingan2024")
    assert response.status_code == 200
    assert "terlalu mirip dengan nama daerah" in response.content.decode()
    assert authenticate(username="viewer", password=PASSWORD) is not None


@pytest.fixture
def shared_user(world):
    """A user who works in both regions."""
    from kotacerdas.regions.models import Membership, Role

    user = get_user_model().objects.create_user("konsultan", password=PASSWORD)
    Membership.objects.create(user=user, region=world.katingan, role=Role.VIEWER)
    Membership.objects.create(user=user, region=world.other, role=Role.VIEWER)
    return user


def test_an_admin_cannot_reset_a_user_who_also_works_in_another_region(world, login, shared_user):
    admin = login(world.user("admin_bappelitbang"))
    membership = shared_user.memberships.get(region=world.katingan)
    assert "kata-sandi-sementara" not in admin.get(f"/d/katingan/anggota/{membership.pk}/").content.decode()
    assert _reset(admin, membership.pk).status_code == 403
    assert authenticate(username="konsultan", password=PASSWORD) is not None


def test_an_admin_cannot_reset_a_superuser_nor_themselves(world, login):
    from kotacerdas.regions.models import Membership, Role

    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    root_membership = Membership.objects.create(user=root, region=world.katingan, role=Role.VIEWER)
    admin = login(world.user("admin_bappelitbang"))
    assert _reset(admin, root_membership.pk).status_code == 403
    assert _reset(admin, world.user("admin_bappelitbang").memberships.get().pk).status_code == 403
    assert authenticate(username="root", password=PASSWORD) is not None
    assert authenticate(username="admin_bappelitbang", password=PASSWORD) is not None


def test_other_roles_and_other_regions_cannot_reset(world, login):
    membership = world.user("viewer").memberships.get()
    for persona, status in [("op_diskominfo", 403), ("reviewer_dewan", 403), ("admin_other", 404)]:
        assert _reset(login(world.user(persona)), membership.pk).status_code == status, persona
    assert authenticate(username="viewer", password=PASSWORD) is not None


def test_a_superuser_may_reset_a_user_of_several_regions(world, login, shared_user):
    root = get_user_model().objects.create_superuser("root", password=PASSWORD)
    client = login(root)
    assert _reset(client, shared_user.memberships.get(region=world.katingan).pk).status_code == 302
    assert authenticate(username="konsultan", password=TEMP) is not None


def test_the_permission_rule_lives_in_permissions(world, shared_user):
    from kotacerdas.permissions import access_for

    admin = access_for(world.user("admin_bappelitbang"), world.katingan)
    assert admin.can_reset_password(world.user("op_dinkes"))
    assert not admin.can_reset_password(world.user("admin_other"))  # no role in Katingan
    assert not admin.can_reset_password(shared_user)
    assert not access_for(world.user("op_dinkes"), world.katingan).can_reset_password(world.user("viewer"))
