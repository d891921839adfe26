"""The action plan in the bimtek workbook: the rows of ``Rencana Aksi``, ``Risiko`` and ``Penapisan`` for an export,
and their checks for an import (all or nothing, problems named by cell; docs/workbook.md).

Natural keys: an activity by its ref, a year by (ref, year), a program by (agency, code, pillar), a risk by (ref,
its text), a screening by (ref, local wisdom item), a consultation by (screening, custodian). An import creates or
updates, never deletes. Status changes follow the web's workflow (:mod:`kotacerdas.actionplan.services`): a new
activity starts as ``usulan`` (or ``batal``); an existing one may only make an allowed move, and moves to
``disetujui``/``berjalan``/``selesai`` pass the local wisdom gate on the screening already stored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from kotacerdas.actionplan import funding, services
from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Consultation,
    FundingSource,
    Program,
    Risk,
    Screening,
)
from kotacerdas.interchange.sections import name_key, number
from kotacerdas.interchange.workbook_actionplan_layout import (
    NO_RELATION,
    NO_RELATION_LABEL,
    PENAPISAN,
    RENCANA_AKSI,
    RISIKO,
)
from kotacerdas.interchange.workbook_import import (
    BAD,
    Context,
    Op,
    Row,
    assign,
    lookup_key,
    set_text,
    snapshot,
)
from kotacerdas.interchange.workbook_layout import labelled
from kotacerdas.method import actionplan as rules
from kotacerdas.regions.models import Agency, District, LocalWisdom, Mission, Region

# --- export ------------------------------------------------------------------------------------------------------


def _mine(activity: Activity, agency: Agency | None) -> bool:
    return agency is None or activity.program.agency_id == agency.pk


def _activities(region: Region, agency: Agency | None) -> list[Activity]:
    rows = (
        Activity.objects.filter(region=region)
        .select_related("program__agency", "program__pillar")
        .prefetch_related("locations", "missions__period", "depends_on", "years")
    )
    return sorted((a for a in rows if _mine(a, agency)), key=lambda a: (name_key(a.ref), a.pk))


def _join(values) -> str | None:
    text = ", ".join(values)
    return text or None


def plan_rows(region: Region, agency: Agency | None) -> list[list]:
    rows = []
    for a in _activities(region, agency):
        program = a.program
        head = [
            a.ref,
            program.code,
            program.agency.abbreviation,
            labelled(program.pillar.slug, program.pillar.name),
            a.code,
            a.name,
            labelled(a.horizon, a.get_horizon_display()),
            a.start_year,
            a.end_year,
            labelled(a.funding_source, a.get_funding_source_display()),
            labelled(a.status, a.get_status_display()),
            labelled(a.infrastructure, a.get_infrastructure_display()),
            _join(d.name for d in sorted(a.locations.all(), key=lambda d: (d.order, name_key(d.name), d.pk))),
            _join(
                f"{m.period.start_year}-{m.number}"
                for m in sorted(a.missions.all(), key=lambda m: (m.period.start_year, m.number))
            ),
            _join(sorted((d.ref for d in a.depends_on.all()), key=name_key)),
        ]
        tail = [a.output_indicator or None, a.output_unit or None, program.name]
        years = sorted(a.years.all(), key=lambda y: y.year)
        if not years:
            rows.append(head + [None, None, None] + tail)
        for i, year in enumerate(years):
            cells = [year.year, number(year.cost), number(year.target)]
            if i == 0:
                rows.append(head + cells + tail)
            else:
                rows.append([a.ref] + [None] * (len(head) - 1) + cells + [None] * len(tail))
    return rows


def risk_rows(region: Region, agency: Agency | None) -> list[list]:
    risks = [
        r
        for r in Risk.objects.filter(region=region).select_related("activity__program")
        if _mine(r.activity, agency)
    ]
    risks.sort(key=lambda r: (name_key(r.activity.ref), -r.likelihood, -r.impact, r.pk))
    return [[r.activity.ref, r.risk, r.likelihood, r.impact, r.mitigation, r.owner] for r in risks]


def screening_rows(region: Region, agency: Agency | None) -> list[list]:
    consultations: dict[int, list[Consultation]] = defaultdict(list)
    for c in Consultation.objects.filter(screening__region=region):
        consultations[c.screening_id].append(c)
    screenings: dict[int, list[Screening]] = defaultdict(list)
    for s in Screening.objects.filter(region=region).select_related("local_wisdom"):
        screenings[s.activity_id].append(s)
    rows = []
    for a in _activities(region, agency):
        if a.no_local_wisdom_relation:
            rows.append([a.ref, None, labelled(NO_RELATION, NO_RELATION_LABEL)] + [None] * 6)
        for s in sorted(screenings[a.pk], key=lambda s: (name_key(s.local_wisdom.name), s.pk)):
            head = [
                a.ref,
                s.local_wisdom.name,
                labelled(s.relation, s.get_relation_display()),
                s.note,
                s.mitigation,
            ]
            own = sorted(consultations[s.pk], key=lambda c: (c.date is None, c.date or dt.date.min, c.pk))
            if not own:
                rows.append(head + [None] * 4)
            for c in own:
                rows.append(
                    head
                    + [
                        c.custodian,
                        labelled(c.status, c.get_status_display()),
                        c.date.isoformat() if c.date else None,
                    ]
                    + [c.outcome]
                )
    return rows


def actionplan_rows(region: Region, agency: Agency | None) -> dict[str, list[list]]:
    return {
        RENCANA_AKSI.name: plan_rows(region, agency),
        RISIKO.name: risk_rows(region, agency),
        PENAPISAN.name: screening_rows(region, agency),
    }


# --- import ------------------------------------------------------------------------------------------------------


def _values(choices, *extra: tuple[str, str]) -> dict[str, str]:
    """Every accepted spelling (lower case) of a choice: its value and its label."""
    found = {value: value for value in choices.values}
    found.update({lookup_key(str(label)): value for value, label in choices.choices})
    found.update(extra)
    return found


HORIZONS = _values(Activity.Horizon, ("quick win", "quick_win"), ("pendek", "short"), ("menengah", "medium"),
                   ("panjang", "long"))  # fmt: skip
# legacy spellings stay readable: "APBN/DAK" (the old label of apbn) and "Lainnya" (other, with a warning)
FUNDING = _values(FundingSource, ("apbn/dak", "apbn"), ("dana desa", "dana_desa"), ("lainnya", "other"),
                  ("bankeu", "bankeu_provinsi"), ("bantuan keuangan", "bankeu_provinsi"))  # fmt: skip
STATUSES = _values(Activity.Status)
INFRASTRUCTURE = _values(Activity.Infrastructure, ("fisik", "physical"), ("ekonomi", "economic"),
                         ("sosial", "social"), ("tata kelola", "governance"))  # fmt: skip
RELATIONS = {
    **_values(Screening.Relation),
    NO_RELATION: NO_RELATION,
    lookup_key(NO_RELATION_LABEL): NO_RELATION,
}
CONSULTATION_STATUSES = _values(Consultation.Status, ("direncanakan", "planned"), ("selesai", "done"))
SPLIT_LIST = re.compile(r"[,;\n]+")
MISSION = re.compile(r"^\s*(\d{4})\s*[-/.:]\s*(\d+)\s*$")


@dataclass
class PlanOp(Op):
    """A planned write with work to do after the row is saved (the activity's links); ``after`` returns whether
    it changed anything."""

    after: Any = None


class State:
    """What the three sheets share during one import: the region's activities (stored and new) by ref."""

    def __init__(self, ctx: Context):
        region = ctx.region
        self.activities: dict[str, Activity] = {
            a.ref: a for a in Activity.objects.filter(region=region).select_related("program__agency")
        }
        self.stored_refs = set(self.activities)
        self.planned: dict[str, Op] = {}  # ref → the activity's op in this import
        self.programs: dict[tuple, Program] = {
            (p.agency_id, p.code, p.pillar_id): p for p in Program.objects.filter(region=region)
        }
        self.districts = {lookup_key(d.name): d for d in District.objects.filter(region=region)}
        self.missions = {
            (m.period.start_year, m.number): m
            for m in Mission.objects.filter(region=region).select_related("period")
        }
        self.wisdom = {lookup_key(w.name): w for w in LocalWisdom.objects.filter(region=region)}

    def activity_op(self, ctx: Context, activity: Activity) -> Op:
        """The activity's op (planning an update when no sheet has planned one yet)."""
        if activity.ref not in self.planned:
            op = PlanOp(RENCANA_AKSI.name, activity, False, snapshot(activity))
            ctx.ops.append(op)
            self.planned[activity.ref] = op
        return self.planned[activity.ref]


def state(ctx: Context) -> State:
    found = getattr(ctx, "_actionplan", None)
    if found is None:
        found = ctx._actionplan = State(ctx)
    return found


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in SPLIT_LIST.split(text or "") if part.strip()]


