"""What every chart shares: the print style, figure creation, rendering to SVG/PNG, number format, labels.

Thread safety: matplotlib's ``rcParams`` is one global dict. Charts never touch pyplot; they build a
:class:`~matplotlib.figure.Figure` with an Agg canvas, and both building and rendering happen inside
:func:`style`, which holds a process-wide lock while our settings are applied with ``rc_context``. Figures are
never shared between threads, so two requests drawing at once simply take turns for the few milliseconds of
drawing.
"""

from __future__ import annotations

import html
import io
import re
import textwrap
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import Bbox

#: A4 text width (16 cm) in inches: every chart is drawn at this width, so 8 pt on screen is 8 pt on paper.
WIDTH = 16 / 2.54
#: PNG resolution for documents.
PNG_DPI = 200
#: The smallest font size used anywhere (points).
SMALL = 8
FORMATS = ("svg", "png")
LANGS = ("id", "en")

#: Colours, chosen to stay distinct in grayscale (dark vs light), with markers/hatching where they carry meaning.
DARK = "#1f4e79"
LIGHT = "#9dc3e6"
ACCENT = "#c55a11"
GRAY = "#595959"
FAINT = "#bfbfbf"

RC: Mapping[str, object] = {
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": SMALL,
    "ytick.labelsize": SMALL,
    "legend.fontsize": SMALL,
    "figure.titlesize": 11,
    "text.usetex": False,
    "text.parse_math": False,  # user text with $ or _ is shown literally
    "axes.formatter.useoffset": False,
    "axes.formatter.use_mathtext": False,
    "axes.unicode_minus": True,
    "axes.linewidth": 0.8,
    "svg.fonttype": "none",  # text stays text: small, searchable, no embedded glyphs
    "svg.hashsalt": "kotacerdas",  # stable ids: identical input gives identical bytes
    "svg.id": None,
    "hatch.color": "#7f7f7f",
    "hatch.linewidth": 0.6,
    "figure.dpi": 100,
    "savefig.dpi": PNG_DPI,
    "savefig.facecolor": "white",
    "path.simplify": True,
}

_LOCK = threading.RLock()


@contextmanager
def style() -> Iterator[None]:
    """Our rc settings, applied for the duration of the block under a process-wide lock."""
    with _LOCK, matplotlib.rc_context(RC):
        yield


def new_figure(height: float, title: str) -> Figure:
    """A figure A4-text-width wide with an Agg canvas and constrained layout; call inside :func:`style`."""
    fig = Figure(figsize=(WIDTH, height), layout="constrained")
    FigureCanvasAgg(fig)
    fig.set_label(title)
    if title:
        fig.suptitle(title, fontweight="bold")
    return fig


def freeze_layout(fig: Figure):
    """Run the layout once and keep it, so positions measured now (label placement) stay true; the renderer."""
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    return fig.canvas.get_renderer()


