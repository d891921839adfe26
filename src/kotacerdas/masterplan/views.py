"""The master plan on the web: a download per format for anyone holding a role in the region (built once per
workspace version in the background, served from the cache in the data directory), and the document settings
(logo, foreword, signatory, colour), which only the region's admin may change."""

from __future__ import annotations

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kotacerdas.masterplan import cache, render_common
from kotacerdas.masterplan.forms import DocumentSettingsForm
from kotacerdas.masterplan.models import DocumentSettings
from kotacerdas.permissions import get_region_for_user, require_write
from kotacerdas.web.pages import region_context

#: Seconds a download request waits for its own build before answering with the progress page: a small plan is
#: then delivered at once, a large one never holds a web worker for long.
BUILD_WAIT_SECONDS = 1.5
#: Seconds between two loads of the progress page (the browser reloads it by itself, no script involved).
PROGRESS_REFRESH_SECONDS = 2


@login_required
def download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """The cached document of the current workspace version, or a progress page while it is being built (the
    build runs in a background thread; see :mod:`kotacerdas.masterplan.cache`)."""
    access = get_region_for_user(request.user, slug)
    if fmt not in render_common.FORMATS:
        raise Http404("format")
    entry = cache.entry_for(access.region, fmt)
    if request.GET.get("ulang") and entry.error() is not None:
        entry.clear_error()
        return redirect(request.path)
    if connection.in_atomic_block:
        # Inside a transaction (ATOMIC_REQUESTS, a test's transaction) this request may see data nobody else sees
        # yet: a background thread could not read it, and it must not be cached under a version. Built in place.
        data = cache.render_uncached(access.region, fmt)
    else:
        if not entry.ready() and entry.error() is None:
            cache.start_build(entry)
            cache.wait(entry, BUILD_WAIT_SECONDS)
        try:
            data = entry.path.read_bytes()
        except FileNotFoundError:  # not built yet, or just superseded by a newer version's build
            data = None
    if data is not None:
        response = HttpResponse(data, content_type=render_common.CONTENT_TYPES[fmt])
        response["Content-Disposition"] = (
            f'attachment; filename="{render_common.file_name(access.region.slug, fmt)}"'
        )
        response["Cache-Control"] = "private, no-store"
        return response
    error = entry.error()
    response = render(
        request,
        "masterplan/progress.html",
        {
            "access": access,
            "region": access.region,
            "fmt": fmt.upper(),
            "error": error,
            "refresh": None if error else PROGRESS_REFRESH_SECONDS,
        },
        status=500 if error else 202,
    )
    if not error:
        response["Refresh"] = str(PROGRESS_REFRESH_SECONDS)
    response["Cache-Control"] = "no-store"
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
