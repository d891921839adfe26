"""Reading a bimtek workbook back: every sheet checked first, then everything written in one transaction.

Columns are found by their header in row 1 (the Indonesian header, with or without its parenthesis, or the English
name), so a participant may reorder, hide or add columns. A row whose known cells are all empty is ignored; so is a
readiness or maturity row with nothing but its keys. An import creates or updates, never deletes, and saves only
rows that actually change (so re-importing an export writes no history).
"""

from __future__ import annotations

import difflib
import os
import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, models, transaction
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from kotacerdas.assessment.models import (
    Peer,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect, ReadinessElement
from kotacerdas.interchange import limits
from kotacerdas.interchange.problems import Path
from kotacerdas.interchange.sections import (
    CheckContext,
    WriteContext,
    model_messages,
    record,
    refusal,
    snapshot,
)
from kotacerdas.interchange.workbook_export import factor_refs, strategy_keys
from kotacerdas.interchange.workbook_layout import (
    SHEETS,
    STRATEGI,
    SWOT,
    Sheet,
    normalise_header,
)
from kotacerdas.interchange.workbook_problems import WORKBOOK, CellProblem, ImportSummary, InvalidWorkbook
from kotacerdas.permissions import Access
from kotacerdas.regions.models import Agency, Region

CHANGE_REASON = "Impor lembar kerja bimtek / bimtek workbook import"
BAD = object()  # a cell whose problem has been reported
SPLIT = re.compile(r"\s+[—–-]\s+|—")
REF_SHAPE = re.compile(r"^([a-z0-9_]+)-([SWOT])(\d+)$", re.IGNORECASE)
SHEET_RANK = {sheet.name: i for i, sheet in enumerate(SHEETS)}


# --- reading cells -----------------------------------------------------------------------------------------------


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@dataclass
class Row:
    sheet: Sheet
    number: int
    values: dict[str, Any]  # column key → raw cell value, for the columns the sheet has
    letters: dict[str, str]  # column key → column letter
    bad: set[str] = field(default_factory=set)

    def has(self, key: str) -> bool:
        return key in self.letters

    def blank(self, key: str) -> bool:
        return _blank(self.values.get(key))

    def cell(self, key: str) -> str:
        return f"{self.letters.get(key, 'A')}{self.number}"

    def empty(self) -> bool:
        return all(_blank(v) for v in self.values.values())

    def has_content(self) -> bool:
        return any(not _blank(v) for k, v in self.values.items() if k not in self.sheet.keys)


class Problems:
    def __init__(self) -> None:
        self.items: list[tuple[tuple, CellProblem]] = []

    def add(self, sheet: str, cell: str, en: str, id_: str, hint: str = "", saran: str = "") -> None:
        match = re.fullmatch(r"([A-Z]*)(\d*)", cell)
        letters, digits = (match.group(1), match.group(2)) if match else ("", "")
        column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
        order = (SHEET_RANK.get(sheet, -1), int(digits) if digits else 0, column)
        self.items.append((order, CellProblem(sheet, cell, en, id_, hint, saran)))

    def at(self, row: Row, key: str, en: str, id_: str, hint: str = "", saran: str = "") -> None:
        row.bad.add(key)
        self.add(row.sheet.name, row.cell(key), en, id_, hint, saran)

    def __bool__(self) -> bool:
        return bool(self.items)

    def sorted(self) -> list[CellProblem]:
        unique = list(dict.fromkeys(p for _, p in sorted(self.items, key=lambda item: item[0])))
        return unique


def read_rows(ws, sheet: Sheet, problems: Problems) -> list[Row]:
    """The sheet's rows (empty ones left out), with its columns found by their headers in row 1.

    ``ws`` is a read-only (streaming) sheet: its declared dimensions are not trusted, only the columns that have a
    header are read, and reading stops at the first row over :data:`limits.SHEET_ROWS`."""
    ws.reset_dimensions()
    aliases = {alias: column.key for column in sheet.columns for alias in column.aliases}
    positions: dict[str, int] = {}
    header = next(ws.iter_rows(min_row=1, max_row=1, values_only=True), ())
    for index, value in enumerate(header):
        if _blank(value):
            continue
        key = aliases.get(normalise_header(str(value)))
        if key is None:
            continue  # a column of the participant's own (notes, numbering): ignored
        letter = get_column_letter(index + 1)
        if key in positions:
            first = get_column_letter(positions[key] + 1)
            problems.add(
                sheet.name,
                f"{letter}1",
                f"column {str(value)!r} appears twice (also {first}1)",
                f"kolom {str(value)!r} muncul dua kali (juga {first}1)",
            )
            continue
        positions[key] = index
    letters = {key: get_column_letter(index + 1) for key, index in positions.items()}
    rows: list[Row] = []
    if not positions:
        return rows
    width = max(positions.values()) + 1
    for number, cells in enumerate(ws.iter_rows(min_row=2, max_col=width, values_only=True), start=2):
        if number > limits.SHEET_ROWS + 1:
            raise InvalidWorkbook(
                [
                    CellProblem(
                        sheet.name,
                        f"A{number}",
                        f"the sheet has more than {limits.SHEET_ROWS} rows; split it over several workbooks",
                        f"lembar ini lebih dari {limits.SHEET_ROWS} baris; bagi ke beberapa buku kerja",
                    )
                ]
            )
        values = {key: cells[index] if index < len(cells) else None for key, index in positions.items()}
        row = Row(sheet, number, values, letters)
        for key, value in values.items():
            if isinstance(value, str) and limits.CONTROL.search(value):
                message = limits.control_message(value)
                problems.at(row, key, message.split(" / ")[1], message.split(" / ")[0])
                values[key] = limits.CONTROL.sub("", value)
        if not row.empty():
            rows.append(row)
    return rows


# --- the import context ------------------------------------------------------------------------------------------


def lookup_key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class Op:
    sheet: str
    obj: models.Model
    new: bool
    before: dict | None
    factors: list | None = None  # a strategy's factors (objects; some may be new)


class Context:
    def __init__(self, region: Region, agency: Agency | None, user):
        self.region = region
        self.agency = agency
        self.user = user
        self.access = Access.for_import(region, agency)
        self.problems = Problems()
        self.ops: list[Op] = []
        self.summary = ImportSummary()
        framework = region.framework_id
        self.pillars = list(Pillar.objects.filter(framework_id=framework).order_by("order"))
        self.elements = list(
            Element.objects.filter(pillar__framework_id=framework).select_related("pillar").order_by("order")
        )
        self.readiness = list(ReadinessElement.objects.filter(framework_id=framework))
        self.aspects = list(
            ReadinessAspect.objects.filter(element__framework_id=framework).select_related("element")
        )
        self.agencies = list(Agency.objects.filter(region=region))
        # filled by the sheets, read by later sheets
        self.factor_by_label: dict[str, SwotFactor] = {}

    # -- plan --

    def plan(self, sheet: str, obj: models.Model, new: bool, before: dict | None, factors=None) -> Op:
        op = Op(sheet, obj, new, before, factors)
        self.ops.append(op)
        return op

    # -- parsing helpers; each reports its own problem and returns BAD --

    def text(self, row: Row, key: str) -> str | None:
        value = row.values.get(key)
        if _blank(value):
            return None
        if isinstance(value, datetime | date | time):
            value = value.isoformat()
        return _shown(value).replace("\r\n", "\n").strip()

    def integer(self, row: Row, key: str):
        column = row.sheet.by_key[key]
        value = row.values.get(key)
        if _blank(value):
            return None
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            number = int(value)
        if number is None:
            self.problems.at(
                row,
                key,
                f"{column.en} {_shown(value)!r} is not a whole number",
                f"{column.id_} {_shown(value)!r} bukan bilangan bulat",
            )
            return BAD
        if column.low is not None and not column.low <= number <= column.high:
            self.problems.at(
                row,
                key,
                f"{column.en} {number} is outside {column.low}–{column.high}",
                f"{column.id_} {number} di luar rentang {column.low}–{column.high}",
            )
            return BAD
        return number

    def decimal(self, row: Row, key: str, places: int):
        column = row.sheet.by_key[key]
        value = row.values.get(key)
        if _blank(value):
            return None
        number: Decimal | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int | Decimal):
            number = Decimal(value)
        elif isinstance(value, float):
            number = Decimal(repr(value))
        elif isinstance(value, str):
            text = value.strip().replace("\u00a0", "").replace(" ", "")
            if re.fullmatch(r"[+-]?\d+(,\d+)?", text):
                text = text.replace(",", ".")
            if re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", text):
                number = Decimal(text)
        if number is None or not number.is_finite():
            self.problems.at(
                row,
                key,
                f"{column.en} {_shown(value)!r} is not a number",
                f"{column.id_} {_shown(value)!r} bukan angka",
                "write it with a decimal point or comma and no thousands separator",
                "tulis dengan titik atau koma desimal tanpa pemisah ribuan",
            )
            return BAD
        try:
            return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        except InvalidOperation:
            return number

    def missing(self, row: Row, key: str) -> None:
        column = row.sheet.by_key[key]
        if row.has(key):
            self.problems.at(row, key, f"{column.en} is missing", f"{column.id_} belum diisi")
        else:
            self.problems.at(
                row,
                key,
                f"{column.en} is missing (there is no column {column.header!r})",
                f"{column.id_} belum diisi (tidak ada kolom {column.header!r})",
            )

    def _choose(self, row: Row, key: str, options: dict[str, Any], what_en: str, what_id: str, names=()):
        """Resolve a cell against ``options`` (lookup key → object): the slug before ``—``, or the whole text."""
        raw = self.text(row, key)
        if raw is None:
            return None
        candidates = [raw, SPLIT.split(raw, maxsplit=1)[0]]
        for candidate in candidates:
            found = options.get(lookup_key(candidate))
            if found is not None:
                return found
        spelled = {name.casefold(): name for name in (names or options)}
        close = difflib.get_close_matches(lookup_key(candidates[1]), list(spelled), n=1)
        close = [spelled[c] for c in close]
        self.problems.at(
            row,
            key,
            f"unknown {what_en} {raw!r}",
            f"{what_id} {raw!r} tidak dikenal",
            f"did you mean {close[0]!r}?" if close else "",
            f"maksud Anda {close[0]!r}?" if close else "",
        )
        return BAD

    @staticmethod
    def _options(objects, *names) -> dict[str, Any]:
        options: dict[str, Any] = {}
        for obj in objects:
            for name in names:
                value = getattr(obj, name)
                if value:
                    options.setdefault(lookup_key(value), obj)
        return options

    def pillar(self, row: Row, key: str = "pillar"):
        return self._choose(
            row,
            key,
            self._options(self.pillars, "slug", "name", "name_en"),
            "pillar",
            "pilar",
            [p.slug for p in self.pillars],
        )

    def element(self, row: Row, key: str = "element"):
        return self._choose(
            row,
            key,
            self._options(self.elements, "slug", "name", "name_en"),
            "element",
            "elemen",
            [e.slug for e in self.elements],
        )

    def readiness_element(self, row: Row, key: str = "element"):
        return self._choose(
            row,
            key,
            self._options(self.readiness, "slug", "name", "name_en"),
            "readiness element",
            "elemen kesiapan",
            [r.slug for r in self.readiness],
        )

    def aspect(self, row: Row, key: str = "aspect"):
        return self._choose(
            row,
            key,
            self._options(self.aspects, "slug", "name", "name_en"),
            "aspect",
            "aspek",
            [a.slug for a in self.aspects],
        )

    def agency_cell(self, row: Row, key: str = "agency"):
        """The row's agency; an operator's blank cell is their own agency."""
        if not row.has(key) or row.blank(key):
            return self.agency
        found = self._choose(
            row,
            key,
            self._options(self.agencies, "abbreviation", "name"),
            "agency",
            "perangkat daerah",
            [a.abbreviation for a in self.agencies],
        )
        return found

    def choice(self, row: Row, key: str, values: dict[str, str]):
        """A value of a fixed list: ``values`` maps every accepted spelling (lower case) to the stored value."""
        column = row.sheet.by_key[key]
        raw = self.text(row, key)
        if raw is None:
            return None
        for candidate in (raw, SPLIT.split(raw, maxsplit=1)[0]):
            found = values.get(lookup_key(candidate))
            if found is not None:
                return found
        allowed = ", ".join(dict.fromkeys(values.values()))
        self.problems.at(
            row,
            key,
            f"{column.en} {raw!r} is not one of {allowed}",
            f"{column.id_} {raw!r} bukan salah satu dari {allowed}",
        )
        return BAD

    # -- permissions --

    def owner_ok(self, row: Row, model, existing, agency, key: str = "agency") -> bool:
        """May this upload write the row: a new ``model`` row of ``agency``, or change ``existing``?
        (``Access.may_bring_in`` decides; this reports the refusal at the row's cell.)"""
        if agency is BAD:  # already reported as an unknown agency
            return self.access.may_bring_in(model)
        params = refusal(self.access, model, existing, agency)
        if params is None:
            return True
        en, id_, *hints = WORKBOOK_MESSAGES["not_yours"]
        hints = [hint.format(**params) for hint in hints] if "owner" in params else []
        self.problems.at(row, key, en.format(**params), id_.format(**params), *hints)
        return False

    # -- model validation --

    def validate(self, row: Row, obj: models.Model, fields: dict[str, str], exclude=()) -> None:
        """Django's field validators and ``clean()``; problems go to the cell of the field's column."""
        skip = set(exclude)
        for field_name, key in fields.items():
            if key in row.bad:
                skip.add(field_name)
        for f in obj._meta.concrete_fields:
            if f.is_relation and getattr(obj, f.attname) is None and f.name in obj._state.fields_cache:
                related = obj._state.fields_cache.get(f.name)
                if related is not None and related.pk is None:
                    skip.add(f.name)  # a row created by this import, saved before this one
        try:
            obj.full_clean(exclude=sorted(skip), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            first_key = next(iter(fields.values()), "")
            for field_name, pairs in model_messages(exc).items():
                key = fields.get(field_name, first_key)
                if key in row.bad:
                    continue
                for id_, en in pairs:
                    self.problems.at(row, key, en, id_)


#: How the workbook words the rules every section may report: English, Indonesian and, optionally, their hints.
WORKBOOK_MESSAGES = {
    "not_yours": (
        "you may only enter rows of {mine}",
        "Anda hanya boleh mengisi baris {mine}",
        "this row belongs to {owner}",
        "baris ini milik {owner}",
    ),
    "not_yours_under": (
        "you may only enter rows of {mine}",
        "Anda hanya boleh mengisi baris {mine}",
        "indicator {code!r} belongs to {owner}",
        "indikator {code!r} milik {owner}",
    ),
}


class SheetCheck(CheckContext):
    """The check context of the sheets that have a codec: a section's ``check`` runs on the data the codec built
    from the rows, and each problem it reports at a JSON path is worded by the codec (``codec.MESSAGES``, English
    and Indonesian apart) at the cell of that path (``drivers[3].impact`` → ``Pendorong!C5``)."""

    voice = "workbook"

    def __init__(self, parse: Context):
        super().__init__({}, parse.region.slug, [])
        self.region = parse.region
        self.access = parse.access
        self.parse = parse
        self.rows: dict[Path, tuple[Row, Any]] = {}  # an item's path → the row (and codec) it came from
        self.peers: dict[str, Peer] = {}  # the stored peers, as values name them
        self.register("agencies", ((("agencies", i), a.abbreviation) for i, a in enumerate(parse.agencies)))

    def add(self, codec, row: Row, item: dict, key: str | None = None, within: Path = ()) -> Path:
        """Append ``item`` to the list ``key`` of the document (or of the item at ``within``), from ``row``."""
        parent = self.document if not within else self.document[within[0]][within[1]]
        items = parent.setdefault(key or codec.section.key, [])
        path = (*within, key or codec.section.key, len(items))
        items.append(item)
        self.rows[path] = (row, codec)
        return path

    def _cell(self, path: Path) -> tuple[Row, str]:
        for n in (4, 2):
            if len(path) >= n and tuple(path[:n]) in self.rows:
                row, codec = self.rows[tuple(path[:n])]
                first = getattr(codec, "ROW_COLUMN", codec.sheet.columns[0].key)  # a problem of the whole row
                return row, codec.COLUMNS.get(path[n], first) if len(path) > n else first
        raise KeyError(path)

    def problem(self, section, rule: str, path: Path, **params: Any) -> None:
        row, column = self._cell(path)
        if "other" in params:
            params["row"] = self._cell(params["other"])[0].number
        codec = (
            self.rows[tuple(path[:4])][1] if tuple(path[:4]) in self.rows else self.rows[tuple(path[:2])][1]
        )
        en, id_, *hints = {**WORKBOOK_MESSAGES, **codec.MESSAGES}[rule]
        try:
            hints = [hint.format(**params) for hint in hints]
        except KeyError:  # a hint needs what only some problems know (who owns the row)
            hints = []
        self.parse.problems.at(row, column, en.format(**params), id_.format(**params), *hints)

    def missing(self, section, path: Path) -> None:
        row, column = self._cell(path)
        if column not in row.bad:
            self.parse.missing(row, column)

    def report(self, path: Path, message: str) -> None:
        indonesian, _, english = message.partition(" / ")
        self.model_problem(path, indonesian, english or indonesian)

    def model_problem(self, path: Path, indonesian: str, english: str) -> None:
        row, column = self._cell(path)
        self.parse.problems.at(row, column, english, indonesian)

    def well_formed(self, path: Path) -> bool:
        if len(path) < 3:
            return True
        row, column = self._cell(path)
        return column not in row.bad

    def has_problem(self, path: Path) -> bool:
        return not self.well_formed(path)


def set_text(obj: models.Model, name: str, value: str | None) -> None:
    """Set a text field, keeping the stored text when it differs only in surrounding space or line ends."""
    value = value or ""
    current = getattr(obj, name) or ""
    if current.replace("\r\n", "\n").strip() != value:
        setattr(obj, name, value)


def assign(obj: models.Model, name: str, value) -> None:
    if value is not BAD:
        setattr(obj, name, value)


# --- the sheets --------------------------------------------------------------------------------------------------


SWOT_KINDS = {
    **{k.casefold(): k for k in ("S", "W", "O", "T")},
    "kekuatan": "S",
    "kelemahan": "W",
    "peluang": "O",
    "ancaman": "T",
    "strength": "S",
    "weakness": "W",
    "opportunity": "O",
    "threat": "T",
    **{lookup_key(str(label)): value for value, label in SwotFactor.Kind.choices},
}
STRATEGY_KINDS = {
    **{k.casefold(): k for k in ("SO", "ST", "WO", "WT")},
    **{lookup_key(str(label)): value for value, label in Strategy.Kind.choices},
}


@dataclass
class FactorGroup:
    label: str | None
    rows: list[Row] = field(default_factory=list)


def check_swot(ctx: Context, rows: list[Row]) -> None:
    refs = factor_refs(ctx.region)
    by_ref = {ref.casefold(): factor for factor, ref in refs}
    ref_of = {factor.pk: ref for factor, ref in refs}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    next_order: dict[tuple[int, str], int] = {}
    next_number: dict[tuple[int, str], int] = {}  # new refs continue after the highest ever used
    for factor, _ in refs:
        counts[(factor.pillar_id, factor.kind)] += 1
        group_key = (factor.pillar_id, factor.kind)
        next_order[group_key] = max(next_order.get(group_key, 0), factor.order + 1)
    ratings: dict[tuple[int, int], SwotRating] = {
        (r.factor_id, r.agency_id): r for r in SwotRating.objects.filter(factor__region=ctx.region)
    }
    groups: dict[Any, FactorGroup] = {}
    for row in rows:
        label = ctx.text(row, "ref")
        key = label.casefold() if label else ("row", row.number)
        groups.setdefault(key, FactorGroup(label)).rows.append(row)

    for group in groups.values():
        first = group.rows[0]
        factor = by_ref.get(group.label.casefold()) if group.label else None
        if group.label:
            # known from here on; None until it checks out, so strategies do not report it a second time
            ctx.factor_by_label[group.label.casefold()] = factor
        # the factor's own cells: the first filled one counts, later ones must agree
        given: dict[str, tuple[Any, Row]] = {}
        for row in group.rows:
            for key in ("pillar", "kind", "text", "weight"):
                if not row.has(key) or row.blank(key):
                    continue
                if key == "pillar":
                    value = ctx.pillar(row)
                elif key == "kind":
                    value = ctx.choice(row, "kind", SWOT_KINDS)
                elif key == "text":
                    value = ctx.text(row, "text")
                else:
                    value = ctx.decimal(row, "weight", 4)
                if value is BAD:
                    continue
                if key in given and given[key][0] != value:
                    column = SWOT.by_key[key]
                    other = given[key][1].number
                    ctx.problems.at(
                        row,
                        key,
                        f"{column.en} differs from row {other} of ref {group.label!r}",
                        f"{column.id_} berbeda dengan baris {other} untuk ref {group.label!r}",
                    )
                else:
                    given.setdefault(key, (value, row))
        if any(k in r.bad for r in group.rows for k in ("pillar", "kind", "text", "weight")):
            continue
        weight_column = any(r.has("weight") for r in group.rows)
        pillar = given.get("pillar", (None,))[0]
        kind = given.get("kind", (None,))[0]
        author = ctx.agency_cell(first)
        changes: list[tuple[str, Row]] = []
        if factor is not None:
            new = False
            before = snapshot(factor)
            if pillar is not None and pillar.pk != factor.pillar_id:
                ctx.problems.at(
                    given["pillar"][1],
                    "pillar",
                    f"ref {group.label!r} is a factor of pillar {factor.pillar.slug!r}, not {pillar.slug!r}",
                    f"ref {group.label!r} adalah faktor pilar {factor.pillar.slug!r}, bukan {pillar.slug!r}",
                )
            if kind is not None and kind != factor.kind:
                ctx.problems.at(
                    given["kind"][1],
                    "kind",
                    f"ref {group.label!r} is of kind {factor.kind}, not {kind}",
                    f"ref {group.label!r} berjenis {factor.kind}, bukan {kind}",
                )
            if "text" in given:
                set_text(factor, "text", given["text"][0])
                if factor.text != before["text"]:
                    changes.append(("text", given["text"][1]))
            if weight_column:
                weight = given["weight"][0] if "weight" in given else None
                if weight != factor.weight:
                    factor.weight = weight
                    changes.append(("weight", given["weight"][1] if "weight" in given else first))
            if changes and not ctx.access.can_write(factor):
                owner = factor.agency.abbreviation if factor.agency else "admin daerah"
                for key, row in changes:
                    ctx.problems.at(
                        row,
                        key,
                        f"you may only change factors of {ctx.agency.abbreviation}",
                        f"Anda hanya boleh mengubah faktor {ctx.agency.abbreviation}",
                        f"factor {ref_of[factor.pk]!r} belongs to {owner}",
                        f"faktor {ref_of[factor.pk]!r} milik {owner}",
                    )
                continue
        else:
            new = True
            before = None
            for key in ("pillar", "kind", "text"):
                if key not in given:
                    ctx.missing(first, key)
            if not all(k in given for k in ("pillar", "kind", "text")):
                continue
            shape = REF_SHAPE.match(group.label or "")
            if (
                shape
                and (shape.group(1).casefold() != pillar.slug or shape.group(2).upper() != kind)
                and shape.group(1).casefold() in {p.slug for p in ctx.pillars}
            ):
                ctx.problems.at(
                    first,
                    "ref",
                    f"ref {group.label!r} does not match pillar {pillar.slug!r} and kind {kind}",
                    f"ref {group.label!r} tidak cocok dengan pilar {pillar.slug!r} dan jenis {kind}",
                )
                continue
            group_key = (pillar.pk, kind)
            order = next_order.get(group_key, 1)
            next_order[group_key] = order + 1
            counts[group_key] += 1
            factor = SwotFactor(
                region=ctx.region,
                pillar=pillar,
                kind=kind,
                text=given["text"][0],
                weight=given["weight"][0] if "weight" in given else None,
                agency=author if author is not BAD else None,
                order=order,
            )
            if group_key not in next_number:
                first_free = SwotFactor.next_ref(ctx.region.pk, pillar.slug, kind)
                next_number[group_key] = int(first_free[len(f"{pillar.slug}-{kind}") :])
            final_ref = f"{pillar.slug}-{kind}{next_number[group_key]}"
            next_number[group_key] += 1
            factor.ref = final_ref
            if group.label:
                ctx.summary.new_refs[group.label] = final_ref
            if not ctx.owner_ok(first, SwotFactor, None, author):
                continue
        factor_rows = {
            "text": "text",
            "weight": "weight",
            "agency": "agency",
            "pillar": "pillar",
            "kind": "kind",
        }
        ctx.validate(given.get("text", (None, first))[1], factor, factor_rows)
        ctx.plan(SWOT.name, factor, new, before)
        if group.label:
            ctx.factor_by_label[group.label.casefold()] = factor

        # one rating per row
        rated: dict[int, int] = {}
        for row in group.rows:
            agency = author if row is first else ctx.agency_cell(row)
            if not ctx.owner_ok(row, SwotRating, None, agency):
                continue
            importance = ctx.integer(row, "importance")
            rating_value = ctx.integer(row, "rating")
            if importance is None and rating_value is None:
                continue  # a line that records the factor (and its author) only
            if importance is None:
                ctx.missing(row, "importance")
            if rating_value is None:
                ctx.missing(row, "rating")
            if agency is None:
                ctx.missing(row, "agency")
            if BAD in (importance, rating_value, agency) or None in (importance, rating_value, agency):
                continue
            if agency.pk in rated:
                ctx.problems.at(
                    row,
                    "agency",
                    f"{agency.abbreviation} already rated this factor in row {rated[agency.pk]}",
                    f"{agency.abbreviation} sudah menilai faktor ini di baris {rated[agency.pk]}",
                )
                continue
            rated[agency.pk] = row.number
            rating = ratings.get((factor.pk, agency.pk)) if factor.pk else None
            if not ctx.owner_ok(row, SwotRating, rating, agency):
                continue
            rating_new = rating is None
            if rating_new:
                rating = SwotRating(region=ctx.region, factor=factor, agency=agency)
            rating_before = None if rating_new else snapshot(rating)
            rating.importance = importance
            rating.rating = rating_value
            ctx.validate(row, rating, {"importance": "importance", "rating": "rating", "agency": "agency"})
            ctx.plan("SWOT (penilaian)", rating, rating_new, rating_before)


def _factor_refs_in(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]+", text) if part.strip()]


def check_strategies(ctx: Context, rows: list[Row]) -> None:
    keyed = strategy_keys(ctx.region)
    by_key = {key.casefold(): strategy for strategy, key in keyed}
    existing_factors = {ref.casefold(): factor for factor, ref in factor_refs(ctx.region)}
    seen: dict[str, int] = {}
    for row in rows:
        code = ctx.text(row, "code")
        pillar = ctx.pillar(row)
        kind = ctx.choice(row, "kind", STRATEGY_KINDS)
        agency = ctx.agency_cell(row)
        if code is None:
            ctx.missing(row, "code")
            continue
        if code.casefold() in seen:
            ctx.problems.at(
                row,
                "code",
                f"code {code!r} already appears in row {seen[code.casefold()]}",
                f"kode {code!r} sudah ada di baris {seen[code.casefold()]}",
            )
            continue
        seen[code.casefold()] = row.number
        strategy = by_key.get(code.casefold())
        new = strategy is None
        if new:
            for key, value in (("pillar", pillar), ("kind", kind)):
                if value is None:
                    ctx.missing(row, key)
            strategy = Strategy(region=ctx.region, code=code)
        elif row.has("pillar") and pillar is None:
            ctx.missing(row, "pillar")
        if not ctx.owner_ok(row, Strategy, None if new else strategy, agency):
            continue
        before = None if new else snapshot(strategy)
        if pillar is not None:
            assign(strategy, "pillar", pillar)
        if kind is not None:
            assign(strategy, "kind", kind)
        if row.has("text"):
            set_text(strategy, "text", ctx.text(row, "text"))
        if row.has("agency") or ctx.agency is not None:
            assign(strategy, "agency", agency)
        factors = None
        if row.has("factors"):
            factors = []
            for label in _factor_refs_in(ctx.text(row, "factors") or ""):
                if label.casefold() in ctx.factor_by_label:
                    factor = ctx.factor_by_label[label.casefold()]
                    if factor is None:
                        continue  # its rows in the SWOT sheet have problems of their own
                else:
                    factor = existing_factors.get(label.casefold())
                if factor is None:
                    ctx.problems.at(
                        row,
                        "factors",
                        f"factor ref {label!r} does not exist",
                        f"ref faktor {label!r} tidak ada",
                    )
                    continue
                if pillar not in (None, BAD) and factor.pillar_id != pillar.pk:
                    ctx.problems.at(
                        row,
                        "factors",
                        f"factor ref {label!r} is not in pillar {pillar.slug!r}",
                        f"ref faktor {label!r} bukan faktor pilar {pillar.slug!r}",
                    )
                    continue
                kind_now = strategy.kind if kind in (None, BAD) else kind
                if kind_now and factor.kind not in kind_now:
                    ctx.problems.at(
                        row,
                        "factors",
                        f"factor ref {label!r} is a {factor.kind} factor; a {kind_now} strategy combines "
                        f"{kind_now[0]} and {kind_now[1]} factors",
                        f"ref faktor {label!r} berjenis {factor.kind}; strategi {kind_now} menggabungkan faktor "
                        f"{kind_now[0]} dan {kind_now[1]}",
                    )
                    continue
                if factor not in factors:
                    factors.append(factor)
        if strategy.pillar_id is None:
            continue
        ctx.validate(
            row,
            strategy,
            {"code": "code", "text": "text", "kind": "kind", "pillar": "pillar", "agency": "agency"},
        )
        ctx.plan(STRATEGI.name, strategy, new, before, factors)


#: The bimtek sheets' checks in the order of the workbook (the action plan's are in :mod:`.workbook_actionplan`).
CHECKS = (
    (SWOT, check_swot),
    (STRATEGI, check_strategies),
)


# --- the import ------------------------------------------------------------------------------------------------


def _unreadable(exc: Exception) -> InvalidWorkbook:
    return InvalidWorkbook(
        [
            CellProblem(
                WORKBOOK,
                "",
                f"not an Excel workbook (.xlsx) that can be read: {exc}",
                f"bukan buku kerja Excel (.xlsx) yang dapat dibaca: {exc}",
            )
        ]
    )


def _refuse(en: str, id_: str) -> InvalidWorkbook:
    return InvalidWorkbook([CellProblem(WORKBOOK, "", en, id_)])


def _size(path_or_file) -> int:
    if isinstance(path_or_file, str | os.PathLike):
        return os.stat(path_or_file).st_size
    size = getattr(path_or_file, "size", None)  # Django's uploaded file
    if isinstance(size, int):
        return size
    position = path_or_file.tell()
    end = path_or_file.seek(0, os.SEEK_END)
    path_or_file.seek(position)
    return end


class _StreamedSheet(ReadOnlyWorksheet):
    """A streaming sheet that does not look for its dimensions when it is opened: openpyxl searches for the
    optional ``<dimension>`` element and, when a sheet has none, parses the whole sheet to find that out, which for
    a hostile million-row sheet takes minutes before the row limit could apply. :func:`read_rows` reads with
    explicit bounds instead."""

    def _get_size(self) -> None:
        return None


class _StreamingReader(ExcelReader):
    """openpyxl's reader in read-only mode, with :class:`_StreamedSheet` for every worksheet."""

    def read_worksheets(self) -> None:
        for sheet, rel in self.parser.find_sheets():
            if rel.target in self.valid_files and "chartsheet" not in rel.Type:
                ws = _StreamedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)


