from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "kotacerdas.actionplan"
    label = "actionplan"
    verbose_name = _("Rencana aksi dan prioritas")

    def ready(self) -> None:
        from kotacerdas.actionplan.kinds import install

        install()
