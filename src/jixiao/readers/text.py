"""Text copied out of Word: one cell a line (the seed's layout).

Each cell is a line (usually tab-led); a line of only whitespace is an empty cell; a truly empty
line is a paragraph break inside or between cells and carries nothing.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.domain.model import Document, Where
from jixiao.readers.assemble import Cell, assemble
from jixiao.readers.encoding import decode_text


def cells_of_text(text: str) -> list[Cell]:
    cells = []
    for n, line in enumerate(text.splitlines(), start=1):
        if line == "":
            continue
        cells.append(Cell.of(line, Where(line=n)))
    return cells


def read_text(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    text, encoding = decode_text(raw, name)
    doc = assemble(name, "text", cells_of_text(text))
    doc.encoding = encoding
    return doc
