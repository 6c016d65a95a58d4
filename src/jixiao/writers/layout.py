"""The official layouts as a grid of cells, shared by the xlsx, html, docx and pdf writers.

部门整体绩效目标表, 项目/专项绩效目标表 (一级/二级/三级 columns) and 自评表: one list of rows per
table; each cell says what it shows, how (label, text, number), and what it spans. Cells hold
what the document printed (`raw`), so what is written reads back to the same facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from jixiao.domain.model import BudgetLine, Document, Indicator, TargetTable, budget_cell
from jixiao.readers.labels import MID_TERM_TOTALS, amount_column, goal_column, label_unit, with_money_unit

TARGET_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标权重"]
# a multi-year project's table with a 中长期 value beside the year's
LONG_TERM_COLUMNS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "中长期指标值",
    "年度指标值",
    "计量单位",
    "指标权重",
]
MONITORING_COLUMNS = ["一级指标", "二级指标", "三级指标", "年度指标值", "执行情况", "全年预计完成情况", "偏差原因分析",
                      "完成目标可能性"]  # fmt: skip
SELF_EVAL_COLUMNS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]
Kind = Literal["title", "note", "note-right", "label", "text", "center", "number"]
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_WEIGHT = re.compile(r"\d+(\.\d+)?%?")


@dataclass(slots=True)
class Box:
    text: str
    kind: Kind = "text"
    colspan: int = 1
    rowspan: int = 1
    number: Decimal | None = None  # for kind "number": the value; `text` is how it is shown
    decimals: int = 0
    percent: bool = False


@dataclass(slots=True)
class Layout:
    width: int
    rows: list[list[Box | None]]  # None: covered by a span from the left or above
    evaluation: bool
    columns: list[str] = field(default_factory=list)  # the indicator columns' labels, left to right


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def amount_box(value: Decimal | None, printed: str = "", colspan: int = 1) -> Box:
    if value is None:
        return Box("", colspan=colspan)
    printed = printed or str(value)
    d = _decimals(printed)
    return Box(f"{value:.{d}f}", "number", colspan, number=value, decimals=d)


def weight_box(ind: Indicator) -> Box:
    return _weight_box(ind.raw.get("weight", "").strip(), ind.weight)


# Boxes below are never changed after they are made (only 一级/二级 boxes get a rowspan), so the
# same printed cell can share one box: weights, values and units repeat down a table.
@lru_cache(maxsize=4096)
def _weight_box(printed: str, weight: Decimal | None) -> Box:
    if weight is None or not _WEIGHT.fullmatch(printed):
        return Box(printed, "center")
    if printed.endswith("%"):  # shown as a percent: the value is the fraction
        return Box(
            printed, "number", number=weight / 100, decimals=_decimals(printed.rstrip("%")), percent=True
        )
    return Box(printed, "number", number=weight, decimals=_decimals(printed))


@lru_cache(maxsize=4096)
def value_box(text: str) -> Box:
    t = text.strip()
    if _NUMBER.match(t):
        return Box(t, "number", number=Decimal(t), decimals=_decimals(t))
    return Box(text, "center")


@lru_cache(maxsize=4096)
def center_box(text: str) -> Box:
    return Box(text, "center")


def _row(width: int, *boxes: Box) -> list[Box | None]:
    row: list[Box | None] = []
    for b in boxes:
        row.append(b)
        row.extend([None] * (b.colspan - 1))
    row.extend([None] * (width - len(row)))
    return row


def table_layout(doc: Document, t: TargetTable) -> Layout:
    evaluation = t.stage == "self_evaluation"
    monitoring = t.stage == "monitoring"
    long_term = not evaluation and not monitoring and any("long_term" in i.raw for i in t.indicators)
    columns = ([TASK_COLUMN] if _has_tasks(t) else []) + _columns(t, evaluation, monitoring, long_term)
    width = len(columns)
    rows: list[list[Box | None]] = [_row(width, Box(t.title, "title", width))]
    if monitoring and t.extra.get("监控期间"):
        rows.append(_row(width, Box(f"（{t.extra['监控期间']}）", "center", width)))
    elif t.fiscal_year and not re.search(r"\d{4}", t.title):
        rows.append(_row(width, Box(f"（{t.fiscal_year}年度）", "center", width)))  # as templates print it
    if t.kind == "project":
        rows.append(
            _row(
                width,
                Box(f"编制单位：{t.preparer or ''}", "note", 4),
                Box(f"单位：{doc.money_unit}", "note-right", width - 4),
            )
        )
        rows.append(
            _row(width, Box("项目名称", "label"), Box(t.name or "", colspan=3), Box("业务主管部门", "label"),
                 Box(t.department or "", colspan=width - 5))
        )  # fmt: skip
    else:
        if t.stage == "target" and not (t.budget_label and label_unit(t.budget_label)):
            rows.append(
                _row(width, Box(f"单位：{doc.money_unit}", "note-right", width))
            )  # the label says none
        rows.append(_row(width, Box("业务主管部门", "label"), Box(t.department or "", colspan=width - 1)))
    for key, value in t.extra.items():
        if key.startswith("预算执行") or key == "监控期间" or goal_column(key) == "extra":
            continue  # written in their blocks (the money block, the goals side by side)
        if _mid_term(key) and t.stage == "target" and width >= _MID_TERM_WIDTH:
            continue  # beside the year's money (`_mid_term_money`)
        if t.stage != "target" and amount_column(key) == "forecast":
            continue  # a column of the money block
        lines = value.split("\n")
        if len(lines) > 1 and " | " in lines[0]:
            rows.extend(_block(key, [line.split(" | ") for line in lines], width))
        else:
            rows.append(_row(width, Box(key, "label"), Box(value, colspan=width - 1)))
    unit = doc.money_unit
    rows.extend(_evaluation_money(t, width, unit, True) if monitoring else _money(t, width, unit))
    for label, text in (("项目概况", t.overview), ("立项依据", t.basis)):
        if text:
            rows.append(_row(width, Box(label, "label"), Box(text, colspan=width - 1)))
    goal_label = "当年整体绩效目标" if t.kind == "department" else "年度绩效目标"
    periods = [(k, v) for k, v in t.extra.items() if goal_column(k) == "extra"]
    if periods:  # goals side by side, as printed: 中长期目标 | 年度目标 over their texts
        rows.extend(_goal_columns(periods + [("年度目标", t.goal or "")], width))
    else:
        rows.append(_row(width, Box(goal_label, "label"), Box(t.goal or "", colspan=width - 1)))
    rows.extend(_indicators(t, width, columns))
    return Layout(width, rows, evaluation, columns)


TASK_COLUMN = "年度履职目标"


def _has_tasks(t: TargetTable) -> bool:
    """A department table whose indicators are grouped by the duty they serve: a column for it."""
    return any(i.raw.get("task") for i in t.indicators)


def _columns(t: TargetTable, evaluation: bool, monitoring: bool, long_term: bool) -> list[str]:
    if evaluation:
        return SELF_EVAL_COLUMNS
    if monitoring:
        # a 监控表 that prints its operator and its unit in columns of their own keeps them
        sign = ["计算符号"] if any("operator" in i.raw for i in t.indicators) else []
        unit = ["计量单位"] if any("unit" in i.raw for i in t.indicators) else []
        return MONITORING_COLUMNS[:3] + sign + MONITORING_COLUMNS[3:4] + unit + MONITORING_COLUMNS[4:]
    return LONG_TERM_COLUMNS if long_term else TARGET_COLUMNS


def _goal_columns(goals: list[tuple[str, str]], width: int) -> list[list[Box | None]]:
    """绩效目标 down the left, then a column per goal: its label over its text."""
    share, extra = divmod(width - 1, len(goals))
    heads: list[Box | None] = [Box("绩效目标", "label", rowspan=2)]
    texts: list[Box | None] = [None]
    for n, (label, text) in enumerate(goals):
        span = share + (extra if n == len(goals) - 1 else 0)
        for row, box in ((heads, Box(label, "label", span)), (texts, Box(text, colspan=span))):
            row.append(box)
            row.extend([None] * (span - 1))
    return [heads, texts]


def _block(label: str, lines: list[list[str]], width: int) -> list[list[Box | None]]:
    """A block of tasks kept as lines of cells (年度履职目标, 年度主要任务): its label down the left,
    a row per line, each line's last cell running to the right edge. A short second line of labels
    (总额 | 财政拨款 | 其他资金 under 预算金额) sits under the right end of the lines below it."""
    room = width - 1
    lines = [c if len(c) <= room else c[: room - 1] + [" ".join(c[room - 1 :])] for c in lines]
    most = max(len(c) for c in lines)
    rows: list[list[Box | None]] = []
    for n, cells in enumerate(lines):
        sub_header = n == 1 and len(cells) < most
        start = 1 + most - len(cells) if sub_header else 1
        row: list[Box | None] = [Box(label, "label", rowspan=len(lines)) if n == 0 else None]
        row.extend(Box("", "center") for _ in range(start - 1))
        boxes = [Box(text, "label" if n == 0 or sub_header else "center") for text in cells]
        boxes[-1].colspan = width - start - len(cells) + 1
        for box in boxes:
            row.append(box)
            row.extend([None] * (box.colspan - 1))
        rows.append(row)
    return rows


def _evaluation_money(t: TargetTable, width: int, unit: str, monitoring: bool) -> list[list[Box | None]]:
    """The money block of a self-evaluation (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分)
    or a monitoring table (年初预算数 | 执行数 | 执行率 | 全年预计执行数): columns over 年度资金总额
    and a row per source of funds, whose cells are its "row·column" budget lines."""
    by_cell: dict[tuple[str, str], BudgetLine] = {}
    sources: list[str] = []
    columns: list[str] = []
    first_heads: list[tuple[str, Box]] = []
    for b in t.budget_lines:
        source, column = budget_cell(b.label)
        if not column and amount_column(b.label) and not first_heads and not by_cell:
            first_heads.append((b.label, amount_box(b.amount, b.raw)))  # 年初预算数 beside 全年预算数
            continue
        by_cell[(source, column)] = b
        if source not in sources:
            sources.append(source)
        if column and column not in columns:
            columns.append(column)
    rate = "" if t.execution_rate is None else f"{t.execution_rate}%"
    executed = next(
        (c for c in columns if amount_column(c) == "executed"), "执行数" if monitoring else "全年执行数"
    )
    heads = first_heads + [
        (t.budget_label or ("年初预算数" if monitoring else "全年预算数"), amount_box(t.budget_total)),
        (executed, amount_box(t.budget_executed)),
    ]
    if "预算执行分值" in t.extra:
        heads.append(("分值", Box(t.extra["预算执行分值"], "center")))
    heads.append((next((c for c in columns if amount_column(c) == "rate"), "执行率"), Box(rate, "center")))
    if "预算执行得分" in t.extra:
        heads.append(("得分", Box(t.extra["预算执行得分"], "center")))
    heads += [(k, Box(v, "center")) for k, v in t.extra.items() if amount_column(k) == "forecast"]
    rows = [
        [Box("", "label")] + [Box(h, "label") for h, _ in heads],
        [Box("年度资金总额", "label")] + [box for _, box in heads],
    ]
    for source in sources:
        cells: list[Box] = [Box(source, "label")]
        for head, _ in heads:
            b = by_cell.get((source, head)) or (
                by_cell.get((source, "")) if head == heads[len(first_heads)][0] else None
            )
            if b is None:
                cells.append(Box("", "center"))
            elif b.raw.endswith("%") or not b.raw[:1].isdigit():
                cells.append(Box(b.raw, "center"))
            else:
                cells.append(amount_box(b.amount, b.raw))
        rows.append(cells)
    out: list[list[Box | None]] = []
    for n, cells in enumerate(rows):
        cells[-1].colspan = width - len(cells)
        out.append(
            [Box(f"项目资金（{unit}）", "label", rowspan=len(rows)) if n == 0 else None] + _spread(cells)
        )
    return out


def _spread(boxes: list[Box]) -> list[Box | None]:
    row: list[Box | None] = []
    for box in boxes:
        row.append(box)
        row.extend([None] * (box.colspan - 1))
    return row


def _money(t: TargetTable, width: int, unit: str) -> list[list[Box | None]]:
    if t.stage == "self_evaluation":
        return _evaluation_money(t, width, unit, False)
    # the amounts are in the document's unit, which a project's table prints above (单位：万元) and a
    # department's in its total's label; a label printed with another unit is put right
    label = with_money_unit(
        t.budget_label or ("部门支出预算总量" if t.kind == "department" else "年度资金总额"), unit
    )
    printed = "" if t.budget_total is None else str(t.budget_total)
    mid_term = [(key, value) for key, value in t.extra.items() if _mid_term(key)]
    if mid_term and width >= _MID_TERM_WIDTH:
        return _mid_term_money(t, width, unit, label, printed, mid_term)
    if not t.budget_lines:
        return [_row(width, Box(label, "label"), amount_box(t.budget_total, printed, width - 1))]
    rows = []
    n = len(t.budget_lines)
    for k, b in enumerate(t.budget_lines):
        if k == 0:
            head = Box(label, "label", rowspan=n)
            total = amount_box(t.budget_total, printed, 3)
            total.rowspan = n
            rows.append(
                _row(width, head, total, Box(b.label, "label"), amount_box(b.amount, b.raw, width - 5))
            )
        else:
            row: list[Box | None] = [
                None,
                None,
                None,
                None,
                Box(b.label, "label"),
                amount_box(b.amount, b.raw, width - 5),
            ]
            row.extend([None] * (width - len(row)))
            rows.append(row)
    return rows


_MID_TERM_WIDTH = 5  # 项目资金 | a mid-term label and amount | the year's label and amount


def _mid_term(key: str) -> bool:
    """An `extra` key of the mid-term's money: 中期资金总额, 中期资金总额·其中:财政拨款 …"""
    return key.partition("·")[0] in MID_TERM_TOTALS