def _load(path_or_file):
    """Open the workbook for streaming, after checking the file's size and the declared uncompressed size of its
    zip members (so neither a huge upload nor a zip bomb is ever decompressed)."""
    cap = limits.workbook_bytes()
    size = _size(path_or_file)
    if size > cap:
        message = limits.too_large(size, cap, "KOTACERDAS_MAX_WORKBOOK_MB")
        raise _refuse(*reversed(message.split(" / ")))
    try:
        with zipfile.ZipFile(path_or_file) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise _unreadable(exc) from exc
    finally:
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)
    unpacked = sum(member.file_size for member in members)
    strings = sum(m.file_size for m in members if m.filename.casefold().endswith("sharedstrings.xml"))
    if strings > limits.SHARED_STRINGS_MB * limits.MB:
        shown = f"{strings / limits.MB:.0f} MB"
        raise _refuse(
            f"the workbook's texts unpack to {shown}, at most {limits.SHARED_STRINGS_MB} MB",
            f"teks buku kerja ini membuka menjadi {shown}, paling besar {limits.SHARED_STRINGS_MB} MB",
        )
    most = limits.WORKBOOK_UNCOMPRESSED_MB * limits.MB
    if unpacked > most:
        shown = f"{unpacked / limits.MB:.0f} MB"
        raise _refuse(
            f"the workbook unpacks to {shown}, at most {limits.WORKBOOK_UNCOMPRESSED_MB} MB: not a bimtek workbook",
            f"buku kerja ini membuka menjadi {shown}, paling besar {limits.WORKBOOK_UNCOMPRESSED_MB} MB: bukan "
            "lembar kerja bimtek",
        )
    try:
        reader = _StreamingReader(path_or_file, read_only=True, data_only=True)
        reader.read()
        return reader.wb
    except Exception as exc:  # openpyxl raises many kinds (zip, xml, key, value errors)
        raise _unreadable(exc) from exc


