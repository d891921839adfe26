from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "kotacerdas.assessment"
    label = "assessment"
    verbose_name = _("Analisis bimtek I dan II")

    def ready(self) -> None:
        # Imported here, not at the top: an app's models may only be imported once the registry is ready.
        from kotacerdas.assessment.kinds import install

        install()
