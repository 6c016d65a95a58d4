"""How wide text prints: CJK characters take two columns (for column widths that fit Chinese, and
for reading text aligned with spaces)."""

from __future__ import annotations

import re
from functools import lru_cache

# East Asian Wide and Fullwidth ranges (Unicode EastAsianWidth W/F): Hangul Jamo, CJK radicals to
# Yi, Hangul syllables, CJK compatibility, vertical and fullwidth forms, and the supplementary planes.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)


@lru_cache(maxsize=1 << 14)
def display_width(text: str) -> int:
    """Columns the text takes: 2 for each wide (CJK) character, 1 for the rest."""
    if text.isascii():
        return len(text)
    return len(text) + len(_WIDE.findall(text))
