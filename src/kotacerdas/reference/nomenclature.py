"""The national planning nomenclature for kabupaten/kota, as versioned reference data (issue 12).

Kepmendagri 050-5889/2021 as amended by Kepmendagri 900.1.15.5-1317/2023 (``data/README.md`` gives the
provenance). Codes are written in SIPD's dotted form: urusan ``2``, bidang ``2.16``, program ``2.16.03``, kegiatan
``2.16.03.2.02``, sub kegiatan ``2.16.03.2.02.0009``.

The support program that every bidang has is stored once in the regulation, as ``X.XX.01``; SIPD writes it with
the bidang of the agency, so ``2.16.01.2.01.0001`` (Diskominfo) and ``5.01.01.2.01.0001`` (Bappeda) are both
``X.XX.01.2.01.0001``. :func:`lookup` and :func:`children` expand it the same way for every real bidang.

Two versions exist: :data:`DEFAULT_VERSION` (the consolidated 1317/2023 text) and :data:`SIPD_VERSION` (the same
plus codes seen in later SIPD exports, which carry no kinerja, indikator or satuan and are marked ``added``).

Everything here is pure Python and read once (cached): no Django, no database.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources

from rapidfuzz import fuzz, process

DEFAULT_VERSION = "kepmendagri-5889-2021+1317-2023"
SIPD_VERSION = "kepmendagri-5889-2021+1317-2023+sipd"

LEVELS: tuple[str, ...] = ("urusan", "bidang", "program", "kegiatan", "subkegiatan")
#: Number of dotted segments of a code at each level.
SEGMENTS = {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 5, "subkegiatan": 6}
#: The level's name as a planner says it.
LEVEL_NAMES = {
    "id": {
        "urusan": "urusan",
        "bidang": "bidang urusan",
        "program": "program",
        "kegiatan": "kegiatan",
        "subkegiatan": "sub kegiatan",
    },
    "en": {
        "urusan": "affair",
        "bidang": "field",
        "program": "program",
        "kegiatan": "activity",
        "subkegiatan": "sub-activity",
    },
}

_FORMAT = re.compile(r"^(\d|X)(\.(\d{2}|XX)(\.\d{2}(\.\d\.\d{2}(\.\d{4})?)?)?)?$")
SUPPORT = "X.XX.01"


@dataclass(frozen=True)
class Version:
    key: str
    name: str
    source: str
    files: tuple[str, ...]
    note: str = ""


VERSIONS: dict[str, Version] = {
    DEFAULT_VERSION: Version(
        DEFAULT_VERSION,
        "Kepmendagri 050-5889/2021 jo. 900.1.15.5-1317/2023",
        "Kepmendagri 050-5889/2021 tentang Hasil Verifikasi, Validasi dan Inventarisasi Pemutakhiran "
        "Klasifikasi, Kodefikasi dan Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah, sebagaimana diubah "
        "dengan Kepmendagri 900.1.15.5-1317/2023 (tingkat kabupaten/kota)",
        ("nomenclature-5889-2021.csv.gz",),
    ),
    SIPD_VERSION: Version(
        SIPD_VERSION,
        "Kepmendagri 050-5889/2021 jo. 900.1.15.5-1317/2023 + kode SIPD sesudahnya",
        "Seperti versi dasar, ditambah 171 kode yang muncul dalam ekspor SIPD sesudah 1317/2023 "
        "(tanpa kinerja, indikator dan satuan)",
        ("nomenclature-5889-2021.csv.gz", "nomenclature-additions-after-1317.csv.gz"),
        note="kode tambahan SIPD sesudah Kepmendagri 1317/2023; periksa dengan SIPD daerah",
    ),
}


@dataclass(frozen=True)
class Entry:
    """One row of the nomenclature, with the support program already expanded to a bidang where asked."""

    level: str
    code: str
    name: str
    parent_code: str
    kinerja: str = ""
    indikator: str = ""
    satuan: str = ""
    #: True for a code from the SIPD additions (second version), which has no kinerja/indikator/satuan.
    added: bool = False

    @property
    def level_name(self) -> str:
        return LEVEL_NAMES["id"][self.level]


class UnknownVersion(ValueError):
    pass


def _version(version: str) -> Version:
    try:
        return VERSIONS[version]
    except KeyError:
        raise UnknownVersion(
            f"unknown nomenclature version {version!r}; use one of {', '.join(VERSIONS)}"
        ) from None


def _read(filename: str) -> list[dict[str, str]]:
    raw = resources.files(__package__).joinpath("data", filename).read_bytes()
    return list(csv.DictReader(io.StringIO(gzip.decompress(raw).decode("utf-8"))))


@cache
def _table(version: str) -> dict[str, Entry]:
    """Code → entry for one version, in the file's order (each parent before its children)."""
    info = _version(version)
    table: dict[str, Entry] = {}
    for index, filename in enumerate(info.files):
        for row in _read(filename):
            table[row["code"]] = Entry(
                level=row["level"],
                code=row["code"],
                name=row["name"],
                parent_code=row["parent_code"],
                kinerja=row.get("kinerja", "") or "",
                indikator=row.get("indikator", "") or "",
                satuan=row.get("satuan", "") or "",
                added=index > 0,
            )
    return table


