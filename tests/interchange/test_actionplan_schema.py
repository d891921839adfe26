"""The schema of the action plan's keys and the action-plan models never drift: enums, ranges, fields."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator

from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Consultation,
    Criterion,
    CriterionScore,
    FundingSource,
    Judgement,
    PrioritizationRun,
    Program,
    QuickWinProfile,
    Risk,
    Screening,
    SharedComponent,
)
from kotacerdas.interchange.actionplan import ACTIONPLAN_SECTIONS
from kotacerdas.interchange.region_file import SECTIONS
from kotacerdas.interchange.schema import load_schema

SCHEMA = load_schema()
PROPS = SCHEMA["properties"]
DEFS = SCHEMA["$defs"]


def _items(key: str) -> dict:
    return PROPS[key]["items"]["properties"]


ACTIVITY = _items("activities")
#: an activity's years and quick-win profile share its source and illustrative flag
SOURCED = ("source", "illustrative")
#: (schema properties, model, JSON keys that are not model fields, model fields that are not in the file)
PARTS = {
    "components": (_items("components"), SharedComponent, set(), {"region"}),
    "programs": (_items("programs"), Program, set(), {"region"}),
    "activities": (ACTIVITY, Activity, {"years", "quick_win_profile"}, {"region"}),
    "years": (
        ACTIVITY["years"]["items"]["properties"],
        ActivityYear,
        set(),
        {"region", "activity", *SOURCED},
    ),
    "quick_win_profile": (
        ACTIVITY["quick_win_profile"]["properties"],
        QuickWinProfile,
        set(),
        {"region", "activity", *SOURCED},
    ),
    "screenings": (_items("screenings"), Screening, {"consultations"}, {"region"}),
    "consultations": (
        _items("screenings")["consultations"]["items"]["properties"],
        Consultation,
        set(),
        {"region", "screening"},
    ),
    "risks": (_items("risks"), Risk, set(), {"region"}),
    "criteria": (_items("criteria"), Criterion, set(), {"region"}),
    "judgements": (_items("judgements"), Judgement, set(), {"region"}),
    "criterion_scores": (_items("criterion_scores"), CriterionScore, set(), {"region"}),
    "ceilings": (_items("ceilings"), Ceiling, set(), {"region"}),
    "runs": (_items("runs"), PrioritizationRun, set(), {"region", "created_by"}),
}


def _resolve(node: dict) -> dict:
    ref = node.get("$ref")
    return DEFS[ref.rsplit("/", 1)[1]] if ref else node


def test_the_sections_are_appended_last_optional_and_in_the_schema():
    keys = [section.key for section in ACTIONPLAN_SECTIONS]
    assert keys == [
        "components",
        "programs",
        "activities",
        "screenings",
        "risks",
        "criteria",
        "judgements",
        "criterion_scores",
        "ceilings",
        "runs",
    ]
    assert [section.key for section in SECTIONS][-len(keys) :] == keys
    assert not any(section.required for section in ACTIONPLAN_SECTIONS)
    assert not set(keys) & set(SCHEMA["required"])
    assert list(PROPS)[-len(keys) :] == keys


def test_every_editable_model_field_is_in_the_file_and_nothing_else():
    for part, (properties, model, extra_keys, left_out) in PARTS.items():
        own = [*model._meta.concrete_fields, *model._meta.many_to_many]
        fields = {f.name for f in own if f.editable and not f.primary_key} - set(left_out)
        if model is PrioritizationRun:
            fields.add("created")  # auto_now_add, so not editable; the file keeps the time
        assert set(properties) - extra_keys == fields, part


def test_enums_equal_the_model_choices():
    assert _resolve(ACTIVITY["horizon"])["enum"] == Activity.Horizon.values
    assert ACTIVITY["horizon"]["enum"] == ["quick_win", "short", "medium", "long"]
    assert _resolve(ACTIVITY["status"])["enum"] == Activity.Status.values
    assert _resolve(ACTIVITY["infrastructure"])["enum"] == Activity.Infrastructure.values
    assert DEFS["funding_source"]["enum"] == FundingSource.values
    assert ACTIVITY["funding_source"] == {"$ref": "#/$defs/funding_source"}
    assert _items("ceilings")["source"] == {"$ref": "#/$defs/funding_source"}
    assert _items("screenings")["relation"]["enum"] == Screening.Relation.values
    consultation = _items("screenings")["consultations"]["items"]["properties"]
    assert consultation["status"]["enum"] == Consultation.Status.values
    assert _items("judgements")["favours"]["enum"] == Judgement.Favours.values
    assert _items("programs")["pillar"] == {"$ref": "#/$defs/pillar"}
    assert ACTIVITY["status"]["default"] == Activity.Status.USULAN


def test_numeric_ranges_equal_the_model_validators():
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
            positive = field.get_internal_type().startswith("Positive")
            node = _resolve(properties[key])
            assert node.get("minimum") == (low[0] if low else 0 if positive else None), (part, key)
            assert node.get("maximum") == (high[0] if high else None), (part, key)
            kind = node["type"] if isinstance(node["type"], list) else [node["type"]]
            assert ("null" in kind) == field.null, (part, key)
            if field.get_internal_type() == "DecimalField" and field.decimal_places == 0:
                assert "integer" in kind, (part, key)  # rupiah are JSON integers
            checked.add(f"{part}.{key}")
    assert checked == {
        "activities.start_year",
        "activities.end_year",
        "activities.earliest_start",
        "activities.latest_start",
        "years.year",
        "years.cost",
        "years.target",
        "risks.likelihood",
        "risks.impact",
        "criteria.order",
        "judgements.value",
        "criterion_scores.score",
        "ceilings.year",
        "ceilings.amount",
    }


def test_every_object_refuses_unknown_keys_except_a_runs_free_json():
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

    runs = _items("runs")
    free = [runs["parameters"], runs["result"]]
    found = [node for key in PARTS if key in PROPS for node in objects(PROPS[key])]
    closed = [node for node in found if not any(node is f for f in free)]
    assert len(closed) == 14 and len(found) == 16
    assert all(node.get("additionalProperties") is False for node in closed)
