"""Measurability (细化量化): can the target be checked at year end?"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.domain.review.context import ReviewContext
from jixiao.domain.review.finding import BASIS_88, BASIS_101, PRACTICE, Finding, rule
from jixiao.domain.values import is_per_population_unit

FAMILY = "measurability"
_NOT_A_VALUE = {
    "/",
    "-",
    "—",
    "——",
    "无",
    "略",
    "待定",
    "暂无",
    "详见附件",
    "见附件",
    "见说明",
    "另附",
    "不适用",
    "0.00%",
}
# what Excel shows in a cell whose formula failed
EXCEL_ERRORS = frozenset(
    ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]
)
# a target stated against last year ("不低于上年", "较上年提高5%"): no number to score against
_RELATIVE = re.compile(r"上年|去年|上一年|前一年|同期|往年")
_NUMERIC_UNIT = re.compile(r"^[-+]?\d+(\.\d+)?%?$")


@rule("value-missing", family=FAMILY, severity="error", title="指标值缺失", basis=BASIS_88)
def value_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: bool(c.name) and c.target.kind == "empty"):
        yield f.finding(
            "value-missing",
            "error",
            f"{f.label}没有填写指标值。请填写年度目标值，定量指标写数值（如 ≥95%），定性指标写评判等级。",
            BASIS_88,
        )


@rule("value-not-a-value", family=FAMILY, severity="error", title="指标值不是目标值", basis=BASIS_88)
def value_not_a_value(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(
        lambda c: c.value_text in _NOT_A_VALUE or c.value_text in EXCEL_ERRORS or c.target.kind == "operator"
    ):
        printed = f.value_raw.strip()
        why = (
            "是 Excel 公式出错时显示的错误值，公式算不出目标值。请改正公式或直接填写数值。"
            if f.value_text in EXCEL_ERRORS
            else "不是可考核的目标值。请填写具体数值或评判等级。"
        )
        yield f.finding("value-not-a-value", "error", f"{f.label}的指标值「{printed}」{why}", BASIS_88)


@rule(
    "qualitative-grade-unknown",
    family=FAMILY,
    severity="warning",
    title="定性指标值没有评判等级",
    basis=BASIS_88,
)
def qualitative_grade_unknown(ctx: ReviewContext) -> Iterator[Finding]:
    grades = ctx.params.qualitative_grades
    for f in ctx.matching(
        lambda c: (
            c.target.kind == "text" and c.value_text not in _NOT_A_VALUE and c.value_text not in EXCEL_ERRORS
        )
    ):
        text = f.target.text or ""
        if _RELATIVE.search(text):
            yield f.finding(
                "qualitative-grade-unknown",
                "warning",
                f"{f.label}的指标值「{f.value_raw.strip()}」以上年为参照，没有写明数值，年底无法据此打分。"
                "请查明上年实际值，写成具体目标（如上年完成 120 件，写“≥126件”）。",
                BASIS_88,
            )
        elif not any(g in text for g in grades):
            yield f.finding(
                "qualitative-grade-unknown",
                "warning",
                f"{f.label}的定性指标值「{f.value_raw.strip()}」没有可评判的等级。"
                "请写成可分档评判的表述（如“达成年度指标”“效果明显”），或改为定量指标。",
                BASIS_88,
            )


@rule("operator-missing", family=FAMILY, severity="warning", title="未写明指标方向", basis=BASIS_101)
def operator_missing(ctx: ReviewContext) -> Iterator[Finding]:
    # a value copied from the weights is no target: the direction is told without it
    copied = {f for rows in ctx.copied_from_weights() for f in rows}  # the same facts objects
    for f in ctx.matching(lambda c: c.target.kind == "number"):
        if f.ind.operator is not None:
            continue
        read_as = ("≤" if f.is_zero_target else "≤（越低越好）") if f.lower_is_better else "≥"
        if f in copied and not f.is_zero_target:
            better = "越少越好" if f.lower_is_better else "越多越好"
            hint = f"该指标{better}，填写真实的目标值时请写明方向，如「{read_as[0]}××{f.display_unit}」"
        elif f.lower_is_better:
            hint = (
                f"该指标越少越好，应写成「≤{'0' if f.is_zero_target else f.target.number}{f.display_unit}」"
            )
        elif f.is_percent and f.target.number == 100:  # 100% is the ceiling: only "＝" makes sense
            hint = "比率最高为 100%，应写成「＝100%」"
        else:
            hint = f"该指标越多越好，应写成「≥{f.target.number}{f.display_unit}」（或“＝”表示恰好达到）"
        yield f.finding(
            "operator-missing",
            "warning",
            f"{f.label}的指标值「{f.value_raw.strip()}」没有写明方向（≥、≤、＝），只能推断为 {read_as}。{hint}。",
            BASIS_101,
        )


@rule("unit-missing", family=FAMILY, severity="warning", title="定量指标缺少计量单位", basis=BASIS_101)
def unit_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: c.target.kind == "number" and not c.unit):
        yield f.finding(
            "unit-missing",
            "warning",
            f"{f.label}的指标值「{f.value_raw.strip()}」是数值，但没有计量单位。请填写单位（如 人次、件、%）。",
            BASIS_101,
        )


@rule("unit-is-number", family=FAMILY, severity="error", title="计量单位栏填了数字", basis=PRACTICE)
def unit_is_number(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: bool(c.unit_cell and _NUMERIC_UNIT.match(c.unit_cell))):
        yield f.finding(
            "unit-is-number",
            "error",
            f"{f.label}的计量单位栏是数字「{f.ind.raw.get('unit', '').strip()}」，不是单位。"
            "这个数字可能是目标值，请把它移到指标值一栏，并填写真正的计量单位（如 个、次）。",
            PRACTICE,
        )


@rule("rate-not-percent", family=FAMILY, severity="error", title="比率指标不以百分比计量", basis=PRACTICE)
def rate_not_percent(ctx: ReviewContext) -> Iterator[Finding]:
    test = lambda c: (  # noqa: E731
        c.is_rate and bool(c.unit) and not c.is_percent and not _NUMERIC_UNIT.match(c.unit_cell)
        and not is_per_population_unit(c.unit)  # 孕产妇死亡率 ≤10/10万: a rate as health statistics give it
    )  # fmt: skip
    for f in ctx.matching(test):
        yield f.finding(
            "rate-not-percent",
            "error",
            f"{f.label}是比率，计量单位却是「{f.unit}」。比率应以百分比（%）计量，如「≥95%」。",
            PRACTICE,
        )
