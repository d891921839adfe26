"""From the database to the method engine and back: the action plan's rules, reports and priorities.

This module only translates (like :mod:`kotacerdas.assessment.analysis`): it reads a region's records, builds
:mod:`kotacerdas.method` dataclasses (``method.actionplan``, ``ahp``, ``priority``, ``portfolio``), calls the
method and returns the results next to the records they came from. Pages, forms, importers, the command line
(``kotacerdas prioritize``, ``kotacerdas roadmap``) and the master plan document read their figures from here.

Status workflow of an activity (:func:`set_status`)::

    usulan ──> disetujui ──> berjalan ──> selesai
      │  <──────┘ │             │
      └───────────┴─────────────┴──> batal

``disetujui`` may go back to ``usulan``; any open status may become ``batal``; ``selesai`` and ``batal`` are
final, except that a region admin may reopen them as ``usulan``. Moving to ``disetujui``, ``berjalan`` or
``selesai`` passes the local wisdom gate (:func:`approval_blockers`, method.md §8). The caller checks that the
user may write the activity (``permissions.require_write``); this module checks only the workflow.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from kotacerdas import formatting
from kotacerdas.actionplan.models import (
    Activity,
    Ceiling,
    Criterion,
    CriterionScore,
    FundingSource,
    Judgement,
    PrioritizationRun,
    Screening,
    SharedComponent,
    plan_start,
)
from kotacerdas.assessment import analysis
from kotacerdas.framework.models import Pillar
from kotacerdas.method import MethodError, ahp, portfolio
from kotacerdas.method import actionplan as rules
from kotacerdas.method import priority as prio
from kotacerdas.permissions import access_for
from kotacerdas.regions.models import Agency, District, LocalWisdom, Region

Status = Activity.Status

#: Allowed moves of :func:`set_status` (see the module notes); a region admin may also reopen FINAL as usulan.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.USULAN: frozenset({Status.DISETUJUI, Status.BATAL}),
    Status.DISETUJUI: frozenset({Status.USULAN, Status.BERJALAN, Status.BATAL}),
    Status.BERJALAN: frozenset({Status.SELESAI, Status.BATAL}),
    Status.SELESAI: frozenset(),
    Status.BATAL: frozenset(),
}
FINAL = frozenset({Status.SELESAI, Status.BATAL})
#: Statuses an activity may only reach when the local wisdom gate is clear.
GATED = frozenset({Status.DISETUJUI, Status.BERJALAN, Status.SELESAI})
#: Keys of ``plan_json`` (issue 5 item 8), in order.
PLAN_KEYS = ("status", "optimal", "gap", "objective", "chosen", "deferred", "spending")

#: The default criteria of method.md §9: slug, name, description, is_cost.
DEFAULT_CRITERIA: tuple[tuple[str, str, str, bool], ...] = (
    ("dampak", "Dampak", "Dampak bagi warga.", False),
    ("urgensi", "Urgensi", "Seberapa mendesak kegiatan ini.", False),
    ("keselarasan", "Keselarasan", "Keselarasan dengan RPJMD.", False),
    ("kesiapan", "Kesiapan", "Kesiapan dan kelayakan pelaksanaan.", False),
    ("biaya", "Biaya", "Total biaya kegiatan: makin murah makin baik (dihitung dari biaya).", True),
    ("kearifan_lokal", "Kearifan lokal", "Kesesuaian dengan kearifan lokal.", False),
)
assert tuple(slug for slug, *_rest in DEFAULT_CRITERIA) == prio.DEFAULT_CRITERIA


class StatusRefused(Exception):
    """A status change that the workflow does not allow; ``message`` says why."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ApprovalRefused(StatusRefused):
    """Approval refused by the local wisdom gate; ``blockers`` name each item and what is missing."""

    def __init__(self, blockers: Sequence[str]):
        self.blockers = list(blockers)
        super().__init__(_("Belum dapat disetujui: %(why)s") % {"why": "; ".join(self.blockers)})


class PrioritizationError(Exception):
    """The priorities or the roadmap cannot be computed; the message says what to fix."""


def _label(choices, value: str) -> str:
    return str(dict(choices.choices).get(value, value))


# ------------------------------------------------------------------------------------ horizon, plan start
def check_activity(activity: Activity) -> list[str]:
    """What is wrong with an activity's years for its horizon (:meth:`Activity.horizon_problems`)."""
    return activity.horizon_problems(formatting.lang())


