"""Login throttling (django-axes): per account and per address, a lockout message on the login page, unlocking."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.conftest import PASSWORD

LOCKED = "Terlalu banyak percobaan masuk yang gagal"


def _login(client, username, password, address="203.0.113.10"):
    return client.post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=address)


def _logged_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_sixty_wrong_passwords_then_the_right_one_is_refused(client, world):
    for _ in range(60):
        _login(client, "viewer", "salah-sekali")
    response = _login(client, "viewer", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED in page and "15 menit" in page
    assert 'name="username"' in page  # the login page itself, not a bare error page
    assert not _logged_in(client)


def test_another_account_from_another_address_is_not_affected(client, world, django_db_blocker):
    from django.test import Client

    for _ in range(60):
        _login(client, "viewer", "salah-sekali")
    other = Client()
    response = _login(other, "op_dinkes", PASSWORD, address="198.51.100.7")
    assert response.status_code == 302
    assert _logged_in(other)


def test_the_account_is_locked_from_any_address(client, world):
    for i in range(5):
        _login(client, "viewer", "salah", address=f"192.0.2.{i}")
    response = _login(client, "viewer", PASSWORD, address="192.0.2.200")
    assert response.status_code == 429
    assert not _logged_in(client)


def test_four_mistakes_do_not_lock_and_a_success_forgets_them(client, world):
    for _ in range(4):
        assert _login(client, "viewer", "salah").status_code == 200
    assert _login(client, "viewer", PASSWORD).status_code == 302
    client.post("/keluar/")
    for _ in range(4):
        _login(client, "viewer", "salah")
    assert _login(client, "viewer", PASSWORD).status_code == 302  # the count started again after the success


def test_one_address_trying_many_accounts_is_locked_at_its_own_limit(client, world):
    # 30 failures from one address over several accounts (fewer than 5 each) lock the address.
    names = ["viewer", "op_dinkes", "op_diskominfo", "reviewer_dewan", "admin_other", "nobody", "x", "y"]
    for i in range(30):
        _login(client, names[i % len(names)], "salah", address="203.0.113.99")
    response = _login(client, "admin_bappelitbang", PASSWORD, address="203.0.113.99")
    assert response.status_code == 429
    # the accounts themselves are not locked elsewhere
    assert _login(client, "admin_bappelitbang", PASSWORD, address="203.0.113.100").status_code == 302


def test_a_room_behind_one_address_is_not_locked_by_a_few_typos(client, world):
    """A bimtek room shares one public address: 20 operators mistyping once each must not lock the room."""
    for i in range(20):
        _login(client, f"operator{i}", "salah", address="203.0.113.50")
    assert _login(client, "viewer", PASSWORD, address="203.0.113.50").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, world):
    from axes.models import AccessAttempt

    for _ in range(5):
        _login(client, "viewer", "salah")
    assert _login(client, "viewer", PASSWORD).status_code == 429
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert _login(client, "viewer", PASSWORD).status_code == 302


@pytest.mark.parametrize("command", [["axes_reset_username", "viewer"], ["axes_reset"]])
def test_an_administrator_unlocks_with_a_management_command(client, world, command):
    for _ in range(5):
        _login(client, "viewer", "salah")
    assert _login(client, "viewer", PASSWORD).status_code == 429
    call_command(*command, verbosity=0)
    assert _login(client, "viewer", PASSWORD).status_code == 302


def test_the_lockout_message_is_in_english_for_an_english_user(client, world):
    client.post("/i18n/setlang/", {"language": "en", "next": "/masuk/"})
    for _ in range(5):
        _login(client, "viewer", "salah")
    page = _login(client, "viewer", PASSWORD).content.decode()
    assert "Too many failed login attempts" in page and "15 minutes" in page


def test_throttling_reads_the_client_address_behind_a_proxy(client, world, settings):
    """Behind nginx every request comes from 127.0.0.1: with KOTACERDAS_PROXY_COUNT=1 the address the proxy
    appended to X-Forwarded-For counts, and a client cannot forge it by sending its own header."""
    settings.PROXY_COUNT = 1
    for i in range(30):
        client.post(
            "/masuk/",
            {"username": f"u{i}", "password": "salah"},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{i}, 203.0.113.7",  # forged left part, proxy's right part
        )
    locked = client.post(
        "/masuk/",
        {"username": "viewer", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.7",
    )
    assert locked.status_code == 429
    other = client.post(
        "/masuk/",
        {"username": "viewer", "password": PASSWORD},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert other.status_code == 302


def test_login_without_a_request_is_not_throttled(world):
    """The command line and the sample loader authenticate without a request; they are not network clients."""
    from django.contrib.auth import authenticate

    assert authenticate(username="viewer", password=PASSWORD) is not None
    assert authenticate(username="viewer", password="salah") is None
