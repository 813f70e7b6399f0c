"""Ukrainian plural forms for the report's PDF (always Ukrainian): 1 рядок, 2 рядки, 5 рядків."""

from django import template

register = template.Library()


def uk_plural_form(number: int, one: str, few: str, many: str) -> str:
    n = abs(int(number))
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


@register.filter
def uk_plural(number, forms: str) -> str:
    """``{{ n }} {{ n|uk_plural:"рядок,рядки,рядків" }}``."""
    one, few, many = forms.split(",")
    return uk_plural_form(number, one, few, many)
