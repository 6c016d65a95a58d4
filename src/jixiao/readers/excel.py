"""Excel workbooks (.xlsx, .xls) through python-calamine.

Merged ranges are read once, at their anchor; number formats are honoured (30% is "30%", an
amount shown as 160.00 is "160.00"); every visible sheet is read, each on its own.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from itertools import compress, repeat
from operator import not_
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum
from xlsxwriter.utility import xl_col_to_name

from jixiao.domain.cache import memo
from jixiao.domain.model import Document, ReadWarning, Where
from jixiao.readers.assemble import _WS
from jixiao.readers.errors import ReadError
from jixiao.readers.grid import Cover, Merges, RowTexts, SheetRows, assemble_grid
from jixiao.readers.xls_formats import OLE, xls_number_formats
from jixiao.readers.xlsx_formats import Errors, Formats, Hidden, Shown, Uncomputed, number_formats

MAX_UNPACKED = 1 << 30  # 1 GiB of XML is no target table; a zip bomb is
MAX_RATIO = 200
MAX_CELLS = 20_000_000


def guard_zip(data: bytes, name: str) -> zipfile.ZipFile:
    """Open an Office zip, refusing archives that unpack to more than we will ever read."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReadError(name, "文件已损坏，无法打开（不是完整的 Office 文件）。") from exc
    total = sum(i.file_size for i in infos)
    worst = max(infos, key=lambda i: i.file_size / max(i.compress_size, 1), default=None)
    if total > MAX_UNPACKED or (
        worst is not None
        and worst.file_size > 64 << 20
        and worst.file_size / max(worst.compress_size, 1) > MAX_RATIO
    ):
        raise ReadError(
            name,
            f"文件解压后有 {total / (1 << 20):,.0f} MB（压缩比异常），可能已损坏或是恶意文件，已拒绝读取。",
        )
    return zf


