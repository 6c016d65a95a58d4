"""What a target cell holds → operator, number, unit and text.

    "≥90%" → (>=, 90, %)       "≤0人次" → (<=, 0, 人次)      "95%以上" → (>=, 95, %)
    "不低于90%" → (>=, 90, %)   "250万" → (None, 250, 万)     "优良" → (qualitative, text 优良)
    "2023.07-2024.01" → a period      "≥**个" → a placeholder left unfilled

The cell is never "fixed": the caller keeps `raw` beside the parse.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Literal

from jixiao.domain.cache import memo
from jixiao.domain.model import Operator

TargetKind = Literal["number", "range", "ratio", "text", "period", "date", "placeholder", "operator", "empty"]

# Longest first, so "不低于" wins over "低于" and ">=" over ">".
_PREFIX_OPERATORS: list[tuple[str, Operator]] = sorted(
    [
        (">=", ">="),
        ("=>", ">="),
        ("≥", ">="),
        ("≧", ">="),
        ("⩾", ">="),
        ("大于等于", ">="),
        ("大于或等于", ">="),
        ("不低于", ">="),
        ("不少于", ">="),
        ("不小于", ">="),
        ("至少", ">="),
        ("最少", ">="),
        ("达到", ">="),
        ("达", ">="),
        (">", ">"),
        ("大于", ">"),
        ("高于", ">"),
        ("超过", ">"),
        ("多于", ">"),
        ("<=", "<="),
        ("=<", "<="),
        ("≤", "<="),
        ("≦", "<="),
        ("⩽", "<="),
        ("小于等于", "<="),
        ("小于或等于", "<="),
        ("不高于", "<="),
        ("不超过", "<="),
        ("不多于", "<="),
        ("最多", "<="),
        ("不大于", "<="),
        ("控制在", "<="),
        ("<", "<"),
        ("小于", "<"),
        ("低于", "<"),
        ("少于", "<"),
        ("==", "="),
        ("=", "="),
        ("等于", "="),
    ],
    key=lambda p: -len(p[0]),
)
_SUFFIX_OPERATORS: list[tuple[str, Operator]] = sorted(
    [
        ("以上", ">="),
        ("及以上", ">="),
        ("或以上", ">="),
        ("以上(含)", ">="),
        ("以下", "<="),
        ("及以下", "<="),
        ("或以下", "<="),
        ("以内", "<="),
        ("之内", "<="),
        ("(含)以上", ">="),
        ("(含)以下", "<="),
    ],
    key=lambda p: -len(p[0]),
)
# 指标性质 / 计算符号 cells that hold only a direction.
_OPERATOR_WORDS: dict[str, Operator] = {
    **{k: v for k, v in _PREFIX_OPERATORS},
    "正向": ">=",
    "正向指标": ">=",
    "反向": "<=",
    "反向指标": "<=",
    "定性": "qualitative",
    "定性指标": "qualitative",
}
# a word for a direction rather than a sign: what an 指标方向 column holds beside 指标性质
_DIRECTION_WORDS = ("正向", "反向")
# "定量" (and 合肥's "定量（其他）") says a value is a number, not which way it should go: no direction,
# but a word a 指标性质 / 计算符号 cell holds all the same
NO_DIRECTION = frozenset({"定量", "定量指标", "定量(其他)"})

_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_PER_PERIOD = re.compile(r"每(?:个)?(?P<per>半年|年度|年|季度|季|月|周|日|天|学期)")
# a template's blank left unfilled: ≥**个, XX%, ____, 【】, ( )%, or a sign with only its unit (≥%)
_PLACEHOLDER = re.compile(
    r"\*|＊|[xX]{2,}|_{2,}|^指标\d+$|^[\(（]?(填写|请填写)|【】|\[\]|\(\)|（）"
    r"|^(?:[<>=≥≤≧≦≠]+|不(?:低|少|高|多)于|不超过)"
    r"(?:[^\d\w]{1,2}|%|‰|个|人|次|人次|天|日|月|年|元|万元|家|所|项|件|台|辆|公里|平方米)$"
)
_PERIOD = re.compile(
    r"^(?P<y1>\d{4})[.年/-](?P<m1>\d{1,2})月?(?:[.月/-]\d{1,2}日?)?"
    r"(?:-|—|–|~|～|至|到)"
    r"(?P<y2>\d{4})[.年/-](?P<m2>\d{1,2})月?(?:[.月/-]\d{1,2}日?)?$"
)
_DATE = re.compile(r"^(?P<y>\d{4})[.年/-](?P<m>\d{1,2})月?(?:[.月/-]?(?P<d>\d{1,2})日?)?(?P<rest>.*)$")
_RANGE = re.compile(
    r"(?P<lo>\d+(?:\.\d+)?)(?P<percent>%?)(?:-|~|～|—|–|至|到)(?P<hi>\d+(?:\.\d+)?)(?P=percent)(?P<unit>\D*)"
)
_ABOUT = re.compile(r"(?:约|大约)?(?P<number>.+?)(?:左右|上下)?")
_REMARK = re.compile(r"[(（][^()（）]*[)）]$")
_DEADLINE = ("前", "以前", "之前", "底前", "末前", "底", "前完成", "底前完成")
_PART_OF_YEAR_DEADLINE = re.compile(
    r"^(年底|年末|年内|上半年|下半年|第?[一二三四1-4]季度(末|底)?)(前|以前|之前|内)?(完成|完工)?$"
)
_RATIO = re.compile(r"^\d+(\.\d+)?[:：比]\d+(\.\d+)?$")
_PERCENT_AND_WORD = re.compile(r"^%(完成|达标|覆盖|到位|及以上|合格)$")
_MONTH_DEADLINE = re.compile(r"^(?P<m>\d{1,2})月(底|末|中旬|上旬|下旬)?(前|以前|之前)?(完成|完工)?$")


@dataclass(frozen=True)
class Target:
    raw: str
    kind: TargetKind
    operator: Operator | None = None
    number: Decimal | None = None
    unit: str | None = None
    text: str | None = None
    period: tuple[str, str] | None = None  # ("2023-07", "2024-01")

    @property
    def value(self) -> str | None:
        """The interchange `value`: the number as a decimal string, or the text."""
        if self.number is not None:
            return str(self.number)
        return self.text


# Unit signs NFKC would spell out ("㎡" → "m2"): keep them as printed.
_KEEP = frozenset("㎡㎥㎞㎏㎎㎝㎜℃‰")


def unspaced(text: str) -> str:
    """The text without whitespace, the ideographic space too: what re.sub(r"\\s+", "", text) gives,
    five times as fast (str.split and the regex's \\s know the same whitespace)."""
    return "".join(text.split())


@memo(1 << 16)
def normalise_text(text: str) -> str:
    """NFKC (full-width ＞＝％１２ → >=%12) and no spaces; Chinese punctuation and unit signs stay.

    Cached: tables repeat the same cells (units, 满意度 rows, values) thousands of times.
    """
    if not text.isascii():
        text = nfkc(text)
    return unspaced(text)


# Full-width ASCII (！…～) and the ideographic space: what NFKC changes in almost every Chinese cell.
# A str.translate table indexed by code point (a character past it is kept): twice as fast as a
# dict, which translate looks up, and misses, for every other character of a Chinese text.
_FULLWIDTH = list(range(0x10000))
for _c in range(0xFF01, 0xFF5F):
    _FULLWIDTH[_c] = _c - 0xFEE0
_FULLWIDTH[0x3000] = 0x20


_WIDE = re.compile("[\uff01-\uff5e\u3000]")


def fold_fullwidth(text: str) -> str:
    """Full-width ASCII and the ideographic space → ASCII, every other character in its place (a
    separator stays one): enough to compare sentences, far cheaper than NFKC. A sentence holds a
    few kinds of them (，％): one replace() each is faster than translate() of every character."""
    for wide in set(_WIDE.findall(text)):
        text = text.replace(wide, chr(_FULLWIDTH[ord(wide)]))
    return text


def nfkc(text: str) -> str:
    """NFKC, fast for Chinese text: full-width forms by table, the rest only when still needed."""
    text = text.translate(_FULLWIDTH)
    if unicodedata.is_normalized("NFKC", text):
        return text
    if _KEEP.isdisjoint(text):
        return unicodedata.normalize("NFKC", text)
    return "".join(c if c in _KEEP else unicodedata.normalize("NFKC", c) for c in text)


def is_direction_word(text: str) -> bool:
    """ "正向", "反向指标": a direction named in words (指标方向), not a sign (≥) nor 定性."""
    return parse_operator(text) is not None and normalise_text(text).startswith(_DIRECTION_WORDS)


@memo(1 << 12)
def parse_operator(text: str | None) -> Operator | None:
    """A cell that holds only a direction: "≥", "＞", "＝", "正向", "定性" …; else None."""
    if not text:
        return None
    return _OPERATOR_WORDS.get(normalise_text(text))


# a sentence's end or a list's separator after a target ("≥95%。", "≥95%；")
_TRAILING_MARKS = "。；;，,、"
# letters a scan's text recognition reads for digits: O for 0 beside a digit ("9O%", "1OO"), l or I for
# 1 before digits ("l00%")
_OCR_ZERO = re.compile(r"(?<=\d)[Oo]+|[Oo]+(?=\d)")
_OCR_ONE = re.compile(r"(?<![A-Za-z])[lI](?=\d)")


def _ocr_digits(text: str) -> str:
    """Digits a text recognition misread as letters, where they stand among digits; else as is."""
    if not any(c in text for c in "OolI") or not any(c.isdigit() for c in text):
        return text
    return _OCR_ONE.sub("1", _OCR_ZERO.sub(lambda m: "0" * len(m.group(0)), text))


@memo(1 << 16)
def parse_target(raw: str | None) -> Target:
    """Cached: a Target is immutable, and the same cells recur across tables."""
    raw = raw or ""
    s = normalise_text(raw).rstrip(_TRAILING_MARKS) if raw else ""
    if not s:
        return Target(raw=raw, kind="empty")
    read = _ocr_digits(s)
    if read != s:  # "≥9O%": a number once its misread digits are put right; else the text as printed
        target = parse_target(read)
        if target.kind == "number":
            return replace(target, raw=raw)
    if _PLACEHOLDER.search(s):
        return Target(raw=raw, kind="placeholder", text=s)
    if (op := parse_operator(s)) is not None and op != "qualitative" and not _NUMBER.search(s):
        return Target(raw=raw, kind="operator", operator=op)

    m = _PERIOD.match(s)
    if m:
        start = f"{m['y1']}-{int(m['m1']):02d}"
        end = f"{m['y2']}-{int(m['m2']):02d}"
        return Target(raw=raw, kind="period", text=s, period=(start, end))

    operator, body = _leading_operator(s)
    for word, op in _SUFFIX_OPERATORS:
        if body.endswith(word):
            operator = operator or op
            body = body[: -len(word)]
            for lead in ("保持在", "在"):  # "在95%以上"
                if body.startswith(lead) and _NUMBER.match(body[len(lead) :]):
                    body = body[len(lead) :]
                    break
            break
    else:
        # "约50人", "95%左右": a number all the same, with no direction
        about = _ABOUT.fullmatch(body)
        if about and _NUMBER.match(about["number"]):
            body = about["number"]

    m = _DATE.match(body)
    if m and 1 <= int(m["m"]) <= 12 and (m["rest"] in _DEADLINE or m["rest"] == ""):
        if m["rest"] in _DEADLINE:
            operator = operator or "<="
        return Target(raw=raw, kind="date", operator=operator, text=s)

    m = _MONTH_DEADLINE.match(body)
    if m and 1 <= int(m["m"]) <= 12:
        return Target(raw=raw, kind="date", operator=operator or "<=", text=s)
    if _PART_OF_YEAR_DEADLINE.match(body):  # "年底前", "第三季度末前", "上半年": a deadline in the year
        return Target(raw=raw, kind="date", operator=operator or "<=", text=s)
    if _RATIO.match(body):  # "1:1.5" (配套资金比例): measurable as it stands
        return Target(raw=raw, kind="ratio", operator=operator, text=s)

    body = _REMARK.sub("", body) or body  # "≥95%（计划标准）": the remark says where the value came from
    per = _PER_PERIOD.match(body)
    if per:  # a frequency: "每月1次", "每季度至少1次" is 1 次/月, 1 次/季度 (as "1次/月" reads)
        after, rest = _leading_operator(body[per.end() :])
        operator = operator or after
        m = _NUMBER.match(rest)
        count_unit = rest[m.end() :] if m else ""
        if m and count_unit and not _NUMBER.search(count_unit):
            number = Decimal(m.group(0).replace(",", ""))
            return Target(
                raw=raw, kind="number", operator=operator, number=number, unit=f"{count_unit}/{per['per']}"
            )
    m = _RANGE.fullmatch(body)
    if m and Decimal(m["lo"]) < Decimal(m["hi"]) and not _NUMBER.search(m["unit"]):
        # "1-2次", "95%-98%": a target between two numbers, measurable as it stands
        return Target(raw=raw, kind="range", text=s, unit=(m["percent"] or m["unit"]) or None)
    m = _NUMBER.match(body)
    if m:
        unit = body[m.end() :] or None
        if unit and _PERCENT_AND_WORD.match(unit):  # "100%完成", "95%达标": the word says nothing more
            unit = "%"
        # A unit that is itself text with numbers ("3个月内完成") is not a unit: keep it as text;
        # a rate per a population ("10/10万", "/100万人") is one.
        if unit is None or not _NUMBER.search(unit) or _PER_POPULATION.fullmatch(unit):
            number = Decimal(m.group(0).replace(",", ""))
            return Target(raw=raw, kind="number", operator=operator, number=number, unit=unit)
    named = _NAMED_MEASURE.match(s)
    if named:  # "完成率≥95%", "验收合格率100%": the measure named again before its target
        target = parse_target(named["rest"])
        if target.kind == "number":
            return replace(target, raw=raw)
    return Target(raw=raw, kind="text", operator="qualitative", text=s)


# a target that names its measure first: a few Chinese characters ending in a measure word, then a
# direction or a number ("完成率≥95%", "满意度达到90%", "合格率100%")
_NAMED_MEASURE = re.compile(
    r"^[\u4e00-\u9fff]{0,12}(?:[\u4e00-\u9fff]率|满意度|知晓度|比例|占比|比重)(?P<rest>(?:[≥≤><=]|不低于|不高于|不少于|不超过|达到|大于|小于|高于|低于)?\d.*)$"
)


_PER_POPULATION = re.compile(r"/\d*(?:\.\d+)?[十百千万亿]+[人户例次名]{0,2}")


def _leading_operator(text: str) -> tuple[Operator | None, str]:
    """A direction the text starts with ("≥", "不低于", "至少" …) and the text after it."""
    for word, op in _PREFIX_OPERATORS:
        if text.startswith(word):
            return op, text[len(word) :]
    return None, text


_DEPARTMENT_CODE = re.compile(
    r"^\s*[\[【(（]\s*\d{2,}\s*[\]】)）]\s*"  # [201]某局
    r"|^\s*\d{3,}(?:\s*[-－—_:：、.]\s*|\s+)(?!年)"  # 201-某局, 201001 某局 (not 12345热线服务中心)
    r"|\s*[\[【(（]\s*\d{2,}\s*[\]】)）]\s*$"  # 某局（201）
)


def department_name(printed: str) -> str:
    """A department as printed under 主管部门及代码 ("[201]某区城市管理局", "201-某区城市管理局",
    "某区城市管理局（201）") → its name alone, so that one department is one, whichever way it is coded."""
    name = _DEPARTMENT_CODE.sub("", printed).strip()
    return name or printed.strip()


def is_per_population_unit(unit: str | None) -> bool:
    """ "/10万", "/万人", "/千例": a rate per so many people, as health statistics give it."""
    return bool(_PER_POPULATION.fullmatch(normalise_text(unit or "")))


def is_percent_unit(unit: str | None) -> bool:
    return normalise_text(unit or "") in ("%", "百分比", "百分率", "百分点", "个百分点", "‰")
