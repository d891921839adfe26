"""The action plan's planning codes read against the official nomenclature of the region's version (issue 12).

:mod:`kotacerdas.reference.nomenclature` holds the regulation (pure Python); this module translates between a
region's records and it: which version a region uses, the official name of a stored code, the line the activity
and program pages show, the choices of the code pickers and the output indicator a sub kegiatan proposes.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from kotacerdas.reference import nomenclature as n

#: The most entries a picker lists or the search endpoint answers (pages stay light).
PICKER_LIMIT = 200
SEARCH_LIMIT = 15


def version_of(region) -> str:
    """The region's nomenclature version (``Region.nomenclature``, when the field exists), else the default."""
    version = getattr(region, "nomenclature", None) or n.DEFAULT_VERSION
    return version if version in n.VERSIONS else n.DEFAULT_VERSION


def official(code: str, region) -> n.Entry | None:
    """The nomenclature entry of a stored code in the region's version, or None when it is not there."""
    if not code:
        return None
    return n.lookup(code, version_of(region))


def official_name(code: str, region, fallback: str = "") -> str:
    """The official name of ``code`` in the region's version, else ``fallback`` (e.g. the stored name)."""
    entry = official(code, region)
    return entry.name if entry is not None else fallback


@dataclass(frozen=True)
class Reference:
    """What a page says about a stored code: its official entry, or that the code is not in the nomenclature."""

    code: str
    entry: n.Entry | None
    version_name: str
    #: a kegiatan or sub kegiatan code whose program is not the activity's program ("" when it is, or n/a)
    other_program: str = ""

    @property
    def known(self) -> bool:
        return self.entry is not None

    @property
    def level_name(self) -> str:
        return self.entry.level_name if self.entry else ""

    @property
    def other_program_text(self) -> str:
        if not self.other_program:
            return ""
        return _("Kode %(code)s berada di bawah program %(other)s, bukan program kegiatan ini.") % {
            "code": self.code,
            "other": self.other_program,
        }

    def __str__(self) -> str:
        if self.entry is None:
            return _("Kode %(code)s tidak ada dalam nomenklatur %(version)s.") % {
                "code": self.code,
                "version": self.version_name,
            }
        return f"{self.entry.level_name} {self.entry.code}: {self.entry.name}"


def reference(code: str, region, *, program_code: str | None = None) -> Reference:
    """The code reference line of the activity page (``program_code`` given) or the program page."""
    version = version_of(region)
    entry = n.lookup(code, version) if code else None
    other = ""
    if program_code and n.program_of(code) and n.program_of(code) != n.normalise(program_code):
        other = n.program_of(code) or ""
    return Reference(n.normalise(code), entry, n.VERSIONS[version].name, other)


def program_choices(region) -> list[n.Entry]:
    """Every program of the region's version, the support program expanded for every bidang (about 200)."""
    version = version_of(region)
    return [e for b in n.bidang_codes(version) for e in n.children(b, version) if e.level == "program"]


def activity_choices(program_code: str, region) -> list[n.Entry]:
    """The kegiatan and sub kegiatan under one program (at most :data:`PICKER_LIMIT`; none for an unknown one)."""
    if not program_code:
        return []
    return n.under(n.normalise(program_code), version_of(region))[:PICKER_LIMIT]


def find(text: str, region, *, program_code: str | None = None, programs: bool = False) -> list[n.Entry]:
    """Codes matching ``text`` (by code or words): programs, or the kegiatan/sub kegiatan of a program.

    An empty ``text`` lists the first codes of the program (or nothing when no program is given)."""
    version = version_of(region)
    levels = ("program",) if programs else ("kegiatan", "subkegiatan")
    within = None if programs or not program_code else n.normalise(program_code)
    if not text.strip():
        if programs:
            return program_choices(region)[:SEARCH_LIMIT]
        return activity_choices(within or "", region)
    return n.search(text, version, levels=levels, within=within, limit=SEARCH_LIMIT)


def proposal(code: str, region) -> tuple[str, str]:
    """(indikator, satuan) a sub kegiatan proposes as an activity's output indicator and unit; ("", "") else."""
    entry = official(code, region)
    if entry is None or entry.level != "subkegiatan":
        return "", ""
    return entry.indikator, entry.satuan


def clipped(text: str, limit: int) -> str:
    """``text`` within a field's length (an official indicator can be longer than the field)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def notes(record, region) -> list[tuple[str, str, str]]:
    """The nomenclature line of a program's or activity's detail page: (label, text, css class)."""
    program_code = getattr(getattr(record, "program", None), "code", None)
    ref = reference(record.code, region, program_code=program_code)
    rows = [(_("Nomenklatur"), str(ref), "code-known" if ref.known else "code-unknown")]
    if ref.other_program:
        rows.append((_("Perlu diperiksa"), ref.other_program_text, "code-unknown"))
    return rows
