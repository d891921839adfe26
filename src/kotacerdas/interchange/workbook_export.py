"""The rows of the bimtek workbook, from the database; and the references (factor refs, strategy keys, place names)
that the export writes and the import reads back.

Every sheet is in a stable order computed in Python (never by the database's collation), so export → import into an
empty copy → export gives the same cells.
"""

from __future__ import annotations

from collections import defaultdict

from kotacerdas.assessment.models import (
    Driver,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    ReadinessScore,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.interchange.assessment import ordered_factors
from kotacerdas.interchange.sections import abbreviation, name_key, number
from kotacerdas.interchange.workbook_layout import (
    CATEGORY_LABELS,
    DIRECTION_LABELS,
    INDIKATOR,
    KEMATANGAN,
    KESIAPAN,
    NILAI,
    PENDORONG,
    STRATEGI,
    SWOT,
    labelled,
)
from kotacerdas.regions.models import Agency, Region

STRATEGY_KIND_ORDER = {"SO": 0, "ST": 1, "WO": 2, "WT": 3}


# --- references ------------------------------------------------------------------------------------------------


def factor_refs(region: Region) -> list[tuple[SwotFactor, str]]:
    """Every factor of the region with its stored ref (``<pillar>-<kind><n>``, never renumbered), in the order of
    the region file's ``swot`` (:func:`.assessment.ordered_factors`)."""
    return [(factor, factor.ref) for factor in ordered_factors(region)]


def strategy_keys(region: Region) -> list[tuple[Strategy, str]]:
    """Every strategy with its key: its code, or ``<pillar>-<kind><n>`` when it has none; in sheet order."""
    strategies = list(Strategy.objects.filter(region=region).select_related("pillar", "agency"))
    strategies.sort(key=lambda s: s.pk)
    used = {s.code.strip().casefold() for s in strategies if s.code.strip()}
    counts: dict[tuple[int, str], int] = defaultdict(int)
    keyed = []
    for strategy in strategies:
        key = strategy.code.strip()
        if not key:
            while True:
                counts[(strategy.pillar_id, strategy.kind)] += 1
                key = f"{strategy.pillar.slug}-{strategy.kind}{counts[(strategy.pillar_id, strategy.kind)]}"
                if key.casefold() not in used:
                    break
            used.add(key.casefold())
        keyed.append((strategy, key))
    keyed.sort(key=lambda sk: (sk[0].pillar.order, STRATEGY_KIND_ORDER.get(sk[0].kind, 9), *name_key(sk[1])))
    return keyed


def peer_title(peer: Peer) -> str:
    return f"{peer.get_kind_display()} {peer.name}"


def place_labels(region: Region, peers: list[Peer]) -> tuple[str, dict[int, str]]:
    """How the ``Nilai`` sheet names the region itself and each peer: the plain name for the region and for a
    kabupaten peer, ``Kota <name>`` for a kota peer, the full title wherever a plain name would be ambiguous."""
    counts: dict[str, int] = defaultdict(int)
    counts[region.name.casefold()] += 1
    for peer in peers:
        counts[peer.name.casefold()] += 1
    own = region.name if counts[region.name.casefold()] == 1 else region.title
    labels = {}
    for peer in peers:
        plain = peer.kind == Region.Kind.KABUPATEN and counts[peer.name.casefold()] == 1
        labels[peer.pk] = peer.name if plain else peer_title(peer)
    return own, labels


# --- rows --------------------------------------------------------------------------------------------------------


def _mine(obj, agency: Agency | None) -> bool:
    return agency is None or obj.agency_id == agency.pk


def readiness_rows(region: Region, agency: Agency | None) -> list[list]:
    pillars = list(Pillar.objects.filter(framework_id=region.framework_id).order_by("order"))
    aspects = list(
        ReadinessAspect.objects.filter(element__framework_id=region.framework_id)
        .select_related("element")
        .order_by("element__order", "order")
    )
    scores = {
        (s.pillar_id, s.aspect_id): s
        for s in ReadinessScore.objects.filter(region=region).select_related("agency")
    }
    rows = []
    for pillar in pillars:
        for aspect in aspects:
            keys = [
                labelled(pillar.slug, pillar.name),
                labelled(aspect.element.slug, aspect.element.name),
                labelled(aspect.slug, aspect.name),
            ]
            score = scores.get((pillar.pk, aspect.pk))
            if score is None:
                rows.append(keys + [None] * (len(KESIAPAN.columns) - 3))
            elif _mine(score, agency):
                rows.append(keys + [score.score, score.narrative, score.evidence, abbreviation(score.agency)])
    return rows


def swot_rows(region: Region, agency: Agency | None) -> list[list]:
    ratings: dict[int, list[SwotRating]] = defaultdict(list)
    for rating in SwotRating.objects.filter(factor__region=region).select_related("agency"):
        ratings[rating.factor_id].append(rating)
    rows = []
    for factor, ref in factor_refs(region):
        head = [ref, labelled(factor.pillar.slug, factor.pillar.name), factor.kind, factor.text]
        weight = number(factor.weight)
        own = sorted(
            ratings[factor.pk],
            key=lambda r: (r.agency_id != factor.agency_id, *name_key(r.agency.abbreviation)),
        )
        lines = []
        if factor.agency_id is None or all(r.agency_id != factor.agency_id for r in own):
            # the factor's author did not rate it: a line without importance and rating records the author
            if agency is None or factor.agency_id == agency.pk:
                lines.append([abbreviation(factor.agency), None, None])
        for rating in own:
            if _mine(rating, agency):
                lines.append([rating.agency.abbreviation, rating.importance, rating.rating])
        for agency_cell, importance, rating_cell in lines:
            rows.append(head + [agency_cell, importance, rating_cell, weight])
    return rows


def strategy_rows(region: Region, agency: Agency | None) -> list[list]:
    refs = {factor.pk: ref for factor, ref in factor_refs(region)}
    order = {factor.pk: i for i, (factor, _) in enumerate(factor_refs(region))}
    rows = []
    for strategy, key in strategy_keys(region):
        if not _mine(strategy, agency):
            continue
        linked = sorted(strategy.factors.all(), key=lambda f: order[f.pk])
        rows.append(
            [
                key,
                labelled(strategy.pillar.slug, strategy.pillar.name),
                strategy.kind,
                strategy.text,
                ", ".join(refs[f.pk] for f in linked),
                abbreviation(strategy.agency),
            ]
        )
    return rows


def maturity_rows(region: Region, agency: Agency | None) -> list[list]:
    elements = list(
        Element.objects.filter(pillar__framework_id=region.framework_id)
        .select_related("pillar")
        .order_by("pillar__order", "order")
    )
    levels = {m.element_id: m for m in MaturityLevel.objects.filter(region=region).select_related("agency")}
    rows = []
    for element in elements:
        keys = [labelled(element.pillar.slug, element.pillar.name), labelled(element.slug, element.name)]
        level = levels.get(element.pk)
        if level is None:
            rows.append(keys + [None] * (len(KEMATANGAN.columns) - 2))
        elif _mine(level, agency):
            rows.append(keys + [level.current, level.target, level.evidence, abbreviation(level.agency)])
    return rows


def _indicators(region: Region, agency: Agency | None) -> list[Indicator]:
    indicators = [
        i
        for i in Indicator.objects.filter(region=region).select_related("pillar", "agency")
        if _mine(i, agency)
    ]
    indicators.sort(key=lambda i: (i.pillar.order, *name_key(i.code)))
    return indicators


def indicator_rows(region: Region, agency: Agency | None) -> list[list]:
    return [
        [
            i.code,
            i.name,
            i.unit,
            labelled(i.pillar.slug, i.pillar.name),
            labelled(i.direction, DIRECTION_LABELS.get(i.direction, "")),
            number(i.weight),
            i.year,
            number(i.target),
            abbreviation(i.agency),
            i.source,
        ]
        for i in _indicators(region, agency)
    ]


def value_rows(region: Region, agency: Agency | None) -> list[list]:
    peers = list(Peer.objects.filter(region=region))
    own, labels = place_labels(region, peers)
    rows = []
    for indicator in _indicators(region, agency):
        values = list(IndicatorValue.objects.filter(indicator=indicator))
        values.sort(
            key=lambda v: (
                v.peer_id is not None,
                *name_key(labels[v.peer_id] if v.peer_id else own),
                v.year,
            )
        )
        for value in values:
            place = labels[value.peer_id] if value.peer_id else own
            rows.append([indicator.code, place, value.year, number(value.value)])
    return rows


def driver_rows(region: Region, agency: Agency | None) -> list[list]:
    if agency is not None:
        return []  # drivers are the region admin's
    drivers = sorted(Driver.objects.filter(region=region), key=lambda d: name_key(d.name))
    return [
        [
            d.name,
            labelled(d.category, CATEGORY_LABELS.get(d.category, "")),
            d.impact,
            d.uncertainty,
            d.description,
        ]
        for d in drivers
    ]


def region_rows(region: Region, agency: Agency | None) -> dict[str, list[list]]:
    """The rows of the bimtek sheets (the action plan's are :func:`.workbook_actionplan.actionplan_rows`)."""
    return {
        KESIAPAN.name: readiness_rows(region, agency),
        SWOT.name: swot_rows(region, agency),
        STRATEGI.name: strategy_rows(region, agency),
        KEMATANGAN.name: maturity_rows(region, agency),
        INDIKATOR.name: indicator_rows(region, agency),
        NILAI.name: value_rows(region, agency),
        PENDORONG.name: driver_rows(region, agency),
    }


def blank_rows(catalogue) -> dict[str, list[list]]:
    """The template's rows: the 6 × 9 readiness grid and the 18 elements, keyed but empty."""
    aspects = [(r, a, n) for r, a, n in catalogue.aspects]
    readiness_names = dict(catalogue.readiness)
    kesiapan = [
        [labelled(p, pn), labelled(r, readiness_names.get(r, "")), labelled(a, an)]
        + [None] * (len(KESIAPAN.columns) - 3)
        for p, pn in catalogue.pillars
        for r, a, an in aspects
    ]
    pillar_names = dict(catalogue.pillars)
    kematangan = [
        [labelled(p, pillar_names[p]), labelled(e, en)] + [None] * (len(KEMATANGAN.columns) - 2)
        for p, e, en in catalogue.elements
    ]
    return {KESIAPAN.name: kesiapan, KEMATANGAN.name: kematangan}
