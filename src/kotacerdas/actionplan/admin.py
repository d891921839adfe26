"""The Django admin for superusers: the action plan and the priorities, filtered by region, each with its history."""

from kotacerdas.regions.admin import register_region_models

register_region_models("actionplan")
