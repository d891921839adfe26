"""Pages of the resource priorities, under /d/<slug>/prioritas/ (included before the workspace's generic routes).

URL names ``priorities-overview``, ``priorities-ahp``, ``priorities-ranking`` and ``priorities-run`` may be linked
from other modules (the region nav, the master plan): keep them.
"""

from django.urls import path

from kotacerdas.actionplan import views_priorities as views

urlpatterns = [
    path("", views.overview, name="priorities-overview"),
    path("ahp/", views.ahp_page, name="priorities-ahp"),
    path("ahp/isi/", views.judge, name="priorities-judge"),
    path("ahp/hapus/", views.judge_delete, name="priorities-judge-delete"),
    path("skor/", views.scores, name="priorities-scores"),
    path("peringkat/", views.ranking, name="priorities-ranking"),
    path("pagu/", views.ceilings, name="priorities-ceilings"),
    path("hasil/", views.runs, name="priorities-runs"),
    path("hasil/<int:pk>/", views.run_detail, name="priorities-run"),
    path("hasil/<int:pk>/hapus/", views.run_delete, name="priorities-run-delete"),
    path("banding/", views.compare, name="priorities-compare"),
]
