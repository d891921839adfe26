"""Pages of the resource priorities (method.md §9, issue 5 items 6–7), under /d/<slug>/prioritas/.

Criteria and AHP weights (pairwise entry per respondent), criterion scores per activity, the ranked list, budget
ceilings per year and funding source, and saved prioritisation runs with their roadmap, spending and a side by side
comparison. Every figure (weights, λmax, CI, CR, the pair that disagrees most, priorities, the chosen schedule)
comes from :mod:`kotacerdas.actionplan.services`; these views only read records, ask
:mod:`kotacerdas.permissions` before any change and format what they show.

Who may change what (decided by permissions.py through ``Access``):

- pairwise judgements: the region admin, for any respondent (e.g. copied from the paper forms of a workshop);
  judgements are not owned by an agency, so operators, reviewers and viewers read them;
- criterion scores: operators for their own agency's activities, the admin for all;
- ceilings and runs: the admin; everyone with a role reads them.

Every view starts from :func:`get_region_for_user` (404 for a region the user holds no role in) and looks records
up inside that region only.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kotacerdas import charts, formatting
from kotacerdas.actionplan import services
from kotacerdas.actionplan.forms_priorities import (
    INTENSITY,
    SCALE,
    SCORE_CHOICES,
    SOURCES,
    CeilingTable,
    PairwiseForm,
    RunForm,
    pair_name,
    parse_rupiah,
    scale_value,
    score_field_name,
)
from kotacerdas.actionplan.models import (
    Activity,
    ActivityYear,
    Ceiling,
    Criterion,
    CriterionScore,
    Judgement,
    PrioritizationRun,
)
from kotacerdas.assessment.models import PlanSettings
from kotacerdas.formatting import billions, num, percent, rupiah
from kotacerdas.method import ahp as method_ahp
from kotacerdas.permissions import Access, get_region_for_user, require_write
from kotacerdas.web import pages
from kotacerdas.web.forms import cell_conflict, cell_untouched, grid_conflict_message
from kotacerdas.web.pages import region_context

# --- helpers -------------------------------------------------------------------------------------------------


def _plain(value: float) -> str:
    return str(round(value)) if abs(value - round(value)) < 1e-6 else num(value, 2)


def saaty(value: float) -> str:
    """A matrix entry on Saaty's scale: ``3``, ``1/5``, or ``2,41`` for a mean that is not on the scale."""
    return _plain(value) if value >= 1 else "1/" + _plain(1 / value)


def judgement_text(a: Criterion, b: Criterion, value: float) -> str:
    """The matrix entry a_AB as a sentence: which criterion is more important, and how much."""
    if abs(value - 1) < 1e-9:
        return _("%(a)s dan %(b)s sama penting") % {"a": a.name, "b": b.name}
    if value > 1:
        return _("%(a)s %(v)s× lebih penting daripada %(b)s") % {"a": a.name, "b": b.name, "v": saaty(value)}
    return _("%(b)s %(v)s× lebih penting daripada %(a)s") % {"a": a.name, "b": b.name, "v": saaty(1 / value)}


def _disagreement(pair, d, respondent: str | None, slug: str) -> dict | None:
    """The pair that disagrees most, for the page: what was judged, what the others imply, the suggestion."""
    if pair is None or d is None:
        return None
    a, b = pair
    link = None
    if respondent is not None:
        link = (
            reverse("priorities-judge", kwargs={"slug": slug})
            + "?"
            + urlencode({"responden": respondent})
            + "#"
            + pair_name(a, b)
        )
    return {
        "a": a,
        "b": b,
        "judged": judgement_text(a, b, d.judged),
        "implied": saaty(d.implied),
        "suggestion": judgement_text(a, b, d.suggestion),
        "suggestion_value": scale_value(d.suggestion >= 1, round(max(d.suggestion, 1 / d.suggestion))),
        "link": link,
    }


def _url(name: str, access: Access, **kwargs) -> str:
    return reverse(name, kwargs={"slug": access.region.slug, **kwargs})