ACTIVITY_CELLS = (
    "program", "agency", "pillar", "code", "name", "horizon", "start_year", "end_year", "funding_source", "status",
    "infrastructure", "locations", "missions", "depends_on", "output_indicator", "output_unit", "program_name",
)  # fmt: skip
MODEL_FIELDS = {
    "code": "code",
    "name": "name",
    "horizon": "horizon",
    "start_year": "start_year",
    "end_year": "end_year",
    "funding_source": "funding_source",
    "status": "status",
    "infrastructure": "infrastructure",
    "output_indicator": "output_indicator",
    "output_unit": "output_unit",
    "program": "program",
}


def _cell(ctx: Context, row: Row, key: str, st: State):
    if key == "agency":
        return ctx.agency_cell(row)
    if key == "pillar":
        return ctx.pillar(row)
    if key in ("start_year", "end_year"):
        return ctx.integer(row, key)
    if key == "horizon":
        return ctx.choice(row, key, HORIZONS)
    if key == "funding_source":
        return ctx.choice(row, key, FUNDING)
    if key == "status":
        return ctx.choice(row, key, STATUSES)
    if key == "infrastructure":
        return ctx.choice(row, key, INFRASTRUCTURE)
    if key == "locations":
        found = []
        for name in _split(ctx.text(row, key)):
            district = st.districts.get(lookup_key(name))
            if district is None:
                ctx.problems.at(row, key, f"unknown district {name!r}", f"kecamatan {name!r} tidak dikenal")
                return BAD
            found.append(district)
        return tuple(found)
    if key == "missions":
        found = []
        for text in _split(ctx.text(row, key)):
            match = MISSION.match(text)
            mission = st.missions.get((int(match.group(1)), int(match.group(2)))) if match else None
            if mission is None:
                ctx.problems.at(
                    row,
                    key,
                    f"mission {text!r} is not a mission of the RPJMD (write year-number, e.g. 2018-1)",
                    f"misi {text!r} bukan misi RPJMD (tulis tahun-nomor, misalnya 2018-1)",
                )
                return BAD
            found.append(mission)
        return tuple(found)
    if key == "depends_on":
        return tuple(_split(ctx.text(row, key)))
    return ctx.text(row, key)


