"""CSV text → its columns: what the csv module reads, a column at a time, and faster.

An open-data file of 10万 indicators repeats each table's texts on every row: 360万 cells. Lines
without a quote mark (nearly all) are joined and split on commas in one call, and each column is
taken out of that with a slice; a line with a quote mark goes to the csv module, which takes as
many further lines as its quoted cells span. Every record must have the header's number of cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import islice

from jixiao.domain.model import Where
from jixiao.readers.errors import ReadError

Block = tuple[list[list[str]], list[int]]  # columns of some records, and the line each starts on
BLOCK = 2048  # records at a time: their 7万 cells stay in the CPU's cache and their memory is reused


def csv_blocks(text: str, name: str, size: int = BLOCK) -> tuple[list[str], Iterator[Block]]:
    """The header, and the records below it in blocks of `size`, each as columns with the line
    (from 1) each record starts on. Empty lines are skipped. Errors come as the blocks are read."""
    if text.count("\r") != text.count("\r\n"):  # a bare CR ends a record too (old Mac files): no shortcut
        return _by_module(text, name, size)
    lines = text.split("\n")
    crlf = "\r" in text
    first, header = _record(lines, 0)
    width = len(header)
    quoted = [k for k, line in enumerate(lines) if '"' in line]

    def plain(block: Block, a: int, b: int) -> None:  # lines a..b-1, none with a quote mark
        columns, starts = block
        part = lines[a:b]
        if crlf:
            part = [line.removesuffix("\r") for line in part]
        commas = width - 1
        wrong = [k for k, line in enumerate(part) if line.count(",") != commas and line]
        if wrong:
            k = wrong[0]
            _too_few_or_many(name, part[k].count(",") + 1, width, a + k + 1)
        if "" in part:
            starts.extend(a + k + 1 for k, line in enumerate(part) if line)
            part = [line for line in part if line]
        else:
            starts.extend(range(a + 1, b + 1))
        if part:
            cells = ",".join(part).split(",")
            for j, column in enumerate(columns):
                column.extend(cells[j::width])

    def blocks() -> Iterator[Block]:
        block: Block = ([[] for _ in header], [])
        done = first
        for k in [*quoted, len(lines)]:
            if k < done:
                continue  # inside a quoted cell that began on an earlier line, or the header
            while done < k:  # the plain lines before the next quoted record, a block at a time
                end = min(k, done + size - len(block[1]))
                plain(block, done, end)
                done = end
                if len(block[1]) >= size:
                    yield block
                    block = ([[] for _ in header], [])
            if k == len(lines):
                break
            done, row = _record(lines, k)
            if len(row) != width:
                _too_few_or_many(name, len(row), width, k + 1)
            for column, cell in zip(block[0], row, strict=True):
                column.append(cell)
            block[1].append(k + 1)
            if len(block[1]) >= size:
                yield block
                block = ([[] for _ in header], [])
        if block[1]:
            yield block

    return header, blocks()


def _record(lines: list[str], k: int) -> tuple[int, list[str]]:
    """The record starting on line k (from 0) and the line after it."""
    line = lines[k]
    if '"' not in line:
        line = line.removesuffix("\r")
        return k + 1, line.split(",") if line else []
    reader = csv.reader(line + "\n" for line in islice(lines, k, None))
    row = next(reader)
    return k + reader.line_num, row


def _by_module(text: str, name: str, size: int) -> tuple[list[str], Iterator[Block]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])

    def blocks() -> Iterator[Block]:
        block: Block = ([[] for _ in header], [])
        at = reader.line_num + 1
        for row in reader:
            if row:
                if len(row) != len(header):
                    _too_few_or_many(name, len(row), len(header), at)
                for column, cell in zip(block[0], row, strict=True):
                    column.append(cell)
                block[1].append(at)
                if len(block[1]) >= size:
                    yield block
                    block = ([[] for _ in header], [])
            at = reader.line_num + 1
        if block[1]:
            yield block

    return header, blocks()


def _too_few_or_many(name: str, cells: int, width: int, line: int) -> None:
    raise ReadError(name, f"这一行有 {cells} 格，表头有 {width} 格。", Where(line=line))
