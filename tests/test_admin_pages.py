"""The Django admin works for superusers, and the framework's reference data is read-only there."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from kotacerdas.framework.models import Pillar

MODELS = [
    "regions/region", "regions/district", "regions/rpjmdperiod", "regions/mission", "regions/agency",
    "regions/localwisdom", "regions/governancemember", "regions/membership", "framework/pillar",
    "framework/element", "framework/readinessaspect",
]  # fmt: skip


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_superuser_opens_every_changelist(client, world, model):
    client.force_login(get_user_model().objects.create_superuser("root", password="x-very-long-1"))
    response = client.get(f"/admin/{model}/")
    assert response.status_code == 200


@pytest.mark.django_db
def test_reference_data_cannot_be_changed_in_the_admin(client, world):
    client.force_login(get_user_model().objects.create_superuser("root", password="x-very-long-1"))
    pillar = Pillar.objects.get(slug="governance")
    url = reverse("admin:framework_pillar_change", args=[pillar.pk])
    client.post(
        url, {"slug": "hacked", "name": "X", "name_en": "X", "order": 1, "framework": pillar.framework_id}
    )
    pillar.refresh_from_db()
    assert pillar.slug == "governance"
    assert client.get(reverse("admin:framework_pillar_add")).status_code == 403


@pytest.mark.django_db
def test_region_admin_without_staff_flag_cannot_open_the_django_admin(client, world):
    client.force_login(world.user("admin_bappelitbang"))
    response = client.get("/admin/regions/region/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
