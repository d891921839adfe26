"""The official area codes (kode wilayah): provinces, kabupaten/kota, kecamatan, desa and kelurahan.

Pure Python (no Django). The data is ``data/wilayah.csv.gz`` (Kepmendagri 300.2.2-2138/2025 jo. 300.2.2-2430/2025;
provenance in ``data/README.md``), columns ``code,name,level,parent_code,regulation``, levels ``provinsi``
(``62``), ``kabkota`` (``62.06``), ``kecamatan`` (``62.06.01``), ``desa`` and ``kelurahan`` (``62.06.02.1003``).
It is read once per process (:func:`functools.cache`).

``kabkota("62.06")`` gives a kabupaten/kota with its province, its kind (from its official name: "Kabupaten
Katingan" → kabupaten "Katingan"), its kecamatan and their desa/kelurahan. An unknown or malformed code raises
:class:`UnknownArea`, whose message (Indonesian / English) suggests the nearest codes and names.
"""

from __future__ import annotations

import csv
import functools
import gzip
import io
import re
from dataclasses import dataclass
from importlib import resources

from rapidfuzz import fuzz, process

DATA_FILE = "wilayah.csv.gz"
LEVELS = ("provinsi", "kabkota", "kecamatan", "desa", "kelurahan")
VILLAGE_KINDS = ("desa", "kelurahan")
KABKOTA_CODE = re.compile(r"^\d{2}\.\d{2}$")
KECAMATAN_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
VILLAGE_CODE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
KINDS = {"Kabupaten": "kabupaten", "Kota": "kota"}


@dataclass(frozen=True)
class Area:
    """One row of the file."""

    code: str
    name: str
    level: str
    parent_code: str
    regulation: str


@dataclass(frozen=True)
class Village:
    """A desa or kelurahan: ``kind`` is ``"desa"`` or ``"kelurahan"``."""

    code: str
    name: str
    kind: str


@dataclass(frozen=True)
class Kecamatan:
    code: str
    name: str
    villages: tuple[Village, ...]

    @property
    def desa(self) -> int:
        return sum(1 for v in self.villages if v.kind == "desa")

    @property
    def kelurahan(self) -> int:
        return sum(1 for v in self.villages if v.kind == "kelurahan")


@dataclass(frozen=True)
class KabKota:
    """A kabupaten or kota: ``name`` without its kind ("Katingan"), ``official_name`` as in the regulation
    ("Kabupaten Katingan"), ``kind`` ``"kabupaten"`` or ``"kota"``."""

    code: str
    name: str
    official_name: str
    kind: str
    province: str
    province_code: str
    kecamatan: tuple[Kecamatan, ...]
    regulation: str

    @property
    def desa(self) -> int:
        return sum(k.desa for k in self.kecamatan)

    @property
    def kelurahan(self) -> int:
        return sum(k.kelurahan for k in self.kecamatan)


class UnknownArea(ValueError):
    """An unknown or malformed area code; ``suggestions`` lists ``(code, official name)`` near it."""

    def __init__(self, message: str, suggestions: list[tuple[str, str]]):
        super().__init__(message)
        self.suggestions = suggestions


@functools.cache
def areas() -> dict[str, Area]:
    """Every row of the file by code, in the file's order (each parent before its children)."""
    raw = resources.files(__package__).joinpath("data", DATA_FILE).read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    return {
        row["code"]: Area(row["code"], row["name"], row["level"], row["parent_code"], row["regulation"])
        for row in csv.DictReader(io.StringIO(text, newline=""))
    }


@functools.cache
def _children() -> dict[str, tuple[Area, ...]]:
    children: dict[str, list[Area]] = {}
    for area in areas().values():
        if area.parent_code:
            children.setdefault(area.parent_code, []).append(area)
    return {code: tuple(sorted(found, key=lambda a: a.code)) for code, found in children.items()}


def children(code: str) -> tuple[Area, ...]:
    """The areas directly under ``code``, by code."""
    return _children().get(code, ())


