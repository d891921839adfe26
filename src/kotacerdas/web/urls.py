from django.contrib.auth import views as auth_views
from django.urls import path

from kotacerdas.web import region_new, views, workbook

REGION = "d/<slug:slug>/"
OBJECT = REGION + "<str:kind>/<int:pk>/"

urlpatterns = [
    path(
        "masuk/",
        auth_views.LoginView.as_view(
            template_name="registration/login.html", redirect_authenticated_user=True
        ),
        name="login",
    ),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.region_list, name="region-list"),
    path("daerah/baru/", region_new.region_new, name="region-new"),
    path(REGION, views.dashboard, name="dashboard"),
    path(REGION + "kerangka/", views.framework, name="framework"),
    path(REGION + "riwayat/", views.region_history, name="region-history"),
    path(REGION + "riwayat/<str:kind>/<int:history_id>/pulihkan/", views.restore, name="restore"),
    # The bimtek workbook (its page sits with bimtek II's pages, above the stages like the interchange).
    path(REGION + "analisis/workbook/", workbook.workbook, name="workbook"),
    path(REGION + "analisis/workbook/template.xlsx", workbook.workbook_template, name="workbook-template"),
    path(REGION + "analisis/workbook/unduh.xlsx", workbook.workbook_download, name="workbook-download"),
    path(REGION + "analisis/workbook/unggah/", workbook.workbook_upload, name="workbook-upload"),
    # The region's own profile (one object: the region).
    path(REGION + "profil/ubah/", views.object_edit, {"kind": "profil"}, name="profile-edit"),
    path(REGION + "profil/riwayat/", views.object_history, {"kind": "profil"}, name="profile-history"),
    path(
        REGION + "profil/riwayat/<int:history_id>/kembalikan/",
        views.object_revert,
        {"kind": "profil"},
        name="profile-revert",
    ),
    # Every other object type: districts, RPJMD, missions, agencies, local wisdom, governance, memberships.
    path(REGION + "<str:kind>/", views.object_list, name="object-list"),
    path(REGION + "<str:kind>/baru/", views.object_create, name="object-create"),
    path(OBJECT, views.object_detail, name="object-detail"),
    path(OBJECT + "ubah/", views.object_edit, name="object-edit"),
    path(OBJECT + "hapus/", views.object_delete, name="object-delete"),
    path(OBJECT + "riwayat/", views.object_history, name="object-history"),
    path(OBJECT + "riwayat/<int:history_id>/kembalikan/", views.object_revert, name="object-revert"),
]
