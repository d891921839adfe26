"""Selection and schedule of activities under yearly ceilings per funding source (method.md §9).

Pemilihan dan penjadwalan kegiatan dengan pagu tahunan per sumber dana.

A mixed-integer program (SciPy ``milp``, i.e. HiGHS) chooses for each candidate whether and in which
year of its window it starts, so that

- each year's spending per funding source stays within that year's ceiling (an absent year/source has
  ceiling 0);
- an activity is chosen only if every activity it depends on is chosen and ends before it starts
  (start >= dependency start + dependency duration);
- mandatory activities (and, necessarily, what they depend on) are chosen;

maximising the sum of the chosen activities' priorities. Among plans of equal priority, earlier starts
win: the solver's objective carries a tie-break of at most ``TIE_BREAK_SHARE`` of the smallest difference
between two priorities, spread over all start-year delays; the reported ``objective`` is the pure sum of
priorities.

Model (one binary ``x[c, s]`` per candidate ``c`` and allowed start year ``s``)::

    maximise   sum p_c * x[c,s]  -  eps * (s - earliest_c) * x[c,s]
    subject to sum_s x[c,s] <= 1      (= 1 for mandatory activities and what they depend on)
               sum_{c in source, s} cost_c[y - s] * x[c,s] <= ceiling[y, source]   (every year, source)
               x[c,s] <= sum_{s' + duration_d <= s} x[d,s']                          (every c -> d)

Start years that can never work are removed before solving (tightening): those before a dependency can
end, and those where the activity alone exceeds a ceiling. Budget rows that can never bind are dropped. If
the solver stops at its time limit with a plan worse than the greedy baseline (priority per rupiah,
earliest feasible start), the greedy plan is returned instead, so a plan is never worse than greedy.
"""

from __future__ import annotations

import math
import time
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array, hstack

from kotacerdas.method.errors import MethodError, check_int, check_number, rupiah

#: The whole start-year tie-break is at most this share of the smallest gap between two distinct priorities.
TIE_BREAK_SHARE = 0.01
#: Objective coefficients are scaled so the largest priority is this big (HiGHS' absolute gap stays tiny).
_OBJECTIVE_SCALE = 1000.0
#: Money is passed to HiGHS in millions of rupiah.
_MONEY_SCALE = 1e6
#: Spending may exceed a ceiling by at most this many rupiah through floating-point rounding.
MONEY_TOLERANCE = 0.5
#: A plan is reported as proven optimal when HiGHS' achieved relative gap is at most this.
PROVEN_GAP = 1e-6

Key = tuple[int, str]

#: Languages of the reasons and messages: Indonesian (the default) and English.
LANGS: tuple[str, ...] = ("id", "en")

