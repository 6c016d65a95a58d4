"""The indicator tree (一级 / 二级) as versioned data, with the synonyms found in real tables."""

from __future__ import annotations

import re
import unicodedata

from jixiao.domain.cache import memo
from jixiao.domain.values import unspaced

# 一级: what templates print → the normalised category.
LEVEL1_SYNONYMS: dict[str, str] = {
    "产出": "产出",
    "产出指标": "产出",
    "产出目标": "产出",
    "效益": "效益",
    "效益指标": "效益",
    "效益目标": "效益",
    "效果": "效益",
    "效果指标": "效益",
    "满意度": "满意度",
    "满意度指标": "满意度",
    "满意度目标": "满意度",
    "服务对象满意度": "满意度",
    "服务对象满意度指标": "满意度",
    "成本": "成本",
    "成本指标": "成本",
    "成本目标": "成本",
}

# 二级 names; "…指标" is dropped when normalising (数量指标 → 数量).
LEVEL2_PARENT: dict[str, str] = {
    "数量": "产出",
    "质量": "产出",
    "时效": "产出",
    "经济效益": "效益",
    "社会效益": "效益",
    "生态效益": "效益",
    "环境效益": "效益",
    "可持续影响": "效益",
    "服务对象满意度": "满意度",
    "经济成本": "成本",
    "社会成本": "成本",
    "生态环境成本": "成本",
}

# Frames by version: which 一级 exist and where 成本 sits. Parameters, not constants.
FRAMES: dict[str, dict[str, object]] = {
    "2015-88": {
        "level1": ("产出", "效益", "满意度"),
        "level2": {
            "产出": ("数量", "质量", "时效", "成本"),
            "效益": ("经济效益", "社会效益", "生态效益", "可持续影响"),
            "满意度": ("服务对象满意度",),
        },
    },
    "2021-101": {
        "level1": ("成本", "产出", "效益", "满意度"),
        "level2": {
            "成本": ("经济成本", "社会成本", "生态环境成本"),
            "产出": ("数量", "质量", "时效"),
            "效益": ("经济效益", "社会效益", "生态效益", "可持续影响"),
            "满意度": ("服务对象满意度",),
        },
    },
}


# the number some tables put before a level's name: 一、产出指标, （一）社会效益指标, 1.数量指标, ①质量
# (① is looked for before NFKC, which makes it a bare 1)
_NUMBERED = re.compile(r"^(?:\(?[一二三四五六七八九十]{1,3}[)、.]|\(?\d{1,2}[)、.](?!\d))")
_CIRCLED = re.compile(r"^\s*[①-⑳]")


def _key(text: str) -> str:
    s = unspaced(unicodedata.normalize("NFKC", _CIRCLED.sub("", text)))
    return _NUMBERED.sub("", s).strip("：:()（）")


@memo(1024)
def normalise_level1(text: str | None) -> str | None:
    """ "效益指标" → "效益"; anything else → None (the caller keeps the raw text)."""
    if not text:
        return None
    key = _key(text)
    if key in LEVEL1_SYNONYMS:
        return LEVEL1_SYNONYMS[key]
    m = re.match(r"^(产出|效益|满意度|成本)(指标|目标)?[\(（]?\d*分?[\)）]?$", key)
    return m.group(1) if m else None


@memo(1024)
def normalise_level2(text: str | None) -> str | None:
    """ "数量指标" → "数量"; unknown names are kept as printed, lightly cleaned."""
    if not text:
        return None
    key = _key(text)
    if not key:
        return None
    bare = key[:-2] if key.endswith("指标") else key
    return bare or key


def level1_of_level2(level2: str | None) -> str | None:
    return LEVEL2_PARENT.get(level2 or "")
