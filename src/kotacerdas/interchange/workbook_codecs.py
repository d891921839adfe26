"""Sheet codecs: a workbook sheet read as the data of a region-file section.

A codec turns the sheet's rows into the items the region file holds for its section (``decode``, which also
reports what only a workbook can get wrong: a cell's type, a dropdown value, a missing column), names the column of
each field (``COLUMNS``: JSON field → column key, so a problem at ``drivers[3].impact`` is shown at its cell), and
words the section's rules for the workbook (``MESSAGES``: rule → English and Indonesian). The section's own
``check`` and ``write`` do the rest, exactly as for a region file.
"""

from __future__ import annotations

import difflib
from decimal import Decimal

from django.core.exceptions import ValidationError

from kotacerdas.assessment.models import Indicator, Peer
from kotacerdas.interchange.assessment import (
    DriversSection,
    IndicatorsSection,
    MaturitySection,
    ReadinessSection,
    peer_names,
)
from kotacerdas.interchange.sections import abbreviation, model_messages
from kotacerdas.interchange.workbook_export import peer_title, place_labels
from kotacerdas.interchange.workbook_import import (
    BAD,
    Context,
    Row,
    SheetCheck,
    lookup_key,
)
from kotacerdas.interchange.workbook_layout import (
    CATEGORY_LABELS,
    DIRECTION_LABELS,
    INDIKATOR,
    KEMATANGAN,
    KESIAPAN,
    NILAI,
    PENDORONG,
)
from kotacerdas.regions.models import Region

#: The accepted spellings of a dropdown value (its key or its label, in any case) → the stored value.
DIRECTIONS = {
    **{k: k for k in DIRECTION_LABELS},
    **{lookup_key(label): k for k, label in DIRECTION_LABELS.items()},
}
CATEGORIES = {
    **{k: k for k in CATEGORY_LABELS},
    **{lookup_key(label): k for k, label in CATEGORY_LABELS.items()},
}


def parse_peer(label: str) -> tuple[str, str]:
    for prefix, kind in (
        ("kota ", Region.Kind.KOTA),
        ("kabupaten ", Region.Kind.KABUPATEN),
        ("kab. ", Region.Kind.KABUPATEN),
    ):
        if label.casefold().startswith(prefix) and label[len(prefix) :].strip():
            return label[len(prefix) :].strip(), kind
    return label, Region.Kind.KABUPATEN


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


class IndicatorsCodec:
    """``Indikator`` ↔ ``indicators`` (without their values, which the ``Nilai`` sheet brings)."""

    section = IndicatorsSection()
    sheet = INDIKATOR
    COLUMNS = {
        name: name
        for name in (
            "code",
            "name",
            "unit",
            "pillar",
            "direction",
            "weight",
            "year",
            "target",
            "agency",
            "source",
        )
    }
    ROW_COLUMN = "code"
    MESSAGES = {
        "duplicate": (
            "code {value!r} already appears in row {row}",
            "kode {value!r} sudah ada di baris {row}",
        ),
    }

    def decode(self, rows: list[Row], parse: Context, coded: SheetCheck) -> None:
        for row in rows:
            item: dict = {"code": parse.text(row, "code")}
            pillar = parse.pillar(row)
            if row.has("pillar") and pillar is not BAD:
                item["pillar"] = None if pillar is None else pillar.slug
            for name in ("name", "unit", "source"):
                if row.has(name):
                    item[name] = parse.text(row, name)
            read = {
                "direction": parse.choice(row, "direction", DIRECTIONS),
                "weight": parse.decimal(row, "weight", 3),
                "year": parse.integer(row, "year"),
                "target": parse.decimal(row, "target", 4),
            }
            defaults = {"direction": Indicator.Direction.HIGHER, "weight": Decimal(1)}
            for key, value in read.items():
                if row.has(key) and value is not BAD:
                    item[key] = defaults.get(key) if value is None and key in defaults else value
            coded.add(self, row, _agency(item, row, parse))


