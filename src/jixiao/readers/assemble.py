"""Cells in reading order → target tables.

Readers turn a file into a stream of cells (text, place). This module finds the tables in that
stream: titles, the header block of label/value pairs, the indicator header (found by its labels),
and the indicator rows under it. It never drops a filled cell silently: what it cannot place
becomes a located warning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.domain import frame
from jixiao.domain.cache import memo
from jixiao.domain.model import (
    BudgetLine,
    Document,
    Indicator,
    Operator,
    ReadWarning,
    TableKind,
    TargetTable,
    Where,
)
from jixiao.domain.money import parse_amount
from jixiao.domain.values import parse_operator, parse_target
from jixiao.readers import labels
from jixiao.readers.errors import ReadError

_WS = " \t\r\n\u3000\u00a0\ufeff"
TEXT_FIELDS = ("overview", "basis", "goal")


@dataclass(frozen=True)
class Cell:
    text: str  # stripped of surrounding whitespace, including U+3000
    raw: str  # as printed
    where: Where

    @classmethod
    def of(cls, raw: str, where: Where) -> Cell:
        return cls(raw.strip(_WS), raw, where)


@dataclass
class _Segment:
    title: Cell | None
    cells: list[Cell] = field(default_factory=list)


def split_tables(cells: list[Cell]) -> list[_Segment]:
    """Cut the stream at table titles ("…绩效目标表"). Cells before the first title go with it."""
    segments: list[_Segment] = []
    current = _Segment(title=None)
    for cell in cells:
        if cell.text and len(cell.text) <= 60 and labels.TITLE.match(labels.label_key(cell.text)):
            if current.title is not None or any(c.text for c in current.cells):
                segments.append(current)
                # a preamble before the first title belongs to nothing: keep its cells for warnings
                if current.title is None:
                    current = _Segment(title=cell)
                    continue
            current = _Segment(title=cell)
            continue
        current.cells.append(cell)
    segments.append(current)
    return [s for s in segments if s.title is not None or any(c.text for c in s.cells)]


def find_indicator_header(cells: list[Cell]) -> tuple[int, list[str]] | None:
    """The first run of at least three indicator column labels (指标 / 指标权重 / 指标值 …)."""
    i = 0
    while i < len(cells):
        roles: list[str] = []
        j = i
        while j < len(cells) and (role := labels.indicator_column(cells[j].text)):
            roles.append(role)
            j += 1
        if len(roles) >= 3 and ("value" in roles or "weight" in roles) and "name" in roles:
            return i, roles
        i = j + 1 if j > i else i + 1
    return None


class TableBuilder:
    """Builds one TargetTable from a segment of cells; collects warnings."""

    def __init__(self, path: str, segment: _Segment, warnings: list[ReadWarning]) -> None:
        self.path = path
        self.segment = segment
        self.warnings = warnings
        self.money_unit: str | None = None
        self.extra: dict[str, str] = {}

    def build(self) -> TargetTable:
        seg = self.segment
        title = seg.title.text if seg.title else ""
        kind: TableKind = (
            "department" if labels.DEPARTMENT_TITLE.search(labels.label_key(title)) else "project"
        )
        table = TargetTable(kind=kind, title=title, where=seg.title.where if seg.title else Where())
        key = labels.label_key(title)
        if labels.SELF_EVALUATION_TITLE.search(key):
            table.stage = "self_evaluation"
        elif labels.MONITORING_TITLE.search(key):
            table.stage = "monitoring"
        m = re.match(r"^(\d{4})年", key)
        if m:
            table.fiscal_year = int(m.group(1))

        header = find_indicator_header(seg.cells)
        if header is None:
            head_cells, body = seg.cells, []
            roles: list[str] = []
        else:
            start, roles = header
            head_cells, body = seg.cells[:start], seg.cells[start + len(roles) :]
        self._read_header(table, head_cells)
        if not title and table.name is None and table.budget_total is not None:
            table.kind = "department"  # an untitled table with a total but no project name
        if roles:
            self._read_rows(table, roles, body)
        return table

    # -- header block ------------------------------------------------------------------------
    def _read_header(self, table: TargetTable, cells: list[Cell]) -> None:
        used: set[int] = set()
        i = 0
        while i < len(cells):
            cell = cells[i]
            found = labels.header_field(cell.text) if cell.text else None
            if found is None:
                i += 1
                continue
            field_name, inline, year = found
            used.add(i)
            if field_name == "money_unit":
                self.money_unit = inline
                i += 1
                continue
            if year is not None:
                table.fiscal_year = table.fiscal_year or year
            unit = labels.label_unit(cell.text)
            if unit:
                self.money_unit = self.money_unit or unit
            if inline is not None:
                self._assign(table, field_name, cell, inline, cell)
                i += 1
                continue
            if field_name in ("budget_total", "budget_line"):
                # an amount is the very next cell; an empty cell is an empty amount
                nxt = cells[i + 1] if i + 1 < len(cells) else None
                if nxt is not None and labels.header_field(nxt.text) is None:
                    used.add(i + 1)
                    self._assign(table, field_name, cell, nxt.text or None, nxt)
                    i += 2
                else:
                    self._assign(table, field_name, cell, None, cell)
                    i += 1
                continue
            # text: every following non-label cell up to the next label
            j = i + 1
            parts: list[Cell] = []
            while j < len(cells) and labels.header_field(cells[j].text) is None:
                if cells[j].text:
                    parts.append(cells[j])
                used.add(j)
                j += 1
                if field_name not in TEXT_FIELDS and parts:
                    break
            value = "\n".join(p.text for p in parts) if parts else None
            self._assign(table, field_name, cell, value, parts[0] if parts else cell)
            i = j
        for k, cell in enumerate(cells):
            if k not in used and cell.text:
                self.warnings.append(
                    ReadWarning(
                        f"表「{table.title or '未命名'}」表头中的「{cell.text}」未能归入任何栏目。",
                        cell.where,
                    )
                )

    def _assign(self, table: TargetTable, field_name: str, label: Cell, value: str | None, at: Cell) -> None:
        if field_name in ("budget_total", "budget_line"):
            try:
                amount = parse_amount(value)
            except ValueError:
                self.warnings.append(
                    ReadWarning(f"「{label.text}」的金额「{value}」不是数字，已按空值读取。", at.where)
                )
                amount = None
            if field_name == "budget_total":
                if table.budget_total is None:
                    table.budget_total = amount
                    table.budget_label = label.text
                else:
                    table.budget_lines.append(BudgetLine(label.text, amount, value or ""))
            else:
                table.budget_lines.append(BudgetLine(labels.label_key(label.text), amount, value or ""))
            return
        if field_name == "implementer":
            self.extra["实施单位"] = value or ""
            return
        if getattr(table, field_name) is None:
            setattr(table, field_name, value)

    # -- indicator rows ----------------------------------------------------------------------
    def _read_rows(self, table: TargetTable, roles: list[str], cells: list[Cell]) -> None:
        width = len(roles)
        full = len(cells) - len(cells) % width
        for start in range(0, full, width):
            row = cells[start : start + width]
            if not any(c.text for c in row):
                continue  # an empty template row is not an indicator
            cells_by_role = {role: c.text for role, c in zip(roles, row, strict=True)}
            table.indicators.append(indicator_from_cells(cells_by_role, row[0].where))
        rest = cells[full:]
        if any(c.text for c in rest):
            first = next(c for c in rest if c.text)
            self.warnings.append(
                ReadWarning(
                    f"表「{table.title or table.name or '未命名'}」最后一行只有 {len(rest)} 格（应为 {width} 格），"
                    "表格可能在此被截断；已读出的格子：" + "、".join(c.text for c in rest if c.text),
                    first.where,
                )
            )


def indicator_from_cells(text: dict[str, str], where: Where) -> Indicator:
    """One indicator row, by column role (name, weight, unit, nature, value …), as printed."""
    return indicator_from_row(tuple(text), tuple(text.values()), where)


def indicator_from_row(roles: tuple[str, ...], values: tuple[str, ...], where: Where) -> Indicator:
    """The same, with the roles and the cells as two tuples (what a tabular reader has at hand)."""
    ind = _indicator_template(roles, values)
    # a fresh Indicator per row: the template is shared, its raw dict is not
    return Indicator(
        name=ind.name,
        level1=ind.level1,
        level2=ind.level2,
        weight=ind.weight,
        operator=ind.operator,
        value=ind.value,
        unit=ind.unit,
        raw=dict(ind.raw),
        where=where,
        actual=ind.actual,
        score=ind.score,
        deviation=ind.deviation,
    )


@memo(1 << 16)
def _indicator_template(roles: tuple[str, ...], values: tuple[str, ...]) -> Indicator:
    """Normalise a row's cells once; identical rows (common across tables) share the work."""
    text = {r: _unquote(v) for r, v in zip(roles, values, strict=True)}
    raw: dict[str, str] = {}
    ind = Indicator(name=text.get("name", ""))
    if "weight" in text:
        raw["weight"] = text["weight"]
        ind.weight = _weight(text["weight"])
    if "unit" in text:
        raw["unit"] = text["unit"]
        ind.unit = text["unit"] or None
    if "level1" in text:
        raw["level1"] = text["level1"]
        ind.level1 = frame.normalise_level1(text["level1"])
    if "level2" in text:
        raw["level2"] = text["level2"]
        ind.level2 = frame.normalise_level2(text["level2"])
    nature_operator: Operator | None = None
    if text.get("nature"):
        category = frame.normalise_level1(text["nature"])
        if category:  # 指标性质 holds a category in one template …
            raw["level1"] = text["nature"]
            ind.level1 = ind.level1 or category
        else:  # … and a direction (≥ ＝ ≤) in another
            raw["operator"] = text["nature"]
            nature_operator = parse_operator(text["nature"])
    if "value" in text:
        raw["value"] = text["value"]
        target = parse_target(text["value"])
        ind.operator = target.operator or nature_operator
        ind.value = target.value
        if target.unit and not ind.unit:
            ind.unit = target.unit
    else:
        ind.operator = nature_operator
    if ind.level1 is None:
        ind.level1 = frame.level1_of_level2(ind.level2)
    for role in ("actual", "score", "deviation"):
        if role in text:
            raw[role] = text[role]
    ind.actual = text.get("actual") or None
    ind.score = _weight(text["score"]) if "score" in text else None
    ind.deviation = text.get("deviation") or None
    ind.raw = raw
    return ind


