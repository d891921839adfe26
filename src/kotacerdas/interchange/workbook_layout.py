"""The bimtek workbook's layout: its sheets, their columns, the lists behind the dropdowns, and how a sheet is drawn.

Shared by the template, the export and the import (which finds columns by their header, so a participant may
reorder, hide or add columns). The building blocks are in :mod:`.workbook_columns`, the action plan's sheets in
:mod:`.workbook_actionplan_layout`; :data:`SHEETS` is all of them in the order of the workbook. docs/workbook.md
describes the same layout for people.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from kotacerdas.interchange import workbook_actionplan_layout as actionplan_layout
from kotacerdas.interchange.workbook_columns import (
    AGENCIES,
    ASPECTS,
    BIMTEK_LIST_TITLES,
    CATEGORIES,
    CATEGORY_LABELS,
    DIRECTION_LABELS,
    DIRECTIONS,
    ELEMENTS,
    FORMAT,
    PILLARS,
    READINESS,
    STRATEGY_KINDS,
    SWOT_KINDS,
    Catalogue,
    Column,
    Sheet,
    labelled,
    normalise_header,
)
from kotacerdas.interchange.workbook_instructions import draw_instructions

__all__ = [  # the names other modules read from the layout
    "CATEGORY_LABELS",
    "DIRECTION_LABELS",
    "FORMAT",
    "Catalogue",
    "Column",
    "Sheet",
    "labelled",
    "normalise_header",
]

#: Rows of the data sheets that carry dropdowns and number checks (at least; more when the data is longer).
VALIDATED_ROWS = 500

# --- sheets and columns ------------------------------------------------------------------------------------------


def _agency(width: int = 18) -> Column:
    return Column(
        "agency",
        "Perangkat daerah",
        "agency",
        "perangkat daerah",
        width,
        "list",
        choices=AGENCIES,
        note="Singkatan perangkat daerah (OPD) yang mengisi baris ini, misalnya Dinkes.",
    )


def _pillar() -> Column:
    return Column(
        "pillar", "Pilar", "pillar", "pilar", 30, "list", choices=PILLARS, note="Pilih pilar dari daftar."
    )


KESIAPAN = Sheet(
    "Kesiapan",
    (
        _pillar(),
        Column(
            "element",
            "Elemen kesiapan",
            "readiness element",
            "elemen kesiapan",
            24,
            "list",
            choices=READINESS,
            note="Struktur, infrastruktur atau suprastruktur; boleh dikosongkan (mengikuti aspek).",
        ),
        Column(
            "aspect",
            "Aspek",
            "aspect",
            "aspek",
            32,
            "list",
            choices=ASPECTS,
            note="Aspek kesiapan; setiap pilar punya sembilan aspek.",
        ),
        Column(
            "score",
            "Skor (1–5)",
            "score",
            "skor",
            11,
            "int",
            1,
            5,
            note="1 belum siap, 2 kurang siap, 3 cukup siap, 4 siap, 5 sangat siap. Kosong = belum dinilai.",
        ),
        Column("narrative", "Uraian", "narrative", "uraian", 50, "long"),
        Column("evidence", "Bukti", "evidence", "bukti", 40, "long"),
        _agency(),
    ),
    keys=("pillar", "element", "aspect"),
    description="Kesiapan per pilar: satu baris per pilar × aspek (6 × 9 baris sudah disiapkan).",
)

SWOT = Sheet(
    "SWOT",
    (
        Column(
            "ref",
            "Ref",
            "ref",
            "ref",
            18,
            note="Rujukan faktor, misalnya governance-S1. Baris dengan ref yang sama adalah satu faktor. "
            "Kosongkan (atau beri label sementara) untuk faktor baru.",
        ),
        _pillar(),
        Column(
            "kind",
            "Jenis (S/W/O/T)",
            "kind",
            "jenis",
            10,
            "list",
            choices=SWOT_KINDS,
            note="S kekuatan, W kelemahan, O peluang, T ancaman.",
        ),
        Column("text", "Uraian faktor", "factor text", "uraian faktor", 60, "long"),
        _agency(),
        Column(
            "importance",
            "Kepentingan (1–5)",
            "importance",
            "kepentingan",
            13,
            "int",
            1,
            5,
            note="Tingkat kepentingan menurut perangkat daerah ini: 1 sangat rendah … 5 sangat tinggi.",
        ),
        Column(
            "rating",
            "Peringkat (1–4)",
            "rating",
            "peringkat",
            12,
            "int",
            1,
            4,
            note="4 = kekuatan besar, kelemahan serius, peluang besar, ancaman serius.",
        ),
        Column(
            "weight",
            "Bobot langsung (0–1)",
            "direct weight",
            "bobot langsung",
            14,
            "decimal",
            note="Biasanya kosong (bobot dihitung dari kepentingan). Bila diisi, semua faktor internal "
            "(atau eksternal) pilar ini diisi dan berjumlah 1,00.",
        ),
    ),
    keys=("ref",),
    description="Faktor SWOT per pilar: satu baris per penilaian satu perangkat daerah.",
)

STRATEGI = Sheet(
    "Strategi",
    (
        Column("code", "Kode", "code", "kode", 18, note="Kode strategi yang unik, misalnya GOV-SO1."),
        _pillar(),
        Column("kind", "Jenis (SO/ST/WO/WT)", "kind", "jenis", 12, "list", choices=STRATEGY_KINDS),
        Column("text", "Uraian strategi", "strategy text", "uraian strategi", 60, "long"),
        Column(
            "factors",
            "Faktor (ref, dipisah koma)",
            "factor refs",
            "faktor",
            30,
            note="Ref faktor SWOT yang digabung strategi ini, misalnya governance-S1, governance-O2.",
        ),
        _agency(),
    ),
    keys=(),
    description="Strategi TOWS (SO/ST/WO/WT) yang menggabungkan faktor SWOT.",
)

KEMATANGAN = Sheet(
    "Kematangan",
    (
        _pillar(),
        Column("element", "Elemen", "element", "elemen", 34, "list", choices=ELEMENTS),
        Column(
            "current",
            "Tingkat saat ini (1–5)",
            "current level",
            "tingkat saat ini",
            14,
            "int",
            1,
            5,
            note="1 Rintisan, 2 Terkelola, 3 Terdefinisi, 4 Terpadu dan Terukur, 5 Optimum.",
        ),
        Column("target", "Target tingkat (1–5)", "target level", "target tingkat", 14, "int", 1, 5),
        Column("evidence", "Bukti", "evidence", "bukti", 50, "long"),
        _agency(),
    ),
    keys=("pillar", "element"),
    description="Tingkat kematangan per elemen (18 baris sudah disiapkan).",
)

INDIKATOR = Sheet(
    "Indikator",
    (
        Column("code", "Kode", "code", "kode", 14, note="Kode indikator yang unik, misalnya MISKIN."),
        Column("name", "Nama indikator", "name", "nama indikator", 40, "long"),
        Column("unit", "Satuan", "unit", "satuan", 12),
        _pillar(),
        Column("direction", "Arah", "direction", "arah", 30, "list", choices=DIRECTIONS),
        Column("weight", "Bobot", "weight", "bobot", 9, "decimal", note="Kosong = 1."),
        Column("year", "Tahun perbandingan", "year", "tahun", 12, "int", 1990, 2100),
        Column("target", "Target (tahun cakrawala)", "target", "target", 14, "decimal"),
        _agency(),
        Column("source", "Sumber", "source", "sumber", 40, "long"),
    ),
    description="Katalog indikator untuk daya saing dan analisis masa depan.",
)

NILAI = Sheet(
    "Nilai",
    (
        Column("indicator", "Kode indikator", "indicator code", "kode indikator", 16),
        Column(
            "place",
            "Daerah",
            "region or peer",
            "daerah",
            30,
            note="Nama daerah ini sendiri untuk nilainya sendiri, atau nama daerah pembanding.",
        ),
        Column("year", "Tahun", "year", "tahun", 9, "int", 1990, 2100),
        Column("value", "Nilai", "value", "nilai", 14, "decimal"),
    ),
    description="Nilai indikator per daerah dan tahun.",
)

PENDORONG = Sheet(
    "Pendorong",
    (
        Column("name", "Nama pendorong", "driver name", "nama pendorong", 40, "long"),
        Column("category", "Kategori", "category", "kategori", 26, "list", choices=CATEGORIES),
        Column("impact", "Dampak (1–5)", "impact", "dampak", 12, "int", 1, 5),
        Column("uncertainty", "Ketidakpastian (1–5)", "uncertainty", "ketidakpastian", 15, "int", 1, 5),
        Column("description", "Uraian", "description", "uraian", 60, "long"),
    ),
    description="Faktor pendorong masa depan (PESTEL) untuk kerangka skenario 2 × 2.",
)

BIMTEK_SHEETS: tuple[Sheet, ...] = (KESIAPAN, SWOT, STRATEGI, KEMATANGAN, INDIKATOR, NILAI, PENDORONG)
#: Every data sheet, in the order of the workbook: bimtek I–II, then the action plan's.
SHEETS: tuple[Sheet, ...] = (*BIMTEK_SHEETS, *actionplan_layout.ACTIONPLAN_SHEETS)
LIST_TITLES = {**BIMTEK_LIST_TITLES, **actionplan_layout.LIST_TITLES}
INSTRUCTIONS = "Petunjuk"
LISTS = "Daftar"


def clean_text(value: str) -> str:
    """Text that openpyxl can store (control characters other than tab and newline removed)."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)


