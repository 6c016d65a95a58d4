"""CSV text → its columns: what the csv module reads, a column at a time, and faster.

An open-data file of 10万 indicators repeats each table's texts on every row: 360万 cells. Lines
without a quote mark (nearly all) are joined and split on commas in one call, and each column is
taken out of that with a slice; a line with a quote mark goes to the csv module, which takes as
many further lines as its quoted cells span. Every record must have the header's number of cells.
"""

from __future__ import annotations

import csv
import io
from itertools import islice

from jixiao.domain.model import Where
from jixiao.readers.errors import ReadError


def csv_columns(text: str, name: str) -> tuple[list[str], list[list[str]], list[int]]:
    """(header, its columns below it, the line each record starts on, from 1). Empty lines are skipped."""
    if text.count("\r") != text.count("\r\n"):  # a bare CR ends a record too (old Mac files): no shortcut
        return _by_module(text, name)
    lines = text.split("\n")
    crlf = "\r" in text
    done, header = _record(lines, 0)
    width = len(header)
    columns: list[list[str]] = [[] for _ in header]
    starts: list[int] = []

    def plain(a: int, b: int) -> None:  # lines a..b-1, none with a quote mark
        part = lines[a:b]
        if crlf:
            part = [line.removesuffix("\r") for line in part]
        commas = width - 1
        wrong = [k for k, line in enumerate(part) if line.count(",") != commas and line]
        if wrong:
            k = wrong[0]
            _too_few_or_many(name, part[k].count(",") + 1, width, a + k + 1)
        if "" in part:
            at = [a + k + 1 for k, line in enumerate(part) if line]
            part = [line for line in part if line]
        else:
            at = list(range(a + 1, b + 1))
        if not part:
            return
        cells = ",".join(part).split(",")
        for j, column in enumerate(columns):
            column.extend(cells[j::width])
        starts.extend(at)

    for k in [k for k, line in enumerate(lines) if '"' in line]:
        if k < done:
            continue  # inside a quoted cell that began on an earlier line, or the header
        plain(done, k)
        done, row = _record(lines, k)
        if len(row) != width:
            _too_few_or_many(name, len(row), width, k + 1)
        for column, cell in zip(columns, row, strict=True):
            column.append(cell)
        starts.append(k + 1)
    plain(done, len(lines))
    return header, columns, starts


def _record(lines: list[str], k: int) -> tuple[int, list[str]]:
    """The record starting on line k (from 0) and the line after it."""
    line = lines[k]
    if '"' not in line:
        line = line.removesuffix("\r")
        return k + 1, line.split(",") if line else []
    reader = csv.reader(line + "\n" for line in islice(lines, k, None))
    row = next(reader)
    return k + reader.line_num, row


def _by_module(text: str, name: str) -> tuple[list[str], list[list[str]], list[int]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    columns: list[list[str]] = [[] for _ in header]
    starts: list[int] = []
    at = reader.line_num + 1
    for row in reader:
        if row:
            if len(row) != len(header):
                _too_few_or_many(name, len(row), len(header), at)
            for column, cell in zip(columns, row, strict=True):
                column.append(cell)
            starts.append(at)
        at = reader.line_num + 1
    return header, columns, starts


def _too_few_or_many(name: str, cells: int, width: int, line: int) -> None:
    raise ReadError(name, f"这一行有 {cells} 格，表头有 {width} 格。", Where(line=line))
