"""Consistency (相互匹配): do the cells of a table agree with each other and with the money?"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from decimal import Decimal

from jixiao.domain.model import BudgetLine, budget_cell
from jixiao.domain.money import format_amount
from jixiao.domain.review.context import IndicatorFacts, ReviewContext, table_finding, table_label
from jixiao.domain.review.finding import BASIS_10, BASIS_88, PRACTICE, Finding, rule

FAMILY = "consistency"


def _fmt(n: Decimal) -> str:
    return format(n.normalize(), "f") if n == n.to_integral_value() else str(n)


def _name_target(f: IndicatorFacts) -> str:
    return "、".join(f"{_fmt(n)}{u}" for n, u in f.name_numbers)


def _same_scale(f: IndicatorFacts, unit: str) -> bool:
    """The value can be compared with a number written in the name with `unit`."""
    if unit == "%":
        return f.is_percent or not f.unit
    return not f.unit or f.unit == unit


@rule("value-in-name", family=FAMILY, severity="warning", title="目标值写进了指标名称", basis=PRACTICE)
def value_in_name(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: bool(c.name_numbers)):
        if f.name_numbers:
            yield f.finding(
                "value-in-name",
                "warning",
                f"{f.label}的名称里写了目标值「{_name_target(f)}」。名称只写衡量什么（如「{f.bare_name}」），"
                "目标值应填在指标值一栏，否则名称与指标值容易不一致。",
                PRACTICE,
            )


@rule(
    "name-value-conflict", family=FAMILY, severity="error", title="名称中的数值与指标值矛盾", basis=BASIS_88
)
def name_value_conflict(ctx: ReviewContext) -> Iterator[Finding]:
    for f in ctx.matching(lambda c: bool(c.name_numbers) and c.target.number is not None):
        value = f.target.number
        if value is None:
            continue
        for n, unit in f.name_numbers:
            if _same_scale(f, unit) and n != value:
                yield f.finding(
                    "name-value-conflict",
                    "error",
                    f"{f.label}的名称写的是「{_fmt(n)}{unit}」，指标值却是「{f.value_raw.strip()}」，两者矛盾。"
                    f"请核实年度目标，名称与指标值保持一致（目标值只填在指标值一栏）。",
                    BASIS_88,
                )
                break


@rule("values-copied-from-weights", family=FAMILY, severity="error", title="指标值抄成了权重", basis=PRACTICE)
def values_copied_from_weights(ctx: ReviewContext) -> Iterator[Finding]:
    for same in ctx.copied_from_weights():
        t = same[0].table_index
        table = same[0].table
        yield table_finding(
            t,
            table,
            "values-copied-from-weights",
            "error",
            f"{table_label(t, table)}有 {len(same)} 个指标的指标值与其权重相同：指标值一栏填的是权重，不是年度目标。"
            "请逐项填写真实的目标值。",
            PRACTICE,
        )
        for f in same:
            yield f.finding(
                "values-copied-from-weights",
                "error",
                f"{f.label}的指标值「{f.value_raw.strip()}」等于其权重「{f.weight_raw}」，是抄写的权重而非目标值。"
                f"请填写该指标的年度目标（数值、方向和单位）。",
                PRACTICE,
            )


@rule("weight-total", family=FAMILY, severity="error", title="权重合计不符合规定", basis=BASIS_10)
def weight_total(ctx: ReviewContext) -> Iterator[Finding]:
    allowed = ctx.params.weight_totals
    for t, table in ctx.tables():
        if not table.indicators or any(i.weight is None for i in table.indicators):
            continue
        total = table.weight_total
        # weights printed as fractions (0.3) total 0.9 or 1: the same rule, written differently
        if total not in allowed and total * 100 not in allowed:
            ok = " 或 ".join(_fmt(a) for a in allowed)
            yield table_finding(
                t,
                table,
                "weight-total",
                "error",
                f"{table_label(t, table)}各指标权重合计为 {_fmt(total)}，应为 {ok}（预算执行率另计 10 分时为 90）。请调整权重。",
                BASIS_10,
            )


@rule("budget-lines-sum", family=FAMILY, severity="error", title="资金明细与总额不符", basis=BASIS_88)
def budget_lines_sum(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        # a money block read by columns labels its cells "row·column" (财政拨款·1-7月执行数): only
        # the budget column's parts add up to the total, not the executed amounts or the rates
        # the total row's other columns (年初预算数 beside 全年预算数) are kept as lines named by
        # their column: they are the total again, not a part of it
        columns = {budget_cell(b.label)[1] for b in table.budget_lines} - {""}
        lines = [
            b
            for b in table.budget_lines
            if b.amount is not None
            and budget_cell(b.label)[1] in ("", table.budget_label)
            and b.label not in columns
        ]
        if table.budget_total is None or not lines:
            continue
        if any(b.label.startswith("其中") for b in table.budget_lines):
            continue  # "其中" lines are parts of one line, not of the total
        total = sum((b.amount for b in lines if b.amount is not None), Decimal(0))
        if total != table.budget_total and not _groups_each_make(lines, table.budget_total):
            parts = " + ".join(f"{b.label} {format_amount(b.amount)}" for b in lines if b.amount is not None)
            yield table_finding(
                t,
                table,
                "budget-lines-sum",
                "error",
                f"{table_label(t, table)}资金明细合计 {format_amount(total)}（{parts}）与预算总额 "
                f"{format_amount(table.budget_total)} 不符。请核对金额。",
                BASIS_88,
            )


def _groups_each_make(lines: list[BudgetLine], total: Decimal) -> bool:
    """Whether the lines, in order, fall into two or more runs that each add up to the total: the
    same budget split twice (按收入性质分: 一般公共预算 | 政府性基金预算, then 按支出性质分: 基本支出 |
    项目支出)."""
    groups, running = 0, Decimal(0)
    for b in lines:
        running += b.amount or 0
        if running == total:
            groups, running = groups + 1, Decimal(0)
    return groups >= 2 and running == 0


@rule(
    "projects-exceed-department",
    family=FAMILY,
    severity="error",
    title="项目预算超过部门预算总量",
    basis=BASIS_88,
)
def projects_exceed_department(ctx: ReviewContext) -> Iterator[Finding]:
    depts = [
        (t, table)
        for t, table in ctx.tables()
        if table.kind == "department" and table.budget_total is not None
    ]
    if len(depts) != 1:
        return
    t, dept = depts[0]
    projects = sum((table.budget_total or Decimal(0) for table in ctx.doc.project_tables), Decimal(0))
    if dept.budget_total is not None and projects > dept.budget_total:
        yield table_finding(
            t,
            dept,
            "projects-exceed-department",
            "error",
            f"各项目预算合计 {format_amount(projects)} 超过了{table_label(t, dept)}的部门支出预算总量 "
            f"{format_amount(dept.budget_total)}。请核对部门预算或项目金额。",
            BASIS_88,
        )


@rule("cost-above-budget", family=FAMILY, severity="error", title="成本指标超过预算", basis=BASIS_88)
def cost_above_budget(ctx: ReviewContext) -> Iterator[Finding]:
    unit = ctx.doc.money_unit
    for f in ctx.indicators():
        budget = f.table.budget_total
        if f.ind.level1 != "成本" or budget is None or f.target.number is None:
            continue
        value = f.target.number
        if f.unit == "元" and unit == "万元":
            value = value / 10000
        elif f.unit not in ("万元", unit):
            continue
        if value > budget:
            yield f.finding(
                "cost-above-budget",
                "error",
                f"{f.label}的成本目标「{f.value_raw.strip()}」超过了本表预算 {format_amount(budget)}{unit}。"
                "成本控制目标不应高于预算，请核实。",
                BASIS_88,
            )


@rule("duplicate-indicator", family=FAMILY, severity="warning", title="指标重复", basis=PRACTICE)
def duplicate_indicator(ctx: ReviewContext) -> Iterator[Finding]:
    for row in ctx.facts_with_repeated_names():
        seen: dict[tuple[str, str | None, str], IndicatorFacts] = {}
        for f in row:
            # under two duties (年度履职目标) of a department the same measure is two indicators
            key = (f.name, f.ind.level1, f.ind.raw.get("task", ""))
            if f.name and key in seen:
                first = seen[key]
                yield f.finding(
                    "duplicate-indicator",
                    "warning",
                    f"{f.label}与第{first.index + 1}行重复。同一指标只设一次，请删除或合并。",
                    PRACTICE,
                )
            seen.setdefault(key, f)


@rule(
    "same-measure-two-categories",
    family=FAMILY,
    severity="warning",
    title="同一指标归入两个类别",
    basis=PRACTICE,
)
def same_measure_two_categories(ctx: ReviewContext) -> Iterator[Finding]:
    for row in ctx.facts_with_repeated_names():
        by_name: dict[tuple[str, str], list[IndicatorFacts]] = defaultdict(list)
        for f in row:
            if f.name:  # within one duty (年度履职目标) of a department, as duplicate-indicator
                by_name[(f.name, f.ind.raw.get("task", ""))].append(f)
        for fs in by_name.values():
            cats = {f.ind.level1 for f in fs}
            if len(cats) > 1:
                f = fs[-1]
                yield f.finding(
                    "same-measure-two-categories",
                    "warning",
                    f"{f.label}同时出现在「{'」和「'.join(sorted(c or '未分类' for c in cats))}」两类中。"
                    "同一衡量内容只应归入一个类别。",
                    PRACTICE,
                )


@rule("date-outside-year", family=FAMILY, severity="warning", title="时间超出预算年度", basis=BASIS_88)
def date_outside_year(ctx: ReviewContext) -> Iterator[Finding]:
    for c, facts in ctx.matching_groups(lambda c: c.target.kind in ("period", "date")):
        target = c.target
        years: set[int] = set()  # the years the cells name, once for the rows printed alike
        if target.period:
            years = {int(target.period[0][:4]), int(target.period[1][:4])}
        elif target.kind == "date" and (target.text or "")[:4].isdigit():
            years = {int((target.text or "")[:4])}
        if not years:
            continue
        for f in facts:
            year = f.table.fiscal_year or ctx.doc.fiscal_year
            if year is None or years == {year}:
                continue
            yield f.finding(
                "date-outside-year",
                "warning",
                f"{f.label}的时间「{f.value_raw.strip()}」超出了 {year} 预算年度。年度目标应在本年度内完成；跨年安排请写明本年度应完成的部分。",
                BASIS_88,
            )