def _gather(ctx: Context, rows: list[Row], ref: str, st: State) -> dict[str, tuple[Any, Row]]:
    """The activity's own cells: the first filled one counts, later ones must agree."""
    given: dict[str, tuple[Any, Row]] = {}
    for row in rows:
        for key in ACTIVITY_CELLS:
            if not row.has(key) or row.blank(key):
                continue
            value = _cell(ctx, row, key, st)
            if value is BAD:
                continue
            if key in given and given[key][0] != value:
                column = RENCANA_AKSI.by_key[key]
                other = given[key][1].number
                ctx.problems.at(
                    row,
                    key,
                    f"{column.en} differs from row {other} of ref {ref!r}",
                    f"{column.id_} berbeda dengan baris {other} untuk ref {ref!r}",
                )
            else:
                given.setdefault(key, (value, row))
    return given


def _refuse_status(ctx: Context, row: Row, en: str, id_: str) -> None:
    ctx.problems.at(row, "status", en, id_)


def _check_status(ctx: Context, row: Row, activity: Activity, new: bool, wanted: str) -> bool:
    if new:
        if wanted in (Activity.Status.USULAN, Activity.Status.BATAL):
            return True
        _refuse_status(
            ctx,
            row,
            f"a new activity starts as usulan, not {wanted!r}; approve it after its screening",
            f"kegiatan baru dimulai sebagai usulan, bukan {wanted!r}; setujui setelah penapisannya",
        )
        return False
    current = activity.status
    if wanted == current:
        return True
    allowed = wanted in services.TRANSITIONS.get(current, frozenset()) or (
        current in services.FINAL and wanted == Activity.Status.USULAN and ctx.access.may_reopen()
    )
    if not allowed:
        _refuse_status(
            ctx,
            row,
            f"status cannot move from {current!r} to {wanted!r}",
            f"status tidak dapat berpindah dari {current!r} ke {wanted!r}",
        )
        return False
    if wanted in services.GATED:
        blockers = services.approval_blockers(activity)
        if blockers:
            _refuse_status(
                ctx,
                row,
                f"status {wanted!r} is refused: " + "; ".join(blockers),
                f"status {wanted!r} ditolak: " + "; ".join(blockers),
            )
            return False
    return True


