from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlanConfig(AppConfig):
    name = "kotacerdas.actionplan"
    label = "actionplan"
    verbose_name = _("Rencana aksi dan prioritas")

    def ready(self) -> None:
        # Imported here, not at the top: an app's models may only be imported once the registry is ready.
        from kotacerdas.actionplan.alignment import planned_elements
        from kotacerdas.actionplan.kinds import install
        from kotacerdas.assessment import analysis

        install()
        if planned_elements not in analysis.planned_sources:
            analysis.planned_sources.append(planned_elements)
