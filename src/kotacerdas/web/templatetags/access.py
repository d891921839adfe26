"""Per-object permissions in templates: ``{% if access|may_write:obj %}``, answered by :mod:`kotacerdas.permissions`."""

from django import template

register = template.Library()


@register.filter
def may_write(access, obj) -> bool:
    return access is not None and access.can_write(obj)


@register.filter
def may_delete(access, obj) -> bool:
    return access is not None and access.can_delete(obj)