def render(fig: Figure, fmt: str) -> bytes:
    """The figure as SVG or PNG bytes; identical input gives identical bytes (no dates, no software stamp)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; use 'svg' or 'png'")
    buffer = io.BytesIO()
    with style():
        if fmt == "svg":
            metadata: dict[str, str | None] = {"Date": None, "Creator": None}
            if fig.get_label():
                metadata["Title"] = fig.get_label()  # also written as <title>: svg_for_html's aria-label
            fig.savefig(buffer, format="svg", metadata=metadata)
        else:
            fig.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()


_PROLOG = re.compile(r"\A\s*<\?xml[^>]*\?>\s*(<!DOCTYPE[^>]*>\s*)?", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.S)


def svg_for_html(svg: bytes, label: str | None = None) -> str:
    """SVG markup to put inline in an HTML page (``{{ chart|safe }}``).

    Drops the XML prolog, doctype and RDF metadata; adds ``role="img"``, an ``aria-label`` (``label``, by default
    the chart title that :func:`render` stored in the SVG's ``<title>``) and a style that lets it shrink with the
    page. All text in it was escaped by matplotlib's SVG writer.
    """
    text = svg.decode("utf-8")
    text = _PROLOG.sub("", text, count=1)
    text = _METADATA.sub("", text, count=1)
    if label is None:
        found = _TITLE.search(text)
        label = html.unescape(found.group(1)) if found else ""
    start = text.index("<svg")
    attributes = (
        f' role="img" aria-label="{html.escape(label, quote=True)}" style="max-width: 100%; height: auto"'
    )
    return text[:start] + "<svg" + attributes + text[start + 4 :]


# ------------------------------------------------------------------------------------------------ labels
def pick_labels(
    defaults: Mapping[str, Mapping[str, str]], lang: str, overrides: Mapping[str, str] | None
) -> dict[str, str]:
    """The chart's texts in ``lang`` ('id' or 'en'), with the caller's overrides (unknown keys are an error)."""
    if lang not in defaults:
        raise ValueError(f"unknown chart language {lang!r}; use {' or '.join(map(repr, defaults))}")
    labels = dict(defaults[lang])
    for key, value in (overrides or {}).items():
        if key not in labels:
            raise ValueError(f"unknown chart label {key!r}; known: {', '.join(sorted(labels))}")
        labels[key] = str(value)
    return labels


def wrap(text: str, width: int) -> str:
    """Wrap user text to lines of at most ``width`` characters (long words are kept whole)."""
    return "\n".join(textwrap.wrap(str(text), width, break_long_words=False, break_on_hyphens=True)) or str(
        text
    )


def number(value: float, decimals: int = 2, lang: str = "id", trim: bool = False) -> str:
    """A number as Indonesians write it (``1.234,5``), or in English (``1,234.5``); true minus sign."""
    text = f"{abs(value):,.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if lang == "id":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if value < 0 and text.strip("0.,"):
        text = "\u2212" + text
    return text


def tick_formatter(lang: str, decimals: int = 2) -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: number(value, decimals, lang, trim=True))


# ---------------------------------------------------------------------------------------- label placement
LABEL_BOX = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.8}
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
_DISTANCES = (5, 12, 22, 34, 48)


def _overlap(a, b) -> float:
    width = min(a.x1, b.x1) - max(a.x0, b.x0)
    height = min(a.y1, b.y1) - max(a.y0, b.y0)
    return width * height if width > 0 and height > 0 else 0.0


def _outside(box, frame) -> float:
    inside = _overlap(box, frame)
    return box.width * box.height - inside


def place_labels(
    ax,
    items: Sequence[tuple[str, float, float]],
    renderer,
    fontsize: float = SMALL,
    obstacles: Sequence[object] = (),
) -> list:
    """Label each point (label, x, y) near its marker without overlapping other labels, markers or the frame.

    Greedy: for each point, try eight directions at growing distances and keep the first spot with no overlap
    (else the least bad); a label set further away gets a thin leader line. ``obstacles`` are artists (fixed
    texts) that labels avoid too. Labels get a translucent white box so they stay legible over hatching.
    Call after :func:`freeze_layout`.
    """
    fig = ax.figure
    scale = fig.dpi / 72
    frame = ax.get_window_extent(renderer)
    radius = 4.5 * scale
    markers = []
    for _, x, y in items:
        px, py = ax.transData.transform((x, y))
        markers.append(Bbox.from_extents(px - radius, py - radius, px + radius, py + radius))
    placed: list = [artist.get_window_extent(renderer) for artist in obstacles]
    texts = []
    for index, (label, x, y) in enumerate(items):
        text = ax.annotate(
            label,
            (x, y),
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=fontsize,
            zorder=5,
            linespacing=1.1,
            bbox=LABEL_BOX,
        )
        text.set_in_layout(False)
        best = None
        for distance in _DISTANCES:
            for dx, dy in _DIRECTIONS:
                text.xyann = (dx * distance, dy * distance * 0.8)
                text.set_horizontalalignment({1: "left", -1: "right", 0: "center"}[dx])
                text.set_verticalalignment({1: "bottom", -1: "top", 0: "center"}[dy])
                box = text.get_window_extent(renderer).padded(1.5 * scale)
                cost = 20 * _outside(box, frame)
                cost += sum(_overlap(box, other) for other in placed)
                cost += sum(_overlap(box, m) for k, m in enumerate(markers) if k != index)
                key = (cost, distance)
                if best is None or key < best[0]:
                    best = (
                        key,
                        text.xyann,
                        text.get_horizontalalignment(),
                        text.get_verticalalignment(),
                        box,
                    )
            if best[0][0] == 0:
                break
        (_, distance), xyann, ha, va, box = best
        text.remove()
        arrow = None
        if distance > _DISTANCES[1]:
            arrow = {"arrowstyle": "-", "color": GRAY, "lw": 0.6, "shrinkA": 1, "shrinkB": 4}
        final = ax.annotate(
            label,
            (x, y),
            xytext=xyann,
            textcoords="offset points",
            ha=ha,
            va=va,
            fontsize=fontsize,
            zorder=5,
            linespacing=1.1,
            arrowprops=arrow,
            bbox=LABEL_BOX,
        )
        final.set_in_layout(False)
        placed.append(box)
        texts.append(final)
    return texts
