"""The approval gate through the page: refused while a risk to Bukit Batu lacks a done consultation (the page
names the item and what is missing, nothing changes), approved once the consultation is recorded."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Activity, Consultation


@pytest.mark.django_db
def test_approval_is_refused_for_an_open_risk_then_granted_after_the_consultation(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    base = "/d/katingan/rencana-aksi/"
    versions = plan.gov2.history.count()

    response = client.post(f"{base}kegiatan/{plan.gov2.pk}/status/", {"status": "disetujui"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Perubahan status ditolak" in page
    assert "Bukit Batu: berisiko tanpa konsultasi" in page
    assert "Damang Kepala Adat Kecamatan Katingan Hilir" in page
    gov2 = Activity.objects.get(pk=plan.gov2.pk)
    assert gov2.status == "usulan" and gov2.history.count() == versions

    prefix = f"k{plan.consultation.pk}"
    done = {
        f"{prefix}-custodian": "Damang Kepala Adat Kecamatan Katingan Hilir",
        f"{prefix}-status": "done",
        f"{prefix}-date": "2026-02-10",
        f"{prefix}-outcome": "Disepakati: zona inti tertutup, jalur kunjungan bersama lembaga adat.",
    }
    # Done without a date and an outcome is refused by the model's rule.
    refused = client.post(f"{base}konsultasi/{plan.consultation.pk}/", {**done, f"{prefix}-date": ""})
    assert refused.status_code == 400
    assert "perlu tanggal dan hasilnya" in refused.content.decode()
    assert Consultation.objects.get().status == "planned"

    assert client.post(f"{base}konsultasi/{plan.consultation.pk}/", done).status_code == 302
    assert Consultation.objects.get().status == "done"

    response = client.post(f"{base}kegiatan/{plan.gov2.pk}/status/", {"status": "disetujui"}, follow=True)
    assert response.status_code == 200
    assert "Status GOV-02 sekarang: Disetujui." in response.content.decode()
    assert Activity.objects.get(pk=plan.gov2.pk).status == "disetujui"


@pytest.mark.django_db
def test_a_risk_without_mitigation_is_named_with_what_is_missing(plan, login):
    plan.risky.mitigation = ""
    plan.risky.save()
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post(
        f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/status/", {"status": "disetujui"}
    )
    assert response.status_code == 409
    assert "Bukit Batu: berisiko tanpa mitigasi" in response.content.decode()


@pytest.mark.django_db
def test_an_unscreened_activity_cannot_be_approved(plan, login):
    plan.gov1.no_local_wisdom_relation = False
    plan.gov1.save()
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post(
        f"/d/katingan/rencana-aksi/kegiatan/{plan.gov1.pk}/status/", {"status": "disetujui"}
    )
    assert response.status_code == 409
    assert "belum ditapis" in response.content.decode()
    assert Activity.objects.get(pk=plan.gov1.pk).status == "usulan"


@pytest.mark.django_db
def test_the_activity_page_shows_the_blockers_before_anyone_tries(plan, login):
    client = login(plan.world.user("viewer"))
    page = client.get(f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/").content.decode()
    assert "Belum dapat disetujui" in page and "Bukit Batu: berisiko tanpa konsultasi" in page
