"""Number formats of an .xlsx, which python-calamine does not report.

A weight stored as 0.3 and shown as 30% must read as "30%"; an amount stored as 160 and shown
as 160.00 must read as "160.00". We only need, per sheet, the cells whose style shows a percent or
a fixed number of decimals: the styles part gives style → format, and one regex pass over the
sheet XML gives cell → style (C speed; no DOM).
"""

from __future__ import annotations

import re
import zipfile
from typing import NamedTuple

# Built-in number formats (ECMA-376 §18.8.30) that show decimals or percent.
_BUILTIN = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00"}
_NUMFMT = re.compile(rb'<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"')
_CELLXFS = re.compile(rb"<cellXfs\b[^>]*>(.*?)</cellXfs>", re.S)
_XF = re.compile(rb"<xf\b([^>]*)")
_ATTR_NUMFMT = re.compile(rb'numFmtId="(\d+)"')
_SHEET = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"')
_REL = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"')
# the opening tags of a sheet's first cells, and the attribute order the fast path relies on
_CELL_TAG = re.compile(rb"<c\s[^>]*>")
_ATTRS_IN_ORDER = re.compile(rb'(?:<c r="[A-Z]+\d+"(?: s="\d+")?(?: t="\w+")?/?>)+')
_TEXT_KINDS = (b"s", b"str", b"inlineStr")
_REL2 = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"')


class Shown(NamedTuple):
    """How a number is shown. A named tuple: it keys a cache looked up for every number cell."""

    percent: bool
    decimals: int
    date: str = ""  # for a date: how it is printed, as a str.format template ("{y}年{m}月{d}日")


Formats = dict[str, dict[int, dict[int, Shown]]]  # sheet → column → row → how a number is shown
Errors = dict[str, dict[int, dict[int, str]]]  # sheet → column → row → "#DIV/0!"
Hidden = dict[str, tuple[set[int], set[int]]]  # sheet → (hidden columns, hidden rows), from 0
Uncomputed = dict[str, list[str]]  # sheet → the formula cells saved without their result ("B7")

# a formula cell with no result saved (written by a program, never opened and saved in Excel)
_NO_RESULT = re.compile(
    rb'<c r="([A-Z]+\d+)"[^>]*>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)(?:<v\s*/>|<v>\s*</v>)?</c>'
)

_DATE_TOKEN = re.compile(r"yyyy|yy|mm|m|dd|d|[年月日/.\- ]")
_DATE_FIELDS = {"yyyy": "{y}", "yy": "{y2:02d}", "mm": "{m:02d}", "m": "{m}", "dd": "{d:02d}", "d": "{d}"}


def _date_template(code: str) -> str:
    """ "yyyy年m月d日" → "{y}年{m}月{d}日"; "" for anything that is not a plain date (times, text)."""
    code = code.lower()
    if not ("y" in code and "d" in code) or re.search(r"[hs]", code):
        return ""
    tokens = _DATE_TOKEN.findall(code)
    if "".join(tokens) != code:
        return ""
    return "".join(_DATE_FIELDS.get(t, t) for t in tokens)


def shown_by_code(code: str) -> Shown | None:
    """How a number format code shows a number: None when it shows it as stored."""
    code = code.split(";")[0].replace("\\", "").replace('"', "")
    code = re.sub(r"\[[^\]]*\]", "", code)  # colours, conditions, locales
    date = _date_template(code)
    if date:
        return Shown(False, 0, date)
    if not re.search(r"[0#?]", code):
        return None
    percent = "%" in code
    m = re.search(r"\.([0#?]+)", code)
    decimals = len(m.group(1)) if m else 0
    if not percent and decimals == 0:
        return None  # integers read the same either way
    return Shown(percent, decimals)


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _unescape(b: bytes) -> str:
    return (
        b.decode("utf-8")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
    )


# a cell holding an Excel error (#DIV/0!, #N/A, #REF! …), which calamine reads as empty
_ERROR_CELL = re.compile(
    rb'<c r="([A-Z]+)(\d+)"[^>]*?\st="e"[^>]*>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>)?<v>([^<]*)</v>'
)


