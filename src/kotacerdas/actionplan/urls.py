"""Pages of the action plan, under /d/<slug>/rencana-aksi/ (included before the workspace's generic routes).

URL names ``actionplan-overview``, ``actionplan-activity`` and the ``actionplan-*`` reports are linked from other
modules (the region nav, the master plan): keep them.
"""

from django.urls import path

from kotacerdas.actionplan import views, views_codes

urlpatterns = [
    path("", views.overview, name="actionplan-overview"),
    path("kegiatan/<int:pk>/", views.activity, name="actionplan-activity"),
    path("kegiatan/<int:pk>/status/", views.activity_status, name="actionplan-status"),
    path("kegiatan/<int:pk>/penapisan/", views.screening_add, name="actionplan-screening-add"),
    path("kegiatan/<int:pk>/tanpa-kaitan/", views.no_relation, name="actionplan-no-relation"),
    path("penapisan/<int:pk>/konsultasi/", views.consultation_add, name="actionplan-consultation-add"),
    path("konsultasi/<int:pk>/", views.consultation_edit, name="actionplan-consultation-edit"),
    path("laporan/penapisan/", views.screening_report, name="actionplan-screening"),
    path("laporan/keselarasan/", views.alignment_report, name="actionplan-alignment"),
    path("laporan/keterpaduan/", views.integration_report, name="actionplan-integration"),
    path("laporan/kawasan/", views.district_report, name="actionplan-districts"),
    path("kode/", views_codes.code_search, name="actionplan-codes"),
    path("laporan/quick-win/", views.quick_win_report, name="actionplan-quick-wins"),
]