def _resolve_program(ctx, st: State, given, first: Row, activity: Activity | None):
    """The activity's program from (agency, code, pillar), or a new one with the given name; None when it cannot."""
    current = activity.program if activity is not None and activity.program_id else None
    agency = given["agency"][0] if "agency" in given else (current.agency if current else ctx.agency)
    code = given["program"][0] if "program" in given else (current.code if current else None)
    pillar = given["pillar"][0] if "pillar" in given else (current.pillar if current else None)
    for key, value in (("agency", agency), ("program", code), ("pillar", pillar)):
        if value is None:
            ctx.missing(first, key)
    if None in (agency, code, pillar):
        return None
    key = (agency.pk, code, pillar.pk)
    program = st.programs.get(key)
    if program is not None:
        return program
    row = given.get("program", (None, first))[1]
    if "program_name" not in given:
        ctx.problems.at(
            row,
            "program",
            f"program {code} of {agency.abbreviation} in pillar {pillar.slug!r} does not exist; add it on the web "
            "page or give its name in 'Nama program (bila baru)'",
            f"program {code} milik {agency.abbreviation} di pilar {pillar.slug!r} belum ada; tambahkan di halaman "
            "web atau isi kolom 'Nama program (bila baru)'",
        )
        return None
    if not ctx.owner_ok(row, Program, None, agency):
        return None
    program = Program(
        region=ctx.region, agency=agency, pillar=pillar, code=code, name=given["program_name"][0]
    )
    ctx.validate(
        row, program, {"code": "program", "name": "program_name", "agency": "agency", "pillar": "pillar"}
    )
    ctx.plan("Rencana Aksi (program)", program, True, None)
    st.programs[key] = program
    return program


