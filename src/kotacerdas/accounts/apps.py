from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from kotacerdas.accounts import datafiles


class AccountsConfig(AppConfig):
    name = "kotacerdas.accounts"
    label = "accounts"
    verbose_name = _("Akun pengguna")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        datafiles.connect()
