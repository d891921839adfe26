"""The bimtek records as object types of the workspace's generic pages: list, create, edit, delete, history, revert.

The analysis pages (per pillar SWOT, readiness grid, maturity, competitiveness, the future) sit on top of these;
every record stays reachable, editable and revertible through the same permission-checked views.
"""

from __future__ import annotations

from kotacerdas.assessment import forms
from kotacerdas.assessment import models as m
from kotacerdas.web.kinds import Kind, register

KINDS = [
    Kind("kesiapan", m.ReadinessScore, forms.ReadinessScoreForm, ("pillar", "aspect", "score", "agency")),
    Kind("faktor-swot", m.SwotFactor, forms.SwotFactorForm, ("text", "pillar", "kind", "agency")),
    Kind("penilaian-swot", m.SwotRating, forms.SwotRatingForm, ("factor", "agency", "importance", "rating")),
    Kind("strategi", m.Strategy, forms.StrategyForm, ("text", "code", "pillar", "kind")),
    Kind("kematangan", m.MaturityLevel, forms.MaturityLevelForm, ("element", "current", "target", "agency")),
    Kind("pembanding", m.Peer, forms.PeerForm, ("name", "kind", "province")),
    Kind(
        "indikator", m.Indicator, forms.IndicatorForm, ("code", "name", "pillar", "unit", "direction", "year")
    ),
    Kind(
        "nilai-indikator", m.IndicatorValue, forms.IndicatorValueForm, ("indicator", "peer", "year", "value")
    ),
    Kind("pendorong", m.Driver, forms.DriverForm, ("name", "category", "impact", "uncertainty")),
    Kind("skenario", m.Scenario, forms.ScenarioForm, ("name", "cell")),
    Kind("implikasi", m.ScenarioImplication, forms.ScenarioImplicationForm, ("scenario", "pillar", "text")),
]


def install() -> None:
    register(*KINDS)
