from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("kotacerdas.accounts.urls")),
    # The analysis pages come before the workspace's generic /d/<slug>/<kind>/ routes.
    path("d/<slug:slug>/analisis/", include("kotacerdas.assessment.urls_bimtek1")),
    path("d/<slug:slug>/analisis/", include("kotacerdas.assessment.urls_bimtek2")),
    path("d/<slug:slug>/rencana-aksi/", include("kotacerdas.actionplan.urls")),
    path("d/<slug:slug>/prioritas/", include("kotacerdas.actionplan.urls_priorities")),
    path("d/<slug:slug>/", include("kotacerdas.masterplan.urls")),
    path("", include("kotacerdas.web.urls")),
]
