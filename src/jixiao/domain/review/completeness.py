"""Completeness (完整性): is everything a target table must state there, and filled in?"""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter

from jixiao.domain.cache import memo
from jixiao.domain.review.context import (
    ReviewContext,
    dimension_of,
    goal_facts,
    its_own,
    table_finding,
    table_label,
)
from jixiao.domain.review.finding import BASIS_88, BASIS_101, Finding, rule

FAMILY = "completeness"


@rule("table-name-missing", family=FAMILY, severity="error", title="项目名称缺失", basis=BASIS_88)
def table_name_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if table.kind == "project" and not (table.name or "").strip():
            yield table_finding(
                t,
                table,
                "table-name-missing",
                "error",
                f"{table_label(t, table)}没有填写项目（专项资金）名称。请填写与预算项目一致的名称。",
                BASIS_88,
            )


@rule("goal-missing", family=FAMILY, severity="error", title="绩效目标缺失", basis=BASIS_88)
def goal_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if not goal_facts(table.goal or "").folded:
            yield table_finding(
                t,
                table,
                "goal-missing",
                "error",
                f"{table_label(t, table)}没有填写年度绩效目标。请用一两句话写明本年度要达到的产出和效果。",
                BASIS_88,
            )


@rule("budget-missing", family=FAMILY, severity="error", title="预算金额缺失", basis=BASIS_88)
def budget_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if table.budget_total is None:
            yield table_finding(
                t,
                table,
                "budget-missing",
                "error",
                f"{table_label(t, table)}没有填写预算金额（年度资金总额）。目标须与资金对应，请填写本年度预算。",
                BASIS_88,
            )


@rule("indicators-missing", family=FAMILY, severity="error", title="没有绩效指标", basis=BASIS_88)
def indicators_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if not table.indicators:
            yield table_finding(
                t,
                table,
                "indicators-missing",
                "error",
                f"{table_label(t, table)}没有任何绩效指标。请至少设置产出指标和效益指标。",
                BASIS_88,
            )


@rule("level1-missing", family=FAMILY, severity="error", title="缺少必设的一级指标", basis=BASIS_101)
def level1_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if not table.indicators:
            continue
        frame = ctx.department_frame(table)
        if frame is not None:
            covered = [d for d in frame.dimensions if d in {dimension_of(i) for i in table.indicators}]
            if len(covered) < frame.min_dimensions:
                yield table_finding(
                    t,
                    table,
                    "level1-missing",
                    "error",
                    f"{table_label(t, table)}的一级指标只覆盖了{'、'.join(covered)}，{frame.basis}要求覆盖"
                    f"{'、'.join(frame.dimensions)}中的{frame.min_dimensions}类以上。请补充其他方面的指标。",
                    frame.basis,
                )
            continue
        present = {i.level1 for i in table.indicators}
        for category in ctx.params.required_level1.get(table.kind, ()):
            if category not in present:
                have = "、".join(c for c in ("成本", "产出", "效益", "满意度") if c in present) or "无"
                yield table_finding(
                    t,
                    table,
                    "level1-missing",
                    "error",
                    f"{table_label(t, table)}没有{category}指标（现有：{have}）。"
                    f"{_WHO[table.kind]}原则上都应设置产出指标和效益指标，请补充反映{_hint(category, table.kind)}的{category}指标。",
                    BASIS_101,
                )


_WHO = {"project": "每个项目", "department": "部门整体绩效目标"}
_DOING = {"project": "项目实施", "department": "部门履职"}


def _hint(category: str, kind: str) -> str:
    return {
        "效益": f"{_DOING[kind]}带来的经济、社会、生态效益或可持续影响",
        "产出": "数量、质量、时效",
        "满意度": "服务对象满意程度",
        "成本": "经济成本",
    }.get(category, category)


_LEVEL1, _LEVEL2 = attrgetter("level1"), attrgetter("level2")


@memo(8)
def _cost_words(keywords: tuple[str, ...], exceptions: tuple[str, ...]) -> re.Pattern[str]:
    """The keywords that make a project 工程基建, and the exceptions (体系建设 builds nothing), which
    are tried first at each place so that their 建设 does not count. All plain words: the regex
    engine skips to their first characters."""
    words = [*sorted(exceptions, key=len, reverse=True), *keywords]
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _names_construction(text: str, keywords: tuple[str, ...], exceptions: tuple[str, ...]) -> bool:
    return any(m[0] not in exceptions for m in _cost_words(keywords, exceptions).finditer(text))


