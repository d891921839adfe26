"""Forms of the resource-priority pages (/d/<slug>/prioritas/): pairwise AHP entry per respondent, the score grid,
the ceiling table and a prioritisation run.

The forms only read and check what was typed; which user may submit them is decided in
:mod:`kotacerdas.permissions` (called by the views), and every figure comes from
:mod:`kotacerdas.actionplan.services`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotacerdas.actionplan.models import Activity, Criterion, FundingSource, Judgement
from kotacerdas.web.forms import SafeFormMixin, check_grid_cells

#: Saaty's intensities (method.md §9) as the form offers them; 2, 4, 6 and 8 lie between.
INTENSITY = {
    1: gettext_lazy("sama penting"),
    2: gettext_lazy("antara sama dan sedikit lebih penting"),
    3: gettext_lazy("sedikit lebih penting"),
    4: gettext_lazy("antara sedikit lebih dan lebih penting"),
    5: gettext_lazy("lebih penting"),
    6: gettext_lazy("antara lebih dan sangat lebih penting"),
    7: gettext_lazy("sangat lebih penting"),
    8: gettext_lazy("antara sangat lebih dan mutlak lebih penting"),
    9: gettext_lazy("mutlak lebih penting"),
}
#: The radio values of one pair, left to right: A 9 … A 2, 1, B 2 … B 9.
SCALE = [f"a{v}" for v in range(9, 1, -1)] + ["1"] + [f"b{v}" for v in range(2, 10)]
SCORE_CHOICES = [(k, str(k)) for k in range(1, 6)]


def pair_name(a: Criterion, b: Criterion) -> str:
    return f"p-{a.pk}-{b.pk}"


def scale_value(favours_a: bool, value: int) -> str:
    """The radio value of a judgement: ``a5`` (A five times as important), ``1``, ``b3`` ..."""
    if value == 1:
        return "1"
    return f"{'a' if favours_a else 'b'}{value}"


def parse_scale(text: str) -> tuple[str, int]:
    """A radio value as (favours, value) of :class:`Judgement` for the pair (A, B) in that order."""
    if text == "1":
        return Judgement.Favours.FIRST, 1
    side, value = text[0], int(text[1:])
    return (Judgement.Favours.FIRST if side == "a" else Judgement.Favours.SECOND), value


def _judgement_shower(a: Criterion, b: Criterion):
    """A radio value of pair (A, B) as a sentence, for a conflict message."""

    def show(value: str) -> str:
        favours, number = parse_scale(value)
        if number == 1:
            return _("%(a)s dan %(b)s sama penting") % {"a": a.name, "b": b.name}
        more, less = (a, b) if favours == Judgement.Favours.FIRST else (b, a)
        return _("%(more)s %(how)s (%(n)d) daripada %(less)s") % {
            "more": more.name,
            "less": less.name,
            "how": INTENSITY[number],
            "n": number,
        }

    return show


class PairwiseForm(SafeFormMixin, forms.Form):
    """One respondent's judgements: one field per pair of criteria (A before B in criteria order).

    A pair left without a choice is not judged (it is reported as missing and blocks the weights).

    The pairs are a grid (``stored``: pair field name -> the radio value stored now for the respondent being
    edited, absent for none): every pair carries a ``seen-`` value and is checked with
    :func:`~kotacerdas.web.forms.check_grid_cells`, so a judgement someone else changed meanwhile is not
    overwritten unnoticed, and a pair left as rendered keeps the other person's change.
    """

    respondent = forms.CharField(
        label=gettext_lazy("Nama responden"),
        max_length=120,
        help_text=gettext_lazy(
            "Nama Anda, atau nama peserta lokakarya yang formulir kertasnya sedang Anda salin."
        ),
    )
    original = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, criteria: list[Criterion], stored: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        self.stored = stored or {}
        self.kept: set[str] = set()
        self.pairs: list[tuple[Criterion, Criterion]] = [
            (a, b) for i, a in enumerate(criteria) for b in criteria[i + 1 :]
        ]
        for a, b in self.pairs:
            self.fields[pair_name(a, b)] = forms.ChoiceField(
                label=f"{a.name} – {b.name}",
                choices=[(v, v) for v in SCALE],
                required=False,
                widget=forms.RadioSelect,
            )

    def clean_respondent(self) -> str:
        name = " ".join(self.cleaned_data["respondent"].split())
        if not name:
            raise forms.ValidationError(_("Tuliskan nama responden."))
        return name

    def seen(self, a: Criterion, b: Criterion) -> str:
        """The ``seen-`` value of pair (A, B): its radio value as stored when the page was rendered."""
        return self.stored.get(pair_name(a, b), "")

    def clean(self):
        data = super().clean()
        cells = {pair_name(a, b): self.seen(a, b) for a, b in self.pairs}
        show = {pair_name(a, b): _judgement_shower(a, b) for a, b in self.pairs}
        self.kept = check_grid_cells(self, cells, show=show)
        return data

    def judgements(self) -> dict[tuple[Criterion, Criterion], tuple[str, int] | None]:
        """(A, B) -> (favours, value), or None for a pair left open."""
        out = {}
        for a, b in self.pairs:
            raw = self.cleaned_data.get(pair_name(a, b)) or ""
            out[(a, b)] = parse_scale(raw) if raw else None
        return out


_RUPIAH = re.compile(r"^\d+$")


def parse_rupiah(text: str) -> Decimal | None:
    """An amount typed in whole rupiah (``1.250.000.000``, ``1250000000``, ``Rp 1.250.000.000``); blank is None.

    Raises ValidationError for anything else (decimals, negative numbers, letters)."""
    raw = (text or "").strip()
    if not raw:
        return None
    cleaned = re.sub(r"^rp\.?", "", raw, flags=re.I)
    cleaned = re.sub(r"[\s\u00a0.,]", "", cleaned)
    if not _RUPIAH.match(cleaned):
        raise forms.ValidationError(
            _("“%(value)s” bukan jumlah rupiah: tulis angka bulat, misalnya 1.250.000.000.") % {"value": raw}
        )
    if len(cleaned) > 18:
        raise forms.ValidationError(_("“%(value)s” terlalu besar.") % {"value": raw})
    return Decimal(cleaned)


class CeilingTable:
    """The whole year × funding-source table of ceilings as one form (all-or-nothing).

    Field names are ``c-<year>-<source>``; a blank cell means no ceiling for that year and source (which the
    selection treats as 0).
    """

    def __init__(self, years: list[int], sources: list[tuple[str, str]], data=None, initial=None):
        self.years = years
        self.sources = sources
        self.data = data
        self.initial = initial or {}
        self.errors: dict[str, str] = {}
        self.cleaned: dict[tuple[int, str], Decimal | None] = {}

    @staticmethod
    def name(year: int, source: str) -> str:
        return f"c-{year}-{source}"

    def value(self, year: int, source: str) -> str:
        if self.data is not None:
            return self.data.get(self.name(year, source), "")
        amount = self.initial.get((year, source))
        return "" if amount is None else f"{int(amount):,}".replace(",", ".")

    def is_valid(self) -> bool:
        assert self.data is not None
        for year in self.years:
            for source, _label in self.sources:
                key = self.name(year, source)
                try:
                    self.cleaned[(year, source)] = parse_rupiah(self.data.get(key, ""))
                except forms.ValidationError as error:
                    self.errors[key] = " ".join(error.messages)
        return not self.errors


class RunForm(SafeFormMixin, forms.Form):
    name = forms.CharField(
        label=gettext_lazy("Nama hasil"),
        max_length=120,
        required=False,
        help_text=gettext_lazy(
            "Kosongkan untuk memakai tanggal dan jam, misalnya “Prioritas 2026-11-27 10:15”."
        ),
    )


def score_field_name(activity: Activity, criterion: Criterion) -> str:
    return f"s-{activity.pk}-{criterion.pk}"


SOURCES = list(FundingSource.choices)
