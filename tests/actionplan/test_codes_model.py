"""A program or activity code is checked against the region's nomenclature by the models' ``clean()``: the field
is named, the nearest codes are offered, and the program's name is the official one (facts from the shipped CSV:
``nomenclature-5889-2021.csv`` and ``nomenclature-additions-after-1317.csv``)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from kotacerdas.actionplan.models import Activity, Program
from kotacerdas.framework.models import Pillar
from kotacerdas.reference.nomenclature import SIPD_VERSION

PENDAPATAN = "PROGRAM PENGELOLAAN PENDAPATAN DAERAH"  # 5.02.04 in the CSV
BARANG = "PROGRAM PENGELOLAAN BARANG MILIK DAERAH"  # 5.02.03 in the CSV
APLIKASI = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"  # 2.16.03 in the CSV
PENUNJANG = "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"  # X.XX.01 in the CSV


def _program(world, code: str, name: str = "", **extra) -> Program:
    region = world.katingan
    pillar = Pillar.objects.get(framework=region.framework, slug="governance")
    return Program(region=region, agency=world.diskominfo, pillar=pillar, code=code, name=name, **extra)


def _activity(program: Program, code: str) -> Activity:
    return Activity(
        region=program.region,
        program=program,
        ref="GOV-01",
        code=code,
        name="Aplikasi layanan desa",
        horizon="medium",
        start_year=2026,
        end_year=2027,
        funding_source="apbd",
        infrastructure="governance",
    )


def _errors(obj, exclude=()) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
    return caught.value.message_dict


@pytest.mark.django_db
def test_an_unknown_program_code_is_refused_with_the_nearest_programs(world):
    errors = _errors(_program(world, "5.02.09"))
    assert list(errors) == ["code"]
    (message,) = errors["code"]
    assert message.startswith("Kode program 5.02.09 tidak ada dalam nomenklatur")
    assert "Yang terdekat:" in message and f"5.02.04 {PENDAPATAN}" in message


@pytest.mark.django_db
def test_the_message_follows_the_active_language(world):
    with translation.override("en"):
        (message,) = _errors(_program(world, "5.02.09"))["code"]
    assert message.startswith("program code 5.02.09 is not in the nomenclature")
    assert "Nearest:" in message


@pytest.mark.django_db
def test_a_name_that_belongs_to_another_program_names_that_program(world):
    errors = _errors(_program(world, "5.02.03", "Program Pengelolaan Pendapatan Daerah"))
    assert list(errors) == ["name"]
    (message,) = errors["name"]
    assert f"({BARANG})" in message
    assert "Nama itu adalah nama program 5.02.04" in message


@pytest.mark.django_db
def test_the_official_name_is_taken_from_the_code_when_blank_or_written_otherwise(world):
    blank = _program(world, "2.16.03")
    blank.full_clean()
    assert blank.name == APLIKASI
    spelled = _program(world, "2.16.03", "program pengelolaan aplikasi  informatika.")
    spelled.full_clean()
    assert spelled.name == APLIKASI


@pytest.mark.django_db
def test_the_support_program_is_a_program_of_every_bidang(world):
    program = _program(world, "2.16.01")
    program.full_clean()
    assert program.name == PENUNJANG
    program.save()
    _activity(program, "2.16.01.2.01.0001").full_clean()


@pytest.mark.django_db
def test_a_local_title_is_shown_after_the_official_name(world):
    program = _program(world, "2.16.03", local_title="SPBE Katingan")
    program.full_clean()
    program.save()
    assert str(program) == f"2.16.03 {APLIKASI} (SPBE Katingan)"
    assert str(_program(world, "2.16.03", APLIKASI)) == f"2.16.03 {APLIKASI}"


@pytest.mark.django_db
def test_a_kegiatan_under_another_program_is_refused_with_the_programs_own(world):
    program = _program(world, "2.16.03", APLIKASI)
    program.save()
    errors = _errors(_activity(program, "2.16.02.2.01"))
    assert list(errors) == ["code"]
    (message,) = errors["code"]
    assert message.startswith("Kode 2.16.02.2.01 tidak berada di bawah program 2.16.03.")
    assert "2.16.03.2.01" in message and "2.16.03.2.02" in message


@pytest.mark.django_db
def test_an_unknown_sub_kegiatan_and_a_two_digit_one_are_refused(world):
    program = _program(world, "2.16.03", APLIKASI)
    program.save()
    (unknown,) = _errors(_activity(program, "2.16.03.2.02.0999"))["code"]
    assert unknown.startswith("Kode sub kegiatan 2.16.03.2.02.0999 tidak ada dalam nomenklatur")
    assert "2.16.03.2.02.0009" in unknown or "2.16.03.2.02.0001" in unknown
    (short,) = _errors(_activity(program, "2.16.03.2.02.09"))["code"]
    assert "tidak berformat nomenklatur" in short


@pytest.mark.django_db
def test_a_program_code_in_an_activity_is_the_wrong_level(world):
    program = _program(world, "2.16.03", APLIKASI)
    program.save()
    assert list(_errors(_activity(program, "2.16.03"))) == ["code"]


@pytest.mark.django_db
def test_a_valid_kegiatan_and_sub_kegiatan_pass(world):
    program = _program(world, "2.16.03", APLIKASI)
    program.save()
    _activity(program, "2.16.03.2.02").full_clean()
    _activity(program, "2.16.03.2.02.0009").full_clean()


@pytest.mark.django_db
def test_the_sipd_version_accepts_a_later_code_the_default_refuses(world):
    region = world.katingan
    program = _program(world, "1.01.02")
    program.full_clean()
    program.save()
    added = "1.01.02.2.01.0054"  # nomenclature-additions-after-1317.csv
    assert "tidak ada dalam nomenklatur" in _errors(_activity(program, added))["code"][0]
    region.nomenclature = SIPD_VERSION
    region.save()
    program.refresh_from_db()
    _activity(program, added).full_clean()
