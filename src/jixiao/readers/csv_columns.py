"""CSV text → its columns: what the csv module reads, a column at a time, and faster.

An open-data file of 10万 indicators repeats each table's texts on every row: 360万 cells. A
block of lines without a quote mark (nearly all) is split on commas in one call, and each column is
taken out of that with a slice; a line with a quote mark goes to the csv module, which takes as
many further lines as its quoted cells span. Every record must have the header's number of cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from itertools import islice
from typing import NamedTuple, NoReturn

from jixiao.domain.model import Where
from jixiao.readers.errors import ReadError


class Block(NamedTuple):
    """Some records: their columns and the line (from 1) each starts on. Where `runs` is given,
    the records come in runs that share their first `lead` cells: `runs` holds the index of each
    run's first record, and each of the first `lead` columns one cell per run."""

    columns: list[list[str]]
    lines: list[int]
    runs: list[int] | None = None
    lead: int = 0


BLOCK = 2048  # records at a time: their 7万 cells stay in the CPU's cache and their memory is reused


def csv_blocks(
    text: str, name: str, size: int = BLOCK, repeated: Collection[str] = (), key: str | None = None
) -> tuple[list[str], Iterator[Block]]:
    """The header, and the records below it in blocks of `size`, each as columns with the line
    (from 1) each record starts on. Empty lines are skipped. Errors come as the blocks are read.

    `repeated` names columns whose cells the rows of a run often repeat (a table's 表名, 绩效目标…
    on each of its indicator rows): where they lead the header, a run of lines that start with the
    same cells is split there once, the run's cells given once (`Block.runs`); only where those
    cells include the column `key` names, when given."""
    crlf = "\r" in text  # one search; counting both takes ten times as long
    if crlf and text.count("\r") != text.count("\r\n"):  # a bare CR ends a record too (old Mac files)
        return _by_module(text, name, size)
    head_end = text.find("\n") + 1 or len(text)
    if '"' in text[:head_end]:
        lines = text.split("\n")
        after, header = _record(lines, 0)
        return header, _by_lines(lines[after:], after, header, name, size, crlf)
    head = text[:head_end].rstrip("\r\n")
    header = head.split(",") if head else []
    lead = 0
    while lead < len(header) - 1 and header[lead] in repeated:
        lead += 1
    if key is not None and key not in header[:lead]:
        lead = 0  # runs of rows sharing cells would not be runs of one table (`key` names the table)
    return header, _by_blocks(text, head_end, header, name, size, crlf, lead)


def _by_blocks(
    text: str, pos: int, header: list[str], name: str, size: int, crlf: bool, lead: int = 0
) -> Iterator[Block]:
    """`size` lines at a time from `pos`, while they hold no quote mark and no empty line: the
    block's lines are split on commas in one call, with each line's first cell marked by the
    newline before it, so that a line with too few or too many cells shows; from the first block
    that has a quote mark or an empty line on, line by line."""
    width = len(header)
    line = text.count("\n", 0, pos) + 1  # the block's first line, from 1
    while pos < len(text):
        end = pos
        for _ in range(size):
            end = text.find("\n", end) + 1
            if not end:
                end = len(text)
                break
        body = text[pos:end]
        if crlf:
            body = body.replace("\r\n", "\n")
        if body.endswith("\n"):
            body = body[:-1]
        # a quote mark, or an empty line anywhere (a file often ends with one): line by line
        if '"' in body or "\n\n" in body or body.startswith("\n") or body.endswith("\n") or not body:
            rest = text[pos:].split("\n")
            yield from _by_lines(rest, line - 1, header, name, size, crlf)
            return
        n = body.count("\n") + 1
        runs = _runs(body, width, lead) if lead else None
        if runs is not None:
            columns, starts = runs
            yield Block(columns, list(range(line, line + n)), starts, lead)
        else:
            split = _split(body.replace("\n", ",\n"), n, width)
            if split is None:
                k, bad = next((k, x) for k, x in enumerate(body.split("\n")) if x.count(",") != width - 1)
                _too_few_or_many(name, bad.count(",") + 1, width, line + k)
            yield Block(split, list(range(line, line + n)))
        line += n
        pos = end


