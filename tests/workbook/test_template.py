"""The blank template: every sheet, its headers, the dropdowns and number checks, readable by openpyxl."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from kotacerdas.interchange.workbook import export_workbook, import_workbook, write_template

DATA_SHEETS = [
    "Kesiapan",
    "SWOT",
    "Strategi",
    "Kematangan",
    "Indikator",
    "Nilai",
    "Pendorong",
    "Rencana Aksi",
    "Risiko",
    "Penapisan",
]
PILLARS = [
    "governance — Smart Governance",
    "branding — Smart Branding",
    "economy — Smart Economy",
    "living — Smart Living",
    "society — Smart Society",
    "environment — Smart Environment",
]


def _template(tmp_path):
    path = tmp_path / "templat.xlsx"
    write_template(path)
    return load_workbook(path)


def _validations(ws) -> dict[str, list]:
    """Column letter → the data validations covering its cells from row 2."""
    found: dict[str, list] = {}
    for dv in ws.data_validations.dataValidation:
        for cell_range in dv.sqref.ranges:
            found.setdefault(cell_range.coord.split(":")[0].rstrip("0123456789"), []).append(dv)
    return found


def test_it_has_the_instructions_the_data_sheets_and_the_hidden_lists(tmp_path):
    wb = _template(tmp_path)
    assert wb.sheetnames == ["Petunjuk", *DATA_SHEETS, "Daftar"]
    assert wb["Daftar"].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in ["Petunjuk", *DATA_SHEETS])
    text = " ".join(str(v) for row in wb["Petunjuk"].iter_rows(values_only=True) for v in row if v)
    assert "TIDAK ADA yang disimpan" in text and "governance-S1" in text


def test_the_headers_are_bold_frozen_and_in_the_documented_order(tmp_path):
    wb = _template(tmp_path)
    headers = {name: [c.value for c in wb[name][1]] for name in DATA_SHEETS}
    assert headers["Kesiapan"] == [
        "Pilar",
        "Elemen kesiapan",
        "Aspek",
        "Skor (1–5)",
        "Uraian",
        "Bukti",
        "Perangkat daerah",
    ]
    assert headers["SWOT"] == [
        "Ref",
        "Pilar",
        "Jenis (S/W/O/T)",
        "Uraian faktor",
        "Perangkat daerah",
        "Kepentingan (1–5)",
        "Peringkat (1–4)",
        "Bobot langsung (0–1)",
    ]
    assert headers["Strategi"] == [
        "Kode",
        "Pilar",
        "Jenis (SO/ST/WO/WT)",
        "Uraian strategi",
        "Faktor (ref, dipisah koma)",
        "Perangkat daerah",
    ]
    assert headers["Kematangan"] == [
        "Pilar",
        "Elemen",
        "Tingkat saat ini (1–5)",
        "Target tingkat (1–5)",
        "Bukti",
        "Perangkat daerah",
    ]
    assert headers["Indikator"] == [
        "Kode",
        "Nama indikator",
        "Satuan",
        "Pilar",
        "Arah",
        "Bobot",
        "Tahun perbandingan",
        "Target (tahun cakrawala)",
        "Perangkat daerah",
        "Sumber",
    ]
    assert headers["Nilai"] == ["Kode indikator", "Daerah", "Tahun", "Nilai"]
    assert headers["Pendorong"] == [
        "Nama pendorong",
        "Kategori",
        "Dampak (1–5)",
        "Ketidakpastian (1–5)",
        "Uraian",
    ]
    for name in DATA_SHEETS:
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert all(cell.font.b for cell in ws[1])
        assert all(ws.column_dimensions[cell.column_letter].width >= 9 for cell in ws[1])


def test_the_lists_hold_the_pillars_elements_aspects_and_kinds(tmp_path):
    daftar = _template(tmp_path)["Daftar"]
    columns = {col[0].value: [c.value for c in col[1:] if c.value] for col in daftar.iter_cols()}
    assert columns["Pilar"] == PILLARS
    assert len(columns["Elemen"]) == 18 and columns["Elemen"][0] == "service — Pelayanan publik"
    assert columns["Aspek kesiapan"][0] == "sdm — Sumber daya manusia" and len(columns["Aspek kesiapan"]) == 9
    assert columns["Jenis SWOT"] == ["S", "W", "O", "T"]
    assert columns["Jenis strategi"] == ["SO", "ST", "WO", "WT"]
    assert columns["Arah indikator"] == [
        "higher — makin tinggi makin baik",
        "lower — makin rendah makin baik",
    ]
    assert len(columns["Kategori pendorong"]) == 6


def test_pillar_and_element_cells_have_dropdowns_from_the_lists(tmp_path):
    wb = _template(tmp_path)
    for sheet, letter in [
        ("Kesiapan", "A"),
        ("SWOT", "B"),
        ("Strategi", "B"),
        ("Kematangan", "A"),
        ("Indikator", "D"),
    ]:
        (dv,) = _validations(wb[sheet])[letter]
        assert dv.type == "list"
        assert dv.formula1 == "=Daftar!$A$2:$A$7"  # the six pillars
        assert dv.showErrorMessage and "Pilih pilar dari daftar" in dv.error
    (element,) = _validations(wb["Kematangan"])["B"]
    assert element.formula1 == "=Daftar!$B$2:$B$19"
    (aspect,) = _validations(wb["Kesiapan"])["C"]
    assert aspect.formula1 == "=Daftar!$D$2:$D$10"
    (kind,) = _validations(wb["SWOT"])["C"]
    assert kind.formula1 == "=Daftar!$E$2:$E$5"
    (category,) = _validations(wb["Pendorong"])["B"]
    assert category.formula1 == "=Daftar!$H$2:$H$7"


@pytest.mark.parametrize(
    "sheet, letter, low, high, message",
    [
        ("Kesiapan", "D", "1", "5", "Skor harus bilangan bulat 1–5."),
        ("SWOT", "F", "1", "5", "Kepentingan harus bilangan bulat 1–5."),
        ("SWOT", "G", "1", "4", "Peringkat harus bilangan bulat 1–4."),
        ("Kematangan", "C", "1", "5", "Tingkat saat ini harus bilangan bulat 1–5."),
        ("Kematangan", "D", "1", "5", "Target tingkat harus bilangan bulat 1–5."),
        ("Pendorong", "C", "1", "5", "Dampak harus bilangan bulat 1–5."),
        ("Pendorong", "D", "1", "5", "Ketidakpastian harus bilangan bulat 1–5."),
    ],
)
def test_scores_are_checked_as_whole_numbers_with_indonesian_messages(
    tmp_path, sheet, letter, low, high, message
):
    (dv,) = _validations(_template(tmp_path)[sheet])[letter]
    assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("whole", "between", low, high)
    assert dv.error == message and dv.showErrorMessage and dv.errorStyle == "stop"


def test_the_readiness_grid_and_the_maturity_elements_are_keyed_and_empty(tmp_path):
    wb = _template(tmp_path)
    kesiapan = list(wb["Kesiapan"].iter_rows(min_row=2, values_only=True))
    assert len(kesiapan) == 6 * 9
    assert kesiapan[0] == (
        "governance — Smart Governance",
        "struktur — Struktur",
        "sdm — Sumber daya manusia",
        None,
        None,
        None,
        None,
    )
    assert kesiapan[-1][:3] == (
        "environment — Smart Environment",
        "suprastruktur — Suprastruktur",
        "tata_laksana — Tata laksana",
    )
    kematangan = list(wb["Kematangan"].iter_rows(min_row=2, values_only=True))
    assert len(kematangan) == 18
    assert kematangan[3] == (
        "branding — Smart Branding",
        "tourism — Ekosistem pariwisata",
        None,
        None,
        None,
        None,
    )
    for name in ["SWOT", "Strategi", "Indikator", "Nilai", "Pendorong"]:
        assert wb[name].max_row == 1


def test_it_needs_no_database_and_writes_to_a_file_object():
    buffer = io.BytesIO()
    write_template(buffer)
    buffer.seek(0)
    assert load_workbook(buffer).sheetnames[1] == "Kesiapan"


def test_an_unknown_framework_is_refused(tmp_path):
    with pytest.raises(ValueError, match="kominfo-2099"):
        write_template(tmp_path / "x.xlsx", framework="kominfo-2099")


def test_the_blank_template_imports_as_nothing(world, tmp_path, row_counts):
    path = tmp_path / "templat.xlsx"
    write_template(path)
    before = row_counts()
    summary = import_workbook(world.katingan, path)
    assert not summary.changed
    assert row_counts() == before


def test_an_export_offers_the_regions_agencies_as_a_dropdown(world, tmp_path):
    path = tmp_path / "katingan.xlsx"
    export_workbook(world.katingan, path)
    wb = load_workbook(path)
    agencies = [c.value for c in wb["Daftar"]["I"][1:] if c.value]
    assert agencies == ["Bappelitbang", "Dinkes", "Diskominfostandi"]
    (dv,) = _validations(wb["SWOT"])["E"]
    assert dv.formula1 == "=Daftar!$I$2:$I$4"