def split_kind(official_name: str) -> tuple[str, str]:
    """``"Kabupaten Katingan"`` → ``("kabupaten", "Katingan")``; ``"Kota Palangka Raya"`` → ``("kota", ...)``."""
    first, _, rest = official_name.partition(" ")
    if first in KINDS and rest:
        return KINDS[first], rest
    return "kabupaten", official_name


@functools.cache
def kabkota_list() -> tuple[tuple[str, str, str], ...]:
    """Every kabupaten/kota as ``(code, official name, province)``, by code (for a searchable list)."""
    rows = areas()
    return tuple(
        (a.code, a.name, rows[a.parent_code].name if a.parent_code in rows else "")
        for a in rows.values()
        if a.level == "kabkota"
    )


def suggest(query: str, limit: int = 3) -> list[tuple[str, str]]:
    """The kabupaten/kota nearest to ``query`` (a code or words), as ``(code, official name)``."""
    query = query.strip()
    listed = kabkota_list()
    if not query:
        return []
    digits = re.sub(r"\D", "", query)
    if digits and not re.search(r"[A-Za-z]", query):
        head = query[:5]
        if len(query) > 5 and KABKOTA_CODE.match(head) and head in areas():
            return [(head, areas()[head].name)]  # a kecamatan or village code: its kabupaten/kota
        if len(digits) == 4 and f"{digits[:2]}.{digits[2:]}" in areas():
            code = f"{digits[:2]}.{digits[2:]}"
            return [(code, areas()[code].name)]
        choices = {code: code.replace(".", "") for code, _, _ in listed}
        found = process.extract(digits, choices, scorer=fuzz.ratio, limit=limit * 4)
        # prefer codes in the same province (the first two digits), then the closest
        found.sort(key=lambda hit: (hit[2][:2] != digits[:2], -hit[1], hit[2]))
        return [(code, areas()[code].name) for _, _, code in found[:limit]]
    choices = {code: name for code, name, _ in listed}
    found = process.extract(query, choices, scorer=fuzz.WRatio, processor=str.lower, limit=limit)
    return [(code, areas()[code].name) for _, _, code in found]


def _unknown(code: str, reason_id: str, reason_en: str) -> UnknownArea:
    near = suggest(code)
    hint = ", ".join(f"{c} {n}" for c, n in near)
    message = f"{reason_id} / {reason_en}"
    if hint:
        message += f"; maksud Anda / did you mean: {hint}?"
    return UnknownArea(message, near)


def kabkota(code: str) -> KabKota:
    """The kabupaten/kota of ``code`` (``"62.06"``) with its province, kecamatan and villages.

    Raises :class:`UnknownArea` for a malformed code, an unknown one or the code of another level.
    """
    code = code.strip() if isinstance(code, str) else ""
    if not KABKOTA_CODE.match(code):
        raise _unknown(
            code,
            f"kode {code!r} bukan kode kabupaten/kota (dua angka, titik, dua angka, mis. 62.06)",
            f"{code!r} is not a kabupaten/kota code (two digits, a dot, two digits, e.g. 62.06)",
        )
    area = areas().get(code)
    if area is None or area.level != "kabkota":
        raise _unknown(
            code,
            f"kode kabupaten/kota {code} tidak ada dalam kode wilayah resmi",
            f"kabupaten/kota code {code} is not in the official area codes",
        )
    province = areas()[area.parent_code]
    kind, name = split_kind(area.name)
    kecamatan = tuple(
        Kecamatan(
            k.code,
            k.name,
            tuple(Village(v.code, v.name, v.level) for v in children(k.code) if v.level in VILLAGE_KINDS),
        )
        for k in children(code)
        if k.level == "kecamatan"
    )
    return KabKota(
        code=code,
        name=name,
        official_name=area.name,
        kind=kind,
        province=province.name,
        province_code=province.code,
        kecamatan=kecamatan,
        regulation=area.regulation,
    )
