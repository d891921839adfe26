"""Maturity radar (method.md §4): current against target level, per pillar or over one pillar's elements."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from kotacerdas.charts._base import ACCENT, DARK, GRAY, SMALL, new_figure, pick_labels, style, wrap
from kotacerdas.method import maturity

RADAR_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Tingkat kematangan: saat ini dan target",
        "current": "Saat ini",
        "target": "Target",
        "missing": "tidak ada data",
        "levels": "Level: " + " · ".join(f"{k} {v}" for k, v in maturity.LEVELS.items()),
    },
    "en": {
        "title": "Maturity: current and target",
        "current": "Current",
        "target": "Target",
        "missing": "no data",
        "levels": "Levels: 1 Initial · 2 Managed · 3 Defined · 4 Integrated and Measured · 5 Optimised",
    },
}


def _value(value: float | None) -> float:
    return math.nan if value is None or not math.isfinite(float(value)) else float(value)


def radar_chart(
    axes: Sequence[tuple[str, float | None, float | None]],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
    scale: tuple[int, int] = (1, 5),
) -> Figure:
    """A radar of (label, current, target) per axis: the six pillars, or one pillar's elements (any n ≥ 3).

    Two polygons, current (solid, circles, filled) and target (dashed, squares), on the scale 1–5. A missing
    value breaks its polygon at that axis and the axis says "tidak ada data"; with no target anywhere only the
    current polygon is drawn.
    """
    if len(axes) < 3:
        raise ValueError(f"a radar chart needs at least three axes, got {len(axes)}")
    text = pick_labels(RADAR_LABELS, lang, labels)
    title = text["title"] if title is None else title
    names = [str(a[0]) for a in axes]
    current = [_value(a[1]) for a in axes]
    target = [_value(a[2]) for a in axes]
    angles = [2 * math.pi * k / len(axes) for k in range(len(axes))]  # clockwise from the top
    with style():
        fig = new_figure(5.4, title)
        ax = fig.add_subplot(projection="polar")
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        low, high = scale
        ax.set_ylim(0, high)
        ax.set_yticks(
            range(low, high + 1), [str(v) for v in range(low, high + 1)], fontsize=SMALL, color=GRAY
        )
        ax.set_rlabel_position(180 / len(axes))
        for tick in ax.get_yticklabels():
            tick.set_bbox({"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 0.6})
        tick_labels = []
        for name, c, t in zip(names, current, target, strict=True):
            label = wrap(name, 18)
            if math.isnan(c) and math.isnan(t):
                label += f"\n({text['missing']})"
            tick_labels.append(label)
        ax.set_xticks(angles, tick_labels, fontsize=9)
        ax.tick_params(axis="x", pad=10)
        ax.grid(color="#d9d9d9", lw=0.7)
        ax.spines["polar"].set_color(GRAY)
        ax.set_thetalim(0, 2 * math.pi)
        closed = [*angles, angles[0]]
        handles, legend = [], []
        series = [(current, text["current"], DARK, "-", "o", True)]
        if not all(math.isnan(v) for v in target):
            series.append((target, text["target"], ACCENT, "--", "s", False))
        for values, name, colour, line, marker, fill in series:
            ring = [*values, values[0]]
            ax.plot(closed, ring, color=colour, ls=line, lw=1.8, marker=marker, ms=5, zorder=3)
            if fill and not any(math.isnan(v) for v in values):
                ax.fill(closed, ring, color=colour, alpha=0.15, zorder=2)
            handles.append(Line2D([], [], color=colour, ls=line, lw=1.8, marker=marker, ms=5))
            legend.append(name)
        key = fig.legend(
            handles,
            legend,
            loc="outside lower center",
            ncols=len(handles),
            frameon=False,
            title=text["levels"],
            title_fontsize=SMALL,
        )
        key.get_title().set_color(GRAY)
    return fig
