"""The limits on what an import reads, in one place: each is checked before memory is spent on the file.

docs/region-format.md and docs/workbook.md list them for people. The two size caps can be raised from the
environment (``KOTACERDAS_MAX_REGION_FILE_MB``, ``KOTACERDAS_MAX_WORKBOOK_MB``); they are read when an import
starts, so a running server picks up neither change nor typo until it is restarted.
"""

from __future__ import annotations

import os
import re
from typing import Any

from kotacerdas.interchange.problems import Path, Problem

MB = 1024 * 1024

#: A region file (JSON): its size, its nesting and the digits of one integer.
REGION_FILE_MB = 64
REGION_FILE_DEPTH = 64
INTEGER_DIGITS = 20

#: A bimtek workbook (.xlsx): the upload, the declared uncompressed size of its zip members, the rows of one sheet.
WORKBOOK_MB = 10
WORKBOOK_UNCOMPRESSED_MB = 100
#: The shared strings (every text of every sheet, held in memory while the sheets are read), unpacked.
SHARED_STRINGS_MB = 30
SHEET_ROWS = 20_000

#: The master plan's logo in a region file: pixels a side, read from the PNG header (the model caps the bytes).
LOGO_SIDE = 4000

#: C0 control characters other than tab, line feed and carriage return: never stored (PostgreSQL refuses NUL).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def megabytes(name: str, default: int) -> int:
    """A size cap in MB from the environment variable ``name`` (a positive whole number), else ``default``."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ValueError(f"{name}={raw!r}: harus bilangan bulat MB / must be a whole number of MB") from None
    if value < 1:
        raise ValueError(f"{name}={raw!r}: harus paling sedikit 1 / must be at least 1")
    return value


def region_file_bytes() -> int:
    return megabytes("KOTACERDAS_MAX_REGION_FILE_MB", REGION_FILE_MB) * MB


def workbook_bytes() -> int:
    return megabytes("KOTACERDAS_MAX_WORKBOOK_MB", WORKBOOK_MB) * MB


def too_large(size: int | None, cap: int, setting: str) -> str:
    """The message for a file of ``size`` bytes (None: read up to the cap and more left) over ``cap`` bytes;
    ``setting`` names what raises the cap."""
    id_, en = (
        (f"{size / MB:.1f} MB", f"{size / MB:.1f} MB")
        if size
        else (f"lebih dari {cap // MB} MB", f"more than {cap // MB} MB")
    )
    return (
        f"berkas terlalu besar: {id_}, paling besar {cap // MB} MB ({setting}) / the file is too large: {en}, at "
        f"most {cap // MB} MB ({setting})"
    )


def control_message(text: str) -> str:
    found = CONTROL.search(text)
    code = f"U+{ord(found.group()):04X}" if found else ""
    return (
        f"karakter kendali {code} tidak diterima (hanya tab dan ganti baris) / control character {code} is not "
        "accepted (only tab and line breaks)"
    )


class TooLong(str):
    """An integer or number of the JSON text that is over the limit, kept as written until it is reported."""


def parse_int(text: str) -> int | TooLong:
    """``json.loads(parse_int=...)``: at most :data:`INTEGER_DIGITS` digits, so that a 5,000-digit integer never
    reaches ``int()`` (which would refuse it with a traceback)."""
    if len(text.lstrip("-")) > INTEGER_DIGITS:
        return TooLong(text)
    return int(text)


def parse_float(text: str) -> float | TooLong:
    """A JSON number with a fraction or exponent; one that is not finite (``1e999``) is refused."""
    if len(text) > 64:
        return TooLong(text)
    value = float(text)
    return value if value not in (float("inf"), float("-inf")) else TooLong(text)


def parse_constant(text: str) -> TooLong:
    """``NaN``, ``Infinity`` and ``-Infinity`` are not JSON; Python's parser would accept them."""
    return TooLong(text)


def document_problems(document: Any) -> list[Problem]:
    """Every value of a parsed region file over the limits: nesting deeper than :data:`REGION_FILE_DEPTH`,
    numbers that are too long or not finite, strings (values or keys) with control characters. Iterative, so a
    deep document cannot exhaust the stack."""
    problems: list[Problem] = []
    stack: list[tuple[Path, Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, TooLong):
            shown = (
                value if len(value) <= 24 else f"{value[:10]}…{value[-6:]} ({len(value)} karakter / chars)"
            )
            problems.append(
                Problem(
                    path,
                    f"angka {shown} tidak diterima: paling banyak {INTEGER_DIGITS} digit, terhingga / number "
                    f"{shown} is not accepted: at most {INTEGER_DIGITS} digits, finite",
                )
            )
        elif isinstance(value, str):
            if CONTROL.search(value):
                problems.append(Problem(path, control_message(value)))
        elif isinstance(value, dict | list):
            if len(path) >= REGION_FILE_DEPTH:
                problems.append(
                    Problem(
                        path,
                        f"bersarang terlalu dalam: paling dalam {REGION_FILE_DEPTH} tingkat / nested too deeply: "
                        f"at most {REGION_FILE_DEPTH} levels",
                    )
                )
                continue
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and CONTROL.search(key):
                    problems.append(Problem(path, control_message(key)))
                    continue
                stack.append((path + (key,), item))
    return problems
