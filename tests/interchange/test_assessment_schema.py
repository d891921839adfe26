"""The schema of bimtek I and II's keys and the assessment models never drift: enums, ranges, fields, slugs."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator

from kotacerdas.assessment.models import (
    Driver,
    IgnoredPairing,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    ReadinessScore,
    Scenario,
    Strategy,
    SwotFactor,
    SwotRating,
)
from kotacerdas.framework.reference import KOMINFO_2021, PILLAR_SLUGS
from kotacerdas.interchange.assessment import ASSESSMENT_SECTIONS
from kotacerdas.interchange.region_file import SECTIONS
from kotacerdas.interchange.schema import load_schema
from kotacerdas.regions.models import Region

SCHEMA = load_schema()
PROPS = SCHEMA["properties"]


def _items(key: str) -> dict:
    return PROPS[key]["items"]["properties"]


#: (schema properties, model, JSON keys that are not model fields, model fields that are not in the file)
PARTS = {
    "readiness": (_items("readiness"), ReadinessScore, {"element"}, {"region"}),
    "swot": (_items("swot"), SwotFactor, {"ratings"}, {"region", "order"}),
    "ratings": (_items("swot")["ratings"]["items"]["properties"], SwotRating, set(), {"region", "factor"}),
    "strategies": (_items("strategies"), Strategy, set(), {"region"}),
    "ignored_pairings": (_items("ignored_pairings"), IgnoredPairing, set(), {"region"}),
    "maturity": (_items("maturity"), MaturityLevel, {"pillar"}, {"region"}),
    "peers": (_items("peers"), Peer, set(), {"region", "order"}),
    "indicators": (_items("indicators"), Indicator, {"values"}, {"region"}),
    "values": (
        _items("indicators")["values"]["items"]["properties"],
        IndicatorValue,
        set(),
        {"region", "indicator"},
    ),
    "drivers": (_items("drivers"), Driver, set(), {"region"}),
    "scenarios": (_items("scenarios"), Scenario, {"implications"}, {"region"}),
    "plan": (PROPS["plan"]["properties"], PlanSettings, set(), {"region"}),
}


def test_the_sections_are_appended_optional_and_in_the_schema():
    keys = [section.key for section in ASSESSMENT_SECTIONS]
    all_keys = [section.key for section in SECTIONS]
    start = all_keys.index(keys[0])  # right after the workspace; the action plan's keys follow
    assert all_keys[start : start + len(keys)] == keys
    assert not any(section.required for section in ASSESSMENT_SECTIONS)
    assert not set(keys) & set(SCHEMA["required"])
    assert list(PROPS)[start + 1 : start + 1 + len(keys)] == keys


def test_every_editable_model_field_is_in_the_file_and_nothing_else():
    for part, (properties, model, extra_keys, left_out) in PARTS.items():
        own = [*model._meta.concrete_fields, *model._meta.many_to_many]
        fields = {f.name for f in own if f.editable and not f.primary_key} - left_out
        assert set(properties) - extra_keys == fields, part


def test_enums_equal_the_model_choices():
    assert _items("swot")["kind"]["enum"] == SwotFactor.Kind.values
    assert _items("strategies")["kind"]["enum"] == Strategy.Kind.values
    assert _items("peers")["kind"]["enum"] == Region.Kind.values
    assert _items("indicators")["direction"]["enum"] == Indicator.Direction.values
    assert _items("drivers")["category"]["enum"] == Driver.Category.values
    assert _items("scenarios")["cell"]["enum"] == Scenario.Cell.values


def test_slugs_equal_the_framework():
    assert SCHEMA["$defs"]["pillar"]["enum"] == list(PILLAR_SLUGS)
    assert _items("readiness")["element"]["enum"] == [group.slug for group in KOMINFO_2021.readiness]
    assert list(_items("scenarios")["implications"]["properties"]) == list(PILLAR_SLUGS)
    assert list(PROPS["plan"]["properties"]["maturity_weights"]["properties"]) == list(PILLAR_SLUGS)
    for part in ("readiness", "swot", "strategies", "maturity", "indicators"):
        assert _items(part)["pillar"] == {"$ref": "#/$defs/pillar"}, part


def test_numeric_ranges_equal_the_model_validators_or_choices():
    checked = set()
    for part, (properties, model, extra_keys, _left_out) in PARTS.items():
        for key in set(properties) - extra_keys:
            field = model._meta.get_field(key)
            if field.get_internal_type() not in {
                "DecimalField",
                "PositiveIntegerField",
                "PositiveSmallIntegerField",
                "IntegerField",
            }:
                continue
            own = field._validators
            low = [v.limit_value for v in own if isinstance(v, MinValueValidator)]
            high = [v.limit_value for v in own if isinstance(v, MaxValueValidator)]
            if field.choices:
                low, high = [min(field.flatchoices)[0]], [max(field.flatchoices)[0]]
            positive = field.get_internal_type().startswith("Positive")
            assert properties[key].get("minimum") == (low[0] if low else 0 if positive else None), (part, key)
            assert properties[key].get("maximum") == (high[0] if high else None), (part, key)
            nullable = (
                "null" in properties[key]["type"] if isinstance(properties[key]["type"], list) else False
            )
            assert nullable == field.null, (part, key)
            checked.add(f"{part}.{key}")
    assert checked == {
        "readiness.score",
        "swot.weight",
        "ratings.importance",
        "ratings.rating",
        "maturity.current",
        "maturity.target",
        "indicators.weight",
        "indicators.year",
        "indicators.target",
        "values.year",
        "values.value",
        "drivers.impact",
        "drivers.uncertainty",
        "plan.start_year",
        "plan.horizon_year",
    }


def test_every_object_refuses_unknown_keys():
    def objects(node):
        if isinstance(node, dict):
            kind = node.get("type")
            if kind == "object" or (isinstance(kind, list) and "object" in kind):
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    found = [node for key in PARTS if key in PROPS for node in objects(PROPS[key])]
    assert len(found) == 14
    assert all(node.get("additionalProperties") is False for node in found)