def _runs(body: str, width: int, lead: int) -> tuple[list[list[str]], list[int]] | None:
    """The columns of a block of plain lines, and the line each run starts on (from 0): a run of
    lines that start with the same text up to their `lead`-th comma (they are the same cells) is
    split there once, its first `lead` columns holding one cell for the run. None when some line
    has too few or too many cells: the caller finds and names it."""
    starts: list[int] = []  # the line each run starts on
    leads: list[list[str]] = []  # each run's first cells
    rests: list[str] = []  # each line after its first cells
    prefix = body + "\n"  # longer than any line: no line starts with it
    size = 0
    for k, text in enumerate(body.split("\n")):
        if text.startswith(prefix):
            rests.append(text[size:])
            continue
        cells = text.split(",", lead)
        if len(cells) <= lead:
            return None
        rest = cells.pop()
        size = len(text) - len(rest)
        prefix = text[:size]
        starts.append(k)
        leads.append(cells)
        rests.append(rest)
    rest_columns = _split(",\n".join(rests), len(rests), width - lead)
    if rest_columns is None:
        return None
    return [*(list(column) for column in zip(*leads, strict=True)), *rest_columns], starts


def _split(marked: str, n: int, width: int) -> list[list[str]] | None:
    """The columns of `n` lines of plain cells joined with ",\n" (each line's first cell marked by
    the newline before it), split in one call; None when some line has too few or too many cells."""
    cells = marked.split(",")
    if len(cells) != n * width or any(c[:1] != "\n" for c in cells[width::width]):
        return None
    firsts = cells[0::width]
    firsts[1:] = [c[1:] for c in firsts[1:]]
    return [firsts, *(cells[j::width] for j in range(1, width))]


def _by_lines(
    lines: list[str], base: int, header: list[str], name: str, size: int, crlf: bool
) -> Iterator[Block]:
    """Blocks of the records in `lines` (line base + 1 onwards): a line without a quote mark is a
    record and splits on commas; one with a quote mark goes to the csv module, which takes as many
    further lines as its quoted cells span."""
    width = len(header)
    quoted = [k for k, line in enumerate(lines) if '"' in line]

    def plain(block: Block, a: int, b: int) -> None:  # lines a..b-1, none with a quote mark
        columns, starts = block.columns, block.lines
        part = lines[a:b]
        if crlf:
            part = [line.removesuffix("\r") for line in part]
        commas = width - 1
        wrong = [k for k, line in enumerate(part) if line.count(",") != commas and line]
        if wrong:
            k = wrong[0]
            _too_few_or_many(name, part[k].count(",") + 1, width, base + a + k + 1)
        if "" in part:
            starts.extend(base + a + k + 1 for k, line in enumerate(part) if line)
            part = [line for line in part if line]
        else:
            starts.extend(range(base + a + 1, base + b + 1))
        if part:
            cells = ",".join(part).split(",")
            for j, column in enumerate(columns):
                column.extend(cells[j::width])

    block = Block([[] for _ in header], [])
    done = 0
    for k in [*quoted, len(lines)]:
        if k < done:
            continue  # inside a quoted cell that began on an earlier line
        while done < k:  # the plain lines before the next quoted record, a block at a time
            end = min(k, done + size - len(block.lines))
            plain(block, done, end)
            done = end
            if len(block.lines) >= size:
                yield block
                block = Block([[] for _ in header], [])
        if k == len(lines):
            break
        done, row = _record(lines, k)
        if len(row) != width:
            _too_few_or_many(name, len(row), width, base + k + 1)
        for column, cell in zip(block.columns, row, strict=True):
            column.append(cell)
        block.lines.append(base + k + 1)
        if len(block.lines) >= size:
            yield block
            block = Block([[] for _ in header], [])
    if block.lines:
        yield block


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
        block = Block([[] for _ in header], [])
        at = reader.line_num + 1
        for row in reader:
            if row:
                if len(row) != len(header):
                    _too_few_or_many(name, len(row), len(header), at)
                for column, cell in zip(block.columns, row, strict=True):
                    column.append(cell)
                block.lines.append(at)
                if len(block.lines) >= size:
                    yield block
                    block = Block([[] for _ in header], [])
            at = reader.line_num + 1
        if block.lines:
            yield block

    return header, blocks()


def _too_few_or_many(name: str, cells: int, width: int, line: int) -> NoReturn:
    raise ReadError(name, f"这一行有 {cells} 格，表头有 {width} 格。", Where(line=line))
