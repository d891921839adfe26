from __future__ import annotations

import pytest

from kotacerdas.assessment.models import SwotFactor, SwotRating
from kotacerdas.framework.models import Pillar


@pytest.fixture
def add_factor(world):
    """``add_factor(pillar, kind, text, *ratings, weight=None, agency=None)``; ratings as (agency, importance, rating)."""

    def _add(pillar: str, kind: str, text: str, *ratings, weight=None, agency=None):
        factor = SwotFactor.objects.create(
            region=world.katingan,
            pillar=Pillar.objects.get(slug=pillar),
            kind=kind,
            text=text,
            weight=weight,
            agency=agency or world.diskominfo,
        )
        for rater, importance, rating in ratings:
            SwotRating.objects.create(
                region=world.katingan, factor=factor, agency=rater, importance=importance, rating=rating
            )
        return factor

    return _add
