"""Traditional characters → Simplified (OpenCC), for documents published in Traditional script.

Only the normalised text is converted; every reader keeps the printed cell in `raw`.
"""

from __future__ import annotations

from functools import lru_cache
from operator import ne

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=1 << 14)
def to_simplified(text: str) -> str:
    return _T2S.convert(text) if text else text


def looks_traditional(sample: str) -> bool:
    """True when converting the sample changes enough characters to be Traditional script."""
    sample = sample[:4000]
    if not sample:
        return False
    converted: str = _T2S.convert(sample)
    if converted == sample:
        return False  # nothing Traditional in it (a workbook of a sheet per table asks every sheet)
    changed: int = sum(map(ne, sample, converted))
    return changed >= 3 and changed >= len(sample) * 0.01
