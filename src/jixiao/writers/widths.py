"""Column widths that fit Chinese: CJK characters are two columns wide (XlsxWriter's autofit is not)."""

from __future__ import annotations

from jixiao.domain.widths import display_width


def column_width(values: list[str], minimum: int = 6, maximum: int = 60) -> float:
    widest = max((display_width(line) for v in values for line in (v or "").splitlines() or [""]), default=0)
    return float(min(max(widest + 2, minimum), maximum))