class ValuesCodec:
    """``Nilai`` ↔ ``indicators[].values``: a row names its indicator by code and its place by the label of the
    export (the region itself, or a peer); an unknown place is a new peer (``peers``) when the uploader may create
    one."""

    section = IndicatorsSection()
    sheet = NILAI
    COLUMNS = {"peer": "place", "year": "year", "value": "value", "indicator": "indicator", "name": "place"}
    ROW_COLUMN = "value"
    MESSAGES = {
        "duplicate_value": (
            "this indicator, place and year already appear in row {row}",
            "indikator, daerah dan tahun ini sudah ada di baris {row}",
        ),
    }

    def decode(self, rows: list[Row], parse: Context, coded: SheetCheck) -> None:
        region = parse.region
        peers = list(Peer.objects.filter(region=region))
        names = peer_names(peers)
        coded.peers = {names[id(p)]: p for p in peers}
        coded.register("peers", ((("peers", -1), name) for name in coded.peers))
        own_label, labels = place_labels(region, peers)
        places: dict[str, str | None] = {}
        counts: dict[str, int] = {}
        for peer in peers:
            counts[peer.name.casefold()] = counts.get(peer.name.casefold(), 0) + 1
        for text in (region.slug, region.name, region.title, own_label):
            places.setdefault(lookup_key(text), None)
        for peer in peers:
            places[lookup_key(peer_title(peer))] = names[id(peer)]
            places[lookup_key(labels[peer.pk])] = names[id(peer)]
            if counts[peer.name.casefold()] == 1 and lookup_key(peer.name) not in places:
                places[lookup_key(peer.name)] = names[id(peer)]
        indicators = coded.document.setdefault("indicators", [])
        by_code = {
            i["code"].casefold(): n for n, i in enumerate(indicators) if isinstance(i.get("code"), str)
        }
        stored = {i.code.casefold(): i for i in Indicator.objects.filter(region=region)}
        for row in rows:
            code = parse.text(row, "indicator")
            place_text = parse.text(row, "place")
            year = parse.integer(row, "year")
            value = parse.decimal(row, "value", 4)
            for key, parsed in (("indicator", code), ("place", place_text), ("year", year), ("value", value)):
                if parsed is None:
                    parse.missing(row, key)
            known = code is not None and (code.casefold() in by_code or code.casefold() in stored)
            if code is not None and not known:
                codes = [i["code"] for i in indicators if isinstance(i.get("code"), str)] + [
                    i.code for c, i in stored.items() if c not in by_code
                ]
                close = difflib.get_close_matches(code, codes, n=1)
                parse.problems.at(
                    row,
                    "indicator",
                    f"unknown indicator code {code!r}",
                    f"kode indikator {code!r} tidak dikenal",
                    f"did you mean {close[0]!r}?" if close else "",
                    f"maksud Anda {close[0]!r}?" if close else "",
                )
            peer = self._place(row, parse, coded, place_text, places, own_label)
            if not known or peer is BAD or None in (year, value) or BAD in (year, value):
                continue
            if code.casefold() not in by_code:
                by_code[code.casefold()] = len(indicators)
                indicators.append({"code": stored[code.casefold()].code})
            index = by_code[code.casefold()]
            coded.add(
                self, row, {"peer": peer, "year": year, "value": value}, "values", ("indicators", index)
            )

    def _place(self, row: Row, parse: Context, coded: SheetCheck, text, places, own_label):
        """The place as the file names a peer (None for the region itself); a new peer when the uploader may."""
        if text is None:
            return BAD
        key = lookup_key(text)
        if key in places:
            return places[key]
        if not parse.access.can_create(Peer):
            parse.problems.at(
                row,
                "place",
                f"{text!r} is neither {own_label} nor a peer",
                f"{text!r} bukan {own_label} dan bukan daerah pembanding",
                "peers are added on the web page or by the region admin",
                "daerah pembanding ditambahkan di halaman web atau oleh admin daerah",
            )
            return BAD
        name, kind = parse_peer(" ".join(text.split()))
        peer = Peer(region=parse.region, name=name, kind=kind)
        try:
            peer.full_clean(exclude=["region", "order"], validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            pairs = [pair for field in model_messages(exc).values() for pair in field]
            parse.problems.at(row, "place", "; ".join(en for _, en in pairs), "; ".join(i for i, _ in pairs))
            return BAD
        shown = name if name.casefold() not in {n.casefold() for n in coded.peers} else f"{name} ({kind})"
        coded.add(self, row, {"name": name, "kind": kind}, "peers")
        coded.register("peers", [(("peers", -1), shown)])
        parse.summary.new_peers.append(text)
        places[key] = shown
        return shown


#: The sheet of the import's summary for a section's counts (or for one kind of count of a section).
SHEET_OF = {
    "readiness": "Kesiapan",
    "maturity": "Kematangan",
    "indicators": "Indikator",
    "indicators.values": "Nilai",
    ("peers", "created"): "Nilai (pembanding)",
    "drivers": "Pendorong",
}

#: The sheets read through their section, in the order of the workbook.
CODECS = (
    (KESIAPAN, ReadinessCodec()),
    (KEMATANGAN, MaturityCodec()),
    (INDIKATOR, IndicatorsCodec()),
    (NILAI, ValuesCodec()),
    (PENDORONG, DriversCodec()),
)
