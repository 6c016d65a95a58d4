"""Excel in the official layouts: 部门整体绩效目标表, 项目/专项绩效目标表 (一级/二级/三级), 自评表.

Merged cells, borders, column widths that fit Chinese, A4 print setup. Cells are written as the
document printed them: amounts and weights as numbers with the format they were shown in (so the
sheet computes), everything else as text.
"""

from __future__ import annotations

import gc
import math
import re
from pathlib import Path

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from jixiao.domain.cache import gc_paused
from jixiao.domain.model import Document, TargetTable
from jixiao.domain.widths import display_width
from jixiao.writers.layout import Box, Layout, layouts

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
    """Writes one table's layout at a given row of a sheet; returns the next free row."""

    def __init__(self, ws: Worksheet, f: _Formats) -> None:
        self.ws, self.f = ws, f
        self.widths: dict[int, int] = {}
        # rows holding text merged across columns, or a cell of several lines: neither Excel nor WPS
        # sizes such a row to its text (a goal of 300 characters would show and print its first line
        # only), nor does Calc print a two-line cell apart at the default height
        self.tall_rows: list[tuple[int, list[Box | None]]] = []
        self.kinds = {
            "title": f.title,
            "note": f.note,
            "note-right": f.note_right,
            "label": f.label,
            "center": f.center,
        }

    def write(self, r: int, layout: Layout) -> int:
        ws = self.ws
        widths = self.widths
        number, kinds, text_format = self.f.number, self.kinds, self.f.text  # 100万 cells: looked up once
        for row in layout.rows:
            tall = False
            for c, box in enumerate(row):
                if box is None:
                    continue
                kind = box.kind
                fmt = number(box.decimals, box.percent) if kind == "number" else kinds.get(kind, text_format)
                if box.colspan > 1 or box.rowspan > 1:
                    _merge(ws, r, c, box.rowspan, box.colspan, fmt)
                    tall = tall or (box.colspan > 1 and bool(box.text) and kind in _SIZED)
                tall = tall or ("\n" in box.text and kind in _SIZED)
                if box.kind == "number" and box.number is not None:
                    ws.write_number(r, c, float(box.number), fmt)
                elif box.text:
                    ws.write_string(r, c, box.text, fmt)
                else:
                    ws.write_blank(r, c, None, fmt)  # keeps the border, stores no string
                if kind == "title":
                    ws.set_row(r, 24)
                    continue
                text = box.text
                have = widths.get(c, 0)
                # the widest line decides; past 40 columns the cell wraps, so stop measuring; a text
                # can be no wider than two columns a character, which most cells are not past
                if (
                    text
                    and have < 40
                    and 2 * len(text) // box.colspan + 2 > have
                    and kind not in ("note", "note-right")
                ):
                    widest = _widest(text)
                    # a paragraph merged across the table (a goal, an overview) wraps in its row
                    # rather than widen its first column and shrink the whole printed page
                    need = (
                        min(widest // box.colspan + 2, 40) if box.colspan == 1 or widest <= _PARAGRAPH else 0
                    )
                    if need > have:
                        widths[c] = need
            if tall:
                self.tall_rows.append((r, row))
            r += 1
        return r


def _merge(ws: Worksheet, row: int, col: int, rows: int, cols: int, fmt: object) -> None:
    """Merge a box's cells and give the covered ones its format (a border Excel draws round the
    range): what merge_range does, less its check for overlaps with every merge before, which
    a layout's boxes never have (tests/test_writers.py reads every merge back), and its A1 text."""
    ws.merge.append([row, col, row + rows - 1, col + cols - 1])
    write_blank = ws.write_blank
    for r in range(row, row + rows):
        for c in range(col, col + cols):
            if r != row or c != col:
                write_blank(r, c, None, fmt)


_SIZED = frozenset(["label", "text", "center"])  # the kinds of box that wrap in their cell
_PARAGRAPH = 60  # display columns: a merged text wider than this is a paragraph
_LINE_POINTS = 13.5  # a line of 10-point 宋体, as Excel spaces it
_DEFAULT_WIDTHS = {0: 12, 1: 14, 2: 28, 3: 10, 4: 12, 5: 10, 6: 10, 7: 28}


def _widest(text: str) -> int:
    """The display width of a text's widest line."""
    return display_width(text) if "\n" not in text else max(map(display_width, text.split("\n")))


def _lines(text: str, width: float) -> int:
    """The lines a text wraps into in a cell `width` characters wide (a tenth spare: a line breaks
    before a word or a character that would not fit whole)."""
    room = max(width - 1, 1)
    if len(text) * 2.2 <= room and "\n" not in text:  # one line however wide its characters (most)
        return 1
    return sum(max(1, math.ceil(display_width(line) * 1.1 / room)) for line in text.split("\n"))


def _row_heights(ws: Worksheet, rows: list[tuple[int, list[Box | None]]], widths: list[float]) -> None:
    """Each row with text merged across columns, or of several lines, as tall as its longest text
    wraps to."""
    for r, row in rows:
        lines = 1
        for c, box in enumerate(row):
            if box is not None and box.text and box.kind in _SIZED:
                lines = max(lines, _lines(box.text, sum(widths[c : c + box.colspan])))
        if lines > 1:
            ws.set_row(r, lines * _LINE_POINTS + 3)


def _setup(
    ws: Worksheet, widths: dict[int, int], columns: int, tall_rows: list[tuple[int, list[Box | None]]]
) -> None:
    final = [float(max(_DEFAULT_WIDTHS.get(col, 12), widths.get(col, 0))) for col in range(columns)]
    for col, width in enumerate(final):
        ws.set_column(col, col, width)
    _row_heights(ws, tall_rows, final)
    ws.set_paper(9)  # A4
    ws.set_portrait()
    ws.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.6)
    ws.fit_to_pages(1, 0)
    ws.center_horizontally()


def write_xlsx(doc: Document, path: str | Path, *, one_sheet: bool = False) -> None:
    """One sheet per table (the official way), or every table stacked on one sheet (bulk exports)."""
    # XlsxWriter keeps a small object per cell until it closes the file: 10万 indicators make 150万
    # of them, which the cyclic collector would trace again and again as they are made (a quarter
    # of the time). Paused; and as the workbook and its sheets refer to each other, their cells
    # are collected once, at the end, rather than at some later full collection.
    with gc_paused():
        _write_workbook(doc, path, one_sheet)
        gc.collect()  # sees only what the write made: what existed before is set aside


def _write_workbook(doc: Document, path: str | Path, one_sheet: bool) -> None:
    # a cell that reads "=…" or "http://…" is text a filer typed, never a formula or a link
    wb = xlsxwriter.Workbook(
        str(path), {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    )
    f = _Formats(wb)
    used: set[str] = set()
    if one_sheet:
        ws = wb.add_worksheet("绩效目标表")
        writer = _TableWriter(ws, f)
        r = 0
        columns = 7
        for _, layout in layouts(doc):
            r = writer.write(r, layout) + 1
            columns = max(columns, layout.width)
        _setup(ws, writer.widths, columns, writer.tall_rows)
    else:
        for n, (t, layout) in enumerate(layouts(doc), start=1):
            ws = wb.add_worksheet(_sheet_name(n, t, used))
            writer = _TableWriter(ws, f)
            writer.write(0, layout)
            _setup(ws, writer.widths, layout.width, writer.tall_rows)
    wb.close()