def _text(value: object, shown: Shown | None) -> str:
    """A cell's value as the sheet shows it."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip(_WS)
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        return _number_text(value, shown)
    if isinstance(value, dt.date) and shown is not None and shown.date:
        if not isinstance(value, dt.datetime) or value.time() == dt.time():
            return shown.date.format(y=value.year, y2=value.year % 100, m=value.month, d=value.day)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != dt.time() else value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def _number_text(value: float | int, shown: Shown | None) -> str:
    """A number as shown: percent and decimals from its format, else as Excel prints at most 15
    significant digits (10.139999999999999 → 10.14)."""
    if not value:
        value = 0  # Excel keeps no negative zero: -0.0 shows as 0
    if shown is not None and not shown.percent and shown.decimals:
        # an amount typed with no more decimals than its format shows (953.66 as 0.00): padded,
        # nothing to round; a sheet of 1万 projects has as many amounts, each distinct
        s = repr(value)
        point = s.find(".") if type(value) is float else len(s)
        if point >= 0 and "e" not in s and "n" not in s:
            frac = len(s) - point - 1 if point < len(s) else 0
            if frac <= shown.decimals:
                return f"{s}{'' if frac else '.'}{'0' * (shown.decimals - frac)}"
    return _rounded_text(value, shown)


@memo(1 << 14)
def _rounded_text(value: float | int, shown: Shown | None) -> str:
    """`_number_text` by decimal arithmetic, rounding half up on the digits Python prints (as
    Excel does: 2.675 shown as 0.00 is 2.68). Cached: weights and amounts repeat."""
    d = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if shown is not None:
        if shown.percent:
            d = d * 100
        try:
            d = d.quantize(Decimal(1).scaleb(-shown.decimals), rounding=ROUND_HALF_UP)
        except InvalidOperation:  # more digits than a decimal context holds (1E+30 as 0.00)
            shown = None
        else:
            return f"{d}%" if shown.percent else str(d)
    s = format(float(value), ".15g") if isinstance(value, float) else str(value)
    return str(Decimal(s)) if "e" in s else s


def _shown_column(
    col: Sequence[object], shown: dict[int, Shown] | None, errors: dict[int, str] | None
) -> list[str]:
    """One column's cells as the sheet shows them, each distinct (value, format) worked out once:
    a column repeats itself (一级, 计量单位, a weight of 20%)."""
    try:  # the usual column, all text: stripping it costs no more than a pass to check its types
        stripped = list(map(str.strip, col, repeat(_WS)))  # type: ignore[arg-type]
    except TypeError:  # a number, a date or a yes/no among its cells
        distinct = set(col)
    else:
        return _patched(stripped, None, None, errors)
    few = shown is not None and len(shown) * 8 < len(col)  # a header cell or two: patched after
    # a set keeps one of True, 1 and 1.0: where one of them is in it, a yes/no may hide behind it
    yes_no = (True in distinct or False in distinct) and bool in set(map(type, col))
    out: list[str]
    if shown and not few:
        formats = map(shown.get, range(len(col)))
        if yes_no:  # type() keeps True apart from 1
            typed_formats = list(zip(col, map(type, col), formats, strict=True))
            by_typed = {key: _text(key[0], key[2]) for key in set(typed_formats)}
            out = list(map(by_typed.__getitem__, typed_formats))
        else:
            formatted = list(zip(col, formats, strict=True))
            by_format = {key: _text(*key) for key in set(formatted)}
            out = list(map(by_format.__getitem__, formatted))
    elif yes_no:
        typed = list(zip(col, map(type, col), strict=True))
        by_type = {key: _text(key[0], None) for key in set(typed)}
        out = list(map(by_type.__getitem__, typed))
    else:
        by_value = {v: v.strip(_WS) if type(v) is str else _text(v, None) for v in distinct}
        out = list(map(by_value.__getitem__, col))
    return _patched(out, col, shown if few else None, errors)


def _patched(
    out: list[str],
    col: Sequence[object] | None,
    shown: dict[int, Shown] | None,
    errors: dict[int, str] | None,
) -> list[str]:
    """A column's shown texts with the few numbers that have a format of their own (`shown`, by
    row) and the error cells put in."""
    if shown and col is not None:
        for r, how in shown.items():
            value = col[r] if r < len(col) else ""
            if type(value) is not str:
                out[r] = _text(value, how)
    if errors:
        for r, error in errors.items():
            if r < len(out):
                out[r] = error
    return out


def sheet_rows(
    sheet_name: str,
    rows: Sequence[Sequence[object]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None,
    formats: dict[int, dict[int, Shown]],
    errors: dict[int, dict[int, str]] | None = None,
) -> SheetRows:
    """A sheet's rows as texts, as Excel shows them, kept a column at a time; the places merged
    ranges cover noted beside them; empty rows left out. `formats` and `errors` go by column, then
    row: how a number is shown, and the cells calamine reads as empty that hold an Excel error
    ("#DIV/0!"), which they show."""
    n = len(rows)
    merged = merged or []
    # the columns a merged range reaches: kept, even empty, so that its rows stand under it
    reach = max((c1 + 1 for _, (_, c1) in merged), default=0)
    merged = [m for m in merged if m[0][0] < n]
    # a column at a time (10万 rows, a handful of columns); the sheet is a rectangle
    full = max(max(map(len, rows), default=0), reach)  # a merged range may reach past the cells
    if errors:
        full = max(full, max(errors) + 1)
    if rows and min(map(len, rows)) != full:
        rows = [[*row, *[""] * (full - len(row))] for row in rows]
    errors = errors or {}
    cols = [
        _shown_column(col, formats.get(c), errors.get(c)) for c, col in enumerate(zip(*rows, strict=True))
    ]
    merges = _merges(merged, cols, n)
    while len(cols) > reach and not any(cols[-1]):
        cols.pop()  # trailing empty columns say nothing
    # an empty row is left out, unless a merged range covers some of it
    empty: Iterable[int] = compress(range(n), map(not_, cols[-1])) if cols else range(n)
    for column in reversed(cols[:-1]):
        empty = [r for r in empty if not column[r]]
    empty = [r for r in empty if merges.at(r) is None]
    index: Sequence[int] = range(n)
    if empty:
        dropped = set(empty)
        index = [r for r in range(n) if r not in dropped]
    return SheetRows(sheet_name, cols, RowTexts(cols, n), index, merges)


Merged = list[tuple[tuple[int, int], tuple[int, int]]]


def _merges(merged: Merged, cols: list[list[str]], n: int) -> Merges:
    """The places merged ranges cover, each with the text its anchor cell shows: to the right of
    the anchor in its row, and in the rows below it."""
    across: dict[int, Cover] = {}
    below: dict[int, list[str | None]] = {}
    for (r0, c0), (r1, c1) in merged:
        anchor = cols[c0][r0].strip()
        if c1 > c0:
            row = across.get(r0)
            if row is None:
                row = across[r0] = {}
            row.update(dict.fromkeys(range(c0 + 1, c1 + 1), (anchor, False)))
        if r1 > r0:  # a slice of a list per column (C speed): 10万 rows under merged 一级/二级 cells
            last = min(r1, n - 1)
            texts = [anchor] * (last - r0)
            for c in range(c0, c1 + 1):
                column = below.get(c)
                if column is None:
                    column = below[c] = [None] * n
                column[r0 + 1 : last + 1] = texts
    return Merges(across, below)


def _load_sheets(
    raw: bytes, name: str
) -> tuple[list[tuple[str, Sequence[Sequence[object]], Merged | None]], list[ReadWarning]]:
    """Every visible worksheet's cells and merged ranges, as calamine parses them.

    Runs in a worker thread: calamine releases the GIL while it parses, so the number-format scan
    (Python) runs beside it instead of after it. Only plain lists leave the thread.
    """
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(raw))
    except (CalamineError, ValueError, OSError) as exc:
        raise ReadError(name, f"Excel 文件已损坏或格式不受支持，无法读取（{exc}）。") from exc
    sheets: list[tuple[str, Sequence[Sequence[object]], Merged | None]] = []
    skipped: list[ReadWarning] = []
    for k, meta in enumerate(wb.sheets_metadata):
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        if meta.visible != SheetVisibleEnum.Visible:
            skipped.append(ReadWarning(f"隐藏的工作表「{meta.name}」未读取。", Where(sheet=meta.name)))
            continue
        try:
            sheet = wb.get_sheet_by_index(k)
            # a damaged or hostile sheet can claim a billion cells; no target table is that big
            if sheet.total_height * max(sheet.total_width, 1) > MAX_CELLS:
                raise ReadError(
                    name,
                    f"工作表有 {sheet.total_height:,} 行 × {sheet.total_width:,} 列，超过可读取的范围，文件可能已损坏。",
                    Where(sheet=meta.name),
                )
            sheets.append((meta.name, sheet.to_python(skip_empty_area=False), sheet.merged_cell_ranges))
        except (CalamineError, ValueError) as exc:
            raise ReadError(name, f"工作表读取失败（{exc}）。", Where(sheet=meta.name)) from exc
    return sheets, skipped


def _hide(
    sheet: str, rows: Sequence[Sequence[object]], columns: set[int], hidden_rows: set[int]
) -> list[ReadWarning]:
    """Empty the cells of the columns and rows a sheet hides (Excel neither shows nor prints them:
    an ID column of a budget system's export, a template's example row), in place, keeping every
    other cell in its place; a note names those that held something."""
    held_columns, held_rows = set(), set()
    for r in hidden_rows:
        if r < len(rows) and any(v not in (None, "") for v in rows[r]):
            held_rows.add(r)
            rows[r][:] = [""] * len(rows[r])  # type: ignore[index]
    if columns:
        for row in rows:
            for c in columns:
                if c < len(row) and row[c] not in (None, ""):
                    held_columns.add(c)
                    row[c] = ""  # type: ignore[index]
    if not held_columns and not held_rows:
        return []
    named = [f" {xl_col_to_name(c)} 列" for c in sorted(held_columns)] + [
        f"第 {r + 1} 行" for r in sorted(held_rows)
    ]
    more = f"等 {len(named)} 处" if len(named) > 8 else ""
    return [
        ReadWarning(
            f"隐藏的{'、'.join(named[:8])}{more}有内容；与 Excel 显示和打印的一样，未读取。",
            Where(sheet=sheet),
        )
    ]


def read_excel(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    formats: Formats = {}
    error_cells: Errors = {}
    hidden: Hidden = {}
    uncomputed: Uncomputed = {}
    zf = guard_zip(raw, name) if raw[:4] == b"PK\x03\x04" else None  # before anything unpacks it
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(_load_sheets, raw, name)
        if raw[:8] == OLE:  # a legacy .xls: its formats through xlrd, beside calamine's parse
            formats, error_cells, hidden = xls_number_formats(raw)
        elif zf is not None:
            try:
                formats = number_formats(zf, error_cells, hidden, uncomputed)
            except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, UnicodeDecodeError) as exc:
                loading.cancel()
                raise ReadError(name, "Excel 文件已损坏（压缩包内容校验失败），无法读取。") from exc
        sheets, skipped = loading.result()
    doc: Document | None = None
    errors: list[ReadError] = []
    for sheet_name, missing in uncomputed.items():
        shown = "、".join(missing[:5]) + (f" 等 {len(missing)} 个单元格" if len(missing) > 5 else "")
        skipped.append(
            ReadWarning(
                f"{shown}是公式，但文件里没有保存计算结果（多为程序生成、未用 Excel 或 WPS 打开保存过的文件），"
                "已按空格读取；请用 Excel 或 WPS 打开、保存后再导入。",
                Where(sheet=sheet_name),
            )
        )
    for sheet_name, rows, merged in sheets:
        if sheet_name in hidden:
            skipped.extend(_hide(sheet_name, rows, *hidden[sheet_name]))
        grid = sheet_rows(sheet_name, rows, merged, formats.get(sheet_name, {}), error_cells.get(sheet_name))
        if not grid:
            continue
        try:
            part = assemble_grid(name, "excel", grid)
        except ReadError as exc:
            errors.append(exc)
            continue
        if doc is None:
            doc = part
        else:
            doc.tables.extend(part.tables)
            doc.warnings.extend(part.warnings)
            doc.fiscal_year = doc.fiscal_year or part.fiscal_year
            doc.department = doc.department or part.department
    if doc is None:
        if errors:
            raise errors[0]
        raise ReadError(name, "工作簿中没有找到绩效目标表（所有工作表都是空的）。")
    for error in errors:
        doc.warnings.append(ReadWarning(f"工作表中没有读到绩效目标表：{error.message}", error.where))
    doc.warnings.extend(skipped)
    return doc
