"""Self-evaluation (自评表): scores within their points, shortfalls explained, totals that add up.

财预〔2020〕10号: each indicator is scored up to its 分值 by how far its target was met; a target not
met needs its reason (偏差原因) and a plan; the total is the indicators' scores plus the 10 points of
budget execution.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

from jixiao.domain.review.context import IndicatorFacts, ReviewContext, table_finding, table_label
from jixiao.domain.review.finding import BASIS_10, BASIS_136, Finding, rule
from jixiao.domain.values import is_percent_unit, parse_target

FAMILY = "self-evaluation"


def _evaluated(ctx: ReviewContext) -> Iterator[IndicatorFacts]:
    """The indicators of the self-evaluation tables (most documents have none: nothing to walk)."""
    for t, table in ctx.tables():
        if table.stage == "self_evaluation":
            yield from ctx.facts[t]


@rule("score-above-weight", family=FAMILY, severity="error", title="得分超过分值", basis=BASIS_10)
def score_above_weight(ctx: ReviewContext) -> Iterator[Finding]:
    for f in _evaluated(ctx):
        score, points = f.ind.score, f.ind.weight
        if score is not None and points is not None and score > points:
            yield f.finding(
                "score-above-weight",
                "error",
                f"{f.label}的得分 {score} 超过了分值 {points}。每项指标的得分不能超过它的分值，请核对评分。",
                BASIS_10,
            )


def _met(f: IndicatorFacts, actual: Decimal) -> bool | None:
    """Whether the actual value meets the target; None when they cannot be compared."""
    target = f.target.number
    if target is None:
        return None
    operator = _direction(f)
    return {
        ">=": actual >= target,
        ">": actual > target,
        "=": actual == target,
        "<=": actual <= target,
        "<": actual < target,
    }.get(operator)


def _direction(f: IndicatorFacts) -> str:
    """The target's operator, or the one its nature implies when none is written."""
    return f.ind.operator or ("<=" if f.lower_is_better else ">=")


def _actual_number(f: IndicatorFacts) -> Decimal | None:
    """The actual value as a number in the target's unit, or None (text, another unit)."""
    return _in_target_unit(f, f.ind.actual or "")


def _in_target_unit(f: IndicatorFacts, text: str) -> Decimal | None:
    """A value the table states beside the target (实际完成值, 全年预计完成情况) as a number in the
    target's unit, or None (text, another unit)."""
    parsed = parse_target(text)
    if parsed.kind != "number" or parsed.number is None:
        return None
    unit = parsed.unit or ""
    if unit and unit != f.unit and not (is_percent_unit(unit) and f.is_percent):
        return None
    return parsed.number


# what a monitoring table says of a target it may miss (完成可能性: 确定能 / 有可能 / 完全不可能)
_DOUBTFUL = ("有可能", "不可能", "难以", "无法")


