"""The sections of bimtek I and II (method.md §2–§6): readiness, SWOT and TOWS, maturity, competitiveness, the future.

Keys, in the order of the file and of writing: ``readiness``, ``swot``, ``strategies``, ``ignored_pairings``,
``maturity``, ``peers``, ``indicators``, ``drivers``, ``scenarios``, ``plan``. All are optional, so files written
before these stages still import; an export always writes them (``[]`` or, for ``plan``, ``null`` when empty).
``plan`` comes last because its scenario axes name drivers.

References use readable names: pillars, elements and readiness aspects by slug (method.md §1–§2), agencies by
abbreviation, SWOT factors by their ``ref``, peers by name, drivers by name.

Stable order of every list (so that export → import → export is identical):

- ``readiness``: pillar, readiness element, aspect (the framework's order);
- ``swot``: pillar, kind (S, W, O, T), then the order of the list the factors came from; ``ref`` is written as
  ``<pillar>-<kind><n>`` (``governance-S1``), numbered in that order; ``ratings`` by agency abbreviation;
- ``strategies``: pillar, kind (SO, ST, WO, WT), code, then list order; ``factors`` in the order of ``swot``;
- ``ignored_pairings``: in the order of ``swot`` (internal, then external factor);
- ``maturity``: pillar, element;
- ``peers``: the order of the list they came from, then name;
- ``indicators``: pillar, code; ``values``: the region's own first, then peers in the order of ``peers``, then year;
- ``drivers``: name; ``scenarios``: cell (high_high, high_low, low_high, low_low); ``implications`` by pillar.

Decimal fields are JSON numbers that round-trip exactly: whole values as integers (``162222``), others as the
shortest float that gives the same decimal back (``4.99``).
"""

from __future__ import annotations

import copy
import difflib
from typing import Any

