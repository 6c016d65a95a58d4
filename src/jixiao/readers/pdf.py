"""PDF: ruled tables through pdfplumber, text outside tables line by line, in reading order.

A PDF without a text layer (a scan) cannot be read without OCR, and says so.
"""

from __future__ import annotations

import io
import json
import math
import re
import resource
import subprocess
import sys
from itertools import groupby, pairwise
from pathlib import Path
from typing import Any, NamedTuple

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.table import Table as TableFinder
from pdfplumber.utils.text import extract_text

from jixiao.domain.model import Document, Where
from jixiao.readers import labels
from jixiao.readers.assemble import Cell, assemble
from jixiao.readers.errors import ReadError
from jixiao.readers.grid import GridRow, find_header
from jixiao.readers.indicators import _CJK_EDGE, join_lines
from jixiao.readers.text import aligned_cells

_GAP = re.compile(r"\s{2,}|\u3000+")
MAX_PAGES = 500


_LABEL_AHEAD = re.compile(r"\s+(?=\S{1,10}[：:])")


PARAGRAPH = "\n\n"  # a line break typed in a cell, told from the column's wrapping by `_typed_breaks`


def _clean(text: str | None) -> str:
    """A table cell's text: lines wrapped by the column width are joined (no space between
    Chinese characters, one between words); a break typed in the cell stays a line break."""
    if text is None:
        return ""
    return "\n".join(
        join_lines("\n".join(" ".join(line.split()) for line in part.splitlines()))
        for part in text.split(PARAGRAPH)
    ).strip("\n")


def _typed_breaks(page: pdfplumber.page.Page, box: Box, text: str) -> str:
    """A cell's lines, a break typed in the cell (目标1：… / 目标2：…) marked as a PARAGRAPH: a line
    that ends short of the cell's right edge by more than the next line's first word (a Chinese
    character, or a run of letters and digits) and a character more was not wrapped there."""
    x0, top, x1, bottom = box

    def inside(obj: dict[str, Any]) -> bool:  # the cell's characters: their middle in it
        x: float = (obj["x0"] + obj["x1"]) / 2
        y: float = (obj["top"] + obj["bottom"]) / 2
        return x0 <= x <= x1 and top <= y <= bottom

    lines = page.filter(inside).extract_text_lines()
    if len(lines) != len(text.splitlines()) or len(lines) < 2:
        return text
    pad = min(line["x0"] for line in lines) - box[0]  # the cell's padding, the same on the right
    middle = (box[0] + box[2]) / 2
    if all(abs((line["x0"] + line["x1"]) / 2 - middle) <= 2 for line in lines):
        # lines centred in the cell (≥ over 正向): the widest needs not fill it, so the padding is
        # no more than a cell's usual (Word's 0.19 cm)
        pad = min(pad, 6.0)
    room = box[2] - box[0] - 2 * max(pad, 0)  # the width a line can take
    out = [lines[0]["text"]]
    for before, line in pairwise(lines):
        chars = [ch for ch in line["chars"] if not ch["text"].isspace()]
        if not chars:
            out.append("\n" + line["text"])
            continue
        k = 0
        if not _CJK_EDGE.match(chars[0]["text"]):
            while k + 1 < len(chars) and not _CJK_EDGE.match(chars[k + 1]["text"]):
                k += 1
        first_word = chars[k]["x1"] - chars[0]["x0"]
        typed = room - (before["x1"] - before["x0"]) > first_word + 1.2 * chars[0]["size"]
        out.append((PARAGRAPH if typed else "\n") + line["text"])
    return "".join(out)


def _aligned_rows(lines: list[str]) -> list[list[str]]:
    """A page's text laid out by position, as rows of cells: read as the text reader reads a copy
    aligned by spaces (`text.py`, "space-rows")."""
    return [[c.text for c in row] for _, row in groupby(aligned_cells(lines), lambda c: c.row)]


