"""Fixtures of the safety tests: the Katingan sample loaded through the real importer, with its personas."""

from __future__ import annotations

import pytest


@pytest.fixture
def katingan(db):
    from kotacerdas import sample

    return sample.load("katingan").region


@pytest.fixture
def as_user(client):
    """``as_user(username)``: the test client logged in as that user."""
    from django.contrib.auth import get_user_model

    def _as(username: str):
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        client.user = user
        return client

    return _as
