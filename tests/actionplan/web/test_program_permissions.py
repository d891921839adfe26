"""Programs through the generic pages: operators manage their own agency's programs, the admin all, readers read."""

from __future__ import annotations

import pytest

from kotacerdas.actionplan.models import Program
from kotacerdas.framework.models import Pillar


def program_form(agency, code="2.16.02", name="Program Pengelolaan Informasi dan Komunikasi Publik") -> dict:
    return {"agency": agency.pk, "pillar": Pillar.objects.get(slug="society").pk, "code": code, "name": name}


@pytest.mark.django_db
def test_operator_adds_a_program_for_their_own_agency_only(plan, login):
    world = plan.world
    client = login(world.user("op_diskominfo"))
    response = client.post("/d/katingan/program/baru/", program_form(world.diskominfo))
    assert response.status_code == 302
    assert Program.objects.filter(code="2.16.02", agency=world.diskominfo).exists()
    response = client.post("/d/katingan/program/baru/", program_form(world.dinkes, "1.02.03"))
    assert response.status_code == 200  # Dinkes is not a choice for a Diskominfostandi operator
    assert not Program.objects.filter(code="1.02.03").exists()


@pytest.mark.django_db
def test_operator_cannot_edit_another_agencys_program(plan, login):
    client = login(plan.world.user("op_dinkes"))
    url = f"/d/katingan/program/{plan.kominfo_program.pk}/ubah/"
    assert client.get(url).status_code == 403
    data = program_form(plan.world.dinkes, "2.16.03", "Diambil alih")
    assert client.post(url, data).status_code == 403
    assert client.post(f"/d/katingan/program/{plan.kominfo_program.pk}/hapus/").status_code == 403
    plan.kominfo_program.refresh_from_db()
    assert plan.kominfo_program.name == "Program Aplikasi Informatika"


@pytest.mark.django_db
def test_admin_edits_any_program(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    # the name is the nomenclature's; written in another case, it is stored as the official one
    data = program_form(
        plan.world.dinkes,
        "1.02.02",
        "Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat",
    )
    data["pillar"] = plan.dinkes_program.pillar_id
    assert client.post(f"/d/katingan/program/{plan.dinkes_program.pk}/ubah/", data).status_code == 302
    plan.dinkes_program.refresh_from_db()
    assert plan.dinkes_program.name == (
        "PROGRAM PEMENUHAN UPAYA KESEHATAN PERORANGAN DAN UPAYA KESEHATAN MASYARAKAT"
    )


@pytest.mark.django_db
def test_a_malformed_program_code_is_refused_with_the_format(plan, login):
    client = login(plan.world.user("admin_bappelitbang"))
    response = client.post("/d/katingan/program/baru/", program_form(plan.world.dinkes, "2.16"))
    assert response.status_code == 200
    assert "U.BB.PP" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("persona,status", [("viewer", 403), ("reviewer_dewan", 403), ("admin_other", 404)])
def test_readers_and_outsiders_cannot_add_or_edit_programs(plan, login, persona, status):
    client = login(plan.world.user(persona))
    assert client.post("/d/katingan/program/baru/", program_form(plan.world.diskominfo)).status_code == status
    url = f"/d/katingan/program/{plan.kominfo_program.pk}/ubah/"
    assert client.post(url, program_form(plan.world.diskominfo, "2.16.03", "x")).status_code == status
    assert Program.objects.count() == 2
    assert Program.objects.get(pk=plan.kominfo_program.pk).name == "Program Aplikasi Informatika"


@pytest.mark.django_db
def test_anonymous_users_log_in_first(plan, client):
    response = client.get("/d/katingan/program/")
    assert response.status_code == 302 and response["Location"].startswith("/masuk/")