# --- drawing -----------------------------------------------------------------------------------------------------

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def _list_ranges(wb: Workbook, lists: dict[str, list[str]]) -> dict[str, str]:
    """Write the hidden ``Daftar`` sheet; return each list's range formula (``=Daftar!$A$2:$A$7``)."""
    ws = wb.create_sheet(LISTS)
    ranges: dict[str, str] = {}
    for index, (key, items) in enumerate(lists.items(), start=1):
        letter = get_column_letter(index)
        ws.cell(row=1, column=index, value=LIST_TITLES[key]).font = Font(bold=True)
        for row, item in enumerate(items, start=2):
            ws.cell(row=row, column=index, value=item)
        ws.column_dimensions[letter].width = 36
        if items:
            ranges[key] = f"={LISTS}!${letter}$2:${letter}${len(items) + 1}"
    ws.sheet_state = "hidden"
    return ranges


def _validation(column: Column, ranges: dict[str, str]) -> DataValidation | None:
    if column.choices:
        if column.choices not in ranges:
            return None
        dv = DataValidation(type="list", formula1=ranges[column.choices], allow_blank=True)
        dv.errorTitle = f"{column.id_.capitalize()} tidak dikenal"
        dv.error = f"Pilih {column.id_} dari daftar (lembar Daftar)."
        dv.promptTitle = column.header
        dv.prompt = f"Pilih {column.id_} dari daftar."
    elif column.kind == "int" and column.low is not None:
        dv = DataValidation(
            type="whole",
            operator="between",
            formula1=str(column.low),
            formula2=str(column.high),
            allow_blank=True,
        )
        dv.errorTitle = f"{column.id_.capitalize()} tidak sah"
        dv.error = f"{column.id_.capitalize()} harus bilangan bulat {column.low}–{column.high}."
        dv.promptTitle = column.header
        dv.prompt = f"Bilangan bulat {column.low}–{column.high}."
    elif column.kind == "decimal" and column.key == "weight" and column.en == "direct weight":
        dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="1", allow_blank=True)
        dv.errorTitle = "Bobot tidak sah"
        dv.error = "Bobot langsung harus angka 0–1, misalnya 0,25."
    else:
        return None
    dv.showErrorMessage = True
    dv.showInputMessage = bool(dv.prompt)
    dv.errorStyle = "stop"
    return dv


