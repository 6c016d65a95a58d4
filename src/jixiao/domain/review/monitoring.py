"""Monitoring (运行监控): spending that lags the months gone by is a warning to act on now.

"双监控" watches both how far the targets are met and how far the budget is spent. A monitoring
table states its period (2024年1-7月) and its execution rate; by the end of a month, at least a
configured share of the year's budget should have been spent (parameter monitoring_execution_floor).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.domain.review.context import ReviewContext, table_finding, table_label
from jixiao.domain.review.finding import Finding, rule

FAMILY = "monitoring"
BASIS = "审核实务（参数 monitoring_execution_floor，参照川财绩〔2025〕10号的进度要求）"
_LAST_MONTH = re.compile(r"(\d{1,2})月(?!.*\d{1,2}月)")


def _floor(floors: dict[int, Decimal], month: int) -> tuple[int, Decimal] | None:
    """The checkpoint a month has passed, and the share it asks for: (6, 40) for July."""
    passed = [m for m in floors if m <= month]
    return (max(passed), floors[max(passed)]) if passed else None


@rule("execution-behind-schedule", family=FAMILY, severity="warning", title="预算执行进度滞后", basis=BASIS)
def execution_behind_schedule(ctx: ReviewContext) -> Iterator[Finding]:
    for t, table in ctx.tables():
        if table.stage != "monitoring" or table.execution_rate is None:
            continue
        m = _LAST_MONTH.search(table.extra.get("监控期间", ""))
        checkpoint = _floor(ctx.params.monitoring_execution_floor, int(m.group(1))) if m else None
        if checkpoint is None or table.execution_rate >= checkpoint[1]:
            continue
        month, share = checkpoint
        yield table_finding(
            t,
            table,
            "execution-behind-schedule",
            "warning",
            f"{table_label(t, table)}截至{table.extra['监控期间']}的预算执行率为 {table.execution_rate}%，"
            f"低于{month}月底应达到的 {share}%。请说明执行缓慢的原因，提出加快执行或调整预算的措施。",
            BASIS,
        )