def check_plan(ctx: Context, rows: list[Row]) -> None:
    st = state(ctx)
    groups: dict[str, list[Row]] = {}
    for row in rows:
        ref = ctx.text(row, "ref")
        if ref is None:
            ctx.missing(row, "ref")
            continue
        groups.setdefault(ref, []).append(row)
    links: dict[str, tuple[Activity, dict, list[Row]]] = {}
    for ref, group in groups.items():
        first = group[0]
        given = _gather(ctx, group, ref, st)
        activity = st.activities.get(ref)
        new = activity is None
        if any(k in r.bad for r in group for k in ACTIVITY_CELLS):
            _check_years(ctx, st, None, group)
            continue
        if new:
            required = (
                "code",
                "name",
                "horizon",
                "start_year",
                "end_year",
                "funding_source",
                "infrastructure",
            )
            for key in required:
                if key not in given:
                    ctx.missing(first, key)
            if not all(key in given for key in required):
                _check_years(ctx, st, None, group)
                continue
        elif not ctx.owner_ok(first, Activity, activity, given.get("agency", (activity.program.agency,))[0]):
            continue
        program = _resolve_program(ctx, st, given, first, activity)
        if program is None:
            continue
        if new:
            if not ctx.owner_ok(first, Activity, None, program.agency):
                continue
            activity = Activity(region=ctx.region, ref=ref, program=program)
            before = None
        else:
            before = snapshot(activity)
            if not ctx.access.may_bring_in_for(program.agency):
                ctx.owner_ok(first, Activity, None, program.agency)
                continue
            activity.program = program
        wanted = (
            given["status"][0] if "status" in given else (Activity.Status.USULAN if new else activity.status)
        )
        if not _check_status(ctx, given.get("status", (None, first))[1], activity, new, wanted):
            continue
        activity.status = wanted
        for key in ("code", "name", "horizon", "start_year", "end_year", "funding_source", "infrastructure"):
            if key in given:
                assign(activity, key, given[key][0])
        for key in ("output_indicator", "output_unit"):
            if any(r.has(key) for r in group):
                set_text(activity, key, given[key][0] if key in given else None)
        _check_horizon(ctx, activity, given.get("horizon", (None, first))[1])
        ctx.validate(given.get("name", (None, first))[1], activity, MODEL_FIELDS, exclude=["program"])
        _check_funding(ctx, activity, given, first)
        op = PlanOp(RENCANA_AKSI.name, activity, new, before)
        ctx.ops.append(op)
        st.planned[ref] = op
        st.activities[ref] = activity
        links[ref] = (activity, {k: given.get(k) for k in ("locations", "missions", "depends_on")}, group)
        _check_years(ctx, st, activity, group)
    _check_links(ctx, st, links)


def _check_funding(ctx: Context, activity: Activity, given: dict, first: Row) -> None:
    """The certain funding rules (docs/funding.md) at the funding-source cell, with the locations of the sheet
    (or the stored ones when the cell is left blank)."""
    if "locations" in given:
        count = len(given["locations"][0])
    else:
        count = activity.locations.count() if activity.pk else 0
    row = given.get("funding_source", (None, first))[1]
    for found in funding.refusals(activity.funding_source, activity.infrastructure, count):
        ctx.problems.at(row, "funding_source", found.text("en"), found.text("id"))


def _check_horizon(ctx: Context, activity: Activity, row: Row) -> None:
    """The horizon rule (method.md §7) in English and Indonesian, at the horizon cell; ``Activity.clean()`` applies
    the same rule, so its message is then not repeated."""
    horizon, start, end = activity.horizon, activity.start_year, activity.end_year
    if horizon not in rules.HORIZONS or not isinstance(start, int) or not isinstance(end, int) or end < start:
        return
    plan_start = services.plan_start(ctx.region)
    english = rules.horizon_problems(horizon, start, end, plan_start, lang="en")
    indonesian = rules.horizon_problems(horizon, start, end, plan_start, lang="id")
    for en, id_ in zip(english, indonesian, strict=True):
        ctx.problems.at(row, "horizon", en, id_)


