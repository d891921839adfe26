"""Sheet codecs: a workbook sheet read as the data of a region-file section.

A codec turns the sheet's rows into the items the region file holds for its section (``decode``, which also
reports what only a workbook can get wrong: a cell's type, a dropdown value, a missing column), names the column of
each field (``COLUMNS``: JSON field → column key, so a problem at ``drivers[3].impact`` is shown at its cell), and
words the section's rules for the workbook (``MESSAGES``: rule → English and Indonesian). The section's own
``check`` and ``write`` do the rest, exactly as for a region file.
"""

from __future__ import annotations

from kotacerdas.interchange.assessment import DriversSection, MaturitySection, ReadinessSection
from kotacerdas.interchange.sections import abbreviation
from kotacerdas.interchange.workbook_import import BAD, CATEGORIES, Context, Row, SheetCheck
from kotacerdas.interchange.workbook_layout import KEMATANGAN, KESIAPAN, PENDORONG


class DriversCodec:
    """``Pendorong`` ↔ ``drivers``."""

    section = DriversSection()
    sheet = PENDORONG
    COLUMNS = {name: name for name in ("name", "category", "impact", "uncertainty", "description")}
    MESSAGES = {
        "duplicate": (
            "driver {value!r} already appears in row {row}",
            "pendorong {value!r} sudah ada di baris {row}",
        ),
        "admin_only": (
            "only the region admin may enter drivers",
            "hanya admin daerah yang boleh mengisi faktor pendorong",
        ),
    }

    def decode(self, rows: list[Row], parse: Context, coded: SheetCheck) -> None:
        for row in rows:
            item = {"name": parse.text(row, "name")}
            read = {
                "category": parse.choice(row, "category", CATEGORIES),
                "impact": parse.integer(row, "impact"),
                "uncertainty": parse.integer(row, "uncertainty"),
            }
            item.update({key: value for key, value in read.items() if row.has(key) and value is not BAD})
            if row.has("description"):
                item["description"] = parse.text(row, "description")
            coded.add(self, row, item)


def _agency(item: dict, row: Row, parse: Context) -> dict:
    """The row's agency as the region file names it; an operator's blank cell is their own agency."""
    agency = parse.agency_cell(row)
    if agency is not BAD and (row.has("agency") or parse.agency is not None):
        item["agency"] = abbreviation(agency)
    return item


def _levels(item: dict, row: Row, parse: Context, numbers: tuple[str, ...], texts: tuple[str, ...]) -> None:
    """The row's whole numbers and texts, for the columns it has (an absent column keeps what is stored)."""
    for key in numbers:
        value = parse.integer(row, key)
        if row.has(key) and value is not BAD:
            item[key] = value
    for key in texts:
        if row.has(key):
            item[key] = parse.text(row, key)


class ReadinessCodec:
    """``Kesiapan`` ↔ ``readiness``: pillar, readiness element and aspect found by slug or name (the aspect names its
    element), the agency by abbreviation or name."""

    section = ReadinessSection()
    sheet = KESIAPAN
    COLUMNS = {
        name: name for name in ("pillar", "element", "aspect", "score", "narrative", "evidence", "agency")
    }
    ROW_COLUMN = "score"
    MESSAGES = {
        "duplicate": (
            "pillar {pillar!r} and aspect {aspect!r} already appear in row {row}",
            "pilar {pillar!r} dan aspek {aspect!r} sudah ada di baris {row}",
        ),
    }

    def decode(self, rows: list[Row], parse: Context, coded: SheetCheck) -> None:
        for row in rows:
            if not row.has_content():
                continue  # the blank lines of the grid
            pillar = parse.pillar(row)
            aspect = parse.aspect(row)
            element = parse.readiness_element(row) if row.has("element") else None
            if aspect not in (None, BAD) and element not in (None, BAD) and aspect.element_id != element.pk:
                parse.problems.at(
                    row,
                    "element",
                    f"aspect {aspect.slug!r} belongs to {aspect.element.slug!r}, not {element.slug!r}",
                    f"aspek {aspect.slug!r} termasuk {aspect.element.slug!r}, bukan {element.slug!r}",
                )
            item: dict = {}
            if pillar is not BAD:
                item["pillar"] = None if pillar is None else pillar.slug
            if aspect is None:
                item["aspect"] = None
            elif aspect is not BAD:
                item.update(element=aspect.element.slug, aspect=aspect.slug)
            _levels(item, row, parse, ("score",), ("narrative", "evidence"))
            coded.add(self, row, _agency(item, row, parse))


class MaturityCodec:
    """``Kematangan`` ↔ ``maturity``: pillar and element found by slug or name (the element alone is enough), the
    agency by abbreviation or name (an operator's blank cell is their own agency)."""

    section = MaturitySection()
    sheet = KEMATANGAN
    COLUMNS = {name: name for name in ("pillar", "element", "current", "target", "evidence", "agency")}
    ROW_COLUMN = "current"
    MESSAGES = {
        "duplicate": (
            "element {element!r} already appears in row {row}",
            "elemen {element!r} sudah ada di baris {row}",
        ),
    }

    def decode(self, rows: list[Row], parse: Context, coded: SheetCheck) -> None:
        for row in rows:
            if not row.has_content():
                continue  # the blank lines of the elements nobody has filled in yet
            pillar = parse.pillar(row) if row.has("pillar") else None
            element = parse.element(row)
            item: dict = {}
            if element not in (None, BAD):
                if pillar not in (None, BAD) and element.pillar_id != pillar.pk:
                    parse.problems.at(
                        row,
                        "element",
                        f"element {element.slug!r} belongs to pillar {element.pillar.slug!r}, not {pillar.slug!r}",
                        f"elemen {element.slug!r} termasuk pilar {element.pillar.slug!r}, bukan {pillar.slug!r}",
                    )
                    continue
                item.update(pillar=element.pillar.slug, element=element.slug)
            _levels(item, row, parse, ("current", "target"), ("evidence",))
            coded.add(self, row, _agency(item, row, parse))


#: The sheet of the import's summary for a section's counts (or for one kind of count of a section).
SHEET_OF = {"readiness": "Kesiapan", "maturity": "Kematangan", "drivers": "Pendorong"}

#: The sheets read through their section, in the order of the workbook.
CODECS = ((KESIAPAN, ReadinessCodec()), (KEMATANGAN, MaturityCodec()), (PENDORONG, DriversCodec()))
