"""The Django admin for superusers: the bimtek records, filtered by region, each with its history."""

from kotacerdas.regions.admin import register_region_models

register_region_models("assessment")