def _read(workbook, checks, problems: Problems) -> list[tuple[Any, list[Row]]]:
    """Every sheet's rows, read before the transaction opens (reading is the slow part of an import)."""
    found = []
    try:
        for sheet, check in checks:
            if sheet.name in workbook.sheetnames:
                found.append((check, read_rows(workbook[sheet.name], sheet, problems)))
    except InvalidWorkbook:
        raise
    except Exception as exc:  # a sheet's XML that the streaming reader cannot parse
        raise _unreadable(exc) from exc
    finally:
        workbook.close()
    return found


def run_import(
    region: Region, path_or_file, checks, *, agency: Agency | None, user, sections=(), sheet_of=None
) -> ImportSummary:
    """Read the sheets of ``checks`` (``(sheet, check)`` pairs, where ``check`` is a function of the rows or a sheet
    codec), check them all, then write in one transaction. A codec's rows become its section's data, which the
    section checks and writes as it does a region file's: ``sections`` are the region file's, in its order, and
    ``sheet_of`` names the sheet of the summary for a section's counts (``"drivers"`` → ``"Pendorong"``)."""
    sheet_of = sheet_of or {}
    workbook = _load(path_or_file)
    present = [sheet for sheet, _ in checks if sheet.name in workbook.sheetnames]
    if not present:
        workbook.close()
        names = ", ".join(sheet.name for sheet in SHEETS)
        raise _refuse(
            f"none of the sheets of a kotacerdas workbook was found ({names})",
            f"tidak ada lembar kerja kotacerdas yang ditemukan ({names})",
        )
    problems = Problems()
    sheets = _read(workbook, checks, problems)
    with transaction.atomic():
        ctx = Context(region, agency, user)
        ctx.problems = problems
        coded = SheetCheck(ctx)
        for check, rows in sheets:
            if hasattr(check, "decode"):
                check.decode(rows, ctx, coded)
            else:
                check(ctx, rows)
        document = coded.document
        present = [section for section in sections if section.key in document]
        for section in present:
            section.collect(document[section.key], coded)
        for section in present:
            section.check(document[section.key], coded)
        if ctx.problems:
            raise InvalidWorkbook(ctx.problems.sorted())
        try:
            _write(ctx)
            written = WriteContext(region.slug, region=region, user=user, reason=CHANGE_REASON)
            written.refs["agencies"] = {a.abbreviation: a for a in ctx.agencies}
            written.refs["peers"] = coded.peers
            for section in present:
                section.write(document[section.key], written)
            for key, counts in written.counts.items():
                for what, count in counts.items():
                    sheet = sheet_of.get((key, what), sheet_of.get(key))
                    if sheet is not None:
                        bucket = getattr(ctx.summary, what)
                        bucket[sheet] = bucket.get(sheet, 0) + count
        except (DatabaseError, ValidationError) as exc:
            raise InvalidWorkbook(
                [
                    CellProblem(
                        WORKBOOK,
                        "",
                        f"could not be stored, nothing was written: {exc}",
                        f"tidak dapat disimpan, tidak ada yang ditulis: {exc}",
                    )
                ]
            ) from exc
    return ctx.summary


def _write(ctx: Context) -> None:
    summary = ctx.summary
    for op in ctx.ops:
        changed = op.new or snapshot(op.obj) != op.before
        if changed:
            record(op.obj, CHANGE_REASON, ctx.user)
        if op.factors is not None:
            strategy = op.obj
            wanted = {f.pk for f in op.factors}
            current = set() if op.new else set(strategy.factors.values_list("pk", flat=True))
            if wanted != current:
                if ctx.user is not None:
                    strategy._history_user = ctx.user
                strategy._change_reason = CHANGE_REASON
                strategy.factors.set(op.factors)
                changed = True
        after = getattr(op, "after", None)  # links saved after the row (workbook_actionplan.py)
        if after is not None:
            changed = after(op, ctx) or changed
        summary.count(op.sheet, "created" if op.new else "updated" if changed else "unchanged")
