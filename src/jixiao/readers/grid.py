"""Grid sources (Excel, HTML, Word, PDF, text with one row a line) as rows of cell texts.

A row is its texts by column (a list or a tuple), plus the merged ranges that cover some of its
columns. Only the rows above a table's indicator header become Cell objects (they are few);
indicator rows stay texts, read a column at a time — 10万 rows of an Excel sheet must not become a
million objects.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress, repeat
from operator import ge, itemgetter, methodcaller, sub
from typing import NamedTuple

from jixiao.domain.model import Document, ReadWarning, TargetTable, Where
from jixiao.readers import labels
from jixiao.readers.assemble import Cell, TableBuilder, _Segment, finish, is_upper_header, unread
from jixiao.readers.errors import ReadError
from jixiao.readers.indicators import PendingRows


class GridRow(NamedTuple):
    """A named tuple: a sheet's 10万 rows are made at C speed (see `excel.sheet_rows`)."""

    texts: Sequence[str]  # by column, stripped; "" for empty
    where: Where  # the row's place (sheet + row, or line); cells add their column
    covers: dict[int, tuple[str, bool]] | None = None  # column → (merged text, merged from above)
    raws: Sequence[str] | None = None  # as printed, where it differs from `texts`

    def cells(self, row_key: int, covered: bool = True) -> list[Cell]:
        """The row as cells; `covered=False` leaves out the places under a merged range (a
        table's header block reads each merged cell once, at its anchor)."""
        out = []
        raws = self.raws or self.texts
        covers = self.covers or {}
        line, sheet, row = self.where.line, self.where.sheet, self.where.row
        for c, text in enumerate(self.texts):
            cover = covers.get(c)
            if cover is not None and not text:
                if covered:
                    out.append(Cell("", "", Where(line, sheet, row, c + 1), row_key, c, True, *cover))
            else:
                out.append(Cell(text, raws[c], Where(line, sheet, row, c + 1), row_key, c))
        return out


def rows_from_cells(cells: list[Cell]) -> list[GridRow]:
    """Cells that carry row/col (HTML, text rows) → rows."""
    grouped: dict[int | None, list[Cell]] = {}
    for c in cells:
        grouped.setdefault(c.row, []).append(c)
    rows = []
    for row in grouped.values():
        width = max((c.col or 0) for c in row) + 1
        texts = [""] * width
        raws = [""] * width
        covers: dict[int, tuple[str, bool]] = {}
        for c in row:
            k = c.col or 0
            if c.covered:
                covers[k] = (c.anchor, c.vertical)
            else:
                texts[k], raws[k] = c.text, c.raw
        first = next((c.where for c in row if not c.covered), row[0].where)
        rows.append(GridRow(texts, first._replace(column=None), covers or None, raws))
    return rows


def find_header(row: GridRow) -> dict[int, str] | None:
    """The indicator header: at least three indicator column labels, with a name and a value/weight."""
    texts, covers = row.texts, row.covers
    if not covers and len(texts) - texts.count("") < 3:
        return None  # most rows of a table's head: a label and its value or two
    by_col: dict[int, str] = {}
    column = labels.indicator_column
    for k, label in enumerate(texts):
        if not label:
            cover = covers.get(k) if covers else None
            if cover is None or not cover[1]:
                continue
            label = cover[0]  # a header cell merged down from the row above
        role = column(label) if label else None
        if role is not None:
            by_col[k] = role
    roles = set(by_col.values())
    if len(by_col) >= 3 and "name" in roles and ("value" in roles or "weight" in roles):
        # under a merged 指标值 the header's own row may split it by period (中长期 | 年度)
        for k, text in enumerate(row.texts):
            period = labels.VALUE_PERIODS.get(labels.label_key(text)) if text and k not in by_col else None
            if period is not None:
                by_col[k] = period
        return by_col
    return None


def _title(row: GridRow) -> str | None:
    texts = row.texts
    if len(texts) - texts.count("") > 2:
        return None  # an indicator row (most rows): no need to look closer
    filled = [t for t in texts if t]
    if filled and len(filled) <= 2 and labels.is_title(filled[0]):
        return filled[0]
    return None