@rule("deviation-missing", family=FAMILY, severity="warning", title="未完成目标却未说明原因", basis=BASIS_10)
def deviation_missing(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if table.stage != "monitoring":
            continue
        for f in ctx.facts[t]:
            likely = f.ind.raw.get("likelihood", "")
            if any(word in likely for word in _DOUBTFUL) and not (f.ind.deviation or "").strip():
                yield f.finding(
                    "deviation-missing",
                    "warning",
                    f"{f.label}的完成可能性是「{likely}」，却没有写明偏差原因。运行监控发现目标可能完不成时，"
                    "应说明原因并提出纠偏措施。",
                    BASIS_136,
                )
    for f in _evaluated(ctx):
        if (f.ind.deviation or "").strip() or f.target.kind != "number":
            continue
        actual = _actual_number(f)
        if actual is not None and _met(f, actual) is False:
            yield f.finding(
                "deviation-missing",
                "warning",
                f"{f.label}的实际完成值「{f.ind.actual}」没有达到年度指标值「{f.value_raw.strip()}」，"
                "却没有写明偏差原因。请分析未完成的原因，并写明改进措施。",
                BASIS_10,
            )


@rule("score-total-mismatch", family=FAMILY, severity="error", title="总分与各项得分之和不符", basis=BASIS_10)
def score_total_mismatch(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if table.stage != "self_evaluation" or table.score_total is None or not table.indicators:
            continue
        scores = [i.score for i in table.indicators]
        if any(s is None for s in scores):
            continue
        parts = sum((s for s in scores if s is not None), Decimal(0))
        execution = table.extra.get("预算执行得分", "")
        try:
            budget_points = Decimal(execution) if execution else Decimal(0)
        except ArithmeticError:
            continue
        total = parts + budget_points
        if total != table.score_total:
            with_budget = f" 加预算执行得分 {budget_points}" if execution else ""
            yield table_finding(
                t,
                table,
                "score-total-mismatch",
                "error",
                f"{table_label(t, table)}的总分 {table.score_total} 与各项指标得分之和 {parts}{with_budget}"
                f"（共 {total}）不符。请核对各项得分和总分。",
                BASIS_10,
            )


def formula_score(operator: str, target: Decimal, actual: Decimal, points: Decimal) -> Decimal | None:
    """The most a quantitative indicator scores by 10号's completion proportion (two decimals), or
    None when it cannot be worked out (a target of 0 to exceed). Lower-is-better targets are scored
    by the more lenient of the two formulas in use: target ÷ actual × points, and (1 − overrun ÷
    target) × points."""
    if operator in ("<=", "<"):
        if actual <= target:
            return points
        if target <= 0:
            return Decimal(0)
        return _cents(max(target / actual, 1 - (actual - target) / target, Decimal(0)) * points)
    if operator == "=" and target == 0:  # ＝0 (安全事故0起): any at all scores nothing
        return points if actual <= 0 else Decimal(0)
    if actual >= target:
        return points
    if target <= 0:
        return None
    return _cents(max(actual, Decimal(0)) / target * points)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@rule("score-above-formula", family=FAMILY, severity="warning", title="得分高于完成比例", basis=BASIS_10)
def score_above_formula(ctx: ReviewContext) -> Iterator[Finding]:
    """自评分虚高: a target missed and scored higher than the proportion met allows (a rounding up to
    the next whole point is let pass)."""
    for f in _evaluated(ctx):
        score, points, target = f.ind.score, f.ind.weight, f.target.number
        if score is None or points is None or target is None or f.target.kind != "number":
            continue
        actual = _actual_number(f)
        if actual is None or _met(f, actual) is not False:
            continue
        most = formula_score(_direction(f), target, actual, points)
        if most is None or score <= most.quantize(Decimal(1), rounding=ROUND_CEILING):
            continue
        yield f.finding(
            "score-above-formula",
            "warning",
            f"{f.label}没有完成：年度指标值「{f.value_raw.strip()}」，实际完成「{f.ind.actual}」。按完成比例计分"
            f"最多 {most} 分（满分 {points}），自评得分 {score} 偏高。请按完成比例重新计分。",
            BASIS_10,
        )


_CERTAIN = ("确定能", "能完成", "能够完成", "可以完成", "确定")


def _certain(likelihood: str) -> bool:
    """完成可能性 says the target will be met: 确定能 (not 不确定, 有可能, 难以完成)."""
    return (
        any(w in likelihood for w in _CERTAIN)
        and "不" not in likelihood
        and not any(w in likelihood for w in _DOUBTFUL)
    )


@rule(
    "forecast-contradicts-likelihood",
    family=FAMILY,
    severity="warning",
    title="预计完成值与完成可能性矛盾",
    basis=BASIS_136,
)
def forecast_contradicts_likelihood(ctx: ReviewContext) -> Iterator[Finding]:
    """A monitoring row whose 全年预计完成情况 falls short of the target, while its 完成可能性 says it
    will certainly be met: one of the two is wrong, and the shortfall goes unexplained."""
    for t, table in ctx.tables():
        if table.stage != "monitoring":
            continue
        for f in ctx.facts[t]:
            likely = f.ind.raw.get("likelihood", "")
            forecast = f.ind.raw.get("forecast", "")
            if not forecast or not _certain(likely):
                continue
            expected = _in_target_unit(f, forecast)
            if expected is None or f.target.kind != "number" or _met(f, expected) is not False:
                continue
            yield f.finding(
                "forecast-contradicts-likelihood",
                "warning",
                f"{f.label}全年预计完成「{forecast}」，达不到年度指标值「{f.value_raw.strip()}」，完成目标可能性却是"
                f"「{likely}」。两者应当一致：能完成的，写明能达到的预计值；完不成的，完成可能性填“有可能”或"
                "“完全不可能”，并写明偏差原因和纠偏措施。",
                BASIS_136,
            )
