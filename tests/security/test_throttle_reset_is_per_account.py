"""A successful login forgets the failures of that account only, never those of another account at the same address.

A bimtek room shares one public address: when a colleague logs in there, an account that is being guessed from the
same room must stay locked.
"""

from __future__ import annotations

from django.test import Client

from tests.conftest import PASSWORD

ROOM = "203.0.113.50"


def _login(client, username, password):
    return client.post("/masuk/", {"username": username, "password": password}, REMOTE_ADDR=ROOM)


def test_a_colleagues_login_from_the_same_room_does_not_unlock_a_locked_account(client, world):
    for _ in range(5):
        _login(client, "viewer", "tebakan-salah")
    assert _login(client, "viewer", PASSWORD).status_code == 429  # locked

    colleague = Client()
    assert _login(colleague, "op_dinkes", PASSWORD).status_code == 302

    guesser = Client()
    response = _login(guesser, "viewer", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in guesser.session


def test_a_success_still_forgets_the_accounts_own_failures(client, world):
    for _ in range(4):
        _login(client, "viewer", "salah")
    assert _login(client, "viewer", PASSWORD).status_code == 302
    other = Client()
    for _ in range(4):
        assert _login(other, "viewer", "salah").status_code == 200  # the count started again
