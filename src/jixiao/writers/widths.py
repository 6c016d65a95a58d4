"""Column widths that fit Chinese: CJK characters are two columns wide (XlsxWriter's autofit is not)."""

from __future__ import annotations

import unicodedata


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def column_width(values: list[str], minimum: int = 6, maximum: int = 60) -> float:
    widest = max((display_width(line) for v in values for line in (v or "").splitlines() or [""]), default=0)
    return float(min(max(widest + 2, minimum), maximum))