from kotacerdas.assessment.models import (
    Driver,
    IgnoredPairing,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    ReadinessScore,
    Scenario,
    ScenarioImplication,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.framework.models import Element, Framework, Pillar, ReadinessAspect
from kotacerdas.framework.reference import DEFAULT_FRAMEWORK
from kotacerdas.interchange.problems import Path
from kotacerdas.interchange.sections import (
    CheckContext,
    Section,
    WriteContext,
    abbreviation,
    assign,
    entries,
    name_key,
    number,
    plain,
    rank,
    to_decimal,
    values,
)
from kotacerdas.regions.models import Region

SOURCED = ("source", "illustrative")
AGENCY = "perangkat daerah / agency"


def _unknown(ctx: CheckContext, path: Path, problem: str, value: str, known: list[str]) -> None:
    """Report ``problem`` (what is wrong with ``value``) with the closest known name and the known names."""
    close = difflib.get_close_matches(value, known, n=1)
    hint = f"; maksud Anda / did you mean {close[0]!r}?" if close else ""
    ctx.report(path, f"{problem}{hint}; yang dikenal / known: {', '.join(known)}")


# --- the framework's reference data ------------------------------------------------------------------------------


class Reference:
    """Pillars, elements and readiness aspects of one framework version, by slug."""

    def __init__(self, framework: Framework | None):
        self.framework = framework
        self.known = framework is not None
        pillars = Pillar.objects.filter(framework=framework) if framework else Pillar.objects.none()
        self.pillars: dict[str, Pillar] = {p.slug: p for p in sorted(pillars, key=lambda p: p.order)}
        elements = Element.objects.filter(pillar__framework=framework).select_related("pillar")
        self.elements: dict[tuple[str, str], Element] = {
            (e.pillar.slug, e.slug): e for e in sorted(elements, key=lambda e: (e.pillar.order, e.order))
        }
        aspects = ReadinessAspect.objects.filter(element__framework=framework).select_related("element")
        self.aspects: dict[tuple[str, str], ReadinessAspect] = {
            (a.element.slug, a.slug): a for a in sorted(aspects, key=lambda a: (a.element.order, a.order))
        }
        self.readiness_elements = list(dict.fromkeys(element for element, _ in self.aspects))

    # checks: each returns the referred object (or None) and reports what is unknown

    def pillar(self, ctx: CheckContext, path: Path, value: Any) -> Pillar | None:
        if not self.known or not isinstance(value, str):
            return None
        pillar = self.pillars.get(value)
        if pillar is None and ctx.well_formed(path):
            _unknown(
                ctx, path, f"pilar / pillar {value!r} tidak dikenal / is unknown", value, list(self.pillars)
            )
        return pillar

    def element(self, ctx: CheckContext, path: Path, pillar: Any, value: Any) -> Element | None:
        if not self.known or not isinstance(value, str) or pillar not in self.pillars:
            return None
        element = self.elements.get((pillar, value))
        if element is None and ctx.well_formed(path):
            known = [slug for p, slug in self.elements if p == pillar]
            problem = (
                f"elemen / element {value!r} bukan elemen pilar / is not an element of pillar {pillar!r}"
            )
            _unknown(ctx, path, problem, value, known)
        return element

    def aspect(self, ctx: CheckContext, path: Path, element: Any, value: Any) -> ReadinessAspect | None:
        if not self.known or not isinstance(element, str) or not isinstance(value, str):
            return None
        if element not in self.readiness_elements:
            if ctx.well_formed(path[:-1] + ("element",)):
                problem = f"elemen kesiapan / readiness element {element!r} tidak dikenal / is unknown"
                _unknown(ctx, path[:-1] + ("element",), problem, element, self.readiness_elements)
            return None
        aspect = self.aspects.get((element, value))
        if aspect is None and ctx.well_formed(path):
            known = [slug for e, slug in self.aspects if e == element]
            problem = (
                f"aspek / aspect {value!r} bukan aspek elemen kesiapan / is not an aspect of readiness "
                f"element {element!r}"
            )
            _unknown(ctx, path, problem, value, known)
        return aspect


def reference(ctx: CheckContext | WriteContext) -> Reference:
    """The reference data of the region's framework, looked up once per check or write."""
    cached = getattr(ctx, "_assessment_reference", None)
    if cached is None:
        if ctx.region is not None:
            framework = ctx.region.framework
        else:
            region = ctx.document.get("region")
            slug = region.get("framework", DEFAULT_FRAMEWORK) if isinstance(region, dict) else None
            framework = Framework.objects.filter(slug=slug).first() if isinstance(slug, str) else None
        cached = Reference(framework)
        ctx._assessment_reference = cached
    return cached


def _check_agency(ctx: CheckContext, path: Path, item: dict) -> None:
    ctx.check_reference(path + ("agency",), item.get("agency"), "agencies", AGENCY)


# --- readiness (§2) ----------------------------------------------------------------------------------------------


class ReadinessSection(Section):
    """``readiness``: the cells of each pillar's 3 × 3 readiness grid (pillar × readiness element × aspect)."""

    key = "readiness"
    required = False
    MESSAGES = {"duplicate": "sel kesiapan / readiness cell {value} sudah ada di / is already at {at}"}
    FIELDS = ("pillar", "element", "aspect", "score", "narrative", "evidence", "agency", *SOURCED)
    PLAIN = ("score", "narrative", "evidence", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            ReadinessScore.objects.filter(region=region).select_related(
                "pillar", "aspect__element", "agency"
            ),
            key=lambda r: (r.pillar.order, r.aspect.element.order, r.aspect.order, r.pk),
        )
        result = []
        for row in rows:
            data = plain(row, self.PLAIN)
            data.update(
                pillar=row.pillar.slug,
                element=row.aspect.element.slug,
                aspect=row.aspect.slug,
                agency=abbreviation(row.agency),
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    @staticmethod
    def existing(region: Region | None) -> dict[tuple[str, str, str], ReadinessScore]:
        scores = ReadinessScore.objects.filter(region=region).select_related(
            "pillar", "aspect__element", "agency"
        )
        return {(s.pillar.slug, s.aspect.element.slug, s.aspect.slug): s for s in scores} if region else {}

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        seen: dict[tuple, Path] = {}
        for i, item in entries(data):
            path = (self.key, i)
            ref.pillar(ctx, path + ("pillar",), item.get("pillar"))
            ref.aspect(ctx, path + ("aspect",), item.get("element"), item.get("aspect"))
            _check_agency(ctx, path, item)
            for field in ("pillar", "aspect"):
                if item.get(field) is None:
                    ctx.missing(self, path + (field,))
            key = tuple(item.get(field) for field in ("pillar", "element", "aspect"))
            if not all(isinstance(v, str) for v in key) or not all(
                ctx.well_formed(path + (field,)) for field in ("pillar", "aspect")
            ):
                continue
            if key in seen:
                ctx.problem(
                    self,
                    "duplicate",
                    path + ("aspect",),
                    value=" · ".join(key),
                    other=seen[key],
                    pillar=key[0],
                    aspect=key[2],
                )
                continue
            seen[key] = path
            stored = existing.get(key)
            if not ctx.may_bring_in(self, path, ReadinessScore, stored, item):
                continue
            score = copy.copy(stored) if stored is not None else ReadinessScore()
            ctx.validate_model(
                assign(score, item, self.PLAIN), path, exclude=["region", "pillar", "aspect", "agency"]
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        for item in data:
            key = (item["pillar"], item["element"], item["aspect"])
            score = existing.get(key) or ReadinessScore(
                region=ctx.region, pillar=ref.pillars[key[0]], aspect=ref.aspects[key[1:]]
            )
            related = {"agency": ctx.ref("agencies", item["agency"])} if "agency" in item else {}
            ctx.upsert(self.key, score, item, self.PLAIN, **related)


# --- SWOT and TOWS (§3) -------------------------------------------------------------------------------------------


def ordered_factors(region: Region) -> list[SwotFactor]:
    """The region's SWOT factors in the order of the file and of the workbook's ``SWOT`` sheet: pillar, kind
    (S, W, O, T), ``order``, then creation."""
    by_kind = rank(SwotFactor.Kind)
    factors = SwotFactor.objects.filter(region=region).select_related("pillar", "agency")
    return sorted(factors, key=lambda f: (f.pillar.order, by_kind(f.kind), f.order, f.pk))


def factor_refs(region: Region) -> dict[int, tuple[int, str]]:
    """``{factor pk: (position in the file, ref)}``: each factor's stored ref (never renumbered)."""
    return {factor.pk: (position, factor.ref) for position, factor in enumerate(ordered_factors(region))}


def _factor(ctx: CheckContext, ref: Any) -> dict | None:
    """The ``swot`` item that ``ref`` names (the first one, if repeated), or None."""
    path = ctx.keys.get("swot", {}).get(ref) if isinstance(ref, str) else None
    return ctx.document["swot"][path[1]] if path else None


class SwotSection(Section):
    """``swot``: the factors of every pillar, each with the ratings of the agencies that rated it."""

    key = "swot"
    required = False
    FIELDS = ("ref", "pillar", "kind", "text", "weight", "agency", "ratings", *SOURCED)
    PLAIN = ("kind", "text", *SOURCED)
    RATING_FIELDS = ("agency", "importance", "rating", *SOURCED)
    RATING_PLAIN = ("importance", "rating", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        refs = factor_refs(region)
        factors = SwotFactor.objects.filter(region=region).select_related("pillar", "agency")
        ratings: dict[int, list[SwotRating]] = {}
        for rating in SwotRating.objects.filter(factor__region=region).select_related("agency"):
            ratings.setdefault(rating.factor_id, []).append(rating)
        result = []
        for factor in sorted(factors, key=lambda f: refs[f.pk][0]):
            data = plain(factor, self.PLAIN)
            data.update(
                ref=refs[factor.pk][1],
                pillar=factor.pillar.slug,
                weight=number(factor.weight),
                agency=abbreviation(factor.agency),
                ratings=[
                    self._export_rating(r)
                    for r in sorted(ratings.get(factor.pk, []), key=lambda r: name_key(r.agency.abbreviation))
                ],
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def _export_rating(self, rating: SwotRating) -> dict:
        data = plain(rating, self.RATING_PLAIN)
        data["agency"] = rating.agency.abbreviation
        return {name: data[name] for name in self.RATING_FIELDS}

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("swot", (((self.key, i), item.get("ref")) for i, item in entries(data)))

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        items = entries(data)
        ctx.check_unique((self.key,), items, "ref", "rujukan faktor / factor ref")
        for i, item in items:
            path = (self.key, i)
            ref.pillar(ctx, path + ("pillar",), item.get("pillar"))
            _check_agency(ctx, path, item)
            factor = SwotFactor(**values(SwotFactor, item, self.PLAIN))
            factor.weight = to_decimal(item.get("weight"))
            ctx.validate_model(factor, path, exclude=["region", "pillar", "agency", "order"])
            ratings = entries(item.get("ratings"))
            ctx.check_unique(path + ("ratings",), ratings, "agency", AGENCY)
            for j, rating in ratings:
                rating_path = path + ("ratings", j)
                if not ctx.has_problem(rating_path + ("agency",)):
                    ctx.check_reference(rating_path + ("agency",), rating.get("agency"), "agencies", AGENCY)
                ctx.validate_model(
                    SwotRating(**values(SwotRating, rating, self.RATING_PLAIN)),
                    rating_path,
                    exclude=["region", "factor", "agency"],
                )

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        factors = ctx.refs.setdefault("swot", {})
        counts: dict[tuple[str, str], int] = {}
        for item in data:
            group = (item["pillar"], item["kind"])
            counts[group] = counts.get(group, 0) + 1
            factor = SwotFactor(
                region=ctx.region,
                pillar=ref.pillars[item["pillar"]],
                agency=ctx.ref("agencies", item.get("agency")),
                weight=to_decimal(item.get("weight")),
                order=counts[group],
                ref=item["ref"],
                **values(SwotFactor, item, self.PLAIN),
            )
            factors[item["ref"]] = ctx.save(factor)
            for rating in item.get("ratings", []):
                ctx.save(
                    SwotRating(
                        region=ctx.region,
                        factor=factor,
                        agency=ctx.ref("agencies", rating["agency"]),
                        **values(SwotRating, rating, self.RATING_PLAIN),
                    )
                )


KIND_NAMES = {"S": "kekuatan / strength", "W": "kelemahan / weakness", "O": "peluang / opportunity"}
KIND_NAMES["T"] = "ancaman / threat"


class StrategiesSection(Section):
    """``strategies``: TOWS strategies; ``factors`` lists the ``ref`` of the factors each one combines."""

    key = "strategies"
    required = False
    FIELDS = ("pillar", "kind", "code", "text", "agency", "factors", *SOURCED)
    PLAIN = ("kind", "code", "text", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        refs = factor_refs(region)
        by_kind = rank(Strategy.Kind)
        rows = sorted(
            Strategy.objects.filter(region=region)
            .select_related("pillar", "agency")
            .prefetch_related("factors"),
            key=lambda s: (s.pillar.order, by_kind(s.kind), name_key(s.code), s.pk),
        )
        result = []
        for strategy in rows:
            data = plain(strategy, self.PLAIN)
            data.update(
                pillar=strategy.pillar.slug,
                agency=abbreviation(strategy.agency),
                factors=[refs[f.pk][1] for f in sorted(strategy.factors.all(), key=lambda f: refs[f.pk][0])],
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        for i, item in entries(data):
            path = (self.key, i)
            ref.pillar(ctx, path + ("pillar",), item.get("pillar"))
            _check_agency(ctx, path, item)
            ctx.validate_model(
                Strategy(**values(Strategy, item, self.PLAIN)), path, exclude=["region", "pillar", "agency"]
            )
            factors = item.get("factors")
            if not isinstance(factors, list):
                continue
            kind, pillar = item.get("kind"), item.get("pillar")
            for j, factor_ref in enumerate(factors):
                where = path + ("factors", j)
                if not isinstance(factor_ref, str) or not ctx.well_formed(where):
                    continue
                ctx.check_reference(where, factor_ref, "swot", "faktor / factor")
                factor = _factor(ctx, factor_ref)
                if factor is None:
                    continue
                other_pillar, other_kind = factor.get("pillar"), factor.get("kind")
                if isinstance(pillar, str) and isinstance(other_pillar, str) and other_pillar != pillar:
                    ctx.report(
                        where,
                        f"faktor {factor_ref!r} milik pilar {factor.get('pillar')!r}, bukan {pillar!r} / factor "
                        f"{factor_ref!r} belongs to pillar {factor.get('pillar')!r}, not {pillar!r}",
                    )
                elif (
                    kind in Strategy.Kind.values
                    and other_kind in SwotFactor.Kind.values
                    and other_kind not in kind
                ):
                    ctx.report(
                        where,
                        f"faktor {factor_ref!r} berjenis {factor.get('kind')}; strategi {kind} hanya menggabungkan "
                        f"{KIND_NAMES[kind[0]].split(' / ')[0]} ({kind[0]}) dan {KIND_NAMES[kind[1]].split(' / ')[0]} "
                        f"({kind[1]}) / factor {factor_ref!r} is of kind {factor.get('kind')}; a {kind} strategy "
                        f"combines only {kind[0]} and {kind[1]} factors",
                    )

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        for item in data:
            strategy = ctx.save(
                Strategy(
                    region=ctx.region,
                    pillar=ref.pillars[item["pillar"]],
                    agency=ctx.ref("agencies", item.get("agency")),
                    **values(Strategy, item, self.PLAIN),
                )
            )
            strategy.factors.set([ctx.refs["swot"][r] for r in item.get("factors", [])])


class IgnoredPairingsSection(Section):
    """``ignored_pairings``: pairing suggestions a person ignored: an internal (S/W) and an external (O/T) factor
    of one pillar, by ``ref``."""

    key = "ignored_pairings"
    required = False
    FIELDS = ("internal", "external", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        refs = factor_refs(region)
        rows = sorted(
            IgnoredPairing.objects.filter(region=region),
            key=lambda p: (refs[p.internal_id][0], refs[p.external_id][0], p.pk),
        )
        return [
            {
                "internal": refs[p.internal_id][1],
                "external": refs[p.external_id][1],
                "source": p.source,
                "illustrative": p.illustrative,
            }
            for p in rows
        ]

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("internal", "external"), "pasangan / pairing")
        for i, item in items:
            path = (self.key, i)
            found = {}
            for field, kinds, what in (
                ("internal", "SW", "internal (S/W)"),
                ("external", "OT", "eksternal / external (O/T)"),
            ):
                value = item.get(field)
                if not isinstance(value, str) or not ctx.well_formed(path + (field,)):
                    continue
                ctx.check_reference(path + (field,), value, "swot", "faktor / factor")
                factor = _factor(ctx, value)
                if factor is None:
                    continue
                found[field] = factor
                if factor.get("kind") in tuple("SWOT") and factor.get("kind") not in kinds:
                    ctx.report(
                        path + (field,),
                        f"faktor {value!r} berjenis {factor.get('kind')}, bukan faktor {what} / factor {value!r} "
                        f"is of kind {factor.get('kind')}, not an {what.split(' / ')[-1]} factor",
                    )
            if len(found) == 2 and found["internal"].get("pillar") != found["external"].get("pillar"):
                ctx.report(
                    path + ("external",),
                    "kedua faktor harus dari pilar yang sama / both factors must belong to the same pillar",
                )

    def write(self, data: list, ctx: WriteContext) -> None:
        factors = ctx.refs["swot"]
        for item in data:
            ctx.save(
                IgnoredPairing(
                    region=ctx.region,
                    internal=factors[item["internal"]],
                    external=factors[item["external"]],
                    **values(IgnoredPairing, item, SOURCED),
                )
            )


# --- maturity (§4) ------------------------------------------------------------------------------------------------


class MaturitySection(Section):
    """``maturity``: the current and target level of each element (pillar and element by slug)."""

    key = "maturity"
    required = False
    MESSAGES = {"duplicate": "elemen / element {value} sudah ada di / is already at {at}"}
    FIELDS = ("pillar", "element", "current", "target", "evidence", "agency", *SOURCED)
    PLAIN = ("current", "target", "evidence", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            MaturityLevel.objects.filter(region=region).select_related("element__pillar", "agency"),
            key=lambda m: (m.element.pillar.order, m.element.order, m.pk),
        )
        result = []
        for row in rows:
            data = plain(row, self.PLAIN)
            data.update(
                pillar=row.element.pillar.slug, element=row.element.slug, agency=abbreviation(row.agency)
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    @staticmethod
    def existing(region: Region | None) -> dict[tuple[str, str], MaturityLevel]:
        levels = MaturityLevel.objects.filter(region=region).select_related("element__pillar", "agency")
        return {(m.element.pillar.slug, m.element.slug): m for m in levels} if region else {}

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        seen: dict[tuple, Path] = {}
        for i, item in entries(data):
            path = (self.key, i)
            pillar, element = item.get("pillar"), item.get("element")
            if ref.pillar(ctx, path + ("pillar",), pillar) is not None:
                ref.element(ctx, path + ("element",), pillar, element)
            _check_agency(ctx, path, item)
            if not isinstance(element, str):
                ctx.missing(self, path + ("element",))
            if not ctx.well_formed(path + ("element",)) or not isinstance(pillar, str):
                continue
            if (pillar, element) in seen:
                shown = f"{pillar} · {element}"
                ctx.problem(
                    self,
                    "duplicate",
                    path + ("element",),
                    value=shown,
                    element=element,
                    other=seen[(pillar, element)],
                )
                continue
            seen[(pillar, element)] = path
            stored = existing.get((pillar, element))
            if not ctx.may_bring_in(self, path, MaturityLevel, stored, item):
                continue
            level = copy.copy(stored) if stored is not None else MaturityLevel()
            ctx.validate_model(assign(level, item, self.PLAIN), path, exclude=["region", "element", "agency"])

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        for item in data:
            key = (item["pillar"], item["element"])
            level = existing.get(key) or MaturityLevel(region=ctx.region, element=ref.elements[key])
            related = {"agency": ctx.ref("agencies", item["agency"])} if "agency" in item else {}
            ctx.upsert(self.key, level, item, self.PLAIN, **related)


# --- competitiveness (§5) and the future (§6) ---------------------------------------------------------------------


def peer_names(peers) -> dict[Any, str]:
    """How ``indicators[].values[].peer`` names each peer: its name, or ``"name (kind)"`` when two peers of
    different kinds share the name (Kabupaten and Kota Bogor). ``peers`` are Peer rows or file items."""
    counts: dict[str, int] = {}
    for peer in peers:
        name = peer.name if isinstance(peer, Peer) else peer.get("name")
        counts[name] = counts.get(name, 0) + 1
    result = {}
    for peer in peers:
        name, kind = (
            (peer.name, peer.kind) if isinstance(peer, Peer) else (peer.get("name"), peer.get("kind"))
        )
        result[id(peer)] = name if counts[name] == 1 else f"{name} ({kind})"
    return result


class PeersSection(Section):
    """``peers``: the regions compared with this one (light profiles), in the order of the list."""

    key = "peers"
    required = False
    FIELDS = ("name", "kind", "province", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(Peer.objects.filter(region=region), key=lambda p: (p.order, name_key(p.name), p.pk))
        return [plain(p, self.FIELDS) for p in rows]

    def collect(self, data: Any, ctx: CheckContext) -> None:
        items = [item for _, item in entries(data) if isinstance(item.get("name"), str)]
        names = peer_names(items)
        paths = {id(item): (self.key, i) for i, item in entries(data)}
        ctx.register("peers", ((paths[id(item)], names[id(item)]) for item in items))
        shared = ctx.keys.setdefault("peers (shared names)", {})
        for item in items:
            if names[id(item)] != item["name"]:
                shared.setdefault(item["name"], []).append(names[id(item)])

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("name", "kind"), "daerah pembanding / peer")
        for i, item in items:
            ctx.validate_model(Peer(**values(Peer, item, self.FIELDS)), (self.key, i), exclude=["region"])

    def write(self, data: list, ctx: WriteContext) -> None:
        """Create the peers after those the region has (a workbook brings in only new ones)."""
        names = peer_names(data)
        refs = ctx.refs.setdefault("peers", {})
        start = max((p.order for p in Peer.objects.filter(region=ctx.region)), default=0)
        for order, item in enumerate(data, start=start + 1):
            peer = ctx.upsert(self.key, Peer(region=ctx.region, order=order), item, self.FIELDS)
            refs[names[id(item)]] = peer
            for alias in (
                item["name"],
                f"{item['name']} ({peer.kind})",
            ):  # how a workbook may name a new peer
                refs.setdefault(alias, peer)


class IndicatorsSection(Section):
    """``indicators``: the indicator catalogue, each with its ``values`` for the region itself (``peer`` null)
    and for its peers, by year."""

    key = "indicators"
    required = False
    FIELDS = (
        "code",
        "name",
        "unit",
        "pillar",
        "direction",
        "weight",
        "year",
        "target",
        "agency",
        "values",
        *SOURCED,
    )
    PLAIN = ("code", "name", "unit", "direction", "year", *SOURCED)
    #: What an import sets on an indicator (its code is its natural key and stays as stored).
    UPDATED = ("name", "unit", "direction", "weight", "year", "target", *SOURCED)
    MESSAGES = {
        "duplicate": "kode indikator / indicator code {value!r} sudah dipakai di / is already used at {at}",
        "duplicate_value": "nilai / value {value} sudah ada di / is already at {at}",
        "not_yours_under": "Anda hanya boleh mengisi baris {mine} / you may only enter rows of {mine}",
    }
    VALUE_FIELDS = ("peer", "year", "value", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        peers = sorted(Peer.objects.filter(region=region), key=lambda p: (p.order, name_key(p.name), p.pk))
        names = peer_names(peers)
        position = {p.pk: (i, names[id(p)]) for i, p in enumerate(peers)}
        by_indicator: dict[int, list[IndicatorValue]] = {}
        for value in IndicatorValue.objects.filter(indicator__region=region):
            by_indicator.setdefault(value.indicator_id, []).append(value)
        rows = sorted(
            Indicator.objects.filter(region=region).select_related("pillar", "agency"),
            key=lambda x: (x.pillar.order, name_key(x.code), x.pk),
        )
        result = []
        for indicator in rows:
            data = plain(indicator, self.PLAIN)
            own = sorted(
                by_indicator.get(indicator.pk, []),
                key=lambda v: (-1 if v.peer_id is None else position[v.peer_id][0], v.year, v.pk),
            )
            data.update(
                pillar=indicator.pillar.slug,
                weight=number(indicator.weight),
                target=number(indicator.target),
                agency=abbreviation(indicator.agency),
                values=[
                    {
                        "peer": None if v.peer_id is None else position[v.peer_id][1],
                        "year": v.year,
                        "value": number(v.value),
                        "source": v.source,
                        "illustrative": v.illustrative,
                    }
                    for v in own
                ],
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    @staticmethod
    def existing(region: Region | None) -> dict[str, Indicator]:
        indicators = Indicator.objects.filter(region=region).select_related("pillar", "agency")
        return {i.code.casefold(): i for i in indicators} if region else {}

    @staticmethod
    def stored_values(region: Region | None) -> dict[tuple, IndicatorValue]:
        """The region's values by (indicator code in any case, peer as a file names it or None, year)."""
        if region is None:
            return {}
        stored_peers = list(Peer.objects.filter(region=region))
        names = peer_names(stored_peers)
        peers = {p.pk: names[id(p)] for p in stored_peers}
        return {
            (v.indicator.code.casefold(), peers.get(v.peer_id), v.year): v
            for v in IndicatorValue.objects.filter(indicator__region=region).select_related("indicator")
        }

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        stored_values = self.stored_values(ctx.region)
        seen: dict[str, Path] = {}
        for i, item in entries(data):
            path = (self.key, i)
            code = item.get("code")
            if not isinstance(code, str):
                ctx.missing(self, path + ("code",))
                continue
            if code.casefold() in seen:
                ctx.problem(self, "duplicate", path + ("code",), value=code, other=seen[code.casefold()])
                continue
            seen[code.casefold()] = path
            stored = existing.get(code.casefold())
            if stored is None or "pillar" in item:
                if item.get("pillar") is None:
                    ctx.missing(self, path + ("pillar",))
                    continue
                ref.pillar(ctx, path + ("pillar",), item.get("pillar"))
            if stored is None and item.get("name") is None:
                ctx.missing(self, path + ("name",))
            _check_agency(ctx, path, item)
            if set(item) - {"code", "values"} and ctx.may_bring_in(self, path, Indicator, stored, item):
                indicator = copy.copy(stored) if stored is not None else Indicator(code=code)
                assign(indicator, item, self.UPDATED)
                ctx.validate_model(indicator, path, exclude=["region", "pillar", "agency"])
            owner = item["agency"] if "agency" in item else abbreviation(stored.agency if stored else None)
            self._check_values(ctx, path, code, owner, entries(item.get("values")), stored_values)

    def _check_values(self, ctx: CheckContext, path: Path, code: str, owner, rows, stored_values) -> None:
        seen: dict[tuple, Path] = {}
        shared = ctx.keys.get("peers (shared names)", {})
        for j, row in rows:
            row_path = path + ("values", j)
            peer, year = row.get("peer"), row.get("year")
            if isinstance(peer, str) and peer in shared:
                options = " / ".join(repr(name) for name in shared[peer])
                ctx.report(
                    row_path + ("peer",),
                    f"ada beberapa daerah pembanding bernama {peer!r}; tulis {options} / several peers are "
                    f"named {peer!r}; write {options}",
                )
            else:
                ctx.check_reference(row_path + ("peer",), peer, "peers", "daerah pembanding / peer")
            if all(v is None or (isinstance(v, str | int) and not isinstance(v, bool)) for v in (peer, year)):
                if (peer, year) in seen:
                    shown = " · ".join("-" if v is None else str(v) for v in (peer, year))
                    ctx.problem(
                        self, "duplicate_value", row_path + ("year",), value=shown, other=seen[(peer, year)]
                    )
                    continue
                seen[(peer, year)] = row_path
            hashable = all(isinstance(v, str | int | None) for v in (peer, year))
            stored = stored_values.get((code.casefold(), peer, year)) if hashable else None
            where = row_path + ("indicator",)
            if not ctx.may_bring_in_under(self, where, IndicatorValue, stored, owner, code=code):
                continue
            value = IndicatorValue(year=year, value=to_decimal(row.get("value")))
            value.source, value.illustrative = row.get("source", ""), row.get("illustrative", False)
            ctx.validate_model(value, row_path, exclude=["region", "indicator", "peer"])

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        existing = self.existing(ctx.region)
        stored_values = self.stored_values(ctx.region)
        peers = ctx.refs.get("peers", {})
        for item in data:
            indicator = existing.get(item["code"].casefold())
            if indicator is None or set(item) - {"code", "values"}:
                related = {"pillar": ref.pillars[item["pillar"]]} if "pillar" in item else {}
                if "agency" in item:
                    related["agency"] = ctx.ref("agencies", item["agency"])
                new = indicator is None
                indicator = Indicator(region=ctx.region, code=item["code"]) if new else indicator
                ctx.upsert(self.key, indicator, item, self.UPDATED, **related)
            for row in item.get("values", []):
                value = stored_values.get((item["code"].casefold(), row.get("peer"), row["year"]))
                if value is None:
                    peer = None if row.get("peer") is None else peers[row["peer"]]
                    value = IndicatorValue(
                        region=ctx.region, indicator=indicator, peer=peer, year=row["year"]
                    )
                ctx.upsert("indicators.values", value, row, ("value", *SOURCED))


class DriversSection(Section):
    """``drivers``: the driving forces (PESTEL) with impact and uncertainty 1–5, by name (the natural key, in any
    case). Also the workbook's ``Pendorong`` sheet (:class:`.workbook_codecs.DriversCodec`); only the region admin
    brings drivers in."""

    key = "drivers"
    required = False
    FIELDS = ("name", "category", "description", "impact", "uncertainty", *SOURCED)
    REQUIRED = ("category", "impact", "uncertainty")
    MESSAGES = {
        "duplicate": "nama pendorong / driver name {value!r} sudah dipakai di / is already used at {at}",
        "admin_only": "hanya admin daerah yang boleh mengisi faktor pendorong / only the region admin may enter "
        "drivers",
    }

    def export(self, region: Region) -> list[dict]:
        rows = sorted(Driver.objects.filter(region=region), key=lambda d: (name_key(d.name), d.pk))
        return [plain(d, self.FIELDS) for d in rows]

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("drivers", (((self.key, i), item.get("name")) for i, item in entries(data)))

    @staticmethod
    def existing(region: Region | None) -> dict[str, Driver]:
        return {d.name.casefold(): d for d in Driver.objects.filter(region=region)} if region else {}

    def check(self, data: Any, ctx: CheckContext) -> None:
        existing = self.existing(ctx.region)
        seen: dict[str, Path] = {}
        for i, item in entries(data):
            path = (self.key, i)
            if not ctx.may_create(Driver):
                ctx.problem(self, "admin_only", path + ("name",))
                continue
            name = item.get("name")
            if not isinstance(name, str):
                ctx.missing(self, path + ("name",))
                continue
            if name.casefold() in seen:
                ctx.problem(self, "duplicate", path + ("name",), value=name, other=seen[name.casefold()])
                continue
            seen[name.casefold()] = path
            stored = existing.get(name.casefold())
            for field in self.REQUIRED:
                if item.get(field) is None and (stored is None or field in item):
                    ctx.missing(self, path + (field,))
            driver = copy.copy(stored) if stored is not None else Driver(name=name)
            ctx.validate_model(assign(driver, item, self.FIELDS[1:]), path, exclude=["region"])

    def write(self, data: list, ctx: WriteContext) -> None:
        names = ctx.refs.setdefault("drivers", {})
        existing = self.existing(ctx.region)
        for item in data:
            stored = existing.get(item["name"].casefold())
            driver = stored if stored is not None else Driver(region=ctx.region, name=item["name"])
            names[item["name"]] = ctx.upsert(self.key, driver, item, self.FIELDS[1:])


class ScenariosSection(Section):
    """``scenarios``: the four scenarios of the 2 × 2 frame, one per ``cell``; ``implications`` maps a pillar slug
    to its text. An implication keeps the ``source`` and ``illustrative`` of its scenario."""

    key = "scenarios"
    required = False
    FIELDS = ("cell", "name", "narrative", "implications", *SOURCED)
    PLAIN = ("cell", "name", "narrative", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        by_cell = rank(Scenario.Cell)
        implications: dict[int, list[ScenarioImplication]] = {}
        for row in ScenarioImplication.objects.filter(scenario__region=region).select_related("pillar"):
            implications.setdefault(row.scenario_id, []).append(row)
        result = []
        for scenario in sorted(Scenario.objects.filter(region=region), key=lambda s: (by_cell(s.cell), s.pk)):
            data = plain(scenario, self.PLAIN)
            rows = sorted(implications.get(scenario.pk, []), key=lambda r: (r.pillar.order, r.pk))
            data["implications"] = {row.pillar.slug: row.text for row in rows}
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        items = entries(data)
        ctx.check_unique((self.key,), items, "cell", "sel / cell")
        for i, item in items:
            path = (self.key, i)
            ctx.validate_model(Scenario(**values(Scenario, item, self.PLAIN)), path, exclude=["region"])
            implications = item.get("implications")
            if isinstance(implications, dict):
                for slug in implications:
                    ref.pillar(ctx, path + ("implications", slug), slug)

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        for item in data:
            scenario = ctx.save(Scenario(region=ctx.region, **values(Scenario, item, self.PLAIN)))
            for slug, text in item.get("implications", {}).items():
                ctx.save(
                    ScenarioImplication(
                        region=ctx.region,
                        scenario=scenario,
                        pillar=ref.pillars[slug],
                        text=text,
                        source=scenario.source,
                        illustrative=scenario.illustrative,
                    )
                )


class PlanSection(Section):
    """``plan``: the plan's first and horizon year, the maturity pillar weights and the scenario axes (driver
    names, both or neither), or null. Last in the file because the axes name drivers."""

    key = "plan"
    required = False
    FIELDS = ("start_year", "horizon_year", "maturity_weights", "axis_x", "axis_y", *SOURCED)
    PLAIN = ("start_year", "horizon_year", *SOURCED)

    def export(self, region: Region) -> dict | None:
        settings = PlanSettings.objects.filter(region=region).select_related("axis_x", "axis_y").first()
        if settings is None:
            return None
        slugs = (
            Pillar.objects.filter(framework=region.framework_id)
            .order_by("order")
            .values_list("slug", flat=True)
        )
        order = {slug: i for i, slug in enumerate(slugs)}
        weights = settings.maturity_weights or {}
        return {
            "start_year": settings.start_year,
            "horizon_year": settings.horizon_year,
            "maturity_weights": {k: weights[k] for k in sorted(weights, key=lambda k: (order.get(k, 99), k))},
            "axis_x": settings.axis_x.name if settings.axis_x else None,
            "axis_y": settings.axis_y.name if settings.axis_y else None,
            "source": settings.source,
            "illustrative": settings.illustrative,
        }

    def check(self, data: Any, ctx: CheckContext) -> None:
        if not isinstance(data, dict):
            return
        path = (self.key,)
        axes = {}
        for field in ("axis_x", "axis_y"):
            if ctx.well_formed(path + (field,)):
                ctx.check_reference(path + (field,), data.get(field), "drivers", "pendorong / driver")
                axes[field] = data.get(field)
        if len(axes) == 2:
            if (axes["axis_x"] is None) != (axes["axis_y"] is None):
                ctx.report(
                    path + ("axis_y" if axes["axis_y"] is None else "axis_x",),
                    "pilih dua sumbu skenario, atau kosongkan keduanya untuk memakai bawaan / give both "
                    "scenario axes, or neither to use the default ones",
                )
            elif axes["axis_x"] is not None and axes["axis_x"] == axes["axis_y"]:
                ctx.report(
                    path + ("axis_y",),
                    "kedua sumbu skenario harus berbeda / the two scenario axes must differ",
                )
        ref = reference(ctx)
        if ref.known and ctx.well_formed(path):
            settings = PlanSettings(
                region=Region(framework=ref.framework), **values(PlanSettings, data, self.PLAIN)
            )
            settings.maturity_weights = data.get("maturity_weights", {})
            ctx.validate_model(settings, path, exclude=["region", "axis_x", "axis_y"])

    def write(self, data: dict | None, ctx: WriteContext) -> None:
        if data is None:
            return
        ctx.save(
            PlanSettings(
                region=ctx.region,
                start_year=data.get("start_year"),
                horizon_year=data.get("horizon_year"),
                maturity_weights=data.get("maturity_weights", {}),
                axis_x=ctx.ref("drivers", data.get("axis_x")),
                axis_y=ctx.ref("drivers", data.get("axis_y")),
                **values(PlanSettings, data, SOURCED),
            )
        )


ASSESSMENT_SECTIONS: list[Section] = [
    ReadinessSection(),
    SwotSection(),
    StrategiesSection(),
    IgnoredPairingsSection(),
    MaturitySection(),
    PeersSection(),
    IndicatorsSection(),
    DriversSection(),
    ScenariosSection(),
    PlanSection(),
]
