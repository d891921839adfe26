"""Forms of the action-plan records, on the workspace's RegionForm.

Every choice comes from the region (and its framework) only. An operator attaches records to their own agency's
programs and activities only; links that merely point at other records (dependencies, missions, strategies,
shared components) may name any record of the region. The activity's status is not a field here: it changes
through :func:`kotacerdas.actionplan.services.set_status` only, where the approval gate lives.
"""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from kotacerdas import formatting
from kotacerdas.actionplan import codes, funding, services
from kotacerdas.actionplan import models as m
from kotacerdas.assessment.models import Strategy
from kotacerdas.framework.models import Element, Pillar
from kotacerdas.permissions import Access
from kotacerdas.regions.models import District, LocalWisdom, Mission
from kotacerdas.web.forms import SOURCE_FIELDS, RegionForm, SafeFormMixin

#: Links to a "parent" record whose agency becomes the owner of the new record: an operator picks their own only.
OWNING_LINKS = {"program", "activity", "screening"}
MULTI = {"size": 8}


def mission_label(mission: Mission) -> str:
    if mission.placeholder or not mission.text.strip():
        return _("Misi %(n)s (%(period)s) — belum dikonfirmasi") % {
            "n": mission.number,
            "period": mission.period,
        }
    text = mission.text if len(mission.text) <= 90 else mission.text[:88] + "…"
    return f"Misi {mission.number} ({mission.period}) — {text}"


def element_label(element: Element) -> str:
    return f"{element.pillar.name} — {element.name}"


def strategy_label(strategy: Strategy) -> str:
    text = strategy.text if len(strategy.text) <= 80 else strategy.text[:78] + "…"
    return f"{strategy.code or strategy.kind} · {text}"


def program_label(program: m.Program) -> str:
    return f"{program.agency.abbreviation} · {program.code} {program.name}"


def screening_label(screening: m.Screening) -> str:
    return f"{screening.activity.ref} · {screening.local_wisdom.name} ({screening.get_relation_display()})"


class CodeInput(forms.TextInput):
    """A code typed or picked from a short ``<datalist>`` of the nomenclature, with the official name below it.

    Without script this is a text input whose list holds the codes the form offers (the programs, or the kegiatan
    and sub kegiatan of the activity's program) and a link to the search page. ``code_picker.js`` fetches matches
    from that page's JSON while typing and fills the official name (program) or the proposed output indicator
    (activity). The form sets :attr:`choices`, :attr:`reference` and the ``data-*`` attributes.
    """

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "spellcheck": "false", **(attrs or {})})
        self.choices: list = []
        self.reference = None
        self.search_url = ""

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.choices, copy.reference = list(self.choices), self.reference
        return copy

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["list"] = f"{context['widget']['attrs'].get('id', name)}_pilihan"
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        input_id = (attrs or {}).get("id") or self.attrs.get("id") or name
        options = format_html_join(
            "",
            '<option value="{}" label="{} · {}"></option>',
            ((e.code, e.level_name, e.name) for e in self.choices),
        )
        reference = self.reference
        line = ""
        if reference is not None:
            line = format_html(
                '<span class="{}">{}</span>', "code-known" if reference.known else "code-unknown", reference
            )
            if reference.other_program:
                line += format_html('<span class="code-unknown">{}</span>', reference.other_program_text)
        return format_html(
            '{}<datalist id="{}_pilihan">{}</datalist>'
            '<small class="code-official" id="{}_official" aria-live="polite">{}</small>'
            '<small class="help code-search-link"><a href="{}" target="_blank" rel="noopener">{}</a></small>'
            '<script src="{}" defer></script>',
            html,
            input_id,
            options,
            input_id,
            line,
            self.search_url,
            _("Cari kode dalam nomenklatur (halaman baru)"),
            static("kotacerdas/code_picker.js"),
        )