# ----------------------------------------------------------------------------------------- approval gate
def screening_states(activity: Activity) -> list[rules.ScreeningState]:
    """The activity's screening relations as the method's dataclasses."""
    states = []
    screenings = (
        Screening.objects.filter(activity=activity)
        .select_related("local_wisdom")
        .prefetch_related("consultations")
    )
    for s in screenings:
        states.append(_state(s))
    return states


def _state(s: Screening) -> rules.ScreeningState:
    return rules.ScreeningState(
        item=s.local_wisdom.name,
        relation=s.relation,
        mitigation=s.mitigation,
        custodian=s.local_wisdom.custodian,
        consultations=[rules.ConsultationState(c.custodian, c.status) for c in s.consultations.all()],
    )


def approval_blockers(activity: Activity) -> list[str]:
    """Why ``activity`` cannot be approved yet (method.md §8); empty when it may be approved."""
    states = screening_states(activity)
    return rules.approval_blockers(
        activity.no_local_wisdom_relation or bool(states), states, lang=formatting.lang()
    )


def allowed_statuses(activity: Activity, user=None) -> list[str]:
    """The statuses ``activity`` may move to from its current one (ignoring the gate), for buttons."""
    allowed = set(TRANSITIONS.get(activity.status, frozenset()))
    if (
        activity.status in FINAL
        and user is not None
        and access_for(user, activity.region).can_reopen(activity)
    ):
        allowed.add(Status.USULAN)
    return [s for s in Status.values if s in allowed]


def set_status(activity: Activity, status: str, user=None) -> None:
    """Move ``activity`` to ``status`` following the workflow (module notes), saved with a change reason.

    Raises :class:`ApprovalRefused` (with the blockers) when the local wisdom gate is not clear for
    disetujui/berjalan/selesai, and :class:`StatusRefused` for a move the workflow does not allow.
    """
    if status not in Status.values:
        raise StatusRefused(_("Status '%(status)s' tidak dikenal.") % {"status": status})
    old = activity.status
    if status == old:
        return
    if status not in allowed_statuses(activity, user):
        if old in FINAL:
            message = _(
                "Kegiatan berstatus %(old)s sudah final; hanya admin daerah yang dapat membukanya kembali "
                "sebagai usulan."
            )
        else:
            message = _("Status tidak dapat diubah dari %(old)s menjadi %(new)s.")
        raise StatusRefused(message % {"old": _label(Status, old), "new": _label(Status, status)})
    if status in GATED:
        blockers = approval_blockers(activity)
        if blockers:
            raise ApprovalRefused(blockers)
    activity.status = status
    activity._change_reason = _("Status: %(old)s → %(new)s") % {
        "old": _label(Status, old),
        "new": _label(Status, status),
    }
    if user is not None:
        activity._history_user = user
    activity.save()


# ------------------------------------------------------------------------------------------------ reports
def _live(region: Region):
    """The region's activities that still count (not cancelled), with what the reports need."""
    return Activity.objects.filter(region=region).live().for_reports()


class SimilarRow(NamedTuple):
    first: Activity
    second: Activity
    score: float


class SharedRow(NamedTuple):
    component: SharedComponent
    activities: list[Activity]
    agencies: list[Agency]


@dataclass
class Integration:
    """Candidates to merge or share (method.md §7): alike names across agencies, shared components."""

    similar: list[SimilarRow]
    shared: list[SharedRow]
    threshold: float = rules.SIMILARITY_THRESHOLD


def integration(region: Region, threshold: float = rules.SIMILARITY_THRESHOLD) -> Integration:
    activities = list(_live(region))
    infos = [a.info() for a in activities]
    by_ref = {a.ref: a for a in activities}
    similar = [
        SimilarRow(by_ref[p.first], by_ref[p.second], p.score) for p in rules.similar_pairs(infos, threshold)
    ]
    components = {c.name: c for c in SharedComponent.objects.filter(region=region)}
    agencies = {a.abbreviation: a for a in Agency.objects.filter(region=region)}
    shared = [
        SharedRow(
            components[g.component], [by_ref[r] for r in g.activities], [agencies[x] for x in g.agencies]
        )
        for g in rules.shared_component_groups(infos)
    ]
    return Integration(similar, shared, threshold)


@dataclass
class DistrictView:
    district: District
    by_kind: list[tuple[str, str, list[Activity]]]  # (kind, label, activities)
    total: int
    missing_kinds: list[str]  # labels


@dataclass
class Districts:
    """Per kecamatan, the activities located there grouped by infrastructure kind (issue 5 item 5)."""

    rows: list[DistrictView]
    without_activities: list[District]
    without_location: list[Activity]
    kinds: list[tuple[str, str]]