def _check_years(ctx: Context, st: State, activity: Activity | None, group: list[Row]) -> None:
    """The group's years; with ``activity`` None (its own cells have problems) only the cells are checked."""
    stored = (
        {y.year: y for y in ActivityYear.objects.filter(activity=activity)}
        if activity and activity.pk
        else {}
    )
    seen: dict[int, int] = {}
    for row in group:
        year = ctx.integer(row, "year")
        cost = ctx.decimal(row, "cost", 0)
        target = ctx.decimal(row, "target", 4)
        if year is None and cost is None and target is None:
            continue
        if year is None:
            ctx.missing(row, "year")
            continue
        if cost is None:
            ctx.missing(row, "cost")
        if BAD in (year, cost, target) or cost is None:
            continue
        if cost < 0:
            ctx.problems.at(
                row, "cost", f"cost {_plain(cost)} is below 0", f"biaya {_plain(cost)} di bawah 0"
            )
            continue
        if year in seen:
            ctx.problems.at(
                row,
                "year",
                f"year {year} already appears in row {seen[year]}",
                f"tahun {year} sudah ada di baris {seen[year]}",
            )
            continue
        seen[year] = row.number
        if activity is None:
            continue
        if isinstance(activity.start_year, int) and isinstance(activity.end_year, int):
            if not activity.start_year <= year <= activity.end_year:
                ctx.problems.at(
                    row,
                    "year",
                    f"year {year} is outside the activity's run {activity.start_year}–{activity.end_year}",
                    f"tahun {year} di luar masa kegiatan {activity.start_year}–{activity.end_year}",
                )
                continue
        obj = stored.get(year)
        new = obj is None
        if new:
            obj = ActivityYear(region=ctx.region, activity=activity, year=year, cost=cost, target=target)
            obj.source, obj.illustrative = activity.source, activity.illustrative
            before = None
        else:
            before = snapshot(obj)
            obj.cost, obj.target = cost, target
        ctx.validate(row, obj, {"cost": "cost", "target": "target", "year": "year"}, exclude=["activity"])
        ctx.plan("Rencana Aksi (tahun)", obj, new, before)


def _plain(value: Decimal) -> str:
    return str(number(value))


def _check_links(ctx: Context, st: State, links: dict) -> None:
    """Locations, missions and dependencies of the activities of the sheet, once every ref is known."""
    graph: dict[str, list[str]] = {
        a.ref: [d.ref for d in a.depends_on.all()] for a in Activity.objects.filter(region=ctx.region)
    }
    wanted_deps: dict[str, list[Activity]] = {}
    for ref, (_activity, given, group) in links.items():
        if given["depends_on"] is None:
            if any(r.has("depends_on") for r in group):
                wanted_deps[ref] = []
            continue
        refs, row = given["depends_on"]
        deps = []
        for dep in refs:
            other = st.activities.get(dep)
            if dep == ref:
                ctx.problems.at(
                    row,
                    "depends_on",
                    f"{ref} cannot depend on itself",
                    f"{ref} tidak boleh bergantung pada dirinya",
                )
            elif other is None:
                ctx.problems.at(
                    row,
                    "depends_on",
                    f"activity ref {dep!r} does not exist",
                    f"ref kegiatan {dep!r} tidak ada",
                )
            else:
                deps.append(other)
        wanted_deps[ref] = deps
        graph[ref] = [d.ref for d in deps]
    cycle = _cycle(graph, list(wanted_deps))
    if cycle:
        ref = cycle[0]
        row = (links[ref][1]["depends_on"] or (None, links[ref][2][0]))[1]
        shown = " → ".join(cycle)
        ctx.problems.at(row, "depends_on", f"dependency cycle: {shown}", f"ketergantungan melingkar: {shown}")
    for ref, (_activity, given, group) in links.items():
        op = st.planned[ref]
        sets = {}
        for key in ("locations", "missions"):
            if given[key] is not None:
                sets[key] = list(given[key][0])
            elif any(r.has(key) for r in group):
                sets[key] = []
        if ref in wanted_deps:
            sets["depends_on"] = wanted_deps[ref]
        if sets:
            op.after = _linker(sets)


def _linker(sets: dict[str, list]):
    def link(op: Op, ctx: Context) -> bool:
        changed = False
        for name, objects in sets.items():
            manager = getattr(op.obj, name)
            current = set() if op.new else set(manager.values_list("pk", flat=True))
            if {o.pk for o in objects} != current:
                manager.set(objects)
                changed = True
        return changed

    return link


def _cycle(graph: dict[str, list[str]], starts: list[str]) -> list[str] | None:
    state_: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> list[str] | None:
        state_[node] = 1
        stack.append(node)
        for dep in graph.get(node, []):
            if state_.get(dep) == 1:
                return [*stack[stack.index(dep) :], dep]
            if dep not in state_:
                found = visit(dep, stack)
                if found:
                    return found
        stack.pop()
        state_[node] = 2
        return None

    for node in starts:
        if node not in state_:
            found = visit(node, [])
            if found:
                return found
    return None