class ActionPlanForm(RegionForm):
    """Choices limited to the region; for operators, "parent" records limited to their own agency."""

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        region, framework = access.region, access.region.framework_id
        for name, field in self.fields.items():
            if not hasattr(field, "queryset"):
                continue
            model = field.queryset.model
            if model is Pillar:
                field.queryset = Pillar.objects.filter(framework_id=framework)
            elif model is Element:
                field.queryset = Element.objects.filter(pillar__framework_id=framework).select_related(
                    "pillar"
                )
                field.label_from_instance = element_label
            elif model is Mission:
                field.queryset = Mission.objects.filter(region=region).select_related("period")
                field.label_from_instance = mission_label
            elif model is Strategy:
                field.queryset = Strategy.objects.filter(region=region).select_related("pillar")
                field.label_from_instance = strategy_label
            elif model is District:
                field.queryset = District.objects.filter(region=region)
            elif model is LocalWisdom:
                field.queryset = LocalWisdom.objects.filter(region=region)
                field.label_from_instance = lambda w: f"{w.name} ({w.get_category_display()})"
            elif any(f.name == "region" for f in model._meta.get_fields()):
                field.queryset = field.queryset.filter(region=region)
            if name in OWNING_LINKS:
                field.queryset = self._own(field.queryset, name)
        if "agency" in self.fields:
            self.limit_agencies()
        if "program" in self.fields:
            self.fields["program"].queryset = self.fields["program"].queryset.select_related("agency")
            self.fields["program"].label_from_instance = program_label
        if "screening" in self.fields:
            self.fields["screening"].queryset = self.fields["screening"].queryset.select_related(
                "activity", "local_wisdom"
            )
            self.fields["screening"].label_from_instance = screening_label

    def _own(self, queryset, name: str):
        """An operator's choices of a parent record: their own agency's, plus the one already linked."""
        if self.access.limited_to is None:
            return queryset
        path = {"program": "agency", "activity": "program__agency", "screening": "activity__program__agency"}[
            name
        ]
        current = getattr(self.instance, f"{name}_id", None)
        return queryset.filter(Q(**{path: self.access.limited_to}) | Q(pk=current))


class ProgramForm(ActionPlanForm):
    class Meta:
        model = m.Program
        fields = [
            "agency",
            "pillar",
            "elements",
            "code",
            "name",
            "local_title",
            "description",
            *SOURCE_FIELDS,
        ]
        widgets = {"elements": forms.SelectMultiple(attrs=MULTI), "code": CodeInput}

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        widget = self.fields["code"].widget
        widget.choices = codes.program_choices(self.region)
        widget.search_url = reverse("actionplan-codes", kwargs={"slug": self.region.slug}) + "?jenis=program"
        widget.attrs.update(
            {"data-code-search": widget.search_url, "data-code-kind": "program", "data-name-field": "id_name"}
        )
        # (the help text before the bound field is made: a BoundField keeps the help text it was made with)
        self.fields["code"].help_text = _("Ketik kode atau kata dari nama program, lalu pilih dari daftar.")
        shown = str(self["code"].value() or "").strip()  # as posted back, else as stored
        if shown:
            widget.reference = codes.reference(shown, self.region)
        self.fields["name"].required = False
        self.fields["name"].help_text = _("Kosongkan untuk memakai nama resmi dari nomenklatur.")

    def clean(self):
        data = super().clean()
        if not data.get("name") and data.get("code"):
            name = codes.official_name(data["code"], self.region)
            if name:
                data["name"] = codes.clipped(name, m.Program._meta.get_field("name").max_length)
            else:
                self.add_error("name", _("Isi nama program: kode ini tidak ada dalam nomenklatur."))
        agency, code, pillar = data.get("agency"), data.get("code"), data.get("pillar")
        if agency and code and pillar:
            clash = m.Program.objects.filter(region=self.region, agency=agency, code=code, pillar=pillar)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error("code", _("Program %(code)s sudah ada untuk perangkat daerah dan pilar ini.")
                               % {"code": code})  # fmt: skip
        elements, pillar = data.get("elements"), data.get("pillar")
        if pillar and elements:
            wrong = [e for e in elements if e.pillar_id != pillar.pk]
            if wrong:
                self.add_error("elements", _("Elemen “%(e)s” milik pilar lain.") % {"e": wrong[0].name})
        return data


