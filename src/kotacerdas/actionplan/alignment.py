"""Alignment of the action plan (method.md §7) and the maturity planning gaps (§4).

Coverage: which missions and pillars the live activities serve. Planning gaps: elements whose maturity target is
above the current level with no live activity for them. The assessment stage shows the planning gaps too, but it
comes before the action plan and does not import it: :func:`planned_elements` is handed to it through
:data:`kotacerdas.assessment.analysis.planned_sources` when this app is ready.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from kotacerdas.actionplan.models import Activity
from kotacerdas.assessment import analysis
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.framework.models import Element, Pillar
from kotacerdas.method import actionplan as rules
from kotacerdas.regions.models import Mission, Region


def planned_elements(region: Region) -> set[tuple[str, str]]:
    """(pillar slug, element slug) pairs with at least one non-cancelled activity, through the activity's own
    elements or its program's elements; fed to the maturity planning gaps (method.md §4)."""
    live = Activity.objects.filter(region=region).live()
    elements = Element.objects.filter(
        Q(pk__in=live.values("elements")) | Q(pk__in=live.values("program__elements"))
    ).select_related("pillar")
    return {(e.pillar.slug, e.slug) for e in elements}


@dataclass
class Alignment:
    """Missions × pillars coverage (method.md §7) and the maturity planning gaps (§4)."""

    coverage: rules.Coverage
    missions: list[Mission]
    pillars: list[Pillar]
    rows: list[tuple[Mission, list[tuple[Pillar, int]]]]
    missions_without_activities: list[Mission]
    pillars_without_activities: list[Pillar]
    pillars_without_quick_win: list[Pillar]
    activities_without_mission: list[Activity]
    planning_gaps: list[Element]
    maturity_problem: str | None = None


def alignment(region: Region) -> Alignment:
    activities = list(Activity.objects.filter(region=region).live().for_reports())
    missions = list(
        Mission.objects.filter(region=region)
        .select_related("period")
        .order_by("-period__start_year", "number")
    )
    pillars = analysis.pillars_of(region)
    result = rules.coverage(
        [a.info() for a in activities], [str(m.pk) for m in missions], [p.slug for p in pillars]
    )
    by_mission = {str(m.pk): m for m in missions}
    by_pillar = {p.slug: p for p in pillars}
    by_ref = {a.ref: a for a in activities}
    mat, _target, _records, problem = analysis.maturity_of(
        region, pillars, PlanSettings.objects.filter(region=region).first()
    )
    elements = {(p.slug, e.slug): e for p in pillars for e in p.elements.all()}
    return Alignment(
        coverage=result,
        missions=missions,
        pillars=pillars,
        rows=[(m, [(p, result.matrix[str(m.pk)][p.slug]) for p in pillars]) for m in missions],
        missions_without_activities=[by_mission[k] for k in result.missions_without_activities],
        pillars_without_activities=[by_pillar[k] for k in result.pillars_without_activities],
        pillars_without_quick_win=[by_pillar[k] for k in result.pillars_without_quick_win],
        activities_without_mission=[by_ref[k] for k in result.activities_without_mission],
        planning_gaps=[elements[key] for key in mat.planning_gaps if key in elements],
        maturity_problem=problem,
    )
