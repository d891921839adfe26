"""Every stage app has an admin.py: a superuser opens the changelist of each of its records."""

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model

STAGE_MODELS = [
    f"{app}/{model._meta.model_name}"
    for app in ("assessment", "actionplan", "masterplan")
    for model in apps.get_app_config(app).get_models()
    if not model._meta.model_name.startswith("historical")
]


def test_every_stage_has_records_in_the_admin():
    assert {m.split("/")[0] for m in STAGE_MODELS} == {"assessment", "actionplan", "masterplan"}
    assert "actionplan/activity" in STAGE_MODELS and "assessment/swotfactor" in STAGE_MODELS


@pytest.mark.django_db
@pytest.mark.parametrize("model", STAGE_MODELS)
def test_superuser_opens_every_stage_changelist(client, world, model):
    client.force_login(get_user_model().objects.create_superuser("root", password="x-very-long-1"))
    assert client.get(f"/admin/{model}/").status_code == 200