@cache
def _children(version: str) -> dict[str, tuple[str, ...]]:
    kids: dict[str, list[str]] = {}
    for code, entry in _table(version).items():
        kids.setdefault(entry.parent_code, []).append(code)
    return {parent: tuple(sorted(codes)) for parent, codes in kids.items()}


@cache
def bidang_codes(version: str = DEFAULT_VERSION) -> tuple[str, ...]:
    """The real bidang (``1.01`` … ``8.01``), each of which has the support program ``X.XX.01``."""
    return tuple(c for c, e in _table(version).items() if e.level == "bidang" and not c.startswith("X"))


def normalise(code: str) -> str:
    """The code as written in SIPD: spaces removed. Nothing else is guessed (``.09`` is not ``.0009``)."""
    return "".join(str(code).split())


def is_well_formed(code: str) -> bool:
    return bool(_FORMAT.match(normalise(code))) and not normalise(code).startswith("X")


def level_of(code: str) -> str | None:
    """The level a well-formed code is at, from its number of segments; None when malformed."""
    code = normalise(code)
    if not _FORMAT.match(code):
        return None
    count = code.count(".") + 1
    for level, n in SEGMENTS.items():
        if n == count:
            return level
    return None


def parent_of(code: str) -> str | None:
    """The code one level up (``2.16.03.2.02`` → ``2.16.03``); None for an urusan or a malformed code."""
    level = level_of(code)
    if level is None or level == "urusan":
        return None
    up = LEVELS[LEVELS.index(level) - 1]
    return ".".join(normalise(code).split(".")[: SEGMENTS[up]])


def program_of(code: str) -> str | None:
    """The program a kegiatan or sub kegiatan code belongs to (its first three segments)."""
    level = level_of(code)
    if level not in ("program", "kegiatan", "subkegiatan"):
        return None
    return ".".join(normalise(code).split(".")[:3])


def _generic(code: str, version: str) -> tuple[str, str] | None:
    """``2.16.01.2.01`` → (``X.XX.01.2.01``, ``2.16``) when ``2.16`` is a real bidang; None otherwise."""
    parts = code.split(".")
    if len(parts) >= 3 and parts[2] == "01" and not parts[0].startswith("X"):
        bidang = ".".join(parts[:2])
        if bidang in bidang_codes(version):
            return ".".join(["X", "XX", *parts[2:]]), bidang
    return None


def _expand(entry: Entry, bidang: str) -> Entry:
    def swap(code: str) -> str:
        if code.startswith("X.XX"):
            return bidang + code[4:]
        if code == "X":
            return bidang.split(".")[0]
        return code

    return replace(entry, code=swap(entry.code), parent_code=swap(entry.parent_code))


def lookup(code: str, version: str = DEFAULT_VERSION) -> Entry | None:
    """The entry for ``code`` in ``version`` (support program expanded), or None when the code is not there."""
    code = normalise(code)
    table = _table(version)
    entry = table.get(code)
    if entry is not None and not code.startswith("X"):
        return entry
    generic = _generic(code, version)
    if generic is not None and generic[0] in table:
        return _expand(table[generic[0]], generic[1])
    return None


def children(code: str, version: str = DEFAULT_VERSION) -> list[Entry]:
    """The entries one level below ``code`` (a program's kegiatan, a kegiatan's sub kegiatan)."""
    code = normalise(code)
    table = _table(version)
    kids = _children(version)
    result = [table[c] for c in kids.get(code, ()) if not c.startswith("X")]
    generic = _generic(code, version)
    if generic is not None:
        result += [_expand(table[c], generic[1]) for c in kids.get(generic[0], ())]
    if level_of(code) == "bidang" and code in bidang_codes(version):
        result = [_expand(table[SUPPORT], code), *result]
    return sorted(result, key=lambda e: e.code)


