"""From the database to the method engine and back: the figures of bimtek I and II for one region.

This module only translates: it reads a region's records, builds :mod:`kotacerdas.method` dataclasses, calls the
method, and returns the results next to the records they came from. It computes nothing itself. Pages, the command
line (``kotacerdas analyze``), the workbook and the master plan document all read their figures from here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from kotacerdas.assessment.models import Driver as DriverRecord
from kotacerdas.assessment.models import (
    IgnoredPairing,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    ReadinessScore,
    Scenario,
    Strategy,
    SwotFactor,
)
from kotacerdas.framework.models import Pillar
from kotacerdas.method import MethodError, competitiveness, future, maturity, readiness, swot
from kotacerdas.method.errors import competition_ranks
from kotacerdas.regions.models import Region

SELF = "__region__"

#: Where the (pillar, element) pairs with a planned activity come from, for the maturity planning gaps
#: (method.md §4). The action plan is a later stage: it adds its answer here when its app is ready
#: (:mod:`kotacerdas.actionplan.apps`), so that this stage never imports it.
planned_sources: list[Callable[[Region], set[tuple[str, str]]]] = []


def _f(value: Decimal | float | int | None) -> float | None:
    return None if value is None else float(value)


def factor_key(factor: SwotFactor) -> str:
    return f"F{factor.pk}"


@dataclass
class FactorRow:
    """A factor as entered, its aggregated importance and rating, and its computed weight (None if unrated)."""

    record: SwotFactor
    agencies: list[str]
    importance: float | None
    rating: float | None
    weight: float | None = None

    @property
    def score(self) -> float | None:
        return None if self.weight is None or self.rating is None else self.weight * self.rating


@dataclass
class StrategyRow:
    record: Strategy
    score: float | None
    rank: int | None
    problem: str | None


@dataclass
class PairingRow:
    kind: str
    internal: SwotFactor
    external: SwotFactor
    score: float


@dataclass
class PillarAnalysis:
    pillar: Pillar
    readiness: readiness.PillarReadiness
    factors: list[FactorRow]
    unrated: list[SwotFactor]
    swot: swot.Analysis | None
    swot_problem: str | None
    strategies: list[StrategyRow]
    pairings: list[PairingRow]
    maturity: maturity.PillarMaturity
    maturity_target: float | None
    competitiveness_score: float | None
    competitiveness_rank: int | None


@dataclass
class ProjectionRow:
    indicator: Indicator
    history: list[tuple[int, float]]
    projection: future.Projection | None
    problem: str | None


@dataclass
class RegionAnalysis:
    region: Region
    settings: PlanSettings | None
    pillars: dict[str, PillarAnalysis]
    readiness: readiness.RegionReadiness
    maturity: maturity.Maturity
    maturity_problem: str | None
    maturity_records: dict[tuple[str, str], MaturityLevel]
    comparison: competitiveness.Comparison | None
    comparison_names: dict[str, str]
    comparison_indicators: list[Indicator]
    projections: list[ProjectionRow]
    drivers: list[DriverRecord]
    axes: tuple[DriverRecord, DriverRecord] | None
    axes_default: bool
    scenarios: dict[str, Scenario]
    notes: list[str] = field(default_factory=list)


def pillars_of(region: Region) -> list[Pillar]:
    return list(
        Pillar.objects.filter(framework_id=region.framework_id).prefetch_related("elements").order_by("order")
    )


def _readiness(region: Region, pillars: list[Pillar]) -> readiness.RegionReadiness:
    grid: dict[str, dict[str, int | None]] = {p.slug: {} for p in pillars}
    for row in ReadinessScore.objects.filter(region=region).select_related("pillar", "aspect"):
        grid[row.pillar.slug][row.aspect.slug] = row.score
    return readiness.assess(grid, pillars=[p.slug for p in pillars])


def _swot(
    pillar: Pillar, records: list[SwotFactor], ignored: set[tuple[int, int]], strategies: list[Strategy]
):
    rows: list[FactorRow] = []
    unrated: list[SwotFactor] = []
    method_factors: list[swot.Factor] = []
    analysed: list[FactorRow] = []
    for record in records:
        ratings = list(record.ratings.all())
        if not ratings:
            rows.append(FactorRow(record, [], None, None))
            unrated.append(record)
            continue
        combined = swot.combine(
            record.kind,
            record.text,
            [swot.AgencyRating(r.agency.abbreviation, r.rating, r.importance) for r in ratings],
            key=factor_key(record),
        )
        factor = combined
        if record.weight is not None:
            factor = swot.Factor(
                record.kind, record.text, combined.rating, weight=float(record.weight), key=combined.key
            )
        row = FactorRow(
            record, [r.agency.abbreviation for r in ratings], combined.importance, combined.rating
        )
        rows.append(row)
        analysed.append(row)
        method_factors.append(factor)

    problem = None
    analysis = None
    strategy_rows: list[StrategyRow] = []
    pairing_rows: list[PairingRow] = []
    try:
        analysis = swot.analyse(method_factors)
    except MethodError as exc:
        problem = str(exc)
    if analysis is not None:
        for row, weight in zip(analysed, analysis.weights, strict=True):
            row.weight = weight
        scores: list[float | None] = []
        problems: list[str | None] = []
        for strategy in strategies:
            keys = tuple(factor_key(f) for f in strategy.factors.all())
            try:
                scores.append(
                    swot.strategy_score(swot.Strategy(strategy.kind, strategy.text, keys), method_factors)
                )
                problems.append(None)
            except MethodError as exc:
                scores.append(None)
                problems.append(str(exc))
        ranks = competition_ranks(scores)
        strategy_rows = [
            StrategyRow(s, score, rank, prob)
            for s, score, rank, prob in zip(strategies, scores, ranks, problems, strict=True)
        ]
        strategy_rows.sort(key=lambda r: (r.rank is None, r.rank or 0))
        used = {frozenset(f.pk for f in s.factors.all()) for s in strategies}
        by_key = {factor_key(r.record): r.record for r in analysed}
        for kind, pairs in swot.suggest_pairings(method_factors, per_kind=len(method_factors) or 1).items():
            kept = 0
            for pair in pairs:
                internal, external = by_key[pair.internal], by_key[pair.external]
                if (internal.pk, external.pk) in ignored:
                    continue
                if any({internal.pk, external.pk} <= combo for combo in used):
                    continue
                pairing_rows.append(PairingRow(kind, internal, external, pair.score))
                kept += 1
                if kept == 3:
                    break
    else:
        strategy_rows = [StrategyRow(s, None, None, problem) for s in strategies]
    return rows, unrated, analysis, problem, strategy_rows, pairing_rows


def maturity_of(region: Region, pillars: list[Pillar], settings: PlanSettings | None):
    """The maturity now and at target, the records, and the problem (if any) that kept it from being computed."""
    records = {
        (m.element.pillar.slug, m.element.slug): m
        for m in MaturityLevel.objects.filter(region=region).select_related("element__pillar")
    }
    levels = [
        maturity.ElementLevel(p, e, m.current, m.target)
        for (p, e), m in records.items()
        if m.current is not None
    ]
    targets = [maturity.ElementLevel(p, e, m.target) for (p, e), m in records.items() if m.target is not None]
    elements = {p.slug: tuple(e.slug for e in p.elements.all()) for p in pillars}
    weights = (settings.maturity_weights or None) if settings else None
    planned = set().union(*(source(region) for source in planned_sources))
    problem = None
    try:
        result = maturity.assess(levels, pillar_weights=weights, planned=planned, elements=elements)
        target = maturity.assess(targets, pillar_weights=weights, elements=elements)
    except MethodError as exc:
        problem = str(exc)
        result = maturity.assess([], elements=elements)
        target = result
    return result, target, records, problem


def _competitiveness(region: Region, pillars: list[Pillar]):
    peers = list(Peer.objects.filter(region=region).order_by("order", "name"))
    indicators = [
        i for i in Indicator.objects.filter(region=region).select_related("pillar") if i.year is not None
    ]
    names = {SELF: region.name, **{f"P{p.pk}": p.name for p in peers}}
    if not peers or not indicators:
        return None, names, []
    values: dict[str, dict[str, float | None]] = defaultdict(dict)
    for value in IndicatorValue.objects.filter(indicator__in=indicators).select_related("indicator"):
        if value.year != value.indicator.year:
            continue
        key = SELF if value.peer_id is None else f"P{value.peer_id}"
        values[value.indicator.code][key] = float(value.value)
    used = [i for i in indicators if values.get(i.code)]
    if not used:
        return None, names, []
    method_indicators = [
        competitiveness.Indicator(
            i.code, i.name, i.pillar.slug, i.direction, float(i.weight), i.unit, i.year, i.source
        )
        for i in used
    ]
    comparison = competitiveness.compare(
        list(names), method_indicators, {i.code: values[i.code] for i in used}
    )
    return comparison, names, used


def _projections(region: Region, settings: PlanSettings | None) -> tuple[list[ProjectionRow], list[str]]:
    rows: list[ProjectionRow] = []
    notes: list[str] = []
    horizon = settings.horizon_year if settings else None
    own = defaultdict(list)
    for value in IndicatorValue.objects.filter(region=region, peer__isnull=True).order_by("year"):
        own[value.indicator_id].append((value.year, float(value.value)))
    for indicator in Indicator.objects.filter(region=region).select_related("pillar"):
        history = own.get(indicator.pk, [])
        if len(history) < 2:
            continue
        if horizon is None:
            rows.append(ProjectionRow(indicator, history, None, "tahun cakrawala belum ditetapkan"))
            continue
        try:
            projection = future.project(history, horizon, _f(indicator.target), indicator.direction)
            rows.append(ProjectionRow(indicator, history, projection, None))
        except MethodError as exc:
            rows.append(ProjectionRow(indicator, history, None, str(exc)))
    if horizon is None:
        notes.append("Tahun cakrawala masterplan belum ditetapkan: proyeksi tren belum dapat dihitung.")
    return rows, notes


def _drivers(region: Region, settings: PlanSettings | None):
    records = list(DriverRecord.objects.filter(region=region).order_by("pk"))
    method_drivers = [future.Driver(d.name, d.category, d.impact, d.uncertainty) for d in records]
    by_name = {d.name: d for d in records}
    ranked = [by_name[d.name] for d in future.rank_drivers(method_drivers)]
    axes = None
    default = True
    if settings and settings.axis_x_id and settings.axis_y_id:
        axes, default = (settings.axis_x, settings.axis_y), False
    elif len(method_drivers) >= 2:
        first, second = future.default_axes(method_drivers)
        axes = (by_name[first.name], by_name[second.name])
    return ranked, axes, default


def analyse_region(region: Region) -> RegionAnalysis:
    """Every figure of bimtek I and II for ``region``, computed by the method engine."""
    pillars = pillars_of(region)
    settings = PlanSettings.objects.filter(region=region).select_related("axis_x", "axis_y").first()
    ready = _readiness(region, pillars)
    mat, mat_target, mat_records, mat_problem = maturity_of(region, pillars, settings)
    comparison, names, comparison_indicators = _competitiveness(region, pillars)

    factors_by_pillar: dict[int, list[SwotFactor]] = defaultdict(list)
    for f in (
        SwotFactor.objects.filter(region=region)
        .prefetch_related("ratings__agency")
        .select_related("agency")
        .order_by("kind", "order", "pk")
    ):
        factors_by_pillar[f.pillar_id].append(f)
    strategies_by_pillar: dict[int, list[Strategy]] = defaultdict(list)
    for s in (
        Strategy.objects.filter(region=region).prefetch_related("factors").order_by("kind", "code", "pk")
    ):
        strategies_by_pillar[s.pillar_id].append(s)
    ignored = set(IgnoredPairing.objects.filter(region=region).values_list("internal_id", "external_id"))

    pillar_ranks: dict[str, int | None] = {}
    if comparison is not None:
        for p in pillars:
            keys = list(comparison.regions)
            ranks = competition_ranks(comparison.regions[k].pillars.get(p.slug) for k in keys)
            pillar_ranks[p.slug] = ranks[keys.index(SELF)]

    results: dict[str, PillarAnalysis] = {}
    for p in pillars:
        rows, unrated, analysis, problem, strategy_rows, pairing_rows = _swot(
            p, factors_by_pillar.get(p.pk, []), ignored, strategies_by_pillar.get(p.pk, [])
        )
        own = comparison.regions[SELF] if comparison is not None else None
        results[p.slug] = PillarAnalysis(
            pillar=p,
            readiness=ready.pillars[p.slug],
            factors=rows,
            unrated=unrated,
            swot=analysis,
            swot_problem=problem,
            strategies=strategy_rows,
            pairings=pairing_rows,
            maturity=mat.pillars[p.slug],
            maturity_target=mat_target.pillars[p.slug].index,
            competitiveness_score=own.pillars.get(p.slug) if own is not None else None,
            competitiveness_rank=pillar_ranks.get(p.slug),
        )
    projections, notes = _projections(region, settings)
    drivers, axes, axes_default = _drivers(region, settings)
    scenarios = {
        s.cell: s for s in Scenario.objects.filter(region=region).prefetch_related("implications__pillar")
    }
    return RegionAnalysis(
        region=region,
        settings=settings,
        pillars=results,
        readiness=ready,
        maturity=mat,
        maturity_problem=mat_problem,
        maturity_records=mat_records,
        comparison=comparison,
        comparison_names=names,
        comparison_indicators=comparison_indicators,
        projections=projections,
        drivers=drivers,
        axes=axes,
        axes_default=axes_default,
        scenarios=scenarios,
        notes=notes,
    )


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


SWOT_KEYS = ("s", "w", "o", "t", "x", "y", "quadrant", "ife", "efe", "ie_cell")


def to_json(result: RegionAnalysis) -> dict:
    """The document of ``kotacerdas analyze REGION --json`` (a public contract: keys as in issue 4, null = no data)."""
    pillars = {}
    for slug, p in result.pillars.items():
        a = p.swot
        swot_values = {key: None for key in SWOT_KEYS}
        if a is not None:
            swot_values = {key: getattr(a, key) for key in SWOT_KEYS}
            swot_values = {k: (_r(v) if isinstance(v, float) else v) for k, v in swot_values.items()}
        pillars[slug] = {
            "readiness": _r(p.readiness.score),
            "swot": swot_values,
            "maturity": {
                "index": _r(p.maturity.index),
                "predicate": p.maturity.predicate,
                "target": _r(p.maturity_target),
            },
            "competitiveness": {"score": _r(p.competitiveness_score), "rank": p.competitiveness_rank},
        }
    return {
        "region": result.region.slug,
        "readiness": _r(result.readiness.score),
        "maturity_index": _r(result.maturity.index),
        "pillars": pillars,
    }