def _activity_of(ctx: Context, st: State, row: Row) -> Activity | None:
    ref = ctx.text(row, "ref")
    if ref is None:
        ctx.missing(row, "ref")
        return None
    activity = st.activities.get(ref)
    if activity is None:
        ctx.problems.at(row, "ref", f"activity ref {ref!r} does not exist", f"ref kegiatan {ref!r} tidak ada")
        return None
    if not ctx.access.may_bring_in_for(activity.program.agency):
        ctx.owner_ok(row, Activity, None, activity.program.agency)
        return None
    return activity


def check_risks(ctx: Context, rows: list[Row]) -> None:
    st = state(ctx)
    stored = defaultdict(dict)
    for risk in Risk.objects.filter(region=ctx.region):
        stored[risk.activity_id][lookup_key(risk.risk)] = risk
    seen: dict[tuple, int] = {}
    for row in rows:
        activity = _activity_of(ctx, st, row)
        text = ctx.text(row, "risk")
        likelihood, impact = ctx.integer(row, "likelihood"), ctx.integer(row, "impact")
        if text is None:
            ctx.missing(row, "risk")
        if activity is None or text is None:
            continue
        key = (activity.ref, lookup_key(text))
        if key in seen:
            ctx.problems.at(
                row,
                "risk",
                f"this risk already appears in row {seen[key]}",
                f"risiko ini sudah ada di baris {seen[key]}",
            )
            continue
        seen[key] = row.number
        obj = stored[activity.pk].get(key[1]) if activity.pk else None
        new = obj is None
        for name, value in (("likelihood", likelihood), ("impact", impact)):
            if value is None and (new or row.has(name)):
                ctx.missing(row, name)
        if new:
            obj = Risk(region=ctx.region, activity=activity, risk=text)
            obj.source, obj.illustrative = activity.source, activity.illustrative
        before = None if new else snapshot(obj)
        for name, value in (("likelihood", likelihood), ("impact", impact)):
            if value is not None:
                assign(obj, name, value)
        for name in ("mitigation", "owner"):
            if row.has(name):
                set_text(obj, name, ctx.text(row, name))
        ctx.validate(
            row,
            obj,
            {
                "risk": "risk",
                "likelihood": "likelihood",
                "impact": "impact",
                "mitigation": "mitigation",
                "owner": "owner",
            },
            exclude=["activity"],
        )
        ctx.plan(RISIKO.name, obj, new, before)


def _date(ctx: Context, row: Row):
    value = row.values.get("date")
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = ctx.text(row, "date")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        ctx.problems.at(
            row,
            "date",
            f"date {text!r} is not a date (write YYYY-MM-DD)",
            f"tanggal {text!r} tidak sah (tulis YYYY-MM-DD)",
        )
        return BAD


