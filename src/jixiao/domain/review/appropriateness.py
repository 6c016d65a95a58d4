"""Appropriateness (适当性): is the target sensible — ambitious enough, in the right direction, in the right place?"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from jixiao.domain.review.context import (
    CellFacts,
    ReviewContext,
    goal_facts,
    its_own,
    table_finding,
    table_label,
)
from jixiao.domain.review.finding import BASIS_88, BASIS_101, PRACTICE, Finding, rule

FAMILY = "appropriateness"
# A measurable result: a number (not a year, a document number or a quoted slogan), a percent, or "零…".
_BUDGET_EXECUTION = re.compile(r"(预算|资金)(执行|支付|拨付)(率|进度)")


def _maybe_percent(c: CellFacts) -> bool:
    """The cells can hold a percentage: a number in %, or a bare number on a rate or satisfaction."""
    return c.target.number is not None and (c.is_percent or (not c.unit and (c.is_rate or c.is_satisfaction)))


@rule("satisfaction-below-floor", family=FAMILY, severity="error", title="满意度目标过低", basis=PRACTICE)
def satisfaction_below_floor(ctx: ReviewContext) -> Iterator[Finding]:
    floor = ctx.params.satisfaction_floor
    for c, facts in ctx.matching_groups(_maybe_percent):
        value = c.target.number
        if value is None or value >= floor:
            continue  # most satisfaction targets: the group at once
        for f in facts:
            if not (c.is_satisfaction or f.ind.level1 == "满意度") or f.ind.operator in ("<", "<="):
                continue
            yield f.finding(
                "satisfaction-below-floor",
                ctx.params.satisfaction_severity,
                f"{f.label}的满意度目标「{f.value_raw.strip()}」（即 {value}%）低于通常不低于 {floor}% 的要求。"
                f"请按实际设定，一般写成「≥{max(floor, Decimal(90))}%」。",
                PRACTICE,
            )


@rule("zero-target-not-zero", family=FAMILY, severity="error", title="“零”目标的指标值不是0", basis=BASIS_88)
def zero_target_not_zero(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: c.is_zero_target and c.target.number is not None):
        if not f.is_zero_target or f.target.number is None:
            continue
        wrong_value = f.target.number != 0
        wrong_direction = f.ind.operator in (">=", ">")
        if wrong_value or wrong_direction:
            what = f"指标值却是「{f.value_raw.strip()}」" if wrong_value else f"方向却是「{f.ind.operator}」"
            yield f.finding(
                "zero-target-not-zero",
                "error",
                f"{f.label}承诺的是“零”（越少越好），{what}。请把指标值写成「≤0{f.display_unit}」或「＝0{f.display_unit}」。",
                BASIS_88,
            )


@rule("degenerate-target", family=FAMILY, severity="warning", title="目标值超出可能范围", basis=PRACTICE)
def degenerate_target(ctx: ReviewContext) -> Iterator[Finding]:
    for c, facts in ctx.matching_groups(lambda c: c.is_rate and _maybe_percent(c)):
        value = c.target.number
        if value is None or value < 100:
            continue  # most rates: the group at once
        for f in facts:
            op = f.ind.operator
            if value > 100 or (value == 100 and op == ">"):
                yield f.finding(
                    "degenerate-target",
                    "error",
                    f"{f.label}的目标「{f.value_raw.strip()}」超过了比率的上限 100%，无法实现。请改为可达到的目标。",
                    PRACTICE,
                )
            elif value == 100 and op == ">=":
                yield f.finding(
                    "degenerate-target",
                    "warning",
                    f"{f.label}写成「{f.value_raw.strip()}」：比率最高为 100%，“≥100%”只能恰好等于 100%。请写成「＝100%」。",
                    PRACTICE,
                )


def _quote(text: str, limit: int = 40) -> str:
    text = text.strip(" \t\r\n\u3000")
    return text[:limit] + ("…" if len(text) > limit else "")


@rule("goal-boilerplate", family=FAMILY, severity="warning", title="绩效目标套用同一句话", basis=BASIS_88)
def goal_boilerplate(ctx: ReviewContext) -> Iterator[Finding]:
    tables_of: dict[str, list[int]] = defaultdict(list)
    printed: dict[str, str] = {}
    for t, table in ctx.tables():
        for key, sentence in goal_facts(table.goal or "").sentences:
            printed.setdefault(key, sentence)
            ts = tables_of[key]
            if not ts or ts[-1] != t:  # tables come in order: a sentence twice in one goal counts once
                ts.append(t)
    flagged: set[int] = set()
    for key, ts in tables_of.items():
        sentence = printed[key]
        if len(ts) < ctx.params.goal_boilerplate_min_tables:
            continue
        for t in ts:
            if t in flagged:
                continue
            flagged.add(t)
            table = ctx.doc.tables[t]
            others = "、".join(f"表{o + 1}" for o in ts if o != t)
            yield table_finding(
                t,
                table,
                "goal-boilerplate",
                "warning",
                f"{table_label(t, table)}的绩效目标「{_quote(sentence)}」与{others}一字不差，"
                f"是套用的通用表述。请写出{its_own(table)}特有的年度产出和效果。",
                BASIS_88,
            )


@rule(
    "goal-not-measurable", family=FAMILY, severity="warning", title="绩效目标没有可衡量的结果", basis=BASIS_88
)
def goal_not_measurable(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        goal = goal_facts(table.goal or "")
        if not goal.folded:
            continue
        if not goal.measurable:
            problem = "没有写明可衡量的结果（数量、质量、时限或效果）"
        elif len(goal.folded) < ctx.params.goal_min_chars:
            # a number in a few words ("维护道路50公里"): measurable, but no account of the year's work
            problem = f"只有 {len(goal.folded)} 个字，过于简略，说不清全年的主要产出和效果"
        else:
            continue
        yield table_finding(
            t,
            table,
            "goal-not-measurable",
            "warning",
            f"{table_label(t, table)}的绩效目标「{_quote(table.goal or '')}」{problem}。"
            "目标应细化量化，如“年内化解信访积案 30 件以上”。",
            BASIS_88,
        )


@rule("misfiled-indicator", family=FAMILY, severity="warning", title="指标归类不当", basis=BASIS_101)
def misfiled_indicator(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: c.is_satisfaction or bool(_BUDGET_EXECUTION.search(c.bare_name))):
        level1, level2 = f.ind.level1, f.ind.level2 or ""
        if f.is_satisfaction and (level1 == "效益" or level2 == "质量"):
            where = "效益指标" if level1 == "效益" else "质量指标"
            yield f.finding(
                "misfiled-indicator",
                "warning",
                f"{f.label}衡量的是满意度，却归在{where}下。满意度应单列为满意度指标，不能代替效益指标。",
                BASIS_101,
            )
        elif _BUDGET_EXECUTION.search(f.bare_name) and (level2 == "数量" or level1 in ("产出", "效益")):
            yield f.finding(
                "misfiled-indicator",
                "warning",
                f"{f.label}是预算执行情况，不是产出或效益。预算执行率在自评时单独计 10 分，不应作为绩效指标。",
                BASIS_101,
            )
