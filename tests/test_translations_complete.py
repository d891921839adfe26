"""The English catalogue is complete, its placeholders match, and the committed .mo matches the .po.

The .po is read with a tiny parser of our own (no new dependency). The compiled catalogue is read with the standard
``gettext`` module; the .po is also compiled afresh with ``msgfmt`` (GNU gettext, which make test installs) in a temporary
directory and the two compiled catalogues are compared message by message.
"""

from __future__ import annotations

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import kotacerdas

LC_MESSAGES = Path(kotacerdas.__file__).parent / "locale" / "en" / "LC_MESSAGES"
PO = LC_MESSAGES / "django.po"
MO = LC_MESSAGES / "django.mo"

_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\", "a": "\a", "b": "\b", "f": "\f", "v": "\v"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')
#: A Python %-format conversion: ``%(name)s``, ``%s``, ``%5.2f``, or the literal ``%%``.
_PYFORMAT = re.compile(
    r"%(?:\((?P<name>[^)]*)\))?[#0 +-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<conv>[diouxXeEfFgGcrsa%])"
)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), text)


@dataclass
class Entry:
    line: int
    flags: set[str] = field(default_factory=set)
    msgctxt: str | None = None
    msgid: str = ""
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"django.po:{self.line} {self.msgid!r}"


