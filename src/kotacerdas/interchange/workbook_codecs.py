"""Sheet codecs: a workbook sheet read as the data of a region-file section.

A codec turns the sheet's rows into the items the region file holds for its section (``decode``, which also
reports what only a workbook can get wrong: a cell's type, a dropdown value, a missing column), names the column of
each field (``COLUMNS``: JSON field → column key, so a problem at ``drivers[3].impact`` is shown at its cell), and
words the section's rules for the workbook (``MESSAGES``: rule → English and Indonesian). The section's own
``check`` and ``write`` do the rest, exactly as for a region file.
"""

from __future__ import annotations

from kotacerdas.interchange.assessment import DriversSection
from kotacerdas.interchange.workbook_import import BAD, CATEGORIES, Context, Row
from kotacerdas.interchange.workbook_layout import PENDORONG


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

    def decode(self, rows: list[Row], parse: Context) -> list[tuple[Row, dict]]:
        decoded = []
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
            decoded.append((row, item))
        return decoded


#: The sheets read through their section, in the order of the workbook.
CODECS = ((PENDORONG, DriversCodec()),)
