from django.urls import path

from kotacerdas.masterplan import views

# Included under d/<slug:slug>/ before the workspace's generic routes.
urlpatterns = [
    path("masterplan.<str:fmt>", views.download, name="masterplan-download"),
    path("dokumen/pengaturan/", views.document_settings, name="masterplan-settings"),
]