def districts(region: Region) -> Districts:
    activities = list(_live(region))
    by_ref = {a.ref: a for a in activities}
    places = list(District.objects.filter(region=region).order_by("order", "name"))
    by_key = {str(d.pk): d for d in places}
    kinds = list(Activity.Infrastructure.choices)
    report = rules.district_report(
        [a.info() for a in activities], [str(d.pk) for d in places], [k for k, _label in kinds]
    )
    labels = {k: str(label) for k, label in kinds}
    rows = [
        DistrictView(
            district=by_key[row.district],
            by_kind=[(k, labels[k], [by_ref[r] for r in ids]) for k, ids in row.by_kind.items()],
            total=row.total,
            missing_kinds=[labels[k] for k in row.missing_kinds],
        )
        for row in report.rows
    ]
    return Districts(
        rows=rows,
        without_activities=[by_key[k] for k in report.without_activities],
        without_location=[by_ref[r] for r in report.without_location],
        kinds=[(k, labels[k]) for k, _label in kinds],
    )


@dataclass
class ScreeningView:
    """Screening figures (method.md §8) with the records behind the keys of the method's report."""

    report: rules.ScreeningReport
    pillars: dict[str, Pillar]  # slug -> pillar (keys of report.by_pillar)
    agencies: dict[str, Agency]  # abbreviation -> agency (keys of report.by_agency)
    activities: dict[str, Activity]  # ref -> activity
    items: dict[str, LocalWisdom]  # name -> catalogue item


def screening_report(region: Region) -> ScreeningView:
    screenings = Prefetch(
        "screenings",
        queryset=Screening.objects.select_related("local_wisdom").prefetch_related("consultations"),
    )
    activities = list(_live(region).prefetch_related(screenings))
    catalogue = list(LocalWisdom.objects.filter(region=region).order_by("category", "name"))
    pillars = analysis.pillars_of(region)
    agencies = list(Agency.objects.filter(region=region).order_by("kind", "name"))
    screened = [
        rules.ScreenedActivity(
            id=a.ref,
            pillar=a.program.pillar.slug,
            agency=a.program.agency.abbreviation,
            screened=a.no_local_wisdom_relation,
            relations=[_state(s) for s in a.screenings.all()],
        )
        for a in activities
    ]
    used_agencies = {a.program.agency.abbreviation for a in activities}
    report = rules.screening_report(
        screened,
        [i.name for i in catalogue],
        pillars=[p.slug for p in pillars],
        agencies=[a.abbreviation for a in agencies if a.abbreviation in used_agencies],
    )
    return ScreeningView(
        report=report,
        pillars={p.slug: p for p in pillars},
        agencies={a.abbreviation: a for a in agencies},
        activities={a.ref: a for a in activities},
        items={i.name: i for i in catalogue},
    )


@dataclass
class QuickWins:
    """Quick wins (method.md §7): the pillars without one, and those missing a profile or a risk register."""

    quick_wins: list[Activity]
    pillars_without_quick_win: list[Pillar]
    without_profile: list[Activity]
    without_risks: list[Activity]


def quick_win_report(region: Region) -> QuickWins:
    activities = list(
        Activity.objects.filter(region=region, horizon=Activity.Horizon.QUICK_WIN)
        .live()
        .select_related("program__pillar", "program__agency", "quick_win_profile")
        .prefetch_related("risks")
        .order_by("program__pillar__order", "ref")
    )
    pillars = analysis.pillars_of(region)
    states = [
        rules.QuickWinState(
            a.ref,
            a.program.pillar.slug,
            has_profile=hasattr(a, "quick_win_profile"),
            risks=len(a.risks.all()),
        )
        for a in activities
    ]
    report = rules.quick_win_report(states, [p.slug for p in pillars])
    by_ref = {a.ref: a for a in activities}
    by_pillar = {p.slug: p for p in pillars}
    return QuickWins(
        quick_wins=activities,
        pillars_without_quick_win=[by_pillar[k] for k in report.pillars_without_quick_win],
        without_profile=[by_ref[r] for r in report.without_profile],
        without_risks=[by_ref[r] for r in report.without_risks],
    )


def risk_score(risk) -> rules.RiskScore:
    """A risk register entry's score (likelihood × impact) and band."""
    return rules.risk_score(risk.likelihood, risk.impact, lang=formatting.lang())


