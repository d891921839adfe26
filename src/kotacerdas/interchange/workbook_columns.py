"""The bimtek workbook's building blocks: columns, sheets, the names of the dropdown lists and the framework's
catalogue. The bimtek sheets are declared in :mod:`.workbook_layout`, the action plan's in
:mod:`.workbook_actionplan_layout`; both build on this module, which imports neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from kotacerdas.framework.models import Element, Pillar, ReadinessAspect, ReadinessElement
from kotacerdas.framework.reference import VERSIONS

FORMAT = "kotacerdas-workbook/1"
SEP = " — "

# --- the lists (hidden sheet "Daftar") ---------------------------------------------------------------------------

PILLARS = "pillars"
ELEMENTS = "elements"
READINESS = "readiness"
ASPECTS = "aspects"
SWOT_KINDS = "swot_kinds"
STRATEGY_KINDS = "strategy_kinds"
DIRECTIONS = "directions"
CATEGORIES = "categories"
AGENCIES = "agencies"

BIMTEK_LIST_TITLES = {
    PILLARS: "Pilar",
    ELEMENTS: "Elemen",
    READINESS: "Elemen kesiapan",
    ASPECTS: "Aspek kesiapan",
    SWOT_KINDS: "Jenis SWOT",
    STRATEGY_KINDS: "Jenis strategi",
    DIRECTIONS: "Arah indikator",
    CATEGORIES: "Kategori pendorong",
    AGENCIES: "Perangkat daerah",
}

SWOT_KIND_VALUES = ("S", "W", "O", "T")
STRATEGY_KIND_VALUES = ("SO", "ST", "WO", "WT")
DIRECTION_LABELS = {"higher": "makin tinggi makin baik", "lower": "makin rendah makin baik"}
CATEGORY_LABELS = {
    "political": "Politik",
    "economic": "Ekonomi",
    "social": "Sosial",
    "technological": "Teknologi",
    "environmental": "Lingkungan",
    "legal": "Hukum",
}


def labelled(slug: str, name: str) -> str:
    """What a cell shows for a slug: ``governance — Smart Governance``; the import reads the slug before ``—``."""
    return f"{slug}{SEP}{name}" if name and name != slug else slug


@dataclass(frozen=True)
class Catalogue:
    """The framework's lists as the workbook shows them (from reference.py for the template, or the database)."""

    framework: str
    pillars: tuple[tuple[str, str], ...]  # (slug, name)
    elements: tuple[tuple[str, str, str], ...]  # (pillar slug, slug, name)
    readiness: tuple[tuple[str, str], ...]
    aspects: tuple[tuple[str, str, str], ...]  # (readiness element slug, slug, name)

    @classmethod
    def from_reference(cls, slug: str) -> Catalogue:
        if slug not in VERSIONS:
            raise ValueError(f"kerangka {slug!r} tidak dikenal / unknown framework {slug!r}")
        version = VERSIONS[slug]
        return cls(
            framework=slug,
            pillars=tuple((p.slug, p.name) for p in version.pillars),
            elements=tuple((p.slug, e.slug, e.name) for p in version.pillars for e in p.items),
            readiness=tuple((r.slug, r.name) for r in version.readiness),
            aspects=tuple((r.slug, a.slug, a.name) for r in version.readiness for a in r.items),
        )

    @classmethod
    def from_database(cls, framework) -> Catalogue:
        pillars = list(Pillar.objects.filter(framework=framework).order_by("order"))
        elements = list(
            Element.objects.filter(pillar__framework=framework)
            .select_related("pillar")
            .order_by("pillar__order", "order")
        )
        readiness = list(ReadinessElement.objects.filter(framework=framework).order_by("order"))
        aspects = list(
            ReadinessAspect.objects.filter(element__framework=framework)
            .select_related("element")
            .order_by("element__order", "order")
        )
        return cls(
            framework=framework.slug,
            pillars=tuple((p.slug, p.name) for p in pillars),
            elements=tuple((e.pillar.slug, e.slug, e.name) for e in elements),
            readiness=tuple((r.slug, r.name) for r in readiness),
            aspects=tuple((a.element.slug, a.slug, a.name) for a in aspects),
        )

    def lists(self, agencies: Sequence[str] = ()) -> dict[str, list[str]]:
        """The bimtek sheets' dropdown lists (the action plan's are in ``workbook_actionplan_layout.lists``)."""
        return {
            PILLARS: [labelled(s, n) for s, n in self.pillars],
            ELEMENTS: [labelled(s, n) for _, s, n in self.elements],
            READINESS: [labelled(s, n) for s, n in self.readiness],
            ASPECTS: [labelled(s, n) for _, s, n in self.aspects],
            SWOT_KINDS: list(SWOT_KIND_VALUES),
            STRATEGY_KINDS: list(STRATEGY_KIND_VALUES),
            DIRECTIONS: [labelled(s, n) for s, n in DIRECTION_LABELS.items()],
            CATEGORIES: [labelled(s, n) for s, n in CATEGORY_LABELS.items()],
            AGENCIES: list(agencies),
        }


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # Indonesian, shown in row 1
    en: str  # English name, used in problems (``rating 7 is outside 1–4``) and accepted as a header
    id_: str  # Indonesian name used in problems
    width: int = 16
    kind: str = "text"  # text | long | int | decimal | list
    low: int | None = None
    high: int | None = None
    choices: str | None = None  # a key of the lists: a dropdown
    note: str = ""  # the header's comment (Indonesian)

    @property
    def aliases(self) -> set[str]:
        return {normalise_header(self.header), normalise_header(self.en), normalise_header(self.key)}


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    #: Columns that identify a row; a row with nothing but these filled in is a blank line of the template.
    keys: tuple[str, ...] = ()
    description: str = ""
    by_key: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_key", {c.key: c for c in self.columns})

    def letter(self, key: str) -> str:
        return get_column_letter([c.key for c in self.columns].index(key) + 1)


def normalise_header(text: str) -> str:
    """``Peringkat (1–4)`` → ``peringkat``: case, parentheses and punctuation do not matter."""
    text = re.sub(r"\(.*?\)", " ", str(text)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())
