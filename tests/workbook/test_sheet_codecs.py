"""The sheets with a codec (Kematangan, Pendorong) are checked and written by their region-file section: one rule,
worded for the workbook at a cell and for the region file at a JSON path; a write that creates or updates by
natural key and leaves unchanged rows alone."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from kotacerdas.assessment.models import Driver, MaturityLevel
from kotacerdas.interchange.region_file import check_document, export_region
from kotacerdas.interchange.workbook import InvalidWorkbook, import_workbook

from .conftest import exported, to_bytes


def _row_of(ws, element: str) -> int:
    return next(r[0].row for r in ws.iter_rows(min_row=2) if str(r[1].value or "").startswith(element))


def _history(model) -> int:
    return model.history.count()


def test_a_repeated_element_is_one_rule_in_two_voices(filled):
    wb = load_workbook(exported(filled))
    ws = wb["Kematangan"]
    first = _row_of(ws, "service")
    ws.append([ws.cell(first, 1).value, ws.cell(first, 2).value, 3, 4])
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb))
    (problem,) = caught.value.details
    assert str(problem) == f"Kematangan!B{ws.max_row}: element 'service' already appears in row {first}"
    assert problem.indonesian == f"Kematangan!B{ws.max_row}: elemen 'service' sudah ada di baris {first}"

    document = export_region(filled)
    service = next(item for item in document["maturity"] if item["element"] == "service")
    document["maturity"].append(dict(service))
    at = document["maturity"].index(service)
    last = len(document["maturity"]) - 1
    assert check_document(document, slug="salinan") == [
        f"maturity[{last}].element: elemen / element {service['pillar']} · service sudah ada di / is already at "
        f"maturity[{at}]"
    ]


def test_a_maturity_row_updates_its_element_and_nothing_else_is_saved(filled, world):
    wb = load_workbook(exported(filled))
    ws = wb["Kematangan"]
    row = _row_of(ws, "service")
    ws.cell(row, 3).value = 3
    levels, drivers = _history(MaturityLevel), _history(Driver)
    summary = import_workbook(filled, to_bytes(wb), user=world.user("admin_bappelitbang"))
    assert summary.updated == {"Kematangan": 1}
    assert summary.unchanged["Kematangan"] == 1 and summary.unchanged["Pendorong"] == 2
    level = MaturityLevel.objects.get(region=filled, element__slug="service")
    assert (level.current, level.target, level.evidence) == (3, 4, "SIPD")
    assert _history(MaturityLevel) == levels + 1 and _history(Driver) == drivers
    latest = level.history.first()
    assert latest.history_change_reason == "Impor lembar kerja bimtek / bimtek workbook import"
    assert latest.history_user == world.user("admin_bappelitbang")


def test_new_drivers_and_levels_are_created_by_natural_key(filled):
    wb = load_workbook(exported(filled))
    ws = wb["Pendorong"]
    assert ws["A2"].value == "Harga komoditas"
    ws["A2"], ws["C2"] = "harga KOMODITAS", 3  # the existing driver, named in another case
    wb["Pendorong"].append(["Pemekaran wilayah", "political", 3, 5])
    summary = import_workbook(filled, to_bytes(wb))
    assert summary.created == {"Pendorong": 1}
    assert summary.updated == {"Pendorong": 1}
    assert Driver.objects.get(region=filled, name="Harga komoditas").impact == 3
    assert Driver.objects.filter(region=filled).count() == 3


def test_an_operator_may_not_change_another_agencys_level(filled, world, row_counts):
    wb = load_workbook(exported(filled, agency=world.dinkes))
    ws = wb["Kematangan"]
    ws.append(["governance", "service", 3, 4])  # Diskominfostandi's
    before = row_counts()
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb), agency=world.dinkes)
    assert row_counts() == before
    (problem,) = caught.value.details
    assert problem.message == "you may only enter rows of Dinkes"
    assert (problem.hint, problem.saran) == (
        "this row belongs to Diskominfostandi",
        "baris ini milik Diskominfostandi",
    )


def test_a_repeated_readiness_cell_is_refused_at_its_aspect(filled):
    wb = load_workbook(exported(filled))
    ws = wb["Kesiapan"]
    first = next(r[0].row for r in ws.iter_rows(min_row=2) if r[3].value is not None)
    ws.append([ws.cell(first, c).value for c in range(1, 4)] + [2])
    with pytest.raises(InvalidWorkbook) as caught:
        import_workbook(filled, to_bytes(wb))
    (problem,) = caught.value.details
    pillar, aspect = (str(ws.cell(first, c).value).split(" — ")[0] for c in (1, 3))
    assert str(problem) == (
        f"Kesiapan!C{ws.max_row}: pillar {pillar!r} and aspect {aspect!r} already appear in row {first}"
    )


def test_a_value_updates_its_indicator_place_and_year_and_a_new_one_is_created(filled):
    wb = load_workbook(exported(filled))
    ws = wb["Nilai"]
    code, place, year, value = (c.value for c in ws[2][:4])
    ws.cell(2, 4).value = float(value) + 1
    ws.append([code, place, 1999, 7.5])
    summary = import_workbook(filled, to_bytes(wb))
    assert summary.updated == {"Nilai": 1} and summary.created == {"Nilai": 1}
    assert "Indikator" not in summary.updated and "Indikator" not in summary.created


def test_a_repeated_value_is_one_rule_in_two_voices(filled):
    document = export_region(filled)
    indicator = next(item for item in document["indicators"] if item["values"])
    indicator["values"].append(dict(indicator["values"][0]))
    i = document["indicators"].index(indicator)
    j = len(indicator["values"]) - 1
    peer = indicator["values"][0]["peer"]
    shown = f"{'-' if peer is None else peer} · {indicator['values'][0]['year']}"
    assert check_document(document, slug="salinan") == [
        f"indicators[{i}].values[{j}].year: nilai / value {shown} sudah ada di / is already at "
        f"indicators[{i}].values[0]"
    ]
