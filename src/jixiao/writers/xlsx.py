"""Excel in the official layouts: 部门整体绩效目标表, 项目/专项绩效目标表 (一级/二级/三级), 自评表.

Merged cells, borders, column widths that fit Chinese, A4 print setup. Cells are written as the
document printed them: amounts and weights as numbers with the format they were shown in (so the
sheet computes), everything else as text.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from jixiao.domain.model import Document, Indicator, TargetTable
from jixiao.writers.widths import display_width

TARGET_COLUMNS = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "指标权重"]
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
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


class _Formats:
    def __init__(self, wb: Workbook) -> None:
        base = {"border": 1, "valign": "vcenter", "text_wrap": True, "font_name": "宋体", "font_size": 10}
        self.title = wb.add_format({"bold": True, "font_size": 14, "align": "center", "font_name": "黑体"})
        self.note = wb.add_format({"font_size": 10, "font_name": "宋体"})
        self.note_right = wb.add_format({"font_size": 10, "font_name": "宋体", "align": "right"})
        self.label = wb.add_format({**base, "bold": True, "align": "center", "bg_color": "#F2F2F2"})
        self.text = wb.add_format(base)
        self.center = wb.add_format({**base, "align": "center"})
        self._numbers: dict[tuple[int, bool], object] = {}
        self.wb = wb

    def number(self, decimals: int, percent: bool = False) -> object:
        key = (decimals, percent)
        if key not in self._numbers:
            code = ("0" if not decimals else "0." + "0" * decimals) + ("%" if percent else "")
            if not percent:
                code = "#,##" + code
            self._numbers[key] = self.wb.add_format(
                {
                    "border": 1,
                    "valign": "vcenter",
                    "align": "right",
                    "num_format": code,
                    "font_name": "宋体",
                    "font_size": 10,
                }
            )
        return self._numbers[key]


def _decimals(text: str) -> int:
    return len(text.split(".")[1]) if "." in text else 0


def _sheet_name(n: int, table: TargetTable, used: set[str]) -> str:
    base = "部门整体" if table.kind == "department" else f"{n}-{table.name or '项目'}"
    name = _SHEET_BAD.sub("", base)[:31]
    k = 2
    while name in used:
        name = f"{base[:27]}({k})"
        k += 1
    used.add(name)
    return name


class _TableWriter:
    """Writes one table at a given row of a sheet; returns the next free row."""

    def __init__(self, ws: Worksheet, f: _Formats, doc: Document) -> None:
        self.ws, self.f, self.doc = ws, f, doc
        self.widths: dict[int, int] = {}

    def _track(self, col: int, text: str, span: int = 1) -> None:
        for line in text.splitlines() or [""]:
            need = display_width(line) // span + 2
            self.widths[col] = max(self.widths.get(col, 0), min(need, 40))

    def cell(self, r: int, c: int, text: str | None, fmt: object = None, span: int = 1) -> None:
        text = text or ""
        if span > 1:
            self.ws.merge_range(r, c, r, c + span - 1, text, fmt or self.f.text)
        else:
            self.ws.write_string(r, c, text, fmt or self.f.text)
        self._track(c, text, span)

    def amount(self, r: int, c: int, value: Decimal | None, printed: str = "", span: int = 1) -> None:
        if value is None:
            self.cell(r, c, "", span=span)
            return
        fmt = self.f.number(_decimals(printed or str(value)))
        if span > 1:
            self.ws.merge_range(r, c, r, c + span - 1, "", fmt)
        self.ws.write_number(r, c, float(value), fmt)

    def weight(self, r: int, c: int, ind: Indicator) -> None:
        printed = ind.raw.get("weight", "")
        if ind.weight is None or not re.fullmatch(r"\d+(\.\d+)?%?", printed.strip()):
            self.cell(r, c, printed, self.f.center)
            return
        if printed.strip().endswith("%"):  # shown as a percent: store the fraction, show the percent
            self.ws.write_number(
                r, c, float(ind.weight / 100), self.f.number(_decimals(printed.rstrip("%")), True)
            )
        else:
            self.ws.write_number(r, c, float(ind.weight), self.f.number(_decimals(printed)))

    def write(self, r: int, n: int, t: TargetTable) -> int:
        width = len(SELF_EVAL_COLUMNS) if t.stage == "self_evaluation" else len(TARGET_COLUMNS)
        self.ws.merge_range(r, 0, r, width - 1, t.title, self.f.title)
        self.ws.set_row(r, 24)
        r += 1
        unit = self.doc.money_unit
        if t.kind == "project":
            self.ws.merge_range(r, 0, r, 3, f"编制单位：{t.preparer or ''}", self.f.note)
            self.ws.merge_range(r, 4, r, width - 1, f"单位：{unit}", self.f.note_right)
            r += 1
            self.cell(r, 0, "项目名称", self.f.label)
            self.cell(r, 1, t.name, span=3)
            self.cell(r, 4, "业务主管部门", self.f.label)
            self.cell(r, 5, t.department, span=width - 5)
            r += 1
        else:
            self.cell(r, 0, "业务主管部门", self.f.label)
            self.cell(r, 1, t.department, span=width - 1)
            r += 1
        for k, (key, value) in enumerate(t.extra.items()):
            if key.startswith("预算执行"):
                continue
            self.cell(r, 0, key, self.f.label)
            self.cell(r, 1, value, span=width - 1)
            r += 1
            del k
        r = self._money(r, t, width, unit)
        for label, text in (("项目概况", t.overview), ("立项依据", t.basis)):
            if text:
                self.cell(r, 0, label, self.f.label)
                self.cell(r, 1, text, span=width - 1)
                r += 1
        goal_label = "当年整体绩效目标" if t.kind == "department" else "年度绩效目标"
        self.cell(r, 0, goal_label, self.f.label)
        self.cell(r, 1, t.goal, span=width - 1)
        r += 1
        return self._indicators(r, t)

    def _money(self, r: int, t: TargetTable, width: int, unit: str) -> int:
        label = t.budget_label or ("部门支出预算总量（万元）" if t.kind == "department" else "年度资金总额")
        if t.stage == "self_evaluation":
            heads = ["全年预算数", "全年执行数", "执行率"]
            for k, h in enumerate(heads):
                self.cell(r, 1 + k, h, self.f.label)
            r += 1
            self.cell(r, 0, "年度资金总额", self.f.label)
            self.amount(r, 1, t.budget_total)
            self.amount(r, 2, t.budget_executed)
            rate = "" if t.execution_rate is None else f"{t.execution_rate}%"
            self.cell(r, 3, rate, self.f.center)
            return r + 1
        self.cell(r, 0, label, self.f.label)
        printed = str(t.budget_total) if t.budget_total is not None else ""
        if not t.budget_lines:
            self.amount(r, 1, t.budget_total, printed, span=width - 1)
            return r + 1
        self.amount(r, 1, t.budget_total, printed, span=3)
        first = True
        for b in t.budget_lines:
            if not first:
                self.cell(r, 0, "", self.f.label)
                self.cell(r, 1, "", span=3)
            self.cell(r, 4, b.label, self.f.label)
            self.amount(r, 5, b.amount, b.raw, span=width - 5)
            first = False
            r += 1
        return r

    def _indicators(self, r: int, t: TargetTable) -> int:
        evaluation = t.stage == "self_evaluation"
        columns = SELF_EVAL_COLUMNS if evaluation else TARGET_COLUMNS
        for c, head in enumerate(columns):
            self.cell(r, c, head, self.f.label)
        r += 1
        start = r
        for ind in t.indicators:
            raw = ind.raw
            self.cell(r, 0, raw.get("level1") or ind.level1 or "", self.f.center)
            self.cell(r, 1, raw.get("level2") or ind.level2 or "", self.f.center)
            self.cell(r, 2, ind.name)
            if evaluation:
                self.cell(r, 3, raw.get("value", ind.value or ""), self.f.center)
                self.cell(r, 4, ind.actual, self.f.center)
                self.weight(r, 5, ind)
                self.cell(r, 6, raw.get("score", "" if ind.score is None else str(ind.score)), self.f.center)
                self.cell(r, 7, ind.deviation)
            else:
                self.cell(r, 3, raw.get("operator", ""), self.f.center)
                value = raw.get("value", ind.value or "")
                if _NUMBER.match(value.strip()):
                    self.ws.write_number(r, 4, float(value), self.f.number(_decimals(value.strip())))
                else:
                    self.cell(r, 4, value, self.f.center)
                self.cell(r, 5, raw.get("unit", ind.unit or ""), self.f.center)
                self.weight(r, 6, ind)
            r += 1
        self._merge_runs(start, t, 0, lambda i: i.raw.get("level1") or i.level1 or "")
        self._merge_runs(
            start,
            t,
            1,
            lambda i: (i.raw.get("level1") or i.level1 or "", i.raw.get("level2") or i.level2 or ""),
        )
        if evaluation:
            self.cell(r, 0, "总分", self.f.label)
            self.cell(r, 1, "", span=4)
            self.weight_total(r, 5, t)
            self.cell(r, 6, "" if t.score_total is None else str(t.score_total), self.f.center)
            self.cell(r, 7, f"自评等级：{t.grade}" if t.grade else "")
            r += 1
        return r

    def weight_total(self, r: int, c: int, t: TargetTable) -> None:
        self.ws.write_number(r, c, float(t.weight_total + 10), self.f.number(0))

    def _merge_runs(self, start: int, t: TargetTable, col: int, key) -> None:  # type: ignore[no-untyped-def]
        """Merge the 一级 (or 二级) cells of consecutive rows that print the same category."""
        inds = t.indicators
        k = 0
        while k < len(inds):
            j = k
            while j + 1 < len(inds) and key(inds[j + 1]) == key(inds[k]) and key(inds[k]):
                j += 1
            if j > k:
                text = (
                    inds[k].raw.get("level1" if col == 0 else "level2")
                    or (inds[k].level1 if col == 0 else inds[k].level2)
                    or ""
                )
                self.ws.merge_range(start + k, col, start + j, col, text, self.f.center)
            k = j + 1


def _setup(ws: Worksheet, widths: dict[int, int], evaluation: bool) -> None:
    defaults = {0: 12, 1: 14, 2: 28, 3: 10, 4: 12, 5: 10, 6: 10, 7: 28}
    for col in range(8 if evaluation else 7):
        ws.set_column(col, col, max(defaults[col], widths.get(col, 0)))
    ws.set_paper(9)  # A4
    ws.set_portrait()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()


def write_xlsx(doc: Document, path: str | Path, *, one_sheet: bool = False) -> None:
    """One sheet per table (the official way), or every table stacked on one sheet (bulk exports)."""
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": False, "strings_to_numbers": False})
    f = _Formats(wb)
    used: set[str] = set()
    if one_sheet:
        ws = wb.add_worksheet("绩效目标表")
        writer = _TableWriter(ws, f, doc)
        r = 0
        for n, t in enumerate(doc.tables, start=1):
            r = writer.write(r, n, t) + 1
        _setup(ws, writer.widths, any(t.stage == "self_evaluation" for t in doc.tables))
    else:
        for n, t in enumerate(doc.tables, start=1):
            ws = wb.add_worksheet(_sheet_name(n, t, used))
            writer = _TableWriter(ws, f, doc)
            writer.write(0, n, t)
            _setup(ws, writer.widths, t.stage == "self_evaluation")
    wb.close()
