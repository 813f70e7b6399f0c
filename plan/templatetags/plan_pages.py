"""Template filters of the public plan pages: quarter, period and status labels in the visitor's language."""

from django import template

from common.quarters import Quarter

from .. import labels

register = template.Library()


@register.filter
def quarter_label(value):
    """A Quarter, a quarter index or '2019Q4' -> 'IV квартал 2019 року'."""
    if isinstance(value, int):
        value = Quarter.from_index(value)
    elif isinstance(value, str):
        value = Quarter.parse(value)
    return labels.quarter_label(value)


@register.filter
def period_label(period):
    """A TaskPeriod -> 'ІІІ–IV квартал 2019 року'."""
    return labels.period_label(period.start, period.end)


@register.filter
def status_label(value):
    return labels.status_label(value)
