from decimal import Decimal

from django import template

from jixiao.domain.money import format_amount

register = template.Library()


@register.filter
def amount(value: Decimal | None) -> str:
    """1234.5 → "1,234.50"."""
    return format_amount(value)


@register.filter
def raw(indicator: object, key: str) -> str:
    """The cell as the document printed it."""
    cells = getattr(indicator, "raw", None) or {}
    return str(cells.get(key, ""))