def under(code: str, version: str = DEFAULT_VERSION) -> list[Entry]:
    """Every entry below ``code``, depth first in code order."""
    found: list[Entry] = []
    for child in children(code, version):
        found.append(child)
        found.extend(under(child.code, version))
    return found


def same_name(a: str, b: str) -> bool:
    """Two names are the same name when they differ only in case, spacing and punctuation."""
    return _fold(a) == _fold(b)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@cache
def _searchable(version: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(codes, folded names) of every searchable entry, the support program expanded for every bidang."""
    codes: list[str] = []
    names: list[str] = []
    table = _table(version)
    for code, entry in table.items():
        if code.startswith("X") or entry.level in ("urusan", "bidang"):
            continue
        codes.append(code)
        names.append(_fold(entry.name))
    return tuple(codes), tuple(names)


def search(
    text: str,
    version: str = DEFAULT_VERSION,
    *,
    levels: Iterable[str] = ("program", "kegiatan", "subkegiatan"),
    within: str | None = None,
    limit: int = 20,
) -> list[Entry]:
    """Entries matching ``text`` by code (a prefix such as ``2.16.03.2``) or by words of the name.

    ``within`` keeps only codes under a program or kegiatan (``2.16.03``; a support program ``2.16.01`` is
    searched in its bidang's expansion). Word search ranks by rapidfuzz's token-set ratio, best first.
    """
    wanted = set(levels)
    text = str(text).strip()
    if within:
        pool = [e for e in under(within, version) if e.level in wanted]
    else:
        pool = None
    code_text = normalise(text)
    if code_text and re.fullmatch(r"[\dX.]+", code_text):
        if pool is None:
            found = [
                e for c, e in _table(version).items() if c.startswith(code_text) and not c.startswith("X")
            ]
            generic = _generic(code_text, version) if code_text.count(".") >= 2 else None
            if generic is not None:
                found += [
                    _expand(e, generic[1]) for c, e in _table(version).items() if c.startswith(generic[0])
                ]
        else:
            found = [e for e in pool if e.code.startswith(code_text)]
        return sorted((e for e in found if e.level in wanted), key=lambda e: e.code)[:limit]
    query = _fold(text)
    if not query:
        return []
    if pool is None:
        codes, names = _searchable(version)
        table = _table(version)
        candidates = {i: n for i, n in enumerate(names) if table[codes[i]].level in wanted}
        return [table[codes[key]] for key in _ranked(query, candidates, limit)]
    choices = {i: _fold(e.name) for i, e in enumerate(pool)}
    return [pool[key] for key in _ranked(query, choices, limit)]


def _ranked(query: str, choices: dict[int, str], limit: int) -> list[int]:
    """Keys of the names holding the query's words (token-set ratio ≥ 60), the closest whole name first."""
    hits = process.extract(query, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=60)
    hits.sort(key=lambda hit: (-hit[1], -fuzz.ratio(query, hit[0]), hit[2]))
    return [key for _name, _score, key in hits[:limit]]


def nearest(
    code: str, level: str, version: str = DEFAULT_VERSION, *, within: str | None = None, limit: int = 5
):
    """The codes at ``level`` closest to a wrong ``code``: the same parent first, then by edit distance."""
    code = normalise(code)
    if within:
        pool = [e for e in under(within, version) if e.level == level]
    else:
        pool = [e for c, e in _table(version).items() if e.level == level and not c.startswith("X")]
        if level in ("program", "kegiatan", "subkegiatan"):
            bidang = ".".join(code.split(".")[:2])
            if bidang in bidang_codes(version):
                pool += [e for e in under(f"{bidang}.01", version) if e.level == level]
    parent = parent_of(code)

    def rank(entry: Entry) -> tuple[int, float, str]:
        same_parent = 0 if parent and entry.parent_code == parent else 1
        return (same_parent, -fuzz.ratio(code, entry.code), entry.code)

    return sorted(pool, key=rank)[:limit]


def by_name(name: str, level: str, version: str = DEFAULT_VERSION) -> list[Entry]:
    """The entries at ``level`` whose official name is ``name`` (ignoring case, spacing, punctuation)."""
    folded = _fold(name)
    if not folded:
        return []
    return [
        e
        for c, e in _table(version).items()
        if e.level == level and not c.startswith("X") and _fold(e.name) == folded
    ] + (
        []
        if level != "program" or _fold(_table(version)[SUPPORT].name) != folded
        else [_table(version)[SUPPORT]]
    )


# --------------------------------------------------------------------------------------------- checks
@dataclass(frozen=True)
class CodeProblem:
    """Why a code was refused, in words for the planner, with the nearest codes that exist."""

    kind: str  # "format", "unknown", "level", "parent", "name"
    message: str
    suggestions: tuple[Entry, ...] = ()

    def __str__(self) -> str:
        if not self.suggestions:
            return self.message
        near = "; ".join(f"{e.code} {e.name}" for e in self.suggestions)
        return f"{self.message} Yang terdekat: {near}."


_TEXT = {
    "id": {
        "format": "Kode {code!r} tidak berformat nomenklatur ({example}).",
        "unknown": "Kode {level} {code} tidak ada dalam nomenklatur {version}.",
        "level": "Kode {code} adalah {actual}, bukan {expected}.",
        "parent": "Kode {code} tidak berada di bawah program {program}.",
        "name": "Nama {name!r} bukan nama {level} {code} ({official}).",
        "name_of": " Nama itu adalah nama {level} {codes}.",
    },
    "en": {
        "format": "Code {code!r} is not in the nomenclature's format ({example}).",
        "unknown": "{level} code {code} is not in the nomenclature {version}.",
        "level": "Code {code} is a {actual}, not a {expected}.",
        "parent": "Code {code} is not under program {program}.",
        "name": "Name {name!r} is not the name of {level} {code} ({official}).",
        "name_of": " That name belongs to {level} {codes}.",
    },
}
_EXAMPLES = {
    "id": {
        "program": "U.BB.PP, misalnya 2.16.03",
        "activity": "U.BB.PP.K.KK atau U.BB.PP.K.KK.SSSS, misalnya 2.16.03.2.02 atau 2.16.03.2.02.0009",
    },
    "en": {
        "program": "U.BB.PP, e.g. 2.16.03",
        "activity": "U.BB.PP.K.KK or U.BB.PP.K.KK.SSSS, e.g. 2.16.03.2.02 or 2.16.03.2.02.0009",
    },
}


def check_program(code: str, version: str = DEFAULT_VERSION, *, name: str | None = None, lang: str = "id"):
    """None when ``code`` is a program of ``version`` (and ``name``, if given, is its name); else a problem."""
    text = _TEXT[lang]
    names = LEVEL_NAMES[lang]
    code = normalise(code)
    if level_of(code) != "program" or code.startswith("X"):
        return CodeProblem("format", text["format"].format(code=code, example=_EXAMPLES[lang]["program"]))
    entry = lookup(code, version)
    if entry is None:
        return CodeProblem(
            "unknown",
            text["unknown"].format(level=names["program"], code=code, version=VERSIONS[version].name),
            tuple(nearest(code, "program", version)),
        )
    if name is not None and name.strip() and not same_name(name, entry.name):
        message = text["name"].format(name=name, level=names["program"], code=code, official=entry.name)
        owners = by_name(name, "program", version)
        if owners:
            message += text["name_of"].format(level=names["program"], codes=", ".join(e.code for e in owners))
        return CodeProblem("name", message, tuple(owners))
    return None


def check_activity(code: str, program: str | None, version: str = DEFAULT_VERSION, *, lang: str = "id"):
    """None when ``code`` is a kegiatan or sub kegiatan of ``version`` under ``program``; else a problem."""
    text = _TEXT[lang]
    names = LEVEL_NAMES[lang]
    code = normalise(code)
    level = level_of(code)
    if level not in ("kegiatan", "subkegiatan") or code.startswith("X"):
        return CodeProblem("format", text["format"].format(code=code, example=_EXAMPLES[lang]["activity"]))
    if program and program_of(code) != normalise(program):
        return CodeProblem(
            "parent",
            text["parent"].format(code=code, program=normalise(program)),
            tuple(nearest(code, level, version, within=normalise(program))),
        )
    entry = lookup(code, version)
    if entry is None:
        return CodeProblem(
            "unknown",
            text["unknown"].format(level=names[level], code=code, version=VERSIONS[version].name),
            tuple(nearest(code, level, version, within=normalise(program) if program else None)),
        )
    return None