def _titles(rows: list[GridRow]) -> dict[int, str]:
    """The rows that are a table's title, by place. Only a row of one or two filled cells can be:
    those are found at C speed among 10万 indicator rows."""
    texts = list(map(itemgetter(0), rows))  # GridRow.texts
    filled = map(sub, map(len, texts), map(methodcaller("count", ""), texts))
    found = {k: _title(rows[k]) for k in compress(range(len(rows)), map(ge, repeat(2), filled))}
    return {k: title for k, title in found.items() if title}


def _simplified(rows: list[GridRow]) -> list[GridRow]:
    """Traditional script → Simplified in the texts; `raws` keep what was printed."""
    from jixiao.readers.chinese import looks_traditional, to_simplified

    sample = "".join(t for row in rows[:60] for t in row.texts)
    if not looks_traditional(sample):
        return rows
    out = []
    for row in rows:
        covers = {k: (to_simplified(a), v) for k, (a, v) in row.covers.items()} if row.covers else None
        out.append(
            GridRow([to_simplified(t) for t in row.texts], row.where, covers, row.raws or list(row.texts))
        )
    return out


def assemble_grid(path: str, reader: str, rows: list[GridRow]) -> Document:
    """Build a Document from grid rows, or raise a located ReadError."""
    rows = _simplified(rows)
    warnings: list[ReadWarning] = []
    doc = Document(source_path=path, reader=reader, warnings=warnings)
    units: list[str] = []  # the money unit each table printed, "" for none
    pending = PendingRows()  # every table's indicator rows, built together at the end
    k = 0
    n = len(rows)
    titles = _titles(rows)
    title_at = sorted(titles)
    while k < n:
        title_text = titles.get(k)
        start = k + 1 if title_text else k
        # the table runs to the next title (at least one row)
        after = bisect_right(title_at, start)
        end = min(title_at[after], n) if after < len(title_at) else n
        end = max(end, min(start + 1, n))
        header_at = None
        by_col: dict[int, str] | None = None
        for at in range(start, end):
            by_col = find_header(rows[at])
            if by_col is not None:
                header_at = at
                break
        head_end = header_at if header_at is not None else end
        if header_at is not None and head_end > start and is_upper_header(rows[head_end - 1].texts):
            head_end -= 1  # the header's first row (绩效指标 over 一级 | 二级 | 三级)
        head_rows = rows[start:head_end]
        if title_text is None and header_at is None:
            for row in head_rows:
                unread(warnings, row.texts, row.where)
            k = end
            continue
        if (
            title_text is not None
            and doc.tables
            and labels.is_continuation(title_text)
            and header_at is not None
            and by_col is not None
        ):
            # "……目标表（续）": the last table goes on under its header printed again
            TableBuilder(_Segment(None, []), warnings, pending=pending).read_body(
                doc.tables[-1], by_col, rows[header_at + 1 : end]
            )
            k = end
            continue
        title_cell = None
        head_cells: list[Cell] = []
        if title_text is not None:
            title_row = rows[k].cells(k, covered=False)
            title_cell = next(c for c in title_row if c.text == title_text)
            head_cells.extend(c for c in title_row if c is not title_cell)
        for offset, row in enumerate(head_rows):
            head_cells.extend(row.cells(start + offset, covered=False))
        builder = TableBuilder(_Segment(title_cell, head_cells), warnings, pending=pending)
        table: TargetTable = builder.build_head()
        if header_at is not None and by_col is not None:
            builder.read_body(table, by_col, rows[header_at + 1 : end])
        doc.tables.append(table)
        doc.tables.extend(builder.split)
        units.extend([builder.money_unit or ""] * (1 + len(builder.split)))
        k = end
    pending.flush()
    if not doc.tables:
        raise ReadError(
            path, "没有找到绩效目标表：既没有“……绩效目标表”之类的标题，也没有“指标 / 指标权重 / 指标值”表头。"
        )
    return finish(doc, units)
