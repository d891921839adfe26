"""Competitiveness bars (method.md §5): the region and its peers, 0–100, sorted, missing shown as missing."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from kotacerdas.charts._base import DARK, GRAY, LIGHT, SMALL, new_figure, number, pick_labels, style, wrap
from kotacerdas.method import competitiveness

BAR_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Indeks daya saing: daerah dan pembanding",
        "x": "Skor (0–100)",
        "missing": "tidak ada data",
        "region": "Daerah ini",
        "peer": "Daerah pembanding",
    },
    "en": {
        "title": "Competitiveness index: region and peers",
        "x": "Score (0–100)",
        "missing": "no data",
        "region": "This region",
        "peer": "Peer",
    },
}


def _rows(
    rows: Any, pillar: str | None, names: Mapping[str, str] | None
) -> list[tuple[str, float | None, str]]:
    """(display label, score or None, key) from (label, score) pairs or a competitiveness.Comparison."""
    names = names or {}
    if isinstance(rows, competitiveness.Comparison):
        items = []
        for key, result in rows.regions.items():
            score = result.composite if pillar is None else result.pillars.get(pillar)
            items.append((names.get(key, key), score, key))
        return items
    result = []
    for label, score in rows:
        if score is not None and not math.isfinite(float(score)):
            score = None
        result.append(
            (names.get(str(label), str(label)), None if score is None else float(score), str(label))
        )
    return result


def bar_chart_competitiveness(
    rows: Sequence[tuple[str, float | None]] | competitiveness.Comparison,
    highlight: str | None = None,
    *,
    pillar: str | None = None,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
) -> Figure:
    """Horizontal bars of scores 0–100, best on top; the region ``highlight`` dark and bold, peers light.

    ``rows``: (label, score or None) pairs, or a :class:`competitiveness.Comparison` (its composite, or its
    ``pillar`` score); ``highlight`` is the label (or region key) of the region itself; ``names`` maps keys to
    display names. A region without a score is listed last with the text "tidak ada data", never as 0.
    """
    text = pick_labels(BAR_LABELS, lang, labels)
    title = text["title"] if title is None else title
    items = _rows(rows, pillar, names)
    # best first; ties and missing keep input order (missing at the end)
    order = sorted(range(len(items)), key=lambda k: (items[k][1] is None, -(items[k][1] or 0.0), k))
    items = [items[k] for k in order]
    with style():
        fig = new_figure(1.3 + 0.34 * max(len(items), 1), title)
        ax = fig.add_subplot()
        positions = list(range(len(items)))
        for position, (label, score, key) in zip(positions, items, strict=True):
            mine = highlight is not None and highlight in (label, key)
            if score is None:
                ax.text(
                    1.5,
                    position,
                    text["missing"],
                    va="center",
                    ha="left",
                    fontsize=SMALL,
                    style="italic",
                    color=GRAY,
                )
                continue
            ax.barh(
                position,
                score,
                height=0.65,
                color=DARK if mine else LIGHT,
                edgecolor=DARK,
                lw=0.6,
                hatch="//" if mine else None,
                zorder=2,
            )
            ax.text(
                score + 1.2,
                position,
                number(score, 1, lang),
                va="center",
                ha="left",
                fontsize=SMALL,
                fontweight="bold" if mine else "normal",
            )
        ax.set_yticks(positions, [wrap(label, 30) for label, _, _ in items])
        for tick, (label, _, key) in zip(ax.get_yticklabels(), items, strict=True):
            if highlight is not None and highlight in (label, key):
                tick.set_fontweight("bold")
        ax.set_ylim(len(items) - 0.5, -0.5)
        ax.set_xlim(0, 109)
        ax.set_xticks(range(0, 101, 20), [number(v, 0, lang) for v in range(0, 101, 20)])
        ax.set_xlabel(text["x"])
        ax.grid(axis="x", color="#d9d9d9", lw=0.6, zorder=0)
        ax.spines[["top", "right"]].set_visible(False)
        ax.tick_params(axis="y", length=0)
        if highlight is not None:
            handles = [
                Patch(facecolor=DARK, edgecolor=DARK, hatch="//"),
                Patch(facecolor=LIGHT, edgecolor=DARK),
            ]
            fig.legend(
                handles, [text["region"], text["peer"]], loc="outside lower center", ncols=2, frameon=False
            )
    return fig
