"""Year over year: a target below what was already achieved last year is not ambitious."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.domain.review.context import ReviewContext
from jixiao.domain.review.finding import BASIS_88, Finding, rule
from jixiao.domain.values import normalise_text, parse_target


@rule(
    "target-below-last-actual",
    family="year-over-year",
    severity="warning",
    title="目标低于上年实际",
    basis=BASIS_88,
)
def target_below_last_actual(ctx: ReviewContext) -> Iterator[Finding]:
    if ctx.previous is None:
        return
    last: dict[tuple[str, str], str] = {}
    for table in ctx.previous.tables:
        for ind in table.indicators:
            if ind.actual:
                last[(normalise_text(table.name or table.title), normalise_text(ind.name))] = ind.actual
    for f in ctx.indicators():
        key = (normalise_text(f.table.name or f.table.title), f.name)
        if key not in last or f.target.number is None or f.ind.operator not in (">=", ">", None):
            continue
        if f.lower_is_better:
            continue
        actual = parse_target(last[key]).number
        if actual is not None and f.target.number < actual:
            yield f.finding(
                "target-below-last-actual",
                "warning",
                f"{f.label}的目标「{f.value_raw.strip()}」低于上年实际完成的「{last[key]}」。"
                "目标应不低于已达到的水平，除非有说明的原因。",
                BASIS_88,
            )