def _respondent_default(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def _activities(access: Access):
    return (
        Activity.objects.filter(region=access.region)
        .open()  # what is left still has to be scheduled
        .select_related("program__agency", "program__pillar")
        .order_by("ref")
    )


def _run(access: Access, pk) -> PrioritizationRun:
    runs = PrioritizationRun.objects.filter(region=access.region).select_related("created_by")
    return pages.one_or_404(runs, "run", pk=pk)


def _score_or_none(raw: str | None) -> int | None:
    return int(raw) if raw and raw.strip() else None


def _put_cell(access, user, record, new, field: str, value, reason: str) -> bool:
    """One cell of an editable grid (scores, ceilings): an emptied cell deletes its record, a filled one creates
    the record (``new()``) or changes it; an unchanged cell is left alone. True when something changed."""
    if value is None:
        if record is None:
            return False
        require_write(access, record)
        record._change_reason = reason
        record._history_user = user
        record.delete()
        return True
    if record is None:
        record = new()
    elif getattr(record, field) == value:
        return False
    setattr(record, field, value)
    require_write(access, record)
    pages.save(record, reason, user)
    return True


# --- overview ------------------------------------------------------------------------------------------------


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    ranked = services.priorities(region)
    weights = ranked.ahp
    n_open = len(ranked.rows) + len(ranked.unscored)
    runs = list(PrioritizationRun.objects.filter(region=region).order_by("-created")[:5])
    ceilings = Ceiling.objects.filter(region=region)
    steps = [
        {
            "title": _("Kriteria dan bobot AHP"),
            "url": _url("priorities-ahp", access),
            "done": weights.usable,
            "text": (
                _("Bobot dapat dipakai (CR %(cr)s, %(n)d responden).")
                % {"cr": num(weights.cr, 3), "n": len(weights.respondents)}
                if weights.usable
                else (weights.problem or "")
            ),
        },
        {
            "title": _("Skor kegiatan"),
            "url": _url("priorities-scores", access),
            "done": n_open > 0 and not ranked.unscored,
            "text": _("%(done)d dari %(all)d kegiatan terbuka sudah dinilai pada semua kriteria.")
            % {"done": n_open - len(ranked.unscored), "all": n_open},
        },
        {
            "title": _("Pagu anggaran"),
            "url": _url("priorities-ceilings", access),
            "done": ceilings.exists(),
            "text": _("%(n)d pagu (tahun × sumber dana), total %(total)s.")
            % {"n": ceilings.count(), "total": rupiah(ceilings.aggregate(t=Sum("amount"))["t"] or 0)},
        },
        {
            "title": _("Hasil prioritas dan peta jalan"),
            "url": _url("priorities-runs", access),
            "done": bool(runs),
            "text": _("%(n)d hasil tersimpan.")
            % {"n": PrioritizationRun.objects.filter(region=region).count()},
        },
    ]
    context = region_context(access, steps=steps, runs=runs, weights=weights, active="overview")
    return render(request, "actionplan/priorities/overview.html", context)


# --- criteria and AHP ----------------------------------------------------------------------------------------


def _respondent_rows(result: services.AhpResult, slug: str) -> list[dict]:
    rows = []
    for index, r in enumerate(result.respondents, start=1):
        res = r.result
        rows.append(
            {
                "name": r.name,
                "anchor": f"responden-{index}",
                "complete": r.complete,
                "missing": [f"{a.name} – {b.name}" for a, b in r.missing],
                "weights": [num(w, 3) for w in res.weights] if res else None,
                "lambda_max": num(res.lambda_max, 3) if res else "–",
                "ci": num(res.ci, 3) if res else "–",
                "cr": num(res.cr, 3) if res else "–",
                "consistent": res.consistent if res else None,
                "worst": _disagreement(r.pair, r.disagreement, r.name, slug),
                "edit": reverse("priorities-judge", kwargs={"slug": slug})
                + "?"
                + urlencode({"responden": r.name}),
            }
        )
    return rows


@login_required
def ahp_page(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    result = services.ahp_result(access.region)
    items = result.criteria
    weights = result.weights or {}
    criteria_rows = [
        {"criterion": c, "weight": num(weights.get(c.slug), 3), "share": weights.get(c.slug)} for c in items
    ]
    matrix = None
    if result.matrix is not None:
        matrix = [
            (items[i], [(saaty(v) if i != j else "1") for j, v in enumerate(row)])
            for i, row in enumerate(result.matrix)
        ]
    res = result.result
    context = region_context(
        access,
        active="ahp",
        result=result,
        criteria_rows=criteria_rows,
        matrix=matrix,
        aggregated={
            "lambda_max": num(res.lambda_max, 3) if res else "–",
            "ci": num(res.ci, 3) if res else "–",
            "cr": num(res.cr, 3) if res else "–",
            "limit": num(method_ahp.CR_THRESHOLD, 2),
        },
        worst=_disagreement(result.pair, result.disagreement, None, slug),
        respondents=_respondent_rows(result, slug),
        may_judge=access.can_create(Judgement),
        may_edit_criteria=access.can_create(Criterion),
        new_respondent=_respondent_default(request.user),
    )
    return render(request, "actionplan/priorities/ahp.html", context)


def _pair_rows(form: PairwiseForm, worst: dict | None) -> list[dict]:
    rows = []
    for a, b in form.pairs:
        name = pair_name(a, b)
        bound = form[name]
        current = str(bound.value() or "")
        options = []
        for value in SCALE:
            side, number = ("1", 1) if value == "1" else (value[0], int(value[1:]))
            if number == 1:
                title = _("%(a)s dan %(b)s sama penting") % {"a": a.name, "b": b.name}
            else:
                more, less = (a, b) if side == "a" else (b, a)
                title = _("%(more)s %(how)s (%(n)d) daripada %(less)s") % {
                    "more": more.name,
                    "less": less.name,
                    "how": INTENSITY[number],
                    "n": number,
                }
            options.append(
                {
                    "value": value,
                    "label": str(number),
                    "title": title,
                    "checked": current == value,
                    "side": side,
                    "id": f"{name}-{value}",
                }
            )
        is_worst = worst is not None and worst["a"].pk == a.pk and worst["b"].pk == b.pk
        rows.append(
            {
                "name": name,
                "a": a,
                "b": b,
                "options": options,
                "open": not current,
                "errors": bound.errors,
                "seen": form.seen(a, b),
                "worst": worst if is_worst else None,
            }
        )
    return rows


def _existing(region, respondent: str) -> dict[tuple[int, int], Judgement]:
    """The respondent's judgements keyed by their (first, second) criterion ids as stored."""
    return {
        (j.first_id, j.second_id): j for j in Judgement.objects.filter(region=region, respondent=respondent)
    }


def _initial(region, respondent: str, criteria: list[Criterion]) -> dict:
    stored = _existing(region, respondent)
    initial = {}
    for i, a in enumerate(criteria):
        for b in criteria[i + 1 :]:
            if (a.pk, b.pk) in stored:
                j = stored[(a.pk, b.pk)]
                initial[pair_name(a, b)] = scale_value(j.favours == Judgement.Favours.FIRST, j.value)
            elif (b.pk, a.pk) in stored:
                j = stored[(b.pk, a.pk)]
                initial[pair_name(a, b)] = scale_value(j.favours == Judgement.Favours.SECOND, j.value)
    return initial


def _store_judgements(access: Access, form: PairwiseForm, user) -> None:
    """Save one respondent's judgements (all-or-nothing; the caller holds a transaction)."""
    region = access.region
    name = form.cleaned_data["respondent"]
    original = (form.cleaned_data.get("original") or "").strip()
    reason = _("Penilaian berpasangan responden %(who)s") % {"who": name}
    if original and original != name:
        for j in Judgement.objects.filter(region=region, respondent=original):
            require_write(access, j)
            j.respondent = name
            pages.save(j, reason, user)
    stored = _existing(region, name)
    for (a, b), choice in form.judgements().items():
        j = stored.get((a.pk, b.pk))
        flipped = False
        if j is None and (b.pk, a.pk) in stored:
            j, flipped = stored[(b.pk, a.pk)], True
        if choice is None:
            if j is not None:
                require_write(access, j)
                j._change_reason = reason
                j.delete()
            continue
        favours, value = choice
        if flipped:  # stored as (B, A): keep the row, mirror the side
            favours = (
                Judgement.Favours.SECOND if favours == Judgement.Favours.FIRST else Judgement.Favours.FIRST
            )
        if j is None:
            j = Judgement(region=region, respondent=name, first=a, second=b)
        elif j.favours == favours and j.value == value:
            continue
        j.favours, j.value = favours, value
        require_write(access, j)
        pages.save(j, reason, user)


@login_required
def judge(request: HttpRequest, slug: str) -> HttpResponse:
    """Pairwise entry for one respondent (``?responden=`` to edit an existing one)."""
    access = get_region_for_user(request.user, slug)
    if not access.can_create(Judgement):
        raise PermissionDenied("judge")
    items = services.ensure_default_criteria(access.region)
    editing = (request.GET.get("responden") or "").strip()
    known = set(Judgement.objects.filter(region=access.region).values_list("respondent", flat=True))
    if editing and editing not in known:
        editing = ""
    initial = {"respondent": editing or _respondent_default(request.user), "original": editing}
    if editing:
        initial.update(_initial(access.region, editing, items))
    stored = _initial(access.region, editing, items) if editing else {}
    form = PairwiseForm(request.POST or None, criteria=items, initial=initial, stored=stored)
    if request.method == "POST" and form.is_valid():
        name = form.cleaned_data["respondent"]
        original = (form.cleaned_data.get("original") or "").strip()
        if name != original and name in known:
            form.add_error(
                "respondent",
                _(
                    "Responden “%(who)s” sudah ada. Buka penilaiannya dari halaman AHP untuk mengubahnya, "
                    "atau pakai nama lain."
                )
                % {"who": name},
            )
        else:
            try:
                with transaction.atomic():
                    _store_judgements(access, form, request.user)
            except ValidationError as error:
                form.add_error(None, " ".join(error.messages))
            else:
                result = services.ahp_result(access.region)
                own = next((r for r in result.respondents if r.name == name), None)
                if own is None or not own.complete:
                    messages.warning(
                        request,
                        _("Penilaian %(who)s tersimpan, tetapi belum lengkap: %(n)d pasangan belum dinilai.")
                        % {"who": name, "n": len(own.missing) if own else len(form.pairs)},
                    )
                elif own.result is not None and not own.result.consistent:
                    messages.warning(
                        request,
                        _("Penilaian %(who)s tersimpan, tetapi tidak konsisten (CR %(cr)s > %(limit)s).")
                        % {
                            "who": name,
                            "cr": num(own.result.cr, 3),
                            "limit": num(method_ahp.CR_THRESHOLD, 2),
                        },
                    )
                else:
                    messages.success(
                        request,
                        _("Penilaian %(who)s tersimpan (CR %(cr)s, konsisten).")
                        % {"who": name, "cr": num(own.result.cr if own.result else None, 3)},
                    )
                return redirect(_url("priorities-ahp", access) + "#responden")
    worst = None
    if editing:
        result = services.ahp_result(access.region)
        own = next((r for r in result.respondents if r.name == editing), None)
        if own is not None:
            worst = _disagreement(own.pair, own.disagreement, editing, slug)
    context = region_context(
        access,
        active="ahp",
        form=form,
        rows=_pair_rows(form, worst),
        editing=editing,
        intensity=[(k, INTENSITY[k]) for k in (1, 3, 5, 7, 9)],
        worst=worst,
    )
    return render(request, "actionplan/priorities/judge.html", context)


@login_required
@require_POST
def judge_delete(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    if not access.can_create(Judgement):
        raise PermissionDenied("judge")
    name = (request.POST.get("respondent") or "").strip()
    rows = list(Judgement.objects.filter(region=access.region, respondent=name))
    if not rows:
        raise Http404("respondent")
    with transaction.atomic():
        for j in rows:
            require_write(access, j)
            j._change_reason = _("Penilaian responden %(who)s dihapus") % {"who": name}
            j._history_user = request.user
            j.delete()
    messages.success(request, _("Penilaian responden %(who)s dihapus.") % {"who": name})
    return redirect(_url("priorities-ahp", access) + "#responden")


# --- scores and ranking --------------------------------------------------------------------------------------


@login_required
def scores(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    items = services.criteria(region)
    scored = [c for c in items if not c.is_cost]
    cost = [c for c in items if c.is_cost]
    activities = list(_activities(access))
    agency_filter = request.GET.get("opd") or ""
    current = {
        (s.activity_id, s.criterion_id): s
        for s in CriterionScore.objects.filter(region=region, activity__in=activities)
    }
    may = {a.pk: access.can_write(CriterionScore(region=region, activity=a)) for a in activities}
    errors: dict[str, str] = {}
    if request.method == "POST":
        by_pk = {a.pk: a for a in activities}
        by_crit = {c.pk: c for c in scored}
        changes, n_stale = [], 0
        for key, raw in request.POST.items():
            if not key.startswith("s-"):
                continue
            try:
                _s, a_pk, c_pk = key.split("-")
                activity, criterion = by_pk[int(a_pk)], by_crit[int(c_pk)]
            except (ValueError, KeyError):
                raise Http404("score") from None
            if not may[activity.pk]:
                raise PermissionDenied("score")  # nothing is saved: the whole grid is one change
            raw = raw.strip()
            if raw and raw not in {str(k) for k, _label in SCORE_CHOICES}:
                errors[key] = _("Skor adalah 1 sampai 5.")
                continue
            value = int(raw) if raw else None
            if cell_untouched(request.POST, key, value, parse=_score_or_none):
                continue  # left as it was rendered: a change someone made meanwhile is kept
            stored = current.get((activity.pk, criterion.pk))
            stale = cell_conflict(
                request.POST, key, stored.score if stored else None, value, parse=_score_or_none
            )
            if stale:
                errors[key] = stale
                n_stale += 1
                continue
            changes.append((activity, criterion, value))
        if n_stale:
            messages.error(request, grid_conflict_message(n_stale))
        if not errors:
            n = 0
            with transaction.atomic():
                for activity, criterion, value in changes:
                    reason = _("Skor kriteria %(c)s untuk %(ref)s") % {
                        "c": criterion.name,
                        "ref": activity.ref,
                    }
                    n += _put_cell(
                        access,
                        request.user,
                        current.get((activity.pk, criterion.pk)),
                        lambda a=activity, c=criterion: CriterionScore(
                            region=region, activity=a, criterion=c
                        ),
                        "score",
                        value,
                        reason,
                    )
            messages.success(request, _("Skor tersimpan (%(n)d perubahan).") % {"n": n})
            target = _url("priorities-scores", access)
            if agency_filter:
                target += "?" + urlencode({"opd": agency_filter})
            return redirect(target)
        current_post = request.POST
    else:
        current_post = None
    ranked = services.priorities(region)
    cost_score = {}
    for row in ranked:
        if cost:
            cost_score[row.activity.pk] = row.priority.normalised.get(cost[0].slug)
    agencies = sorted({a.program.agency for a in activities}, key=lambda g: g.abbreviation.lower())
    shown = [a for a in activities if not agency_filter or str(a.program.agency_id) == agency_filter]
    rows = []
    for a in shown:
        cells = []
        for c in scored:
            key = score_field_name(a, c)
            record = current.get((a.pk, c.pk))
            value = (
                current_post.get(key, "")
                if current_post is not None
                else (str(record.score) if record else "")
            )
            seen = str(record.score) if record else ""  # the stored value, for the version check
            cells.append(
                {"name": key, "value": value, "error": errors.get(key), "criterion": c, "seen": seen}
            )
        rows.append(
            {
                "activity": a,
                "cells": cells,
                "editable": may[a.pk],
                "cost": rupiah(ranked.costs.get(a.ref)),
                "cost_score": num(cost_score.get(a.pk), 2) if a.pk in cost_score else "–",
                "complete": all(cell["value"] for cell in cells),
            }
        )
    context = region_context(
        access,
        active="scores",
        criteria=scored,
        cost_criterion=cost[0] if cost else None,
        rows=rows,
        choices=SCORE_CHOICES,
        any_editable=any(r["editable"] for r in rows),
        errors=errors,
        agencies=agencies,
        agency_filter=agency_filter,
        n_unscored=len(ranked.unscored),
    )
    return render(request, "actionplan/priorities/scores.html", context, status=400 if errors else 200)


@login_required
def ranking(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    ranked = services.priorities(access.region)
    items = ranked.ahp.criteria
    weights = ranked.ahp.weights or {}
    palette = ["c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8"]
    legend = [
        {"criterion": c, "weight": num(weights.get(c.slug), 3), "css": palette[k % len(palette)]}
        for k, c in enumerate(items)
    ]
    rows = []
    for rank, row in enumerate(ranked, start=1):
        p = row.priority
        parts = [
            {
                "criterion": item["criterion"],
                "css": item["css"],
                "value": num(p.contributions.get(item["criterion"].slug), 3),
                "width": round(100 * p.contributions.get(item["criterion"].slug, 0.0), 2),
                "score": row.scores.get(item["criterion"].slug),
                "normalised": num(p.normalised.get(item["criterion"].slug), 2),
            }
            for item in legend
        ]
        rows.append(
            {
                "rank": rank,
                "activity": row.activity,
                "priority": num(p.value, 3),
                "width": round(100 * p.value, 2),
                "parts": parts,
                "cost": rupiah(ranked.costs.get(row.activity.ref)),
            }
        )
    unscored = [
        {"activity": a, "missing": ", ".join(c.name for c in missing)} for a, missing in ranked.unscored
    ]
    context = region_context(
        access,
        active="ranking",
        rows=rows,
        legend=legend,
        unscored=unscored,
        problem=ranked.problem,
        worst=_disagreement(ranked.ahp.pair, ranked.ahp.disagreement, None, slug),
    )
    return render(request, "actionplan/priorities/ranking.html", context)


# --- ceilings ------------------------------------------------------------------------------------------------


def _demand(access: Access) -> dict[tuple[int, str], Decimal]:
    """The yearly costs of the open activities in their planned years, per year and funding source."""
    rows = (
        ActivityYear.objects.filter(region=access.region, activity__in=_activities(access))
        .values("year", "activity__funding_source")
        .annotate(total=Sum("cost"))
    )
    return {(r["year"], r["activity__funding_source"]): r["total"] or Decimal(0) for r in rows}


def _years(access: Access, ceilings: dict, demand: dict) -> list[int]:
    years = {y for y, _s in ceilings} | {y for y, _s in demand}
    settings = PlanSettings.objects.filter(region=access.region).first()
    if settings and settings.start_year:
        end = settings.horizon_year or settings.start_year + 4
        years |= set(range(settings.start_year, end + 1))
    if not years:
        now = timezone.localdate().year
        years = set(range(now, now + 5))
    return list(range(min(years), max(years) + 1))


@login_required
def ceilings(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    may_edit = access.can_create(Ceiling)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied("ceilings")
    stored = {(c.year, c.source): c for c in Ceiling.objects.filter(region=region)}
    demand = _demand(access)
    years = _years(access, stored, demand)
    table = CeilingTable(
        years,
        SOURCES,
        data=request.POST if request.method == "POST" else None,
        initial={k: c.amount for k, c in stored.items()},
    )
    if request.method == "POST":
        stale, valid = 0, table.is_valid()
        if valid:
            for (year, source), amount in table.cleaned.items():
                record = stored.get((year, source))
                name = CeilingTable.name(year, source)
                message = cell_conflict(
                    request.POST,
                    name,
                    record.amount if record else None,
                    amount,
                    parse=parse_rupiah,
                    show=rupiah,
                )
                if message:
                    table.errors[name] = message
                    stale += 1
        if stale:
            messages.error(request, grid_conflict_message(stale))
        elif valid:
            n = 0
            with transaction.atomic():
                for (year, source), amount in table.cleaned.items():
                    if cell_untouched(
                        request.POST, CeilingTable.name(year, source), amount, parse=parse_rupiah
                    ):
                        continue  # left as it was rendered: a change someone made meanwhile is kept
                    n += _put_cell(
                        access,
                        request.user,
                        stored.get((year, source)),
                        lambda y=year, s=source: Ceiling(region=region, year=y, source=s),
                        "amount",
                        amount,
                        _("Pagu %(source)s %(year)s") % {"source": source, "year": year},
                    )
            messages.success(request, _("Pagu anggaran tersimpan (%(n)d perubahan).") % {"n": n})
            return redirect(_url("priorities-ceilings", access))
        else:
            messages.error(
                request,
                _("Tidak ada yang disimpan: %(n)d isian perlu diperbaiki (ditandai merah).")
                % {"n": len(table.errors)},
            )
    labels = dict(SOURCES)
    used = [s for s, _label in SOURCES if any(k[1] == s for k in list(stored) + list(demand))]
    rows = []
    totals = defaultdict(lambda: [Decimal(0), Decimal(0)])
    for year in years:
        cells = []
        for source, _label in SOURCES:
            record = stored.get((year, source))
            need = demand.get((year, source))
            ceiling = record.amount if record else None
            if ceiling is not None:
                totals[source][0] += ceiling
            if need:
                totals[source][1] += need
            name = CeilingTable.name(year, source)
            cells.append(
                {
                    "name": name,
                    "source": source,
                    "value": table.value(year, source),
                    "error": table.errors.get(name),
                    "ceiling": rupiah(ceiling) if ceiling is not None else None,
                    "demand": billions(need) if need else None,
                    "demand_full": rupiah(need) if need else None,
                    "seen": "" if ceiling is None else f"{int(ceiling):,}".replace(",", "."),
                    "over": bool(need) and (ceiling or 0) < need,
                }
            )
        rows.append({"year": year, "cells": cells})
    context = region_context(
        access,
        active="ceilings",
        rows=rows,
        sources=SOURCES,
        labels=labels,
        used=used,
        totals=[(labels[s], billions(totals[s][0]), billions(totals[s][1])) for s, _label in SOURCES],
        may_edit=may_edit,
        errors=table.errors,
    )
    return render(
        request, "actionplan/priorities/ceilings.html", context, status=400 if table.errors else 200
    )


# --- runs ----------------------------------------------------------------------------------------------------


def _run_summary(run: PrioritizationRun) -> dict:
    result = run.result or {}
    spending = result.get("spending") or []
    return {
        "run": run,
        "status": result.get("status"),
        "optimal": result.get("optimal"),
        "gap": percent(result.get("gap"), 2) if result.get("gap") is not None else "–",
        "objective": num(result.get("objective"), 3),
        "chosen": len(result.get("chosen") or {}),
        "deferred": len(result.get("deferred") or {}),
        "spent": rupiah(sum(s["amount"] for s in spending)),
        "url": reverse("priorities-run", kwargs={"slug": run.region.slug, "pk": run.pk}),
    }


STATUS_LABELS = {
    "optimal": gettext_lazy("optimal (dalam batas selisih)"),
    "time_limit": gettext_lazy("berhenti di batas waktu"),
    "greedy": gettext_lazy("cara rakus (tanpa pemecah)"),
}


def _runs_context(
    access: Access, request: HttpRequest, form: RunForm | None = None, error: str | None = None
):
    runs = [
        _run_summary(r) for r in PrioritizationRun.objects.filter(region=access.region).order_by("-created")
    ]
    weights = services.ahp_result(access.region)
    blocked = None if weights.usable else weights.problem
    if weights.pair is not None:  # the box below names the pair; say only why
        blocked = _("penilaian berpasangan tidak konsisten (CR %(cr)s > %(limit)s).") % {
            "cr": num(weights.cr, 3),
            "limit": num(method_ahp.CR_THRESHOLD, 2),
        }
    return region_context(
        access,
        active="runs",
        runs=runs,
        form=form or RunForm(initial={"name": timezone.localtime().strftime("Prioritas %Y-%m-%d %H:%M")}),
        may_run=access.can_create(PrioritizationRun),
        blocked=blocked,
        worst=_disagreement(weights.pair, weights.disagreement, None, access.region.slug),
        run_error=error,
        status_labels=STATUS_LABELS,
        pick_a=request.GET.get("a") or (str(runs[1]["run"].pk) if len(runs) > 1 else ""),
        pick_b=request.GET.get("b") or (str(runs[0]["run"].pk) if runs else ""),
    )


@login_required
def runs(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    if request.method != "POST":
        return render(request, "actionplan/priorities/runs.html", _runs_context(access, request))
    if not access.can_create(PrioritizationRun):
        raise PermissionDenied("run")
    form = RunForm(request.POST)
    if form.is_valid():
        name = form.cleaned_data["name"].strip() or None
        try:
            run = services.run_prioritization(access.region, name=name, user=request.user)
        except services.PrioritizationError as error:
            context = _runs_context(access, request, form=form, error=str(error))
            return render(request, "actionplan/priorities/runs.html", context, status=409)
        except ValidationError as error:
            form.add_error("name", " ".join(error.messages))
        else:
            messages.success(
                request, _("Prioritas dijalankan dan disimpan sebagai “%(name)s”.") % {"name": run.name}
            )
            return redirect(_url("priorities-run", access, pk=run.pk))
    return render(
        request, "actionplan/priorities/runs.html", _runs_context(access, request, form=form), status=400
    )


def _activity_map(access: Access, refs) -> dict[str, Activity]:
    return {
        a.ref: a
        for a in Activity.objects.filter(region=access.region, ref__in=list(refs)).select_related(
            "program__agency", "program__pillar"
        )
    }


def _spending_table(result: dict) -> dict:
    """Spending against the ceiling as a year × funding-source table (sources in the order of the choices)."""
    labels = dict(SOURCES)
    cells: dict[tuple[int, str], dict] = {}
    for s in result.get("spending") or []:
        amount, ceiling = s["amount"], s["ceiling"]
        cells[(s["year"], s["source"])] = {
            "amount": rupiah(amount),
            "ceiling": rupiah(ceiling),
            "share": percent(amount / ceiling if ceiling else None, 0),
            "width": min(100, round(100 * amount / ceiling, 1)) if ceiling else (100 if amount else 0),
            "over": amount > ceiling,
        }
    present = {source for _year, source in cells}
    sources = [s for s, _label in SOURCES if s in present] + sorted(present - set(labels))
    years = sorted({year for year, _source in cells})
    return {
        "sources": [labels.get(s, s) for s in sources],
        "rows": [{"year": y, "cells": [cells.get((y, s)) for s in sources]} for y in years],
    }


@login_required
def run_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    run = _run(access, pk)
    result = run.result or {}
    by = "agency" if request.GET.get("kelompok") == "opd" else "pillar"
    chosen = result.get("chosen") or {}
    deferred = result.get("deferred") or {}
    ends = result.get("ends") or {}
    values = result.get("priorities") or {}
    acts = _activity_map(access, list(chosen) + list(deferred))
    chosen_rows = [
        {
            "ref": ref,
            "activity": acts.get(ref),
            "start": start,
            "end": ends.get(ref, start),
            "priority": num(values.get(ref), 3),
        }
        for ref, start in sorted(chosen.items(), key=lambda kv: (kv[1], kv[0]))
    ]
    deferred_rows = [
        {"ref": ref, "activity": acts.get(ref), "reason": reason, "priority": num(values.get(ref), 3)}
        for ref, reason in sorted(deferred.items())
    ]
    lang = formatting.lang()
    roadmap = pages.chart(
        charts.roadmap_chart(services.roadmap_rows(access.region, run, by=by), title="", lang=lang),
        _("Peta jalan kegiatan terpilih"),
    )
    spending_svg = pages.chart(
        charts.spending_chart(
            services.spending_rows(run), sources=services.funding_labels(), title="", lang=lang
        ),
        _("Belanja terhadap pagu per tahun dan sumber dana"),
    )
    others = PrioritizationRun.objects.filter(region=access.region).exclude(pk=run.pk).order_by("-created")
    context = region_context(
        access,
        active="runs",
        summary=_run_summary(run),
        status_label=STATUS_LABELS.get(result.get("status"), result.get("status")),
        message=result.get("message"),
        chosen_rows=chosen_rows,
        deferred_rows=deferred_rows,
        spending=_spending_table(result),
        roadmap=roadmap,
        spending_chart=spending_svg,
        by=by,
        weights=[
            (c.name, num((result.get("weights") or {}).get(c.slug), 3))
            for c in services.criteria(access.region)
            if c.slug in (result.get("weights") or {})
        ],
        others=others,
        may_run=access.can_create(PrioritizationRun),
    )
    return render(request, "actionplan/priorities/run.html", context)


@login_required
@require_POST
def run_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    run = _run(access, pk)
    require_write(access, run)
    run._change_reason = _("Hasil prioritas dihapus")
    run._history_user = request.user
    name = run.name
    run.delete()
    messages.success(request, _("Hasil “%(name)s” dihapus.") % {"name": name})
    return redirect(_url("priorities-runs", access))


@login_required
def compare(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    a, b = _run(access, request.GET.get("a")), _run(access, request.GET.get("b"))
    ra, rb = a.result or {}, b.result or {}
    ca, cb = ra.get("chosen") or {}, rb.get("chosen") or {}
    da, db = ra.get("deferred") or {}, rb.get("deferred") or {}
    refs = sorted(set(ca) | set(cb) | set(da) | set(db))
    acts = _activity_map(access, refs)
    differences, same = [], []
    for ref in refs:
        row = {
            "ref": ref,
            "activity": acts.get(ref),
            "a": ca.get(ref),
            "b": cb.get(ref),
            "a_reason": da.get(ref),
            "b_reason": db.get(ref),
        }
        if ref in ca and ref in cb:
            row["kind"] = "same" if ca[ref] == cb[ref] else "moved"
        elif ref in ca:
            row["kind"] = "only_a"
        elif ref in cb:
            row["kind"] = "only_b"
        else:
            row["kind"] = "neither"
        (same if row["kind"] in ("same", "neither") else differences).append(row)
    spend: dict[tuple[int, str], dict] = {}
    for side, result in (("a", ra), ("b", rb)):
        for s in result.get("spending") or []:
            cell = spend.setdefault((s["year"], s["source"]), {})
            cell[side] = s["amount"]
            cell[side + "_ceiling"] = s["ceiling"]
    labels = dict(SOURCES)
    spending = []
    for (year, source), cell in sorted(spend.items()):
        amount_a, amount_b = cell.get("a", 0), cell.get("b", 0)
        if not (amount_a or amount_b):
            continue  # a ceiling nobody spends from in either run
        spending.append(
            {
                "year": year,
                "source": labels.get(source, source),
                "a": rupiah(amount_a),
                "b": rupiah(amount_b),
                "ceiling_a": rupiah(cell.get("a_ceiling")) if "a_ceiling" in cell else "–",
                "ceiling_b": rupiah(cell.get("b_ceiling")) if "b_ceiling" in cell else "–",
                "diff": ("+" if amount_b >= amount_a else "\u2212") + rupiah(abs(amount_b - amount_a)),
                "changed": amount_a != amount_b,
            }
        )
    context = region_context(
        access,
        active="runs",
        a=_run_summary(a),
        b=_run_summary(b),
        status_labels=STATUS_LABELS,
        differences=differences,
        same=same,
        spending=spending,
        n_moved=sum(1 for r in differences if r["kind"] == "moved"),
        n_only_a=sum(1 for r in differences if r["kind"] == "only_a"),
        n_only_b=sum(1 for r in differences if r["kind"] == "only_b"),
        runs=PrioritizationRun.objects.filter(region=access.region).order_by("-created"),
    )
    return render(request, "actionplan/priorities/compare.html", context)
