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
the rows of an export in :mod:`.workbook_export`, the checks and writes of an import in :mod:`.workbook_import`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any

from kotacerdas.interchange.workbook_layout import FORMAT, SHEETS, Catalogue, new_workbook

__all__ = [
    "FORMAT",
    "CellProblem",
    "ImportSummary",
    "InvalidWorkbook",
    "export_workbook",
    "import_workbook",
    "write_template",
]

WORKBOOK = "(workbook)"


@dataclass(frozen=True)
class CellProblem:
    """One problem of a workbook, at one cell: ``str()`` gives ``SWOT!D14: rating 7 is outside 1–4``."""

    sheet: str
    cell: str  # Excel notation, "D14"; empty for the workbook as a whole
    message: str  # English
    pesan: str  # Indonesian
    hint: str = ""  # English, e.g. "did you mean 'sdm'?"
    saran: str = ""  # Indonesian hint

    @property
    def where(self) -> str:
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"

    @property
    def indonesian(self) -> str:
        """``SWOT!D14: peringkat 7 di luar rentang 1–4`` (with the hint, when there is one)."""
        return f"{self.where}: {self.pesan}" + (f" ({self.saran})" if self.saran else "")

    @property
    def bilingual(self) -> str:
        text = f"{self}" + (f" ({self.hint})" if self.hint else "")
        return f"{text} / {self.pesan}" + (f" ({self.saran})" if self.saran else "")


class InvalidWorkbook(Exception):
    """The workbook cannot be imported; nothing was written.

    ``problems`` is the list of ``"<sheet>!<cell>: <message>"`` strings in English, in the order of the workbook
    (sheets, then rows, then columns); ``details`` the same as :class:`CellProblem` objects, which also carry the
    Indonesian message (``problem.indonesian``) and a hint. ``str(exc)`` lists every problem in both languages.
    """

    def __init__(self, problems: Sequence[CellProblem]):
        self.details = list(problems)
        self.problems = [str(p) for p in self.details]
        count = len(self.details)
        super().__init__(
            f"{count} masalah di lembar kerja, tidak ada yang disimpan / {count} problem(s) in the workbook, "
            "nothing was written:\n" + "\n".join(p.bilingual for p in self.details)
        )


@dataclass
class ImportSummary:
    """What an import did, per sheet: rows created, updated and unchanged."""

    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    #: New SWOT factors that had a label in the workbook: label → the ref they got (``baru-1`` → ``governance-S4``).
    new_refs: dict[str, str] = field(default_factory=dict)
    #: Peers created from the ``Nilai`` sheet (admin imports only), as written there.
    new_peers: list[str] = field(default_factory=list)

    def count(self, sheet: str, what: str) -> None:
        bucket = getattr(self, what)
        bucket[sheet] = bucket.get(sheet, 0) + 1

    @property
    def changed(self) -> bool:
        return any(self.created.values()) or any(self.updated.values())

    def lines(self) -> list[str]:
        lines = []
        sheets = []
        for name in [s.name for s in SHEETS]:  # "SWOT (penilaian)" right after "SWOT"
            sheets += [name] + sorted(
                {k for k in [*self.created, *self.updated, *self.unchanged] if k.startswith(f"{name} (")}
            )
        for sheet in sheets:
            c, u, n = self.created.get(sheet, 0), self.updated.get(sheet, 0), self.unchanged.get(sheet, 0)
            if c or u or n:
                lines.append(f"{sheet}: {c} baru / created, {u} diubah / updated, {n} tetap / unchanged")
        for label, ref in self.new_refs.items():
            if label.casefold() != ref.casefold():
                lines.append(f"SWOT: ref {label!r} → {ref!r}")
        for peer in self.new_peers:
            lines.append(f"Nilai: daerah pembanding baru / new peer {peer!r}")
        if not lines:
            lines.append("Tidak ada baris yang diisi / no filled rows")
        return lines

    def __str__(self) -> str:
        return "\n".join(self.lines())


def write_template(path_or_file: str | Any | IO[bytes], framework: str = "kominfo-2021") -> None:
    """Write blank worksheets for ``framework`` (read from ``framework/reference.py``; no database needed)."""
    from kotacerdas.interchange.workbook_export import blank_rows

    catalogue = Catalogue.from_reference(framework)
    new_workbook(catalogue, blank_rows(catalogue)).save(path_or_file)


def export_workbook(region, path_or_file: str | Any | IO[bytes], agency=None) -> None:
    """Write the worksheets filled with ``region``'s data; with ``agency``, only that agency's rows (the blank
    lines of the readiness grid and of the maturity elements that nobody has filled in yet are kept)."""
    from kotacerdas.interchange.workbook_export import region_rows
    from kotacerdas.regions.models import Agency

    if agency is not None and agency.region_id != region.pk:
        raise ValueError("perangkat daerah ini milik daerah lain / this agency belongs to another region")
    catalogue = Catalogue.from_database(region.framework)
    agencies = [a.abbreviation for a in sorted(Agency.objects.filter(region=region), key=_agency_key)]
    if agency is not None:
        agencies = [agency.abbreviation]
    workbook = new_workbook(
        catalogue,
        region_rows(region, agency),
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
    from kotacerdas.interchange.workbook_import import run_import

    if agency is not None and agency.region_id != region.pk:
        raise ValueError("perangkat daerah ini milik daerah lain / this agency belongs to another region")
    return run_import(region, path_or_file, agency=agency, user=user)
