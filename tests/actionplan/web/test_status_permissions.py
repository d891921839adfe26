"""Status buttons: only those who may write the activity change its status; everyone else changes nothing."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity


def status_url(activity) -> str:
    return f"/d/katingan/rencana-aksi/kegiatan/{activity.pk}/status/"


@pytest.mark.django_db
def test_operator_of_dinkes_cannot_change_a_diskominfostandi_activity(plan, login):
    client = login(plan.world.user("op_dinkes"))
    for status in ("disetujui", "batal"):
        assert client.post(status_url(plan.gov1), {"status": status}).status_code == 403
    assert Activity.objects.get(pk=plan.gov1.pk).status == "usulan"
    assert plan.gov1.history.count() == Activity.objects.get(pk=plan.gov1.pk).history.count()


@pytest.mark.django_db
def test_operator_approves_their_own_screened_activity(plan, login):
    client = login(plan.world.user("op_diskominfo"))
    response = client.post(status_url(plan.gov1), {"status": "disetujui"})
    assert response.status_code == 302
    gov1 = Activity.objects.get(pk=plan.gov1.pk)
    assert gov1.status == "disetujui"
    assert gov1.history.first().history_user.username == "op_diskominfo"


@pytest.mark.django_db
@pytest.mark.parametrize("persona,code", [("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)])
def test_readers_and_outsiders_cannot_change_a_status(plan, login, persona, code):
    client = login(plan.world.user(persona))
    versions = plan.gov1.history.count()
    assert client.post(status_url(plan.gov1), {"status": "disetujui"}).status_code == code
    gov1 = Activity.objects.get(pk=plan.gov1.pk)
    assert gov1.status == "usulan" and gov1.history.count() == versions


@pytest.mark.django_db
def test_anonymous_users_log_in_first_and_get_is_refused(plan, login, client):
    response = client.post(status_url(plan.gov1), {"status": "disetujui"})
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    admin = login(plan.world.user("admin_bappelitbang"))
    assert admin.get(status_url(plan.gov1)).status_code == 405
    assert admin.post(status_url(plan.gov1), {"status": "dibuang"}).status_code == 404
    assert Activity.objects.get(pk=plan.gov1.pk).status == "usulan"


@pytest.mark.django_db
def test_a_move_the_workflow_does_not_allow_is_refused_with_a_reason(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post(status_url(plan.gov1), {"status": "selesai"})
    assert response.status_code == 409
    assert "tidak dapat diubah" in response.content.decode()
    assert Activity.objects.get(pk=plan.gov1.pk).status == "usulan"
