"""Labels that the method computes in Indonesian, shown on pages in the active language.

The method keeps the official Indonesian terms (readiness bands, maturity predicates and levels, SWOT quadrants,
IE advice): ``kotacerdas analyze --json`` and the master plan use them as they are. Only the pages translate them,
with ``{{ value|method_label }}``. A label that a region configured itself is not in this vocabulary and is
shown as typed.
"""

from __future__ import annotations

from django import template
from django.utils.translation import gettext, gettext_noop

register = template.Library()

#: Every label the method can produce (tests/assessment/test_method_labels.py keeps this complete).
VOCABULARY: frozenset[str] = frozenset(
    {
        # readiness (method.md §2): score labels and default bands
        gettext_noop("belum siap"),
        gettext_noop("kurang siap"),
        gettext_noop("cukup siap"),
        gettext_noop("siap"),
        gettext_noop("sangat siap"),
        # maturity (§4): levels and default predicates
        gettext_noop("Rintisan"),
        gettext_noop("Terkelola"),
        gettext_noop("Terdefinisi"),
        gettext_noop("Terpadu dan Terukur"),
        gettext_noop("Optimum"),
        gettext_noop("Memuaskan"),
        gettext_noop("Sangat Baik"),
        gettext_noop("Baik"),
        gettext_noop("Cukup"),
        gettext_noop("Kurang"),
        # SWOT (§3): quadrants and IE matrix advice
        gettext_noop("I agresif (SO)"),
        gettext_noop("II diversifikasi (ST)"),
        gettext_noop("III turnaround (WO)"),
        gettext_noop("IV defensif (WT)"),
        gettext_noop("tumbuh dan bina (grow and build)"),
        gettext_noop("pertahankan dan pelihara (hold and maintain)"),
        gettext_noop("panen atau divestasi (harvest or divest)"),
    }
)


@register.filter
def method_label(value: object) -> object:
    """The label in the active language when the method produced it; anything else unchanged."""
    if isinstance(value, str) and value in VOCABULARY:
        return gettext(value)
    return value