@rule("cost-indicator-missing", family=FAMILY, severity="info", title="未设成本指标", basis=BASIS_101)
def cost_indicator_missing(ctx: ReviewContext) -> Iterator[Finding]:
    p = ctx.params
    for t, table in ctx.tables():
        if not table.indicators or "成本" in map(_LEVEL1, table.indicators):
            continue
        if "成本" in map(_LEVEL2, table.indicators):
            continue  # the 88号 frame's 成本指标 under 产出指标 is the table's cost indicator
        frame = ctx.department_frame(table)
        if frame is not None and any(
            "成本" in d and d in frame.dimensions for d in map(dimension_of, table.indicators)
        ):
            continue  # a local frame's own cost dimension (重庆: 运行成本) is the table's cost indicator
        text = (table.name or "") + (table.overview or "")
        required = table.kind == "project" and _names_construction(
            text, p.cost_required_keywords, p.cost_required_not
        )
        severity = p.cost_severity_required if required else p.cost_severity_otherwise
        why = (
            "工程基建类、大型修缮及购置项目应设置成本指标"
            if required
            else "101号要求逐步在具备条件的项目中设置成本指标"
        )
        yield table_finding(
            t,
            table,
            "cost-indicator-missing",
            severity,
            f"{table_label(t, table)}没有成本指标：{why}。建议按预算支出标准设置单位成本或总成本控制指标"
            + (
                f"（总成本不应超过本表预算 {table.budget_total}{ctx.doc.money_unit}）。"
                if table.budget_total
                else "。"
            ),
            BASIS_101,
        )


@rule(
    "placeholder-left",
    family=FAMILY,
    severity="error",
    title="模板占位符未替换",
    basis="审核实务（一体化系统校验）",
)
def placeholder_left(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: c.placeholder is not None):
        cell = {"指标名称": f.ind.name, "指标值": f.value_raw}.get(f.placeholder or "") or f.ind.raw.get(
            "unit", ""
        )
        yield f.finding(
            "placeholder-left",
            "error",
            f"{f.label}的{f.placeholder}「{cell.strip()}」是模板占位内容，未填写实际内容。"
            f"请替换为{its_own(f.table)}的实际{f.placeholder}。",
            "审核实务（一体化系统校验）",
        )


@rule("indicator-name-missing", family=FAMILY, severity="error", title="指标名称缺失", basis=BASIS_88)
def indicator_name_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: not c.name):
        if not f.name:
            yield f.finding(
                "indicator-name-missing",
                "error",
                f"{table_label(f.table_index, f.table)}第{f.index + 1}行填了指标值「{f.value_raw}」却没有指标名称。请写明衡量的是什么。",
                BASIS_88,
            )


@rule("weight-missing", family=FAMILY, severity="warning", title="指标权重缺失", basis="审核实务")
def weight_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for row in ctx.facts:
        if not any(f.ind.weight is not None for f in row):
            continue  # a template without weights: weights are not this table's practice
        for f in row:
            if f.ind.weight is None:
                yield f.finding(
                    "weight-missing",
                    "warning",
                    f"{f.label}没有权重（原文「{f.weight_raw}」），而本表其他指标都有。请填写权重，使合计符合规定。",
                    "审核实务",
                )


@rule("level1-unknown", family=FAMILY, severity="warning", title="一级指标无法识别", basis=BASIS_101)
def level1_unknown(ctx: ReviewContext) -> Iterator[Finding]:
    frames = {t: ctx.department_frame(table) for t, table in ctx.tables()}
    for f in ctx.indicators():
        if f.ind.level1 is None and f.name:
            frame = frames[f.table_index]
            if frame is not None and dimension_of(f.ind) in frame.dimensions:
                continue  # a dimension of the local frame the table follows
            printed = f.ind.raw.get("level1") or f.ind.raw.get("operator") or "空"
            yield f.finding(
                "level1-unknown",
                "warning",
                f"{f.label}的一级指标（原文「{printed}」）不是产出、效益、满意度、成本之一。请归入其中一类。",
                BASIS_101,
            )
