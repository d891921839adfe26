"""The activity page and the program page name the official nomenclature entry of their code, or say plainly that
a stored code is not in the nomenclature (issue 12 item 2). Facts from ``nomenclature-5889-2021.csv``:
``program,2.16.03,PROGRAM PENGELOLAAN APLIKASI INFORMATIKA`` and
``subkegiatan,2.16.03.2.02.0009,Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan Kota Cerdas``;
``2.16.03.2.02.0099`` and program ``2.16.09`` are not in it (2.16 has programs 01–03 only)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from kotacerdas.actionplan.models import Activity, Program
from kotacerdas.framework.models import Pillar

UNKNOWN = "kode tidak ada dalam nomenklatur"


@pytest.fixture
def program(world):
    k = world.katingan
    return Program.objects.create(
        region=k,
        agency=world.diskominfo,
        pillar=Pillar.objects.get(framework=k.framework, slug="governance"),
        code="2.16.03",
        name="Program Aplikasi Informatika",  # an older name, as stored before issue 12
    )


def _activity(program, code: str, ref: str = "GOV-01") -> Activity:
    # Stored as an older database may hold it: not re-validated (objects.create runs no clean()).
    return Activity.objects.create(
        region=program.region,
        program=program,
        ref=ref,
        code=code,
        name="Dasbor kota cerdas",
        horizon="short",
        start_year=2026,
        end_year=2026,
        funding_source="apbd",
        infrastructure="governance",
    )


def _page(client, activity) -> str:
    url = reverse("actionplan-activity", kwargs={"slug": "katingan", "pk": activity.pk})
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(response.content.decode().split())


def test_activity_page_names_the_official_sub_kegiatan(world, login, program):
    html = _page(login(world.user("viewer")), _activity(program, "2.16.03.2.02.0009"))
    assert (
        "sub kegiatan 2.16.03.2.02.0009: Pengembangan dan Pengelolaan Ekosistem Kabupaten/Kota Cerdas dan "
        "Kota Cerdas" in html
    )
    assert "Dasbor kota cerdas" in html  # the activity's own title stays
    assert "2.16.03 PROGRAM PENGELOLAAN APLIKASI INFORMATIKA" in html  # the program by its official name
    assert UNKNOWN not in html


def test_activity_page_says_a_stored_code_is_unknown(world, login, program):
    html = _page(login(world.user("viewer")), _activity(program, "2.16.03.2.02.0099"))
    assert f'<span class="code-unknown"><b>{UNKNOWN}</b> (2.16.03.2.02.0099)</span>' in html


def test_activity_page_says_the_code_is_under_another_program(world, login, program):
    html = _page(login(world.user("viewer")), _activity(program, "2.16.02.2.01"))
    assert "Kode 2.16.02.2.01 berada di bawah program 2.16.02, bukan program kegiatan ini." in html


def test_program_page_names_the_official_program(world, login, program):
    client = login(world.user("viewer"))
    url = reverse("object-detail", kwargs={"slug": "katingan", "kind": "program", "pk": program.pk})
    html = " ".join(client.get(url).content.decode().split())
    assert '<dd class="code-known">program 2.16.03: PROGRAM PENGELOLAAN APLIKASI INFORMATIKA</dd>' in html
    program.code = "2.16.09"
    program.save()
    html = " ".join(client.get(url).content.decode().split())
    assert '<dd class="code-unknown">Kode 2.16.09 tidak ada dalam nomenklatur' in html


def test_edit_form_shows_the_official_name_of_the_stored_code(world, login, program):
    activity = _activity(program, "2.16.03.2.02.0009")
    client = login(world.user("op_diskominfo"))
    url = reverse("object-edit", kwargs={"slug": "katingan", "kind": "kegiatan", "pk": activity.pk})
    html = " ".join(client.get(url).content.decode().split())
    assert (
        '<span class="code-known">sub kegiatan 2.16.03.2.02.0009: Pengembangan dan Pengelolaan Ekosistem '
        "Kabupaten/Kota Cerdas dan Kota Cerdas</span>" in html
    )
