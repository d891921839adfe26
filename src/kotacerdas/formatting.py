"""How figures are written for people: one place for the pages, the charts' captions and the master plan document.

Numbers follow the active language through Django's localisation (``−0,55`` and ``Rp 1.250.000.000`` in
Indonesian, ``−0.55`` and ``Rp 1,250,000,000`` in English), with a true minus sign; a missing figure is "–".
This module imports nothing of the project, so every layer may use it. The method engine keeps its own
Indonesian :func:`kotacerdas.method.errors.rupiah` for its messages, since it imports nothing at all.
"""

from __future__ import annotations

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import get_language

MISSING = "–"


def lang() -> str:
    """The active language as the method engine and the charts name it: "en" or "id"."""
    return "en" if (get_language() or "id").startswith("en") else "id"


def num(value: float | Decimal | None, digits: int = 2) -> str:
    """A figure as the pages and the document show it: rounded, localised, true minus sign; none is "–"."""
    if value is None:
        return MISSING
    rounded = round(float(value), digits)
    text = number_format(abs(rounded), digits)
    return "\u2212" + text if rounded < 0 else text


def rupiah(value) -> str:
    """An amount as the pages show it: ``Rp 1.250.000.000`` (grouping of the active language); none is "–"."""
    if value is None:
        return MISSING
    return "Rp\u00a0" + number_format(Decimal(value).quantize(Decimal(1)), 0, force_grouping=True)


def billions(value) -> str:
    """``12,5 M`` for a page where full rupiah would not fit."""
    if value is None:
        return MISSING
    return num(float(value) / 1e9, 2) + "\u00a0M"


def percent(value: float | None, digits: int = 1) -> str:
    """A share (0.125) as a percentage: ``12,5 %``; none is "–"."""
    return MISSING if value is None else num(100 * value, digits) + "\u00a0%"


def trimmed(value: Decimal | float | int) -> Decimal:
    """The value without trailing zeros (``5.2600`` → ``5.26``), never in exponent notation."""
    text = f"{Decimal(str(value)):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Decimal(text)


def plain(value: float | Decimal | int | None) -> str:
    """A stored value as people write it: no trailing zeros, grouped (``169.360``, ``5,26``); none is "–"."""
    return MISSING if value is None else number_format(trimmed(value), force_grouping=True)
