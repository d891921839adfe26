"""Building blocks of the action-plan tests: a plan start, programs, activities with yearly costs, screenings,
criteria scores and judgements, on top of the ``world`` fixture (Katingan with three agencies)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from kotacerdas.actionplan import services
from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Consultation,
    Criterion,
    CriterionScore,
    Judgement,
    Program,
    Screening,
)
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.framework.models import Element, Pillar
from kotacerdas.regions.models import LocalWisdom

PLAN_START = 2025
DAMANG = "Damang Kepala Adat Kecamatan Katingan Hilir"


@dataclass
class Builder:
    world: object

    @property
    def region(self):
        return self.world.katingan

    def pillar(self, slug: str) -> Pillar:
        return Pillar.objects.get(framework_id=self.region.framework_id, slug=slug)

    def element(self, pillar: str, slug: str) -> Element:
        return Element.objects.get(pillar=self.pillar(pillar), slug=slug)

    def program(self, agency=None, pillar: str = "governance", code: str = "2.16.03", elements=()) -> Program:
        program, _ = Program.objects.get_or_create(
            region=self.region,
            agency=agency or self.world.diskominfo,
            pillar=self.pillar(pillar),
            code=code,
            defaults={"name": f"Program {code}"},
        )
        program.elements.add(*[self.element(pillar, e) for e in elements])
        return program

    def activity(
        self,
        ref: str,
        *,
        agency=None,
        pillar: str = "governance",
        name: str | None = None,
        horizon: str = "short",
        start: int = PLAN_START,
        end: int | None = None,
        costs: dict[int, int] | None = None,
        source: str = "apbd",
        status: str = "usulan",
        infrastructure: str = "governance",
        depends_on=(),
        mandatory: bool | None = None,
        earliest: int | None = None,
        latest: int | None = None,
        screened: bool = True,
        **m2m,
    ) -> Activity:
        activity = Activity(
            region=self.region,
            program=self.program(agency, pillar),
            ref=ref,
            code="2.16.03.2.02",
            name=name or f"Kegiatan {ref}",
            horizon=horizon,
            start_year=start,
            end_year=start if end is None else end,
            earliest_start=earliest,
            latest_start=latest,
            funding_source=source,
            status=status,
            infrastructure=infrastructure,
            mandatory=mandatory,
            no_local_wisdom_relation=screened,
        )
        activity.full_clean()
        activity.save()
        for year, cost in (costs or {}).items():
            ActivityYear.objects.create(region=self.region, activity=activity, year=year, cost=cost)
        activity.depends_on.add(*depends_on)
        for name_, values in m2m.items():
            getattr(activity, name_).add(*values)
        return activity

    def item(self, name: str = "Bukit Batu", custodian: str = DAMANG) -> LocalWisdom:
        item = LocalWisdom.objects.get(region=self.region, name=name)
        item.custodian = custodian
        item.save()
        return item

    def screen(self, activity, item, relation: str, mitigation: str = "") -> Screening:
        return Screening.objects.create(
            region=self.region, activity=activity, local_wisdom=item, relation=relation, mitigation=mitigation
        )

    def consult(self, screening, status: str = "planned") -> Consultation:
        done = status == "done"
        return Consultation.objects.create(
            region=self.region,
            screening=screening,
            custodian=DAMANG,
            status=status,
            date=date(2025, 3, 4) if done else None,
            outcome="Disepakati zona inti tidak dibangun." if done else "",
        )

    def ceiling(self, year: int, amount: int, source: str = "apbd") -> Ceiling:
        return Ceiling.objects.create(region=self.region, year=year, source=source, amount=amount)

    def criteria(self) -> dict[str, Criterion]:
        return {c.slug: c for c in services.ensure_default_criteria(self.region)}

    def judge(self, respondent: str, judgements: dict[tuple[str, str], float]) -> None:
        """Judgements as {(a, b): a_ab}, a_ab >= 1 meaning a favoured, < 1 meaning b favoured (1/value)."""
        crit = self.criteria()
        for (a, b), ratio in judgements.items():
            favours, value = ("first", round(ratio)) if ratio >= 1 else ("second", round(1 / ratio))
            Judgement.objects.create(
                region=self.region,
                respondent=respondent,
                first=crit[a],
                second=crit[b],
                favours=favours,
                value=value,
            )

    def judge_equal(self, respondent: str = "Bappelitbang") -> None:
        """Every pair equally important: weights 1/6 each, CR 0."""
        slugs = list(self.criteria())
        self.judge(respondent, {(a, b): 1 for i, a in enumerate(slugs) for b in slugs[i + 1 :]})

    def score(self, activity, **scores: int) -> None:
        crit = self.criteria()
        for slug in ("dampak", "urgensi", "keselarasan", "kesiapan", "kearifan_lokal"):
            CriterionScore.objects.create(
                region=self.region, activity=activity, criterion=crit[slug], score=scores.get(slug, 3)
            )


@pytest.fixture
def plan(world) -> Builder:
    PlanSettings.objects.create(region=world.katingan, start_year=PLAN_START, horizon_year=2034)
    return Builder(world)