# Every deferred reason, message and MethodError raised by plan() / greedy(), in Indonesian (the default) and
# English. ``{source}`` is a funding source code, or its label when ``source_labels`` gives one.
_TEXT: dict[str, dict[str, str]] = {
    "id": {
        # input checks
        "number": "{what} harus berupa angka, bukan {value!r}",
        "finite": "{what} harus berupa angka terhingga, bukan {value!r}",
        "at_least": "{what} harus paling sedikit {low}, bukan {number}",
        "at_most": "{what} harus paling banyak {high}, bukan {number}",
        "whole": "{what} harus berupa bilangan bulat, bukan {value!r}",
        "ceiling_key": "pagu harus diberi kunci (tahun, sumber dana), bukan {key!r}",
        "ceiling_year": "tahun pagu {key!r}",
        "ceiling_source": "sumber dana pagu {key!r} harus berupa teks yang tidak kosong",
        "ceiling_amount": "pagu {source} {year}",
        "gap": "gap optimalitas",
        "time_limit": "batas waktu (detik)",
        "time_limit_zero": "batas waktu harus lebih dari 0 detik",
        "not_candidate": "diharapkan portfolio.Candidate, bukan {type}",
        "same_id": "dua calon memakai id yang sama: {id}",
        "unknown_dependency": "kegiatan {id} bergantung pada {dep}, yang tidak termasuk dalam daftar calon",
        "cycle": "ketergantungan membentuk lingkaran, sehingga tidak satu pun dari kegiatan ini dapat "
        "dimulai: {path}",
        # why an activity can never be scheduled
        "never_dep": "bergantung pada {dep}, yang tidak dapat dijadwalkan ({why})",
        "dep_too_late": "bergantung pada {dep}, yang paling cepat selesai pada {end}, padahal tahun mulai "
        "paling lambatnya {latest}",
        "alone": "kegiatan ini saja sudah membutuhkan {cost} dari {source} pada {year}, melebihi pagu tahun "
        "itu {ceiling} ({when})",
        "alone_one": "jika dimulai {start}",
        "alone_every": "pada setiap tahun mulai yang diizinkan, mis. {start}",
        # a mandatory activity that can never be scheduled
        "mandatory_never": "kegiatan wajib {id} tidak dapat dijadwalkan: {why}",
        "needed_never": "kegiatan {id} (dibutuhkan oleh kegiatan wajib) tidak dapat dijadwalkan: {why}",
        "why_never_dep": "kegiatan ini bergantung pada {dep}, yang tidak dapat dijadwalkan",
        "why_dep_too_late": "kegiatan ini bergantung pada {dep}, yang paling cepat selesai pada {end}, "
        "padahal tahun mulai paling lambatnya {latest}",
        "why_empty": "rentang tahun mulainya kosong",
        # mandatory activities that cannot all be funded
        "infeasible": "kegiatan wajib ({names}) tidak dapat dijadwalkan seluruhnya dalam pagu",
        "one_by_one": "kegiatan wajib ({names}) muat dalam pagu bila dijadwalkan bersama, tetapi tidak bila "
        "ditempatkan satu per satu pada tahun mulai paling awal; gunakan portfolio.plan",
        "short_other": "{source} {year} (kurang {short})",
        "short": "kegiatan wajib tidak dapat didanai seluruhnya: pada {year}, sumber dana {source}, "
        "dibutuhkan paling sedikit {need}, sedangkan pagunya {ceiling} (kurang {short}); belanja kegiatan "
        "wajib di sana: {users}",
        "short_also": "; juga kurang: {others}",
        "short_end": ". Naikkan pagu itu, geser tahun mulai, atau jadikan salah satu kegiatan tidak wajib.",
        # deferred reasons
        "dep_deferred": "bergantung pada {dep}, yang ditunda",
        "dep_scheduled": "bergantung pada {dep}, yang dijadwalkan {span}, padahal tahun mulai paling "
        "lambatnya {latest}",
        "zero_priority": "prioritasnya 0, sehingga memilihnya tidak menambah nilai apa pun",
        "solver_left_out": "tidak dipilih oleh solver dalam batas gap/waktunya; sebenarnya masih muat jika "
        "dimulai {start}",
        "used_up": "pagu {source} {year} tidak cukup: butuh {cost}, tersisa {left} dari {ceiling} ({when})",
        "used_up_one": "jika dimulai {start}",
        "used_up_every": "untuk setiap tahun mulai {first}–{last}",
        # plan messages and solver failures
        "overspend": "kesalahan internal: rencana melampaui pagu {source} {year}; mohon laporkan",
        "no_plan": "tidak ditemukan rencana dalam batas waktu {seconds} detik; beri waktu lebih lama "
        "({solver})",
        "nothing": "tidak ada yang dapat dipilih",
        "greedy": "rencana dasar greedy",
        "greedy_no_plan": "solver tidak menemukan rencana tepat waktu ({solver}); rencana greedy dipakai",
        "greedy_better": "rencana greedy dipakai: lebih baik daripada rencana solver pada batasnya "
        "({solver})",
    },
    "en": {
        "number": "{what} must be a number, got {value!r}",
        "finite": "{what} must be a finite number, got {value!r}",
        "at_least": "{what} must be at least {low}, got {number}",
        "at_most": "{what} must be at most {high}, got {number}",
        "whole": "{what} must be a whole number, got {value!r}",
        "ceiling_key": "a ceiling must be keyed by (year, source), got {key!r}",
        "ceiling_year": "the year of ceiling {key!r}",
        "ceiling_source": "the source of ceiling {key!r} must be a non-empty text",
        "ceiling_amount": "the ceiling for {source} in {year}",
        "gap": "the optimality gap",
        "time_limit": "the time limit (seconds)",
        "time_limit_zero": "the time limit must be more than 0 seconds",
        "not_candidate": "expected portfolio.Candidate, got {type}",
        "same_id": "two candidates share the id {id}",
        "unknown_dependency": "activity {id} depends on {dep}, which is not among the candidates",
        "cycle": "the dependencies form a cycle, so none of these can ever start: {path}",
        "never_dep": "depends on {dep}, which can never be scheduled ({why})",
        "dep_too_late": "depends on {dep}, which ends in {end} at the earliest; the latest allowed start is "
        "{latest}",
        "alone": "it alone needs {cost} from {source} in {year}, more than that year's ceiling {ceiling} "
        "({when})",
        "alone_one": "starting in {start}",
        "alone_every": "at every allowed start (e.g. {start})",
        "mandatory_never": "mandatory activity {id} can never be scheduled: {why}",
        "needed_never": "activity (needed by a mandatory one) {id} can never be scheduled: {why}",
        "why_never_dep": "it depends on {dep}, which can never be scheduled",
        "why_dep_too_late": "it depends on {dep}, which ends in {end} at the earliest; the latest allowed "
        "start is {latest}",
        "why_empty": "its start window is empty",
        "infeasible": "the mandatory activities ({names}) cannot all be scheduled within the ceilings",
        "one_by_one": "the mandatory activities ({names}) fit the ceilings together, but not when placed one "
        "by one at their earliest start; use portfolio.plan",
        "short_other": "{source} {year} (short by {short})",
        "short": "the mandatory activities cannot all be funded: in {year}, source {source}, they need at "
        "least {need} but the ceiling is {ceiling} (short by {short}); mandatory spending there: {users}",
        "short_also": "; also short: {others}",
        "short_end": ". Raise that ceiling, move a start year or make an activity optional.",
        "dep_deferred": "depends on {dep}, which is deferred",
        "dep_scheduled": "depends on {dep}, which is scheduled {span}; the latest allowed start is {latest}",
        "zero_priority": "its priority is 0, so choosing it gains nothing",
        "solver_left_out": "left out by the solver within its gap/time limit; it would still fit starting in "
        "{start}",
        "used_up": "ceiling {source} {year} is used up: it needs {cost} there, only {left} of {ceiling} is "
        "left ({when})",
        "used_up_one": "starting in {start}",
        "used_up_every": "at every start from {first} to {last}",
        "overspend": "internal error: the plan overspends {source} {year}; please report this",
        "no_plan": "no plan was found within the time limit of {seconds} s; allow more time ({solver})",
        "nothing": "nothing to choose",
        "greedy": "greedy baseline",
        "greedy_no_plan": "the solver found no plan in time ({solver}); greedy plan kept",
        "greedy_better": "greedy plan kept: better than the solver's plan at its limit ({solver})",
    },
}