_COL_TAG = re.compile(rb"<col\b([^>]*)>")
_ROW_TAG = re.compile(rb"<row\b([^>]*)>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_MIN, _MAX, _R = re.compile(rb'\smin="(\d+)"'), re.compile(rb'\smax="(\d+)"'), re.compile(rb'\sr="(\d+)"')


def hidden_places(xml: bytes) -> tuple[set[int], set[int]]:
    """The columns and rows (from 0) a sheet hides: Excel neither shows nor prints them."""
    columns: set[int] = set()
    rows: set[int] = set()
    if b'hidden="' not in xml:  # nearly every sheet: one search
        return columns, rows
    data = xml.find(b"<sheetData")
    head = xml[: data if data >= 0 else len(xml)]
    for attrs in _COL_TAG.findall(head):
        low, high = _MIN.search(attrs), _MAX.search(attrs)
        if _HIDDEN.search(attrs) and low and high:
            columns.update(range(int(low.group(1)) - 1, min(int(high.group(1)), 16384)))
    for attrs in _ROW_TAG.findall(xml, data if data >= 0 else 0):
        r = _R.search(attrs)
        if r and _HIDDEN.search(attrs):
            rows.add(int(r.group(1)) - 1)
    return columns, rows


def number_formats(
    zf: zipfile.ZipFile,
    errors: Errors | None = None,
    hidden: Hidden | None = None,
    uncomputed: Uncomputed | None = None,
) -> Formats:
    """Sheet name → column → row (0-based) → how the number is shown, for cells that matter. Cells
    holding an Excel error go to `errors`: sheet name → column → row → "#DIV/0!"; the columns and
    rows a sheet hides to `hidden`; formula cells saved without their result to `uncomputed`. By
    column: the reader works a column at a time."""
    names = set(zf.namelist())
    if "xl/styles.xml" not in names or "xl/workbook.xml" not in names:
        return {}
    styles = zf.read("xl/styles.xml")
    codes = dict(_BUILTIN)
    for fid, code in _NUMFMT.findall(styles):
        codes[int(fid)] = _unescape(code)
    xfs = _CELLXFS.search(styles)
    shown_by_style: dict[bytes, Shown] = {}
    if xfs:
        for k, attrs in enumerate(_XF.findall(xfs.group(1))):
            m = _ATTR_NUMFMT.search(attrs)
            code = codes.get(int(m.group(1))) if m else None
            s = shown_by_code(code) if code else None
            if s is not None:
                shown_by_style[str(k).encode()] = s
    rels_path = "xl/_rels/workbook.xml.rels"
    rels = zf.read(rels_path) if rels_path in names else b""
    targets = {rid: t for rid, t in _REL.findall(rels)} | {rid: t for t, rid in _REL2.findall(rels)}
    out: Formats = {}
    for name, rid in _SHEET.findall(zf.read("xl/workbook.xml")):
        target = targets.get(rid, b"").decode()
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        if path not in names:
            continue
        xml = zf.read(path)
        sheet = _unescape(name)
        if hidden is not None:
            columns, rows = hidden_places(xml)
            if columns or rows:
                hidden[sheet] = (columns, rows)
        if uncomputed is not None and (b"<f>" in xml or b"<f " in xml):
            missing = [ref.decode() for ref in _NO_RESULT.findall(xml)]
            if missing:
                uncomputed[sheet] = missing
        if errors is not None and b't="e"' in xml:
            for col, row, text in _ERROR_CELL.findall(xml):
                errors.setdefault(sheet, {}).setdefault(_col_index(col), {})[int(row) - 1] = _unescape(text)
        if not shown_by_style:
            continue
        alternatives = b"|".join(shown_by_style)
        cells: dict[int, dict[int, Shown]] = {}
        by_letters: dict[bytes, dict[int, Shown]] = {}
        # only cells whose style shows decimals or a percent; strings (t="s") need no format
        if _ATTRS_IN_ORDER.fullmatch(b"".join(_CELL_TAG.findall(xml, 0, 1 << 16)[:200]) or b"<c "):
            # Excel, WPS, LibreOffice, XlsxWriter and openpyxl all write r, s, t in this order: a
            # regex anchored on it fails fast on every other cell (twice as fast on 10万 rows)
            wanted = re.compile(rb'<c r="([A-Z]+)(\d+)" s="(' + alternatives + rb')"(?: t="(\w+)")?')
            for col, row, style, kind in wanted.findall(xml):
                if kind not in _TEXT_KINDS:
                    column = by_letters.get(col)
                    if column is None:
                        column = by_letters[col] = cells.setdefault(_col_index(col), {})
                    column[int(row) - 1] = shown_by_style[style]
        else:
            wanted = re.compile(
                rb'<c r="([A-Z]+)(\d+)"[^>]*?\ss="(' + alternatives + rb')"(?![^>]*\st="(?:s|str|inlineStr)")'
            )
            for col, row, style in wanted.findall(xml):
                cells.setdefault(_col_index(col), {})[int(row) - 1] = shown_by_style[style]
        out[sheet] = cells
    return out
