"""Forms of the bimtek records, on the workspace's RegionForm: choices come from the region and its framework only."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kotacerdas.assessment import models as m
from kotacerdas.framework.models import Element, Pillar, ReadinessAspect
from kotacerdas.permissions import Access
from kotacerdas.web.forms import SOURCE_FIELDS, RegionForm

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
            # Only the agencies this user may attach records to (an operator: their own agency, required).
            self.fields["agency"].queryset = access.agencies_for_write()
            if access.is_operator:
                self.fields["agency"].required = True
                self.fields["agency"].empty_label = None


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