# ------------------------------------------------------------------------------------------------- AHP
def criteria(region: Region) -> list[Criterion]:
    """The region's criteria, in order. Reading never writes: see :func:`ensure_default_criteria`."""
    return list(Criterion.objects.filter(region=region).order_by("order", "slug"))


def ensure_default_criteria(region: Region) -> list[Criterion]:
    """The region's criteria, creating the defaults of method.md §9 when it has none yet.

    Called where a region admin starts entering judgements, never on a page anyone may merely read.
    """
    if not Criterion.objects.filter(region=region).exists():
        with transaction.atomic():
            for order, (slug, name, description, is_cost) in enumerate(DEFAULT_CRITERIA, start=1):
                Criterion.objects.get_or_create(
                    region=region,
                    slug=slug,
                    defaults={"name": name, "description": description, "is_cost": is_cost, "order": order},
                )
    return criteria(region)


def _saaty(value: float) -> str:
    """A judgement as on Saaty's scale: 3, 1/5, or 2.4 for a mean that is not on the scale."""
    if value >= 1:
        return f"{value:.3g}".replace(".", ",")
    return "1/" + f"{1 / value:.3g}".replace(".", ",")


@dataclass
class RespondentResult:
    """One respondent's matrix: complete or not (which pairs are missing), its CR and worst pair."""

    name: str
    missing: list[tuple[Criterion, Criterion]]
    result: ahp.Result | None = None
    pair: tuple[Criterion, Criterion] | None = None
    disagreement: ahp.Disagreement | None = None

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass
class AhpResult:
    """The aggregated AHP weights of a region (method.md §9) and whether they may be used.

    ``weights`` (slug -> weight) and ``cr`` are filled whenever every respondent judged every pair, even when
    inconsistent (to show them); ``usable`` is True only without problems. When inconsistent, ``pair`` names
    the two criteria whose judgement disagrees most with the weights (``disagreement`` has the figures).
    """

    criteria: list[Criterion]
    respondents: list[RespondentResult]
    matrix: list[list[float]] | None = None
    result: ahp.Result | None = None
    weights: dict[str, float] | None = None
    pair: tuple[Criterion, Criterion] | None = None
    disagreement: ahp.Disagreement | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def cr(self) -> float | None:
        return None if self.result is None else self.result.cr

    @property
    def consistent(self) -> bool:
        return self.result is not None and self.result.consistent

    @property
    def usable(self) -> bool:
        return self.weights is not None and self.consistent and not self.problems

    @property
    def missing(self) -> dict[str, list[tuple[Criterion, Criterion]]]:
        return {r.name: r.missing for r in self.respondents if r.missing}

    @property
    def problem(self) -> str | None:
        return " ".join(self.problems) or None


def _disagreement_text(pair: tuple[Criterion, Criterion], d: ahp.Disagreement) -> str:
    return _(
        "Perbandingan yang paling menyimpang: %(a)s vs %(b)s dinilai %(judged)s, padahal penilaian lainnya "
        "menyiratkan sekitar %(implied)s (terdekat pada skala: %(suggestion)s)."
    ) % {
        "a": pair[0].name,
        "b": pair[1].name,
        "judged": _saaty(d.judged),
        "implied": _saaty(d.implied),
        "suggestion": _saaty(d.suggestion),
    }


