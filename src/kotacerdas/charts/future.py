"""The future (method.md §6): an indicator's projection to the horizon, and the 2 × 2 scenario frame."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Rectangle
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kotacerdas.charts._base import (
    ACCENT,
    DARK,
    GRAY,
    SMALL,
    new_figure,
    number,
    pick_labels,
    style,
    tick_formatter,
    wrap,
)
from kotacerdas.method import future

PROJECTION_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Proyeksi indikator",
        "x": "Tahun",
        "y": "Nilai",
        "history": "Data historis",
        "linear": "Tren linear",
        "compound": "Pertumbuhan majemuk",
        "target": "Target",
        "horizon": "Horizon",
    },
    "en": {
        "title": "Indicator projection",
        "x": "Year",
        "y": "Value",
        "history": "History",
        "linear": "Linear trend",
        "compound": "Compound growth",
        "target": "Target",
        "horizon": "Horizon",
    },
}

SCENARIO_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Kerangka skenario 2 × 2",
        "high": "tinggi",
        "low": "rendah",
        "unnamed": "(skenario belum dinamai)",
    },
    "en": {
        "title": "2 × 2 scenario frame",
        "high": "high",
        "low": "low",
        "unnamed": "(scenario not named yet)",
    },
}
CELLS = ("high_high", "high_low", "low_high", "low_low")


def projection_chart(
    history: Sequence[tuple[int, float]],
    projection: future.Projection,
    target: float | None = None,
    *,
    title: str | None = None,
    unit: str = "",
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
) -> Figure:
    """History points, the linear trend extended to the horizon, the compound-growth curve if there is one,
    the target (``target``, else the projection's) as a horizontal line, and the horizon year marked.

    ``title`` is typically the indicator's name; ``unit`` is added to the value axis label.
    """
    text = pick_labels(PROJECTION_LABELS, lang, labels)
    title = text["title"] if title is None else title
    points = sorted((int(year), float(value)) for year, value in history)
    if target is None:
        target = projection.target
    horizon = projection.horizon
    first_year = points[0][0] if points else horizon
    last_year, last_value = points[-1] if points else (horizon, projection.linear)
    with style():
        fig = new_figure(3.9, title)
        ax = fig.add_subplot()
        handles, names = [], []
        # the fitted line, written through its value at the horizon (no cancellation at year 0)
        years = [first_year, horizon]
        ax.plot(
            years,
            [projection.linear - projection.slope * (horizon - y) for y in years],
            color=DARK,
            lw=1.6,
            zorder=2,
        )
        if points:
            ax.plot(
                [y for y, _ in points],
                [v for _, v in points],
                ls="none",
                marker="o",
                ms=5.5,
                color="black",
                mfc="white",
                mew=1.3,
                zorder=4,
            )
            handles.append(Line2D([], [], ls="none", marker="o", ms=5.5, color="black", mfc="white", mew=1.3))
            names.append(text["history"])
        handles.append(Line2D([], [], color=DARK, lw=1.6))
        names.append(text["linear"])
        # value labels right of the horizon markers, the higher value above the lower one
        linear_on_top = projection.compound is None or projection.linear >= projection.compound
        ax.plot([horizon], [projection.linear], marker="D", ms=5, color=DARK, zorder=4)
        ax.annotate(
            number(projection.linear, 2, lang, trim=True),
            (horizon, projection.linear),
            xytext=(6, 2 if linear_on_top else -2),
            textcoords="offset points",
            ha="left",
            va="bottom" if linear_on_top else "top",
            fontsize=SMALL,
            color=DARK,
        )
        if projection.growth is not None and projection.compound is not None:
            # the engine's compound projection read at every year from the last observation to the horizon
            curve_years = list(range(last_year, horizon + 1))
            curve = [future.project(points, year).compound for year in curve_years]
            curve = [math.nan if value is None else value for value in curve]
            ax.plot(curve_years, curve, color=ACCENT, ls="--", lw=1.6, zorder=2)
            ax.plot([horizon], [projection.compound], marker="s", ms=5, color=ACCENT, zorder=4)
            ax.annotate(
                number(projection.compound, 2, lang, trim=True),
                (horizon, projection.compound),
                xytext=(6, -2 if linear_on_top else 2),
                textcoords="offset points",
                ha="left",
                va="top" if linear_on_top else "bottom",
                fontsize=SMALL,
                color=ACCENT,
            )
            handles.append(Line2D([], [], color=ACCENT, ls="--", lw=1.6, marker="s", ms=5))
            names.append(f"{text['compound']} ({number(projection.growth * 100, 1, lang)} %/th)")
        if target is not None and math.isfinite(float(target)):
            ax.axhline(float(target), color="black", ls=":", lw=1.4, zorder=1)
            handles.append(Line2D([], [], color="black", ls=":", lw=1.4))
            names.append(f"{text['target']}: {number(float(target), 2, lang, trim=True)}")
        ax.axvline(horizon, color=GRAY, ls="-.", lw=1.0, zorder=1)
        ax.text(
            horizon,
            1.0,
            f" {text['horizon']} {horizon}",
            transform=ax.get_xaxis_transform(),
            ha="right",
            va="bottom",
            fontsize=SMALL,
            color=GRAY,
        )
        ax.set_xlim(first_year - 0.5, horizon + max(1.5, (horizon - first_year) * 0.12))
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=10))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _pos: f"{value:.0f}"))  # years: no separator
        ax.yaxis.set_major_formatter(tick_formatter(lang))
        ax.set_xlabel(text["x"])
        ax.set_ylabel(f"{text['y']} ({unit})" if unit else text["y"])
        ax.grid(color="#e0e0e0", lw=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        fig.legend(handles, names, loc="outside lower center", ncols=min(len(handles), 4), frameon=False)
    return fig


def _cell(value: Any) -> tuple[str | None, str]:
    """A cell's (name, narrative) from a name, a (name, narrative) pair or None."""
    if value is None:
        return None, ""
    if isinstance(value, str):
        return value or None, ""
    name, narrative = value
    return (str(name) if name else None), str(narrative or "")


def scenario_frame(
    axis_x_label: str,
    axis_y_label: str,
    cells: Mapping[str, Any],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
) -> Figure:
    """The 2 × 2 scenario frame: the x driver left (low) to right (high), the y driver bottom to top.

    ``cells`` keyed ``high_high``, ``high_low``, ``low_high``, ``low_low`` (the x outcome first, then y) hold a
    scenario name, or a (name, short narrative) pair; a cell without a name says so.
    """
    text = pick_labels(SCENARIO_LABELS, lang, labels)
    title = text["title"] if title is None else title
    unknown = set(cells) - set(CELLS)
    if unknown:
        raise ValueError(f"unknown scenario cell {sorted(unknown)[0]!r}; use {', '.join(CELLS)}")
    tints = {"high_high": "#e2f0d9", "low_high": "#fff2cc", "high_low": "#deebf7", "low_low": "#fbe5d6"}
    with style():
        fig = new_figure(5.4, title)
        ax = fig.add_subplot()
        ax.set_xlim(-1.12, 1.12)
        ax.set_ylim(-1.12, 1.12)
        ax.set_axis_off()
        for key in CELLS:
            x_part, y_part = key.split("_")
            sx = 1 if x_part == "high" else -1
            sy = 1 if y_part == "high" else -1
            ax.add_patch(
                Rectangle(
                    (min(0, sx), min(0, sy)), 1, 1, facecolor=tints[key], edgecolor="white", lw=3, zorder=0
                )
            )
            name, narrative = _cell(cells.get(key))
            cx, cy = sx * 0.5, sy * 0.5
            if name is None:
                ax.text(
                    cx, cy, text["unnamed"], ha="center", va="center", fontsize=9, color=GRAY, style="italic"
                )
                continue
            body = wrap(name, 24)
            ax.text(
                cx,
                cy + (0.1 if narrative else 0),
                body,
                ha="center",
                va="center",
                fontsize=11,
                fontweight="bold",
            )
            if narrative:
                short = narrative if len(narrative) <= 160 else narrative[:157].rstrip() + "…"
                ax.text(cx, cy - 0.08, wrap(short, 40), ha="center", va="top", fontsize=SMALL, color=GRAY)
        for start, end in (((-1.08, 0), (1.08, 0)), ((0, -1.08), (0, 1.08))):
            ax.add_patch(
                FancyArrowPatch(
                    start, end, arrowstyle="<|-|>", mutation_scale=12, color="black", lw=1.2, zorder=3
                )
            )
        x_name, y_name = wrap(axis_x_label, 34), wrap(axis_y_label, 34)
        box = {"facecolor": "white", "edgecolor": "none", "pad": 1.5}
        ax.text(
            1.08, -0.04, f"{x_name}\n{text['high']}", ha="right", va="top", fontsize=SMALL, bbox=box, zorder=4
        )
        ax.text(
            -1.08, -0.04, f"{x_name}\n{text['low']}", ha="left", va="top", fontsize=SMALL, bbox=box, zorder=4
        )
        ax.text(
            0.03, 1.08, f"{y_name}\n{text['high']}", ha="left", va="top", fontsize=SMALL, bbox=box, zorder=4
        )
        ax.text(
            0.03,
            -1.08,
            f"{y_name}\n{text['low']}",
            ha="left",
            va="bottom",
            fontsize=SMALL,
            bbox=box,
            zorder=4,
        )
    return fig