@dataclass(frozen=True)
class _Say:
    """The texts in one language, with the funding sources' labels."""

    lang: str = "en"
    labels: Mapping[str, str] = field(default_factory=dict)

    def __call__(self, text: str, /, **values: object) -> str:
        return _TEXT[self.lang][text].format(**values)

    def source(self, code: str) -> str:
        return self.labels.get(code, code)

    def number(self, value: float) -> str:
        text = f"{value:g}"
        return text.replace(".", ",") if self.lang == "id" else text

    def span(self, start: int, end: int) -> str:
        if self.lang == "en":
            return f"{start}-{end}"
        return str(start) if start == end else f"{start}–{end}"

    def check_number(
        self, value: object, what: str, low: float | None = None, high: float | None = None
    ) -> float:
        if self.lang == "en":
            return check_number(value, what, low, high)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise MethodError(self("number", what=what, value=value))
        number = float(value)
        if not math.isfinite(number):
            raise MethodError(self("finite", what=what, value=value))
        if low is not None and number < low:
            raise MethodError(self("at_least", what=what, low=self.number(low), number=self.number(number)))
        if high is not None and number > high:
            raise MethodError(self("at_most", what=what, high=self.number(high), number=self.number(number)))
        return number

    def check_int(self, value: object, what: str) -> int:
        if self.lang == "en":
            return check_int(value, what)
        if isinstance(value, bool) or not isinstance(value, int):
            raise MethodError(self("whole", what=what, value=value))
        return value


def _say(lang: str, source_labels: Mapping[str, str] | None) -> _Say:
    if lang not in LANGS:
        raise MethodError(f"unknown language {lang!r}; use 'id' or 'en'")
    labels = {str(k): str(v) for k, v in (source_labels or {}).items()}
    return _Say(lang, labels)


@dataclass(frozen=True)
class Candidate:
    """A candidate activity.

    ``costs`` are the rupiah amounts for each year of its run (its length is the duration); ``earliest``
    and ``latest`` bound the start year; ``depends_on`` lists the ids of activities that must end before it
    starts.
    """

    id: Hashable
    priority: float
    costs: Sequence[float]
    source: str
    earliest: int
    latest: int
    depends_on: Sequence[Hashable] = ()
    mandatory: bool = False

    def __post_init__(self) -> None:
        name = f"activity {self.id!s}"
        check_number(self.priority, f"the priority of {name}", 0.0)
        costs = tuple(self.costs)
        if not costs:
            raise MethodError(f"{name} needs a cost for at least one year (its duration = number of costs)")
        for k, cost in enumerate(costs):
            check_number(cost, f"the cost of {name} in year {k + 1} of its run", 0.0)
        object.__setattr__(self, "costs", tuple(float(cost) for cost in costs))
        object.__setattr__(self, "priority", float(self.priority))
        if not isinstance(self.source, str) or not self.source.strip():
            raise MethodError(f"{name} needs a funding source")
        check_int(self.earliest, f"the earliest start year of {name}")
        check_int(self.latest, f"the latest start year of {name}")
        if self.latest < self.earliest:
            raise MethodError(
                f"{name}: the latest start year {self.latest} is before the earliest {self.earliest}"
            )
        depends = tuple(self.depends_on)
        if self.id in depends:
            raise MethodError(f"{name} cannot depend on itself")
        object.__setattr__(self, "depends_on", depends)
        if not isinstance(self.mandatory, bool):
            raise MethodError(f"{name}: mandatory must be True or False")

    @property
    def duration(self) -> int:
        return len(self.costs)

    @property
    def total_cost(self) -> float:
        return math.fsum(self.costs)

    def spending(self, start: int) -> dict[Key, float]:
        """Spending per (year, source) if the activity starts in ``start``."""
        return {(start + k, self.source): cost for k, cost in enumerate(self.costs) if cost > 0}


