"""Number formats and error cells of a legacy .xls (BIFF), which python-calamine does not report.

Many sites still publish .xls. A weight typed as 20% is stored as 0.2 and shown as 20%; without its
format it would read as 0.2. xlrd reads the cells' formats (its `formatting_info`); only the number
cells whose format shows a percent, decimals or a date are noted, as for an .xlsx.
"""

from __future__ import annotations

import io

from jixiao.readers.xlsx_formats import Errors, Formats, Hidden, Shown, shown_by_code

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # a compound file's first bytes: a legacy .xls (or .doc)


def xls_number_formats(raw: bytes) -> tuple[Formats, Errors, Hidden]:
    """How the number cells of each sheet are shown, the cells holding an Excel error, and the
    columns and rows each sheet hides."""
    import xlrd  # only for .xls files

    try:
        # xlrd reports what it finds wrong on stdout unless given a log of its own: `jixiao read
        # --json` prints the document there
        book = xlrd.open_workbook(
            file_contents=raw, formatting_info=True, on_demand=True, logfile=io.StringIO()
        )
    except Exception:  # noqa: BLE001 - calamine reads the cells and says what is wrong with a file;
        return {}, {}, {}  # without the formats it still reads them, as stored
    formats: Formats = {}
    errors: Errors = {}
    hidden: Hidden = {}
    shown_by_xf: dict[int, Shown | None] = {}
    for k in range(book.nsheets):
        try:
            sheet = book.sheet_by_index(k)
        except Exception:  # noqa: BLE001 - a damaged sheet: calamine will say so
            continue
        cells: dict[int, dict[int, Shown]] = {}
        wrong: dict[int, dict[int, str]] = {}
        for r in range(sheet.nrows):
            for c, kind in enumerate(sheet.row_types(r)):
                if kind == xlrd.XL_CELL_NUMBER or kind == xlrd.XL_CELL_DATE:
                    xf = sheet.cell_xf_index(r, c)
                    if xf not in shown_by_xf:
                        fmt = (
                            book.format_map.get(book.xf_list[xf].format_key)
                            if xf < len(book.xf_list)
                            else None
                        )
                        shown_by_xf[xf] = shown_by_code(fmt.format_str) if fmt is not None else None
                    shown = shown_by_xf[xf]
                    if shown is not None:
                        cells.setdefault(c, {})[r] = shown
                elif kind == xlrd.XL_CELL_ERROR:
                    text = xlrd.error_text_from_code.get(sheet.cell_value(r, c))
                    if text:
                        wrong.setdefault(c, {})[r] = text
        columns = {c for c, info in sheet.colinfo_map.items() if info.hidden}
        rows = {r for r, info in sheet.rowinfo_map.items() if info.hidden}
        if columns or rows:
            hidden[sheet.name] = (columns, rows)
        if cells:
            formats[sheet.name] = cells
        if wrong:
            errors[sheet.name] = wrong
        book.unload_sheet(k)
    return formats, errors, hidden
