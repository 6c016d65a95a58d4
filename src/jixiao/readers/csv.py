"""Open-data CSV (writers/csv.py): one row per indicator; rows with the same 表序号 form a table."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from jixiao.domain.model import BudgetLine, Document, TargetTable, Where, line_places
from jixiao.domain.money import parse_amount
from jixiao.readers.assemble import in_document_unit
from jixiao.readers.csv_columns import csv_blocks
from jixiao.readers.errors import ReadError
from jixiao.readers.indicators import indicators_from_columns, picker

T = TypeVar("T")

REQUIRED = ("表序号", "表类别", "表名", "指标名称", "指标值")
KINDS = {"部门整体": "department", "项目": "project"}
TABLE_COLUMNS = frozenset(
    ["表类别", "阶段", "表名", "项目名称", "业务主管部门", "编制单位", "年度", "预算总额栏目", "预算总额",
     "资金明细", "项目概况", "立项依据", "绩效目标", "执行数", "执行率", "总分", "自评等级", "其他栏目"]
)  # fmt: skip
COLUMNS = {"name": "指标名称", "level1": "一级指标", "level2": "二级指标", "weight": "指标权重",
           "nature": "指标方向", "value": "指标值", "unit": "计量单位", "long_term": "中长期指标值",
           "actual": "实际完成值", "score": "得分", "deviation": "偏差原因", "forecast": "全年预计完成情况",
           "likelihood": "完成目标可能性", "task": "履职目标", "note": "指标说明"}  # fmt: skip
STAGES = {"目标": "target", "运行监控": "monitoring", "自评": "self_evaluation"}
# a table's cells, repeated on each of its rows (only its first row's are read)
REPEATED = TABLE_COLUMNS | {"表序号", "金额单位"}


def looks_like_csv(text: str) -> bool:
    end = text.find("\n")  # the first line only: split() would copy the whole file after it
    first = (text if end < 0 else text[:end]).lstrip("\ufeff")
    return all(col in first for col in REQUIRED) and "," in first


def _unquote(s: str) -> str:
    """Undo the writer's protection against formula injection ("'=…" → "=…")."""
    return s[1:] if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@") else s


def read_csv_text(text: str, name: str) -> Document:
    header, blocks = csv_blocks(text.lstrip("\ufeff"), name, repeated=REPEATED, key="表序号")
    # the writer prefixes "'" to cells starting with = + - @; most files have no "'" at all, which
    # one search of the text tells (a search for each of the three marks takes 20 times as long)
    quoted = "'" in text and any(mark in text for mark in (",'", "\n'", "\"'"))
    col = {h: i for i, h in enumerate(header)}
    missing = [c for c in REQUIRED if c not in col]
    if missing:
        raise ReadError(name, f"CSV 缺少列：{'、'.join(missing)}。", Where(line=1))
    doc = Document(source_path=name, reader="csv")
    key_at, money_at = col["表序号"], col.get("金额单位")
    table_cells = [(label, i) for label, i in col.items() if label in TABLE_COLUMNS]
    roles = [(role, col[label]) for role, label in COLUMNS.items() if label in col]
    role_names = [role for role, _ in roles]
    tables: dict[str, TargetTable] = {}  # rows with the same 表序号 form a table, in order of first sight
    units: list[str] = []  # each table's 金额单位, in the order of `tables`
    for block in blocks:
        columns, lines = block.columns, block.lines
        # rows in runs that share a table's cells (the writer's order): the runs are what is
        # looked at for tables, not each row; without runs, each row is a run of its own
        starts = block.runs if block.runs is not None else range(len(lines))
        keys = columns[key_at] if key_at < block.lead else [columns[key_at][k] for k in starts]
        # a table's cells are on its first row: the block's new tables, a column at a time
        new = {}
        for r, key in enumerate(keys):
            if key not in tables and key not in new:
                new[key] = r
        if new:
            runs = list(new.values())
            take_run, take_row = picker(runs), picker([starts[r] for r in runs])
            # each column's cells on the new tables' first rows: a run's cell, or its first row's
            take = [take_run if i < block.lead else take_row for i in range(len(columns))]
            cells = {
                label: list(map(_cell if quoted else str.strip, take[i](columns[i])))
                for label, i in table_cells
            }
            tables.update(
                zip(new, _tables(cells, len(runs), name, [lines[starts[r]] for r in runs]), strict=True)
            )
            if money_at is not None:
                units.extend(c.strip() for c in take[money_at](columns[money_at]))
            else:
                units.extend(["万元"] * len(new))
        cols = [columns[i] for _, i in roles]
        if quoted:  # some cell was protected against formulas by the writer: undo it
            cols = [[_unquote(v) for v in cells] for cells in cols]
        indicators = indicators_from_columns(role_names, cols, line_places(lines))
        ends = [*starts[1:], len(lines)]
        for key, start, end in zip(keys, starts, ends, strict=True):
            tables[key].indicators.extend(indicators[start:end])
    if not tables:
        raise ReadError(name, "CSV 只有表头，没有任何指标行。", Where(line=1))
    doc.tables = list(tables.values())
    years = Counter(t.fiscal_year for t in doc.tables if t.fiscal_year)
    doc.fiscal_year = years.most_common(1)[0][0] if years else None
    depts = Counter(t.department for t in doc.tables if t.department)
    doc.department = depts.most_common(1)[0][0] if depts else None
    doc.money_unit = Counter(units).most_common(1)[0][0] or "万元"
    in_document_unit(doc, units)  # 元 beside 万元: converted, the unit kept
    return doc