def write_cell(ws: Worksheet, row: int, col: int, value, column: Column) -> None:
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        value = clean_text(value)
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"  # text that starts with '=' is text, never a formula
    cell.alignment = WRAP if column.kind == "long" else TOP


def draw_sheet(wb: Workbook, sheet: Sheet, rows: Iterable[Sequence], ranges: dict[str, str]) -> Worksheet:
    """One data sheet: bold frozen header with notes, widths, wrapped long text, dropdowns and number checks."""
    ws = wb.create_sheet(sheet.name)
    for col, column in enumerate(sheet.columns, start=1):
        cell = ws.cell(row=1, column=col, value=column.header)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if column.note:
            cell.comment = Comment(column.note, "kotacerdas", width=260, height=110)
        ws.column_dimensions[get_column_letter(col)].width = column.width
    count = 0
    for count, values in enumerate(rows, start=1):
        for col, (column, value) in enumerate(zip(sheet.columns, values, strict=True), start=1):
            write_cell(ws, count + 1, col, value, column)
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32
    last = max(VALIDATED_ROWS, count + 200)
    for col, column in enumerate(sheet.columns, start=1):
        dv = _validation(column, ranges)
        if dv is not None:
            letter = get_column_letter(col)
            dv.add(f"{letter}2:{letter}{last}")
            ws.add_data_validation(dv)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(sheet.columns))}{max(count + 1, 2)}"
    return ws


def new_workbook(
    catalogue: Catalogue,
    rows: dict[str, list[Sequence]],
    *,
    agencies: Sequence[str] = (),
    region_title: str = "",
    agency_title: str = "",
) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    instructions = wb.create_sheet(INSTRUCTIONS)
    ranges = _list_ranges(wb, {**catalogue.lists(agencies), **actionplan_layout.lists()})
    for sheet in SHEETS:
        draw_sheet(wb, sheet, rows.get(sheet.name, []), ranges)
    draw_instructions(instructions, catalogue, SHEETS, region_title=region_title, agency_title=agency_title)
    wb.move_sheet(LISTS, offset=len(wb.sheetnames))
    wb.active = 0
    wb.properties.title = "Lembar kerja bimtek Smart City"
    wb.properties.subject = region_title or "Templat kosong"
    wb.properties.keywords = f"{FORMAT} {catalogue.framework}"
    wb.properties.creator = "kotacerdas"
    return wb
