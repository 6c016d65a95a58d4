"""Word (.docx): paragraphs and tables in document order. A merged cell is read once, at its
anchor (python-docx repeats it in every grid position it spans); the positions it covers below
carry its text for the columns of the rows beneath (merged 一级/二级)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.table import Table

from jixiao.domain.model import Document, Where
from jixiao.readers.assemble import GAP, Cell, assemble
from jixiao.readers.errors import ReadError


def _table_cells(table: Table, n: int, row_base: int, out: list[Cell]) -> int:
    # id(_tc) → (row where it started, text, the element itself — kept so its id is not reused)
    seen: dict[int, tuple[int, str, object]] = {}
    rows = table.rows
    for r, row in enumerate(rows):
        row_key = row_base + r
        # a row may start some grid columns in (w:gridBefore): its cells stand under those columns
        for c, cell in enumerate(row.cells, start=row.grid_cols_before):
            key = id(cell._tc)
            where = Where(page=None, row=r + 1, column=c + 1, sheet=f"表格{n}")
            if key in seen:
                start, text, _ = seen[key]
                out.append(Cell("", "", where, row_key, c, True, text, start != r, n))
            else:
                text = "\n".join(_text_of(p._p) for p in cell.paragraphs).strip()
                seen[key] = (r, text, cell._tc)
                out.append(Cell.of(text, where, row_key, c, n))
    return row_base + len(rows)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# deleted, moved away, in a text box; and the properties (a paragraph's tab stops are w:tab too)
_LEFT_OUT = {f"{_W}{tag}" for tag in ("del", "moveFrom", "txbxContent", "pPr", "rPr")}


def _text_of(paragraph: Any) -> str:
    """A paragraph's text as Word shows it with its changes accepted: inserted text (python-docx's
    `.text` leaves out what a tracked change inserted) but not deleted or moved-away text; tabs and
    line breaks as such. A text box's paragraphs are not this paragraph's."""
    parts: list[str] = []

    def walk(element: Any) -> None:
        for child in element:
            tag = child.tag
            if tag in _LEFT_OUT:
                continue
            if tag == f"{_W}t":
                parts.append(child.text or "")
            elif tag == f"{_W}tab":
                parts.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                parts.append("\n")
            else:
                walk(child)

    walk(paragraph)
    return "".join(parts)


def _unwrap_content_controls(body: Any) -> None:
    """Put what each content control (w:sdt: a template's fields, a repeating section of rows)
    holds in its place: python-docx sees neither a table's rows nor a cell's paragraphs inside one.
    The document is only read, never saved."""
    for control in list(body.iter(f"{_W}sdt")):
        parent = control.getparent()
        content = control.find(f"{_W}sdtContent")
        at = parent.index(control)
        parent.remove(control)
        for k, child in enumerate(list(content) if content is not None else []):
            parent.insert(at + k, child)


def _blocks(container: Any, start: int = 0) -> Iterator[tuple[int, Any]]:
    """The paragraphs and tables of the document in reading order, numbered from 1, looking inside
    a table used as a frame (one whose cells hold tables: its cells' paragraphs and tables are read
    in turn, not the frame)."""
    k = start
    for block in container.iterchildren():
        tag = block.tag
        if tag == f"{_W}tbl" and block.find(f".//{_W}tc/{_W}tbl") is not None:
            for cell in block.iter(f"{_W}tc"):
                if cell.getparent().getparent() is block:  # the frame's own cells, not a nested table's
                    for number, inner in _blocks(cell, k):
                        k = number
                        yield number, inner
            continue
        if tag in (f"{_W}p", f"{_W}tbl"):
            k += 1
            yield k, block


def read_docx(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # python-docx raises several kinds for a broken package
        raise ReadError(name, f"Word 文件已损坏，无法打开（{type(exc).__name__}）。") from exc
    cells: list[Cell] = []
    row = 0
    tables = 0
    _unwrap_content_controls(document.element.body)
    for k, block in _blocks(document.element.body):
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            text = _text_of(block)
            for line in text.split("\n"):
                # "单位名称：X　　　　单位：万元" on one line is two cells, as in the printed form
                parts = [part for part in GAP.split(line) if part.strip()]
                if parts:
                    row += 1
                    cells.extend(Cell.of(part, Where(line=k), row, col) for col, part in enumerate(parts))
        else:
            tables += 1
            row = _table_cells(Table(block, document), tables, row + 1, cells)
    if tables == 0:
        raise ReadError(name, "Word 文件中没有表格：绩效目标表应是 Word 表格（不是图片或文本框）。")
    return assemble(name, "docx", cells)