@dataclass(frozen=True)
class Plan:
    """The chosen schedule.

    ``status`` is "optimal" (HiGHS finished within the requested gap), "time_limit" (stopped at the time
    limit with a feasible plan) or "greedy" (the greedy baseline). ``optimal`` is True only when optimality
    is proven (achieved gap <= ``PROVEN_GAP``). ``gap`` is the achieved relative gap (None for a bare greedy
    plan); ``bound`` an upper bound on the objective when the solver proved one. ``objective`` is the sum of
    the chosen activities' priorities; ``chosen`` maps id -> start year; ``deferred`` maps id -> why it
    was left out; ``spending`` maps (year, source) -> rupiah for every ceiling given and every pair with
    spending.
    """

    status: str
    optimal: bool
    gap: float | None
    objective: float
    chosen: dict[Hashable, int]
    deferred: dict[Hashable, str]
    spending: dict[Key, float]
    bound: float | None = None
    seconds: float = 0.0
    message: str = ""
    ceilings: dict[Key, float] = field(default_factory=dict, repr=False)

    def end_year(self, candidate: Candidate) -> int | None:
        """Last year of a chosen candidate's run, or None if it is deferred."""
        start = self.chosen.get(candidate.id)
        return None if start is None else start + candidate.duration - 1


# ------------------------------------------------------------------------------------------ validation
def _check_ceilings(ceilings: Mapping[Key, float], say: _Say) -> dict[Key, float]:
    checked: dict[Key, float] = {}
    for key, amount in ceilings.items():
        if not (isinstance(key, tuple) and len(key) == 2):
            raise MethodError(say("ceiling_key", key=key))
        year, source = key
        say.check_int(year, say("ceiling_year", key=key))
        if not isinstance(source, str) or not source.strip():
            raise MethodError(say("ceiling_source", key=key))
        what = say("ceiling_amount", source=say.source(source), year=year)
        checked[(year, source)] = say.check_number(amount, what, 0.0)
    return checked


def _topological(candidates: Sequence[Candidate], say: _Say) -> list[Candidate]:
    by_id = {c.id: c for c in candidates}
    for c in candidates:
        for d in c.depends_on:
            if d not in by_id:
                raise MethodError(say("unknown_dependency", id=c.id, dep=d))
    order: list[Candidate] = []
    state: dict[Hashable, int] = {}  # 1 visiting, 2 done

    for root in candidates:
        if state.get(root.id) == 2:
            continue
        stack: list[tuple[Candidate, int]] = [(root, 0)]
        path: list[Hashable] = []
        while stack:
            node, index = stack.pop()
            if index == 0:
                if state.get(node.id) == 2:
                    continue
                state[node.id] = 1
                path.append(node.id)
            if index < len(node.depends_on):
                stack.append((node, index + 1))
                dep = by_id[node.depends_on[index]]
                if state.get(dep.id) == 1:
                    cycle = path[path.index(dep.id) :] + [dep.id]
                    raise MethodError(say("cycle", path=" -> ".join(str(i) for i in cycle)))
                if state.get(dep.id) != 2:
                    stack.append((dep, 0))
            else:
                state[node.id] = 2
                path.pop()
                order.append(node)
    return order


@dataclass
class _Prepared:
    candidates: list[Candidate]
    by_id: dict[Hashable, Candidate]
    order: list[Candidate]
    ceilings: dict[Key, float]
    forced: set[Hashable]
    dep_options: dict[Hashable, list[int]]  # start years allowed by window and dependencies
    options: dict[Hashable, list[int]]  # ... and where the activity alone fits every ceiling
    never: dict[Hashable, str]  # why an activity can never be scheduled
    say: _Say  # the language of the reasons and messages


def _first_overrun(c: Candidate, start: int, room: Mapping[Key, float]) -> tuple[Key, float, float] | None:
    for key, cost in c.spending(start).items():
        available = room.get(key, 0.0)
        if cost > available + MONEY_TOLERANCE:
            return key, cost, available
    return None


def _why_dependency(
    c: Candidate, by_id: Mapping[Hashable, Candidate], dep_options: Mapping, say: _Say
) -> str:
    for d in c.depends_on:
        if not dep_options[d]:
            return say("why_never_dep", dep=d)
        end = dep_options[d][0] + by_id[d].duration - 1
        if end + 1 > c.latest:
            return say("why_dep_too_late", dep=d, end=end, latest=c.latest)
    return say("why_empty")


