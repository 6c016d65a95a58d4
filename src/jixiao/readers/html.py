"""HTML pages with real `<table>` markup (and `.xls` files that are HTML, as many sites serve).

Text outside tables (titles, 编制单位 lines) is read in document order; each table becomes a grid
that honours rowspan and colspan: a merged cell is read once, at its anchor, and the cells it
covers carry its text for the columns below it (merged 一级/二级 cells).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from jixiao.domain.model import Document, Where
from jixiao.readers.assemble import GAP, Cell, assemble
from jixiao.readers.encoding import decode_text
from jixiao.readers.errors import ReadError

_SKIP = {"script", "style", "head", "title", "noscript", "template"}
_BLOCK_BREAKS = {"br", "p", "div", "li", "tr"}
# elements inside a line of text: their text joins their neighbours' (any other element starts a line)
_INLINE = frozenset(
    "a abbr b bdi big cite code em font i kbd mark q s samp small span strike strong sub sup tt u var".split()
)
_MAX_SPAN = 200
# a rowspan of 65534 would make a grid of millions of cells


def looks_like_html(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:2048].lower()
    return head.startswith("<") and ("<table" in text[:200000].lower() or "<html" in head)


def _text(el: etree._Element) -> str:
    """The cell's text with <br> and block elements as line breaks."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            return
        if node.tag in _BLOCK_BREAKS and parts:
            parts.append("\n")
        if node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


class _Grid:
    def __init__(self) -> None:
        self.row = 0
        self.tables = 0

    def table(self, table: etree._Element, out: list[Cell]) -> None:
        taken: dict[tuple[int, int], Cell] = {}
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        self.tables += 1
        for r, tr in enumerate(rows):
            self.row += 1
            grid_row = self.row
            col = 0
            cells: list[Cell] = []
            for td in tr:
                if not isinstance(td.tag, str) or td.tag not in ("td", "th"):
                    continue
                while (r, col) in taken:
                    cells.append(taken.pop((r, col)))
                    col += 1
                text = _text(td)
                rowspan = _span(td.get("rowspan"))
                colspan = _span(td.get("colspan"))
                where = Where(line=td.sourceline, row=r + 1, column=col + 1)
                cells.append(Cell.of(text, where, row=grid_row, col=col))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        if dr == 0 and dc == 0:
                            continue
                        cover = Cell(
                            "", "", where, None, col + dc, covered=True, anchor=text.strip(), vertical=dr > 0
                        )
                        taken[(r + dr, col + dc)] = cover
                        if dr == 0:
                            cells.append(cover)
                col += colspan
            while (r, col) in taken:
                cells.append(taken.pop((r, col)))
                col += 1
            out.extend(
                Cell(c.text, c.raw, c.where, grid_row, c.col, c.covered, c.anchor, c.vertical, self.tables)
                for c in cells
            )


def _owner(tr: etree._Element) -> etree._Element | None:
    node = tr.getparent()
    while node is not None and node.tag != "table":
        node = node.getparent()
    return node


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), _MAX_SPAN))
    except ValueError:
        return 1


def cells_of_html(text: str, name: str) -> list[Cell]:
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(name, f"不是可读的网页文件：{exc}") from exc
    out: list[Cell] = []
    grid = _Grid()

    def emit_text(value: str | None, line: int | None) -> None:
        # "编制单位：X　　　　单位：万元" on one line is two cells, as in the printed form
        for line_text in (value or "").split("\n"):
            parts = [p for p in GAP.split(line_text) if p.strip()]
            if parts:
                grid.row += 1
                for col, part in enumerate(parts):
                    out.append(Cell.of(part, Where(line=line), row=grid.row, col=col))

    # the text of inline runs (Word's pages set 2025 and 年项目支出绩效目标表 in two fonts) joins up
    # to the next block, as a browser shows it
    pending: list[str] = []
    pending_line: list[int | None] = [None]

    def add(value: str | None, line: int | None) -> None:
        if value:
            if not pending:
                pending_line[0] = line
            pending.append(value)

    def flush() -> None:
        if pending:
            emit_text("".join(pending), pending_line[0])
            pending.clear()

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            return
        if node.tag == "table" and node.find(".//table") is None:
            flush()
            caption = node.find("caption")  # the table's title, where a page marks it as such
            if caption is not None:
                emit_text(_text(caption), caption.sourceline)
            grid.table(node, out)
            return
        # a table holding tables is page layout, not data: read what is inside it
        inline = node.tag in _INLINE
        if not inline:
            flush()
        if node.tag == "br":
            add("\n", node.sourceline)
        add(node.text, node.sourceline)
        for child in node:
            walk(child)
            add(child.tail, child.sourceline)
        if not inline:
            flush()

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return out


def read_html(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    text, encoding = decode_text(raw, name)
    doc = assemble(name, "html", cells_of_html(text, name))
    doc.encoding = encoding
    return doc
