"""The JSON Schema and the models never drift: enums, ranges, fields, sections."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from jsonschema import Draft202012Validator

from kotacerdas.framework.reference import VERSIONS
from kotacerdas.interchange.region_file import FORMAT, SECTIONS
from kotacerdas.interchange.schema import load_schema
from kotacerdas.regions.models import (
    Agency,
    District,
    GovernanceBasis,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    Role,
    RpjmdPeriod,
    Village,
)

SCHEMA = load_schema()
PROPS = SCHEMA["properties"]


def _items(key: str) -> dict:
    return PROPS[key]["items"]["properties"]


#: (schema properties, model, JSON keys that are not model fields, model fields that are not in the file)
PARTS = {
    "region": (PROPS["region"]["properties"], Region, set(), {"created"}),
    "districts": (_items("districts"), District, {"villages"}, {"region", "order"}),
    "villages": (
        _items("districts")["villages"]["items"]["properties"],
        Village,
        set(),
        {"region", "district", "source", "illustrative"},
    ),
    "rpjmd": (_items("rpjmd"), RpjmdPeriod, {"missions"}, {"region"}),
    "missions": (_items("rpjmd")["missions"]["items"]["properties"], Mission, set(), {"region", "period"}),
    "agencies": (_items("agencies"), Agency, set(), {"region"}),
    "local_wisdom": (_items("local_wisdom"), LocalWisdom, set(), {"region"}),
    "governance": (_items("governance"), GovernanceMember, set(), {"region", "order"}),
    "governance_basis": (_items("governance_basis"), GovernanceBasis, set(), {"region"}),
    "users": (_items("users"), Membership, {"username"}, {"region", "user"}),
}


def test_the_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)
    assert PROPS["format"] == {"const": FORMAT, "description": PROPS["format"]["description"]}


def test_enums_equal_the_model_choices():
    assert PROPS["region"]["properties"]["kind"]["enum"] == Region.Kind.values
    assert _items("agencies")["kind"]["enum"] == Agency.Kind.values
    assert _items("districts")["villages"]["items"]["properties"]["kind"]["enum"] == Village.Kind.values
    assert _items("local_wisdom")["category"]["enum"] == LocalWisdom.Category.values
    assert _items("governance")["body"]["enum"] == GovernanceMember.Body.values
    assert _items("governance")["role"]["enum"] == GovernanceMember.Role.values
    assert _items("governance")["sector"]["enum"] == [
        *GovernanceMember.Sector.values,
        "",
    ]  # "" = not recorded
    assert _items("governance_basis")["body"]["enum"] == GovernanceMember.Body.values
    assert _items("users")["role"]["enum"] == Role.values


def test_the_framework_enum_lists_the_known_versions():
    assert PROPS["region"]["properties"]["framework"]["enum"] == list(VERSIONS)


def test_every_editable_model_field_is_in_the_file_and_nothing_else():
    for part, (properties, model, extra_keys, left_out) in PARTS.items():
        fields = {f.name for f in model._meta.concrete_fields if f.editable and not f.primary_key} - left_out
        assert set(properties) - extra_keys == fields, part


def test_numeric_ranges_equal_the_model_validators():
    """The schema's minimum/maximum are the model's own validators (0 for a positive field without one)."""
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
            own = field._validators  # the validators written in the model, not the database's integer range
            low = [v.limit_value for v in own if isinstance(v, MinValueValidator)]
            high = [v.limit_value for v in own if isinstance(v, MaxValueValidator)]
            positive = field.get_internal_type().startswith("Positive")
            assert properties[key].get("minimum") == (low[0] if low else 0 if positive else None), (part, key)
            assert properties[key].get("maximum") == (high[0] if high else None), (part, key)
            checked.add(f"{part}.{key}")
    assert checked == {
        "region.area_km2",
        "region.population",
        "region.population_year",
        "districts.desa",
        "districts.kelurahan",
        "rpjmd.start_year",
        "rpjmd.end_year",
        "missions.number",
        "governance.start_year",
        "governance.end_year",
        "governance_basis.start_year",
        "governance_basis.end_year",
    }


def test_every_section_has_a_schema_property_and_the_required_list_matches():
    assert list(PROPS) == ["format", *(section.key for section in SECTIONS)]
    assert SCHEMA["required"] == ["format", *(section.key for section in SECTIONS if section.required)]
    assert SCHEMA["additionalProperties"] is False


def test_every_object_of_the_schema_refuses_unknown_keys():
    def objects(node):
        if isinstance(node, dict):
            if "object" in (node.get("type") if isinstance(node.get("type"), list) else [node.get("type")]):
                yield node
            for value in node.values():
                yield from objects(value)
        elif isinstance(node, list):
            for value in node:
                yield from objects(value)

    # free JSON: a saved prioritisation run's parameters and result (actionplan.py)
    runs = PROPS["runs"]["items"]["properties"]
    free = [runs["parameters"], runs["result"]]
    found = [node for node in objects(SCHEMA) if not any(node is f for f in free)]
    # the workspace's objects (with a district's villages and governance_basis), then bimtek I and II's (assessment.py), the document settings (document.py), then
    # the action plan's (actionplan.py)
    assert len(found) == 11 + 14 + 1 + 14
    assert all(node.get("additionalProperties") is False for node in found)


def test_the_docs_link_to_the_same_schema_file():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs" / "region-format.schema.json"
    assert docs.is_symlink()
    assert docs.resolve() == (
        Path(__file__).resolve().parents[2]
        / "src"
        / "kotacerdas"
        / "interchange"
        / "region-format.schema.json"
    )
