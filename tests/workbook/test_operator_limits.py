"""An operator's upload: only their own agency's rows go in, nothing of another agency changes; their download
holds only their agency's rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook

from kotacerdas.assessment.models import IndicatorValue, MaturityLevel, ReadinessScore, SwotFactor, SwotRating
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook

from .conftest import cells, exported, to_bytes


def _dinkes_workbook(filled, world):
    return load_workbook(exported(filled, agency=world.dinkes))


def _refused(filled, world, wb, row_counts) -> list[str]:
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb), agency=world.dinkes, user=world.user("op_dinkes"))
    assert row_counts() == before
    return caught.value.problems


def test_a_row_of_another_agency_is_refused_and_nothing_is_written(filled, world, row_counts):
    wb = _dinkes_workbook(filled, world)
    swot = wb["SWOT"]
    assert swot.max_row == 5
    swot.append([None, "living", "W", "Dokter spesialis masih kurang", "Dinkes", 5, 4])
    swot.append([None, "living", "O", "Telemedisin dari RSUD Palangka Raya", None, 4, 3])
    swot.append(["baru", "living", "T", "Banjir musiman", "Dinkes", 3, 3])
    swot.append(["baru", None, None, None, "Diskominfostandi", 3, 3])
    assert swot["E9"].value == "Diskominfostandi"
    assert _refused(filled, world, wb, row_counts) == ["SWOT!E9: you may only enter rows of Dinkes"]
    assert not SwotFactor.objects.filter(text="Dokter spesialis masih kurang").exists()


def test_their_own_rows_go_in_with_their_name_in_the_history(filled, world):
    wb = _dinkes_workbook(filled, world)
    wb["SWOT"].append([None, "living", "W", "Dokter spesialis masih kurang", "Dinkes", 5, 4])
    wb["SWOT"].append([None, "living", "O", "Telemedisin dari RSUD", None, 4, 3])  # blank agency: their own
    wb["SWOT"].append(["governance-W1", None, None, None, "Dinkes", 3, 3])  # rating another agency's factor
    kesiapan = wb["Kesiapan"]
    row = next(
        r
        for r in kesiapan.iter_rows(min_row=2)
        if r[0].value.startswith("living") and r[2].value.startswith("fisik")
    )
    row[3].value, row[4].value = 3, "Puskesmas di 13 kecamatan"
    kematangan = wb["Kematangan"]
    health = next(r for r in kematangan.iter_rows(min_row=2) if r[1].value.startswith("health"))
    health[3].value = 4
    wb["Nilai"].append(["NAKES", "Kotawaringin Timur", 2022, 1.9])
    summary = import_workbook(filled, to_bytes(wb), agency=world.dinkes, user=world.user("op_dinkes"))
    assert summary.created == {"SWOT": 2, "SWOT (penilaian)": 3, "Kesiapan": 1, "Nilai": 1}
    assert summary.updated == {"Kematangan": 1}
    telemedicine = SwotFactor.objects.get(text="Telemedisin dari RSUD")
    assert telemedicine.agency == world.dinkes
    assert telemedicine.history.latest().history_user == world.user("op_dinkes")
    assert SwotRating.objects.get(factor__text__startswith="46 desa", agency=world.dinkes).rating == 3
    fisik = ReadinessScore.objects.get(region=filled, pillar__slug="living", aspect__slug="fisik")
    assert (fisik.score, fisik.agency) == (3, world.dinkes)
    assert fisik.history.latest().history_user == world.user("op_dinkes")
    level = MaturityLevel.objects.get(region=filled, element__slug="health")
    assert level.target == 4 and level.history.latest().history_user == world.user("op_dinkes")
    assert IndicatorValue.objects.get(indicator__code="NAKES", year=2022).value == Decimal("1.9")


def test_they_cannot_change_a_factor_of_another_agency(filled, world, row_counts):
    wb = _dinkes_workbook(filled, world)
    assert wb["SWOT"]["A2"].value == "governance-S1"  # Diskominfostandi's factor, rated by Dinkes
    wb["SWOT"]["D2"] = "Backbone serat optik 200 km"
    assert _refused(filled, world, wb, row_counts) == ["SWOT!D2: you may only change factors of Dinkes"]


def test_the_admins_full_workbook_is_refused_row_by_row(filled, world, row_counts):
    wb = load_workbook(exported(filled))
    problems = _refused(filled, world, wb, row_counts)
    assert (
        "Kesiapan!G6: you may only enter rows of Dinkes" in problems
    )  # governance · digital: Diskominfostandi
    assert "Kesiapan!G8: you may only enter rows of Dinkes" in problems  # governance · regulasi: the admin's
    assert "SWOT!E2: you may only enter rows of Dinkes" in problems
    assert "Pendorong!A2: only the region admin may enter drivers" in problems
    assert "Nilai!A2: you may only enter rows of Dinkes" in problems  # MISKIN is Bappelitbang's


def test_an_unknown_peer_is_refused_from_an_operator(filled, world, row_counts):
    wb = _dinkes_workbook(filled, world)
    for year in (2017, 2018, 2019):
        wb["Nilai"].append(["NAKES", "Katingan", year, 2.0])
    wb["Nilai"].append(["NAKES", "Kotim", 2021, 1.7])
    assert wb["Nilai"]["B7"].value == "Kotim"
    assert _refused(filled, world, wb, row_counts) == ["Nilai!B7: 'Kotim' is neither Katingan nor a peer"]


def test_the_admin_may_create_a_peer_from_the_values_sheet(filled, world):
    wb = load_workbook(exported(filled))
    wb["Nilai"].append(["MISKIN", "Kota Bekasi", 2021, 4.0])
    summary = import_workbook(filled, to_bytes(wb), user=world.user("admin_bappelitbang"))
    assert summary.new_peers == ["Kota Bekasi"]
    value = IndicatorValue.objects.get(peer__name="Bekasi")
    assert value.peer.kind == "kota"


def test_their_download_holds_only_their_rows(filled, world):
    sheets = cells(exported(filled, agency=world.dinkes))
    agency_column = {"Kesiapan": 6, "SWOT": 4, "Strategi": 5, "Kematangan": 5, "Indikator": 8}
    for sheet, column in agency_column.items():
        agencies = {row[column] for row in sheets[sheet][1:]}
        assert agencies <= {"Dinkes", None}, sheet
    filled_readiness = [row for row in sheets["Kesiapan"][1:] if any(row[3:])]
    assert [row[2] for row in filled_readiness] == ["sdm — Sumber daya manusia"]
    assert (
        len(sheets["Kesiapan"]) == 1 + 54 - 2
    )  # the two rows of other agencies left out, the blank grid kept
    assert [row[0] for row in sheets["SWOT"][1:]] == [
        "governance-S1",
        "governance-O1",
        "living-S1",
        "living-T1",
    ]
    assert sheets["Strategi"][1:] == []
    assert [row[1] for row in sheets["Kematangan"][1:] if any(row[2:])] == [
        "health — Sarana dan prasarana kesehatan"
    ]
    assert len(sheets["Kematangan"]) == 1 + 18 - 1
    assert [row[0] for row in sheets["Indikator"][1:]] == ["NAKES"]
    assert {row[0] for row in sheets["Nilai"][1:]} == {"NAKES"}
    assert sheets["Pendorong"][1:] == []
    text = repr({name: rows for name, rows in sheets.items()})
    assert "Diskominfostandi" not in text and "Bappelitbang" not in text
    assert "Backbone serat optik 162 km" in text  # the factor Dinkes rated


def test_their_own_download_imports_back_unchanged(filled, world, row_counts):
    before = row_counts()
    summary = import_workbook(filled, exported(filled, agency=world.dinkes), agency=world.dinkes)
    assert not summary.changed
    assert row_counts() == before


def test_an_agency_of_another_region_is_refused(filled, world):
    with pytest.raises(ValueError):
        import_workbook(filled, exported(filled), agency=world.other_agency)
