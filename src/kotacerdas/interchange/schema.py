"""The JSON Schema of the region file (``region-format.schema.json``, Draft 2020-12) and its problems.

All structural problems are collected at once (``iter_errors``) and reworded where jsonschema's message would not
help a planner: a missing key is reported at the key's own path, an unknown key with the closest known key.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, ValidationError

from kotacerdas.interchange.problems import Problem

SCHEMA_FILE = "region-format.schema.json"


@cache
def load_schema() -> dict[str, Any]:
    text = resources.files("kotacerdas.interchange").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def validator() -> Draft202012Validator:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


_JSON_TYPES = {
    dict: "object",
    list: "array",
    str: "string",
    bool: "boolean",
    int: "integer",
    float: "number",
    type(None): "null",
}


def _short(value: Any, limit: int = 60) -> str:
    if isinstance(value, dict | list):
        return "an object" if isinstance(value, dict) else "an array"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _problems(error: ValidationError) -> list[Problem]:
    path = tuple(error.absolute_path)
    instance = error.instance
    if error.validator == "required" and isinstance(instance, dict):
        return [
            Problem(path + (key,), "wajib ada / required key is missing")
            for key in error.validator_value
            if key not in instance
        ]
    if error.validator == "additionalProperties" and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        found = []
        for key in instance:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key), known, n=1)
            hint = f" (maksud Anda / did you mean '{close[0]}'?)" if close else ""
            found.append(
                Problem(
                    path + (key,),
                    f"kunci tidak dikenal / unknown key{hint}; yang dikenal / allowed: {', '.join(known)}",
                )
            )
        return found
    if error.validator == "const":
        return [Problem(path, f"harus / must be {error.validator_value!r}, bukan / not {_short(instance)}")]
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        found = _JSON_TYPES.get(type(instance), type(instance).__name__)
        shown = "" if isinstance(instance, dict | list) else f" {_short(instance)}"
        return [
            Problem(path, f"harus bertipe / must be of type {expected}; ditemukan / found {found}{shown}")
        ]
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    return [Problem(path, message)]


def schema_problems(document: Any) -> list[Problem]:
    """Every structural problem of ``document`` (empty when it matches the schema)."""
    problems: list[Problem] = []
    for error in validator().iter_errors(document):
        problems.extend(_problems(error))
    return problems