def _prepare(candidates: Iterable[Candidate], ceilings: Mapping[Key, float], say: _Say) -> _Prepared:
    items = list(candidates)
    for c in items:
        if not isinstance(c, Candidate):
            raise MethodError(say("not_candidate", type=type(c).__name__))
    by_id: dict[Hashable, Candidate] = {}
    for c in items:
        if c.id in by_id:
            raise MethodError(say("same_id", id=c.id))
        by_id[c.id] = c
    checked = _check_ceilings(ceilings, say)
    order = _topological(items, say)

    forced: set[Hashable] = set()
    stack = [c.id for c in items if c.mandatory]
    while stack:
        cid = stack.pop()
        if cid not in forced:
            forced.add(cid)
            stack.extend(by_id[cid].depends_on)

    dep_options: dict[Hashable, list[int]] = {}
    options: dict[Hashable, list[int]] = {}
    never: dict[Hashable, str] = {}
    for c in order:
        # dep_options: window and dependencies only; options: dependencies' feasible starts and fit alone
        dep_min = opt_min = c.earliest
        reason = None
        for d in c.depends_on:
            dep = by_id[d]
            if dep_options[d]:
                dep_min = max(dep_min, dep_options[d][0] + dep.duration)
            else:
                dep_min = c.latest + 1
            if reason is not None:
                continue
            if not options[d]:
                reason = say("never_dep", dep=d, why=never[d])
                continue
            end = options[d][0] + dep.duration - 1
            if end + 1 > c.latest:
                reason = say("dep_too_late", dep=d, end=end, latest=c.latest)
                continue
            opt_min = max(opt_min, end + 1)
        dep_options[c.id] = list(range(dep_min, c.latest + 1))
        if reason is not None:
            options[c.id] = []
            never[c.id] = reason
            continue
        starts = list(range(opt_min, c.latest + 1))
        options[c.id] = [s for s in starts if _first_overrun(c, s, checked) is None]
        if not options[c.id]:
            s = starts[0]
            overrun = _first_overrun(c, s, checked)
            assert overrun is not None
            (year, source), cost, ceiling = overrun
            when = say("alone_one" if len(starts) == 1 else "alone_every", start=s)
            never[c.id] = say(
                "alone",
                cost=rupiah(cost),
                source=say.source(source),
                year=year,
                ceiling=rupiah(ceiling),
                when=when,
            )
    for c in order:
        if c.id in forced and not dep_options[c.id]:
            why = _why_dependency(c, by_id, dep_options, say)
            raise MethodError(say("mandatory_never" if c.mandatory else "needed_never", id=c.id, why=why))
    return _Prepared(items, by_id, order, checked, forced, dep_options, options, never, say)


# -------------------------------------------------------------------------------------------- the MILP
def _tie_break(candidates: Sequence[Candidate], options: Mapping[Hashable, list[int]]) -> float:
    """Objective penalty (in scaled units) per year of start delay."""
    values = sorted({0.0} | {c.priority for c in candidates})
    diffs = [b - a for a, b in zip(values, values[1:], strict=False) if b - a > 1e-12]
    if not diffs:
        return 0.0
    p_max = max(values)
    smallest = min(diffs) * _OBJECTIVE_SCALE / p_max
    delays = sum((opts[-1] - opts[0]) for opts in options.values() if opts)
    if delays == 0:
        return 0.0
    return TIE_BREAK_SHARE * smallest / delays


@dataclass
class _Model:
    columns: list[tuple[Hashable, int]]  # the start columns x[c, s]; any choice columns y[c] follow them
    c: np.ndarray  # objective over all columns
    constraints: list[LinearConstraint]
    rows: list[Key]  # budget rows, in order, for diagnosis
    lower: np.ndarray  # lower bounds of all columns (1 for the choice column of a forced candidate)