def _line_cells(text: str) -> list[str]:
    """A text line outside tables: "编制单位：X  单位：万元" is two cells, as on the form."""
    parts = [p for p in _GAP.split(text) if p.strip()]
    return [q for p in parts for q in _LABEL_AHEAD.split(p) if q.strip()]


def _unruled_table(page: pdfplumber.page.Page) -> list[list[str]] | None:
    """A table printed without ruling lines: its columns by the alignment of its text (pdfplumber's
    text strategy), its rows by the gaps its cells' padding leaves between lines (`_row_bands`),
    each cell's wrapped lines joined. None unless the page reads that way: one such table, four rows
    or more, and most rows of three lines or fewer (without padding every line would be a row or all
    lines one row)."""
    found = page.find_tables({"vertical_strategy": "text", "horizontal_strategy": "text"})
    if len(found) != 1:
        return None
    table = found[0]
    x0, top, x1, bottom = table.bbox
    inside = [ch for ch in page.chars if x0 <= ch["x0"] and ch["x1"] <= x1 + 1 and top <= ch["top"] < bottom]
    boxes = [_line_box(ch) for ch in inside]
    bands = _row_bands(boxes)
    if len(bands) < 4 or sorted(lines for _, _, lines in bands)[len(bands) // 2] > 3:
        return None  # most rows are a line or two; a long goal may wrap over many
    # A row's cells are read from the chars of its whole height, not from pdfplumber's rows: the
    # text strategy draws their edges across the page from the lines of every column, so a line of
    # one column may be cut in two where another column's line stands a little higher (a digit in a
    # Latin font does), its chars going to two rows by where their middles fall.
    columns = [(c.bbox[0], c.bbox[2]) for c in table.columns]
    out = []
    for band_top, band_bottom, _ in bands:
        band = [ch for ch, (t, b) in zip(inside, boxes, strict=True) if band_top <= t and b <= band_bottom]
        cells = []
        for left, right in columns:
            chars = [ch for ch in band if left <= (ch["x0"] + ch["x1"]) / 2 < right]
            cells.append(extract_text(chars) if chars else "")
        out.append(cells)
    return out


def _ruled_tables(page: pdfplumber.page.Page) -> list[TableFinder]:
    """The page's tables by their ruling lines. On a page turned by its /Rotate entry, a horizontal
    line's two ends come out a hair apart in height (443.62243575 and 443.6224357500001), and
    pdfplumber, which compares them exactly, takes it for a vertical line of no length: the cells it
    closes fall apart into a table of their own. Such lines are given to it again, level."""
    level = [
        {**line, "bottom": line["top"], "height": 0}
        for line in page.lines
        if line["top"] != line["bottom"] and abs(line["top"] - line["bottom"]) < 0.01 and line["width"] > 1
    ]
    boxes = page.rects + [curve for curve in page.curves if _box_shaped(curve)]
    if any(map(_shading, boxes)) and (page.lines or not all(map(_shading, boxes))):
        # Excel and WPS paint a shaded merged cell a row at a time: the edges of those fills would
        # cut the cell into rows (a 年度主要任务 label over its block of tasks); the ruling lines are enough
        page = page.filter(
            lambda obj: (
                obj.get("object_type") not in ("rect", "curve")
                or not (_shading(obj) and (obj["object_type"] == "rect" or _box_shaped(obj)))
            )
        )
    return page.find_tables({"explicit_horizontal_lines": level} if level else None)


_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－\s]*\d{1,4}[-—–－\s]*|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页"
    r"|\d+\s*/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$",
    re.IGNORECASE,
)


