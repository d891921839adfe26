from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "kotacerdas.assessment"
    label = "assessment"
    verbose_name = _("Analisis bimtek I dan II")

    def ready(self) -> None:
        from kotacerdas.assessment.kinds import install

        install()
