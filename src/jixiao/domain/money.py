"""Exact money: Decimal in Python, integer 分 in storage, ROUND_HALF_UP everywhere."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from jixiao.domain.cache import memo
from jixiao.domain.values import nfkc

FEN_PER_UNIT = {"元": 100, "万元": 1_000_000, "亿元": 10_000_000_000}
_AMOUNT = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?$")


def clean_number_text(text: str) -> str:
    """NFKC (full-width digits, ，．) and strip spaces, currency marks and a trailing unit."""
    s = text.strip() if text.isascii() else nfkc(text).strip()
    s = s.replace(" ", "").replace("\u3000", "").lstrip("¥￥")
    for unit in ("万元", "亿元", "元"):
        if s.endswith(unit):
            s = s[: -len(unit)]
    return s


@memo(1 << 14)
def parse_amount(text: str | None) -> Decimal | None:
    """ "755.07" → Decimal("755.07"); "1,234.50元" → Decimal("1234.50"); "" → None.

    Raises ValueError for text that is not an amount, so a reader can report the cell.
    """
    if text is None:
        return None
    s = clean_number_text(text)
    if s in ("", "-", "—", "/"):
        return None
    if not _AMOUNT.match(s):
        raise ValueError(f"不是金额：{text.strip()}")
    try:
        return Decimal(s.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only decimals
        raise ValueError(f"不是金额：{text.strip()}") from exc


def to_fen(amount: Decimal, unit: str = "万元") -> int:
    """Amount in `unit` → integer 分, rounding half up (四舍五入)."""
    fen = (amount * FEN_PER_UNIT[unit]).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return int(fen)


def from_fen(fen: int, unit: str = "万元", places: int | None = None) -> Decimal:
    """Integer 分 → amount in `unit`; `places` fixes the decimals shown (half up)."""
    value = Decimal(fen) / FEN_PER_UNIT[unit]
    if places is not None:
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return value.normalize() if value != value.to_integral() else value.quantize(Decimal(1))


def round_half_up(value: Decimal, places: int = 2) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def percent(part: Decimal, whole: Decimal, places: int = 2) -> Decimal | None:
    """part / whole as a percentage, half up; None when whole is zero."""
    if whole == 0:
        return None
    return round_half_up(part * 100 / whole, places)


def format_amount(value: Decimal | None, places: int = 2) -> str:
    """1234.5 → "1,234.50" (the number format users expect)."""
    if value is None:
        return ""
    return f"{round_half_up(value, places):,}"
