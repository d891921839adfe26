"""The master plan on the web: a download per format for anyone holding a role in the region, and the document
settings (logo, foreword, signatory, colour), which only the region's admin may change."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kotacerdas.masterplan import render_common
from kotacerdas.masterplan.builder import build
from kotacerdas.masterplan.forms import DocumentSettingsForm
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.permissions import get_region_for_user, require_write
from kotacerdas.web.pages import region_context


@login_required
def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    if fmt not in render_common.FORMATS:
        raise Http404("format")
    data = render_common.render(build(access.region), fmt)
    response = HttpResponse(data, content_type=render_common.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{render_common.file_name(access.region.slug, fmt)}"'
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def document_settings(request: HttpRequest, slug: str) -> HttpResponse:
    access = get_region_for_user(request.user, slug)
    region = access.region
    settings_obj = DocumentSettings.objects.filter(region=region).first() or DocumentSettings(region=region)
    can_write = access.can_write(settings_obj)
    if request.method == "POST":
        require_write(access, settings_obj)
        form = DocumentSettingsForm(request.POST, request.FILES, instance=settings_obj)
        if form.is_valid():
            form.save()
            messages.success(request, _("Pengaturan dokumen tersimpan."))
            return redirect("masterplan-settings", slug=region.slug)
    else:
        form = DocumentSettingsForm(instance=settings_obj)
    if not can_write:
        for field in form.fields.values():
            field.disabled = True
    logo = bytes(settings_obj.logo) if settings_obj.logo else None
    return render(
        request,
        "masterplan/settings.html",
        region_context(
            access,
            form=form,
            can_write=can_write,
            logo_uri=f"data:image/png;base64,{base64.b64encode(logo).decode('ascii')}" if logo else None,
            formats=render_common.FORMATS,
        ),
    )
