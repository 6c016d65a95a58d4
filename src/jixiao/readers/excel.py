"""Excel workbooks (.xlsx, .xls) through python-calamine.

Merged ranges are read once, at their anchor; number formats are honoured (30% is "30%", an
amount shown as 160.00 is "160.00"); every visible sheet is read, each on its own.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from jixiao.domain.cache import memo
from jixiao.domain.model import Document, ReadWarning, Where
from jixiao.readers.assemble import _WS
from jixiao.readers.errors import ReadError
from jixiao.readers.grid import GridRow, assemble_grid
from jixiao.readers.xlsx_formats import Shown, number_formats

MAX_UNPACKED = 1 << 30  # 1 GiB of XML is no target table; a zip bomb is
MAX_RATIO = 200
MAX_CELLS = 20_000_000
_EMPTY = (None, "")


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
        return value
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


@memo(1 << 14)
def _number_text(value: float | int, shown: Shown | None) -> str:
    """A number as shown: percent and decimals from its format, else as Excel prints at most 15
    significant digits (10.139999999999999 → 10.14). Cached: weights and amounts repeat."""
    d = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    if shown is not None:
        if shown.percent:
            d = d * 100
        d = d.quantize(Decimal(1).scaleb(-shown.decimals), rounding=ROUND_HALF_UP)
        return f"{d}%" if shown.percent else str(d)
    s = format(float(value), ".15g") if isinstance(value, float) else str(value)
    return str(Decimal(s)) if "e" in s else s


def _cover(
    covers: dict[int, dict[int, tuple[str, bool]]], r: int, cols: range, entry: tuple[str, bool]
) -> None:
    row = covers.get(r)
    if row is None:
        covers[r] = dict.fromkeys(cols, entry)
    else:
        row.update(dict.fromkeys(cols, entry))


def sheet_rows(
    sheet_name: str,
    rows: Sequence[Sequence[object]],
    merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None,
    formats: dict[tuple[int, int], Shown],
    errors: dict[int, dict[int, str]] | None = None,
) -> list[GridRow]:
    """A sheet's rows as texts, as Excel shows them; merged ranges noted on the rows they cover.
    `errors` (row → column → "#DIV/0!") are cells calamine reads as empty: they show their error."""
    covers: dict[int, dict[int, tuple[str, bool]]] = {}
    for (r0, c0), (r1, c1) in merged or []:
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
        anchor = _text(value, formats.get((r0, c0))).strip()
        # a whole row of the range at once (C speed): stacked tables have 10万 covered cells
        if c1 > c0:
            _cover(covers, r0, range(c0 + 1, c1 + 1), (anchor, False))
        if r1 > r0 and c1 == c0:  # a merged 一级/二级 cell: one column down many rows
            below = (anchor, True)
            get = covers.get
            for r in range(r0 + 1, r1 + 1):
                covered = get(r)
                if covered is None:
                    covers[r] = {c0: below}
                else:
                    covered[c0] = below
        elif r1 > r0:
            below = (anchor, True)
            for r in range(r0 + 1, r1 + 1):
                _cover(covers, r, range(c0, c1 + 1), below)
    out: list[GridRow] = []
    str_, float_, shown = str, float, formats.get
    for r, row in enumerate(rows):
        cover = covers.get(r)
        last = len(row)
        while last and row[last - 1] in _EMPTY:
            last -= 1  # trailing empty cells say nothing
        if cover:
            if last < len(row):  # a merged range may reach past the last filled cell
                last = max(last, max(cover) + 1)
        elif not last:
            continue
        texts = [
            v.strip(_WS)
            if type(v) is str_
            else _number_text(v, shown((r, c)))
            if type(v) is float_
            else _text(v, shown((r, c)))
            for c, v in enumerate(row if last == len(row) else row[:last])
        ]
        if errors and r in errors:
            for c, error in errors[r].items():
                if c < len(texts):
                    texts[c] = error
                else:
                    texts.extend([""] * (c - len(texts)) + [error])
        if cover or any(texts):
            out.append(GridRow(texts, Where(None, sheet_name, r + 1), cover))
    return out


Merged = list[tuple[tuple[int, int], tuple[int, int]]]


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


def read_excel(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    formats: dict[str, dict[tuple[int, int], Shown]] = {}
    error_cells: dict[str, dict[int, dict[int, str]]] = {}
    zf = guard_zip(raw, name) if raw[:4] == b"PK\x03\x04" else None  # before anything unpacks it
    with ThreadPoolExecutor(max_workers=1) as pool:
        loading = pool.submit(_load_sheets, raw, name)
        if zf is not None:
            try:
                formats = number_formats(zf, error_cells)
            except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, UnicodeDecodeError) as exc:
                loading.cancel()
                raise ReadError(name, "Excel 文件已损坏（压缩包内容校验失败），无法读取。") from exc
        sheets, skipped = loading.result()
    doc: Document | None = None
    errors: list[ReadError] = []
    for sheet_name, rows, merged in sheets:
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
