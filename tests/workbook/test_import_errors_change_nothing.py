"""A bad workbook is refused as a whole: every problem named by sheet and cell, and not one row written.

Every bad workbook below is Katingan's own export with one mistake put into it, plus a good change (a new driver)
that must not be written either. The row counts of every model, historical tables included, stay the same.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook, load_workbook

from kotacerdas.assessment.models import Driver
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook

from .conftest import exported, to_bytes

RATING_ROWS = [  # 12 good ratings of existing factors (rows 2–13), in a slim sheet: Ref, agency, importance, rating
    ("governance-S1", "Diskominfostandi", 5, 4),
    ("governance-S1", "Dinkes", 4, 3),
    ("governance-S1", "Bappelitbang", 5, 3),
    ("governance-S2", "Bappelitbang", 4, 3),
    ("governance-S2", "Dinkes", 3, 2),
    ("governance-W1", "Diskominfostandi", 5, 4),
    ("governance-W1", "Bappelitbang", 4, 4),
    ("governance-O1", "Diskominfostandi", 4, 4),
    ("governance-O1", "Dinkes", 2, 2),
    ("governance-T1", "Bappelitbang", 3, 2),
    ("living-S1", "Dinkes", 4, 3),
    ("living-T1", "Dinkes", 4, 4),
]


def _rating_in_column_d(wb):
    """A slim rating sheet as an agency might keep it: rating is column D; row 14 has rating 7."""
    del wb["SWOT"]
    ws = wb.create_sheet("SWOT")
    ws.append(["Ref", "Perangkat daerah", "Kepentingan (1–5)", "Peringkat (1–4)"])
    for row in RATING_ROWS:
        ws.append(row)
    ws.append(["governance-W1", "Dinkes", 3, 7])
    assert ws["D14"].value == 7


def _rating_in_the_template_layout(wb):
    wb["SWOT"]["G11"] = 7  # living-S1, rated by Dinkes


def _unknown_pillar(wb):
    wb["Kesiapan"]["A5"] = "govrnance"
    wb["Kesiapan"]["D5"] = 3


def _unknown_aspect(wb):
    """The readiness sheet kept short: pillar, aspect, score."""
    del wb["Kesiapan"]
    ws = wb.create_sheet("Kesiapan")
    ws.append(["Pilar", "Aspek", "Skor"])
    ws.append(["governance", "sdm", 3])
    ws.append(["governance", "anggaran", 2])
    ws.append(["governance", "digital", 4])
    ws.append(["governance", "sdmm", 3])


def _unknown_factor_ref(wb):
    wb["Strategi"]["E3"] = "governance-W1, governance-S9"


def _text_in_a_number_cell(wb):
    wb["Kesiapan"]["D7"] = "tiga"


def _decimal_with_thousands(wb):
    wb["Nilai"]["D3"] = "1.234,5"


def _unknown_agency(wb):
    wb["Kematangan"]["F2"] = "Diskominfo"


def _target_below_current(wb):
    wb["Kematangan"]["D2"] = 1


def _factor_text_differs_within_a_ref(wb):
    wb["SWOT"]["D3"] = "Backbone serat optik 160 km"


def _direct_weight_above_one(wb):
    wb["SWOT"]["H12"] = 1.5


def _strategy_combines_the_wrong_kinds(wb):
    wb["Strategi"]["E2"] = "governance-S1, governance-W1"


def _unknown_indicator(wb):
    wb["Nilai"].append(["MISKN", "Katingan", 2022, 5.8])


def _duplicate_value(wb):
    wb["Nilai"].append(["MISKIN", "Katingan", 2021, 6.0])


def _driver_impact_missing(wb):
    wb["Pendorong"]["C3"] = None


def _wrong_kind(wb):
    wb["SWOT"]["C7"] = "X"


def _pillar_of_an_existing_factor_changed(wb):
    for row in range(2, 5):
        wb["SWOT"][f"B{row}"] = "economy"


CASES = {
    "rating in column D": (_rating_in_column_d, "SWOT!D14: rating 7 is outside 1–4"),
    "rating in the template layout": (_rating_in_the_template_layout, "SWOT!G11: rating 7 is outside 1–4"),
    "unknown pillar": (_unknown_pillar, "Kesiapan!A5: unknown pillar 'govrnance'"),
    "unknown aspect": (_unknown_aspect, "Kesiapan!B5: unknown aspect 'sdmm'"),
    "unknown factor ref": (_unknown_factor_ref, "Strategi!E3: factor ref 'governance-S9' does not exist"),
    "text in a number cell": (_text_in_a_number_cell, "Kesiapan!D7: score 'tiga' is not a whole number"),
    "decimal with thousands": (_decimal_with_thousands, "Nilai!D3: value '1.234,5' is not a number"),
    "unknown agency": (_unknown_agency, "Kematangan!F2: unknown agency 'Diskominfo'"),
    "target below current": (
        _target_below_current,
        "Kematangan!D2: The target level cannot be below the current level.",
    ),
    "factor text differs": (
        _factor_text_differs_within_a_ref,
        "SWOT!D3: factor text differs from row 2 of ref 'governance-S1'",
    ),
    "direct weight above one": (
        _direct_weight_above_one,
        "SWOT!H12: Ensure this value is less than or equal to 1.",
    ),
    "strategy combines the wrong kinds": (
        _strategy_combines_the_wrong_kinds,
        "Strategi!E2: factor ref 'governance-W1' is a W factor; a SO strategy combines S and O factors",
    ),
    "unknown indicator": (_unknown_indicator, "Nilai!A8: unknown indicator code 'MISKN'"),
    "duplicate value": (_duplicate_value, "Nilai!C8: this indicator, place and year already appear in row 3"),
    "driver impact missing": (_driver_impact_missing, "Pendorong!C3: impact is missing"),
    "wrong kind": (_wrong_kind, "SWOT!C7: kind 'X' is not one of S, W, O, T"),
    "pillar of an existing factor": (
        _pillar_of_an_existing_factor_changed,
        "SWOT!B2: ref 'governance-S1' is a factor of pillar 'governance', not 'economy'",
    ),
}


def _bad_workbook(region, mistake) -> io.BytesIO:
    wb = load_workbook(exported(region))
    wb["Pendorong"].append(["Pemekaran wilayah", "political", 3, 5, "Sebuah perubahan yang baik."])
    mistake(wb)
    return to_bytes(wb)


@pytest.mark.parametrize("mistake, expected", CASES.values(), ids=CASES.keys())
def test_a_bad_workbook_names_the_cell_and_writes_nothing(filled, row_counts, mistake, expected):
    workbook = _bad_workbook(filled, mistake)
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, workbook)
    assert expected in caught.value.problems, caught.value.problems
    assert len(caught.value.problems) == 1, caught.value.problems
    assert row_counts() == before
    assert not Driver.objects.filter(name="Pemekaran wilayah").exists()


def test_every_problem_is_listed_in_the_order_of_the_workbook(filled, row_counts):
    def many(wb):
        _text_in_a_number_cell(wb)
        _unknown_pillar(wb)
        _rating_in_the_template_layout(wb)
        _unknown_factor_ref(wb)

    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, _bad_workbook(filled, many))
    assert caught.value.problems == [
        "Kesiapan!A5: unknown pillar 'govrnance'",
        "Kesiapan!D7: score 'tiga' is not a whole number",
        "SWOT!G11: rating 7 is outside 1–4",
        "Strategi!E3: factor ref 'governance-S9' does not exist",
    ]
    assert row_counts() == before


def test_problems_come_in_indonesian_too_with_a_hint(filled):
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, _bad_workbook(filled, _unknown_aspect))
    (problem,) = caught.value.details
    assert (problem.sheet, problem.cell) == ("Kesiapan", "B5")
    assert problem.indonesian == "Kesiapan!B5: aspek 'sdmm' tidak dikenal (maksud Anda 'sdm'?)"
    assert "Kesiapan!B5: unknown aspect 'sdmm' (did you mean 'sdm'?) / aspek 'sdmm' tidak dikenal" in str(
        caught.value
    )


def test_the_rating_message_is_in_indonesian_for_the_web(filled):
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, _bad_workbook(filled, _rating_in_column_d))
    assert caught.value.details[0].indonesian == "SWOT!D14: peringkat 7 di luar rentang 1–4"


def test_a_file_that_is_not_a_workbook_is_refused(filled, row_counts):
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, io.BytesIO(b"Pilar;Aspek;Skor\ngovernance;sdm;3\n"))
    assert caught.value.problems[0].startswith("(workbook): not an Excel workbook (.xlsx) that can be read")
    assert row_counts() == before


def test_a_workbook_without_any_of_the_sheets_is_refused(filled):
    wb = Workbook()
    wb.active.title = "Lembar1"
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb))
    assert caught.value.problems[0].startswith(
        "(workbook): none of the sheets of a kotacerdas workbook was found"
    )


def test_a_missing_column_is_named(filled, row_counts):
    wb = load_workbook(exported(filled))
    ws = wb["Pendorong"]
    ws.delete_cols(2)  # no Kategori column
    ws.append(["Pemekaran wilayah", 3, 5])
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb))
    assert caught.value.problems == ["Pendorong!A4: category is missing (there is no column 'Kategori')"]
    assert row_counts() == before
