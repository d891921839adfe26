"""What the master plan builder's parts share: number formatting as the workspace shows it, notes, and charts.

Numbers are formatted exactly as the pages format them (:func:`num` and :func:`plain` come from
:mod:`kotacerdas.formatting`; :func:`ff` is the templates' ``floatformat``), always in Indonesian. Nothing here
computes a figure of the method.

Charts are collected while the document is built (:meth:`Charts.add` returns a placeholder block) and drawn at the
end, each once as SVG and once as PNG (:meth:`Charts.render`), with progress reported per chart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.template.defaultfilters import floatformat

from kotacerdas import charts
from kotacerdas.formatting import MISSING, num, plain
from kotacerdas.masterplan.content import Figure, Paragraph, Section
from kotacerdas.method.errors import rupiah

__all__ = ["Charts", "Progress", "ff", "note", "num", "plain", "rupiah", "yes_no"]

Progress = Callable[[str, int, int], None]


def ff(value: float | Decimal | None, digits: int | str = 2) -> str:
    """A figure as the templates show it with ``|floatformat:digits``; none is "–"."""
    if value is None:
        return MISSING
    return "".join(floatformat(value, digits))  # a plain str, not Django's SafeString


def yes_no(value: bool | None) -> str:
    return MISSING if value is None else ("ya" if value else "tidak")


def note(text: str) -> Paragraph:
    return Paragraph(text, style="note")


# --- charts ---------------------------------------------------------------------------------------------------


@dataclass
class _Job:
    caption: str
    function: str
    args: tuple
    kwargs: dict
    width: float
    section: Section
    placeholder: object


@dataclass
class Charts:
    """Charts to draw: ``add`` while building, ``render`` once at the end (placeholders become Figures)."""

    jobs: list[_Job] = field(default_factory=list)

    def add(
        self, section: Section, caption: str, function: str, *args: Any, width: float = 1.0, **kwargs
    ) -> None:
        """Queue ``kotacerdas.charts.<function>(*args, **kwargs)`` as a figure at this point of ``section``."""
        placeholder = object()
        section.blocks.append(placeholder)  # type: ignore[arg-type]  # replaced by a Figure in render()
        self.jobs.append(_Job(caption, function, args, kwargs, width, section, placeholder))

    def render(self, progress: Progress | None = None) -> None:
        for done, job in enumerate(self.jobs, start=1):
            svg, png = _draw(job)
            blocks = job.section.blocks
            index = next(i for i, b in enumerate(blocks) if b is job.placeholder)
            blocks[index] = Figure(job.caption, svg, png, width=job.width)
            if progress is not None:
                progress("grafik", done, len(self.jobs))
        self.jobs.clear()


def _draw(job: _Job) -> tuple[bytes, bytes]:
    fig = getattr(charts, job.function)(*job.args, **job.kwargs)
    return charts.render(fig, "svg"), charts.render(fig, "png")
