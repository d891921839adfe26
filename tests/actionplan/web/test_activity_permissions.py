"""Activities through the generic pages: an operator writes under their own agency's programs only."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity


@pytest.mark.django_db
def test_operator_adds_an_activity_under_their_own_program_only(plan, login, activity_form):
    client = login(plan.world.user("op_diskominfo"))
    response = client.post("/d/katingan/kegiatan/baru/", activity_form(plan.kominfo_program))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Activity.objects.get(ref="GOV-09").program == plan.kominfo_program
    response = client.post("/d/katingan/kegiatan/baru/", activity_form(plan.dinkes_program, "LIV-09"))
    assert response.status_code == 200
    assert not Activity.objects.filter(ref="LIV-09").exists()


@pytest.mark.django_db
def test_operator_cannot_edit_or_delete_another_agencys_activity(plan, login, activity_form):
    client = login(plan.world.user("op_dinkes"))
    url = f"/d/katingan/kegiatan/{plan.gov1.pk}/"
    assert client.get(url + "ubah/").status_code == 403
    data = activity_form(plan.dinkes_program, "GOV-01", name="Diambil alih")
    assert client.post(url + "ubah/", data).status_code == 403
    assert client.post(url + "hapus/").status_code == 403
    plan.gov1.refresh_from_db()
    assert plan.gov1.name == "Portal Satu Data Katingan" and plan.gov1.program == plan.kominfo_program


@pytest.mark.django_db
def test_a_reference_is_unique_in_the_region(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post("/d/katingan/kegiatan/baru/", activity_form(plan.kominfo_program, "gov-01"))
    assert response.status_code == 200
    assert "Rujukan “gov-01” sudah dipakai" in response.content.decode()


@pytest.mark.django_db
def test_dependencies_are_chosen_among_the_regions_other_activities(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.get(f"/d/katingan/kegiatan/{plan.gov2.pk}/ubah/")
    choices = {
        int(v) for v in response.context["form"].fields["depends_on"].queryset.values_list("pk", flat=True)
    }
    assert choices == {plan.gov1.pk, plan.liv1.pk}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["admin_bappelitbang", "op_dinkes", "reviewer_dewan", "viewer"])
def test_every_role_of_the_region_reads_the_activity_page(plan, login, persona):
    client = login(plan.world.user(persona))
    response = client.get(f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Informasi wisata Bukit Batu" in page
    may_write = persona == "admin_bappelitbang"
    assert ('name="status"' in page) is may_write  # the status buttons are shown to writers only


@pytest.mark.django_db
def test_other_regions_and_anonymous_users_do_not_see_the_pages(plan, login, client):
    urls = ["/d/katingan/rencana-aksi/", f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/"]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/masuk/")
    other = login(plan.world.user("admin_other"))
    for url in urls:
        assert other.get(url).status_code == 404