def ahp_result(region: Region) -> AhpResult:
    """Weights from every respondent's pairwise judgements (geometric mean of their matrices), with CR.

    Problems that block the weights: no criteria, no judgements, a respondent who has not judged every pair,
    and inconsistency (aggregated CR > 0.10, naming the pair that disagrees most). Each respondent's own CR
    is reported in ``respondents`` (an inconsistent respondent is a note, not a block, as in method.md §9).
    """
    items = criteria(region)
    out = AhpResult(criteria=items, respondents=[])
    if not items:
        out.problems.append(_("Belum ada kriteria prioritas."))
        return out
    index = {c.pk: k for k, c in enumerate(items)}
    n = len(items)
    by_respondent: dict[str, dict[tuple[int, int], float]] = defaultdict(dict)
    for j in Judgement.objects.filter(region=region).order_by("respondent", "pk"):
        if j.first_id in index and j.second_id in index and j.first_id != j.second_id:
            by_respondent[j.respondent][(index[j.first_id], index[j.second_id])] = j.ratio
    if not by_respondent:
        out.problems.append(_("Belum ada penilaian berpasangan (AHP): bobot kriteria belum dapat dihitung."))
        return out
    matrices = []
    for name in sorted(by_respondent):
        judged = by_respondent[name]
        pairs = {(min(i, j), max(i, j)) for i, j in judged}
        missing = [(items[i], items[j]) for i in range(n) for j in range(i + 1, n) if (i, j) not in pairs]
        row = RespondentResult(name, missing)
        out.respondents.append(row)
        if missing:
            out.problems.append(
                _("Responden %(who)s belum menilai %(count)d pasangan: %(pairs)s.")
                % {
                    "who": name,
                    "count": len(missing),
                    "pairs": ", ".join(f"{a.name}–{b.name}" for a, b in missing),
                }
            )
            continue
        try:
            matrix = ahp.from_judgements(n, judged)
            row.result = ahp.weights(matrix)
        except MethodError as exc:
            out.problems.append(_("Responden %(who)s: %(error)s") % {"who": name, "error": exc})
            continue
        matrices.append(matrix)
        if not row.result.consistent:
            d = ahp.most_inconsistent_pair(matrix, row.result)
            if d is not None:
                row.pair, row.disagreement = (items[d.i], items[d.j]), d
                out.notes.append(
                    _("Penilaian responden %(who)s sendiri tidak konsisten (CR %(cr)s). %(pair)s")
                    % {"who": name, "cr": f"{row.result.cr:.3f}".replace(".", ","), "pair": _disagreement_text(row.pair, d)}
                )  # fmt: skip
    if out.problems:
        return out
    out.matrix = ahp.aggregate(matrices)
    out.result = ahp.weights(out.matrix, scale_max=None)
    out.weights = {c.slug: w for c, w in zip(items, out.result.weights, strict=True)}
    if not out.result.consistent:
        d = ahp.most_inconsistent_pair(out.matrix, out.result)
        assert d is not None
        out.pair, out.disagreement = (items[d.i], items[d.j]), d
        out.problems.append(
            _(
                "Penilaian berpasangan tidak konsisten (CR %(cr)s > %(limit)s), sehingga bobot ini belum dapat "
                "dipakai. %(pair)s"
            )
            % {
                "cr": f"{out.result.cr:.3f}".replace(".", ","),
                "limit": f"{ahp.CR_THRESHOLD:.2f}".replace(".", ","),
                "pair": _disagreement_text(out.pair, d),
            }
        )
    return out


# ------------------------------------------------------------------------------------------- priorities
class PriorityRow(NamedTuple):
    activity: Activity
    priority: prio.Priority
    scores: dict[str, int]


@dataclass
class Priorities:
    """The ranked activities (highest priority first) of a region; iterating gives (activity, priority, scores).

    ``unscored`` lists the activities lacking a score on some criterion (with the criteria), which get no
    priority; ``problem`` is set when no priority can be computed (weights missing or inconsistent).
    """

    rows: list[PriorityRow]
    unscored: list[tuple[Activity, list[Criterion]]]
    ahp: AhpResult
    costs: dict[str, float]  # ref -> total cost (rupiah)
    problem: str | None = None

    def __iter__(self) -> Iterator[PriorityRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, index: int) -> PriorityRow:
        return self.rows[index]

    @property
    def by_ref(self) -> dict[str, float]:
        return {row.activity.ref: row.priority.value for row in self.rows}


def _open_activities(region: Region) -> list[Activity]:
    """Activities still to be scheduled: not cancelled and not finished."""
    return list(
        Activity.objects.filter(region=region)
        .open()
        .select_related("program__agency", "program__pillar")
        .prefetch_related("years", "depends_on")
        .order_by("ref")
    )


def priorities(region: Region, weights: AhpResult | None = None) -> Priorities:
    """Priority of every open activity (method.md §9): Σ AHP weight × normalised score, the cost criterion
    scored from the total cost by reversed min–max over the scored activities (in the method). ``weights``:
    the region's :func:`ahp_result` when the caller already has it (a document build computes it once)."""
    weights = weights if weights is not None else ahp_result(region)
    activities = _open_activities(region)
    costs = {a.ref: float(a.total_cost) for a in activities}
    scored_criteria = [c for c in weights.criteria if not c.is_cost]
    cost_criteria = [c for c in weights.criteria if c.is_cost]
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    for s in CriterionScore.objects.filter(activity__in=activities).select_related("criterion"):
        if not s.criterion.is_cost:
            scores[s.activity_id][s.criterion.slug] = s.score
    unscored = []
    complete = []
    for a in activities:
        missing = [c for c in scored_criteria if c.slug not in scores[a.pk]]
        if missing:
            unscored.append((a, missing))
        else:
            complete.append(a)
    out = Priorities([], unscored, weights, costs)
    if len(cost_criteria) > 1:
        out.problem = _("Hanya satu kriteria biaya yang dapat dipakai; ada %(n)d.") % {
            "n": len(cost_criteria)
        }
        return out
    if not weights.usable:
        out.problem = weights.problem
        return out
    assert weights.weights is not None
    cost_slug = cost_criteria[0].slug if cost_criteria else prio.COST_CRITERION
    method_items = [
        prio.Activity(a.ref, {k: float(v) for k, v in scores[a.pk].items()}, costs[a.ref]) for a in complete
    ]
    try:
        values = prio.priorities(method_items, weights.weights, cost_criterion=cost_slug)
    except MethodError as exc:
        out.problem = str(exc)
        return out
    rows = [PriorityRow(a, p, dict(scores[a.pk])) for a, p in zip(complete, values, strict=True)]
    rows.sort(key=lambda r: (-r.priority.value, r.activity.ref))
    out.rows = rows
    return out


