"""Screening on the activity page: the owning agency's operator and the admin record relations and consultations;
others are refused and nothing changes."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Consultation, Screening
from kotacerdas.regions.models import LocalWisdom


def relation(item, kind="memperkuat") -> dict:
    return {"lw-local_wisdom": item.pk, "lw-relation": kind, "lw-note": "Konten aplikasi berbahasa daerah"}


@pytest.mark.django_db
def test_operator_records_a_relation_of_their_own_activity(plan, login):
    item = LocalWisdom.objects.get(region=plan.world.katingan, name="Penyang Hinje Simpei")
    client = login(plan.world.user("op_diskominfo"))
    response = client.post(f"/d/katingan/rencana-aksi/kegiatan/{plan.gov1.pk}/penapisan/", relation(item))
    assert response.status_code == 302
    assert Screening.objects.filter(activity=plan.gov1, local_wisdom=item, relation="memperkuat").exists()
    plan.gov1.refresh_from_db()
    assert not plan.gov1.no_local_wisdom_relation  # a relation found replaces "no relation found"


@pytest.mark.django_db
def test_the_same_item_is_recorded_once_per_activity(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    url = f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/penapisan/"
    response = client.post(url, relation(plan.risky.local_wisdom))
    assert response.status_code == 400
    assert "sudah dicatat" in response.content.decode()
    assert Screening.objects.filter(activity=plan.gov2).count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("op_dinkes", 403), ("viewer", 403), ("reviewer_dewan", 403),
                                            ("admin_other", 404)])  # fmt: skip
def test_others_cannot_screen_or_record_consultations(plan, login, persona, status):
    item = LocalWisdom.objects.get(region=plan.world.katingan, name="Penyang Hinje Simpei")
    client = login(plan.world.user(persona))
    base = "/d/katingan/rencana-aksi/"
    assert client.post(f"{base}kegiatan/{plan.gov2.pk}/penapisan/", relation(item)).status_code == status
    assert client.post(f"{base}kegiatan/{plan.gov2.pk}/tanpa-kaitan/", {"value": "1"}).status_code == status
    done = {f"k{plan.consultation.pk}-{k}": v for k, v in
            {"custodian": "x", "status": "done", "date": "2026-01-05", "outcome": "Setuju"}.items()}  # fmt: skip
    assert client.post(f"{base}konsultasi/{plan.consultation.pk}/", done).status_code == status
    new = {f"s{plan.risky.pk}-custodian": "x", f"s{plan.risky.pk}-status": "planned"}
    assert client.post(f"{base}penapisan/{plan.risky.pk}/konsultasi/", new).status_code == status
    assert Screening.objects.filter(activity=plan.gov2).count() == 1
    assert Consultation.objects.count() == 1
    assert Consultation.objects.get().status == "planned"
    plan.gov2.refresh_from_db()
    assert not plan.gov2.no_local_wisdom_relation


@pytest.mark.django_db
def test_operator_marks_no_relation_found_and_takes_it_back(plan, login):
    from kotacerdas.actionplan.models import Activity

    unscreened = Activity.objects.create(
        region=plan.world.katingan, program=plan.kominfo_program, ref="GOV-05", code="2.16.03.2.02",
        name="Server aplikasi", horizon="short", start_year=2026, end_year=2026, funding_source="apbd",
        infrastructure="governance",
    )  # fmt: skip
    client = login(plan.world.user("op_diskominfo"))
    url = f"/d/katingan/rencana-aksi/kegiatan/{unscreened.pk}/tanpa-kaitan/"
    assert client.post(url, {"value": "1"}).status_code == 302
    unscreened.refresh_from_db()
    assert unscreened.no_local_wisdom_relation
    assert client.post(url, {"value": "0"}).status_code == 302
    unscreened.refresh_from_db()
    assert not unscreened.no_local_wisdom_relation


@pytest.mark.django_db
def test_no_relation_cannot_be_marked_when_relations_exist(plan, login):
    client = login(plan.world.user("op_diskominfo"))
    response = client.post(f"/d/katingan/rencana-aksi/kegiatan/{plan.gov2.pk}/tanpa-kaitan/", {"value": "1"})
    assert response.status_code == 302
    plan.gov2.refresh_from_db()
    assert not plan.gov2.no_local_wisdom_relation
