"""Fixtures of the master plan builder tests: the Katingan sample, a small complete region, an empty region."""

from __future__ import annotations

from datetime import date

import pytest

from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Criterion,
    CriterionScore,
    Judgement,
    Program,
)
from kotacerdas.assessment.models import MaturityLevel, PlanSettings, ReadinessScore
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.masterplan.content import Paragraph, Table
from kotacerdas.regions.models import Agency, District, LocalWisdom, Mission, Region, RpjmdPeriod


@pytest.fixture
def katingan(db):
    from kotacerdas import sample

    return sample.load("katingan").region


def texts(doc) -> list[str]:
    """Every text of the document: headings, paragraphs, list items and table cells."""
    out = [doc.title, doc.subtitle, doc.publisher, *doc.draft_reasons]
    for _level, section in doc.walk():
        out.append(section.title)
        for block in section.blocks:
            if isinstance(block, Paragraph):
                out.append(block.text)
            elif isinstance(block, Table):
                out.append(block.caption)
                out.extend(block.columns)
                for row in block.rows:
                    out.extend(row)
                out.extend(block.total or ())
            elif hasattr(block, "items"):
                out.extend(block.items)
    return out


def all_text(doc) -> str:
    return "\n".join(texts(doc))


def chapter(doc, title: str):
    return next(c for c in doc.chapters if c.title == title)


def tables(section):
    for _level, s in _walk(section):
        for block in s.blocks:
            if isinstance(block, Table):
                yield block


def _walk(section, level=1):
    yield level, section
    for child in section.sections:
        yield from _walk(child, level + 1)


def complete_region(slug: str = "lengkap", name: str = "Lengkap") -> Region:
    """A small region with nothing blocking its plan: RPJMD, every readiness and maturity cell, one screened
    activity with yearly costs, consistent AHP judgements, criterion scores and a ceiling."""
    region = Region.objects.create(slug=slug, name=name, kind="kabupaten", province="Provinsi Uji")
    district = District.objects.create(region=region, name="Kecamatan Satu", desa=5, kelurahan=1)
    period = RpjmdPeriod.objects.create(region=region, start_year=2025, end_year=2029, vision="Daerah maju")
    mission = Mission.objects.create(region=region, period=period, number=1, text="Pemerintahan bersih")
    PlanSettings.objects.create(region=region, start_year=2025, horizon_year=2034)
    agency = Agency.objects.create(
        region=region, name="Dinas Kominfo", abbreviation="Diskominfo", kind="dinas"
    )
    pillars = list(Pillar.objects.filter(framework_id=region.framework_id).order_by("order"))
    aspects = list(ReadinessAspect.objects.filter(element__framework_id=region.framework_id))
    for p in pillars:
        for aspect in aspects:
            ReadinessScore.objects.create(region=region, pillar=p, aspect=aspect, score=3)
    for element in Element.objects.filter(pillar__framework_id=region.framework_id):
        MaturityLevel.objects.create(region=region, element=element, current=2, target=3)
    LocalWisdom.objects.create(
        region=region, category="nilai_norma", name="Gotong royong", description="Kerja bersama."
    )
    program = Program.objects.create(
        region=region, agency=agency, pillar=pillars[0], code="2.16.03", name="Aplikasi"
    )
    activity = Activity.objects.create(
        region=region,
        program=program,
        ref="GOV-01",
        code="2.16.03.2.02",
        name="Portal satu data",
        horizon="medium",
        start_year=2025,
        end_year=2026,
        funding_source="apbd",
        infrastructure="governance",
        no_local_wisdom_relation=True,
        # a complete region records why its portal resembles the national one (docs/funding.md)
        national_app_reason="Simpul daerah yang mengirim data ke Portal Satu Data Indonesia.",
    )
    activity.missions.add(mission)
    activity.locations.add(district)
    ActivityYear.objects.create(region=region, activity=activity, year=2025, cost=1_250_000_000, target=1)
    ActivityYear.objects.create(region=region, activity=activity, year=2026, cost=300_000_001, target=2)
    criteria = [
        Criterion.objects.create(region=region, slug="dampak", name="Dampak", order=1),
        Criterion.objects.create(region=region, slug="urgensi", name="Urgensi", order=2),
        Criterion.objects.create(region=region, slug="biaya", name="Biaya", is_cost=True, order=3),
    ]
    for i, first in enumerate(criteria):
        for second in criteria[i + 1 :]:
            Judgement.objects.create(region=region, respondent="Tim", first=first, second=second, value=1)
    for c in criteria[:2]:
        CriterionScore.objects.create(region=region, activity=activity, criterion=c, score=4)
    for year in range(2025, 2035):
        Ceiling.objects.create(region=region, year=year, source="apbd", amount=5_000_000_000)
    return region


@pytest.fixture
def complete(db) -> Region:
    return complete_region()


__all__ = ["all_text", "chapter", "complete_region", "date", "tables", "texts"]
