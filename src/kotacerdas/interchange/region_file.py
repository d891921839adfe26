"""The region file ``kotacerdas-region/1``: a whole region as one JSON document (docs/region-format.md).

``export_region(region)`` gives the document; ``import_document(document, slug=None)`` checks the whole document
(its structure against ``region-format.schema.json``, then its meaning) and, only when nothing is wrong, writes
everything in one transaction. Each top-level key is one :class:`~kotacerdas.interchange.sections.Section` in
:data:`SECTIONS`; a later stage adds its key by appending its section there (see ``sections.py``).
"""

from __future__ import annotations

import json
import os
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kotacerdas.interchange import limits
from kotacerdas.interchange.actionplan import ACTIONPLAN_SECTIONS
from kotacerdas.interchange.assessment import ASSESSMENT_SECTIONS
from kotacerdas.interchange.document import DOCUMENT_SECTIONS
from kotacerdas.interchange.problems import ROOT, InvalidRegionFile, sort_problems
from kotacerdas.interchange.schema import schema_problems
from kotacerdas.interchange.sections import CheckContext, Section, WriteContext
from kotacerdas.interchange.workspace import WORKSPACE_SECTIONS
from kotacerdas.regions.models import Region

__all__ = [
    "FORMAT",
    "SECTIONS",
    "InvalidRegionFile",
    "check_document",
    "export_region",
    "import_document",
    "read_document",
]

FORMAT = "kotacerdas-region/1"

#: The sections of the file, in the order of its keys and of checking and writing. Later stages append theirs.
SECTIONS: list[Section] = [
    *WORKSPACE_SECTIONS,
    *ASSESSMENT_SECTIONS,
    *DOCUMENT_SECTIONS,
    *ACTIONPLAN_SECTIONS,
]


def key_order() -> list[str]:
    return ["format", *(section.key for section in SECTIONS)]


def export_region(region: Region) -> dict[str, Any]:
    """The whole region as one JSON-able dict, every list in a stable order; never a password."""
    document: dict[str, Any] = {"format": FORMAT}
    for section in SECTIONS:
        data = section.export(region)
        if data is not None or not section.omit_when_none:
            document[section.key] = data
    return document


def read_document(source: str | os.PathLike | IO[bytes] | bytes) -> Any:
    """Read a region file (a path, a binary file or bytes) and parse its JSON within the limits of
    :mod:`.limits`: the size is checked before the file is read, numbers before they are converted, nesting and
    control characters before anything is checked or written.

    Raises :class:`InvalidRegionFile` for a file over a limit or not UTF-8, ``json.JSONDecodeError`` (with its
    line and column) for text that is not JSON, ``OSError`` for a path that cannot be read.
    """
    cap = limits.region_file_bytes()
    setting = "KOTACERDAS_MAX_REGION_FILE_MB"
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
    elif isinstance(source, str | os.PathLike):
        size = os.stat(source).st_size
        if size > cap:
            raise InvalidRegionFile([f"{ROOT}: {limits.too_large(size, cap, setting)}"])
        with open(source, "rb") as file:
            data = file.read(cap + 1)
    else:
        data = source.read(cap + 1)
    if len(data) > cap:
        raise InvalidRegionFile([f"{ROOT}: {limits.too_large(None, cap, setting)}"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidRegionFile(
            [f"{ROOT}: bukan teks UTF-8 (bita ke-{exc.start}) / not UTF-8 text (byte {exc.start})"]
        ) from None
    try:
        document = json.loads(
            text,
            parse_int=limits.parse_int,
            parse_float=limits.parse_float,
            parse_constant=limits.parse_constant,
        )
    except RecursionError:
        raise InvalidRegionFile(
            [
                f"{ROOT}: bersarang terlalu dalam: paling dalam {limits.REGION_FILE_DEPTH} tingkat / nested too "
                f"deeply: at most {limits.REGION_FILE_DEPTH} levels"
            ]
        ) from None
    problems = limits.document_problems(document)
    if problems:
        raise InvalidRegionFile([str(p) for p in sort_problems(problems, key_order())])
    return document


def check_document(document: Any, slug: str | None = None) -> list[str]:
    """Every problem of ``document`` as ``"<path>: <message>"``, in the order of the file; empty when it imports.

    ``slug``, when given, replaces the file's ``region.slug``. A document over the limits of :mod:`.limits`
    (nesting, numbers, control characters) is reported for those problems only.
    """
    problems = limits.document_problems(document)
    if problems:
        return [str(problem) for problem in sort_problems(problems, key_order())]
    problems = schema_problems(document)
    if isinstance(document, dict):
        region = document.get("region")
        file_slug = region.get("slug") if isinstance(region, dict) else None
        ctx = CheckContext(
            document, slug if slug is not None else file_slug, problems, slug_option=slug is not None
        )
        for section in SECTIONS:
            section.collect(document.get(section.key), ctx)
        for section in SECTIONS:
            section.check(document.get(section.key), ctx)
        problems = ctx.problems
    return [str(problem) for problem in sort_problems(problems, key_order())]


def import_document(document: dict, slug: str | None = None) -> Region:
    """Create a region from a ``kotacerdas-region/1`` document, all or nothing.

    Raises :class:`InvalidRegionFile` listing every problem (``agencies[3].kind: ...``); then nothing is written.
    The whole document is checked before the write transaction opens, so a long check never holds the database's
    write lock; only the writes run inside ``transaction.atomic()``.
    """
    problems = check_document(document, slug)
    if problems:
        raise InvalidRegionFile(problems)
    ctx = WriteContext(slug if slug is not None else document["region"]["slug"])
    try:
        with transaction.atomic():
            for section in SECTIONS:
                if section.key in document:
                    section.write(document[section.key], ctx)
    except (DatabaseError, ValidationError) as exc:
        # Only reachable when the database changed between the check and the write (e.g. the slug was taken
        # meanwhile); the transaction has been rolled back.
        raise InvalidRegionFile(
            [
                f"{ROOT}: tidak dapat disimpan, tidak ada yang ditulis / could not be stored, nothing written: {exc}"
            ]
        ) from exc
    return ctx.region