class ActivityForm(ActionPlanForm):
    """Everything about an activity except its status (which only ``services.set_status`` changes)."""

    unique_in_region = (("ref", _("Rujukan “%(value)s” sudah dipakai kegiatan lain di daerah ini.")),)

    class Meta:
        model = m.Activity
        fields = [
            "program",
            "ref",
            "code",
            "name",
            "description",
            "output_indicator",
            "output_unit",
            "horizon",
            "start_year",
            "end_year",
            "earliest_start",
            "latest_start",
            "funding_source",
            "infrastructure",
            "mandatory",
            "locations",
            "missions",
            "strategies",
            "elements",
            "depends_on",
            "components",
            "no_local_wisdom_relation",
            "national_app_reason",
            *SOURCE_FIELDS,
        ]
        widgets = {
            **{
                name: forms.SelectMultiple(attrs=MULTI)
                for name in ("locations", "missions", "strategies", "elements", "depends_on", "components")
            },
            "code": CodeInput,
        }

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        deps = self.fields["depends_on"]
        deps.queryset = m.Activity.objects.filter(region=self.region).exclude(pk=self.instance.pk)
        deps.label_from_instance = lambda a: f"{a.ref} · {a.name}"
        for name in ("locations", "missions", "strategies", "elements", "depends_on", "components"):
            self.fields[name].help_text = _("Tahan Ctrl (atau ⌘) untuk memilih lebih dari satu.")
        self._code_picker()

    def _chosen_program(self) -> m.Program | None:
        """The program the form shows as chosen (posted, prefilled or stored), among the ones it offers."""
        value = self["program"].value()
        if value in (None, "") or not str(value).isdigit():
            return None
        return self.fields["program"].queryset.filter(pk=int(value)).first()

    def _code_picker(self) -> None:
        widget = self.fields["code"].widget
        program = self._chosen_program()
        widget.choices = codes.activity_choices(program.code, self.region) if program else []
        widget.search_url = reverse("actionplan-codes", kwargs={"slug": self.region.slug}) + (
            f"?program={program.pk}" if program else ""
        )
        widget.attrs.update(
            {
                "data-code-search": reverse("actionplan-codes", kwargs={"slug": self.region.slug}),
                "data-code-kind": "kegiatan",
                "data-program-field": "id_program",
                "data-indicator-field": "id_output_indicator",
                "data-unit-field": "id_output_unit",
                "data-proposed-note": _(
                    "Indikator dan satuan keluaran diusulkan dari sub kegiatan ini; ubah bila perlu."
                ),
            }
        )
        self.fields["code"].help_text = (
            _(
                "Ketik kode atau kata dari nama kegiatan/sub kegiatan; daftar berisi kode program yang dipilih."
            )
            if program
            else _("Pilih program dulu: daftar kode berisi kegiatan dan sub kegiatan program itu.")
        )
        shown = str(self["code"].value() or "").strip()  # as posted back, else as stored
        if shown:
            widget.reference = codes.reference(
                shown, self.region, program_code=program.code if program else None
            )
        self.fields["output_indicator"].help_text = _(
            "Bila kosong, diisi indikator sub kegiatan dari nomenklatur saat disimpan."
        )

    def _propose_output(self, data: dict) -> None:
        """A sub kegiatan proposes its indikator and satuan where the user left them empty (never overwrites)."""
        code = data.get("code")
        if not code or "code" in self.errors:
            return
        indikator, satuan = codes.proposal(code, self.region)
        if not indikator:
            return
        unit_length = m.Activity._meta.get_field("output_unit").max_length
        if not data.get("output_indicator"):
            length = m.Activity._meta.get_field("output_indicator").max_length
            data["output_indicator"] = codes.clipped(indikator, length)
            if not data.get("output_unit") and satuan:
                data["output_unit"] = codes.clipped(satuan, unit_length)
        elif not data.get("output_unit") and satuan and data["output_indicator"] == indikator:
            data["output_unit"] = codes.clipped(satuan, unit_length)

    def clean(self):
        data = super().clean()
        self._propose_output(data)
        deps = data.get("depends_on")
        if deps and self.instance.pk and any(d.pk == self.instance.pk for d in deps):
            self.add_error("depends_on", _("Kegiatan tidak dapat bergantung pada dirinya sendiri."))
        # the certain funding rules (docs/funding.md): KPBU only for infrastructure, Dana Desa needs a location
        if "funding_source" not in self.errors:
            for problem in funding.refusal_texts(
                data.get("funding_source", ""),
                data.get("infrastructure", ""),
                len(data.get("locations") or ()),
                formatting.lang(),
            ):
                self.add_error("funding_source", problem)
        return data

    def _post_clean(self):
        super()._post_clean()
        # The horizon and the years are checked by the action-plan rules (services.check_activity, one place),
        # on the instance as it would be saved.
        if not any(name in self.errors for name in ("horizon", "start_year", "end_year")):
            for problem in services.check_activity(self.instance):
                self.add_error("horizon", problem)


class ActivityYearForm(ActionPlanForm):
    class Meta:
        model = m.ActivityYear
        fields = ["activity", "year", "cost", "target", *SOURCE_FIELDS]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.fields["activity"].label_from_instance = lambda a: f"{a.ref} · {a.name}"


class QuickWinProfileForm(ActionPlanForm):
    class Meta:
        model = m.QuickWinProfile
        fields = [
            "activity",
            "background",
            "objective",
            "beneficiaries",
            "innovation",
            "success_measure",
            *SOURCE_FIELDS,
        ]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        field = self.fields["activity"]
        field.queryset = field.queryset.filter(
            Q(horizon=m.Activity.Horizon.QUICK_WIN) | Q(pk=self.instance.activity_id)
        )
        field.label_from_instance = lambda a: f"{a.ref} · {a.name}"


