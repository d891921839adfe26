"""The generic activity form has no status field: a status only changes through the status buttons (the gate)."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity


@pytest.mark.django_db
def test_the_generic_edit_form_cannot_change_the_status(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    url = f"/d/katingan/kegiatan/{plan.gov2.pk}/ubah/"
    form = client.get(url).context["form"]
    assert "status" not in form.fields
    data = activity_form(plan.kominfo_program, "GOV-02", name="Informasi wisata Bukit Batu (diubah)",
                         horizon="medium", start_year=2026, end_year=2027, status="selesai")  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    gov2 = Activity.objects.get(pk=plan.gov2.pk)
    assert gov2.name == "Informasi wisata Bukit Batu (diubah)"
    assert gov2.status == "usulan"


@pytest.mark.django_db
def test_a_new_activity_starts_as_a_proposal_whatever_is_posted(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    data = activity_form(plan.kominfo_program, "GOV-07", status="berjalan")
    assert client.post("/d/katingan/kegiatan/baru/", data).status_code == 302
    assert Activity.objects.get(ref="GOV-07").status == "usulan"


@pytest.mark.django_db
def test_dates_that_contradict_the_horizon_are_refused_on_the_form(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    data = activity_form(plan.kominfo_program, "GOV-08", horizon="short", start_year=2026, end_year=2029)
    response = client.post("/d/katingan/kegiatan/baru/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["horizon"]
    assert not Activity.objects.filter(ref="GOV-08").exists()