def _build(
    prep: _Prepared,
    use: Mapping[Hashable, list[int]],
    ids: Sequence[Hashable],
    eps: float,
    choice: bool = False,
) -> _Model:
    """The MILP. With ``choice``, every candidate with two or more start years also gets a binary ``y[c]``
    (chosen or not) with ``sum_s x[c,s] = y[c]``: the same feasible set, but the solver can branch on "in or
    out" instead of on single start years, which proves optimality several times faster (bench/)."""
    columns: list[tuple[Hashable, int]] = []
    index: dict[tuple[Hashable, int], int] = {}
    for cid in ids:
        for s in use[cid]:
            index[(cid, s)] = len(columns)
            columns.append((cid, s))
    chooser = [cid for cid in ids if len(use[cid]) > 1] if choice else []
    n = len(columns) + len(chooser)
    y_index = {cid: len(columns) + k for k, cid in enumerate(chooser)}
    column_lower = np.zeros(n)
    p_max = max((prep.by_id[cid].priority for cid in ids), default=0.0)
    scale = _OBJECTIVE_SCALE / p_max if p_max > 0 else 1.0
    cost = np.zeros(n)
    for j, (cid, s) in enumerate(columns):
        cand = prep.by_id[cid]
        cost[j] = -(cand.priority * scale - eps * (s - use[cid][0]))

    constraints: list[LinearConstraint] = []
    # one start at most (exactly one when forced); with a choice column: sum_s x[c,s] - y[c] = 0, y[c] >= forced
    rows, cols, vals, lower, upper = [], [], [], [], []
    for r, cid in enumerate(ids):
        for s in use[cid]:
            rows.append(r)
            cols.append(index[(cid, s)])
            vals.append(1.0)
        forced = 1.0 if cid in prep.forced else 0.0
        if cid in y_index:
            column_lower[y_index[cid]] = forced
            rows.append(r)
            cols.append(y_index[cid])
            vals.append(-1.0)
            lower.append(0.0)
            upper.append(0.0)
        else:
            lower.append(forced)
            upper.append(1.0)
    if ids:
        constraints.append(
            LinearConstraint(csr_array((vals, (rows, cols)), shape=(len(ids), n)), lower, upper)
        )
    # budget rows
    entries: dict[Key, list[tuple[int, float]]] = {}
    for j, (cid, s) in enumerate(columns):
        for key, amount in prep.by_id[cid].spending(s).items():
            entries.setdefault(key, []).append((j, amount))
    budget_keys: list[Key] = []
    rows, cols, vals, upper = [], [], [], []
    for key, row in sorted(entries.items()):
        ceiling = prep.ceilings.get(key, 0.0)
        if math.fsum(amount for _, amount in row) <= ceiling:
            continue  # can never bind
        r = len(budget_keys)
        budget_keys.append(key)
        for j, amount in row:
            rows.append(r)
            cols.append(j)
            vals.append(amount / _MONEY_SCALE)
        upper.append(ceiling / _MONEY_SCALE)
    if budget_keys:
        matrix = csr_array((vals, (rows, cols)), shape=(len(budget_keys), n))
        constraints.append(LinearConstraint(matrix, -np.inf, upper))
    # dependencies: x[c,s] <= sum of x[d,s'] with s' + duration_d <= s
    rows, cols, vals = [], [], []
    r = 0
    for cid in ids:
        cand = prep.by_id[cid]
        for d in cand.depends_on:
            dep = prep.by_id[d]
            for s in use[cid]:
                rows.append(r)
                cols.append(index[(cid, s)])
                vals.append(1.0)
                for s2 in use.get(d, []):
                    if s2 + dep.duration <= s and (d, s2) in index:
                        rows.append(r)
                        cols.append(index[(d, s2)])
                        vals.append(-1.0)
                r += 1
    if r:
        constraints.append(LinearConstraint(csr_array((vals, (rows, cols)), shape=(r, n)), -np.inf, 0.0))
    return _Model(columns, cost, constraints, budget_keys, column_lower)


def _solve(model: _Model, gap: float, time_limit: float):  # noqa: ANN202 - scipy's OptimizeResult
    n = len(model.c)
    return milp(
        model.c,
        integrality=np.ones(n),
        bounds=Bounds(model.lower, np.ones(n)),
        constraints=model.constraints,
        options={"mip_rel_gap": gap, "time_limit": time_limit, "disp": False, "presolve": True},
    )


def _diagnose(prep: _Prepared, time_limit: float) -> MethodError:
    """Why the mandatory set cannot be funded: the (year, source) with the largest shortfall."""
    ids = [c.id for c in prep.order if c.id in prep.forced]
    use = {cid: prep.dep_options[cid] for cid in ids}
    model = _build(prep, use, ids, 0.0)
    n = len(model.columns)
    m = len(model.rows)
    # add one slack per budget row: sum cost x - slack <= ceiling; minimise total slack
    c = np.concatenate([np.zeros(n), np.ones(m)])
    constraints = []
    for k, con in enumerate(model.constraints):
        a = con.A
        extra = csr_array((a.shape[0], m))
        if k == 1 and m:  # the budget block
            extra = csr_array((-np.ones(m), (np.arange(m), np.arange(m))), shape=(m, m))
        constraints.append(LinearConstraint(hstack([a, extra]).tocsr(), con.lb, con.ub))
    integrality = np.concatenate([np.ones(n), np.zeros(m)])
    res = milp(
        c,
        integrality=integrality,
        bounds=Bounds(np.zeros(n + m), np.concatenate([np.ones(n), np.full(m, np.inf)])),
        constraints=constraints,
        options={"time_limit": time_limit, "disp": False},
    )
    say = prep.say
    if res.x is None or m == 0:
        return MethodError(say("infeasible", names=", ".join(str(i) for i in ids)))
    slack = res.x[n:] * _MONEY_SCALE
    worst = int(np.argmax(slack))
    if slack[worst] <= MONEY_TOLERANCE:
        return MethodError(say("one_by_one", names=", ".join(str(i) for i in ids)))
    year, source = model.rows[worst]
    ceiling = prep.ceilings.get((year, source), 0.0)
    short = slack[worst]
    users = []
    for j, (cid, s) in enumerate(model.columns):
        if res.x[j] > 0.5 and (year, source) in prep.by_id[cid].spending(s):
            users.append(str(cid))
    others = [
        say("short_other", source=say.source(src), year=yr, short=rupiah(slack[k]))
        for k, (yr, src) in enumerate(model.rows)
        if k != worst and slack[k] > MONEY_TOLERANCE
    ]
    message = say(
        "short",
        year=year,
        source=say.source(source),
        need=rupiah(ceiling + short),
        ceiling=rupiah(ceiling),
        short=rupiah(short),
        users=", ".join(users) or "-",
    )
    if others:
        message += say("short_also", others=", ".join(others))
    return MethodError(message + say("short_end"))