# -------------------------------------------------------------------------------------------- portfolio
@dataclass
class CandidateSet:
    candidates: list[portfolio.Candidate]
    activities: dict[str, Activity]  # ref -> activity (every open activity)
    excluded: dict[str, str]  # ref -> why it cannot be scheduled at all (e.g. depends on a cancelled one)
    priorities: Priorities


def _window(a: Activity) -> tuple[int, int]:
    earliest = (
        a.earliest_start
        if a.earliest_start is not None
        else min(a.start_year, a.latest_start or a.start_year)
    )
    latest = a.latest_start if a.latest_start is not None else max(a.start_year, earliest)
    return earliest, latest


def _is_mandatory(a: Activity) -> bool:
    if a.mandatory is not None:
        return a.mandatory
    return a.horizon == Activity.Horizon.QUICK_WIN or a.status == Status.BERJALAN


#: The reasons this module adds to the method's own (``portfolio.plan`` gives the others), by language.
_REASONS = {
    "id": {
        "cancelled": "bergantung pada {ref}, yang dibatalkan",
        "excluded": "bergantung pada {ref}, yang tidak dapat dijadwalkan",
        "unscored": "belum dinilai pada {criteria}, sehingga belum memiliki prioritas",
        "not_chosen": "tidak dipilih",
    },
    "en": {
        "cancelled": "depends on {ref}, which is cancelled",
        "excluded": "depends on {ref}, which cannot be scheduled",
        "unscored": "not scored on {criteria}, so it has no priority",
        "not_chosen": "not chosen",
    },
}


def _candidate_set(region: Region, ranked: Priorities | None = None) -> CandidateSet:
    ranked = ranked if ranked is not None else priorities(region)
    activities = _open_activities(region)
    by_ref = {a.ref: a for a in activities}
    values = ranked.by_ref
    reasons = _REASONS[formatting.lang()]
    excluded: dict[str, str] = {}
    changed = True
    while (
        changed
    ):  # a dependency on a cancelled activity (or on one excluded for that) excludes the dependent
        changed = False
        for a in activities:
            if a.ref in excluded:
                continue
            for d in a.depends_on.all():
                if not d.live or d.ref in excluded:
                    why = "cancelled" if not d.live else "excluded"
                    excluded[a.ref] = reasons[why].format(ref=d.ref)
                    changed = True
                    break
    candidates = []
    for a in activities:
        if a.ref in excluded:
            if _is_mandatory(a):
                raise PrioritizationError(
                    _("Kegiatan wajib %(ref)s tidak dapat dijadwalkan: %(why)s.")
                    % {"ref": a.ref, "why": excluded[a.ref]}
                )
            continue
        years = {y.year: float(y.cost) for y in a.years.all()}
        earliest, latest = _window(a)
        candidates.append(
            portfolio.Candidate(
                id=a.ref,
                priority=values.get(a.ref, 0.0),
                costs=[years.get(y, 0.0) for y in range(a.start_year, a.end_year + 1)],
                source=a.funding_source,
                earliest=earliest,
                latest=latest,
                depends_on=[d.ref for d in a.depends_on.all() if d.status != Status.SELESAI and d.ref in by_ref],
                mandatory=_is_mandatory(a),
            )
        )  # fmt: skip
    return CandidateSet(candidates, by_ref, excluded, ranked)


def candidates(region: Region) -> list[portfolio.Candidate]:
    """The open activities as :class:`portfolio.Candidate` (method.md §9).

    Costs per year of the run from the yearly costs (a year without a row costs 0); source = funding source;
    earliest/latest start from the fields, else the start year; depends_on: open activities (finished ones
    count as done); mandatory: the field if set, else quick wins and activities already berjalan. Cancelled
    and finished activities are left out, and so is whatever depends on a cancelled one. An activity without
    a priority (not scored, or weights unusable) has priority 0.
    """
    return _candidate_set(region).candidates


