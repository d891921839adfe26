"""Every change needs the CSRF token."""

from __future__ import annotations

import pytest
from django.test import Client

from kotacerdas.assessment.models import SwotFactor


@pytest.mark.django_db
def test_post_without_csrf_token_is_rejected(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.user("admin_bappelitbang"))
    data = {"kind": "S", "text": "Tanpa token", "agency": world.diskominfo.pk}
    assert client.post("/d/katingan/analisis/swot/governance/faktor/", data).status_code == 403
    assert not SwotFactor.objects.exists()
