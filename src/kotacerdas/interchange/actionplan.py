"""The sections of the action plan (method.md §7–§9): programs and activities, screening, risks, priorities.

Keys, in the order of the file and of writing: ``components``, ``programs``, ``activities``, ``screenings``,
``risks``, ``criteria``, ``judgements``, ``criterion_scores``, ``ceilings``, ``runs``. All are optional, so files
written before this stage still import; an export always writes them (``[]`` when empty).

References use readable names:

- a program is referred to as ``"<agency>/<code>/<pillar>"`` (``"Diskominfostandi/2.16.03/governance"``): the
  model keeps a program unique by agency, code and pillar, so the three together name it. The key is derived,
  never stored; the agency is read as everything before the last two ``/``;
- an activity by its ``ref`` (``GOV-03``), unique in the region;
- districts, shared components and local wisdom items by name; criteria by slug;
- a mission as ``{"period": <start_year of the RPJMD period>, "number": <n>}``;
- a TOWS strategy by its ``code``; a strategy without a code by ``<pillar>-<kind><n>`` (``governance-WT1``), n
  counting the strategies without a code of that pillar and kind in the order of the ``strategies`` list, skipping
  keys that are some strategy's code (the same keys the workbook shows). Such a key is a position: deleting a
  strategy without a code renumbers the later ones, so give strategies that activities refer to a code;
- an element of an activity as ``"<pillar>/<element>"`` (``"governance/service"``); a program's elements by their
  bare slug, as elements of the program's own pillar.

Stable order of every list (so that export → import → export is identical):

- ``components``: name; ``programs``: pillar, agency abbreviation, code; ``elements`` in the framework's order;
- ``activities``: ref; ``locations`` in the order of ``districts``; ``depends_on`` by ref; ``components`` by name;
  ``missions`` by period and number; ``strategies`` in the order of ``strategies``; ``elements`` in the
  framework's order; ``years`` by year;
- ``screenings``: activity ref, local wisdom name; ``consultations`` by date (undated last), then list order;
- ``risks``: activity ref, likelihood and impact (highest first), then list order;
- ``criteria``: order, slug; ``judgements``: respondent, criterion A, criterion B (in the criteria's order);
- ``criterion_scores``: activity ref, criterion (in the criteria's order); ``ceilings``: year, funding source;
- ``runs``: creation time, name.

Checks beyond references and uniqueness: dependency cycles, years outside the activity's run, the cost criterion
not being scored, and the horizon rule (method.md §7) judged against the file's own ``plan.start_year`` before the
models' ``full_clean()``. The approval gate and AHP consistency are not checked here: they apply when a status
changes and when weights are used.

An activity's ``years`` and ``quick_win_profile`` share the ``source`` and ``illustrative`` of their activity.
Rupiah amounts (costs, ceilings) are JSON integers; targets the shortest decimal that round-trips.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError

from kotacerdas.actionplan import funding
from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Consultation,
    Criterion,
    CriterionScore,
    FundingSource,
    Judgement,
    PrioritizationRun,
    Program,
    QuickWinProfile,
    Risk,
    Screening,
    SharedComponent,
    activity_code_errors,
    program_code_errors,
)
from kotacerdas.assessment.models import Strategy
from kotacerdas.interchange.assessment import reference
from kotacerdas.interchange.problems import Path, format_path
from kotacerdas.interchange.sections import (
    CheckContext,
    Section,
    WriteContext,
    entries,
    model_messages,
    name_key,
    number,
    plain,
    rank,
    to_decimal,
    values,
)
from kotacerdas.method import actionplan as rules
from kotacerdas.reference import nomenclature
from kotacerdas.regions.models import LocalWisdom, Mission, Region

SOURCED = ("source", "illustrative")
ACTIVITY = "kegiatan / activity"


# --- keys ----------------------------------------------------------------------------------------------------------


def nomenclature_version(ctx: CheckContext) -> str | None:
    """The version of the nomenclature the codes are checked against: the region's when importing into one, else
    the file's ``region.nomenclature`` (the default version when absent); None when that key is not a version
    (already reported at ``region.nomenclature``)."""
    if ctx.region is not None:
        return ctx.region.nomenclature
    region = ctx.document.get("region")
    version = region.get("nomenclature", nomenclature.DEFAULT_VERSION) if isinstance(region, dict) else None
    return version if isinstance(version, str) and version in nomenclature.VERSIONS else None


def report_code_errors(ctx: CheckContext, path: Path, errors: dict[str, list]) -> None:
    """Report the refusals of a code (``program_code_errors`` / ``activity_code_errors``) at ``path.<field>``,
    in Indonesian and English, unless the field already has a problem."""
    if not errors:
        return
    for field, pairs in model_messages(ValidationError(errors)).items():
        where = path + (field,)
        if ctx.has_problem(where):
            continue
        for indonesian, english in pairs:
            ctx.model_problem(where, indonesian, english)


def program_key(agency: str, code: str, pillar: str) -> str:
    """How an activity names its program: ``"Diskominfostandi/2.16.03/governance"``."""
    return f"{agency}/{code}/{pillar}"


def split_program_key(key: str) -> tuple[str, str, str] | None:
    """``(agency, code, pillar)`` of a program key, or None when it does not have three parts."""
    parts = key.rsplit("/", 2)
    return (parts[0], parts[1], parts[2]) if len(parts) == 3 and all(parts) else None


def strategy_keys(items: Iterable[tuple[str, str, str]]) -> list[str]:
    """The keys of strategies given as ``(pillar slug, kind, code)`` in the order of the ``strategies`` list: the
    code, or ``<pillar>-<kind><n>`` for a strategy without one (the workbook's keys, see the module docstring)."""
    items = list(items)
    used = {code.strip().casefold() for _, _, code in items if code.strip()}
    counts: dict[tuple[str, str], int] = defaultdict(int)
    keys = []
    for pillar, kind, code in items:
        key = code
        if not code.strip():
            while True:
                counts[(pillar, kind)] += 1
                key = f"{pillar}-{kind}{counts[(pillar, kind)]}"
                if key.casefold() not in used:
                    break
            used.add(key.casefold())
        keys.append(key)
    return keys


def region_strategy_keys(region: Region) -> dict[int, tuple[int, str]]:
    """``{strategy pk: (position, key)}`` in the order the region file lists the strategies."""
    by_kind = rank(Strategy.Kind)
    rows = sorted(
        Strategy.objects.filter(region=region).select_related("pillar"),
        key=lambda s: (s.pillar.order, by_kind(s.kind), name_key(s.code), s.pk),
    )
    keys = strategy_keys((s.pillar.slug, s.kind, s.code) for s in rows)
    return {s.pk: (i, key) for i, (s, key) in enumerate(zip(rows, keys, strict=True))}


def _document_strategy_keys(ctx: CheckContext) -> set[str]:
    items = [
        (item.get("pillar"), item.get("kind"), item.get("code", ""))
        for _, item in entries(ctx.document.get("strategies"))
    ]
    if not all(isinstance(v, str) for item in items for v in item):
        return set()
    return set(strategy_keys(items))


def _iso(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat()


def _parse_datetime(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _sorted_json(value: Any) -> Any:
    """A JSON value with every object's keys sorted, so a run's JSON reads the same on every database."""
    if isinstance(value, dict):
        return {key: _sorted_json(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [_sorted_json(v) for v in value]
    return value


# --- components and programs ---------------------------------------------------------------------------------------


class ComponentsSection(Section):
    """``components``: the shared components (data centre, fibre network, one-data portal, ...), by name."""

    key = "components"
    required = False
    FIELDS = ("name", "description", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(SharedComponent.objects.filter(region=region), key=lambda c: (name_key(c.name), c.pk))
        return [plain(c, self.FIELDS) for c in rows]

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("components", (((self.key, i), item.get("name")) for i, item in entries(data)))

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "name", "nama komponen / component name")
        for i, item in items:
            ctx.validate_model(
                SharedComponent(**values(SharedComponent, item, self.FIELDS)),
                (self.key, i),
                exclude=["region"],
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        names = ctx.refs.setdefault("components", {})
        for item in data:
            names[item["name"]] = ctx.save(
                SharedComponent(region=ctx.region, **values(SharedComponent, item, self.FIELDS))
            )


class ProgramsSection(Section):
    """``programs``: each agency's programs, with pillar, elements (bare slugs of that pillar) and code.

    The code must be a program of the region's nomenclature; ``name`` is optional and, when given, must be the
    official name (ignoring case, spacing and punctuation): the stored name is always the official one.
    ``local_title`` (optional) is a local title shown after it."""

    key = "programs"
    required = False
    FIELDS = ("agency", "pillar", "elements", "code", "name", "local_title", "description", *SOURCED)
    PLAIN = ("code", "name", "local_title", "description", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            Program.objects.filter(region=region)
            .select_related("agency", "pillar")
            .prefetch_related("elements"),
            key=lambda p: (p.pillar.order, name_key(p.agency.abbreviation), name_key(p.code), p.pk),
        )
        result = []
        for program in rows:
            data = plain(program, self.PLAIN)
            data.update(
                agency=program.agency.abbreviation,
                pillar=program.pillar.slug,
                elements=[e.slug for e in sorted(program.elements.all(), key=lambda e: (e.order, e.pk))],
            )
            # a local title is written only when there is one, so files without local titles read as before
            result.append({name: data[name] for name in self.FIELDS if name != "local_title" or data[name]})
        return result

    def collect(self, data: Any, ctx: CheckContext) -> None:
        keys = []
        for i, item in entries(data):
            agency, code, pillar = item.get("agency"), item.get("code"), item.get("pillar")
            if all(isinstance(v, str) for v in (agency, code, pillar)):
                keys.append(((self.key, i), program_key(agency, code, pillar)))
        ctx.register("programs", keys)

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("agency", "code", "pillar"), "program")
        for i, item in items:
            path = (self.key, i)
            ctx.check_reference(
                path + ("agency",), item.get("agency"), "agencies", "perangkat daerah / agency"
            )
            pillar = ref.pillar(ctx, path + ("pillar",), item.get("pillar"))
            elements = item.get("elements")
            if pillar is not None and isinstance(elements, list):
                for j, slug in enumerate(elements):
                    ref.element(ctx, path + ("elements", j), pillar.slug, slug)
            ctx.validate_model(
                Program(**values(Program, item, self.PLAIN)), path, exclude=["region", "agency", "pillar"]
            )
            version = nomenclature_version(ctx)
            code, name = item.get("code"), item.get("name")
            if version and isinstance(code, str) and ctx.well_formed(path + ("code",)):
                name = name if isinstance(name, str) and ctx.well_formed(path + ("name",)) else None
                report_code_errors(ctx, path, program_code_errors(code, name, version))

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        programs = ctx.refs.setdefault("programs", {})
        for item in data:
            program = ctx.save(
                Program(
                    region=ctx.region,
                    agency=ctx.ref("agencies", item["agency"]),
                    pillar=ref.pillars[item["pillar"]],
                    **values(Program, item, self.PLAIN),
                ).take_official_name()
            )
            program.elements.set([ref.elements[(item["pillar"], slug)] for slug in item.get("elements", [])])
            programs[program_key(item["agency"], item["code"], item["pillar"])] = program


# --- activities ----------------------------------------------------------------------------------------------------


def horizon_problems(item: dict, ctx: CheckContext) -> list[str]:
    """What contradicts the activity's horizon (method.md §7), judged against the first year of the file's ``plan``
    (the rule ``Activity.clean()`` applies with the stored plan settings), as "Indonesian / English" messages."""
    horizon, start, end = item.get("horizon"), item.get("start_year"), item.get("end_year")
    if horizon not in rules.HORIZONS or not isinstance(start, int) or not isinstance(end, int) or end < start:
        return []
    plan = ctx.document.get("plan")
    plan_start = plan.get("start_year") if isinstance(plan, dict) else None
    plan_start = plan_start if isinstance(plan_start, int) and not isinstance(plan_start, bool) else None
    indonesian = rules.horizon_problems(horizon, start, end, plan_start, lang="id")
    english = rules.horizon_problems(horizon, start, end, plan_start, lang="en")
    return [id_ if id_ == en else f"{id_} / {en}" for id_, en in zip(indonesian, english, strict=True)]


class ActivitiesSection(Section):
    """``activities``: every activity with its program, dates, money, links, yearly costs and quick-win profile."""

    key = "activities"
    required = False
    FIELDS = (
        "ref",
        "program",
        "code",
        "name",
        "description",
        "output_indicator",
        "output_unit",
        "horizon",
        "start_year",
        "end_year",
        "earliest_start",
        "latest_start",
        "funding_source",
        "status",
        "infrastructure",
        "mandatory",
        "locations",
        "depends_on",
        "components",
        "missions",
        "strategies",
        "elements",
        "no_local_wisdom_relation",
        "national_app_reason",
        "years",
        "quick_win_profile",
        *SOURCED,
    )
    PLAIN = (
        "ref",
        "code",
        "name",
        "description",
        "output_indicator",
        "output_unit",
        "horizon",
        "start_year",
        "end_year",
        "earliest_start",
        "latest_start",
        "funding_source",
        "status",
        "infrastructure",
        "mandatory",
        "no_local_wisdom_relation",
        "national_app_reason",
        *SOURCED,
    )
    PROFILE = ("background", "objective", "beneficiaries", "innovation", "success_measure")

    def export(self, region: Region) -> list[dict]:
        strategies = region_strategy_keys(region)
        rows = sorted(
            Activity.objects.filter(region=region)
            .select_related("program__agency", "program__pillar")
            .prefetch_related(
                "locations", "depends_on", "components", "missions__period", "strategies", "elements__pillar"
            ),
            key=lambda a: (name_key(a.ref), a.pk),
        )
        years: dict[int, list[ActivityYear]] = defaultdict(list)
        for year in ActivityYear.objects.filter(activity__region=region):
            years[year.activity_id].append(year)
        profiles = {p.activity_id: p for p in QuickWinProfile.objects.filter(activity__region=region)}
        result = []
        for activity in rows:
            program = activity.program
            data = plain(activity, self.PLAIN)
            profile = profiles.get(activity.pk)
            data.update(
                program=program_key(program.agency.abbreviation, program.code, program.pillar.slug),
                locations=[
                    d.name
                    for d in sorted(activity.locations.all(), key=lambda d: (d.order, name_key(d.name), d.pk))
                ],
                depends_on=sorted((a.ref for a in activity.depends_on.all()), key=name_key),
                components=sorted((c.name for c in activity.components.all()), key=name_key),
                missions=[
                    {"period": m.period.start_year, "number": m.number}
                    for m in sorted(
                        activity.missions.all(), key=lambda m: (m.period.start_year, m.number, m.pk)
                    )
                ],
                strategies=[
                    strategies[s.pk][1]
                    for s in sorted(activity.strategies.all(), key=lambda s: strategies[s.pk][0])
                ],
                elements=[
                    f"{e.pillar.slug}/{e.slug}"
                    for e in sorted(activity.elements.all(), key=lambda e: (e.pillar.order, e.order, e.pk))
                ],
                years=[
                    {"year": y.year, "cost": number(y.cost), "target": number(y.target)}
                    for y in sorted(years[activity.pk], key=lambda y: (y.year, y.pk))
                ],
                quick_win_profile=None if profile is None else plain(profile, self.PROFILE),
            )
            # optional key (docs/funding.md): written only when a reason is recorded, so older files stay as they were
            result.append(
                {name: data[name] for name in self.FIELDS if name != "national_app_reason" or data[name]}
            )
        return result

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("activities", (((self.key, i), item.get("ref")) for i, item in entries(data)))

    def check(self, data: Any, ctx: CheckContext) -> None:
        ref = reference(ctx)
        items = entries(data)
        ctx.check_unique((self.key,), items, "ref", "rujukan kegiatan / activity ref")
        missions = {
            (period.get("start_year"), mission.get("number"))
            for _, period in entries(ctx.document.get("rpjmd"))
            for _, mission in entries(period.get("missions"))
        }
        strategy_keys_ = _document_strategy_keys(ctx)
        for i, item in items:
            path = (self.key, i)
            if ctx.well_formed(path + ("program",)):
                ctx.check_reference(path + ("program",), item.get("program"), "programs", "program")
            start, end = item.get("start_year"), item.get("end_year")
            self._check_lists(ctx, ref, path, item, missions, strategy_keys_)
            self._check_years(ctx, path, item, start, end)
            if ctx.well_formed(path + ("horizon",)):
                for message in horizon_problems(item, ctx):
                    ctx.report(path + ("horizon",), message)
            # the model's rules; the horizon is judged above against the file's plan, so it is not repeated
            ctx.validate_model(
                Activity(**values(Activity, item, self.PLAIN)), path, exclude=["region", "program"]
            )
            self._check_funding(ctx, path, item)
            self._check_code(ctx, path, item)
            profile = item.get("quick_win_profile")
            if isinstance(profile, dict):
                ctx.validate_model(
                    QuickWinProfile(**values(QuickWinProfile, profile, self.PROFILE)),
                    path + ("quick_win_profile",),
                    exclude=["region", "activity"],
                )
        self._check_cycles(ctx, items)

    def _check_funding(self, ctx: CheckContext, path: Path, item: dict) -> None:
        """The certain funding rules (docs/funding.md) at ``funding_source``; the warnings are shown after import."""
        source, infrastructure, locations = (
            item.get("funding_source"),
            item.get("infrastructure"),
            item.get("locations"),
        )
        if not isinstance(source, str) or not ctx.well_formed(path + ("funding_source",)):
            return
        count = len(locations) if isinstance(locations, list) else 0
        for message in funding.bilingual(
            source, infrastructure if isinstance(infrastructure, str) else "", count
        ):
            ctx.report(path + ("funding_source",), message)

    def _check_code(self, ctx: CheckContext, path: Path, item: dict) -> None:
        """The code must be a kegiatan or sub kegiatan of the nomenclature under the program's code."""
        version = nomenclature_version(ctx)
        code, program = item.get("code"), item.get("program")
        if not version or not isinstance(code, str) or not ctx.well_formed(path + ("code",)):
            return
        parts = split_program_key(program) if isinstance(program, str) else None
        program_code = parts[1] if parts is not None else None
        report_code_errors(ctx, path, activity_code_errors(code, program_code, version))

    def _check_lists(self, ctx, ref, path, item, missions, strategy_keys_) -> None:
        for field, kind, what in (
            ("locations", "districts", "kecamatan / district"),
            ("components", "components", "komponen bersama / shared component"),
            ("depends_on", "activities", ACTIVITY),
        ):
            listed = item.get(field)
            if not isinstance(listed, list):
                continue
            for j, value in enumerate(listed):
                if ctx.well_formed(path + (field, j)):
                    ctx.check_reference(path + (field, j), value, kind, what)
        if item.get("ref") in (item.get("depends_on") or []) and isinstance(item.get("ref"), str):
            j = item["depends_on"].index(item["ref"])
            ctx.report(
                path + ("depends_on", j),
                "kegiatan tidak boleh bergantung pada dirinya sendiri / an activity cannot depend on itself",
            )
        for j, mission in entries(item.get("missions")):
            where = path + ("missions", j)
            if not ctx.well_formed(where):
                continue
            period, number_ = mission.get("period"), mission.get("number")
            if (period, number_) not in missions:
                periods = sorted(
                    {p.get("start_year") for _, p in entries(ctx.document.get("rpjmd"))}, key=lambda y: str(y)
                )
                ctx.report(
                    where,
                    f"misi {number_} periode RPJMD {period} tidak ada di 'rpjmd' / mission {number_} of the RPJMD "
                    f"period starting {period} is not in 'rpjmd' (periode / periods: "
                    f"{', '.join(str(p) for p in periods) or '-'})",
                )
        strategies = item.get("strategies")
        if isinstance(strategies, list):
            for j, key in enumerate(strategies):
                if (
                    isinstance(key, str)
                    and ctx.well_formed(path + ("strategies", j))
                    and key not in strategy_keys_
                ):
                    ctx.report(
                        path + ("strategies", j),
                        f"strategi / strategy {key!r} tidak ada di / is not in 'strategies' (kode, atau "
                        f"<pilar>-<jenis><n> untuk strategi tanpa kode / its code, or <pillar>-<kind><n> for a "
                        "strategy without one)",
                    )
        elements = item.get("elements")
        if isinstance(elements, list):
            for j, value in enumerate(elements):
                where = path + ("elements", j)
                if not isinstance(value, str) or not ctx.well_formed(where):
                    continue
                parts = value.split("/")
                if len(parts) != 2:
                    ctx.report(
                        where,
                        f"elemen ditulis 'pilar/elemen', bukan {value!r} / an element is written "
                        f"'pillar/element', not {value!r} (e.g. 'governance/service')",
                    )
                elif ref.pillar(ctx, where, parts[0]) is not None:
                    ref.element(ctx, where, parts[0], parts[1])

    def _check_years(self, ctx: CheckContext, path: Path, item: dict, start: Any, end: Any) -> None:
        years = entries(item.get("years"))
        ctx.check_pairs(path + ("years",), years, ("year",), "tahun / year")
        for j, row in years:
            where = path + ("years", j)
            year = row.get("year")
            if (
                isinstance(year, int)
                and isinstance(start, int)
                and isinstance(end, int)
                and start <= end
                and not start <= year <= end
            ):
                ctx.report(
                    where + ("year",),
                    f"tahun {year} di luar masa kegiatan {start}–{end} / year {year} is outside the activity's "
                    f"run {start}–{end}",
                )
            obj = ActivityYear(
                year=year, cost=to_decimal(row.get("cost")), target=to_decimal(row.get("target"))
            )
            ctx.validate_model(obj, where, exclude=["region", "activity"])

    def _check_cycles(self, ctx: CheckContext, items: list[tuple[int, dict]]) -> None:
        """Report each dependency cycle once, at the ``depends_on`` entry that closes it."""
        graph: dict[str, tuple[int, list]] = {}
        for i, item in items:
            ref_, deps = item.get("ref"), item.get("depends_on")
            if isinstance(ref_, str) and ref_ not in graph:
                graph[ref_] = (i, deps if isinstance(deps, list) else [])
        state: dict[str, int] = {}  # 1 on the stack, 2 done

        def visit(node: str, stack: list[str]) -> None:
            state[node] = 1
            stack.append(node)
            index, deps = graph[node]
            for j, dep in enumerate(deps):
                if not isinstance(dep, str) or dep == node or dep not in graph:
                    continue
                if state.get(dep) == 1:
                    cycle = [*stack[stack.index(dep) :], dep]
                    ctx.report(
                        (self.key, index, "depends_on", j),
                        f"ketergantungan melingkar / dependency cycle: {' → '.join(cycle)}",
                    )
                elif dep not in state:
                    visit(dep, stack)
            stack.pop()
            state[node] = 2

        for node in graph:
            if node not in state:
                visit(node, [])

    def write(self, data: list, ctx: WriteContext) -> None:
        ref = reference(ctx)
        programs = ctx.refs["programs"]
        districts = ctx.refs.get("districts", {})
        components = ctx.refs.get("components", {})
        missions = {
            (m.period.start_year, m.number): m
            for m in Mission.objects.filter(region=ctx.region).select_related("period")
        }
        strategies = {
            key: Strategy.objects.get(pk=pk) for pk, (_, key) in region_strategy_keys(ctx.region).items()
        }
        activities = ctx.refs.setdefault("activities", {})
        for item in data:
            activities[item["ref"]] = ctx.save(
                Activity(
                    region=ctx.region, program=programs[item["program"]], **values(Activity, item, self.PLAIN)
                )
            )
        for item in data:
            activity = activities[item["ref"]]
            activity.locations.set([districts[name] for name in item.get("locations", [])])
            activity.depends_on.set([activities[r] for r in item.get("depends_on", [])])
            activity.components.set([components[name] for name in item.get("components", [])])
            activity.missions.set([missions[(m["period"], m["number"])] for m in item.get("missions", [])])
            activity.strategies.set([strategies[key] for key in item.get("strategies", [])])
            activity.elements.set(
                [ref.elements[tuple(value.split("/"))] for value in item.get("elements", [])]  # type: ignore[index]
            )
            sourced = {"source": activity.source, "illustrative": activity.illustrative}
            for row in item.get("years", []):
                ctx.save(
                    ActivityYear(
                        region=ctx.region,
                        activity=activity,
                        year=row["year"],
                        cost=to_decimal(row["cost"]),
                        target=to_decimal(row.get("target")),
                        **sourced,
                    )
                )
            profile = item.get("quick_win_profile")
            if profile is not None:
                ctx.save(
                    QuickWinProfile(
                        region=ctx.region,
                        activity=activity,
                        **values(QuickWinProfile, profile, self.PROFILE),
                        **sourced,
                    )
                )


# --- screening and risks -------------------------------------------------------------------------------------------


class ScreeningsSection(Section):
    """``screenings``: how each activity relates to local wisdom items, with consultations of their custodians."""

    key = "screenings"
    required = False
    FIELDS = ("activity", "local_wisdom", "relation", "note", "mitigation", "consultations", *SOURCED)
    PLAIN = ("relation", "note", "mitigation", *SOURCED)
    CONSULTATION = ("custodian", "status", "date", "outcome", *SOURCED)
    CONSULTATION_PLAIN = ("custodian", "status", "outcome", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        consultations: dict[int, list[Consultation]] = defaultdict(list)
        for c in Consultation.objects.filter(screening__region=region):
            consultations[c.screening_id].append(c)
        rows = sorted(
            Screening.objects.filter(region=region).select_related("activity", "local_wisdom"),
            key=lambda s: (name_key(s.activity.ref), name_key(s.local_wisdom.name), s.pk),
        )
        result = []
        for screening in rows:
            data = plain(screening, self.PLAIN)
            data.update(
                activity=screening.activity.ref,
                local_wisdom=screening.local_wisdom.name,
                consultations=[
                    self._consultation(c)
                    for c in sorted(
                        consultations[screening.pk],
                        key=lambda c: (c.date is None, c.date or dt.date.min, c.pk),
                    )
                ],
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def _consultation(self, c: Consultation) -> dict:
        data = plain(c, self.CONSULTATION_PLAIN)
        data["date"] = c.date.isoformat() if c.date else None
        return {name: data[name] for name in self.CONSULTATION}

    def collect(self, data: Any, ctx: CheckContext) -> None:
        if "local_wisdom" not in ctx.keys:
            ctx.register(
                "local_wisdom",
                (
                    (("local_wisdom", i), item.get("name"))
                    for i, item in entries(ctx.document.get("local_wisdom"))
                ),
            )

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("activity", "local_wisdom"), "penapisan / screening")
        for i, item in items:
            path = (self.key, i)
            ctx.check_reference(path + ("activity",), item.get("activity"), "activities", ACTIVITY)
            ctx.check_reference(
                path + ("local_wisdom",),
                item.get("local_wisdom"),
                "local_wisdom",
                "kearifan lokal / local wisdom",
            )
            ctx.validate_model(
                Screening(**values(Screening, item, self.PLAIN)),
                path,
                exclude=["region", "activity", "local_wisdom"],
            )
            for j, consultation in entries(item.get("consultations")):
                where = path + ("consultations", j)
                date = consultation.get("date")
                parsed = _parse_date(date)
                if isinstance(date, str) and parsed is None and ctx.well_formed(where + ("date",)):
                    ctx.report(
                        where + ("date",),
                        f"tanggal {date!r} tidak sah, tulis YYYY-MM-DD / date {date!r} is not valid, write YYYY-MM-DD",
                    )
                obj = Consultation(**values(Consultation, consultation, self.CONSULTATION_PLAIN))
                obj.date = parsed
                exclude = ["region", "screening"] + (
                    ["date"] if isinstance(date, str) and parsed is None else []
                )
                ctx.validate_model(obj, where, exclude=exclude)

    def write(self, data: list, ctx: WriteContext) -> None:
        activities = ctx.refs["activities"]
        wisdom = {w.name: w for w in LocalWisdom.objects.filter(region=ctx.region)}
        for item in data:
            screening = ctx.save(
                Screening(
                    region=ctx.region,
                    activity=activities[item["activity"]],
                    local_wisdom=wisdom[item["local_wisdom"]],
                    **values(Screening, item, self.PLAIN),
                )
            )
            for consultation in item.get("consultations", []):
                ctx.save(
                    Consultation(
                        region=ctx.region,
                        screening=screening,
                        date=_parse_date(consultation.get("date")),
                        **values(Consultation, consultation, self.CONSULTATION_PLAIN),
                    )
                )


class RisksSection(Section):
    """``risks``: the risk register of the activities (quick wins above all): likelihood and impact 1–5."""

    key = "risks"
    required = False
    FIELDS = ("activity", "risk", "likelihood", "impact", "mitigation", "owner", *SOURCED)
    PLAIN = ("risk", "likelihood", "impact", "mitigation", "owner", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            Risk.objects.filter(region=region).select_related("activity"),
            key=lambda r: (name_key(r.activity.ref), -r.likelihood, -r.impact, r.pk),
        )
        result = []
        for risk in rows:
            data = plain(risk, self.PLAIN)
            data["activity"] = risk.activity.ref
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        for i, item in entries(data):
            path = (self.key, i)
            ctx.check_reference(path + ("activity",), item.get("activity"), "activities", ACTIVITY)
            ctx.validate_model(Risk(**values(Risk, item, self.PLAIN)), path, exclude=["region", "activity"])

    def write(self, data: list, ctx: WriteContext) -> None:
        activities = ctx.refs["activities"]
        for item in data:
            ctx.save(
                Risk(
                    region=ctx.region, activity=activities[item["activity"]], **values(Risk, item, self.PLAIN)
                )
            )


# --- resource priorities -------------------------------------------------------------------------------------------


def _criteria_in_document(ctx: CheckContext) -> dict[str, dict]:
    return {
        item["slug"]: item
        for _, item in reversed(entries(ctx.document.get("criteria")))
        if isinstance(item.get("slug"), str)
    }


class CriteriaSection(Section):
    """``criteria``: the criteria of the resource priorities; one may be the cost criterion (``is_cost``)."""

    key = "criteria"
    required = False
    FIELDS = ("slug", "name", "description", "is_cost", "order", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            Criterion.objects.filter(region=region), key=lambda c: (c.order, name_key(c.slug), c.pk)
        )
        return [plain(c, self.FIELDS) for c in rows]

    def collect(self, data: Any, ctx: CheckContext) -> None:
        ctx.register("criteria", (((self.key, i), item.get("slug")) for i, item in entries(data)))

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "slug", "kode kriteria / criterion slug")
        ctx.check_unique((self.key,), items, "name", "nama kriteria / criterion name")
        for i, item in items:
            ctx.validate_model(
                Criterion(**values(Criterion, item, self.FIELDS)), (self.key, i), exclude=["region"]
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        criteria = ctx.refs.setdefault("criteria", {})
        for item in data:
            criteria[item["slug"]] = ctx.save(
                Criterion(region=ctx.region, **values(Criterion, item, self.FIELDS))
            )


def _criterion_order(criterion: Criterion) -> tuple:
    return (criterion.order, name_key(criterion.slug), criterion.pk)


class JudgementsSection(Section):
    """``judgements``: each respondent's AHP pairwise judgements (Saaty 1–9); the reciprocal is implied."""

    key = "judgements"
    required = False
    FIELDS = ("respondent", "first", "second", "favours", "value", *SOURCED)
    PLAIN = ("respondent", "favours", "value", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            Judgement.objects.filter(region=region).select_related("first", "second"),
            key=lambda j: (
                name_key(j.respondent),
                _criterion_order(j.first),
                _criterion_order(j.second),
                j.pk,
            ),
        )
        result = []
        for judgement in rows:
            data = plain(judgement, self.PLAIN)
            data.update(first=judgement.first.slug, second=judgement.second.slug)
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        seen: dict[tuple, Path] = {}
        for i, item in entries(data):
            path = (self.key, i)
            first, second = item.get("first"), item.get("second")
            for field, value in (("first", first), ("second", second)):
                ctx.check_reference(path + (field,), value, "criteria", "kriteria / criterion")
            if isinstance(first, str) and first == second:
                ctx.report(
                    path + ("second",),
                    "bandingkan dua kriteria yang berbeda / compare two different criteria",
                )
            respondent = item.get("respondent")
            if (
                isinstance(respondent, str)
                and isinstance(first, str)
                and isinstance(second, str)
                and first != second
            ):
                pair = (respondent, frozenset((first, second)))
                if pair in seen:
                    ctx.report(
                        path + ("second",),
                        f"{respondent!r} sudah menilai pasangan / already judged the pair {first} · {second} di / at "
                        f"{format_path(seen[pair])}",
                    )
                else:
                    seen[pair] = path
            ctx.validate_model(
                Judgement(**values(Judgement, item, self.PLAIN)), path, exclude=["region", "first", "second"]
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        criteria = ctx.refs["criteria"]
        for item in data:
            ctx.save(
                Judgement(
                    region=ctx.region,
                    first=criteria[item["first"]],
                    second=criteria[item["second"]],
                    **values(Judgement, item, self.PLAIN),
                )
            )


class CriterionScoresSection(Section):
    """``criterion_scores``: each activity's score 1–5 on the criteria that are not the cost criterion."""

    key = "criterion_scores"
    required = False
    FIELDS = ("activity", "criterion", "score", *SOURCED)
    PLAIN = ("score", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            CriterionScore.objects.filter(region=region).select_related("activity", "criterion"),
            key=lambda s: (name_key(s.activity.ref), _criterion_order(s.criterion), s.pk),
        )
        result = []
        for score in rows:
            data = plain(score, self.PLAIN)
            data.update(activity=score.activity.ref, criterion=score.criterion.slug)
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("activity", "criterion"), "skor / score")
        criteria = _criteria_in_document(ctx)
        for i, item in items:
            path = (self.key, i)
            ctx.check_reference(path + ("activity",), item.get("activity"), "activities", ACTIVITY)
            slug = item.get("criterion")
            ctx.check_reference(path + ("criterion",), slug, "criteria", "kriteria / criterion")
            if isinstance(slug, str) and criteria.get(slug, {}).get("is_cost") is True:
                ctx.report(
                    path + ("criterion",),
                    f"kriteria biaya {slug!r} dihitung dari biaya kegiatan, tidak dinilai / the cost criterion "
                    f"{slug!r} is computed from the activity's costs, not scored",
                )
            ctx.validate_model(
                CriterionScore(**values(CriterionScore, item, self.PLAIN)),
                path,
                exclude=["region", "activity", "criterion"],
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        activities, criteria = ctx.refs["activities"], ctx.refs["criteria"]
        for item in data:
            ctx.save(
                CriterionScore(
                    region=ctx.region,
                    activity=activities[item["activity"]],
                    criterion=criteria[item["criterion"]],
                    **values(CriterionScore, item, self.PLAIN),
                )
            )


class CeilingsSection(Section):
    """``ceilings``: the budget ceiling of each year and funding source (``{"year", "source", "amount"}``); a year
    and source without one has ceiling 0."""

    key = "ceilings"
    required = False
    FIELDS = ("year", "source", "amount", "note", "illustrative")
    PLAIN = ("year", "source", "note", "illustrative")

    def export(self, region: Region) -> list[dict]:
        by_source = rank(FundingSource)
        rows = sorted(
            Ceiling.objects.filter(region=region), key=lambda c: (c.year, by_source(c.source), c.pk)
        )
        result = []
        for ceiling in rows:
            data = plain(ceiling, self.PLAIN)
            data["amount"] = number(ceiling.amount)
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_pairs((self.key,), items, ("year", "source"), "pagu / ceiling")
        for i, item in items:
            ceiling = Ceiling(**values(Ceiling, item, self.PLAIN))
            ceiling.amount = to_decimal(item.get("amount"))
            ctx.validate_model(ceiling, (self.key, i), exclude=["region"])

    def write(self, data: list, ctx: WriteContext) -> None:
        for item in data:
            ctx.save(
                Ceiling(
                    region=ctx.region, amount=to_decimal(item["amount"]), **values(Ceiling, item, self.PLAIN)
                )
            )


class RunsSection(Section):
    """``runs``: saved prioritisation runs with their parameters and result, kept for comparison."""

    key = "runs"
    required = False
    FIELDS = ("name", "created", "parameters", "result", *SOURCED)
    PLAIN = ("name", *SOURCED)

    def export(self, region: Region) -> list[dict]:
        rows = sorted(
            PrioritizationRun.objects.filter(region=region), key=lambda r: (r.created, name_key(r.name), r.pk)
        )
        result = []
        for run in rows:
            data = plain(run, self.PLAIN)
            data.update(
                created=_iso(run.created),
                parameters=_sorted_json(run.parameters or {}),
                result=_sorted_json(run.result or {}),
            )
            result.append({name: data[name] for name in self.FIELDS})
        return result

    def check(self, data: Any, ctx: CheckContext) -> None:
        items = entries(data)
        ctx.check_unique((self.key,), items, "name", "nama hasil / run name")
        for i, item in items:
            path = (self.key, i)
            created = item.get("created")
            if (
                isinstance(created, str)
                and _parse_datetime(created) is None
                and ctx.well_formed(path + ("created",))
            ):
                ctx.report(
                    path + ("created",),
                    f"waktu {created!r} tidak sah: tulis ISO 8601 dengan zona waktu, mis. 2025-03-01T08:00:00+00:00 / "
                    f"{created!r} is not an ISO 8601 time with a time zone, e.g. 2025-03-01T08:00:00+00:00",
                )
            ctx.validate_model(
                PrioritizationRun(**values(PrioritizationRun, item, self.PLAIN)),
                path,
                exclude=["region", "created_by", "parameters", "result"],
            )

    def write(self, data: list, ctx: WriteContext) -> None:
        for item in data:
            run = ctx.save(
                PrioritizationRun(
                    region=ctx.region,
                    parameters=item.get("parameters", {}),
                    result=item.get("result", {}),
                    **values(PrioritizationRun, item, self.PLAIN),
                )
            )
            # ``created`` is set on insert (auto_now_add); keep the time the file gives
            created = _parse_datetime(item["created"])
            PrioritizationRun.objects.filter(pk=run.pk).update(created=created)
            run.created = created


ACTIONPLAN_SECTIONS: list[Section] = [
    ComponentsSection(),
    ProgramsSection(),
    ActivitiesSection(),
    ScreeningsSection(),
    RisksSection(),
    CriteriaSection(),
    JudgementsSection(),
    CriterionScoresSection(),
    CeilingsSection(),
    RunsSection(),
]
