"""Pages of bimtek 2, under /d/<slug>/analisis/: maturity, competitiveness, the future, settings."""

from django.urls import path

from kotacerdas.assessment import views_bimtek2 as views

urlpatterns = [
    path("kematangan/", views.maturity, name="maturity"),
    path("kematangan/<slug:pillar>/<slug:element>/", views.maturity_element, name="maturity-element"),
    path("daya-saing/", views.competitiveness, name="competitiveness"),
    path("daya-saing/nilai/<int:pk>/", views.competitiveness_values, name="competitiveness-values"),
    path("masa-depan/", views.future_page, name="future"),
    path("pengaturan/", views.plan_settings, name="plan-settings"),
    path("grafik/<slug:name>.<str:fmt>", views.chart, name="bimtek2-chart"),
]
