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
        # a merged cell holding an error shows the error, like any other
        anchor = errors.get(c0, {}).get(r0) or _shown(value, formats.get(c0, {}).get(r0)).strip()
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
    taken: set[tuple[int, int]] = set()  # Excel keeps merged ranges apart: none overlaps another
    for _ in range(draw(st.integers(0, 4))):
        r0, c0 = draw(st.integers(0, max(n - 1, 0))), draw(st.integers(0, 5))
        r1, c1 = r0 + draw(st.integers(0, 3)), c0 + draw(st.integers(0, 2))
        places = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if (r1, c1) != (r0, c0) and not places & taken:
            merged.append(((r0, c0), (r1, c1)))
            taken |= places
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


# -- a sheet's tables read from its columns, as from its rows one by one -----------------------

HEAD = [
    ["2024年项目支出绩效目标表"],
    ["项目名称", "法律援助经费", "", "主管部门", "司法局"],
    ["年度资金总额", 953.66, "", "财政拨款", 953.66],
    ["年度绩效目标", "年内完成法律援助各项任务，服务对象3380人。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标权重"],
]
BODY_CELLS = {
    0: ["产出指标", "效益指标", "满意度指标", "", "合计", "注：本表由项目单位填报"],
    1: ["数量指标", "质量指标", "社会效益指标", "", "总分"],
    2: ["培训人次", "办结率", "群众满意度", "", "指标值"],
    3: ["≥90%", "100", "≥95", "", 90],
    4: ["人次", "%", ""],
    5: [0.2, 0.1, "", "20%"],
    6: ["", "", "", "多出一格"],
}


@st.composite
def sheets_of_tables(draw):
    """Sheets of stacked tables in the official layout: merged 一级/二级 cells down the body,
    merged cells across the head, blank rows between tables, odd cells here and there."""
    rows, merged = [], []
    for _ in range(draw(st.integers(1, 3))):
        top = len(rows)
        rows.extend([list(row) for row in HEAD])
        merged.append(((top, 0), (top, 5)))
        merged.append(((top + 3, 1), (top + 3, 5)))
        start = len(rows)
        for _ in range(draw(st.integers(0, 8))):
            rows.append([draw(st.sampled_from(BODY_CELLS[c])) for c in range(7)])
        r = start
        while r < len(rows) - 1:  # merged 一级 (and sometimes 二级) cells down the body
            span = draw(st.integers(0, 3))
            if span and r + span < len(rows):
                merged.append(((r, 0), (r + span, 0)))
                for below in range(r + 1, r + span + 1):
                    rows[below][0] = ""
                if draw(st.booleans()):
                    merged.append(((r, 1), (r + span, 1)))
                    for below in range(r + 1, r + span + 1):
                        rows[below][1] = ""
            r += span + 1
        for _ in range(draw(st.integers(0, 2))):
            rows.append([""] * 7)
    width = max(map(len, rows))
    return [row + [""] * (width - len(row)) for row in rows], merged


def _read_or_error(rows):
    from jixiao.readers.errors import ReadError
    from jixiao.readers.grid import assemble_grid

    try:
        doc = assemble_grid("表.xlsx", "excel", rows)
    except ReadError as exc:
        return exc.message, exc.where
    return doc.tables, doc.warnings


@settings(max_examples=300, deadline=None)
@given(sheets_of_tables())
def test_a_sheets_tables_read_the_same_from_its_columns_and_from_its_rows(sheet):
    """`sheet_rows` keeps a sheet by column and makes a row only when asked: the body of a table
    is read from the columns. Read as a plain list of its rows, the sheet must give the same."""
    rows, merged = sheet
    formats = {5: {r: Shown(True, 0) for r in range(len(rows))}}
    by_columns = excel.sheet_rows("表1", rows, merged, formats)
    by_rows = list(excel.sheet_rows("表1", rows, merged, formats))
    assert _read_or_error(by_columns) == _read_or_error(by_rows)
