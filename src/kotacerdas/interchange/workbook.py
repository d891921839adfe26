"""The bimtek Excel workbook (``.xlsx``): a blank template, a filled export, and an all-or-nothing import.

Public functions (docs/workbook.md describes the sheets, columns, refs and problems for people):

- :func:`write_template` — blank worksheets with dropdowns and number checks; the 6 × 9 readiness grid and the 18
  maturity elements already keyed;
- :func:`export_workbook` — the same sheets filled with a region's data (only one agency's rows when ``agency`` is
  given);
- :func:`import_workbook` — checks every sheet first and then writes everything in one transaction, creating or
  updating by natural key; on any problem it raises :class:`InvalidWorkbook` and writes nothing.

Sheets: ``Petunjuk`` (instructions), ``Kesiapan``, ``SWOT``, ``Strategi``, ``Kematangan``, ``Indikator``, ``Nilai``,
``Pendorong``, the action plan's ``Rencana Aksi``, ``Risiko`` and ``Penapisan`` (:mod:`.workbook_actionplan`), and
the hidden ``Daftar`` (the lists behind the dropdowns). The layout is in :mod:`.workbook_layout`,
the rows of an export in :mod:`.workbook_export`, the reading, checks and writes of an import in
:mod:`.workbook_import` (the action plan's rows and checks in :mod:`.workbook_actionplan`); this module composes the
two parts. An import reads within :mod:`.limits` (upload size, unpacked size, rows per sheet) before anything is
checked.
"""

from __future__ import annotations

from typing import IO, Any

from kotacerdas.interchange import workbook_actionplan, workbook_codecs, workbook_export, workbook_import
from kotacerdas.interchange.region_file import SECTIONS
from kotacerdas.interchange.workbook_layout import FORMAT, Catalogue, new_workbook
from kotacerdas.interchange.workbook_problems import CellProblem, ImportSummary, InvalidWorkbook
from kotacerdas.regions.models import Agency

__all__ = [
    "FORMAT",
    "CellProblem",
    "ImportSummary",
    "InvalidWorkbook",
    "export_workbook",
    "import_workbook",
    "write_template",
]

#: Every sheet's check, in the order of the workbook: bimtek I–II, then the action plan's sheets.
CHECKS = (*workbook_import.CHECKS, *workbook_codecs.CODECS, *workbook_actionplan.ACTIONPLAN_CHECKS)


def write_template(path_or_file: str | Any | IO[bytes], framework: str = "kominfo-2021") -> None:
    """Write blank worksheets for ``framework`` (read from ``framework/reference.py``; no database needed)."""
    catalogue = Catalogue.from_reference(framework)
    new_workbook(catalogue, workbook_export.blank_rows(catalogue)).save(path_or_file)


def export_workbook(region, path_or_file: str | Any | IO[bytes], agency=None) -> None:
    """Write the worksheets filled with ``region``'s data; with ``agency``, only that agency's rows (the blank
    lines of the readiness grid and of the maturity elements that nobody has filled in yet are kept)."""
    if agency is not None and agency.region_id != region.pk:
        raise ValueError("perangkat daerah ini milik daerah lain / this agency belongs to another region")
    catalogue = Catalogue.from_database(region.framework)
    agencies = [a.abbreviation for a in sorted(Agency.objects.filter(region=region), key=_agency_key)]
    if agency is not None:
        agencies = [agency.abbreviation]
    workbook = new_workbook(
        catalogue,
        {
            **workbook_export.region_rows(region, agency),
            **workbook_actionplan.actionplan_rows(region, agency),
        },
        agencies=agencies,
        region_title=region.title,
        agency_title=f"{agency.abbreviation} — {agency.name}" if agency is not None else "",
    )
    workbook.save(path_or_file)


def _agency_key(agency) -> tuple[str, str]:
    return (agency.abbreviation.casefold(), agency.abbreviation)


def import_workbook(region, path_or_file: str | Any | IO[bytes], *, agency=None, user=None) -> ImportSummary:
    """Check the whole workbook, then create or update in one transaction; all or nothing.

    ``agency`` (an operator's upload): only that agency's rows may be entered, and no row of another agency
    changed. ``user`` is recorded as the author of the history records. Raises :class:`InvalidWorkbook` listing
    every problem (``SWOT!D14: rating 7 is outside 1–4``); then nothing is written.
    """
    if agency is not None and agency.region_id != region.pk:
        raise ValueError("perangkat daerah ini milik daerah lain / this agency belongs to another region")
    return workbook_import.run_import(
        region,
        path_or_file,
        CHECKS,
        agency=agency,
        user=user,
        sections=SECTIONS,
        sheet_of=workbook_codecs.SHEET_OF,
    )
