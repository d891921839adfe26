"""What a workbook import reports: a problem at a cell (:class:`CellProblem`), the refusal of the whole workbook
(:class:`InvalidWorkbook`) and, when it went through, what changed per sheet (:class:`ImportSummary`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from kotacerdas.interchange.workbook_layout import SHEETS

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
