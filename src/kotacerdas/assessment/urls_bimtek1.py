"""Pages of bimtek I and the analysis overview, under /d/<slug>/analisis/ (included before the generic routes).

URL names ``analysis-overview``, ``readiness-pillar``, ``swot-pillar``, ``swot-merge``, ``pairing-accept``,
``pairing-ignore``, ``swot-chart`` and ``progress`` are linked from other modules: keep them.
"""

from django.urls import path

from kotacerdas.assessment import views_bimtek1 as views

urlpatterns = [
    path("", views.overview, name="analysis-overview"),
    path("kemajuan/", views.progress, name="progress"),
    path("kesiapan/<slug:pillar>/", views.readiness_pillar, name="readiness-pillar"),
    path("kesiapan/<slug:pillar>/<slug:aspect>/", views.readiness_cell, name="readiness-cell"),
    path("swot/kuadran.svg", views.swot_chart, name="swot-chart"),
    path("swot/<slug:pillar>/", views.swot_pillar, name="swot-pillar"),
    path("swot/<slug:pillar>/faktor/", views.factor_add, name="swot-factor-add"),
    path("swot/<slug:pillar>/faktor/<int:pk>/nilai/", views.factor_rate, name="swot-rate"),
    path("swot/<slug:pillar>/gabung/", views.swot_merge, name="swot-merge"),
    path("swot/<slug:pillar>/saran/terima/", views.pairing_accept, name="pairing-accept"),
    path("swot/<slug:pillar>/saran/abaikan/", views.pairing_ignore, name="pairing-ignore"),
    path("swot/<slug:pillar>/saran/pulihkan/", views.pairing_restore, name="pairing-restore"),
]