def _page_furniture(text: str, edge: str, seen: set[tuple[str, str]]) -> bool:
    """A line above a page's tables or below them that is a page number (第 2 页 共 5 页, - 2 -) or
    that an earlier page printed at the same edge (a running header or footer, its numbers aside):
    left out, so that a table running over the page break goes on across it. `seen` gathers the
    lines at the pages' edges."""
    if _PAGE_NUMBER.match(text.strip()):
        return True
    if labels.is_title(text) or labels.header_field(text) is not None:
        return False  # the next table's title (each project's on a page of its own), 单位：万元
    key = (edge, re.sub(r"\d+", "#", "".join(text.split())))
    if key in seen:
        return True
    seen.add(key)
    return False


def _level(char: dict[str, Any]) -> bool:
    """A character set level or turned a quarter (a column's text set vertically); a slanted one is
    a watermark across the page ("某某区财政局公开" at 35°), no cell's text. Italics slant the
    letters, not their baseline: level."""
    a, b = char["matrix"][0], char["matrix"][1]
    turn = math.degrees(math.atan2(b, a)) % 90
    return turn < 5 or turn > 85


def _shading(rect: dict[str, Any]) -> bool:
    """A filled box with no outline, wider and taller than a ruling line drawn as a box."""
    return bool(rect["fill"]) and not rect["stroke"] and rect["width"] > 2 and rect["height"] > 2


def _box_shaped(curve: dict[str, Any]) -> bool:
    """A curve that is a box: on a page turned by /Rotate, a box's corners come out a hair off
    (37.213000000000044 and 37.21300000000005), and pdfminer makes it a curve, not a rect."""
    points = curve.get("pts") or []
    x0, top, x1, bottom = curve["x0"], curve["top"], curve["x1"], curve["bottom"]
    return 4 <= len(points) <= 5 and all(
        min(abs(x - x0), abs(x - x1)) < 0.01 and min(abs(y - top), abs(y - bottom)) < 0.01 for x, y in points
    )


def _target_unruled(page: pdfplumber.page.Page, goes_on: bool) -> list[list[str]] | None:
    """The rows of a target table printed without lines on a page without ruled tables
    (`_unruled_table`). It must hold an indicator header, or go on from the page before: a budget
    document's page of other tables, aligned by chance into one, is no target table (read line by
    line, its rows go to warnings)."""
    rows = _unruled_table(page)
    return rows if rows is not None and (goes_on or _has_header(rows)) else None


def _has_header(rows: list[list[str]]) -> bool:
    return any(find_header(GridRow(texts, Where())) is not None for texts in rows)


def _line_box(ch: dict[str, Any]) -> tuple[float, float]:
    """A char's height on its line, from its baseline and size, the same for every font: a Latin
    font's glyph box is taller than a Chinese one's and stands higher, which would close the gap
    between two rows."""
    baseline = -ch["matrix"][5]  # top-down, as the page is read
    return baseline - 0.88 * ch["size"], baseline + 0.12 * ch["size"]


def _row_bands(boxes: list[tuple[float, float]]) -> list[tuple[float, float, int]]:
    """The rows of a table without lines, as (top, bottom, lines): its lines are the heights some
    char covers, and a row ends where the gap to the next line is wider than the line spacing
    inside a cell by the padding above and below (the narrowest gap is that spacing, when some cell
    wraps; when the gaps are all alike, each is taken to end a row)."""
    lines: list[list[float]] = []
    for t, b in sorted(boxes):
        if lines and t < lines[-1][1]:
            lines[-1][1] = max(lines[-1][1], b)
        else:
            lines.append([t, b])
    if not lines:
        return []
    gaps = [after[0] - before[1] for before, after in pairwise(lines)]
    spacing = min(gaps, default=0.0)
    wraps = any(gap > spacing + _PADDING for gap in gaps)
    bands = [(lines[0][0], lines[0][1], 1)]
    for (t, b), gap in zip(lines[1:], gaps, strict=True):
        if wraps and gap <= spacing + _PADDING:
            first, _, n = bands[-1]
            bands[-1] = (first, b, n + 1)
        else:
            bands.append((t, b, 1))
    return bands


