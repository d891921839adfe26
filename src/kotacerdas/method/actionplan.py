"""Rules of the action plan (method.md §7–§8): horizons, the approval gate of the local wisdom screening,
coverage of missions and pillars, integration candidates, the per-district report and the risk register.

Aturan rencana aksi: jangka waktu, gerbang persetujuan penapisan kearifan lokal, cakupan misi dan pilar, calon
keterpaduan, laporan per kecamatan dan daftar risiko.

Pure Python, no Django: :mod:`kotacerdas.actionplan.services` builds these dataclasses from the database. The
checks return lists of planner-readable problems (an empty list means "fine"); malformed input raises
:class:`MethodError`. Messages exist in Indonesian (``lang="id"``, the default) and English (``lang="en"``).

Conventions chosen here (not in method.md):

- **Horizon** (§7): a quick win starts and ends in the plan's first year (start == end == plan start; when the
  plan's first year is unknown, start == end); short: one year (end == start); medium: at most 5 years
  (end − start + 1 <= 5); long: at most 10 years; end >= start always; a short, medium or long activity may
  not start before the plan's first year.
- **Approval gate** (§8): an unscreened activity cannot be approved; every ``berisiko`` relation needs a
  non-empty mitigation and at least one consultation with status ``done``. Any done consultation counts: the
  name typed as the custodian is not compared with the catalogue's custodian (spellings differ).
- **Name similarity**: names are normalised (lower case, punctuation removed, a few Indonesian synonyms unified,
  stop words and generic activity verbs such as *pengembangan*, *pembangunan*, *penyediaan* dropped), then
  compared with ``rapidfuzz.fuzz.token_set_ratio``; a pair of different agencies is a candidate when the score
  is at least :data:`SIMILARITY_THRESHOLD` (85) and the names share at least two words (or are identical), so
  one common word such as "aplikasi" alone never makes a pair.
- **Risk score** = likelihood × impact (1–25), bands: 1–4 rendah, 5–9 sedang, 10–16 tinggi, 17–25 sangat tinggi.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from kotacerdas.method.bands import Bands
from kotacerdas.method.errors import MethodError, check_int

HORIZONS: tuple[str, ...] = ("quick_win", "short", "medium", "long")
#: The longest run (in years, start and end inclusive) of each horizon; a quick win also has 1 year.
MAX_YEARS: Mapping[str, int] = {"quick_win": 1, "short": 1, "medium": 5, "long": 10}
RELATIONS: tuple[str, ...] = ("memperkuat", "menyesuaikan", "berisiko")
CONSULTATION_STATUSES: tuple[str, ...] = ("planned", "done")
LANGS: tuple[str, ...] = ("id", "en")


def _lang(lang: str) -> str:
    if lang not in LANGS:
        raise MethodError(f"unknown language {lang!r}; use 'id' or 'en'")
    return lang


def _span(start: int, end: int) -> str:
    return str(start) if start == end else f"{start}–{end}"


# --------------------------------------------------------------------------------------------- horizons
_HORIZON_TEXT = {
    "id": {
        "order": "tahun selesai ({end}) sebelum tahun mulai ({start})",
        "qw_plan": "quick win harus dimulai dan selesai pada tahun pertama masterplan ({plan}), bukan {span}",
        "qw_same": "quick win harus dimulai dan selesai pada tahun yang sama (hasil dalam 12 bulan), bukan {span}",
        "short": "kegiatan jangka pendek berlangsung 1 tahun, bukan {span} ({years} tahun)",
        "medium": "kegiatan jangka menengah berlangsung paling lama 5 tahun, bukan {span} ({years} tahun)",
        "long": "kegiatan jangka panjang berlangsung paling lama 10 tahun, bukan {span} ({years} tahun)",
        "before": "kegiatan dimulai {start}, sebelum tahun pertama masterplan ({plan})",
    },
    "en": {
        "order": "the end year ({end}) is before the start year ({start})",
        "qw_plan": "a quick win must start and end in the plan's first year ({plan}), not {span}",
        "qw_same": "a quick win must start and end in the same year (it delivers within 12 months), not {span}",
        "short": "a short-term activity lasts 1 year, not {span} ({years} years)",
        "medium": "a medium-term activity lasts at most 5 years, not {span} ({years} years)",
        "long": "a long-term activity lasts at most 10 years, not {span} ({years} years)",
        "before": "the activity starts in {start}, before the plan's first year ({plan})",
    },
}


def horizon_problems(
    horizon: str, start: int, end: int, plan_start: int | None = None, lang: str = "id"
) -> list[str]:
    """What is wrong with an activity's years for its horizon (method.md §7); an empty list if nothing.

    >>> horizon_problems("quick_win", 2023, 2024, plan_start=2023, lang="en")
    ["a quick win must start and end in the plan's first year (2023), not 2023–2024"]
    """
    text = _HORIZON_TEXT[_lang(lang)]
    if horizon not in HORIZONS:
        raise MethodError(f"unknown horizon {horizon!r}; use {', '.join(HORIZONS)}")
    check_int(start, "the start year")
    check_int(end, "the end year")
    if plan_start is not None:
        check_int(plan_start, "the plan's first year")
    if end < start:
        return [text["order"].format(start=start, end=end)]
    span = _span(start, end)
    years = end - start + 1
    problems: list[str] = []
    if horizon == "quick_win":
        if plan_start is not None and not start == end == plan_start:
            problems.append(text["qw_plan"].format(plan=plan_start, span=span))
        elif plan_start is None and start != end:
            problems.append(text["qw_same"].format(span=span))
        return problems
    if plan_start is not None and start < plan_start:
        problems.append(text["before"].format(start=start, plan=plan_start))
    if years > MAX_YEARS[horizon]:
        problems.append(text[horizon].format(span=span, years=years))
    return problems


# -------------------------------------------------------------------------------------- approval gate
@dataclass(frozen=True)
class ConsultationState:
    """A consultation with a custodian: ``status`` is "planned" or "done"."""

    custodian: str
    status: str

    def __post_init__(self) -> None:
        if self.status not in CONSULTATION_STATUSES:
            raise MethodError(
                f"unknown consultation status {self.status!r}; use {', '.join(CONSULTATION_STATUSES)}"
            )


@dataclass(frozen=True)
class ScreeningState:
    """How an activity relates to one local wisdom item, with what was done about a risk.

    ``item`` is the item's name, ``custodian`` the custodian named in the catalogue (may be empty).
    """

    item: str
    relation: str
    mitigation: str = ""
    custodian: str = ""
    consultations: Sequence[ConsultationState] = ()

    def __post_init__(self) -> None:
        if self.relation not in RELATIONS:
            raise MethodError(f"{self.item}: unknown relation {self.relation!r}; use {', '.join(RELATIONS)}")
        object.__setattr__(self, "consultations", tuple(self.consultations))
        for c in self.consultations:
            if not isinstance(c, ConsultationState):
                raise MethodError(f"expected actionplan.ConsultationState, got {type(c).__name__}")

    @property
    def consulted(self) -> bool:
        return any(c.status == "done" for c in self.consultations)

    @property
    def mitigated(self) -> bool:
        return bool(self.mitigation.strip())

    @property
    def open_risk(self) -> bool:
        """A ``berisiko`` relation still missing a mitigation or a done consultation."""
        return self.relation == "berisiko" and not (self.mitigated and self.consulted)


_GATE_TEXT = {
    "id": {
        "unscreened": (
            "belum ditapis terhadap kearifan lokal: catat butir yang terkait, atau tandai "
            "'tidak ada kaitan dengan kearifan lokal'"
        ),
        "mitigation": "{item}: berisiko tanpa mitigasi",
        "consultation": "{item}: berisiko tanpa konsultasi dengan pemangku ({custodian}) yang sudah dilaksanakan",
        "consultation_anon": "{item}: berisiko tanpa konsultasi dengan pemangku yang sudah dilaksanakan",
    },
    "en": {
        "unscreened": (
            "not yet screened against local wisdom: record the related items, or mark "
            "'no relation with local wisdom'"
        ),
        "mitigation": "{item}: at risk without a mitigation",
        "consultation": "{item}: at risk without a consultation with the custodian ({custodian}) that took place",
        "consultation_anon": "{item}: at risk without a consultation with the custodian that took place",
    },
}


def approval_blockers(screened: bool, relations: Sequence[ScreeningState], lang: str = "id") -> list[str]:
    """Why an activity cannot be approved yet (method.md §8); an empty list means it may be approved.

    ``screened`` is True when the activity has been screened (related items recorded, or "no relation found").
    """
    text = _GATE_TEXT[_lang(lang)]
    items = list(relations)
    for r in items:
        if not isinstance(r, ScreeningState):
            raise MethodError(f"expected actionplan.ScreeningState, got {type(r).__name__}")
    if not screened and not items:
        return [text["unscreened"]]
    problems: list[str] = []
    for r in items:
        if r.relation != "berisiko":
            continue
        if not r.mitigated:
            problems.append(text["mitigation"].format(item=r.item))
        if not r.consulted:
            key = "consultation" if r.custodian.strip() else "consultation_anon"
            problems.append(text[key].format(item=r.item, custodian=r.custodian.strip()))
    return problems


# ------------------------------------------------------------------------------------------- coverage
@dataclass(frozen=True)
class ActivityInfo:
    """What the reports need to know about one activity.

    ``missions`` are mission keys; ``locations`` district keys; ``infrastructure`` physical, economic, social
    or governance; ``components`` shared component keys.
    """

    id: str
    name: str = ""
    agency: str = ""
    pillar: str = ""
    horizon: str = "short"
    missions: Sequence[str] = ()
    locations: Sequence[str] = ()
    infrastructure: str = ""
    components: Sequence[str] = ()

    def __post_init__(self) -> None:
        for name in ("missions", "locations", "components"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        if self.horizon not in HORIZONS:
            raise MethodError(f"activity {self.id}: unknown horizon {self.horizon!r}")


@dataclass(frozen=True)
class Coverage:
    """Missions × pillars: ``matrix[mission][pillar]`` is the number of activities traced to both."""

    matrix: dict[str, dict[str, int]]
    missions_without_activities: tuple[str, ...]
    pillars_without_activities: tuple[str, ...]
    pillars_without_quick_win: tuple[str, ...]
    activities_without_mission: tuple[str, ...]


def _unique(activities: Iterable[ActivityInfo]) -> list[ActivityInfo]:
    items = list(activities)
    seen: set[str] = set()
    for a in items:
        if not isinstance(a, ActivityInfo):
            raise MethodError(f"expected actionplan.ActivityInfo, got {type(a).__name__}")
        if a.id in seen:
            raise MethodError(f"two activities share the id {a.id}")
        seen.add(a.id)
    return items


def coverage(activities: Iterable[ActivityInfo], missions: Sequence[str], pillars: Sequence[str]) -> Coverage:
    """The missions × pillars coverage matrix and what is not covered (method.md §7).

    A mission or pillar an activity names but that is not in ``missions``/``pillars`` is an error.
    """
    items = _unique(activities)
    matrix = {m: dict.fromkeys(pillars, 0) for m in missions}
    for a in items:
        if a.pillar not in pillars:
            raise MethodError(f"activity {a.id}: unknown pillar {a.pillar!r}")
        for m in a.missions:
            if m not in matrix:
                raise MethodError(f"activity {a.id}: unknown mission {m!r}")
            matrix[m][a.pillar] += 1
    return Coverage(
        matrix=matrix,
        missions_without_activities=tuple(m for m in missions if not any(matrix[m].values())),
        pillars_without_activities=tuple(p for p in pillars if not any(a.pillar == p for a in items)),
        pillars_without_quick_win=tuple(
            p for p in pillars if not any(a.pillar == p and a.horizon == "quick_win" for a in items)
        ),
        activities_without_mission=tuple(a.id for a in items if not a.missions),
    )


# ---------------------------------------------------------------------------------------- integration
#: token_set_ratio (0–100) from which two names count as alike. Chosen on realistic pairs (tests/method/
#: test_actionplan_similarity.py): same service with synonyms scores 97–100, the same asset (BTS towers, fibre,
#: one-data portal) 90–100, different services of one kind ("aplikasi layanan kesehatan" / "... perizinan") 77.
SIMILARITY_THRESHOLD = 85.0
#: Words that appear in many activity names and say nothing about what is done.
STOP_WORDS: frozenset[str] = frozenset(
    """dan atau di ke dari untuk bagi yang pada dengan serta dalam melalui oleh se tentang antar
    kabupaten kota program kegiatan sub
    pengembangan pembangunan penyediaan peningkatan pelaksanaan penyelenggaraan pengelolaan fasilitasi
    penguatan optimalisasi pemeliharaan pengadaan penyusunan perluasan""".split()
)
#: Words unified before comparing (Indonesian variants and common loan words).
SYNONYMS: Mapping[str, str] = {
    "pelayanan": "layanan",
    "daring": "online",
    "luring": "offline",
    "app": "aplikasi",
    "apps": "aplikasi",
    "sisfo": "sistem informasi",
    "medsos": "media sosial",
    "wi-fi": "wifi",
    "fo": "serat optik",
    "fiber": "serat optik",
    "fibre": "serat optik",
    "ukm": "umkm",
}
_PHRASES: Mapping[str, str] = {
    "dalam jaringan": "online",
    "luar jaringan": "offline",
    "fiber optik": "serat optik",
}
_NON_WORD = re.compile(r"[^0-9a-z-]+")


def normalise_name(name: str) -> str:
    """The words of an activity name that carry meaning, in a canonical spelling (see the module notes)."""
    text = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode("ascii").lower()
    for phrase, replacement in _PHRASES.items():
        text = text.replace(phrase, replacement)
    words: list[str] = []
    for raw in _NON_WORD.sub(" ", text).split():
        word = raw.strip("-")
        if not word:
            continue
        word = SYNONYMS.get(word, word)
        for part in word.split():
            if part not in STOP_WORDS:
                words.append(part)
    return " ".join(words)


@dataclass(frozen=True)
class SimilarPair:
    """Two activities of different agencies whose names look alike (score 0–100)."""

    first: str
    second: str
    score: float


def similarity(first: str, second: str) -> float:
    """The similarity (0–100) of two activity names after normalisation; 0 when they share fewer than two
    meaningful words (unless they are identical)."""
    a, b = normalise_name(first), normalise_name(second)
    if not a or not b:
        return 0.0
    if a != b and len(set(a.split()) & set(b.split())) < 2:
        return 0.0
    return float(fuzz.token_set_ratio(a, b))


def similar_pairs(
    activities: Iterable[ActivityInfo], threshold: float = SIMILARITY_THRESHOLD
) -> list[SimilarPair]:
    """Pairs of activities of different agencies with alike names, most alike first (then input order)."""
    items = _unique(activities)
    if not 0 <= threshold <= 100:
        raise MethodError(f"the similarity threshold must lie in 0..100, got {threshold!r}")
    found: list[tuple[float, int, int, SimilarPair]] = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.agency == b.agency:
                continue
            score = similarity(a.name, b.name)
            if score >= threshold:
                found.append((-score, i, j, SimilarPair(a.id, b.id, score)))
    found.sort(key=lambda row: row[:3])
    return [row[3] for row in found]


@dataclass(frozen=True)
class ComponentGroup:
    """A shared component used by activities of at least two agencies."""

    component: str
    activities: tuple[str, ...]
    agencies: tuple[str, ...]


def shared_component_groups(activities: Iterable[ActivityInfo]) -> list[ComponentGroup]:
    """Shared components used by activities of two or more agencies (candidates to share), by component name."""
    items = _unique(activities)
    users: dict[str, list[ActivityInfo]] = {}
    for a in items:
        for c in dict.fromkeys(a.components):
            users.setdefault(c, []).append(a)
    groups = []
    for component in sorted(users):
        agencies = tuple(dict.fromkeys(a.agency for a in users[component]))
        if len(agencies) >= 2:
            groups.append(ComponentGroup(component, tuple(a.id for a in users[component]), agencies))
    return groups


# ------------------------------------------------------------------------------------------- districts
INFRASTRUCTURE: tuple[str, ...] = ("physical", "economic", "social", "governance")


@dataclass(frozen=True)
class DistrictRow:
    """The activities located in one district, per infrastructure kind (every kind present, maybe empty)."""

    district: str
    by_kind: dict[str, tuple[str, ...]]

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in self.by_kind.values())

    @property
    def missing_kinds(self) -> tuple[str, ...]:
        """Kinds of infrastructure with no activity here (the seed asks for them to connect within an area)."""
        return tuple(kind for kind, ids in self.by_kind.items() if not ids)


@dataclass(frozen=True)
class DistrictReport:
    rows: tuple[DistrictRow, ...]
    without_activities: tuple[str, ...]
    without_location: tuple[str, ...]  # activity ids with no district


def district_report(
    activities: Iterable[ActivityInfo], districts: Sequence[str], kinds: Sequence[str] = INFRASTRUCTURE
) -> DistrictReport:
    """Per district (in the given order), the activities located there grouped by infrastructure kind."""
    items = _unique(activities)
    grid: dict[str, dict[str, list[str]]] = {d: {k: [] for k in kinds} for d in districts}
    for a in items:
        if a.infrastructure not in kinds:
            raise MethodError(
                f"activity {a.id}: unknown infrastructure kind {a.infrastructure!r}; use {', '.join(kinds)}"
            )
        for d in dict.fromkeys(a.locations):
            if d not in grid:
                raise MethodError(f"activity {a.id}: unknown district {d!r}")
            grid[d][a.infrastructure].append(a.id)
    rows = tuple(DistrictRow(d, {k: tuple(ids) for k, ids in grid[d].items()}) for d in districts)
    return DistrictReport(
        rows=rows,
        without_activities=tuple(r.district for r in rows if r.total == 0),
        without_location=tuple(a.id for a in items if not a.locations),
    )


# ------------------------------------------------------------------------------------ screening report
@dataclass(frozen=True)
class ScreenedActivity:
    id: str
    pillar: str
    agency: str
    screened: bool
    relations: Sequence[ScreeningState] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "relations", tuple(self.relations))


@dataclass(frozen=True)
class ScreeningGroup:
    """The screening figures of a group of activities (a pillar, an agency, or all).

    ``share`` is screened / activities (None for a group without activities); ``open_risks`` lists
    (activity id, item) of ``berisiko`` relations still missing a mitigation or a done consultation.
    """

    activities: int
    screened: int
    share: float | None
    strengthened: tuple[str, ...]
    adapted: tuple[str, ...]
    at_risk: tuple[str, ...]
    never_addressed: tuple[str, ...]
    open_risks: tuple[tuple[str, str], ...]
    unscreened: tuple[str, ...]


@dataclass(frozen=True)
class ScreeningReport:
    overall: ScreeningGroup
    by_pillar: dict[str, ScreeningGroup]
    by_agency: dict[str, ScreeningGroup]


def _group(items: Sequence[ScreenedActivity], catalogue: Sequence[str]) -> ScreeningGroup:
    by_relation: dict[str, list[str]] = {r: [] for r in RELATIONS}
    addressed: set[str] = set()
    open_risks: list[tuple[str, str]] = []
    for a in items:
        for r in a.relations:
            if r.item not in by_relation[r.relation]:
                by_relation[r.relation].append(r.item)
            addressed.add(r.item)
            if r.open_risk:
                open_risks.append((a.id, r.item))
    screened = sum(1 for a in items if a.screened or a.relations)

    def ordered(names: list[str]) -> tuple[str, ...]:
        return tuple(n for n in catalogue if n in names)

    return ScreeningGroup(
        activities=len(items),
        screened=screened,
        share=screened / len(items) if items else None,
        strengthened=ordered(by_relation["memperkuat"]),
        adapted=ordered(by_relation["menyesuaikan"]),
        at_risk=ordered(by_relation["berisiko"]),
        never_addressed=tuple(n for n in catalogue if n not in addressed),
        open_risks=tuple(open_risks),
        unscreened=tuple(a.id for a in items if not (a.screened or a.relations)),
    )


def screening_report(
    activities: Iterable[ScreenedActivity],
    catalogue: Sequence[str],
    pillars: Sequence[str] = (),
    agencies: Sequence[str] = (),
) -> ScreeningReport:
    """Share screened, items strengthened/adapted/at risk, items never addressed and open risks (method.md §8),
    overall, per pillar and per agency (groups in the given order, then any others in order of appearance)."""
    items = list(activities)
    ids: set[str] = set()
    for a in items:
        if not isinstance(a, ScreenedActivity):
            raise MethodError(f"expected actionplan.ScreenedActivity, got {type(a).__name__}")
        if a.id in ids:
            raise MethodError(f"two activities share the id {a.id}")
        ids.add(a.id)
        for r in a.relations:
            if r.item not in catalogue:
                raise MethodError(f"activity {a.id}: {r.item!r} is not in the local wisdom catalogue")

    def groups(keys: Sequence[str], attr: str) -> dict[str, ScreeningGroup]:
        order = list(dict.fromkeys([*keys, *(getattr(a, attr) for a in items)]))
        return {k: _group([a for a in items if getattr(a, attr) == k], catalogue) for k in order}

    return ScreeningReport(_group(items, catalogue), groups(pillars, "pillar"), groups(agencies, "agency"))


# ------------------------------------------------------------------------------------------ quick wins
@dataclass(frozen=True)
class QuickWinState:
    id: str
    pillar: str
    has_profile: bool
    risks: int


@dataclass(frozen=True)
class QuickWinReport:
    pillars_without_quick_win: tuple[str, ...]
    without_profile: tuple[str, ...]
    without_risks: tuple[str, ...]


def quick_win_report(quick_wins: Iterable[QuickWinState], pillars: Sequence[str]) -> QuickWinReport:
    """Pillars without a quick win; quick wins without a profile or without a risk register (method.md §7)."""
    items = list(quick_wins)
    for q in items:
        if not isinstance(q, QuickWinState):
            raise MethodError(f"expected actionplan.QuickWinState, got {type(q).__name__}")
    return QuickWinReport(
        pillars_without_quick_win=tuple(p for p in pillars if not any(q.pillar == p for q in items)),
        without_profile=tuple(q.id for q in items if not q.has_profile),
        without_risks=tuple(q.id for q in items if q.risks == 0),
    )


# ------------------------------------------------------------------------------------------ risk register
RISK_BANDS = Bands(((17, "sangat tinggi"), (10, "tinggi"), (5, "sedang")), "rendah")
RISK_BANDS_EN = Bands(((17, "very high"), (10, "high"), (5, "medium")), "low")


@dataclass(frozen=True)
class RiskScore:
    score: int
    band: str


def risk_score(likelihood: int, impact: int, lang: str = "id") -> RiskScore:
    """Likelihood (1–5) × impact (1–5), with its band (a convention of kotacerdas, see the module notes)."""
    check_int(likelihood, "the likelihood", 1, 5)
    check_int(impact, "the impact", 1, 5)
    score = likelihood * impact
    bands = RISK_BANDS if _lang(lang) == "id" else RISK_BANDS_EN
    return RiskScore(score, bands.label(score) or "")


__all__ = [
    "HORIZONS",
    "INFRASTRUCTURE",
    "SIMILARITY_THRESHOLD",
    "ActivityInfo",
    "ComponentGroup",
    "ConsultationState",
    "Coverage",
    "DistrictReport",
    "DistrictRow",
    "QuickWinReport",
    "QuickWinState",
    "RiskScore",
    "ScreenedActivity",
    "ScreeningGroup",
    "ScreeningReport",
    "ScreeningState",
    "SimilarPair",
    "approval_blockers",
    "coverage",
    "district_report",
    "horizon_problems",
    "normalise_name",
    "quick_win_report",
    "risk_score",
    "screening_report",
    "shared_component_groups",
    "similar_pairs",
    "similarity",
]
