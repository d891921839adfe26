"""Workshop progress (kemajuan bimtek I): who has contributed to which pillar, and what is still missing.

Counts only: every figure comes from the records or from :func:`kotacerdas.assessment.analysis.analyse_region`.

**Completeness of a pillar** = done items / required items (rounded down to a whole percent, so 100 % means
nothing is missing). Each pillar has 18 required items:

- 9 readiness cells (one per aspect of the 3 × 3 grid): done when the aspect has a score 1–5;
- 4 SWOT kinds (S, W, O, T): done when the pillar has at least one factor of that kind;
- 1 "every factor rated": done when the pillar has factors and each has at least one agency's rating;
- 1 TOWS strategy: done when the pillar has at least one strategy;
- 3 maturity elements: done when the element's current level is entered.

The **region's completeness** is the sum of done items over the sum of required items of all pillars.

**Contribution of an agency** (OPD) to a pillar: to its SWOT when the agency wrote a factor of the pillar or
rated one; to its readiness when the agency entered a readiness cell of the pillar. The **completeness of an
agency** = pillars it has contributed to (SWOT or readiness) / all pillars, rounded down to a whole percent.
Agencies are listed by abbreviation.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from kotacerdas.assessment.analysis import RegionAnalysis, analyse_region
from kotacerdas.assessment.models import ReadinessScore, SwotFactor, SwotRating
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.regions.models import Agency, Region

KIND_NAMES = {"S": "Kekuatan (S)", "W": "Kelemahan (W)", "O": "Peluang (O)", "T": "Ancaman (T)"}
QUOTE_LENGTH = 60


def percent(done: int, required: int) -> int | None:
    """Whole percent, rounded down; None when nothing is required."""
    return None if required == 0 else 100 * done // required


@dataclass
class Item:
    label: str
    done: bool


@dataclass
class PillarProgress:
    pillar: Pillar
    items: list[Item]
    missing: list[str]  # plain Indonesian sentences, empty when complete
    unassessed_elements: list[Element]
    swot_agencies: set[int] = field(default_factory=set)  # agency pks
    readiness_agencies: set[int] = field(default_factory=set)

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def required(self) -> int:
        return len(self.items)

    @property
    def percent(self) -> int | None:
        return percent(self.done, self.required)


@dataclass
class AgencyCell:
    swot: bool
    readiness: bool


@dataclass
class AgencyProgress:
    agency: Agency
    cells: list[AgencyCell]  # one per pillar, in pillar order
    pillars: int  # pillars contributed to
    total: int  # all pillars

    @property
    def percent(self) -> int | None:
        return percent(self.pillars, self.total)


@dataclass
class Progress:
    pillars: list[PillarProgress]
    agencies: list[AgencyProgress]

    @property
    def done(self) -> int:
        return sum(p.done for p in self.pillars)

    @property
    def required(self) -> int:
        return sum(p.required for p in self.pillars)

    @property
    def percent(self) -> int | None:
        return percent(self.done, self.required)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    if len(text) > QUOTE_LENGTH:
        text = text[: QUOTE_LENGTH - 1].rstrip() + "…"
    return f"“{text}”"


def join_words(words: list[str]) -> str:
    """'a', 'a dan b', 'a, b dan c'."""
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s dan %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}


def region_progress(region: Region, analysis: RegionAnalysis | None = None) -> Progress:
    """The progress of ``region``'s bimtek I and II analysis (see the module docstring for the definitions)."""
    analysis = analysis or analyse_region(region)
    pillars = [p.pillar for p in analysis.pillars.values()]
    aspects = list(
        ReadinessAspect.objects.filter(element__framework_id=region.framework_id)
        .select_related("element")
        .order_by("element__order", "order")
    )
    aspect_names = {a.slug: a.name for a in aspects}
    elements: dict[int, list[Element]] = {}
    for element in Element.objects.filter(pillar__framework_id=region.framework_id).order_by("order"):
        elements.setdefault(element.pillar_id, []).append(element)

    swot_by_pillar: dict[int, set[int]] = {p.pk: set() for p in pillars}
    for pillar_id, agency_id in SwotFactor.objects.filter(region=region, agency__isnull=False).values_list(
        "pillar_id", "agency_id"
    ):
        swot_by_pillar.setdefault(pillar_id, set()).add(agency_id)
    for pillar_id, agency_id in SwotRating.objects.filter(factor__region=region).values_list(
        "factor__pillar_id", "agency_id"
    ):
        swot_by_pillar.setdefault(pillar_id, set()).add(agency_id)
    readiness_by_pillar: dict[int, set[int]] = {p.pk: set() for p in pillars}
    for pillar_id, agency_id in ReadinessScore.objects.filter(
        region=region, agency__isnull=False
    ).values_list("pillar_id", "agency_id"):
        readiness_by_pillar.setdefault(pillar_id, set()).add(agency_id)

    results: list[PillarProgress] = []
    for pa in analysis.pillars.values():
        pillar = pa.pillar
        items: list[Item] = []
        missing: list[str] = []

        unscored = list(pa.readiness.missing)
        for aspect in aspects:
            items.append(
                Item(_("Kesiapan — %(aspect)s") % {"aspect": aspect.name}, aspect.slug not in unscored)
            )
        if unscored:
            missing.append(
                _("Kesiapan: %(n)s dari %(total)s aspek belum dinilai (%(names)s).")
                % {
                    "n": len(unscored),
                    "total": len(aspects),
                    "names": ", ".join(aspect_names.get(a, a) for a in unscored),
                }
            )

        kinds_present = {row.record.kind for row in pa.factors}
        for kind, name in KIND_NAMES.items():
            items.append(Item(_("SWOT — ada faktor %(kind)s") % {"kind": name}, kind in kinds_present))
        absent = [name for kind, name in KIND_NAMES.items() if kind not in kinds_present]
        if absent:
            missing.append(_("SWOT: belum ada faktor %(kinds)s.") % {"kinds": join_words(absent)})

        items.append(Item(_("SWOT — semua faktor sudah dinilai"), bool(pa.factors) and not pa.unrated))
        if pa.unrated:
            missing.append(
                _("SWOT: %(n)s faktor belum dinilai: %(texts)s.")
                % {"n": len(pa.unrated), "texts": ", ".join(_quote(f.text) for f in pa.unrated)}
            )

        items.append(Item(_("Strategi TOWS — sedikitnya satu strategi"), bool(pa.strategies)))
        if not pa.strategies:
            missing.append(_("Strategi TOWS: belum ada strategi."))

        own_elements = elements.get(pillar.pk, [])
        not_assessed = set(pa.maturity.missing)
        for element in own_elements:
            items.append(
                Item(
                    _("Kematangan — %(element)s") % {"element": element.name},
                    element.slug not in not_assessed,
                )
            )
        unassessed = [e for e in own_elements if e.slug in not_assessed]
        if unassessed:
            missing.append(
                _("Kematangan: %(n)s dari %(total)s elemen belum dinilai (%(names)s).")
                % {
                    "n": len(unassessed),
                    "total": len(own_elements),
                    "names": ", ".join(e.name for e in unassessed),
                }
            )
        results.append(
            PillarProgress(
                pillar=pillar,
                items=items,
                missing=missing,
                unassessed_elements=unassessed,
                swot_agencies=swot_by_pillar.get(pillar.pk, set()),
                readiness_agencies=readiness_by_pillar.get(pillar.pk, set()),
            )
        )

    agencies: list[AgencyProgress] = []
    for agency in sorted(Agency.objects.filter(region=region), key=lambda a: a.abbreviation.lower()):
        cells = [AgencyCell(agency.pk in p.swot_agencies, agency.pk in p.readiness_agencies) for p in results]
        agencies.append(
            AgencyProgress(
                agency=agency,
                cells=cells,
                pillars=sum(1 for c in cells if c.swot or c.readiness),
                total=len(results),
            )
        )
    return Progress(results, agencies)
