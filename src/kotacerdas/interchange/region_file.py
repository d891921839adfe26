"""The region file ``kotacerdas-region/1``: a whole region as one JSON document (docs/region-format.md).

``export_region(region)`` gives the document; ``import_document(document, slug=None)`` checks the whole document
(its structure against ``region-format.schema.json``, then its meaning) and, only when nothing is wrong, writes
everything in one transaction. Each top-level key is one :class:`~kotacerdas.interchange.sections.Section` in
:data:`SECTIONS`; a later stage adds its key by appending its section there (see ``sections.py``).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kotacerdas.interchange.actionplan import ACTIONPLAN_SECTIONS
from kotacerdas.interchange.assessment import ASSESSMENT_SECTIONS
from kotacerdas.interchange.problems import ROOT, InvalidRegionFile, sort_problems
from kotacerdas.interchange.schema import schema_problems
from kotacerdas.interchange.sections import CheckContext, Section, WriteContext
from kotacerdas.interchange.workspace import WORKSPACE_SECTIONS
from kotacerdas.regions.models import Region

__all__ = ["FORMAT", "SECTIONS", "InvalidRegionFile", "check_document", "export_region", "import_document"]

FORMAT = "kotacerdas-region/1"

#: The sections of the file, in the order of its keys and of checking and writing. Later stages append theirs.
SECTIONS: list[Section] = [*WORKSPACE_SECTIONS, *ASSESSMENT_SECTIONS, *ACTIONPLAN_SECTIONS]


def key_order() -> list[str]:
    return ["format", *(section.key for section in SECTIONS)]


def export_region(region: Region) -> dict[str, Any]:
    """The whole region as one JSON-able dict, every list in a stable order; never a password."""
    document: dict[str, Any] = {"format": FORMAT}
    for section in SECTIONS:
        document[section.key] = section.export(region)
    return document


def check_document(document: Any, slug: str | None = None) -> list[str]:
    """Every problem of ``document`` as ``"<path>: <message>"``, in the order of the file; empty when it imports.

    ``slug``, when given, replaces the file's ``region.slug``.
    """
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
