"""The funding rules at the workbook's Rencana Aksi sheet: a refusal is named at the funding-source cell and nothing
is written; the legacy spellings "APBN/DAK" and "Lainnya" still read, "DAK" is now DAK itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kotacerdas.actionplan.models import Activity, ActivityYear, Program
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.framework.models import Pillar
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook
from kotacerdas.regions.models import District

from .conftest import exported, to_bytes


@pytest.fixture
def region(world):
    region = world.katingan
    PlanSettings.objects.create(region=region, start_year=2023, horizon_year=2032)
    hilir = District.objects.create(region=region, name="Katingan Hilir", order=1)
    pillar = Pillar.objects.get(framework=region.framework, slug="economy")
    program = Program.objects.create(
        region=region, agency=world.diskominfo, pillar=pillar, code="2.16.03", name="Aplikasi"
    )
    activity = Activity.objects.create(
        region=region,
        program=program,
        ref="ECO-08",
        code="2.16.03.2.01",
        name="Sentra pengolahan rotan",
        horizon="medium",
        start_year=2024,
        end_year=2025,
        funding_source="apbd",
        infrastructure="economic",
    )
    activity.locations.set([hilir])
    ActivityYear.objects.create(region=region, activity=activity, year=2024, cost=Decimal(500_000_000))
    return region


def _row(source) -> int:
    source.seek(0)
    ws = load_workbook(source)["Rencana Aksi"]
    return next(r for r in range(1, ws.max_row + 1) if ws[f"A{r}"].value == "ECO-08")


def _edit(source, changes: dict[str, object]):
    source.seek(0)
    wb = load_workbook(source)
    for cell, value in changes.items():
        wb["Rencana Aksi"][cell] = value
    return to_bytes(wb)


def _problems(region, workbook) -> list[str]:
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(region, workbook)
    return caught.value.problems


def test_kpbu_for_governance_is_refused_at_the_funding_source_cell(region, row_counts):
    source = exported(region)
    r = _row(source)
    before = row_counts()
    problems = _problems(region, _edit(source, {f"J{r}": "KPBU", f"L{r}": "governance"}))
    assert len(problems) == 1 and problems[0].startswith(
        f"Rencana Aksi!J{r}: KPBU only finances the provision"
    )
    assert "Perpres 38/2015" in problems[0]
    assert row_counts() == before
    assert Activity.objects.get(region=region, ref="ECO-08").funding_source == "apbd"
    # the twin: KPBU for economic infrastructure imports
    import_workbook(region, _edit(source, {f"J{r}": "KPBU"}))
    assert Activity.objects.get(region=region, ref="ECO-08").funding_source == "kpbu"


def test_dana_desa_with_the_locations_cell_emptied_of_places_is_refused(region, row_counts):
    Activity.objects.filter(region=region).update(funding_source="dana_desa")
    Activity.objects.get(region=region).locations.clear()
    source = exported(region)
    r = _row(source)
    before = row_counts()
    problems = _problems(region, _edit(source, {f"B{r}": "2.16.03"}))  # any edit: the row is checked again
    assert len(problems) == 1 and problems[0].startswith(f"Rencana Aksi!J{r}: Dana Desa is spent by villages")
    assert row_counts() == before
    # naming a place in the locations cell makes it pass
    import_workbook(region, _edit(source, {f"M{r}": "Katingan Hilir"}))
    assert [d.name for d in Activity.objects.get(region=region).locations.all()] == ["Katingan Hilir"]


@pytest.mark.parametrize(
    ("cell", "slug"),
    [("APBN/DAK", "apbn"), ("Lainnya", "other"), ("DAK", "dak"), ("Bantuan keuangan provinsi", "bankeu_provinsi"),
     ("hibah", "hibah"), ("APBN (melalui kementerian/lembaga)", "apbn")],
)  # fmt: skip
def test_funding_spellings(region, cell, slug):
    source = exported(region)
    import_workbook(region, _edit(source, {f"J{_row(source)}": cell}))
    assert Activity.objects.get(region=region, ref="ECO-08").funding_source == slug
