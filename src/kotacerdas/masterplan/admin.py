"""The Django admin for superusers: the document settings, filtered by region, each with its history."""

from kotacerdas.regions.admin import register_region_models

register_region_models("masterplan")
