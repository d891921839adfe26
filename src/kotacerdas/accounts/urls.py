from django.urls import path

from kotacerdas.accounts import views

# Mounted before the workspace's generic /d/<slug>/<kind>/ routes (kotacerdas/urls.py).
urlpatterns = [
    path("akun/kata-sandi/", views.PasswordChangeView.as_view(), name="password-change"),
    path("undangan/", views.invitation_accept, name="invitation-accept"),
    path("d/<slug:slug>/anggota/baru/", views.member_create, name="member-create"),
    path("d/<slug:slug>/anggota/undangan/<int:pk>/", views.invitation_issued, name="invitation-issued"),
    path("d/<slug:slug>/anggota/<int:pk>/kata-sandi-sementara/", views.password_reset, name="password-reset"),
]
