"""The roadmap (method.md §9, issue 5 item 7): a Gantt of the chosen activities grouped by pillar or agency,
and the spending against the ceiling per year and funding source.

Horizons are told apart without colour too: quick win solid orange, short solid dark blue, medium light blue
hatched ``//``, long white hatched ``xx``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from kotacerdas.charts._base import (
    ACCENT,
    DARK,
    GRAY,
    LIGHT,
    SMALL,
    new_figure,
    number,
    pick_labels,
    style,
    wrap,
)

ROADMAP_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Peta jalan kegiatan",
        "x": "Tahun",
        "quick_win": "Quick win",
        "short": "Jangka pendek (1 tahun)",
        "medium": "Jangka menengah (≤ 5 tahun)",
        "long": "Jangka panjang (≤ 10 tahun)",
        "empty": "Belum ada kegiatan terpilih",
    },
    "en": {
        "title": "Activity roadmap",
        "x": "Year",
        "quick_win": "Quick win",
        "short": "Short term (1 year)",
        "medium": "Medium term (≤ 5 years)",
        "long": "Long term (≤ 10 years)",
        "empty": "No activity chosen yet",
    },
}

SPENDING_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Belanja terhadap pagu per tahun dan sumber dana",
        "x": "Tahun",
        "y": "Miliar rupiah",
        "amount": "Belanja terjadwal",
        "ceiling": "Pagu",
        "over": "Melebihi pagu",
        "empty": "Belum ada belanja maupun pagu",
    },
    "en": {
        "title": "Spending against the ceiling per year and funding source",
        "x": "Year",
        "y": "Billion rupiah",
        "amount": "Scheduled spending",
        "ceiling": "Ceiling",
        "over": "Over the ceiling",
        "empty": "No spending or ceiling yet",
    },
}

HORIZONS = ("quick_win", "short", "medium", "long")
#: (face colour, edge colour, hatch) per horizon: distinct in grayscale.
HORIZON_STYLE: Mapping[str, tuple[str, str, str | None]] = {
    "quick_win": (ACCENT, ACCENT, None),
    "short": (DARK, DARK, None),
    "medium": (LIGHT, DARK, "//"),
    "long": ("white", DARK, "xx"),
}
GROUP_BAND = "#f2f2f2"
BILLION = 1e9


def _row(row: Any) -> tuple[str, str, int, int, str]:
    if isinstance(row, Mapping):
        values = (row["label"], row["group"], row["start"], row["end"], row["horizon"])
    else:
        values = tuple(row)
    label, group, start, end, horizon = values
    if horizon not in HORIZONS:
        raise ValueError(f"unknown horizon {horizon!r}; use {', '.join(HORIZONS)}")
    start, end = int(start), int(end)
    if end < start:
        raise ValueError(f"{label}: end {end} is before start {start}")
    return str(label), str(group), start, end, horizon


def roadmap_chart(
    rows: Iterable[Any],
    *,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
) -> Figure:
    """A Gantt chart: one bar per activity from its first to its last year, under a heading per group.

    ``rows``: (label, group, start, end, horizon) tuples or mappings with those keys (e.g.
    ``services.roadmap_rows``); groups appear in the order of their first row, activities in input order.
    ``horizon`` is quick_win, short, medium or long.
    """
    text = pick_labels(ROADMAP_LABELS, lang, labels)
    title = text["title"] if title is None else title
    items = [_row(r) for r in rows]
    groups: dict[str, list[tuple[str, str, int, int, str]]] = {}
    for item in items:
        groups.setdefault(item[1], []).append(item)
    # layout: one line per group heading, one per activity (wrapped labels add height)
    lines: list[tuple[str, Any]] = []
    for group, members in groups.items():
        lines.append(("group", group))
        lines.extend(("bar", m) for m in members)
    wrapped = {id(m): wrap(m[0], 48) for kind, m in lines if kind == "bar"}
    heights = [0.9 if kind == "group" else 0.45 + 0.3 * wrapped[id(m)].count("\n") for kind, m in lines]
    with style():
        fig = new_figure(1.5 + 0.3 * sum(heights) + (0.5 if items else 0.6), title)
        ax = fig.add_subplot()
        if not items:
            ax.text(0.5, 0.5, text["empty"], ha="center", va="center", style="italic", color=GRAY)
            ax.set_axis_off()
            return fig
        first = min(i[2] for i in items)
        last = max(i[3] for i in items)
        y = 0.0
        ticks, tick_labels, bold = [], [], []
        for (kind, value), height in zip(lines, heights, strict=True):
            centre = y + height / 2
            if kind == "group":
                ax.axhspan(y, y + height, color=GROUP_BAND, zorder=0, lw=0)
                tick_labels.append(wrap(value, 48))
                bold.append(True)
            else:
                label, _group, start, end, horizon = value
                face, edge, hatch = HORIZON_STYLE[horizon]
                ax.barh(
                    centre,
                    end - start + 0.8,
                    left=start - 0.4,
                    height=min(0.62, height * 0.8),
                    color=face,
                    edgecolor=edge,
                    hatch=hatch,
                    lw=0.7,
                    zorder=2,
                )
                tick_labels.append(wrapped[id(value)])
                bold.append(False)
            ticks.append(centre)
            y += height
        ax.set_yticks(ticks, tick_labels)
        for tick, is_group in zip(ax.get_yticklabels(), bold, strict=True):
            if is_group:
                tick.set_fontweight("bold")
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(y, 0)
        ax.set_xlim(first - 0.6, last + 0.6)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=12))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: str(int(round(v)))))
        ax.xaxis.set_ticks_position("top")
        ax.xaxis.set_label_position("top")
        ax.set_xlabel(text["x"])
        ax.grid(axis="x", color="#d9d9d9", lw=0.6, zorder=1)
        ax.spines[["right", "bottom", "left"]].set_visible(False)
        used = [h for h in HORIZONS if any(i[4] == h for i in items)]
        handles = [
            Patch(facecolor=HORIZON_STYLE[h][0], edgecolor=HORIZON_STYLE[h][1], hatch=HORIZON_STYLE[h][2])
            for h in used
        ]
        fig.legend(
            handles,
            [text[h] for h in used],
            loc="outside lower center",
            ncols=min(2, len(used)),
            frameon=False,
        )
    return fig


def _spending(item: Any) -> tuple[int, str, float, float]:
    if isinstance(item, Mapping):
        values = (item["year"], item["source"], item["amount"], item.get("ceiling"))
    else:
        values = tuple(item)
    year, source, amount, ceiling = values
    amount = float(amount)
    ceiling = 0.0 if ceiling is None else float(ceiling)
    if not (math.isfinite(amount) and math.isfinite(ceiling)):
        raise ValueError(f"{source} {year}: amounts must be finite numbers")
    return int(year), str(source), amount, ceiling


def spending_chart(
    spending: Iterable[Any],
    *,
    sources: Mapping[str, str] | None = None,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
) -> Figure:
    """One panel per funding source: scheduled spending per year as bars (in billions of rupiah), the ceiling
    as a black tick across each year; a bar over its ceiling is drawn in orange, hatched.

    ``spending``: ``{"year", "source", "amount", "ceiling"}`` mappings (``services.plan_json(...)["spending"]``)
    or (year, source, amount, ceiling) tuples; ``sources`` maps source codes to display names (APBD, ...).
    """
    text = pick_labels(SPENDING_LABELS, lang, labels)
    title = text["title"] if title is None else title
    items = [_spending(s) for s in spending]
    names = dict(sources or {})
    order = list(dict.fromkeys(source for _y, source, _a, _c in sorted(items, key=lambda i: i[1])))
    if sources:
        order = [s for s in names if s in order] + [s for s in order if s not in names]
    with style():
        fig = new_figure(1.3 + 1.7 * max(len(order), 1), title)
        if not items:
            ax = fig.add_subplot()
            ax.text(0.5, 0.5, text["empty"], ha="center", va="center", style="italic", color=GRAY)
            ax.set_axis_off()
            return fig
        years = sorted({i[0] for i in items})
        axes = fig.subplots(len(order), 1, sharex=True, squeeze=False)[:, 0]
        over_any = False
        for ax, source in zip(axes, order, strict=True):
            rows = sorted((i for i in items if i[1] == source), key=lambda i: i[0])
            top = max([max(a, c) for _y, _s, a, c in rows] + [1.0]) / BILLION
            for year, _s, amount, ceiling in rows:
                over = amount > ceiling + 0.5
                over_any = over_any or over
                ax.bar(
                    year,
                    amount / BILLION,
                    width=0.6,
                    color=ACCENT if over else LIGHT,
                    edgecolor=ACCENT if over else DARK,
                    hatch="xx" if over else None,
                    lw=0.7,
                    zorder=2,
                )
                ax.hlines(ceiling / BILLION, year - 0.42, year + 0.42, color="black", lw=1.8, zorder=3)
                if amount > 0:
                    above = amount / BILLION
                    if abs(ceiling - amount) / BILLION < top * 0.08:
                        above = max(amount, ceiling) / BILLION + top * 0.02  # clear of the ceiling tick
                    ax.text(
                        year,
                        above + top * 0.03,
                        number(amount / BILLION, 2, lang, trim=True),
                        ha="center",
                        va="bottom",
                        fontsize=SMALL - 1 if len(years) > 8 else SMALL,
                        zorder=4,
                    )
            ax.set_ylim(0, top * 1.22)
            ax.set_title(names.get(source, source), loc="left", fontsize=9, fontweight="bold")
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: number(v, 2, lang, trim=True)))
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            ax.set_ylabel(text["y"], fontsize=SMALL)
            ax.grid(axis="y", color="#d9d9d9", lw=0.6, zorder=0)
            ax.spines[["top", "right"]].set_visible(False)
        axes[-1].set_xticks(years, [str(y) for y in years])
        axes[-1].set_xlim(years[0] - 0.6, years[-1] + 0.6)
        axes[-1].set_xlabel(text["x"])
        handles: list[Any] = [
            Patch(facecolor=LIGHT, edgecolor=DARK),
            Line2D([], [], color="black", lw=1.8),
        ]
        names_ = [text["amount"], text["ceiling"]]
        if over_any:
            handles.append(Patch(facecolor=ACCENT, edgecolor=ACCENT, hatch="xx"))
            names_.append(text["over"])
        fig.legend(handles, names_, loc="outside lower center", ncols=len(handles), frameon=False)
    return fig


__all__: Sequence[str] = ("roadmap_chart", "spending_chart")
