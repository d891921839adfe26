"""The program, activity and profile pages refuse a code the region's nomenclature does not have: the form shows the
error on the field with the nearest codes, and nothing is written (codes and names from the shipped CSV)."""

from __future__ import annotations

import html

import pytest

from kotacerdas.actionplan.models import Activity, Program
from kotacerdas.framework.models import Pillar
from kotacerdas.reference.nomenclature import DEFAULT_VERSION, SIPD_VERSION
from kotacerdas.regions.models import Region

APLIKASI = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"  # 2.16.03


def _program_form(world, code: str, name: str = "") -> dict:
    pillar = Pillar.objects.get(framework=world.katingan.framework, slug="governance")
    return {"agency": world.diskominfo.pk, "pillar": pillar.pk, "code": code, "name": name}


def _activity_form(program, code: str) -> dict:
    return {
        "program": program.pk,
        "ref": "GOV-09",
        "code": code,
        "name": "Aplikasi layanan desa",
        "horizon": "short",
        "start_year": 2026,
        "end_year": 2026,
        "funding_source": "apbd",
        "infrastructure": "governance",
        "mandatory": "unknown",
    }


def _page(response) -> str:
    return html.unescape(response.content.decode())


@pytest.fixture
def admin(world, login):
    return login(world.user("admin_bappelitbang"))


@pytest.mark.django_db
def test_the_program_page_refuses_an_unknown_code_with_the_nearest_and_writes_nothing(world, admin):
    before = Program.objects.count()
    response = admin.post("/d/katingan/program/baru/", _program_form(world, "5.04.99"))
    assert response.status_code == 200
    page = _page(response)
    assert "Kode program 5.04.99 tidak ada dalam nomenklatur" in page
    assert "5.04.02 PROGRAM PENGEMBANGAN SUMBER DAYA MANUSIA" in page  # the CSV's 5.04.02
    assert Program.objects.count() == before


@pytest.mark.django_db
def test_the_program_page_refuses_another_programs_name(world, admin):
    before = Program.objects.count()
    form = _program_form(world, "5.02.03", "Program Pengelolaan Pendapatan Daerah")
    response = admin.post("/d/katingan/program/baru/", form)
    assert response.status_code == 200
    assert "Nama itu adalah nama program 5.02.04" in _page(response)
    assert Program.objects.count() == before


@pytest.mark.django_db
def test_the_program_page_takes_the_official_name_from_the_code(world, admin):
    response = admin.post("/d/katingan/program/baru/", _program_form(world, "2.16.03"))
    assert response.status_code == 302
    assert Program.objects.get(region=world.katingan, code="2.16.03").name == APLIKASI


@pytest.mark.django_db
def test_the_activity_page_refuses_a_kegiatan_of_another_program(world, admin):
    pillar = Pillar.objects.get(framework=world.katingan.framework, slug="governance")
    program = Program.objects.create(
        region=world.katingan, agency=world.diskominfo, pillar=pillar, code="2.16.03", name=APLIKASI
    )
    before = Activity.objects.count()
    response = admin.post("/d/katingan/kegiatan/baru/", _activity_form(program, "2.16.02.2.01"))
    assert response.status_code == 200
    assert "Kode 2.16.02.2.01 tidak berada di bawah program 2.16.03." in _page(response)
    assert Activity.objects.count() == before
    response = admin.post("/d/katingan/kegiatan/baru/", _activity_form(program, "2.16.03.2.02.0009"))
    assert response.status_code == 302
    assert Activity.objects.count() == before + 1


def _profile(region: Region, version: str) -> dict:
    return {"name": region.name, "kind": region.kind, "province": region.province, "nomenclature": version}


@pytest.mark.django_db
def test_the_profile_may_not_switch_to_a_version_without_the_codes_in_use(world, admin):
    region = world.katingan
    region.nomenclature = SIPD_VERSION
    region.save()
    pillar = Pillar.objects.get(framework=region.framework, slug="governance")
    program = Program.objects.create(
        region=region, agency=world.diskominfo, pillar=pillar, code="1.01.02", name="Program Pendidikan"
    )
    Activity.objects.create(
        region=region,
        program=program,
        ref="EDU-01",
        code="1.01.02.2.01.0054",  # only in nomenclature-additions-after-1317.csv
        name="Biaya personil",
        horizon="short",
        start_year=2026,
        end_year=2026,
        funding_source="apbd",
        infrastructure="social",
    )
    response = admin.post("/d/katingan/profil/ubah/", _profile(region, DEFAULT_VERSION))
    assert response.status_code == 200
    assert "tidak ada dalam versi itu: 1.01.02.2.01.0054" in _page(response)
    assert Region.objects.get(pk=region.pk).nomenclature == SIPD_VERSION
    Activity.objects.filter(ref="EDU-01").delete()
    response = admin.post("/d/katingan/profil/ubah/", _profile(region, DEFAULT_VERSION))
    assert response.status_code == 302
    assert Region.objects.get(pk=region.pk).nomenclature == DEFAULT_VERSION


@pytest.mark.django_db
def test_the_program_page_keeps_a_local_title_beside_the_official_name(world, admin):
    data = {**_program_form(world, "2.16.03"), "local_title": "Katingan Terhubung"}
    response = admin.post("/d/katingan/program/baru/", data)
    assert response.status_code == 302
    program = Program.objects.get(region=world.katingan, code="2.16.03", agency=world.diskominfo)
    assert (program.name, program.local_title) == (APLIKASI, "Katingan Terhubung")
    assert str(program) == f"2.16.03 {APLIKASI} (Katingan Terhubung)"