def check_screenings(ctx: Context, rows: list[Row]) -> None:
    st = state(ctx)
    stored = {(s.activity_id, s.local_wisdom_id): s for s in Screening.objects.filter(region=ctx.region)}
    consultations = defaultdict(dict)
    for c in Consultation.objects.filter(screening__region=ctx.region):
        consultations[c.screening_id][lookup_key(c.custodian)] = c
    groups: dict[tuple, list[Row]] = {}
    for row in rows:
        activity = _activity_of(ctx, st, row)
        relation = ctx.choice(row, "relation", RELATIONS)
        name = ctx.text(row, "local_wisdom")
        if activity is None or relation is BAD:
            continue
        if relation == NO_RELATION:
            if name is not None:
                ctx.problems.at(
                    row,
                    "local_wisdom",
                    "leave the local wisdom item blank for 'no relation'",
                    "kosongkan butir kearifan lokal untuk 'tidak ada kaitan'",
                )
                continue
            groups.setdefault((activity.ref, None), []).append(row)
            continue
        if name is None:
            ctx.missing(row, "local_wisdom")
            continue
        item = st.wisdom.get(lookup_key(name))
        if item is None:
            ctx.problems.at(
                row,
                "local_wisdom",
                f"unknown local wisdom item {name!r}",
                f"butir kearifan lokal {name!r} tidak dikenal",
            )
            continue
        groups.setdefault((activity.ref, item.pk), []).append(row)
    refs_with_items = {ref for ref, item in groups if item is not None}
    for (ref, item_pk), group in groups.items():
        activity = st.activities[ref]
        first = group[0]
        if item_pk is None:
            if ref in refs_with_items:
                ctx.problems.at(
                    first,
                    "relation",
                    f"{ref} has related items in this sheet, so it cannot also have 'no relation'",
                    f"{ref} punya butir terkait di lembar ini, jadi tidak dapat juga 'tidak ada kaitan'",
                )
                continue
            if not activity.no_local_wisdom_relation:
                st.activity_op(ctx, activity)
                activity.no_local_wisdom_relation = True
            continue
        if activity.no_local_wisdom_relation:
            st.activity_op(ctx, activity)
            activity.no_local_wisdom_relation = False
        item = next(w for w in st.wisdom.values() if w.pk == item_pk)
        given: dict[str, tuple[Any, Row]] = {}
        for row in group:
            for key in ("relation", "note", "mitigation"):
                if not row.has(key) or row.blank(key):
                    continue
                value = ctx.choice(row, key, RELATIONS) if key == "relation" else ctx.text(row, key)
                if key in given and given[key][0] != value:
                    ctx.problems.at(
                        row,
                        key,
                        f"{PENAPISAN.by_key[key].en} differs from row {given[key][1].number}",
                        f"{PENAPISAN.by_key[key].id_} berbeda dengan baris {given[key][1].number}",
                    )
                else:
                    given.setdefault(key, (value, row))
        screening = stored.get((activity.pk, item_pk)) if activity.pk else None
        new = screening is None
        if new:
            screening = Screening(region=ctx.region, activity=activity, local_wisdom=item)
            screening.source, screening.illustrative = activity.source, activity.illustrative
        before = None if new else snapshot(screening)
        screening.relation = given["relation"][0]
        for key in ("note", "mitigation"):
            if any(r.has(key) for r in group):
                set_text(screening, key, given[key][0] if key in given else None)
        ctx.validate(first, screening, {"relation": "relation", "note": "note", "mitigation": "mitigation"},
                     exclude=["activity"])  # fmt: skip
        ctx.plan(PENAPISAN.name, screening, new, before)
        _check_consultations(ctx, screening, group, {} if new else consultations[screening.pk])


def _check_consultations(ctx: Context, screening: Screening, group: list[Row], stored: dict) -> None:
    seen: dict[str, int] = {}
    for row in group:
        custodian = ctx.text(row, "custodian")
        status = ctx.choice(row, "consultation_status", CONSULTATION_STATUSES)
        date = _date(ctx, row)
        outcome = ctx.text(row, "outcome")
        if custodian is None:
            if status is not None or date is not None or outcome is not None:
                ctx.missing(row, "custodian")
            continue
        if BAD in (status, date):
            continue
        key = lookup_key(custodian)
        if key in seen:
            ctx.problems.at(
                row,
                "custodian",
                f"a consultation with {custodian!r} already appears in row {seen[key]}",
                f"konsultasi dengan {custodian!r} sudah ada di baris {seen[key]}",
            )
            continue
        seen[key] = row.number
        obj = stored.get(key)
        new = obj is None
        if new:
            obj = Consultation(region=ctx.region, screening=screening, custodian=custodian)
            obj.source, obj.illustrative = screening.source, screening.illustrative
        before = None if new else snapshot(obj)
        obj.status = status or Consultation.Status.PLANNED
        obj.date = date
        set_text(obj, "outcome", outcome)
        ctx.validate(
            row,
            obj,
            {"custodian": "custodian", "status": "consultation_status", "date": "date", "outcome": "outcome"},
            exclude=["screening"],
        )
        ctx.plan("Penapisan (konsultasi)", obj, new, before)


ACTIONPLAN_CHECKS = ((RENCANA_AKSI, check_plan), (RISIKO, check_risks), (PENAPISAN, check_screenings))
