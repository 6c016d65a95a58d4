"""A sheet's rows, worked out a column at a time, are the rows a cell-by-cell reading gives.

`excel.sheet_rows` turns calamine's cells into shown texts a column at a time and makes its rows
at C speed. The reference below reads the same cells one by one, as the definition says: each
cell as Excel shows it, a row cut after its last filled cell (or the last place a merged range
covers), empty rows left out, error cells showing their error.
"""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers import excel
from jixiao.readers.xlsx_formats import Shown

VALUES = [
    "", "", None, "产出指标", " 满意度 ", "\u3000培训人次", "≥90%", "\n", "  ", 0.3, 1.0, 1, 0, 2,
    10.139999999999999, 953.66, True, False, dt.date(2024, 1, 5), dt.datetime(2024, 1, 5, 10, 30),  # noqa: DTZ001 (calamine gives naive times)
]  # fmt: skip
FORMATS = [Shown(True, 0), Shown(False, 2), Shown(False, 0, "{y}年{m}月{d}日"), Shown(True, 1)]


def _shown(value, how):
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value.strip(excel._WS)
    return excel._text(value, how)


def reference(name, rows, merged, formats, errors):
    covers = {}
    for (r0, c0), (r1, c1) in merged:
        value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
        anchor = _shown(value, formats.get(c0, {}).get(r0)).strip()
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                if (r, c) != (r0, c0):
                    covers.setdefault(r, {})[c] = (anchor, r > r0)
    width = max(
        [len(row) for row in rows] + [c + 1 for c in errors] + [c1 + 1 for _, (_, c1) in merged] + [0]
    )
    out = []
    for r, row in enumerate(rows):
        texts = [_shown(row[c] if c < len(row) else "", formats.get(c, {}).get(r)) for c in range(width)]
        for c, at in errors.items():
            if r in at:
                texts[c] = at[r]
        last = len(texts)
        while last and texts[last - 1] == "":
            last -= 1
        cover = covers.get(r)
        if cover:
            last = max(last, max(cover) + 1)
        elif not last:
            continue
        out.append((texts[:last], (name, r + 1), cover))
    return out


@st.composite
def sheets(draw):
    n = draw(st.integers(0, 9))
    rows = [draw(st.lists(st.sampled_from(VALUES), max_size=6)) for _ in range(n)]
    if draw(st.booleans()):  # calamine's grid is a rectangle
        width = max((len(row) for row in rows), default=0)
        rows = [row + [""] * (width - len(row)) for row in rows]
    merged = []
    for _ in range(draw(st.integers(0, 4))):
        r0, c0 = draw(st.integers(0, max(n - 1, 0))), draw(st.integers(0, 5))
        r1, c1 = r0 + draw(st.integers(0, 3)), c0 + draw(st.integers(0, 2))
        if (r1, c1) != (r0, c0):
            merged.append(((r0, c0), (r1, c1)))
    formats = {}
    for _ in range(draw(st.integers(0, 6))):
        formats.setdefault(draw(st.integers(0, 6)), {})[draw(st.integers(0, 9))] = draw(
            st.sampled_from(FORMATS)
        )
    errors = {}
    for _ in range(draw(st.integers(0, 2))):
        errors.setdefault(draw(st.integers(0, 7)), {})[draw(st.integers(0, max(n - 1, 0)))] = "#DIV/0!"
    return rows, merged, formats, errors


@settings(max_examples=400, deadline=None)
@given(sheets())
def test_a_sheet_reads_the_same_a_column_at_a_time_and_cell_by_cell(sheet):
    rows, merged, formats, errors = sheet
    got = [
        (list(row.texts), (row.where.sheet, row.where.row), row.covers)
        for row in excel.sheet_rows("表1", rows, merged, formats, errors)
    ]
    assert got == reference("表1", rows, merged, formats, errors)
