"""SWOT charts (method.md §3): the Rangkuti quadrant diagram and David's IE matrix, all pillars on one chart."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from kotacerdas.charts._base import (
    DARK,
    GRAY,
    SMALL,
    freeze_layout,
    new_figure,
    number,
    pick_labels,
    place_labels,
    style,
    tick_formatter,
    wrap,
)
from kotacerdas.method import swot

QUADRANT_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Diagram SWOT (Rangkuti): posisi setiap pilar",
        "x": "Faktor internal: kekuatan − kelemahan (S − W)",
        "y": "Faktor eksternal: peluang − ancaman (O − T)",
        "S": "Kekuatan (S) →",
        "W": "← Kelemahan (W)",
        "O": "Peluang (O) ↑",
        "T": "Ancaman (T) ↓",
        "q1": swot.QUADRANTS[1],
        "q2": swot.QUADRANTS[2],
        "q3": swot.QUADRANTS[3],
        "q4": swot.QUADRANTS[4],
        "no_quadrant": "Belum berkuadran (faktor internal atau eksternal belum ada)",
    },
    "en": {
        "title": "SWOT diagram (Rangkuti): position of every pillar",
        "x": "Internal factors: strengths − weaknesses (S − W)",
        "y": "External factors: opportunities − threats (O − T)",
        "S": "Strengths (S) →",
        "W": "← Weaknesses (W)",
        "O": "Opportunities (O) ↑",
        "T": "Threats (T) ↓",
        "q1": "I aggressive (SO)",
        "q2": "II diversification (ST)",
        "q3": "III turnaround (WO)",
        "q4": "IV defensive (WT)",
        "no_quadrant": "No quadrant yet (no internal or no external factors)",
    },
}

IE_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Matriks Internal-Eksternal (IE)",
        "x": "Total skor IFE (faktor internal)",
        "y": "Total skor EFE (faktor eksternal)",
        "strong": "Kuat",
        "average": "Rata-rata",
        "weak": "Lemah",
        "high": "Tinggi",
        "medium": "Sedang",
        "low": "Rendah",
        "grow": "I, II, IV: tumbuh dan bina",
        "hold": "III, V, VII: pertahankan dan pelihara",
        "harvest": "VI, VIII, IX: panen atau divestasi",
        "no_cell": "Belum ada sel IE (faktor internal atau eksternal belum ada)",
    },
    "en": {
        "title": "Internal-External (IE) matrix",
        "x": "IFE total score (internal factors)",
        "y": "EFE total score (external factors)",
        "strong": "Strong",
        "average": "Average",
        "weak": "Weak",
        "high": "High",
        "medium": "Medium",
        "low": "Low",
        "grow": "I, II, IV: grow and build",
        "hold": "III, V, VII: hold and maintain",
        "harvest": "VI, VIII, IX: harvest or divest",
        "no_cell": "No IE cell yet (no internal or no external factors)",
    },
}

#: Shading of the IE advice groups: lightness differs and each has its own hatch, so grayscale print keeps them.
ADVICE_STYLE: Mapping[str, Mapping[str, Any]] = {
    "grow": {"facecolor": "#c6e0b4", "hatch": None},
    "hold": {"facecolor": "#fff2cc", "hatch": "--"},
    "harvest": {"facecolor": "#f8cbad", "hatch": "///"},
}
CELL_ADVICE: Mapping[int, str] = {
    **dict.fromkeys((1, 2, 4), "grow"),
    **dict.fromkeys((3, 5, 7), "hold"),
    **dict.fromkeys((6, 8, 9), "harvest"),
}


def _coordinates(
    points: Sequence[Any], first: str, second: str
) -> list[tuple[str, float | None, float | None]]:
    """Points as (label, a, b): given as (label, a, b) or as (label, swot.Analysis)."""
    result = []
    for item in points:
        if len(item) == 2 and isinstance(item[1], swot.Analysis):
            label, analysis = item
            a, b = getattr(analysis, first), getattr(analysis, second)
        else:
            label, a, b = item
        a = None if a is None or not math.isfinite(float(a)) else float(a)
        b = None if b is None or not math.isfinite(float(b)) else float(b)
        result.append((str(label), a, b))
    return result


def _note(fig: Figure, heading: str, names: Sequence[str]) -> None:
    """A note under the chart listing what could not be drawn."""
    text = wrap(f"{heading}: {', '.join(names)}.", 100)
    lines = text.count("\n") + 1
    height = fig.get_figheight()
    fig.set_figheight(height + 0.18 * lines)
    share = (0.18 * lines + 0.08) / fig.get_figheight()
    fig.get_layout_engine().set(rect=(0, share, 1, 1 - share))
    fig.text(0.01, 0.02, text, fontsize=SMALL, color=GRAY, va="bottom", ha="left", style="italic")


def quadrant_chart(
    points: Sequence[Any],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
    show_values: bool = True,
    label_width: int = 22,
) -> Figure:
    """The Rangkuti SWOT diagram: each pillar at (x = S − W, y = O − T), axes through 0, four named quadrants.

    ``points``: (label, x, y) or (label, swot.Analysis). A point without x or y (a pillar with no internal or
    no external factors) is not drawn but listed in a note under the chart.
    """
    text = pick_labels(QUADRANT_LABELS, lang, labels)
    title = text["title"] if title is None else title
    items = _coordinates(points, "x", "y")
    drawn = [(label, x, y) for label, x, y in items if x is not None and y is not None]
    missing = [label for label, x, y in items if x is None or y is None]
    with style():
        fig = new_figure(5.6, title)
        ax = fig.add_subplot()
        extent = max([0.5] + [abs(v) * 1.3 for _, x, y in drawn for v in (x, y)])
        extent = math.ceil(extent * 2) / 2
        ax.set_xlim(-extent, extent)
        ax.set_ylim(-extent, extent)
        ax.set_aspect("equal", adjustable="box")
        tints = {"q1": "#e2f0d9", "q2": "#deebf7", "q3": "#fff2cc", "q4": "#fbe5d6"}
        corners = {"q1": (1, 1), "q2": (1, -1), "q3": (-1, 1), "q4": (-1, -1)}
        fixed = []
        for key, (sx, sy) in corners.items():
            ax.add_patch(
                Rectangle((0, 0), sx * extent, sy * extent, facecolor=tints[key], edgecolor="none", zorder=0)
            )
            fixed.append(
                ax.text(
                    sx * extent * 0.97,
                    sy * extent * 0.97,
                    wrap(text[key], 24),
                    ha="right" if sx > 0 else "left",
                    va="top" if sy > 0 else "bottom",
                    fontsize=9,
                    fontweight="bold",
                    color=GRAY,
                    zorder=1,
                )
            )
        ax.axhline(0, color="black", lw=1.2, zorder=2)
        ax.axvline(0, color="black", lw=1.2, zorder=2)
        ends = {"S": (0.99, 0.505, "right", "bottom"), "W": (0.01, 0.505, "left", "bottom")}
        ends |= {"O": (0.505, 0.90, "left", "top"), "T": (0.505, 0.10, "left", "bottom")}
        for key, (px, py, ha, va) in ends.items():
            fixed.append(
                ax.text(px, py, text[key], transform=ax.transAxes, ha=ha, va=va, fontsize=SMALL, zorder=3)
            )
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        ax.xaxis.set_major_formatter(tick_formatter(lang))
        ax.yaxis.set_major_formatter(tick_formatter(lang))
        ax.grid(True, color="white", lw=0.6, zorder=0.5)
        ax.set_axisbelow(True)
        if missing:
            _note(fig, text["no_quadrant"], missing)
        if drawn:
            ax.scatter(
                [x for _, x, _ in drawn],
                [y for _, _, y in drawn],
                s=36,
                color=DARK,
                edgecolor="white",
                linewidth=0.8,
                zorder=4,
            )
        renderer = freeze_layout(fig)
        labelled = [(_point_label(lb, x, y, show_values, label_width, lang), x, y) for lb, x, y in drawn]
        place_labels(ax, labelled, renderer, obstacles=fixed)
    return fig


def _point_label(label: str, a: float, b: float, show_values: bool, width: int, lang: str) -> str:
    name = wrap(label, width)
    if not show_values:
        return name
    separator = "; " if lang == "id" else ", "
    return f"{name}\n({number(a, 2, lang)}{separator}{number(b, 2, lang)})"


def ie_matrix(
    points: Sequence[Any],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
    thresholds: swot.IEThresholds = swot.IEThresholds(),  # noqa: B008 - frozen, immutable default
    show_values: bool = True,
    label_width: int = 22,
) -> Figure:
    """David's 3 × 3 IE matrix: IFE on x from 4 (strong, left) to 1, EFE on y from 1 (bottom) to 4 (high, top).

    Cells numbered I..IX (``3·(row − 1) + column``) and shaded by advice; ``points``: (label, IFE, EFE) or
    (label, swot.Analysis). Points without IFE or EFE are listed in a note under the chart.
    """
    text = pick_labels(IE_LABELS, lang, labels)
    title = text["title"] if title is None else title
    items = _coordinates(points, "ife", "efe")
    drawn = [(label, a, b) for label, a, b in items if a is not None and b is not None]
    missing = [label for label, a, b in items if a is None or b is None]
    bounds = (4.0, thresholds.upper, thresholds.lower, 1.0)  # high to low, for columns and rows alike
    with style():
        fig = new_figure(5.9, title)
        ax = fig.add_subplot()
        ax.set_xlim(4, 1)
        ax.set_ylim(1, 4)
        ax.set_aspect("equal", adjustable="box")
        numerals = []
        for row in range(3):
            for column in range(3):
                cell = 3 * row + column + 1
                advice = ADVICE_STYLE[CELL_ADVICE[cell]]
                x0, x1 = bounds[column + 1], bounds[column]
                y0, y1 = bounds[row + 1], bounds[row]
                ax.add_patch(
                    Rectangle(
                        (x0, y0),
                        x1 - x0,
                        y1 - y0,
                        facecolor=advice["facecolor"],
                        hatch=advice["hatch"],
                        edgecolor="black",
                        lw=1.0,
                        zorder=0,
                    )
                )
                numerals.append(
                    ax.text(
                        x1 - 0.06,
                        y1 - 0.06,
                        swot.ROMAN[cell - 1],
                        ha="left",
                        va="top",
                        fontsize=12,
                        fontweight="bold",
                        color=GRAY,
                        zorder=1,
                        bbox={"facecolor": advice["facecolor"], "edgecolor": "none", "pad": 1.0},
                    )
                )
        ticks = [4.0, thresholds.upper, thresholds.lower, 1.0]
        ax.set_xticks(ticks, [number(t, 1, lang) for t in ticks])
        ax.set_yticks(ticks, [number(t, 1, lang) for t in ticks])
        ax.set_xlabel(text["x"])
        ax.set_ylabel(text["y"])
        top = ax.secondary_xaxis("top")
        top.set_xticks(
            [(bounds[k] + bounds[k + 1]) / 2 for k in range(3)],
            [text["strong"], text["average"], text["weak"]],
        )
        top.tick_params(length=0)
        right = ax.secondary_yaxis("right")
        right.set_yticks(
            [(bounds[k] + bounds[k + 1]) / 2 for k in range(3)],
            [text["high"], text["medium"], text["low"]],
            rotation=90,
            va="center",
        )
        right.tick_params(length=0)
        handles = [
            Patch(facecolor=style_["facecolor"], hatch=style_["hatch"], edgecolor="black", lw=0.6)
            for style_ in ADVICE_STYLE.values()
        ]
        ax.legend(
            handles,
            [text[key] for key in ADVICE_STYLE],
            loc="upper center",
            bbox_to_anchor=(0.5, -0.1),
            ncols=2,
            frameon=False,
            handlelength=2.2,
            handleheight=1.4,
        )
        if missing:
            _note(fig, text["no_cell"], missing)
        if drawn:
            ax.scatter(
                [a for _, a, _ in drawn],
                [b for _, _, b in drawn],
                s=36,
                color=DARK,
                edgecolor="white",
                linewidth=0.8,
                zorder=4,
                clip_on=False,
            )
        renderer = freeze_layout(fig)
        labelled = [(_point_label(lb, a, b, show_values, label_width, lang), a, b) for lb, a, b in drawn]
        place_labels(ax, labelled, renderer, obstacles=numerals)
    return fig