# -------------------------------------------------------------------------------------------- decoding
def _spending(prep: _Prepared, chosen: Mapping[Hashable, int]) -> dict[Key, float]:
    spending: dict[Key, float] = dict.fromkeys(prep.ceilings, 0.0)
    for cid, start in chosen.items():
        for key, amount in prep.by_id[cid].spending(start).items():
            spending[key] = spending.get(key, 0.0) + amount
    return dict(sorted(spending.items()))


def _deferred(prep: _Prepared, chosen: Mapping[Hashable, int], spending: Mapping[Key, float]) -> dict:
    say = prep.say
    room = {key: prep.ceilings.get(key, 0.0) - spending.get(key, 0.0) for key in prep.ceilings}
    reasons: dict[Hashable, str] = {}
    for c in prep.candidates:
        if c.id in chosen:
            continue
        if c.id in prep.never:
            reasons[c.id] = prep.never[c.id]
            continue
        missing = [d for d in c.depends_on if d not in chosen]
        if missing:
            reasons[c.id] = say("dep_deferred", dep=missing[0])
            continue
        start_min = c.earliest
        late_dep = None
        for d in c.depends_on:
            end = chosen[d] + prep.by_id[d].duration - 1
            if end + 1 > start_min:
                start_min, late_dep = end + 1, (d, chosen[d], end)
        starts = [s for s in prep.options[c.id] if s >= start_min]
        if not starts:
            d, start, end = late_dep  # type: ignore[misc]
            reasons[c.id] = say("dep_scheduled", dep=d, span=say.span(start, end), latest=c.latest)
            continue
        blocked = [(s, _first_overrun(c, s, room)) for s in starts]
        fits = [s for s, overrun in blocked if overrun is None]
        if fits:
            if c.priority == 0:
                reasons[c.id] = say("zero_priority")
            else:
                reasons[c.id] = say("solver_left_out", start=fits[0])
            continue
        s, ((year, source), cost, available) = blocked[0]  # type: ignore[misc]
        if len(starts) == 1:
            when = say("used_up_one", start=s)
        else:
            when = say("used_up_every", first=starts[0], last=starts[-1])
        reasons[c.id] = say(
            "used_up",
            source=say.source(source),
            year=year,
            cost=rupiah(cost),
            left=rupiah(max(available, 0.0)),
            ceiling=rupiah(prep.ceilings.get((year, source), 0.0)),
            when=when,
        )
    return reasons


def _make_plan(
    prep: _Prepared,
    chosen: dict[Hashable, int],
    status: str,
    optimal: bool,
    gap: float | None,
    bound: float | None,
    seconds: float,
    message: str,
) -> Plan:
    spending = _spending(prep, chosen)
    for key, amount in spending.items():
        if amount > prep.ceilings.get(key, 0.0) + MONEY_TOLERANCE:
            raise MethodError(prep.say("overspend", source=prep.say.source(key[1]), year=key[0]))
    objective = math.fsum(prep.by_id[cid].priority for cid in chosen)
    ordered = {c.id: chosen[c.id] for c in prep.candidates if c.id in chosen}
    return Plan(
        status=status,
        optimal=optimal,
        gap=gap,
        objective=objective,
        chosen=ordered,
        deferred=_deferred(prep, chosen, spending),
        spending=spending,
        bound=bound,
        seconds=seconds,
        message=message,
        ceilings=dict(prep.ceilings),
    )


# ---------------------------------------------------------------------------------------------- greedy
def _greedy_choice(prep: _Prepared) -> dict[Hashable, int] | None:
    room = dict(prep.ceilings)
    chosen: dict[Hashable, int] = {}

    def place(c: Candidate) -> bool:
        start_min = c.earliest
        for d in c.depends_on:
            if d not in chosen:
                return False
            start_min = max(start_min, chosen[d] + prep.by_id[d].duration)
        for s in prep.options[c.id]:
            if s >= start_min and _first_overrun(c, s, room) is None:
                chosen[c.id] = s
                for key, amount in c.spending(s).items():
                    room[key] = room.get(key, 0.0) - amount
                return True
        return False

    for c in prep.order:  # dependencies first
        if c.id in prep.forced and not place(c):
            return None

    def ratio(c: Candidate) -> float:
        return c.priority / c.total_cost if c.total_cost > 0 else math.inf

    rest = sorted((c for c in prep.candidates if c.id not in chosen), key=lambda c: (-ratio(c), -c.priority))
    progress = True
    while progress:
        progress = False
        for c in rest:
            if c.id not in chosen and c.priority > 0 and place(c):
                progress = True
    return chosen