def _mid_term_money(
    t: TargetTable, width: int, unit: str, label: str, printed: str, mid_term: list[tuple[str, str]]
) -> list[list[Box | None]]:
    """The central template's money block: the mid-term's total and sources beside the year's, under
    项目资金 merged down: 中期资金总额 | 900 | 年度资金总额 | 300, then a source a row on each side."""
    mid = [(key.partition("·")[2] or key, _amount_or_text(value)) for key, value in mid_term]
    year = [(label, amount_box(t.budget_total, printed))] + [
        (b.label, amount_box(b.amount, b.raw)) for b in t.budget_lines
    ]
    n = max(len(mid), len(year))
    span = max(1, (width - 3) // 2)  # the mid-term's amount; the year's takes the columns left
    rows: list[list[Box | None]] = []
    for k in range(n):
        row: list[Box | None] = [Box(f"项目资金（{unit}）", "label", rowspan=n) if k == 0 else None]
        for side, amount_span in ((mid, span), (year, width - 3 - span)):
            name, amount = side[k] if k < len(side) else ("", Box(""))
            amount.colspan = amount_span
            row.append(Box(name, "label"))
            row.extend(_spread([amount]))
        rows.append(row)
    return rows


def _amount_or_text(value: str) -> Box:
    try:
        return amount_box(Decimal(value.replace(",", "")), value)
    except ArithmeticError:
        return Box(value)


def _level(ind: Indicator, col: int) -> str:
    if col == 0:
        return ind.raw.get("level1") or ind.level1 or ""
    return ind.raw.get("level2") or ind.level2 or ""


def _indicators(t: TargetTable, width: int, columns: list[str]) -> list[list[Box | None]]:
    """The indicator header and rows; which kind of form it is shows in its columns."""
    evaluation, monitoring = "得分" in columns, "执行情况" in columns
    long_term, tasks = "中长期指标值" in columns, TASK_COLUMN in columns
    rows: list[list[Box | None]] = [[Box(c, "label") for c in columns]]
    body: list[list[Box | None]] = []
    for ind in t.indicators:
        raw = ind.raw
        row: list[Box | None] = [Box(raw.get("task", ""), "center")] if tasks else []
        row += [Box(_level(ind, 0), "center"), Box(_level(ind, 1), "center"), Box(ind.name)]
        if monitoring:
            if "计算符号" in columns:
                row.append(center_box(raw.get("operator", "")))
            row.append(Box(raw.get("value", ind.value or ""), "center"))
            if "计量单位" in columns:
                row.append(center_box(raw.get("unit", ind.unit or "")))
            row += [Box(ind.actual or "", "center"), Box(raw.get("forecast", ""), "center"),
                    Box(ind.deviation or ""), Box(raw.get("likelihood", ""), "center")]  # fmt: skip
        elif evaluation:
            score = raw.get("score", "" if ind.score is None else str(ind.score))
            row += [Box(raw.get("value", ind.value or ""), "center"), Box(ind.actual or "", "center"), weight_box(ind),
                    Box(score, "center"), Box(ind.deviation or "")]  # fmt: skip
        else:
            row.append(center_box(raw.get("operator", "")))
            if long_term:
                row.append(center_box(raw.get("long_term", "")))
            row += [value_box(raw.get("value", ind.value or "")), center_box(raw.get("unit", ind.unit or "")),
                    weight_box(ind)]  # fmt: skip
        body.append(row)
    # merge the task cells, then the 一级 (and, within it, 二级) cells, of consecutive rows that print
    # the same: a task's rows, a category's rows within the task
    task = [ind.raw.get("task", "") for ind in t.indicators]
    level1 = [_level(ind, 0) for ind in t.indicators]
    level2 = [_level(ind, 1) for ind in t.indicators]
    # what a row prints in each merged column, with what it sits under: computed once per row
    keys = ([list(zip(task, strict=True))] if tasks else []) + [
        list(zip(task, level1, level1, strict=True)),
        list(zip(task, level1, level2, strict=True)),
    ]
    for col, column_keys in enumerate(keys):
        k = 0
        while k < len(body):
            j = k
            this = column_keys[k]
            while j + 1 < len(body) and this[-1] and column_keys[j + 1] == this:
                j += 1
            if j > k:
                box = body[k][col]
                assert box is not None
                box.rowspan = j - k + 1
                for m in range(k + 1, j + 1):
                    body[m][col] = None
            k = j + 1
    rows.extend(body)
    if evaluation:
        points = t.weight_total + 10
        rows.append(
            _row(width, Box("总分", "label", 5), Box(str(points), "number", number=points),
                 Box("" if t.score_total is None else str(t.score_total), "center"),
                 Box(f"自评等级：{t.grade}" if t.grade else ""))
        )  # fmt: skip
    return rows


def layouts(doc: Document) -> list[tuple[TargetTable, Layout]]:
    return [(t, table_layout(doc, t)) for t in doc.tables]