@dataclass
class PlanOutcome:
    """A computed roadmap: the method's plan with the activities and figures it came from."""

    region: Region
    plan: portfolio.Plan
    candidates: list[portfolio.Candidate]
    activities: dict[str, Activity]
    deferred: dict[str, str]  # ref -> reason, every open activity not chosen
    priorities: Priorities
    ceilings: dict[tuple[int, str], float]
    parameters: dict = field(default_factory=dict)


def _ceilings(region: Region) -> dict[tuple[int, str], float]:
    return {(c.year, c.source): float(c.amount) for c in Ceiling.objects.filter(region=region)}


def compute_plan(
    region: Region, gap: float = 0.005, time_limit: float = 10.0, ranked: Priorities | None = None
) -> PlanOutcome:
    """Choose and schedule the open activities within the ceilings (``method.portfolio.plan``), not saved.

    Raises :class:`PrioritizationError` when the AHP weights are missing or inconsistent, or when the
    mandatory activities cannot be funded (the method's message names the year and source). ``ranked``: the
    :func:`priorities` when the caller already has them.
    """
    ranked = ranked if ranked is not None else priorities(region)
    if ranked.problem:
        raise PrioritizationError(ranked.problem)
    cset = _candidate_set(region, ranked)
    ceilings = _ceilings(region)
    lang = formatting.lang()
    reasons = _REASONS[lang]
    try:
        plan = portfolio.plan(
            cset.candidates,
            ceilings,
            gap=gap,
            time_limit=time_limit,
            lang=lang,
            source_labels=funding_labels(),
        )
    except MethodError as exc:
        raise PrioritizationError(str(exc)) from exc
    unscored = {a.ref: missing for a, missing in ranked.unscored}
    deferred: dict[str, str] = {}
    for ref in sorted(cset.activities):
        if ref in plan.chosen:
            continue
        if ref in cset.excluded:
            deferred[ref] = cset.excluded[ref]
        elif ref in unscored:
            criteria = ", ".join(c.slug for c in unscored[ref])
            deferred[ref] = reasons["unscored"].format(criteria=criteria)
        else:
            deferred[ref] = plan.deferred.get(ref, reasons["not_chosen"])
    return PlanOutcome(
        region, plan, cset.candidates, cset.activities, deferred, ranked, ceilings,
        {"gap": gap, "time_limit": time_limit},
    )  # fmt: skip


def _number(value: float | None, digits: int = 6) -> float | None:
    if value is None or not math.isfinite(value):
        return None
    return round(float(value), digits)


def plan_json(run_or_plan: PrioritizationRun | PlanOutcome) -> dict:
    """The roadmap as the contract of issue 5 item 8 (``kotacerdas prioritize --json``)::

        {"status", "optimal", "gap", "objective", "chosen": {ref: start year}, "deferred": {ref: reason},
         "spending": [{"year", "source", "amount", "ceiling"}]}

    ``status`` is optimal, time_limit or greedy; ``gap`` the achieved relative gap (null if unknown);
    ``objective`` the sum of the chosen activities' priorities; spending per (year, source) in whole rupiah,
    with ``ceiling`` 0 where no ceiling is given; rows sorted by year, then source.
    """
    if isinstance(run_or_plan, PrioritizationRun):
        result = run_or_plan.result or {}
        return {key: result.get(key) for key in PLAN_KEYS}
    outcome = run_or_plan
    plan = outcome.plan
    return {
        "status": plan.status,
        "optimal": bool(plan.optimal),
        "gap": _number(plan.gap),
        "objective": _number(plan.objective),
        "chosen": {str(ref): int(start) for ref, start in plan.chosen.items()},
        "deferred": dict(outcome.deferred),
        "spending": [
            {
                "year": int(year),
                "source": source,
                "amount": int(round(amount)),
                "ceiling": int(round(outcome.ceilings.get((year, source), 0.0))),
            }
            for (year, source), amount in sorted(plan.spending.items())
        ],
    }


