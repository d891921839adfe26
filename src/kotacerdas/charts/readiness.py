"""Readiness heatmap (method.md §2): pillars × the nine aspects, score 1–5 written in each cell."""

from __future__ import annotations

from collections.abc import Mapping

from matplotlib.figure import Figure
from matplotlib.patches import Patch, Rectangle

from kotacerdas.charts._base import new_figure, number, pick_labels, style, wrap
from kotacerdas.method import readiness
from kotacerdas.method.pillars import NAMES

HEATMAP_LABELS: Mapping[str, Mapping[str, str]] = {
    "id": {
        "title": "Kesiapan per pilar dan aspek",
        "struktur": "Struktur",
        "infrastruktur": "Infrastruktur",
        "suprastruktur": "Suprastruktur",
        "sdm": "SDM",
        "anggaran": "Anggaran",
        "tata_kelola": "Tata kelola",
        "fisik": "Fisik",
        "digital": "Digital",
        "sosial": "Sosial",
        "regulasi": "Regulasi",
        "kelembagaan": "Kelembagaan",
        "tata_laksana": "Tata laksana",
        "pillar_score": "Skor pilar",
        "missing": "– belum dinilai",
        **{f"score_{k}": v for k, v in readiness.SCORE_LABELS.items()},
    },
    "en": {
        "title": "Readiness by pillar and aspect",
        "struktur": "Structure",
        "infrastruktur": "Infrastructure",
        "suprastruktur": "Superstructure",
        "sdm": "People",
        "anggaran": "Budget",
        "tata_kelola": "Governance",
        "fisik": "Physical",
        "digital": "Digital",
        "sosial": "Social",
        "regulasi": "Regulation",
        "kelembagaan": "Institutions",
        "tata_laksana": "Procedures",
        "pillar_score": "Pillar score",
        "missing": "– not scored",
        "score_1": "not ready",
        "score_2": "barely ready",
        "score_3": "fairly ready",
        "score_4": "ready",
        "score_5": "very ready",
    },
}

#: Light to dark, one step per score: distinct in grayscale; the number is written in every cell anyway.
SHADES = ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def readiness_heatmap(
    grid: Mapping[str, Mapping[str, int | None]],
    *,
    names: Mapping[str, str] | None = None,
    title: str | None = None,
    labels: Mapping[str, str] | None = None,
    lang: str = "id",
    pillar_scores: bool = True,
) -> Figure:
    """Rows: pillars (``grid`` keys, shown by ``names`` or the pillar's name); columns: the nine aspects grouped
    by readiness element; each cell its score 1–5 written and shaded. Missing cells are hatched with "–".

    ``grid[pillar][aspect]`` is what :func:`readiness.assess` takes. With ``pillar_scores`` a last column gives
    the pillar readiness computed by :func:`readiness.assess_pillar` ("–" when nothing is scored).
    """
    text = pick_labels(HEATMAP_LABELS, lang, labels)
    title = text["title"] if title is None else title
    names = names or {}
    rows = list(grid)
    aspects = readiness.ASPECTS
    results = {p: readiness.assess_pillar(p, grid[p]) for p in rows}  # validates aspects and scores
    columns = len(aspects) + (1 if pillar_scores else 0)
    with style():
        fig = new_figure(1.9 + 0.36 * max(len(rows), 1), title)
        ax = fig.add_subplot()
        for r, pillar in enumerate(rows):
            for c, aspect in enumerate(aspects):
                value = grid[pillar].get(aspect)
                if value is None:
                    ax.add_patch(
                        Rectangle((c, r), 1, 1, facecolor="white", hatch="///", edgecolor="#a6a6a6", lw=0)
                    )
                    ax.text(
                        c + 0.5,
                        r + 0.5,
                        "–",
                        ha="center",
                        va="center",
                        fontsize=11,
                        fontweight="bold",
                        color="black",
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5},
                    )
                    continue
                score = int(value)
                ax.add_patch(Rectangle((c, r), 1, 1, facecolor=SHADES[score - 1], edgecolor="none"))
                ax.text(
                    c + 0.5,
                    r + 0.5,
                    str(score),
                    ha="center",
                    va="center",
                    fontsize=9,
                    fontweight="bold",
                    color="white" if score >= 4 else "black",
                )
            if pillar_scores:
                score = results[pillar].score
                ax.add_patch(
                    Rectangle((len(aspects) + 0.1, r), 0.9, 1, facecolor="#f2f2f2", edgecolor="none")
                )
                ax.text(
                    len(aspects) + 0.55,
                    r + 0.5,
                    "–" if score is None else number(score, 2, lang),
                    ha="center",
                    va="center",
                    fontsize=9,
                    fontweight="bold",
                )
        # white lines between cells, black between readiness elements (one collection each: a small SVG)
        ax.hlines(range(len(rows) + 1), 0, len(aspects), color="white", lw=1.5, zorder=3)
        ax.vlines(
            [c for c in range(len(aspects) + 1) if c % 3], 0, len(rows), color="white", lw=1.5, zorder=3
        )
        ax.vlines(range(0, len(aspects) + 1, 3), 0, len(rows), color="black", lw=1.0, zorder=3)
        ax.set_xlim(0, columns)
        ax.set_ylim(len(rows), 0)
        ax.set_yticks(
            [r + 0.5 for r in range(len(rows))], [wrap(names.get(p, NAMES.get(p, p)), 22) for p in rows]
        )
        column_labels = [text[a] for a in aspects] + ([text["pillar_score"]] if pillar_scores else [])
        positions = [c + 0.5 for c in range(len(aspects))] + ([len(aspects) + 0.55] if pillar_scores else [])
        ax.set_xticks(
            positions,
            [wrap(label, 12) for label in column_labels],
            rotation=35,
            ha="right",
            rotation_mode="anchor",
        )
        ax.tick_params(length=0)
        top = ax.secondary_xaxis("top")
        top.set_xticks([1.5, 4.5, 7.5], [text[e] for e in readiness.ELEMENTS], fontweight="bold")
        top.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        for spine in top.spines.values():
            spine.set_visible(False)
        handles = [Patch(facecolor=shade, edgecolor="#a6a6a6", lw=0.5) for shade in SHADES]
        handles.append(Patch(facecolor="white", hatch="///", edgecolor="#a6a6a6", lw=0.5))
        legend = [f"{k} {text[f'score_{k}']}" for k in range(1, 6)] + [text["missing"]]
        fig.legend(
            handles,
            legend,
            loc="outside lower center",
            ncols=6,
            frameon=False,
            handlelength=1.2,
            columnspacing=1.0,
        )
    return fig
