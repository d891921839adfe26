"""One form per element: operators enter their own agency's levels only; the admin enters any; readers none."""

from __future__ import annotations

import pytest

from kotacerdas.assessment.models import MaturityLevel

URL = "/d/katingan/analisis/kematangan/governance/service/"


@pytest.mark.django_db
def test_operator_enters_a_level_for_their_agency(world, login):
    client = login(world.user("op_diskominfo"))
    assert client.get(URL).status_code == 200
    response = client.post(
        URL, {"current": 2, "target": 4, "evidence": "SIPD berjalan", "agency": world.diskominfo.pk}
    )
    assert response.status_code == 302 and response.url.endswith("/analisis/kematangan/#pilar-governance")
    record = MaturityLevel.objects.get()
    assert (record.current, record.target, record.agency) == (2, 4, world.diskominfo)
    assert record.element.slug == "service" and record.region == world.katingan
    assert record.history.first().history_user == world.user("op_diskominfo")


@pytest.mark.django_db
def test_operator_cannot_attach_another_agency(world, login):
    client = login(world.user("op_diskominfo"))
    response = client.post(URL, {"current": 2, "agency": world.dinkes.pk})
    assert response.status_code == 200 and not MaturityLevel.objects.exists()


@pytest.mark.django_db
def test_operator_cannot_overwrite_another_agencys_entry(world, login, element):
    record = MaturityLevel.objects.create(
        region=world.katingan, element=element("governance", "service"), current=2, agency=world.dinkes
    )
    client = login(world.user("op_diskominfo"))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"current": 5, "agency": world.diskominfo.pk}).status_code == 403
    record.refresh_from_db()
    assert (record.current, record.agency) == (2, world.dinkes)
    # Nor an entry that belongs to no agency (the admin's).
    record.agency = None
    record.save()
    assert client.post(URL, {"current": 5, "agency": world.diskominfo.pk}).status_code == 403


@pytest.mark.django_db
def test_admin_edits_any_entry(world, login, element):
    record = MaturityLevel.objects.create(
        region=world.katingan, element=element("governance", "service"), current=2, agency=world.dinkes
    )
    client = login(world.user("admin_bappelitbang"))
    response = client.post(URL, {"current": 3, "target": 5, "agency": world.dinkes.pk})
    assert response.status_code == 302
    record.refresh_from_db()
    assert (record.current, record.target, record.agency) == (3, 5, world.dinkes)


@pytest.mark.django_db
def test_target_below_current_is_refused(world, login):
    client = login(world.user("admin_bappelitbang"))
    response = client.post(URL, {"current": 4, "target": 2})
    assert response.status_code == 200
    assert "Target tingkat tidak boleh di bawah tingkat saat ini." in response.content.decode()
    assert not MaturityLevel.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)])
def test_readers_and_outsiders_cannot_enter(world, login, persona, status):
    client = login(world.user(persona))
    assert client.post(URL, {"current": 2, "agency": world.diskominfo.pk}).status_code == status
    assert not MaturityLevel.objects.exists()


@pytest.mark.django_db
def test_unknown_element_is_404(world, login):
    client = login(world.user("admin_bappelitbang"))
    assert client.get("/d/katingan/analisis/kematangan/governance/health/").status_code == 404