def greedy(
    candidates: Iterable[Candidate],
    ceilings: Mapping[Key, float],
    *,
    lang: str = "id",
    source_labels: Mapping[str, str] | None = None,
) -> Plan:
    """The greedy baseline: mandatory activities first, then by priority per rupiah, each at its earliest
    start that fits the remaining ceilings and follows its dependencies. Raises MethodError if the mandatory
    set does not fit this way. ``lang`` and ``source_labels`` as in :func:`plan`."""
    started = time.perf_counter()
    say = _say(lang, source_labels)
    prep = _prepare(candidates, ceilings, say)
    chosen = _greedy_choice(prep)
    if chosen is None:
        raise _diagnose(prep, 10.0)
    seconds = time.perf_counter() - started
    return _make_plan(prep, chosen, "greedy", False, None, None, seconds, say("greedy"))


# ------------------------------------------------------------------------------------------------ plan
def plan(
    candidates: Iterable[Candidate],
    ceilings: Mapping[Key, float],
    gap: float = 0.005,
    time_limit: float = 10.0,
    *,
    lang: str = "id",
    source_labels: Mapping[str, str] | None = None,
) -> Plan:
    """Choose and schedule activities maximising total priority within the ceilings (method.md §9).

    ``ceilings`` maps (year, source) to rupiah; absent pairs have ceiling 0. ``gap`` is HiGHS' relative MIP
    gap (``mip_rel_gap``), ``time_limit`` its limit in seconds. Raises MethodError for bad input and when the
    mandatory activities cannot all be funded (naming the year and source that is short).

    The deferred reasons, the plan's message and the MethodError messages are in Indonesian (``lang="id"``,
    the default) or English (``lang="en"``); funding sources are named by their codes unless
    ``source_labels`` maps a code to a label (e.g. ``{"apbd": "APBD"}``). A :class:`Candidate` checks itself
    when it is built, before any language is known: those messages stay in English.
    """
    started = time.perf_counter()
    say = _say(lang, source_labels)
    say.check_number(gap, say("gap"), 0.0, 1.0)
    say.check_number(time_limit, say("time_limit"), 0.0)
    if time_limit <= 0:
        raise MethodError(say("time_limit_zero"))
    prep = _prepare(candidates, ceilings, say)
    if any(not prep.options[cid] for cid in prep.forced):
        raise _diagnose(prep, time_limit)

    ids = [c.id for c in prep.candidates if prep.options[c.id]]
    if not ids:
        seconds = time.perf_counter() - started
        return _make_plan(prep, {}, "optimal", True, 0.0, 0.0, seconds, say("nothing"))
    p_max = max(prep.by_id[cid].priority for cid in ids)
    eps = _tie_break([prep.by_id[cid] for cid in ids], {cid: prep.options[cid] for cid in ids})
    model = _build(prep, prep.options, ids, eps, choice=True)
    result = _solve(model, gap, time_limit)
    if result.status == 2:
        raise _diagnose(prep, time_limit)
    greedy_choice = _greedy_choice(prep)
    scale = _OBJECTIVE_SCALE / p_max if p_max > 0 else 1.0
    # upper bound on the pure objective: -dual bound (scaled) plus the largest possible tie-break
    max_tie = eps * sum(prep.options[cid][-1] - prep.options[cid][0] for cid in ids)
    dual = getattr(result, "mip_dual_bound", None)
    bound = None
    if dual is not None and math.isfinite(dual):
        bound = (-dual + max_tie) / scale
    if result.x is None:
        if greedy_choice is None:
            raise MethodError(say("no_plan", seconds=say.number(time_limit), solver=result.message))
        gap_value = _relative_gap(bound, prep, greedy_choice)
        return _make_plan(
            prep,
            greedy_choice,
            "greedy",
            False,
            gap_value,
            bound,
            time.perf_counter() - started,
            say("greedy_no_plan", solver=result.message),
        )
    starts = result.x[: len(model.columns)]
    chosen = {cid: s for (cid, s), value in zip(model.columns, starts, strict=True) if value > 0.5}
    status = "optimal" if result.status == 0 else "time_limit"
    achieved = float(getattr(result, "mip_gap", math.nan))
    proven = result.status == 0 and math.isfinite(achieved) and achieved <= PROVEN_GAP
    message = str(result.message)
    if greedy_choice is not None and not proven:
        pure = math.fsum(prep.by_id[cid].priority for cid in chosen)
        pure_greedy = math.fsum(prep.by_id[cid].priority for cid in greedy_choice)
        if pure_greedy > pure + 1e-12:
            chosen = greedy_choice
            status = "greedy"
            achieved = _relative_gap(bound, prep, chosen)
            message = say("greedy_better", solver=result.message)
    return _make_plan(prep, chosen, status, proven, achieved, bound, time.perf_counter() - started, message)


def _relative_gap(bound: float | None, prep: _Prepared, chosen: Mapping[Hashable, int]) -> float | None:
    if bound is None:
        return None
    value = math.fsum(prep.by_id[cid].priority for cid in chosen)
    return max(0.0, bound - value) / max(abs(bound), 1e-12)
