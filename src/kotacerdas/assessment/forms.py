"""Forms of the bimtek records, on the workspace's RegionForm: choices come from the region and its framework only."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _

from kotacerdas.assessment import models as m
from kotacerdas.assessment.analysis import SELF
from kotacerdas.assessment.models import Driver, Indicator, MaturityLevel, PlanSettings, SwotFactor
from kotacerdas.formatting import plain
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.permissions import Access
from kotacerdas.regions.models import Agency
from kotacerdas.web.forms import (
    SMALL_TEXTAREA,
    SOURCE_FIELDS,
    RegionForm,
    SafeFormMixin,
    check_grid_cells,
    seen_text,
)

REGION_LINKS = {"factor", "factors", "indicator", "peer", "scenario", "internal", "external"}


class AssessmentForm(RegionForm):
    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        framework = access.region.framework_id
        for name, field in self.fields.items():
            if name == "pillar":
                field.queryset = Pillar.objects.filter(framework_id=framework)
            elif name == "element":
                field.queryset = Element.objects.filter(pillar__framework_id=framework).select_related(
                    "pillar"
                )
                field.label_from_instance = lambda e: f"{e.pillar.name} — {e.name}"
            elif name == "aspect":
                field.queryset = ReadinessAspect.objects.filter(
                    element__framework_id=framework
                ).select_related("element")
                field.label_from_instance = lambda a: f"{a.element.name} — {a.name}"
            elif name in REGION_LINKS:
                field.queryset = field.queryset.filter(region=access.region)
        if "agency" in self.fields and getattr(self._meta.model, "AGENCY_OWNED", False):
            self.limit_agencies()


class ReadinessScoreForm(AssessmentForm):
    class Meta:
        model = m.ReadinessScore
        fields = ["pillar", "aspect", "score", "narrative", "evidence", "agency", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("pillar") and data.get("aspect"):
            clash = m.ReadinessScore.objects.filter(
                region=self.region, pillar=data["pillar"], aspect=data["aspect"]
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "aspect", _("Aspek ini sudah dinilai untuk pilar tersebut; ubah penilaian yang ada.")
                )
        return data


class SwotFactorForm(AssessmentForm):
    class Meta:
        model = m.SwotFactor
        fields = ["pillar", "kind", "text", "agency", "weight", "order", *SOURCE_FIELDS]


class SwotRatingForm(AssessmentForm):
    class Meta:
        model = m.SwotRating
        fields = ["factor", "agency", "importance", "rating", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("factor") and data.get("agency"):
            clash = m.SwotRating.objects.filter(factor=data["factor"], agency=data["agency"]).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error(
                    "agency", _("Perangkat daerah ini sudah menilai faktor tersebut; ubah nilainya.")
                )
        return data


class StrategyForm(AssessmentForm):
    class Meta:
        model = m.Strategy
        fields = ["pillar", "kind", "code", "text", "factors", "agency", *SOURCE_FIELDS]
        widgets = {"factors": forms.CheckboxSelectMultiple}

    def clean(self):
        data = super().clean()
        pillar, kind, factors = data.get("pillar"), data.get("kind"), data.get("factors")
        if pillar and kind and factors is not None:
            wrong = [f for f in factors if f.pillar_id != pillar.pk]
            if wrong:
                self.add_error("factors", _("Faktor “%(f)s” milik pilar lain.") % {"f": wrong[0]})
            kinds = {f.kind for f in factors}
            if not kinds <= set(kind):
                self.add_error("factors", _("Strategi %(k)s hanya menggabungkan faktor %(a)s dan %(b)s.")
                               % {"k": kind, "a": kind[0], "b": kind[1]})  # fmt: skip
            elif kinds != set(kind):
                self.add_error("factors", _("Strategi %(k)s menggabungkan sedikitnya satu faktor %(a)s dan satu %(b)s.")
                               % {"k": kind, "a": kind[0], "b": kind[1]})  # fmt: skip
        return data


class MaturityLevelForm(AssessmentForm):
    class Meta:
        model = m.MaturityLevel
        fields = ["element", "current", "target", "evidence", "agency", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("element"):
            clash = m.MaturityLevel.objects.filter(region=self.region, element=data["element"]).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error("element", _("Elemen ini sudah dinilai; ubah penilaian yang ada."))
        return data


class PeerForm(AssessmentForm):
    class Meta:
        model = m.Peer
        fields = ["name", "kind", "province", "order", *SOURCE_FIELDS]


class IndicatorForm(AssessmentForm):
    unique_in_region = (("code", _("Kode indikator “%(value)s” sudah dipakai di daerah ini.")),)

    class Meta:
        model = m.Indicator
        fields = ["pillar", "code", "name", "unit", "direction", "weight", "year", "target", "agency",
                  *SOURCE_FIELDS]  # fmt: skip


class IndicatorValueForm(AssessmentForm):
    class Meta:
        model = m.IndicatorValue
        fields = ["indicator", "peer", "year", "value", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("indicator") and data.get("year"):
            clash = m.IndicatorValue.objects.filter(
                indicator=data["indicator"], peer=data.get("peer"), year=data["year"]
            ).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error(
                    "year", _("Nilai untuk indikator, daerah dan tahun ini sudah ada; ubah nilainya.")
                )
        return data


class DriverForm(AssessmentForm):
    unique_in_region = (("name", _("Faktor pendorong “%(value)s” sudah ada di daerah ini.")),)

    class Meta:
        model = m.Driver
        fields = ["name", "category", "description", "impact", "uncertainty", *SOURCE_FIELDS]


class ScenarioForm(AssessmentForm):
    class Meta:
        model = m.Scenario
        fields = ["cell", "name", "narrative", *SOURCE_FIELDS]

    def clean(self):
        data = super().clean()
        if data.get("cell"):
            clash = m.Scenario.objects.filter(region=self.region, cell=data["cell"]).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error("cell", _("Sel ini sudah punya skenario; ubah skenario yang ada."))
        return data


class ScenarioImplicationForm(AssessmentForm):
    class Meta:
        model = m.ScenarioImplication
        fields = ["scenario", "pillar", "text", *SOURCE_FIELDS]


# --- the forms of the bimtek pages ------------------------------------------------------------------------

READINESS_LABELS = {
    1: gettext_lazy("1 — belum siap"),
    2: gettext_lazy("2 — kurang siap"),
    3: gettext_lazy("3 — cukup siap"),
    4: gettext_lazy("4 — siap"),
    5: gettext_lazy("5 — sangat siap"),
}


IMPORTANCE_CHOICES = [
    (1, gettext_lazy("1 — tidak penting")),
    (2, gettext_lazy("2 — kurang penting")),
    (3, gettext_lazy("3 — cukup penting")),
    (4, gettext_lazy("4 — penting")),
    (5, gettext_lazy("5 — sangat penting")),
]


RATING_CHOICES = [
    (1, gettext_lazy("1 — kecil")),
    (2, gettext_lazy("2 — sedang")),
    (3, gettext_lazy("3 — besar")),
    (4, gettext_lazy("4 — sangat besar / serius")),
]


def agencies(access: Access):
    return Agency.objects.filter(region=access.region).order_by("name")


def agency_field(access: Access, required: bool = True) -> forms.ModelChoiceField:
    """Any agency of the region is accepted (the view then asks permissions.py and answers 403 if it is not
    the user's to write); the list only offers the agencies this user may write for."""
    field = forms.ModelChoiceField(queryset=agencies(access), required=required, label=_("Perangkat daerah"))
    offered = [(a.pk, str(a)) for a in access.agencies_for_write()]
    field.widget.choices = offered if access.limited_to else [("", "—"), *offered]
    return field


class ReadinessCellForm(SafeFormMixin, forms.Form):
    score = forms.TypedChoiceField(
        label=gettext_lazy("Skor"),
        choices=[("", gettext_lazy("— belum dinilai"))] + list(READINESS_LABELS.items()),
        coerce=int,
        empty_value=None,
        required=False,
    )
    narrative = forms.CharField(
        label=gettext_lazy("Uraian"), widget=forms.Textarea(attrs=SMALL_TEXTAREA), required=False
    )
    evidence = forms.CharField(
        label=gettext_lazy("Bukti"),
        widget=forms.Textarea(attrs=SMALL_TEXTAREA),
        required=False,
        help_text=gettext_lazy("Dokumen, peraturan, data atau tautan yang mendukung skor."),
    )

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(access, required=access.limited_to is not None)


class FactorForm(SafeFormMixin, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Jenis"), choices=SwotFactor.Kind.choices)
    text = forms.CharField(label=gettext_lazy("Uraian faktor"), widget=forms.Textarea(attrs={"rows": 2}))
    importance = forms.TypedChoiceField(
        label=gettext_lazy("Tingkat kepentingan (1–5)"),
        choices=[("", "—")] + IMPORTANCE_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Peringkat (1–4)"),
        choices=[("", "—")] + RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(access)
        self.order_fields(["kind", "text", "agency", "importance", "rating"])

    def clean(self):
        data = super().clean()
        if (data.get("importance") is None) != (data.get("rating") is None):
            raise ValidationError(
                _("Isi tingkat kepentingan dan peringkat bersama-sama, atau kosongkan keduanya.")
            )
        if data.get("text") is not None and not data["text"].strip():
            self.add_error("text", _("Tuliskan uraian faktor."))
        return data


class RatingForm(SafeFormMixin, forms.Form):
    importance = forms.TypedChoiceField(
        label=gettext_lazy("Tingkat kepentingan (1–5)"), choices=[("", "—")] + IMPORTANCE_CHOICES, coerce=int
    )
    rating = forms.TypedChoiceField(
        label=gettext_lazy("Peringkat (1–4)"), choices=[("", "—")] + RATING_CHOICES, coerce=int
    )

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"] = agency_field(access)
        self.order_fields(["agency", "importance", "rating"])


def value_field(key: str) -> str:
    return "v_self" if key == SELF else f"v_{key.lower()}"


class MaturityEntryForm(AssessmentForm):
    """One element's current level, target and evidence (the element is given by the URL)."""

    class Meta:
        model = MaturityLevel
        fields = ["current", "target", "evidence", "agency", "source", "illustrative"]


class ValuesForm(SafeFormMixin, forms.Form):
    """The values of one indicator for its comparison year: one field per region in the comparison set.

    The fields are a grid (one stored value each, ``stored``: field name -> value stored now, None for none):
    every cell carries a ``seen-`` value and is checked with :func:`~kotacerdas.web.forms.check_grid_cells`;
    ``kept`` names the cells left as rendered whose stored value someone else changed meanwhile (not written).
    """

    def __init__(
        self, *args, columns: list[dict], indicator: Indicator, stored: dict | None = None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.columns = columns
        self.stored = stored or {}
        self.kept: set[str] = set()
        unit = f" ({indicator.unit})" if indicator.unit else ""
        for col in columns:
            self.fields[value_field(col["key"])] = forms.DecimalField(
                label=f"{col['name']}{unit}",
                required=False,
                max_digits=20,
                decimal_places=4,
                localize=True,
            )
        self.fields["source"] = forms.CharField(
            label=gettext_lazy("sumber"),
            required=False,
            help_text=gettext_lazy("Dicatat pada nilai yang baru atau berubah; kosongkan untuk membiarkan."),
            widget=forms.TextInput,
        )

    def bound_columns(self):
        """(column, bound field, seen-value) per column."""
        out = []
        for col in self.columns:
            name = value_field(col["key"])
            out.append((col, self[name], seen_text(self.fields[name], self.stored.get(name))))
        return out

    def clean(self):
        data = super().clean()
        cells = {value_field(col["key"]): self.stored.get(value_field(col["key"])) for col in self.columns}
        self.kept = check_grid_cells(self, cells, show=plain)
        return data


class PlanSettingsForm(SafeFormMixin, forms.ModelForm):
    """The plan's years, the scenario axes, and one weight field per pillar (all blank: equal weights)."""

    class Meta:
        model = PlanSettings
        fields = ["start_year", "horizon_year", "axis_x", "axis_y"]

    def __init__(self, *args, access: Access, pillars, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.region = access.region
        self.pillars = pillars
        drivers = Driver.objects.filter(region=access.region).order_by("name")
        for name in ("axis_x", "axis_y"):
            self.fields[name].queryset = drivers
            self.fields[name].help_text = _(
                "Kosongkan keduanya untuk memakai dua pendorong teratas (bawaan)."
            )
        weights = self.instance.maturity_weights or {}
        # as stored when the form was made (clean() puts the entered weights on the instance)
        self._stored_weights = {
            f"w_{p.slug}": Decimal(str(weights[p.slug])) if weights.get(p.slug) is not None else None
            for p in pillars
        }
        for p in pillars:
            self.fields[f"w_{p.slug}"] = forms.DecimalField(
                label=p.name,
                required=False,
                min_value=0,
                max_digits=8,
                decimal_places=3,
                localize=True,
                initial=weights.get(p.slug),
            )

    def weight_fields(self):
        return [self[f"w_{p.slug}"] for p in self.pillars]

    def stored_weights(self) -> dict:
        """Weight field name -> the weight stored now (None: none), for the per-cell version check."""
        return dict(self._stored_weights)

    def weight_cells(self):
        """(bound field, seen-value) per pillar: the weights are not model fields, so each carries its own check."""
        stored = self.stored_weights()
        return [(self[name], seen_text(self.fields[name], value)) for name, value in stored.items()]

    def other_fields(self):
        return [self[name] for name in ("start_year", "horizon_year", "axis_x", "axis_y")]

    def clean(self):
        data = super().clean()
        check_grid_cells(self, self.stored_weights(), show=plain)
        if self.stale_cells:
            return data
        given = {p.slug: data.get(f"w_{p.slug}") for p in self.pillars}
        filled = {k: v for k, v in given.items() if v is not None}
        if filled and len(filled) != len(given):
            raise ValidationError(_("Isi bobot semua pilar, atau kosongkan semuanya untuk bobot yang sama."))
        if filled and not any(v > 0 for v in filled.values()):
            raise ValidationError(_("Sedikitnya satu pilar harus berbobot lebih dari 0."))
        self.instance.maturity_weights = {k: float(v) for k, v in filled.items()}
        return data
