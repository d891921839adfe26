"""Reference data is shown read-only, also in the Django admin: it changes only through a new framework version."""

from django.contrib import admin

from .models import Element, Framework, Pillar, ReadinessAspect, ReadinessElement


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Framework)
class FrameworkAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "year"]


@admin.register(Pillar)
class PillarAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "framework", "order"]
    list_filter = ["framework"]


@admin.register(Element)
class ElementAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "name_en", "pillar", "order"]
    list_filter = ["pillar__framework", "pillar"]


@admin.register(ReadinessElement)
class ReadinessElementAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "framework", "order"]


@admin.register(ReadinessAspect)
class ReadinessAspectAdmin(ReadOnlyAdmin):
    list_display = ["slug", "name", "element", "order"]