def _unquote(s: str) -> str:
    """Undo a CSV writer's protection against formula injection ("'=…" → "=…")."""
    return s[1:] if s[:1] == "'" and s[1:2] in ("=", "+", "-", "@") else s


def _weight(text: str) -> Decimal | None:
    target = parse_target(text)
    return target.number if target.kind == "number" else None


def assemble(path: str, reader: str, cells: list[Cell]) -> Document:
    """Build a Document from a cell stream, or raise a located ReadError."""
    warnings: list[ReadWarning] = []
    doc = Document(source_path=path, reader=reader, warnings=warnings)
    units: list[str] = []
    for segment in split_tables(cells):
        if segment.title is None and find_indicator_header(segment.cells) is None:
            for c in segment.cells:
                if c.text:
                    warnings.append(ReadWarning(f"表格之外的文字「{c.text[:40]}」未读入。", c.where))
            continue
        builder = TableBuilder(path, segment, warnings)
        table = builder.build()
        if builder.money_unit:
            units.append(builder.money_unit)
        doc.tables.append(table)
    if not doc.tables:
        raise ReadError(
            path, "没有找到绩效目标表：既没有“……绩效目标表”之类的标题，也没有“指标 / 指标权重 / 指标值”表头。"
        )
    for table in doc.tables:
        if not table.indicators:
            raise ReadError(
                path,
                f"表「{table.title or table.name or '未命名'}」没有任何指标行（未找到“指标 / 指标值”表头，或表头下为空）。",
                table.where,
            )
    years = Counter(t.fiscal_year for t in doc.tables if t.fiscal_year)
    doc.fiscal_year = years.most_common(1)[0][0] if years else None
    for table in doc.tables:
        table.fiscal_year = table.fiscal_year or doc.fiscal_year
    depts = [t.department for t in doc.department_tables if t.department]
    depts = depts or [t.department for t in doc.tables if t.department]
    doc.department = Counter(depts).most_common(1)[0][0] if depts else None
    doc.money_unit = Counter(units).most_common(1)[0][0] if units else "万元"
    return doc
