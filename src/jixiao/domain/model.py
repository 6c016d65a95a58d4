"""The language of the field: documents, target tables, indicators and budget lines.

Pure data. Money and weights are `Decimal`, exact as printed; `raw` keeps every cell as the
document printed it, so review can report what the filer wrote rather than what we normalised.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import repeat
from typing import Literal, NamedTuple

TableKind = Literal["department", "project"]
Stage = Literal["target", "monitoring", "self_evaluation"]
Operator = Literal[">=", ">", "=", "<", "<=", "qualitative"]

LEVEL1 = ("产出", "效益", "满意度", "成本")


class Where(NamedTuple):
    """A place in the source: line for text, sheet/row/column for Excel, page for PDF.

    A named tuple: immutable, and cheap to create for every one of 10万 rows.
    """

    line: int | None = None
    sheet: str | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in self._asdict().items() if v is not None}

    def describe(self) -> str:
        """Chinese description, e.g. "第 19 行" or "工作表 Sheet1 第 3 行 第 2 列"."""
        parts = []
        if self.sheet is not None:
            parts.append(f"工作表「{self.sheet}」")
        if self.page is not None:
            parts.append(f"第 {self.page} 页")
        if self.line is not None:
            parts.append(f"第 {self.line} 行")
        if self.row is not None:
            parts.append(f"第 {self.row} 行")
        if self.column is not None:
            parts.append(f"第 {self.column} 列")
        return " ".join(parts)


@dataclass
class BudgetLine:
    label: str
    amount: Decimal | None
    raw: str = ""


def line_places(lines: Iterable[int]) -> list[Where]:
    """Where(line=n) for each line, at C speed (a reader makes one for each of 10万 rows)."""
    return _places(lines, repeat(None), repeat(None))


def row_places(sheet: str, rows: Iterable[int]) -> list[Where]:
    """Where(sheet=…, row=n) for each row, at C speed."""
    return _places(repeat(None), repeat(sheet), rows)


def _places(lines: Iterable[object], sheets: Iterable[object], rows: Iterable[object]) -> list[Where]:
    # each field in its order; the fields after `row` are None (zip stops with the finite one)
    rest = [repeat(None)] * (len(Where._fields) - 3)
    return list(map(tuple.__new__, repeat(Where), zip(lines, sheets, rows, *rest, strict=False)))


def budget_cell_label(source: str, column: str) -> str:
    """The label of a cell of a money block read by columns: its row's source of funds and its
    column ("财政拨款·1-7月执行数")."""
    return f"{source}·{column}"


def budget_cell(label: str) -> tuple[str, str]:
    """A budget line's (source, column) in a money block read by columns; (label, "") for a line
    of its own ("基本支出")."""
    source, _, column = label.rpartition("·")
    return (source, column) if source else (label, "")


@dataclass(slots=True)
class Indicator:
    name: str
    level1: str | None = None
    level2: str | None = None
    weight: Decimal | None = None
    operator: Operator | None = None
    value: str | None = None
    unit: str | None = None
    # the cells as printed; a reader gives rows printed alike one dict: replace it, never change it
    raw: dict[str, str] = field(default_factory=dict)
    where: Where = field(default_factory=Where)
    # self-evaluation and monitoring stages
    actual: str | None = None
    score: Decimal | None = None
    deviation: str | None = None


@dataclass
class TargetTable:
    kind: TableKind
    title: str
    name: str | None = None
    department: str | None = None
    preparer: str | None = None
    fiscal_year: int | None = None
    budget_total: Decimal | None = None
    budget_label: str | None = None  # the total's label as printed: "2024年预算", "部门支出预算总量（万元）"
    budget_lines: list[BudgetLine] = field(default_factory=list)
    overview: str | None = None
    basis: str | None = None
    goal: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    stage: Stage = "target"
    where: Where = field(default_factory=Where)
    extra: dict[str, str] = field(default_factory=dict)  # other header fields, as printed
    # self-evaluation and monitoring stages
    budget_executed: Decimal | None = None
    execution_rate: Decimal | None = None
    score_total: Decimal | None = None
    grade: str | None = None
    # the money unit the table printed, when it is not the document's (单位：元 beside tables in 万元):
    # its amounts were converted to the document's unit; BudgetLine.raw keeps them as printed
    printed_money_unit: str | None = None

    @property
    def weight_total(self) -> Decimal:
        return sum((i.weight for i in self.indicators if i.weight is not None), Decimal(0))


@dataclass(frozen=True)
class ReadWarning:
    """Something a reader saw and could not place; never dropped silently."""

    message: str
    where: Where = field(default_factory=Where)


@dataclass
class Document:
    source_path: str
    reader: str
    fiscal_year: int | None = None
    department: str | None = None
    money_unit: str = "万元"
    tables: list[TargetTable] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    encoding: str | None = None

    @property
    def department_tables(self) -> list[TargetTable]:
        return [t for t in self.tables if t.kind == "department"]

    @property
    def project_tables(self) -> list[TargetTable]:
        return [t for t in self.tables if t.kind == "project"]
