"""What a section of the region file is, and the helpers every section shares.

A region file is ``{"format": ..., <section key>: <section data>, ...}``. Each top-level key is handled by one
:class:`Section` listed in :data:`kotacerdas.interchange.region_file.SECTIONS`; the list order is the order of the
keys in an exported file and the order in which sections are checked and written, so a section may refer to what an
earlier one wrote (an agency names its district; a local wisdom item names its agency).

A later stage adds its key by writing one ``Section`` subclass, adding its part to ``region-format.schema.json``
and appending it to ``SECTIONS`` (with ``required = False`` so files written before the stage still import).

A section does four things:

- ``export(region)``: the section's data, JSON-able, in a stable order (export → import → export is identical);
- ``collect(data, ctx)``: register the names other sections may refer to (``ctx.keys["agencies"]``);
- ``check(data, ctx)``: report every problem of meaning with ``ctx.report(path, message)``. It runs even when the
  schema found problems, so it must not trust the shape of ``data``: use :func:`entries` and check types;
  ``ctx.validate_model`` runs Django's model validation only on items the schema found well formed;
- ``write(data, ctx)``: create the rows (only called on a document without problems, inside one transaction).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.utils import translation

from kotacerdas.interchange.problems import Path, Problem, format_path

CHANGE_REASON = "Impor berkas daerah / region file import (kotacerdas-region/1)"


class Section:
    """One top-level key of the region file."""

    key: str = ""
    #: Whether the key must be present. Keys added by later stages are optional, so older files still import.
    required: bool = True
    #: Whether an export leaves the key out when ``export`` gives None (a key added to files that had no such data).
    omit_when_none: bool = False
    #: How the region file words the rules this section reports (``ctx.problem(self, "duplicate", ...)``).
    MESSAGES: dict[str, str] = {}

    def export(self, region) -> Any:
        raise NotImplementedError

    def collect(self, data: Any, ctx: CheckContext) -> None:
        """Register the names (abbreviations, district names, ...) that other sections may refer to."""

    def check(self, data: Any, ctx: CheckContext) -> None:
        """Report the problems of meaning in ``data`` (which may be malformed)."""

    def write(self, data: Any, ctx: WriteContext) -> None:
        raise NotImplementedError


class CheckContext:
    """What the checks share: the document, the slug the region will get, the problems found so far, and the
    names each section registers for references (``keys["agencies"]["Dinkes"] == ("agencies", 1)``)."""

    #: How this pipeline words a rule (``"duplicate"`` → text): each section's ``MESSAGES`` for the region file.
    voice = "region"

    def __init__(
        self, document: dict, slug: Any, schema_problems: Iterable[Problem], slug_option: bool = False
    ):
        self.document = document
        #: The region an import brings rows into (None for a region file, which creates a new region) and who
        #: brings them in (None: everything may be written).
        self.region = None
        self.access = None
        #: The slug the region will get: the ``--slug`` option (``slug_option``) or the file's ``region.slug``.
        self.slug = slug
        self.slug_option = slug_option
        self.problems: list[Problem] = list(schema_problems)
        self._malformed: list[Path] = [p.path for p in self.problems]
        self.keys: dict[str, dict[Any, Path]] = {}

    def report(self, path: Path, message: str) -> None:
        self.problems.append(Problem(tuple(path), message))

    def problem(self, section: Section, rule: str, path: Path, **params: Any) -> None:
        """Report the broken ``rule`` at ``path`` in this pipeline's words (the section's ``MESSAGES``; the
        workbook's context words it with the sheet codec's, at the cell of ``path``)."""
        if "other" in params:
            params["at"] = format_path(params["other"])
        self.report(path, {**COMMON_MESSAGES, **section.MESSAGES}[rule].format(**params))

    def missing(self, section: Section, path: Path) -> None:
        """A required value is absent (the schema already says so for a region file, so this only reports what
        the schema could not see)."""
        if self.well_formed(path) and not self.has_problem(path):
            self.report(path, "wajib diisi / is required")

    def model_problem(self, path: Path, indonesian: str, english: str) -> None:
        self.report(path, indonesian if indonesian == english else f"{indonesian} / {english}")

    def may_create(self, model) -> bool:
        return self.access is None or self.access.can_create(model)

    def agency(self, abbreviation: Any):
        """The region's agency named ``abbreviation`` (for the permission questions of an import into a region)."""
        if self.access is None or not isinstance(abbreviation, str):
            return None
        if not hasattr(self, "_agencies"):
            self._agencies = {a.abbreviation: a for a in self.region.agencies.all()}
        return self._agencies.get(abbreviation)

    def may_bring_in_under(self, section: Section, where: Path, model, stored, owner: Any, **params) -> bool:
        """May this import write a row that hangs off a record of the agency ``owner`` (an abbreviation; an
        indicator's value)? ``Access`` decides; a refusal is reported at ``where``."""
        if self.access is None:
            return True
        agency = self.agency(owner)
        if self.access.may_bring_in(model, stored, agency=agency) and self.access.may_bring_in_for(agency):
            return True
        mine = self.access.agency.abbreviation
        owner_name = agency.abbreviation if agency is not None else "admin daerah"
        self.problem(section, "not_yours_under", where, mine=mine, owner=owner_name, **params)
        return False

    def may_bring_in(self, section: Section, path: Path, model, stored, item: dict) -> bool:
        """May this import write ``item`` (a new ``model`` row or a change to ``stored``)? ``Access`` decides
        (an operator only brings in rows of their own agency); a refusal is reported at ``path + ("agency",)``."""
        where = path + ("agency",)
        if self.access is None:
            return True
        if not self.well_formed(where):  # an unknown agency, already reported
            return self.access.may_bring_in(model)
        params = refusal(self.access, model, stored, self.agency(item.get("agency")))
        if params is None:
            return True
        self.problem(section, "not_yours", where, **params)
        return False

    def well_formed(self, path: Path) -> bool:
        """True when the schema found nothing wrong at, inside or above ``path``."""
        n = len(path)
        return not any(bad[:n] == path or path[: len(bad)] == bad for bad in self._malformed)

    def has_problem(self, path: Path) -> bool:
        return any(p.path == path for p in self.problems)

    def validate_model(self, instance: models.Model, path: Path, exclude: Iterable[str] = ()) -> None:
        """Django's model validation (field validators and ``clean()``) of an unsaved ``instance``.

        Uniqueness and constraints are left to the section's own checks, which can name the other item. A field
        that already has a problem is not reported twice.
        """
        if not self.well_formed(path):
            return
        try:
            instance.full_clean(exclude=list(exclude), validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            for field, pairs in model_messages(exc).items():
                where = path if field == NON_FIELD_ERRORS else path + (field,)
                if self.has_problem(where):
                    continue
                for indonesian, english in pairs:
                    self.model_problem(where, indonesian, english)

    def register(self, kind: str, entries_: Iterable[tuple[Path, Any]]) -> None:
        """Make ``kind`` names referable; the first occurrence of a name wins (duplicates are a problem)."""
        names = self.keys.setdefault(kind, {})
        for path, name in entries_:
            if isinstance(name, str) and name not in names:
                names[name] = path

    def check_reference(self, path: Path, value: Any, kind: str, what: str) -> None:
        """``value`` (a string or null) must be a name registered under ``kind``; ``what`` is 'id / en'."""
        if not isinstance(value, str):
            return
        names = self.keys.get(kind, {})
        if value in names:
            return
        close = difflib.get_close_matches(value, list(names), n=1)
        hint = f"; maksud Anda / did you mean {close[0]!r}?" if close else ""
        self.report(path, f"{what} {value!r} tidak ada di / is not in '{kind}'{hint}")

    def check_unique(self, prefix: Path, items: list[tuple[int, dict]], field: str, what: str) -> None:
        """Within one list, ``field`` must not repeat; the repeat is reported with the first occurrence."""
        seen: dict[Any, Path] = {}
        for index, item in items:
            value = item.get(field)
            if value is None or isinstance(value, dict | list):
                continue
            key = (type(value).__name__, value)
            if key in seen:
                self.report(
                    prefix + (index, field),
                    f"{what} {value!r} sudah dipakai di / is already used at {format_path(seen[key])}",
                )
            else:
                seen[key] = prefix + (index,)

    def check_pairs(
        self, prefix: Path, items: list[tuple[int, dict]], fields: tuple[str, ...], what: str
    ) -> None:
        """Within one list, the combination of ``fields`` must not repeat (reported at the last field)."""
        seen: dict[tuple, Path] = {}
        for index, item in items:
            key = tuple(item.get(field) for field in fields)
            if any(not isinstance(v, str | int) or isinstance(v, bool) for v in key if v is not None):
                continue
            if key in seen:
                shown = " · ".join("-" if v is None else str(v) for v in key)
                self.report(
                    prefix + (index, fields[-1]),
                    f"{what} {shown} sudah ada di / is already at {format_path(seen[key])}",
                )
            else:
                seen[key] = prefix + (index,)


#: How the region file words the rules every section may report (a section's ``MESSAGES`` add its own).
COMMON_MESSAGES = {
    "not_yours": "Anda hanya boleh mengisi baris {mine} / you may only enter rows of {mine}",
}


class WriteContext:
    """What the writers share: the region (new for a region file, existing for a workbook), the rows other sections
    refer to (``refs["agencies"]["Dinkes"]`` is the Agency), who writes and why, and per section how many rows were
    created, updated and left unchanged."""

    def __init__(self, slug: str, *, region=None, user=None, reason: str = CHANGE_REASON):
        self.slug = slug
        self.region = region
        self.user = user
        self.reason = reason
        self.refs: dict[str, dict[str, models.Model]] = {}
        self.counts: dict[str, dict[str, int]] = {}

    def save(self, obj: models.Model) -> models.Model:
        return record(obj, self.reason, self.user)

    def upsert(
        self, key: str, obj: models.Model, item: dict, fields: Iterable[str], **related
    ) -> models.Model:
        """Create ``obj`` (unsaved) or update it with ``item``'s values for ``fields`` and the ``related`` rows
        (absent keys keep what is stored); only a row that actually changes is saved, so re-importing an export
        writes no history."""
        new = obj.pk is None
        before = None if new else snapshot(obj)
        assign(obj, item, fields)
        for name, value in related.items():
            setattr(obj, name, value)
        changed = new or snapshot(obj) != before
        if changed:
            self.save(obj)
        counts = self.counts.setdefault(key, {})
        what = "created" if new else "updated" if changed else "unchanged"
        counts[what] = counts.get(what, 0) + 1
        return obj

    def ref(self, kind: str, name: str | None):
        return None if name is None else self.refs[kind][name]


# --- helpers ------------------------------------------------------------------------------------------------


def model_messages(exc: ValidationError) -> dict[str, list[tuple[str, str]]]:
    """Django's validation messages per field (``NON_FIELD_ERRORS`` for ``clean()``'s own) as (Indonesian,
    English) pairs: the region file joins them with " / ", the workbook keeps them apart."""
    with translation.override("id"):
        indonesian = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    with translation.override("en"):
        english = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    return {field: list(zip(messages, english[field], strict=True)) for field, messages in indonesian.items()}


def bilingual(exc: ValidationError) -> dict[str, list[str]]:
    """Django's validation messages as "Indonesian / English" (once when both read the same)."""
    return {
        field: [id_ if id_ == en else f"{id_} / {en}" for id_, en in pairs]
        for field, pairs in model_messages(exc).items()
    }


def record(obj: models.Model, reason: str, user=None) -> models.Model:
    """Save ``obj`` with its history's reason and, when known, its author: how every import writes a row."""
    if user is not None:
        obj._history_user = user
    obj._change_reason = reason
    obj.save()
    return obj


def refusal(access, model, stored, agency) -> dict | None:
    """None when ``access`` (``Access.may_bring_in``) lets an import write the row (a new ``model`` row of
    ``agency``, or a change to ``stored``); else what a refusal names: the uploader's agency (``mine``) and, when
    the row is someone else's, its owner (``owner``)."""
    if access is None or access.may_bring_in(model, stored, agency=agency):
        return None
    params = {"mine": access.agency.abbreviation}
    if stored is not None and (agency is None or agency.pk == access.agency.pk):
        owner = stored.owning_agency()
        params["owner"] = owner.abbreviation if owner is not None else "admin daerah"
    return params


def snapshot(obj: models.Model) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def assign(obj: models.Model, item: dict, fields: Iterable[str]) -> models.Model:
    """Set ``item``'s values for ``fields`` on ``obj`` (absent keys keep what ``obj`` has): a text keeps the stored
    one when it differs only in surrounding space or line ends, None is the empty text, a number a Decimal."""
    for name in fields:
        if name not in item:
            continue
        value = item[name]
        field = obj._meta.get_field(name)
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            value = value or ""
            current = getattr(obj, name) or ""
            if current.replace("\r\n", "\n").strip() == value:
                continue
        elif isinstance(field, models.DecimalField):
            value = to_decimal(value)
        setattr(obj, name, value)
    return obj


def entries(data: Any) -> list[tuple[int, dict]]:
    """The ``(index, item)`` pairs of a list, skipping anything that is not an object."""
    if not isinstance(data, list):
        return []
    return [(i, item) for i, item in enumerate(data) if isinstance(item, dict)]


def values(model: type[models.Model], item: dict, names: Iterable[str]) -> dict[str, Any]:
    """The item's values for ``names``, with the model field's default where a key is absent."""
    return {name: item[name] if name in item else model._meta.get_field(name).get_default() for name in names}


def plain(obj: models.Model, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in names}


def to_decimal(value: Any) -> Any:
    """A JSON number as a Decimal that keeps its written digits (20382.26 → Decimal('20382.26'))."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, int):
        return Decimal(value)
    return value


def number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number (or a cell's number) that round-trips exactly: an integer when whole
    (1 for 1.000), else the shortest float (0.25 for 0.2500)."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def abbreviation(agency) -> str | None:
    """How a file names an agency: its abbreviation (None for no agency)."""
    return agency.abbreviation if agency is not None else None


def from_decimal(value: Decimal | None) -> float | int | None:
    """A Decimal as a JSON number that round-trips (Decimal('20382.26') → 20382.26)."""
    return None if value is None else float(value)


def rank(choices: type[models.TextChoices]):
    """Sort key for a choice value: its position in the model's choices."""
    order = {value: i for i, value in enumerate(choices.values)}
    return lambda value: order.get(value, len(order))


def name_key(name: str) -> tuple[str, str]:
    """A collation-independent sort key: the same order on SQLite and PostgreSQL."""
    return (name.casefold(), name)