def _cell(text: str) -> str:
    return _unquote(text).strip()


def _tables(cells: dict[str, list[str]], n: int, name: str, lines: list[int]) -> list[TargetTable]:
    """The tables whose first rows hold `cells` (label → the stripped cell of each table, "" when
    empty), a column at a time: a block of 2,048 rows of small tables starts hundreds of them."""
    empty = [""] * n

    def column(label: str) -> list[str | None]:
        return [c or None for c in cells.get(label, empty)]

    kinds = [KINDS.get(c) for c in cells.get("表类别", empty)]
    if None in kinds:
        k = kinds.index(None)
        printed = cells.get("表类别", empty)[k]
        what = f"表类别「{printed}」" if printed else "表类别是空的，"
        raise ReadError(name, f"{what}应为“部门整体”或“项目”。", Where(line=lines[k]))
    totals = _each(parse_amount, column("预算总额"), name, lines, "")
    budget_lines = _each(_budget_lines, column("资金明细"), name, lines, "")
    what = "这一行的执行数、执行率、总分或其他栏目写法不对："
    extras = _each(_extra, column("其他栏目"), name, lines, what)
    executed, rates, scores = (
        _each(parse_amount, column(c), name, lines, what) for c in ("执行数", "执行率", "总分")
    )
    stages = [STAGES.get(c or "目标", "target") for c in column("阶段")]
    years = [int(c) if c.isdigit() else None for c in cells.get("年度", empty)]
    return [
        TargetTable(
            kind=kind,
            stage=stage,
            title=title or "",
            name=project,
            department=department,
            preparer=preparer,
            fiscal_year=year,
            budget_label=label,
            budget_total=total,
            budget_lines=lines_of,
            overview=overview,
            basis=basis,
            goal=goal,
            where=Where(line=line),
            extra=extra,
            budget_executed=done,
            execution_rate=rate,
            score_total=score,
            grade=grade,
        )
        for (kind, stage, title, project, department, preparer, year, label, total, lines_of, overview, basis,
             goal, line, extra, done, rate, score, grade) in zip(
            kinds, stages, column("表名"), column("项目名称"), column("业务主管部门"), column("编制单位"), years,
            column("预算总额栏目"), totals, budget_lines, column("项目概况"), column("立项依据"), column("绩效目标"),
            lines, extras, executed, rates, scores, column("自评等级"), strict=True,
        )
    ]  # fmt: skip


def _each(
    parse: Callable[[str | None], T], cells: list[str | None], name: str, lines: list[int], what: str
) -> list[T]:
    """parse() of each table's cell; the first cell it refuses is a ReadError on that table's line."""
    try:
        return list(map(parse, cells))
    except (ValueError, TypeError):
        for cell, line in zip(cells, lines, strict=True):
            try:
                parse(cell)
            except (ValueError, TypeError) as exc:
                raise ReadError(name, f"{what}{exc}", Where(line=line)) from exc
        raise


def _budget_lines(text: str | None) -> list[BudgetLine]:
    """ "财政拨款=100;其他资金=20" → its lines (a new list for each table: tables own their lines)."""
    lines = []
    for part in (text or "").split(";"):
        if part:
            label, _, amount = part.partition("=")
            lines.append(BudgetLine(label, parse_amount(amount), amount))
    return lines


def _extra(text: str | None) -> dict[str, str]:
    extra = json.loads(text) if text else {}
    if not isinstance(extra, dict):
        raise ValueError('“其他栏目”应是 JSON 对象（{"栏目": "内容"}）。')
    return {str(k): str(v) for k, v in extra.items()}