class RiskForm(ActionPlanForm):
    class Meta:
        model = m.Risk
        fields = ["activity", "risk", "likelihood", "impact", "mitigation", "owner", *SOURCE_FIELDS]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.fields["activity"].label_from_instance = lambda a: f"{a.ref} · {a.name}"


class ScreeningForm(ActionPlanForm):
    class Meta:
        model = m.Screening
        fields = ["activity", "local_wisdom", "relation", "note", "mitigation", *SOURCE_FIELDS]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.fields["activity"].label_from_instance = lambda a: f"{a.ref} · {a.name}"

    def clean(self):
        data = super().clean()
        activity, item = data.get("activity"), data.get("local_wisdom")
        if activity and item:
            clash = m.Screening.objects.filter(activity=activity, local_wisdom=item).exclude(
                pk=self.instance.pk
            )
            if clash.exists():
                self.add_error(
                    "local_wisdom",
                    _("Kaitan kegiatan ini dengan “%(item)s” sudah dicatat; ubah catatan yang ada.")
                    % {"item": item.name},
                )
        return data


class ConsultationForm(ActionPlanForm):
    class Meta:
        model = m.Consultation
        fields = ["screening", "custodian", "status", "date", "outcome", *SOURCE_FIELDS]
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


class SharedComponentForm(ActionPlanForm):
    unique_in_region = (("name", _("Komponen bersama “%(value)s” sudah ada di daerah ini.")),)

    class Meta:
        model = m.SharedComponent
        fields = ["name", "description", *SOURCE_FIELDS]


class CriterionForm(ActionPlanForm):
    unique_in_region = (("slug", _("Kode kriteria “%(value)s” sudah dipakai di daerah ini.")),)

    class Meta:
        model = m.Criterion
        fields = ["slug", "name", "description", "is_cost", "order", *SOURCE_FIELDS]


class JudgementForm(ActionPlanForm):
    class Meta:
        model = m.Judgement
        fields = ["respondent", "first", "second", "favours", "value", *SOURCE_FIELDS]


class CriterionScoreForm(ActionPlanForm):
    class Meta:
        model = m.CriterionScore
        fields = ["activity", "criterion", "score", *SOURCE_FIELDS]

    def __init__(self, *args, access: Access, **kwargs):
        super().__init__(*args, access=access, **kwargs)
        self.fields["activity"].label_from_instance = lambda a: f"{a.ref} · {a.name}"
        self.fields["criterion"].queryset = self.fields["criterion"].queryset.filter(is_cost=False)


class CeilingForm(ActionPlanForm):
    class Meta:
        model = m.Ceiling
        fields = ["year", "source", "amount", "note", *SOURCE_FIELDS]


class PrioritizationRunForm(ActionPlanForm):
    """A saved run is produced by the selection; here only its name (and provenance) can be changed."""

    unique_in_region = (("name", _("Nama hasil “%(value)s” sudah dipakai di daerah ini.")),)

    class Meta:
        model = m.PrioritizationRun
        fields = ["name", *SOURCE_FIELDS]


class ConsultationInlineForm(SafeFormMixin, forms.ModelForm):
    """The small form on the activity page: record (or update) a consultation with an item's custodian."""

    class Meta:
        model = m.Consultation
        fields = ["custodian", "status", "date", "outcome"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 2}),
        }


class ScreeningInlineForm(SafeFormMixin, forms.ModelForm):
    """The small form on the activity page: how this activity relates to one local wisdom item."""

    class Meta:
        model = m.Screening
        fields = ["local_wisdom", "relation", "note", "mitigation"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2}), "mitigation": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, activity: m.Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.activity = activity
        self.instance.region = activity.region
        field = self.fields["local_wisdom"]
        field.queryset = LocalWisdom.objects.filter(region=activity.region)
        field.label_from_instance = lambda w: f"{w.name} ({w.get_category_display()})"

    def clean(self):
        data = super().clean()
        item = data.get("local_wisdom")
        if item is not None:
            clash = m.Screening.objects.filter(activity=self.instance.activity, local_wisdom=item)
            if clash.exclude(pk=self.instance.pk).exists():
                self.add_error(
                    "local_wisdom",
                    _("Kaitan kegiatan ini dengan “%(item)s” sudah dicatat; ubah catatan yang ada.")
                    % {"item": item.name},
                )
        return data

    def _get_validation_exclusions(self):
        exclude = super()._get_validation_exclusions()
        exclude.discard("activity")
        exclude.discard("region")
        return exclude