def _result_document(outcome: PlanOutcome) -> dict:
    """What a saved run keeps: the contract, plus the priorities, weights and end years for comparison."""
    document = plan_json(outcome)
    by_id = {c.id: c for c in outcome.candidates}
    document["ends"] = {ref: outcome.plan.end_year(by_id[ref]) for ref in document["chosen"]}
    document["priorities"] = {ref: _number(value) for ref, value in outcome.priorities.by_ref.items()}
    document["weights"] = {k: _number(v) for k, v in (outcome.priorities.ahp.weights or {}).items()}
    document["message"] = outcome.plan.message
    return document


def run_prioritization(
    region: Region,
    name: str | None = None,
    user=None,
    gap: float = 0.005,
    time_limit: float = 10.0,
) -> PrioritizationRun:
    """Compute the roadmap (:func:`compute_plan`) and save it as a named run (default: the date and time)."""
    if name is not None and not name.strip():
        raise PrioritizationError(_("Nama hasil prioritas tidak boleh kosong."))
    if name is None:
        base = timezone.localtime().strftime("Prioritas %Y-%m-%d %H:%M")
        name, k = base, 2
        while PrioritizationRun.objects.filter(region=region, name=name).exists():
            name, k = f"{base} ({k})", k + 1
    name = name.strip()
    if PrioritizationRun.objects.filter(region=region, name=name).exists():
        raise PrioritizationError(
            _("Sudah ada hasil prioritas bernama '%(name)s'; pilih nama lain.") % {"name": name}
        )
    outcome = compute_plan(region, gap=gap, time_limit=time_limit)
    run = PrioritizationRun(
        region=region,
        name=name,
        created_by=user if user is not None and getattr(user, "is_authenticated", False) else None,
        parameters=outcome.parameters,
        result=_result_document(outcome),
    )
    run._change_reason = _("Prioritas dijalankan")
    if run.created_by is not None:
        run._history_user = user
    run.full_clean()
    run.save()
    return run


# ---------------------------------------------------------------------------------------------- roadmap
class RoadmapRow(NamedTuple):
    """One bar of the roadmap chart: label, group (pillar or agency), first and last year, horizon."""

    label: str
    group: str
    start: int
    end: int
    horizon: str


def roadmap_rows(region: Region, run: PrioritizationRun | PlanOutcome | None = None, by: str = "pillar"):
    """The chosen activities as chart rows, grouped ``by`` pillar (in pillar order) or agency (by name).

    Without ``run`` the roadmap is computed now (:func:`compute_plan`, may raise PrioritizationError).
    """
    if by not in ("pillar", "agency"):
        raise ValueError(f"group by 'pillar' or 'agency', not {by!r}")
    outcome = compute_plan(region) if run is None else run
    if isinstance(outcome, PlanOutcome):
        chosen = {str(k): v for k, v in outcome.plan.chosen.items()}
        by_id = {c.id: c for c in outcome.candidates}
        ends = {ref: outcome.plan.end_year(by_id[ref]) for ref in chosen}
    else:
        chosen = dict(outcome.result.get("chosen") or {})
        ends = dict(outcome.result.get("ends") or {})
    activities = {
        a.ref: a
        for a in Activity.objects.filter(region=region, ref__in=list(chosen)).select_related(
            "program__agency", "program__pillar"
        )
    }
    rows = []
    for ref, start in chosen.items():
        a = activities.get(ref)
        if a is None:
            continue  # deleted since the run was saved
        end = ends.get(ref) or start + (a.end_year - a.start_year)
        group = a.program.pillar.name if by == "pillar" else a.program.agency.abbreviation
        order = (a.program.pillar.order,) if by == "pillar" else (a.program.agency.abbreviation.lower(),)
        rows.append(
            (order, start, ref, RoadmapRow(f"{ref} {a.name}", group, int(start), int(end), a.horizon))
        )
    rows.sort(key=lambda r: r[:3])
    return [r[3] for r in rows]


def spending_rows(run: PrioritizationRun | PlanOutcome) -> list[dict]:
    """The spending of a run or computed plan: ``[{"year", "source", "amount", "ceiling"}]``."""
    return list(plan_json(run)["spending"] or [])


def funding_labels() -> dict[str, str]:
    return {k: str(v) for k, v in FundingSource.choices}


__all__ = [
    "ApprovalRefused",
    "PrioritizationError",
    "StatusRefused",
    "ahp_result",
    "ensure_default_criteria",
    "allowed_statuses",
    "approval_blockers",
    "candidates",
    "check_activity",
    "compute_plan",
    "criteria",
    "districts",
    "integration",
    "plan_json",
    "plan_start",
    "priorities",
    "quick_win_report",
    "risk_score",
    "roadmap_rows",
    "run_prioritization",
    "screening_report",
    "set_status",
    "spending_rows",
]
