"""The workbook's Rencana Aksi sheet refuses program and activity codes that are not in the region's nomenclature,
at the cell, with the nearest codes, and writes nothing; a new program takes the official name (shipped CSV facts)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kotacerdas.actionplan.models import Activity, ActivityYear, Program
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.framework.models import Pillar
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook
from kotacerdas.reference.nomenclature import SIPD_VERSION

from .conftest import exported, to_bytes

APLIKASI = "PROGRAM PENGELOLAAN APLIKASI INFORMATIKA"  # 2.16.03
INFORMASI = "PROGRAM PENGELOLAAN INFORMASI DAN KOMUNIKASI PUBLIK"  # 2.16.02


@pytest.fixture
def region(world):
    """Katingan with one program (2.16.03) and one activity (GOV-01, 2.16.03.2.02, 2024): row 2 of the sheet."""
    region = world.katingan
    PlanSettings.objects.create(region=region, start_year=2023, horizon_year=2032)
    pillar = Pillar.objects.get(framework=region.framework, slug="governance")
    program = Program.objects.create(
        region=region, agency=world.diskominfo, pillar=pillar, code="2.16.03", name=APLIKASI
    )
    activity = Activity.objects.create(
        region=region,
        program=program,
        ref="GOV-01",
        code="2.16.03.2.02",
        name="Portal Satu Data",
        horizon="short",
        start_year=2024,
        end_year=2024,
        funding_source="apbd",
        infrastructure="governance",
    )
    ActivityYear.objects.create(region=region, activity=activity, year=2024, cost=Decimal(100_000_000))
    return region


def _row(ref: str, program: str, code: str, program_name: str | None = None) -> dict[str, object]:
    """A new activity in row 3 of Rencana Aksi (one year, 2024)."""
    row = {"A3": ref, "B3": program, "C3": "Diskominfostandi", "D3": "governance", "E3": code,
           "F3": "Aplikasi layanan desa", "G3": "short", "H3": 2024, "I3": 2024, "J3": "apbd",
           "L3": "governance", "P3": 2024, "Q3": 50_000_000}  # fmt: skip
    if program_name is not None:
        row["U3"] = program_name
    return row


def _workbook(region, changes: dict[str, object]):
    source = exported(region)
    wb = load_workbook(source)
    for cell, value in changes.items():
        wb["Rencana Aksi"][cell] = value
    return to_bytes(wb)


def _refused(region, changes, row_counts) -> list[str]:
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(region, _workbook(region, changes))
    assert row_counts() == before
    return caught.value.problems


def test_an_unknown_sub_kegiatan_is_refused_at_its_cell_with_the_nearest(region, row_counts):
    (problem,) = _refused(region, _row("GOV-02", "2.16.03", "2.16.03.2.02.0999"), row_counts)
    assert problem.startswith(
        "Rencana Aksi!E3: sub-activity code 2.16.03.2.02.0999 is not in the nomenclature"
    )
    assert "Nearest: 2.16.03.2.02.0" in problem


def test_a_kegiatan_under_another_program_is_refused_at_its_cell(region, row_counts):
    (problem,) = _refused(region, _row("GOV-02", "2.16.03", "2.16.02.2.01"), row_counts)
    assert problem.startswith("Rencana Aksi!E3: Code 2.16.02.2.01 is not under program 2.16.03.")


def test_a_changed_code_of_a_stored_activity_is_checked(region, row_counts):
    (problem,) = _refused(region, {"E2": "2.16.03.2.02.09"}, row_counts)
    assert problem.startswith("Rencana Aksi!E2: Code '2.16.03.2.02.09' is not in the nomenclature's format")


def test_a_new_program_with_an_unknown_code_is_refused_at_the_program_cell(region, row_counts):
    problems = _refused(region, _row("GOV-02", "2.16.09", "2.16.09.2.01", "Program Baru"), row_counts)
    assert problems[0].startswith("Rencana Aksi!B3: program code 2.16.09 is not in the nomenclature")
    assert f"2.16.02 {INFORMASI}" in problems[0]


def test_a_new_program_named_as_another_is_refused_at_the_name_cell(region, row_counts):
    changes = _row("GOV-02", "5.02.03", "5.02.03.2.01", "Program Pengelolaan Pendapatan Daerah")
    (problem,) = _refused(region, changes, row_counts)
    assert problem.startswith("Rencana Aksi!U3: Name 'Program Pengelolaan Pendapatan Daerah' is not the name")
    assert "That name belongs to program 5.02.04." in problem


def test_a_new_program_takes_the_official_name(region):
    import_workbook(region, _workbook(region, _row("GOV-02", "2.16.02", "2.16.02.2.01", INFORMASI.lower())))
    program = Program.objects.get(region=region, code="2.16.02")
    assert program.name == INFORMASI
    assert Activity.objects.get(region=region, ref="GOV-02").program == program


def test_the_sipd_version_accepts_a_later_code_the_default_refuses(region, row_counts):
    changes = _row("GOV-02", "2.16.03", "2.16.03.2.02.0009")
    changes["E3"] = "1.01.02.2.01.0054"  # nomenclature-additions-after-1317.csv, program 1.01.02
    changes.update(B3="1.01.02", U3="Program Pengelolaan Pendidikan")
    problems = _refused(region, changes, row_counts)
    assert any(
        p.startswith("Rencana Aksi!E3: sub-activity code 1.01.02.2.01.0054 is not in") for p in problems
    )
    region.nomenclature = SIPD_VERSION
    region.save()
    import_workbook(region, _workbook(region, changes))
    assert Activity.objects.get(region=region, ref="GOV-02").code == "1.01.02.2.01.0054"
