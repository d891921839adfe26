"""The Django admin for superusers; every model keeps its history there too (SimpleHistoryAdmin)."""

from django.apps import apps
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Agency,
    District,
    GovernanceBasis,
    GovernanceMember,
    LocalWisdom,
    Membership,
    Mission,
    Region,
    RpjmdPeriod,
    Village,
)


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "province", "slug", "illustrative"]
    search_fields = ["name", "slug"]


class RegionScopedAdmin(SimpleHistoryAdmin):
    list_filter = ["region"]


def register_region_models(app_label: str) -> None:
    """Every record of a stage app in the admin, filtered by region, with its history (the stages' admin.py)."""
    for model in apps.get_app_config(app_label).get_models():
        if not model._meta.model_name.startswith("historical") and not admin.site.is_registered(model):
            admin.site.register(model, RegionScopedAdmin)


class VillageInline(admin.TabularInline):
    model = Village
    extra = 0
    fields = ["code", "name", "kind", "region"]


@admin.register(District)
class DistrictAdmin(RegionScopedAdmin):
    list_display = ["code", "name", "region", "desa", "kelurahan"]
    inlines = [VillageInline]


@admin.register(Village)
class VillageAdmin(RegionScopedAdmin):
    list_display = ["code", "name", "kind", "district", "region"]
    search_fields = ["code", "name"]


class MissionInline(admin.TabularInline):
    model = Mission
    extra = 0
    fields = ["number", "text", "placeholder", "source", "illustrative", "region"]


@admin.register(RpjmdPeriod)
class RpjmdPeriodAdmin(RegionScopedAdmin):
    list_display = ["__str__", "region", "regent"]
    inlines = [MissionInline]


@admin.register(Mission)
class MissionAdmin(RegionScopedAdmin):
    list_display = ["__str__", "period", "placeholder"]


@admin.register(Agency)
class AgencyAdmin(RegionScopedAdmin):
    list_display = ["abbreviation", "name", "kind", "region"]
    search_fields = ["name", "abbreviation"]


@admin.register(LocalWisdom)
class LocalWisdomAdmin(RegionScopedAdmin):
    list_display = ["name", "category", "custodian", "region", "illustrative"]
    search_fields = ["name", "description"]


@admin.register(GovernanceMember)
class GovernanceMemberAdmin(RegionScopedAdmin):
    list_display = ["name", "body", "role", "sector", "position", "start_year", "end_year", "region"]


@admin.register(GovernanceBasis)
class GovernanceBasisAdmin(RegionScopedAdmin):
    list_display = ["body", "number", "date", "placeholder", "start_year", "end_year", "region"]


@admin.register(Membership)
class MembershipAdmin(RegionScopedAdmin):
    list_display = ["user", "region", "role", "agency"]
