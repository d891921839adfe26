"""Bimtek II pages, under ``/d/<slug>/analisis/``: maturity (method.md §4), competitiveness (§5), the future (§6),
the plan settings, and the bimtek workbook (download the template or the filled workbook, upload it back).

Every figure comes from :func:`kotacerdas.assessment.analysis.analyse_region` (the method engine); the views only
arrange it. Every view starts from :func:`kotacerdas.permissions.get_region_for_user` (404 for other regions),
looks records up inside that region only, and asks :mod:`kotacerdas.permissions` before any change (403).
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kotacerdas import charts, formatting
from kotacerdas.assessment import analysis
from kotacerdas.assessment.forms import (
    MaturityEntryForm,
    PlanSettingsForm,
    ValuesForm,
    value_field,
)
from kotacerdas.assessment.models import (
    Driver,
    Indicator,
    IndicatorValue,
    MaturityLevel,
    Peer,
    PlanSettings,
    Scenario,
    ScenarioImplication,
)
from kotacerdas.framework.models import Element
from kotacerdas.method import future
from kotacerdas.permissions import Access, get_region_for_user, require_admin, require_write
from kotacerdas.web import pages
from kotacerdas.web.pages import region_context

SELF = analysis.SELF
CHART_TYPES = {"svg": "image/svg+xml", "png": "image/png"}


# --- helpers -------------------------------------------------------------------------------------------------


def show_number(value: Decimal | float | int | None) -> str | None:
    """A stored value as people write it (:func:`kotacerdas.formatting.plain`); none stays None for the page."""
    return None if value is None else formatting.plain(value)


def _round(value: float | None, digits: int = 4) -> float | None:
    """For display only: a figure of the method rounded to the precision values are stored with."""
    return None if value is None else round(value, digits)


def _column_key(peer: Peer | None) -> str:
    return SELF if peer is None else f"P{peer.pk}"


# --- charts: one figure per name, drawn the same for the page (SVG) and for documents (PNG) -------------------


def _maturity_figure(result: analysis.RegionAnalysis, lang: str):
    rows = [(p.pillar.name, p.maturity.index, p.maturity_target) for p in result.pillars.values()]
    return charts.radar_chart(rows, lang=lang)


def _competitiveness_figure(result: analysis.RegionAnalysis, lang: str):
    if result.comparison is None:
        return None
    return charts.bar_chart_competitiveness(
        result.comparison, highlight=SELF, names=result.comparison_names, lang=lang
    )


def _projection_figure(row: analysis.ProjectionRow, lang: str):
    if row.projection is None:
        return None
    return charts.projection_chart(
        row.history, row.projection, title=row.indicator.name, unit=row.indicator.unit, lang=lang
    )


def _scenario_figure(result: analysis.RegionAnalysis, lang: str):
    if result.axes is None:
        return None
    cells = {cell: (s.name, s.narrative) for cell, s in result.scenarios.items()}
    return charts.scenario_frame(result.axes[0].name, result.axes[1].name, cells, lang=lang)


@login_required
def chart(request: HttpRequest, slug: str, name: str, fmt: str) -> HttpResponse:
    """A chart of the pages as a file (``.svg`` or ``.png``) for reports and slides."""
    access = get_region_for_user(request.user, slug)
    if fmt not in CHART_TYPES:
        raise Http404("format")
    result = analysis.analyse_region(access.region)
    lang = formatting.lang()
    fig = None
    if name == "kematangan":
        fig = _maturity_figure(result, lang)
    elif name == "daya-saing":
        fig = _competitiveness_figure(result, lang)
    elif name == "skenario":
        fig = _scenario_figure(result, lang)
    elif name.startswith("proyeksi-"):
        code = name.removeprefix("proyeksi-")
        row = next((r for r in result.projections if slugify(r.indicator.code) == code), None)
        fig = _projection_figure(row, lang) if row is not None else None
    if fig is None:
        raise Http404("chart")
    response = HttpResponse(charts.render(fig, fmt), content_type=CHART_TYPES[fmt])
    response["Content-Disposition"] = f'inline; filename="{access.region.slug}-{name}.{fmt}"'
    return response


# --- maturity (§4) ---------------------------------------------------------------------------------------------


def _may_enter_maturity(access: Access, record: MaturityLevel | None) -> bool:
    return access.can_write(record) if record is not None else access.can_create_any(MaturityLevel)


@login_required
def maturity(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = analysis.analyse_region(access.region)
    pillars = []
    unassessed = []
    for pa in result.pillars.values():
        p = pa.pillar
        elements = []
        for element in p.elements.all():
            record = result.maturity_records.get((p.slug, element.slug))
            key = (p.slug, element.slug)
            elements.append(
                {
                    "element": element,
                    "record": record,
                    "gap": result.maturity.gaps.get(key),
                    "can_write": _may_enter_maturity(access, record),
                }
            )
            if record is None or record.current is None:
                unassessed.append((p, element))
        pillars.append({"pillar": p, "m": pa.maturity, "target": pa.maturity_target, "elements": elements})
    return render(
        request,
        "assessment/bimtek2/maturity.html",
        region_context(
            access,
            "maturity",
            result=result,
            pillars=pillars,
            unassessed=unassessed,
            chart=pages.chart(_maturity_figure(result, formatting.lang())),
        ),
    )


@login_required
def maturity_element(request: HttpRequest, slug: str, pillar: str, element: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    elements = Element.objects.filter(pillar__framework_id=region.framework_id).select_related("pillar")
    found = pages.one_or_404(elements, "element", pillar__slug=pillar, slug=element)
    record = MaturityLevel.objects.filter(region=region, element=found).select_related("agency").first()
    if not _may_enter_maturity(access, record):
        raise PermissionDenied("write")
    instance = record or MaturityLevel(region=region, element=found, agency=access.limited_to)
    form = MaturityEntryForm(request.POST or None, instance=instance, access=access)
    if request.method == "POST" and form.is_valid():
        obj = form.instance
        if record is None and not access.can_create(MaturityLevel, agency=obj.agency):
            raise PermissionDenied("create")
        require_write(access, obj)  # the changed record must still be the user's to write
        with transaction.atomic():
            form.save()
        messages.success(request, _("Tingkat kematangan “%(e)s” tersimpan.") % {"e": found.name})
        return redirect(reverse("maturity", kwargs={"slug": slug}) + f"#pilar-{found.pillar.slug}")
    return render(
        request,
        "assessment/bimtek2/maturity_form.html",
        region_context(access, "maturity", element=found, record=record, form=form),
    )


# --- competitiveness (§5) --------------------------------------------------------------------------------------


@login_required
def competitiveness(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    result = analysis.analyse_region(region)
    peers = list(Peer.objects.filter(region=region).order_by("order", "name"))
    indicators = list(
        Indicator.objects.filter(region=region)
        .select_related("pillar", "agency")
        .order_by("pillar__order", "code")
    )
    columns = [{"key": SELF, "name": region.name, "peer": None}] + [
        {"key": _column_key(p), "name": p.name, "peer": p} for p in peers
    ]
    stored: dict[tuple[int, str, int], IndicatorValue] = {}
    for value in IndicatorValue.objects.filter(region=region, indicator__in=indicators):
        key = SELF if value.peer_id is None else f"P{value.peer_id}"
        stored[(value.indicator_id, key, value.year)] = value
    comparison = result.comparison
    rows = []
    for ind in indicators:
        cells = []
        for col in columns:
            record = stored.get((ind.pk, col["key"], ind.year)) if ind.year else None
            cells.append(
                {"key": col["key"], "record": record, "shown": show_number(record.value) if record else None}
            )
        scored = comparison.indicators.get(ind.code) if comparison is not None else None
        score_cells = [
            {"key": col["key"], "score": scored.scores.get(col["key"]) if scored else None} for col in columns
        ]
        best = None
        if scored is not None and scored.best_region is not None:
            best = {
                "name": result.comparison_names.get(scored.best_region, scored.best_region),
                "value": show_number(scored.best_value),
                "is_self": scored.best_region == SELF,
                "gap": show_number(_round(scored.gaps.get(SELF))),
            }
        rows.append(
            {
                "indicator": ind,
                "cells": cells,
                "scores": score_cells,
                "best": best,
                "in_comparison": scored is not None,
                "can_enter": ind.year is not None
                and access.can_write(IndicatorValue(region=region, indicator=ind)),
                "can_edit": access.can_write(ind),
            }
        )
    ranking = []
    pillar_slugs: list = []
    if comparison is not None:
        pillar_slugs = list(dict.fromkeys(i.pillar.slug for i in result.comparison_indicators))
        pillar_names = {i.pillar.slug: i.pillar.name for i in result.comparison_indicators}
        order = sorted(
            comparison.regions.values(),
            key=lambda r: (r.rank is None, r.rank or 0, list(comparison.regions).index(r.region)),
        )
        for r in order:
            ranking.append(
                {
                    "key": r.region,
                    "name": result.comparison_names.get(r.region, r.region),
                    "is_self": r.region == SELF,
                    "pillars": [r.pillars.get(s) for s in pillar_slugs],
                    "composite": r.composite,
                    "rank": r.rank,
                    "missing": len(r.missing),
                }
            )
        pillar_slugs = [(s, pillar_names[s]) for s in pillar_slugs]
    figure = _competitiveness_figure(result, formatting.lang())
    return render(
        request,
        "assessment/bimtek2/competitiveness.html",
        region_context(
            access,
            "competitiveness",
            result=result,
            peers=peers,
            indicators=indicators,
            columns=columns,
            rows=rows,
            ranking=ranking,
            score_pillars=pillar_slugs,
            chart=pages.chart(figure) if figure is not None else None,
            can_add_peer=access.can_create_any(Peer),
            can_add_indicator=access.can_create_any(Indicator),
        ),
    )


@login_required
def competitiveness_values(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    indicators = Indicator.objects.filter(region=region).select_related("pillar", "agency")
    indicator = pages.one_or_404(indicators, "indicator", pk=pk)
    require_write(access, IndicatorValue(region=region, indicator=indicator))
    peers = list(Peer.objects.filter(region=region).order_by("order", "name"))
    columns = [{"key": SELF, "name": region.name, "peer": None}] + [
        {"key": _column_key(p), "name": p.name, "peer": p} for p in peers
    ]
    existing: dict[str, IndicatorValue] = {}
    if indicator.year is not None:
        for value in IndicatorValue.objects.filter(indicator=indicator, year=indicator.year):
            existing[SELF if value.peer_id is None else f"P{value.peer_id}"] = value
    initial = {value_field(k): formatting.trimmed(v.value) for k, v in existing.items()}
    form = ValuesForm(
        request.POST or None, initial=initial, columns=columns, indicator=indicator, stored=initial
    )
    back = reverse("competitiveness", kwargs={"slug": slug}) + f"#ind-{indicator.pk}"
    if request.method == "POST" and indicator.year is not None and form.is_valid():
        source = form.cleaned_data["source"].strip()
        changed = 0
        with transaction.atomic():
            for col in columns:
                if value_field(col["key"]) in form.kept:
                    continue  # left as it was rendered: a change someone made meanwhile is kept
                new = form.cleaned_data[value_field(col["key"])]
                old = existing.get(col["key"])
                if new is None:
                    if old is not None:
                        old.delete()
                        changed += 1
                    continue
                if old is not None and old.value == new and not source:
                    continue
                obj = old or IndicatorValue(
                    region=region, indicator=indicator, peer=col["peer"], year=indicator.year
                )
                obj.value = new
                if source:
                    obj.source = source
                obj.full_clean()
                require_write(access, obj)
                obj.save()
                changed += 1
        messages.success(
            request,
            _("Nilai “%(i)s” tahun %(y)s tersimpan (%(n)s berubah).")
            % {"i": indicator.name, "y": indicator.year, "n": changed},
        )
        return redirect(back)
    return render(
        request,
        "assessment/bimtek2/values_form.html",
        region_context(access, "competitiveness", indicator=indicator, form=form, back=back),
    )


# --- the future (§6) -------------------------------------------------------------------------------------------


@login_required
def future_page(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    result = analysis.analyse_region(region)
    lang = formatting.lang()
    projected = {row.indicator.pk for row in result.projections}
    projections = []
    for row in result.projections:
        figure = _projection_figure(row, lang)
        projections.append(
            {
                "row": row,
                "history": [(year, show_number(value)) for year, value in row.history],
                "linear": show_number(_round(row.projection.linear)) if row.projection else None,
                "compound": (
                    show_number(_round(row.projection.compound))
                    if row.projection and row.projection.compound is not None
                    else None
                ),
                "growth": row.projection.growth * 100
                if row.projection and row.projection.growth is not None
                else None,
                "slope": row.projection.slope if row.projection else None,
                "chart": pages.chart(figure) if figure is not None else None,
                "chart_name": f"proyeksi-{slugify(row.indicator.code)}",
            }
        )
    counts: dict[int, int] = {}
    for indicator_id in IndicatorValue.objects.filter(region=region, peer__isnull=True).values_list(
        "indicator_id", flat=True
    ):
        counts[indicator_id] = counts.get(indicator_id, 0) + 1
    short = [
        (ind, counts.get(ind.pk, 0))
        for ind in Indicator.objects.filter(region=region)
        .select_related("pillar")
        .order_by("pillar__order", "code")
        if ind.pk not in projected
    ]
    axes_ids = {d.pk for d in result.axes} if result.axes else set()
    drivers = [
        {
            "record": d,
            "score": future.Driver(d.name, d.category, d.impact, d.uncertainty).score,
            "axis": d.pk in axes_ids,
            "can_write": access.can_write(d),
        }
        for d in result.drivers
    ]
    pillars = analysis.pillars_of(region)
    cells = []
    # in the order of the chart: y high on top, x high on the right
    for cell in (
        Scenario.Cell.LOW_HIGH,
        Scenario.Cell.HIGH_HIGH,
        Scenario.Cell.LOW_LOW,
        Scenario.Cell.HIGH_LOW,
    ):
        x_part, y_part = cell.value.split("_")
        scenario = result.scenarios.get(cell.value)
        implications = []
        if scenario is not None:
            by_pillar = {i.pillar_id: i for i in scenario.implications.all()}
            implications = [{"pillar": p, "record": by_pillar.get(p.pk)} for p in pillars]
        cells.append(
            {
                "cell": cell,
                "x_high": x_part == "high",
                "y_high": y_part == "high",
                "scenario": scenario,
                "implications": implications,
            }
        )
    figure = _scenario_figure(result, lang)
    return render(
        request,
        "assessment/bimtek2/future.html",
        region_context(
            access,
            "future",
            result=result,
            settings=result.settings,
            projections=projections,
            short=short,
            drivers=drivers,
            cells=cells,
            frame=pages.chart(figure) if figure is not None else None,
            can_admin=access.can_manage,
            can_add_value=access.can_create_any(IndicatorValue),
            can_write_scenarios=access.can_create_any(Scenario),
            can_write_implications=access.can_create_any(ScenarioImplication),
            can_add_driver=access.can_create_any(Driver),
        ),
    )


# --- plan settings ---------------------------------------------------------------------------------------------


@login_required
def plan_settings(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    if request.method == "POST":
        require_admin(access)
    instance = PlanSettings.objects.filter(region=region).first() or PlanSettings(region=region)
    pillars = analysis.pillars_of(region)
    form = PlanSettingsForm(request.POST or None, instance=instance, access=access, pillars=pillars)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Pengaturan analisis tersimpan."))
        return redirect("plan-settings", slug=slug)
    weights = instance.maturity_weights or {}
    return render(
        request,
        "assessment/bimtek2/plan_settings.html",
        region_context(
            access,
            "plan-settings",
            form=form,
            settings=instance if instance.pk else None,
            weights=[(p, weights.get(p.slug)) for p in pillars],
            can_admin=access.can_manage,
        ),
    )


# --- the workbook ----------------------------------------------------------------------------------------------