def parse_po(path: Path) -> list[Entry]:
    """Every active (non-obsolete) entry of a .po file, the header included (msgid "")."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int | None] | None = None
    flags: set[str] = set()
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#~"):  # obsolete entry: not part of the catalogue
            target = None
            continue
        if line.startswith("#,"):
            flags |= {f.strip() for f in line[2:].split(",") if f.strip()}
            continue
        if line.startswith("#"):
            continue
        match = _KEYWORD.match(line)
        if match:
            keyword, index, text = match.group(1), match.group(2), _unescape(match.group(3))
            # An entry starts at its msgctxt, or at its msgid when it has no msgctxt.
            if keyword == "msgctxt" or (keyword == "msgid" and target != ("msgctxt", None)):
                current = Entry(line=number, flags=flags)
                entries.append(current)
                flags = set()
            assert current is not None, f"django.po:{number}: {keyword} outside an entry"
            if keyword == "msgctxt":
                current.msgctxt = text
                target = ("msgctxt", None)
            elif keyword == "msgid":
                current.msgid = text
                target = ("msgid", None)
            elif keyword == "msgid_plural":
                current.msgid_plural = text
                target = ("msgid_plural", None)
            else:
                slot = int(index) if index is not None else 0
                current.msgstr[slot] = text
                target = ("msgstr", slot)
            continue
        match = _CONTINUATION.match(line)
        assert match and current is not None and target is not None, (
            f"django.po:{number}: cannot parse {raw!r}"
        )
        text = _unescape(match.group(1))
        kind, slot = target
        if kind == "msgstr":
            current.msgstr[slot] += text
        elif kind == "msgctxt":
            current.msgctxt = (current.msgctxt or "") + text
        elif kind == "msgid":
            current.msgid += text
        else:
            current.msgid_plural = (current.msgid_plural or "") + text
    return entries


def _messages() -> list[Entry]:
    return [e for e in parse_po(PO) if e.msgid != ""]


def _pairs(entry: Entry) -> list[tuple[str, str]]:
    """(source, translation) pairs: msgid/msgstr, or msgid/msgstr[0] and msgid_plural/msgstr[1..]."""
    if entry.msgid_plural is None:
        return [(entry.msgid, entry.msgstr.get(0, ""))]
    return [(entry.msgid if i == 0 else entry.msgid_plural, text) for i, text in sorted(entry.msgstr.items())]


def _placeholders(text: str) -> list[str]:
    found = []
    for m in _PYFORMAT.finditer(text):
        if m.group("conv") == "%":
            continue
        found.append(f"%({m.group('name')})" if m.group("name") is not None else f"%{m.group('conv')}")
    return sorted(found)


def test_catalogue_parses_and_has_messages():
    entries = parse_po(PO)
    assert entries and entries[0].msgid == "", "django.po must start with its header"
    assert "Plural-Forms: nplurals=2;" in entries[0].msgstr[0]
    assert len(entries) > 100
    keys = [(e.msgctxt, e.msgid) for e in entries]
    assert len(keys) == len(set(keys)), "duplicate entries in django.po"


def test_no_untranslated_or_fuzzy_entries():
    untranslated = [e.label for e in _messages() if not e.msgstr or any(not text for _, text in _pairs(e))]
    fuzzy = [e.label for e in _messages() if "fuzzy" in e.flags]
    plural_slots = [e.label for e in _messages() if e.msgid_plural is not None and sorted(e.msgstr) != [0, 1]]
    assert not untranslated, f"{len(untranslated)} untranslated entries:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{len(fuzzy)} fuzzy entries:\n" + "\n".join(fuzzy)
    assert not plural_slots, "plural entries need msgstr[0] and msgstr[1]:\n" + "\n".join(plural_slots)


def test_python_format_placeholders_are_kept():
    problems = []

    class Anything(dict):
        def __missing__(self, key):
            return 1

    for entry in _messages():
        if "python-format" not in entry.flags:
            continue
        for source, translation in _pairs(entry):
            if _placeholders(source) != _placeholders(translation):
                problems.append(
                    f"{entry.label}: {_placeholders(source)} → {_placeholders(translation)} in {translation!r}"
                )
                continue
            try:
                if any(p.startswith("%(") for p in _placeholders(source)):
                    translation % Anything()
                else:
                    translation % tuple(1 for _ in _placeholders(source))
            except (ValueError, TypeError, KeyError) as exc:
                problems.append(f"{entry.label}: {translation!r} does not format: {exc}")
    assert not problems, "\n".join(problems)


def _catalogue_from_po() -> dict:
    """What a correct compilation of the .po holds, keyed as ``gettext.GNUTranslations._catalog`` is."""
    catalogue: dict = {}
    for entry in _messages():
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            catalogue[key] = entry.msgstr[0]
        else:
            for index, text in entry.msgstr.items():
                catalogue[(key, index)] = text
    return catalogue


def _load_mo(path: Path) -> dict:
    with path.open("rb") as handle:
        catalogue = dict(gettext.GNUTranslations(handle)._catalog)
    catalogue.pop("", None)  # the header
    return catalogue


def test_mo_matches_po():
    assert MO.exists(), "django.mo is missing: run `django-admin compilemessages` in src/kotacerdas"
    expected, compiled = _catalogue_from_po(), _load_mo(MO)
    missing = sorted(repr(k) for k in expected.keys() - compiled.keys())
    stale = sorted(repr(k) for k in compiled.keys() - expected.keys())
    differ = sorted(repr(k) for k in expected.keys() & compiled.keys() if expected[k] != compiled[k])
    hint = " — run `django-admin compilemessages` in src/kotacerdas"
    assert not missing, f"{len(missing)} messages of django.po are not in django.mo{hint}:\n" + "\n".join(
        missing[:20]
    )
    assert not stale, f"{len(stale)} messages of django.mo are not in django.po{hint}:\n" + "\n".join(
        stale[:20]
    )
    assert not differ, f"{len(differ)} messages differ between django.po and django.mo{hint}:\n" + "\n".join(
        differ[:20]
    )


def test_mo_matches_a_fresh_msgfmt_compilation(tmp_path):
    assert shutil.which("msgfmt"), (
        "GNU gettext (msgfmt) is missing: apt-get install gettext (make test does it)"
    )
    fresh = tmp_path / "django.mo"
    result = subprocess.run(
        ["msgfmt", "--check-format", "-o", str(fresh), str(PO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert _load_mo(fresh) == _load_mo(MO), (
        "django.mo is stale: run `django-admin compilemessages` in src/kotacerdas"
    )
