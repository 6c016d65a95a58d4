"""Grid sources (Excel, HTML, Word, PDF, text with one row a line) as rows of cell texts.

A row is its texts by column (a list or a tuple), plus the merged ranges that cover some of its
columns. Only the rows above a table's indicator header become Cell objects (they are few);
indicator rows stay texts, read a column at a time — 10万 rows of an Excel sheet must not become a
million objects.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, compress, repeat
from operator import ge, itemgetter, methodcaller, not_, sub
from typing import NamedTuple, TypeVar, overload

from jixiao.domain.model import Document, ReadWarning, TargetTable, Where, row_places
from jixiao.readers import labels
from jixiao.readers.assemble import Cell, TableBuilder, _Segment, finish, is_upper_header, unread
from jixiao.readers.errors import ReadError
from jixiao.readers.indicators import PendingRows, picker


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


T = TypeVar("T")
Cover = dict[int, tuple[str, bool]]
_WHERE_REST = (None,) * (len(Where._fields) - 3)  # after line, sheet and row
_ROW_REST = (None,) * (len(GridRow._fields) - 3)  # after texts, where and covers


class Merges:
    """The places a sheet's merged ranges cover, each with its range's text: to the right of the
    anchor in its row (`across`), and in the rows below it (`below`, a list per column, the text
    where a range covers that row, else None: 10万 rows under merged 一级/二级 cells)."""

    __slots__ = ("across", "below", "_filled")

    def __init__(self, across: dict[int, Cover], below: dict[int, list[str | None]]) -> None:
        self.across = across
        self.below = below
        self._filled: dict[int, list[str]] = {}

    def at(self, r: int) -> Cover | None:
        """The places row `r` has covered, left to right, or None."""
        found: list[tuple[int, tuple[str, bool]]] = [
            (c, (text, True)) for c, col in self.below.items() if (text := col[r]) is not None
        ]
        across = self.across.get(r)
        if not found:
            return across
        if across:
            found.extend(across.items())
        return dict(sorted(found))

    def filled(self, c: int, column: list[str]) -> list[str]:
        """Column `c`'s texts with the text of the range above put in each empty place it covers
        (worked out once a sheet: stacked tables each take their rows of it)."""
        out = self._filled.get(c)
        if out is None:
            out = self._filled[c] = [v or a or "" for v, a in zip(column, self.below[c], strict=True)]
        return out


class RowTexts:
    """A sheet's shown texts by row, from its columns: all of them made at once when first asked
    for together, a single row made on its own before that (a sheet of one table of 10万 rows only
    ever asks for its head's)."""

    __slots__ = ("columns", "n", "_all")

    def __init__(self, columns: list[list[str]], n: int) -> None:
        self.columns = columns
        self.n = n
        self._all: list[tuple[str, ...]] | None = None

    def all(self) -> list[tuple[str, ...]]:
        if self._all is None:
            self._all = list(zip(*self.columns, strict=True)) if self.columns else [()] * self.n
        return self._all

    def __getitem__(self, r: int) -> tuple[str, ...]:
        if self._all is not None:
            return self._all[r]
        return tuple([column[r] for column in self.columns])


class SheetRows(Sequence[GridRow]):
    """A sheet's rows, kept as its columns of shown texts; a row object is made when one is asked
    for. A sheet of 10万 indicator rows is read a column at a time (`body`): its body rows never
    become objects, only the rows of its tables' heads and those that need a closer look."""

    __slots__ = ("sheet", "columns", "texts", "rows", "merges", "_made")

    def __init__(
        self,
        sheet: str,
        columns: list[list[str]],
        texts: RowTexts,
        rows: Sequence[int],
        merges: Merges,
        made: dict[int, GridRow] | None = None,
    ) -> None:
        self.sheet = sheet
        self.columns = columns  # shown texts by column, each as long as the sheet
        self.texts = texts  # the same by row, each as wide as the sheet
        self.rows = rows  # the sheet's rows (from 0) in this view; an empty one is in none
        self.merges = merges
        self._made: dict[int, GridRow] = {} if made is None else made  # rows made so far, by row

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, i: int) -> GridRow: ...

    @overload
    def __getitem__(self, i: slice) -> SheetRows: ...

    def __getitem__(self, i: int | slice) -> GridRow | SheetRows:
        if isinstance(i, slice):
            return SheetRows(self.sheet, self.columns, self.texts, self.rows[i], self.merges, self._made)
        r = self.rows[i]
        return self._made.get(r) or self._row(r)

    def __iter__(self) -> Iterator[GridRow]:
        made = self._made
        return (made.get(r) or self._row(r) for r in self.rows)

    def _row(self, r: int) -> GridRow:
        """Row `r` of the sheet, cut after its last filled cell or the last place a range covers;
        kept, as a table's head rows are looked at several times."""
        texts = self.texts[r]
        cover = self.merges.at(r)
        last = len(texts)
        while last and texts[last - 1] == "":
            last -= 1
        if cover:
            last = max(last, max(cover) + 1)
        if last < len(texts):
            texts = texts[:last]
        # tuple.__new__: a named tuple's own __new__ is Python code
        where = tuple.__new__(Where, (None, self.sheet, r + 1, *_WHERE_REST))
        row: GridRow = tuple.__new__(GridRow, (texts, where, cover, *_ROW_REST))
        self._made[r] = row
        return row

    def _take(self) -> Callable[[list[T]], Sequence[T]]:
        """How to take the items of a sheet-long list at this view's rows."""
        return _taker(self.rows)

    def row_texts(self, most: int | None = None) -> Sequence[tuple[str, ...]]:
        """Each row's texts (the first `most` rows' only, if given), as wide as the sheet."""
        if most is not None:  # a sheet's first rows, from its columns (zip: C speed)
            rows = self.rows[:most]
            return (
                list(zip(*map(_taker(rows), self.columns), strict=True)) if self.columns else [()] * len(rows)
            )
        return self._take()(self.texts.all())

    def sparse(self, most: int) -> list[int]:
        """The rows (by place in this view) with at most `most` filled cells. A row whose cells
        under the sheet's fullest columns are all filled has more: that rules out a table's
        indicator rows at C speed, and only the others are counted."""
        take, rows, texts = self._take(), self.rows, self.texts
        places: Sequence[int] = range(len(rows))
        # any columns would do (a row filled under all of them has more); the fullest rule out
        # most rows, and a sample of each column tells which they are
        step = max(1, texts.n // 4096)
        fullest = sorted(self.columns, key=lambda column: column[::step].count(""))[: most + 1]
        if len(fullest) > most:
            places = list(compress(places, map(not_, map(all, zip(*map(take, fullest), strict=True)))))
        if len(places) * 8 > len(rows):
            texts.all()  # many rows to look at (stacked tables' heads): all rows at once
        return [k for k in places if len(row := texts[rows[k]]) - row.count("") <= most]

    def body(self, picks: Sequence[int]) -> tuple[list[Sequence[str]], list[list[str]]]:
        """Every column's texts at these rows, and the texts of the columns `picks` with the text
        of a merged range above put in each empty place it covers (a list each, to change)."""
        take, merges, columns = self._take(), self.merges, self.columns
        every = list(map(take, columns))
        picked = [
            list(take(merges.filled(c, columns[c]) if c in merges.below else columns[c]))
            if c < len(columns)
            else [""] * len(self.rows)
            for c in picks
        ]
        return every, picked

    def wheres(self) -> list[Where]:
        """Each row's place: its sheet and row number."""
        rows = self.rows
        numbers = range(rows.start + 1, rows.stop + 1) if isinstance(rows, range) else [r + 1 for r in rows]
        return row_places(self.sheet, numbers)


def _taker(rows: Sequence[int]) -> Callable[[list[T]], Sequence[T]]:
    """How to take the items of a sheet-long list at these rows (a slice where they run on)."""
    if not rows:
        return lambda items: []
    first, last = rows[0], rows[-1]
    if last - first + 1 == len(rows):
        return itemgetter(slice(first, last + 1))
    return picker(rows)


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
    filled = len(texts) - texts.count("")
    if filled < 3 and (not covers or filled + sum(cover[1] for cover in covers.values()) < 3):
        # most rows of a table's head: a label and its value or two, a title or a goal merged
        # across (only a cell merged down from a label above counts as a label here)
        return None
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
        return labels.mid_term_by_column(by_col)  # the mid-term's columns beside the year's, renamed
    return None


def _title(row: GridRow) -> str | None:
    texts = row.texts
    if len(texts) - texts.count("") > 2:
        return None  # an indicator row (most rows): no need to look closer
    filled = [t for t in texts if t]
    if filled and len(filled) <= 2 and labels.is_title(filled[0]):
        return filled[0]
    return None


def _titles(rows: Sequence[GridRow]) -> dict[int, str]:
    """The rows that are a table's title, by place. Only a row of one or two filled cells can be:
    those are found at C speed among 10万 indicator rows."""
    if isinstance(rows, SheetRows):
        sparse: Iterable[int] = rows.sparse(2)
    else:
        texts = list(map(itemgetter(0), rows))  # GridRow.texts
        filled = map(sub, map(len, texts), map(methodcaller("count", ""), texts))
        sparse = compress(range(len(rows)), map(ge, repeat(2), filled))
    found = {k: _title(rows[k]) for k in sparse}
    return {k: title for k, title in found.items() if title}


def _simplified(rows: Sequence[GridRow]) -> Sequence[GridRow]:
    """Traditional script → Simplified in the texts; `raws` keep what was printed."""
    from jixiao.readers.chinese import looks_traditional, to_simplified

    # a sheet's first rows, as texts (a workbook of a sheet per table asks this of every sheet)
    head: Sequence[Sequence[str]]
    if isinstance(rows, SheetRows):
        head = rows.row_texts(60)
    else:
        head = [row.texts for row in rows[:60]]
    sample = "".join(chain.from_iterable(head))
    if not looks_traditional(sample):
        return rows
    out = []
    for row in rows:
        covers = {k: (to_simplified(a), v) for k, (a, v) in row.covers.items()} if row.covers else None
        out.append(
            GridRow([to_simplified(t) for t in row.texts], row.where, covers, row.raws or list(row.texts))
        )
    return out


def assemble_grid(path: str, reader: str, rows: Sequence[GridRow]) -> Document:
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
            unread(warnings, [(row.texts, row.where) for row in head_rows])
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
