"""The funding rules at the activity form (a field error on the funding source, nothing written) and the warnings
on the activity page (the national-application one gone once a reason is recorded)."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity

NEW = "/d/katingan/kegiatan/baru/"


def _errors(response) -> list[str]:
    return list(response.context["form"].errors.get("funding_source", []))


@pytest.mark.django_db
def test_kpbu_for_a_governance_activity_is_refused_at_the_funding_source(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    before = Activity.objects.count()
    response = client.post(NEW, activity_form(plan.kominfo_program, funding_source="kpbu"))
    assert response.status_code == 200
    errors = _errors(response)
    assert len(errors) == 1 and "KPBU hanya membiayai penyediaan infrastruktur" in errors[0]
    assert "Perpres 38/2015" in errors[0]
    assert Activity.objects.count() == before
    # the twin: the same activity as economic infrastructure is saved
    response = client.post(
        NEW, activity_form(plan.kominfo_program, funding_source="kpbu", infrastructure="economic")
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Activity.objects.get(ref="GOV-09").funding_source == "kpbu"


@pytest.mark.django_db
def test_dana_desa_needs_a_location(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post(NEW, activity_form(plan.kominfo_program, funding_source="dana_desa"))
    assert response.status_code == 200
    assert any("Dana Desa dibelanjakan oleh desa" in e for e in _errors(response))
    assert not Activity.objects.filter(ref="GOV-09").exists()
    place = plan.districts["Mendawai"].pk
    response = client.post(
        NEW, activity_form(plan.kominfo_program, funding_source="dana_desa", locations=[place])
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert list(Activity.objects.get(ref="GOV-09").locations.all()) == [plan.districts["Mendawai"]]


@pytest.mark.django_db
def test_the_activity_page_shows_the_warnings_until_a_reason_is_recorded(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    url = f"/d/katingan/rencana-aksi/kegiatan/{plan.gov1.pk}/"
    Activity.objects.filter(pk=plan.gov1.pk).update(funding_source="apbn")
    page = client.get(url).content.decode()
    assert 'id="funding-warnings"' in page
    assert "APBN dibelanjakan kementerian/lembaga" in page
    # "Portal Satu Data Katingan" resembles the national portal (Perpres 39/2019)
    assert "Portal Satu Data Indonesia" in page and "Perpres 39/2019" in page
    Activity.objects.filter(pk=plan.gov1.pk).update(
        funding_source="apbd", national_app_reason="Simpul daerah yang mengirim data ke portal nasional."
    )
    page = client.get(url).content.decode()
    assert 'id="funding-warnings"' not in page
    assert (
        "Simpul daerah yang mengirim data ke portal nasional." in page
    )  # the reason is shown among the facts


@pytest.mark.django_db
def test_the_reason_is_entered_through_the_form(plan, login, activity_form):
    client = login(plan.world.user("admin_bappelitbang"))
    data = activity_form(
        plan.kominfo_program,
        name="Sistem informasi kepegawaian",
        national_app_reason="Perluasan lokal SIASN.",
    )
    assert client.post(NEW, data).status_code == 302
    assert Activity.objects.get(ref="GOV-09").national_app_reason == "Perluasan lokal SIASN."
