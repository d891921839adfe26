from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    # The analysis pages come before the workspace's generic /d/<slug>/<kind>/ routes.
    path("d/<slug:slug>/analisis/", include("kotacerdas.assessment.urls_bimtek1")),
    path("d/<slug:slug>/analisis/", include("kotacerdas.assessment.urls_bimtek2")),
    path("", include("kotacerdas.web.urls")),
]