_PADDING = 1.0  # pt: a cell's padding above and below adds at least this to the gap between rows


# pdfminer can take gigabytes on one damaged content stream: the PDF is parsed in a child process
# with a memory and time limit, so a bad file costs a message, not the server.
MEMORY_LIMIT = 2 << 30
TIME_LIMIT = 120


def read_pdf(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    name = display_name or Path(path).name
    raw = data if data is not None else Path(path).read_bytes()

    def limits() -> None:  # runs in the child before it starts
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    try:
        run = subprocess.run(
            [sys.executable, "-m", "jixiao.readers.pdf", name],
            input=raw,
            capture_output=True,
            timeout=TIME_LIMIT,
            preexec_fn=limits,  # noqa: PLW1509 - no threads are started before the child execs
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ReadError(name, f"PDF 文件读取超过 {TIME_LIMIT} 秒，可能已损坏或过于复杂，已停止。") from exc
    if run.returncode != 0 or not run.stdout:
        raise ReadError(name, "PDF 文件已损坏或过于复杂（读取时超出内存限制），无法读取。")
    answer = json.loads(run.stdout)
    if "error" in answer:
        raise ReadError(name, answer["error"], Where(**answer.get("where", {})))
    cells = [
        Cell(
            c["text"],
            c["raw"],
            Where(**c["where"]),
            c["row"],
            c["col"],
            c["covered"],
            c["anchor"],
            c["vertical"],
        )
        for c in answer["cells"]
    ]
    return assemble(name, "pdf", cells, short_rows_lost_merges=True)


def _locked(exc: BaseException) -> bool:
    """An error from opening a PDF that asks for a password (pdfplumber wraps pdfminer's)."""
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    causes = [exc, *exc.args, exc.__cause__, exc.__context__]
    return any(isinstance(cause, PDFPasswordIncorrect) for cause in causes)


def _cells_in_child(name: str, raw: bytes) -> dict[str, object]:
    try:
        cells = _extract(raw, name)
    except ReadError as exc:
        return {"error": exc.message, "where": exc.where.as_dict()}
    except Exception as exc:  # pdfminer raises many kinds on a damaged file; none may escape as a crash
        if _locked(exc):
            return {
                "error": "PDF 设有打开密码，无法读取；请提供未加密的文件，或在阅读器中打开后另存（打印）为不加密的 PDF。"
            }
        return {"error": f"PDF 文件已损坏，无法读取（{type(exc).__name__}）。"}
    return {
        "cells": [
            {"text": c.text, "raw": c.raw, "where": c.where.as_dict(), "row": c.row, "col": c.col,
             "covered": c.covered, "anchor": c.anchor, "vertical": c.vertical}
            for c in cells
        ]
    }  # fmt: skip


class _Continues(NamedTuple):
    """The last table read, which a table on the next page may go on."""

    width: int  # its number of columns
    last_cells: dict[int, Cell]  # the cells of its last row, by column
    xs: list[tuple[float, float]]  # its columns' left and right edges
    open_cells: dict[int, list[Cell]]  # by column: the places under a cut cell whose text is not on this page
    # the columns filled with a short text in each of its last rows (a weight, a unit): a row cut by
    # the page break prints those on its first part only
    short: frozenset[int] = frozenset()


class _Grid(NamedTuple):
    cells: list[list[str | None]]  # by row; None where a merged cell covers the place
    xs: list[tuple[float, float]]  # the columns' left and right edges
    open_from: dict[int, int]  # column → the first of its last rows that no cell covers, with no text
    top_text: dict[int, str]  # column → the text of a place no cell covers, from the first row on
    # (row, column) of a place a merged cell covers → True when the cell starts in a row above
    # (一级 merged down), False when it starts to the left in this row (a title merged across)
    from_above: dict[tuple[int, int], bool]


def _column_edges(table: TableFinder) -> list[tuple[float, float]]:
    """Each column's left and right edges. pdfplumber's column boxes hold every cell that starts
    in the column, spans included: a title merged across the table makes the first column as
    wide as the table. A column ends where the next one starts."""
    starts = [column.bbox[0] for column in table.columns]
    return list(zip(starts, [*starts[1:], table.bbox[2]], strict=True))


def _grid(page: pdfplumber.page.Page, table: TableFinder, continues: _Continues | None) -> _Grid:
    """A ruled table's cells by row and its columns. Two things pdfplumber misses, both where a
    merged cell is cut by a page break:
    - the part of the cut cell on either page has no ruling line at the break, so it is no cell
      and its text is dropped: text found in such a place starts a merged cell there;
    - the table on the next page lacks the leading columns whose cells only go on from the page
      before: when its columns are the last ones of the table before, those are put back (empty,
      under the merged cells above)."""
    grid: list[list[str | None]] = table.extract()
    for r, row in enumerate(table.rows):
        for c, box in enumerate(row.cells):
            value = grid[r][c] if c < len(grid[r]) else None
            if box is not None and value and "\n" in value:
                grid[r][c] = _typed_breaks(page, box, value)
    xs = _column_edges(table)
    open_from: dict[int, int] = {}
    top_text: dict[int, str] = {}
    from_above: dict[tuple[int, int], bool] = {}
    if not grid:
        return _Grid(grid, xs, open_from, top_text, from_above)
    if continues is not None and len(xs) < len(continues.xs):
        before = continues.xs
        lost = len(before) - len(xs)
        if all(abs(a[0] - b[0]) < 2 and abs(a[1] - b[1]) < 2 for a, b in zip(before[lost:], xs, strict=True)):
            pad: list[str | None] = [None] * lost
            grid = [pad + row for row in grid]
            xs = before[:lost] + xs
    tops = [row.bbox[1] for row in table.rows] + [table.bbox[3]]
    merged = [
        c
        for c in table.cells
        if sum(1 for x0, x1 in xs if c[0] - 1 < (x0 + x1) / 2 < c[2] + 1) > 1
        or sum(1 for r in range(len(grid)) if c[1] - 1 < (tops[r] + tops[r + 1]) / 2 < c[3] + 1) > 1
    ]
    for c, (x0, x1) in enumerate(xs):
        r = 0
        while r < len(grid):
            if grid[r][c] is not None:
                r += 1
                continue
            cover = _covering(merged, (x0 + x1) / 2, (tops[r] + tops[r + 1]) / 2)
            if cover is not None:
                from_above[(r, c)] = cover[1] < tops[r] - 1
                r += 1
                continue
            end = r + 1  # a run of places in this column that no cell covers
            while (
                end < len(grid)
                and grid[end][c] is None
                and _covering(merged, (x0 + x1) / 2, (tops[end] + tops[end + 1]) / 2) is None
            ):
                end += 1
            text = page.crop((x0, tops[r], x1, tops[end]), strict=False).extract_text().strip()
            if text:
                grid[r][c] = text
                if r == 0:
                    top_text[c] = text
            elif end == len(grid):
                open_from[c] = r  # the cut cell's text may be on the next page
            r = end
    return _Grid(grid, xs, open_from, top_text, from_above)


Box = tuple[float, float, float, float]


def _short(grid: list[list[str | None]], rows: int = 5) -> frozenset[int]:
    """The columns holding a short text (a weight, a unit: six characters at most) in each of the
    grid's last rows."""
    last = grid[-rows:]
    if len(last) < 2:
        return frozenset()
    return frozenset(
        c for c in range(len(last[0])) if all(c < len(r) and r[c] and len(r[c] or "") <= 6 for r in last)
    )


def _rest_of_a_cut_row(first: list[str | None], continues: _Continues) -> bool:
    """Whether the first row of a table going on from the page before is the rest of its last row, cut
    by the page break: the columns the last rows fill with short texts (a weight, a unit), which the
    cut row printed above the break, are empty here, and every text here goes on a cell of that row."""
    filled = [c for c, v in enumerate(first) if v]
    return (
        bool(filled)
        and bool(continues.short)
        and all(not first[c] for c in continues.short if c < len(first))
        and all(c in continues.last_cells for c in filled)
    )


def _covering(cells: list[Box], x: float, y: float) -> Box | None:
    """The merged cell over the point (x, y), if any."""
    return next((c for c in cells if c[0] <= x <= c[2] and c[1] <= y <= c[3]), None)


def _extract(raw: bytes, name: str) -> list[Cell]:
    """The cells of a PDF in reading order (run in the child process)."""
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        pages = pdf.pages
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise ReadError(name, f"PDF 文件已损坏，无法打开（{type(exc).__name__}）。") from exc
    if len(pages) > MAX_PAGES:
        raise ReadError(name, f"PDF 有 {len(pages)} 页，超过了 {MAX_PAGES} 页的上限，请拆分后再导入。")
    cells: list[Cell] = []
    row = 0
    chars = 0
    unmapped = 0
    continues: _Continues | None = None
    after_unruled = False  # the page before was read as a table without lines
    furniture: set[tuple[str, str]] = set()  # the lines above and below the tables of the pages so far
    with pdf:
        for n, whole_page in enumerate(pages, start=1):
            # a character drawn twice, a hair apart (bold made by printing the text twice, as some
            # producers do for a font without a bold face), is one character
            page = whole_page.dedupe_chars() if whole_page.chars else whole_page
            if not all(map(_level, page.chars)):
                page = page.filter(lambda obj: obj.get("object_type") != "char" or _level(obj))
            chars += len(page.chars)
            # a glyph of a font that carries no text mapping reads "(cid:123)": not the document's text
            unmapped += sum(1 for ch in page.chars if ch["text"].startswith("(cid:"))
            tables = _ruled_tables(page)
            read_unruled, after_unruled = after_unruled, False
            items: list[tuple[float, str, object]] = [(t.bbox[1], "table", t) for t in tables]
            boxes = [t.bbox for t in tables]

            def outside(obj: dict, boxes: list = boxes, page: Any = page) -> bool:  # type: ignore[type-arg]
                x = (obj["x0"] + obj["x1"]) / 2
                y = (obj["top"] + obj["bottom"]) / 2
                if not (0 <= x <= page.width and 0 <= y <= page.height):
                    return False  # off the page (a table too wide for it): neither shown nor printed
                return not any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in boxes)

            if boxes:
                first_top, last_bottom = min(b[1] for b in boxes), max(b[3] for b in boxes)
                for line in page.filter(outside).extract_text_lines():
                    edge = (
                        "top"
                        if line["bottom"] <= first_top
                        else "bottom"
                        if line["top"] >= last_bottom
                        else ""
                    )
                    if edge and _page_furniture(line["text"], edge, furniture):
                        continue  # a page number, a running header or footer: no text of the document's
                    items.append((line["top"], "line", line["text"]))
            elif (unruled := _target_unruled(page, read_unruled)) is not None:
                continues = None
                after_unruled = True
                for texts in unruled:
                    row += 1
                    for c, text in enumerate(texts):
                        cells.append(Cell(_clean(text), text, Where(page=n, row=row, column=c + 1), row, c))
                continue
            else:
                # no ruled table on the page: keep the horizontal layout and read it as a copy
                # aligned by spaces (a table without lines reads as rows of cells, each under the
                # column of the indicator header it stands under, empty cells kept)
                for k, placed in enumerate(_aligned_rows(page.extract_text(layout=True).splitlines())):
                    items.append((float(k), "row", placed))
            for _, kind, item in sorted(items, key=lambda i: i[0]):
                if kind == "row":
                    continues = None
                    row += 1
                    parts: list[str] = item  # type: ignore[assignment]
                    for col, part in enumerate(parts):
                        cells.append(Cell.of(part, Where(page=n), row, col))
                    continue
                if kind == "line":
                    continues = None
                    row += 1
                    for col, part in enumerate(_line_cells(str(item))):
                        cells.append(Cell.of(part, Where(page=n), row, col))
                    continue
                found = _grid(page, item, continues)  # type: ignore[arg-type]
                grid = found.cells
                if continues is not None:  # the text of a cell cut by the page break, printed here
                    for c, text in found.top_text.items():
                        for place in continues.open_cells.get(c, []):
                            place.anchor, place.vertical = text, True
                if grid and continues is not None and len(grid[0]) == continues.width:
                    # a table running over from the previous page: a cell cut by the page break
                    # goes on in the first row here, alone in its column
                    first = [(c, v) for c, v in enumerate(grid[0]) if v]
                    titled = any(labels.is_title(_clean(v)) for _, v in first)  # the next table's first row
                    if not titled and (
                        (len(first) == 1 and first[0][0] in continues.last_cells)
                        or _rest_of_a_cut_row(grid[0], continues)
                    ):
                        for c, v in first:  # a row cut by the page break (Word lets a row break)
                            cut = continues.last_cells[c]
                            cut.text = cut.text + _clean(v)
                            cut.raw = cut.raw + (v or "")
                        grid = grid[1:]
                last_cells: dict[int, Cell] = {}
                # a run-over table starts with the texts of the previous page's last row above it
                above = {c: cell.text for c, cell in continues.last_cells.items()} if continues else {}
                open_cells: dict[int, list[Cell]] = {}
                prev_none: set[int] = set(range(len(grid[0]))) - set(above) if (continues and grid) else set()
                for r, values in enumerate(grid):
                    row += 1
                    none_here: set[int] = set()
                    for c, value in enumerate(values):
                        where = Where(page=n, row=r + 1, column=c + 1)
                        if value is None:
                            # covered by a merged cell: from above (一级/二级 spans rows) or from the left
                            up = (r > 0 or continues is not None) and (c in above or c in prev_none)
                            vertical = found.from_above.get((r, c), False) and up
                            if (r, c) not in found.from_above:  # no merged cell here: a page's cut
                                left = c > 0 and (values[c - 1] is not None or c - 1 in none_here)
                                vertical = up and (not left or c <= 1)
                            anchor = (
                                above.get(c, "")
                                if vertical
                                else (
                                    last_cells[c - 1].text
                                    if c - 1 in last_cells and values[c - 1] is not None
                                    else ""
                                )
                            )
                            place = Cell("", "", where, row, c, True, anchor, vertical)
                            cells.append(place)
                            if r >= found.open_from.get(c, len(grid)):
                                open_cells.setdefault(c, []).append(place)
                            none_here.add(c)
                        else:
                            text = _clean(value)
                            cell = Cell(text, value, where, row, c)
                            cells.append(cell)
                            last_cells[c] = cell
                            above[c] = text
                    prev_none = none_here
                continues = _Continues(
                    len(grid[0]) if grid else 0, last_cells, found.xs, open_cells, _short(grid)
                )
    if chars == 0:
        raise ReadError(
            name,
            "这是扫描件（PDF 没有文字层），无法直接读取；请先做文字识别（OCR），或提供原始的 Word/Excel 文件。",
        )
    if unmapped * 2 > chars:
        raise ReadError(
            name,
            "这个 PDF 的字体没有附带文字编码，读出的字是一串编号（复制出来也是乱码），无法读取；"
            "请提供原始的 Word/Excel 文件，或先做文字识别（OCR）。",
        )
    return cells


if __name__ == "__main__":  # the child: PDF bytes on stdin, cells as JSON on stdout
    sys.stdout.write(json.dumps(_cells_in_child(sys.argv[1], sys.stdin.buffer.read()), ensure_ascii=False))
