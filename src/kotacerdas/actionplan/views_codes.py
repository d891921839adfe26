"""The code search of the program and activity forms: /d/<slug>/rencana-aksi/kode/ (issue 12 item 2).

One view, two answers. With ``format=json`` it answers the form's script with at most
:data:`~kotacerdas.actionplan.codes.SEARCH_LIMIT` matches (code, level, name and, for a sub kegiatan, the indikator
and satuan it proposes); without it, it is a plain page with a search form, so the pickers work without script.
The search runs in the region's nomenclature version; ``program`` (a program of the region, by id) keeps the
kegiatan and sub kegiatan search under that program's code.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kotacerdas.actionplan import codes
from kotacerdas.actionplan.models import Program
from kotacerdas.permissions import get_region_for_user
from kotacerdas.reference import nomenclature as n
from kotacerdas.web.pages import region_context

#: The longest query read (a code or a few words).
MAX_QUERY = 120


def _program(access, value: str) -> Program | None:
    if not value.isdigit():
        return None
    return Program.objects.filter(region=access.region, pk=int(value)).first()


def _row(entry: n.Entry) -> dict:
    row = {"code": entry.code, "level": entry.level_name, "name": entry.name}
    if entry.level == "subkegiatan" and (entry.indikator or entry.satuan):
        row["indikator"] = entry.indikator
        row["satuan"] = entry.satuan
    return row


@login_required
@require_GET
def code_search(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    text = request.GET.get("q", "")[:MAX_QUERY]
    programs = request.GET.get("jenis") == "program"
    program = None if programs else _program(access, request.GET.get("program", ""))
    found = codes.find(text, region, program_code=program.code if program else None, programs=programs)
    if request.GET.get("format") == "json":
        return JsonResponse({"results": [_row(e) for e in found]})
    context = region_context(
        access,
        q=text,
        programs=programs,
        program=program,
        program_list=Program.objects.filter(region=region).select_related("agency").order_by("code"),
        results=[_row(e) for e in found],
        searched=bool(text.strip()) or program is not None,
        version=n.VERSIONS[codes.version_of(region)],
        can_add=access.can_create_any(Program),
    )
    return render(request, "actionplan/codes.html", context)
