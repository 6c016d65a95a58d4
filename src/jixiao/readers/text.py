"""Text copied out of a table, in every layout that copying produces.

- one cell a line (the seed): a line of only whitespace is an empty cell, a truly empty line is
  a paragraph break and carries nothing; one cell a paragraph reads the same way;
- cells ending in `|`, a bare `|` line starting each row, runs of `|` for merged cells (web pages);
- a web page whose cells hold paragraphs (Word's pages) copied in a browser: a tab alone between
  empty lines parts two cells, a run of empty lines two rows;
- one row a line, cells separated by `|`, by tabs or by runs of spaces;
- a sheet saved as CSV (comma-separated, a cell with a comma, a quote or a line break quoted);
- a whole table on one line, cells separated by spaces.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from jixiao.domain.frame import LEVEL2_PARENT, level1_of_level2, normalise_level1, normalise_level2
from jixiao.domain.model import Document, ReadWarning, Where
from jixiao.domain.values import is_direction_word, parse_operator, parse_target
from jixiao.domain.widths import display_width
from jixiao.readers import labels
from jixiao.readers.assemble import DIGIT, EMPTY_LINE, Cell, _is_header, assemble
from jixiao.readers.encoding import decode_text
from jixiao.readers.errors import ReadError
from jixiao.readers.indicators import ENDS_A_SENTENCE, join_lines, join_wrapped

_INTERNAL_TAB = re.compile(r"\S\t+\S")
_SPACE_RUN = re.compile(r"(?:[ \u00a0]{2,}|\u3000+|\t+)")
_INTERNAL_SPACES = re.compile(r"\S(?:[ \u00a0]{2,}|\u3000+)\S")
_INDENTED = re.compile(r" {2,}\S")  # a line set in by spaces (not a tab: the seed's cells)
_RULE_LINE = re.compile(r"^[\s|:：\-—=+\u2500-\u257f－]+$")  # markdown, ASCII or box-drawing table borders
# a column bar as other fonts and tools print it: full-width (｜), box-drawing (│ ┃), broken (¦)
_BARS = str.maketrans({"｜": "|", "│": "|", "┃": "|", "¦": "|"})
_WORDS = re.compile(r"[ \t\u3000\u00a0]+")
_FIGURE = re.compile(r"[\d%％≥≤＞＜><=＝]")
_CELL = re.compile(r"\S+(?:[ \u00a0]\S+)*")  # a space-separated cell: words with single spaces between
_QUOTED_CELL = re.compile(r'(^|\t)"')


def detect_layout(lines: list[str]) -> str:
    content = [ln for ln in lines if ln.strip()]
    if not content:
        return "cell-lines"
    n = len(content)
    if _parting_tabs(lines) >= max(3, 0.3 * n):
        return "paragraph-cells"
    bare_pipes = sum(1 for ln in content if ln.rstrip() == "|")
    ends_pipe = sum(1 for ln in content if ln.rstrip().endswith("|"))
    if bare_pipes >= 2 and ends_pipe >= 0.5 * n:
        return "pipe-cells"
    if sum(1 for ln in content if ln.count("|") >= 2) >= 0.3 * n:
        return "pipe-rows"
    if sum(1 for ln in content if _INTERNAL_TAB.search(ln)) >= 0.3 * n:
        return "tab-rows"
    spaced = sum(1 for ln in content if _INTERNAL_SPACES.search(ln.strip()))
    # a pdftotext copy of wrapped cells: many lines hold one fragment, set in its column by spaces
    indented = sum(1 for ln in content if _INDENTED.match(ln) and not _INTERNAL_SPACES.search(ln.strip()))
    if spaced >= 0.3 * n or (spaced >= 0.15 * n and spaced + indented >= 0.5 * n):
        return "space-rows"
    if n <= 3 and max(len(ln) for ln in content) > 200:
        return "one-line"
    if any(_is_indicator_header(ln.split()) for ln in content if " " in ln.strip()):
        # a PDF's text as a viewer copies it, or pdfplumber's: a row a line, its cells a space apart
        # (the indicator header's labels on one line; one cell a line never puts two labels there).
        # Not where cells wrapped onto lines of their own (业务主管部 / 门): which cell each piece
        # goes on is lost with the positions, and the text is refused rather than misread.
        return "word-rows" if sum(map(_wrapped_pieces, content)) * 8 <= n else "wrapped-word-rows"
    return "cell-lines"


def _wrapped_pieces(line: str) -> bool:
    """A line of one to three short words, none of them a label, a level or a figure: the rest of
    cells that wrapped (门 / 成情况 析 能性 / 标 患消除)."""
    words = line.split()
    return 0 < len(words) <= 3 and not any(
        _a_label(word) or _known_level(word) or _FIGURE.search(word) or labels.is_title(word)
        for word in words
    )


def _cell_lines(lines: list[str]) -> list[Cell]:
    """One cell a line; a line that holds a tab between two texts holds two cells ("2024年预算\t10.14")."""
    cells: list[Cell] = []
    empty_cells = _empty_lines_are_cells(lines)
    spaced = not empty_cells and _paragraphs_mark_empty_cells(lines)
    run = 0  # empty lines since the last cell
    for n, line in enumerate(lines, start=1):
        if line == "":
            run += 1
            if empty_cells:
                cells.append(Cell.of(EMPTY_LINE, Where(line=n)))
            continue
        if spaced and run > 1 and cells:  # a cell a paragraph: each two empty lines more, an empty cell
            cells.extend(
                Cell.of(EMPTY_LINE, Where(line=n - run + 2 * k)) for k in range(1, (run - 1) // 2 + 1)
            )
        run = 0
        if _INTERNAL_TAB.search(line):
            parts = line.split("\t")
            if parts and not parts[0].strip():
                parts = parts[1:]  # the tab that starts every cell line
            cells.extend(Cell.of(part, Where(line=n)) for part in parts)
        else:
            cells.append(Cell.of(line, Where(line=n)))
    return cells


def _empty_lines_are_cells(lines: list[str]) -> bool:
    """Whether an empty line is an empty cell (LibreOffice's plain-text export of a table: a cell a
    line, nothing on an empty one) rather than a break between paragraphs: the text marks no empty
    cell with whitespace (as the seed does), and its empty lines do not part every cell (one cell a
    paragraph)."""
    if any(line and not line.strip() for line in lines):
        return False
    content = [k for k, line in enumerate(lines) if line]
    if len(content) < 10:
        return False
    parted = sum(1 for k in content if k + 1 < len(lines) and lines[k + 1] == "")
    return parted < 0.6 * len(content)


def _paragraphs_mark_empty_cells(lines: list[str]) -> bool:
    """Whether a text of one cell a paragraph marks its empty cells by the empty lines between (a
    browser's copy of a page whose cells hold paragraphs: one empty line between two cells, three
    where an empty cell stands between, five for two): most runs of empty lines are one long, the
    others an odd number, some of them three or more."""
    runs: list[int] = []
    run = 0
    for line in lines:
        if line == "":
            run += 1
        else:
            if run:
                runs.append(run)
            run = 0
    if len(runs) < 10 or any(line and not line.strip() for line in lines):
        return False
    ones = runs.count(1)
    return ones >= 0.6 * len(runs) and all(r % 2 for r in runs) and any(r >= 3 for r in runs)


def _is_tab_line(line: str) -> bool:
    return "\t" in line and not line.strip()


def _parting_tabs(lines: list[str]) -> int:
    """The tabs alone on a line between two empty lines: how a browser copies a page whose cells
    hold paragraphs (Word's web pages): a paragraph is set off by empty lines, a tab parts two cells."""
    return sum(
        1
        for k in range(1, len(lines) - 1)
        if lines[k - 1] == "" and lines[k + 1] == "" and _is_tab_line(lines[k])
    )


# empty lines between two texts that part rows (a paragraph break inside a cell is one)
_ROW_BREAK = 3


def _paragraph_cells(lines: list[str]) -> list[Cell]:
    """A web page whose cells hold paragraphs, copied as text (Word's pages, copied in a browser):
    a tab alone on a line parts two cells; one empty line parts two paragraphs of a cell, a run of
    them two rows; an empty cell is the empty lines between two tabs. A row under a merged cell
    lacks that cell (the copy keeps no merges): it is read as a web page's copy is."""
    rows: list[list[tuple[int, list[str]]]] = []  # each row's cells: (first line, paragraphs)
    row: list[tuple[int, list[str]]] = []
    cell: list[str] = []
    cell_line = 1
    last = ""  # "text" or "tab": what the last line that was not empty held
    empty = 0  # empty lines since

    def end_row(start: int) -> None:
        """The cell so far ends its row; the next cell starts at line `start`."""
        nonlocal row, cell, cell_line
        row.append((cell_line, cell))
        rows.append(row)
        row, cell, cell_line = [], [], start

    for n, line in enumerate(lines, start=1):
        if _is_tab_line(line):
            if last == "text" and empty >= _ROW_BREAK:  # a row that starts with an empty cell
                end_row(n)
            row.append((cell_line, cell))
            cell, cell_line, last, empty = [], n + 1, "tab", 0
            continue
        if not line.strip():
            empty += 1
            continue
        # a new row after a run of empty lines (after a text or a tab: the row ended with an empty
        # cell); a row's first cell is not taken to hold paragraphs: text outside a table is a
        # paragraph a line, the title above the unit
        if last and (empty >= _ROW_BREAK or (last == "text" and empty and not row)):
            end_row(n)
        if not cell:
            cell_line = n
        cell.append(line.strip())
        last, empty = "text", 0
    if cell or row:
        end_row(0)
    return [
        Cell.of("\n".join(paragraphs), Where(line=line, column=c + 1), row=row_cells[0][0], col=c)
        for row_cells in rows
        for c, (line, paragraphs) in enumerate(row_cells)
    ]


def _one_line(lines: list[str]) -> list[Cell]:
    cells = []
    for n, line in enumerate(lines, start=1):
        for word in _WORDS.split(line):
            if word:
                cells.append(Cell.of(word, Where(line=n)))
    return cells


def _split_row(line: str, layout: str) -> list[str]:
    if layout == "pipe-rows":
        body = line.strip()
        body = body[1:] if body.startswith("|") else body
        body = body[:-1] if body.endswith("|") else body
        return body.split("|")
    if layout == "word-rows":
        return line.split()
    if layout == "tab-rows":
        if _QUOTED_CELL.search(line) and line.count('"') % 2 == 0:
            # Excel quotes a copied cell that holds a line break, a tab or a quote: "a\nb", "say ""hi"""
            return next(csv.reader([line], delimiter="\t"))
        return line.split("\t")
    return _SPACE_RUN.split(line.strip())


def _continued(lines: list[str]) -> list[tuple[int, str]]:
    """Tab-separated rows with a cell broken over two lines (a line break inside a Word or Excel cell,
    copied as is): two short lines whose cells make one full row are one row, the break kept in the
    cell. Returns (line number, row text)."""
    counts = Counter(ln.count("\t") for ln in lines if ln.count("\t") >= 2)
    if not counts:
        return list(enumerate(lines, start=1))
    tabs = counts.most_common(1)[0][0]  # the table's width, in tabs
    widest = max(counts)
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        quoted = _quoted_lines(lines, k)
        if quoted:  # Excel's copy of a cell holding line breaks: in quotes, over the lines it takes
            out.append((k + 1, "\n".join(lines[k : k + quoted])))
            k += quoted
            continue
        broken = _broken_at_tabs(lines, k, widest)
        if broken is not None:  # a web page's cells holding only a line break (<br>): the row goes on
            out.append((k + 1, broken))
            k += broken.count("\n") + 1  # the lines it took (an empty one is a cell's line break)
            continue
        here = line.count("\t")
        if 0 < here < widest and k + 1 < len(lines) and lines[k + 1].strip():
            nxt = lines[k + 1]
            last, first = line.rsplit("\t", 1)[-1].strip(), nxt.split("\t", 1)[0].strip()
            if (
                (
                    (here < tabs and 0 < nxt.count("\t") < tabs and here + nxt.count("\t") == tabs)
                    # a web page's copy leaves out merged cells: rows run short, and so many break
                    # that the counts do not tell; a sign over a word for a direction (≥ / 正向)
                    # is one cell
                    or (here + nxt.count("\t") <= widest and _sign_over_direction(last, first))
                )
                and not _starts_a_row(nxt)
                and not _ends_a_row(last)
            ):
                out.append((k + 1, line + "\n" + nxt))
                k += 2
                continue
        out.append((k + 1, line))
        k += 1
    return out


def _sign_over_direction(last: str, first: str) -> bool:
    """A line's last cell a sign or 定性 and the next line's first a word for a direction (正向, 反向):
    指标性质 over 指标方向 in one cell."""
    return parse_operator(last) is not None and is_direction_word(first)


def _broken_at_tabs(lines: list[str], k: int, widest: int) -> str | None:
    """One row of a web page copied as text that cells holding a line break (the <br> pages put in
    an empty cell) broke over lines, from line k: the row's text, or None when line k is a row of its
    own. A browser puts a tab between two cells and nothing before the first, so a line that ends in
    a tab goes on: on a line that starts with a tab (innerText), or, in a selection copied, on the
    next line of text, the tab before it lost and each empty line between a cell that held only its
    line break — unless that line starts a row of its own (一级指标, 质量指标). Lines join while the row
    is no wider than the widest line."""
    row, width, n = lines[k], lines[k].count("\t"), 1
    while k + n < len(lines) and lines[k + n - 1].endswith("\t"):
        empty = 0
        while k + n + empty < len(lines) and lines[k + n + empty] == "":
            empty += 1
        if k + n + empty == len(lines):
            break
        nxt = lines[k + n + empty]
        if nxt.startswith("\t") and not empty:
            joined, tabs = "\n" + nxt, nxt.count("\t")
        elif not nxt.startswith("\t") and not _starts_a_row(nxt):
            joined, tabs = "\n\t" * (empty + 1) + nxt, nxt.count("\t") + empty + 1
        else:
            break
        if width + tabs > widest:
            break
        row, width, n = row + joined, width + tabs, n + empty + 1
    return row if n > 1 else None


def _ends_a_row(last: str) -> bool:
    """A line's last cell that no line break goes on from: a label (绩效目标 | … | 年度目标 over the
    goals) or an amount (a duty's 预算金额, before the next duty's row under a merged label)."""
    return _a_label(last) or bool(labels.AMOUNT_ONLY.fullmatch(last))


def _quoted_lines(lines: list[str], k: int, most: int = 30) -> int:
    """How many lines, from line k, one row takes when a cell of it opens a quote that a later line
    closes (Excel quotes a copied cell that holds a line break); 0 when none does. The tabs do not
    tell: an editor may have trimmed those after the closing quote."""
    line = lines[k]
    if line.count('"') % 2 == 0 or not any(cell.startswith('"') for cell in line.split("\t")):
        return 0
    quotes = line.count('"')
    for n in range(1, min(most, len(lines) - k)):
        quotes += lines[k + n].count('"')
        if quotes % 2 == 0:
            return n + 1
    return 0


def _starts_a_row(line: str) -> bool:
    """A line that starts with a label (年度资金总额, 一级指标, 产出指标, 质量指标) starts a row of its
    own: two short rows of a table's head (项目名称 … | 年度资金总额 …), or two rows under merged
    一级/二级 cells a web page's copy prints once, are not one row with a broken cell."""
    first = line.split("\t", 1)[0].strip()
    return bool(first) and (
        labels.header_field(first) is not None
        or labels.indicator_column(first) is not None
        or _known_level(first)
        or labels.label_key(first) in labels.VALUE_PERIODS
    )


def aligned_cells(lines: list[str]) -> list[Cell]:
    """The cells of text aligned by spaces (a PDF page's text laid out by position), a row a line
    and each cell in the column it stands under."""
    return _rows(lines, "space-rows")


def _rows(lines: list[str], layout: str) -> list[Cell]:
    """One row a line; a line that is only a table border is skipped."""
    cells: list[Cell] = []
    if layout == "space-rows":
        grid: Grid | None = None  # where the columns start, by the last full line
        # the left edge: copies often indent every line alike (a page margin)
        margin = min((len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()), default=0)
        placed: list[tuple[int, list[str], Starts]] = []
        body = False  # under an indicator header: cells a single space apart may be two
        above: list[tuple[Spans, int]] = []  # the last row's cells, under the header: spans and columns
        above_at = 0  # that row's place in `placed`
        rows = _block_labels_first(list(_space_rows(lines, margin)))
        for at, (n, texts, starts) in enumerate(rows):
            in_block = False  # a row of a head block under its own labels
            if not body and len(starts) == len(texts):
                texts, starts = _apart_at_labels(texts, starts)
                if placed and _texts_go_on(placed[-1], texts, starts, rows[at + 1 : at + 3]):
                    continue
                if placed:
                    texts, starts = _after_a_corner(placed[-1][1], texts, starts)
                in_block = grid is not None and _under_block_labels(texts, starts, grid)
                if in_block and grid is not None:
                    # a block's row under its own labels (部门职能 | 年度目标任务 | …), its cells a single
                    # space apart where a narrow column is filled ("农田建设 建设高标准农"): parted
                    # where the labels part
                    texts, starts = _apart_at_columns(texts, starts, grid)
            if body and grid is not None and grid[2] and len(starts) == len(texts):
                texts, starts = _apart_at_levels(texts, starts)
                texts, starts = _apart_at_targets(texts, starts)
                texts, starts = _apart_at_columns(texts, starts, grid)
            many = bool(above) and (
                all(len(text) <= 3 for text in texts) or _ends_a_level(texts, starts, above, placed, above_at)
            )
            if above and 1 <= len(texts) <= (4 if many else 2) and len(texts) == len(starts):
                # the rest of wrapped cells, alone on their line, each within the cell above it that
                # it continues (≥150 万平方 / 米, 养护资金拨付 / 时间 beside 2025 年 6 月 / 底前, 自评等级： /
                # 优): joined to them. Two at most and no figures: a row of its own is more; more
                # where one of them ends a 二级 cut short (社会效益指 / 标 beside 困难群众基 / 本生活保障)
                # or each is a character or three (次 under 住院救助人, ≥9000 人 and ≥3000 人)
                roles = [labels.indicator_column(label) for label in grid[4]] if grid and grid[2] else []
                columns = _fragments_of(texts, starts, above, roles)
                if columns is None and len(texts) == 1 and " " in texts[0]:
                    # rests a single space apart, each under its own cell (服务对象满意 / 度指标 beside
                    # 受援群众满意 / 度): one word each
                    words, places = _words_of(texts[0], starts[0])
                    columns = _fragments_of(words, places, above, roles)
                    if columns is not None:
                        texts, starts = words, places
                if columns is not None:
                    row_texts = placed[above_at][1]
                    for column, text in zip(columns, texts, strict=True):
                        row_texts[column] = join_wrapped(f"{row_texts[column]}\n{text}")
                    continue
                above = []  # a line between: what follows is not that row's rest
            parts = texts
            texts, grid = _by_starts(starts, texts, grid)
            if len(parts) >= 2:  # a row, not the rest of one: the cells a fragment below may continue
                above = (
                    _spans_by_column(starts, parts, texts)
                    if (body or in_block) and len(starts) == len(parts)
                    else []
                )
                above_at = len(placed)
            if _is_indicator_header(texts):
                body = True
            elif len(texts) <= 2 and texts and labels.is_title(texts[0]):
                body = False
            if placed and _labels_go_on(placed[-1], texts, starts, placed[-2] if len(placed) > 1 else None):
                continue
            placed.append((n, list(texts), starts))
        return [
            _font_spaces_out(Cell.of(text, Where(line=n, column=c + 1), row=n, col=c))
            for n, texts, _ in _centred_values(placed)
            for c, text in enumerate(texts)
        ]
    numbered = _continued(lines) if layout == "tab-rows" else list(enumerate(lines, start=1))
    for n, line in numbered:
        if not line.strip() or _RULE_LINE.match(line):
            continue
        texts = _split_row(line, layout)
        for col, text in enumerate(texts):
            if "\n" in text and not text.strip():
                text = ""  # a cell holding only a line break (<br>) is empty, not an empty line's cell
            cells.append(Cell.of(text, Where(line=n, column=col + 1), row=n, col=col))
    return cells


Starts = list[tuple[int, int]]  # where each cell of a row starts: in characters, in display columns


def _space_rows(lines: list[str], margin: int) -> Iterator[tuple[int, list[str], Starts]]:
    """The rows of a space-aligned copy, with where each cell starts: a line a row; but where blank
    lines part the rows (pdftotext -layout of a table with ruling lines), a cell that wraps prints
    over the lines of its row (业务主管 / 部门, a goal beside its label): the lines between two blank
    lines are one row, each cell's lines joined, when at most one of them is a full row's."""
    content = sum(1 for ln in lines if ln.strip())
    banded = content and len(lines) - content >= 0.3 * content
    k = 0
    while k < len(lines):
        line = lines[k]
        if not line.strip() or _RULE_LINE.match(line):
            k += 1
            continue
        end = k + 1
        if banded:
            while end < len(lines) and lines[end].strip() and not _RULE_LINE.match(lines[end]):
                end += 1
        band = [ln[margin:] for ln in lines[k:end]]
        merged = _merged_band(band) if len(band) > 1 else None
        if merged is not None:
            yield k + 1, *merged
        else:
            for n, text in enumerate(band, start=k + 1):
                yield n, _split_row(text, "space-rows"), _starts_of(text)
        k = end


Row = tuple[int, list[str], Starts]


def _is_indicator_header(texts: list[str]) -> bool:
    return _is_header([role for role in map(labels.indicator_column, texts) if role])


def _ends_a_label(row: Row, text: str, char: int) -> bool:
    """Whether `text`, starting at `char`, is the rest of a cell of `row` that it stands under (from
    a character before the cell's start to its end: a centred cell's rest is under its middle) and
    that is no label without it (其中:财政拨 over 款)."""
    _, texts, starts = row
    if len(texts) != len(starts):
        return False
    cells = [(k, c) for k, (c, _) in enumerate(starts)]
    return any(not _a_label(texts[k]) and _a_label(texts[k] + text) for k in _labels_over(char, cells, texts))


def _block_labels_first(rows: list[Row]) -> list[Row]:
    """A head label merged down the rows of its block and centred in it (年度主要任务 beside the rows
    of tasks, 绩效目标 beside 中长期目标 | 年度目标 and their texts, 年度资金总额 and its amount beside
    the sources), which a copy of a PDF's text prints between the block's rows: put at the start of
    the block's first row, where a sheet anchors it.

    A block's rows are the lines next to the label that start to the right of it, up to a line that
    does not (the next label) or another such label's line; rows between two such labels go to the
    first as many as it has above it (it stands in the middle of its block), the rest to the second.
    Cells beside the label on its line go with it where every row of the block starts to their right
    (the amount of a 金额合计, merged down with it); else the line is the block's middle row, whose
    own cells stay (年度主要任务 printed on the line of a task). A goal's rows hold no amounts
    (其他资金 | 0 above 绩效目标 ends the money block before it). Only in a table's head: the
    indicator rows' 一级 cells are placed by the body's reading."""
    in_head = [True] * len(rows)
    head = True
    for k, (_, texts, _) in enumerate(rows):
        if _is_indicator_header(texts):
            head = False
        elif len(texts) <= 2 and texts and labels.is_title(texts[0]):
            head = True
        in_head[k] = head
    # the left edge: where the head's rows start that start with their label (labels are centred in
    # their column: a short one starts a few places in)
    left = min((starts[0][0] for k, (_, _, starts) in enumerate(rows) if starts and in_head[k]), default=0)

    def label_at(k: int) -> bool:
        _, texts, starts = rows[k]
        return (
            in_head[k]
            and len(texts) == len(starts)
            and bool(texts)
            and starts[0][0] <= left + 6
            and _a_label(texts[0])
            and not _is_indicator_header(texts)
        )

    def beside(k: int, edge: int) -> bool:
        """Row `k` of the head starts right of `edge` and is not a lone label or title, nor the rest
        of a label on the line above (其中:财政拨 / 款)."""
        _, texts, starts = rows[k]
        return (
            in_head[k]
            and bool(starts)
            and starts[0][0] > edge
            and not (len(texts) == 1 and (_a_label(texts[0]) or labels.is_title(texts[0])))
            and not (len(texts) == 1 and k > 0 and _ends_a_label(rows[k - 1], texts[0], starts[0][0]))
        )

    candidates = [k for k in range(len(rows)) if label_at(k)]
    taken: set[int] = set()
    blocks: dict[int, tuple[list[int], bool]] = {}  # label line → its block's rows, its cells all go
    for k in candidates:
        _, texts, starts = rows[k]
        edges = [(starts[-1][0] + len(texts[-1]), True)]  # all the line's cells merged down
        if len(texts) > 1:
            edges.append((starts[0][0] + len(texts[0]), False))  # the label alone, on a row of the block
        field = labels.header_field(texts[0])
        goals = (field is not None and field[0] == "goal") or labels.goal_column(texts[0]) is not None
        for edge, whole in edges:
            above: list[int] = []
            j = k - 1
            while j >= 0 and j not in taken and beside(j, edge) and not label_at(j):
                if goals and any(map(labels.AMOUNT_ONLY.fullmatch, rows[j][1])):
                    break  # amounts: the money block above (a goal's rows hold none)
                above.append(j)
                j -= 1
            if above and j >= 0 and label_at(j) and len(rows[j][1]) >= 3:
                above = []  # the rows of the block above, under its own labels (年度主要任务 | 任务名称 | …)
            below: list[int] = []
            j = k + 1
            while j < len(rows) and beside(j, edge) and not label_at(j):
                if goals and any(map(labels.AMOUNT_ONLY.fullmatch, rows[j][1])):
                    break
                below.append(j)
                j += 1
            if below and below[-1] + 1 in candidates:  # rows shared with the next label: centred halves
                below = below[: max(len(above), 1)]
            if not above or not below or len(above) > 2 * len(below) + 1:
                continue  # a label centred on its block stands about as far from its first row as its last
            if whole and len(above) == len(below) == len(texts) == 1 and len(rows[above[0]][1]) == 1:
                break  # a label between the two lines of its text (see `_centred_values`)
            block = [*above[::-1], *([] if whole else [k]), *below]
            taken.update(block)
            blocks[k] = (block, whole)
            break
    if not blocks:
        return rows
    out = list(rows)
    for k, (block, whole) in blocks.items():
        n, texts, starts = rows[k]
        moving = len(texts) if whole else 1
        row_n, row_texts, row_starts = out[block[0]]
        out[block[0]] = (row_n, [*texts[:moving], *row_texts], [*starts[:moving], *row_starts])
        out[k] = (n, texts[moving:], starts[moving:])
    return [row for row in out if row[1]]


def _starts_of(line: str) -> Starts:
    return [(m.start(), display_width(line[: m.start()])) for m in _CELL.finditer(line)]


def _merged_band(band: list[str]) -> tuple[list[str], Starts] | None:
    """The cells of the lines of one printed row, each column's lines joined; None when two of
    the lines hold three cells or more (rows printed without a blank line between them)."""
    rows = [list(zip(_split_row(line, "space-rows"), _starts_of(line), strict=False)) for line in band]
    if sum(1 for row in rows if len(row) >= 3) > 1:
        return None
    left = min(char for row in rows for _, (char, _) in row)
    if sum(1 for row in rows if row and row[0][1][0] == left and _starts_a_row(row[0][0])) > 1:
        return None  # two lines start with a label of their own (项目名称 …, 主管部门 …): two rows
    if any(len(row) == 1 and labels.is_title(row[0][0]) for row in rows):
        return None  # a table's title stands alone, the year printed under it is a line of its own
    if any(
        len(rows[edge]) == 1
        and rows[edge][0][1][0] == left
        and _a_label(rows[edge][0][0])
        and all(len(row) >= 3 for k, row in enumerate(rows) if k != edge % len(rows))
        for edge in (0, -1)
    ):
        return None  # a block's label centred down its rows, next to one of them (see `_block_labels_first`)
    # pdftotext sets each character where it stands on the page, one position a character whatever
    # its width: a column is the span of positions its lines cover (a centred fragment, 算 under
    # 2024年预, stands inside the span of the line above it)
    columns: list[tuple[int, int]] = []  # each column's start, from the cell that starts furthest left
    ends: list[int] = []
    for text, (char, width) in sorted((cell for row in rows for cell in row), key=lambda c: c[1][0]):
        if columns and char < ends[-1]:
            ends[-1] = max(ends[-1], char + len(text))
        else:
            columns.append((char, width))
            ends.append(char + len(text))
    parts: list[list[str]] = [[] for _ in columns]
    for row in rows:
        for text, (char, _) in row:
            parts[max(k for k, (c, _) in enumerate(columns) if c <= char)].append(text)
    if any(
        len(p) > 1 and (all(map(labels.AMOUNT_ONLY.fullmatch, p)) or all(map(labels.header_field, p)))
        for p in parts
    ):
        return None  # amounts or labels one above the other (a money block's rows): rows, not a wrapped cell
    return [join_wrapped("\n".join(p)) for p in parts], columns


# where the columns start, in characters and in display columns; whether they are an indicator
# header's; and where its labels start and end, by the same two measures
Spans = list[tuple[int, int]]
# where the columns start (characters, display columns), whether the indicator header set them,
# where its labels stand, and the labels
Grid = tuple[list[int], list[int], bool, tuple[Spans, Spans], list[str]]


def _extents(start: tuple[int, int], text: str) -> Spans:
    """Where a cell that starts at `start` stands: from where to where, in characters, then in
    display columns."""
    char, width = start
    return [(char, char + len(text)), (width, width + display_width(text))]


def _grid(starts: Starts, texts: list[str], header: bool) -> Grid:
    extents = [_extents(start, text) for start, text in zip(starts, texts, strict=True)]
    spans = ([chars for chars, _ in extents], [widths for _, widths in extents])
    return [c for c, _ in starts], [w for _, w in starts], header, spans, texts


def _by_starts(starts: Starts, texts: list[str], grid: Grid | None) -> tuple[list[str], Grid | None]:
    """A space-separated row's cells, each in the column it stands under, empty cells blank again
    (a copy of a PDF's text keeps positions but prints nothing for an empty cell: an 一级 merged
    above, an amount under its label, an empty 偏差原因), and the grid for the rows below.

    The indicator header (three column labels or more, near the left edge: a centred label starts a
    little in) sets the grid its rows are placed by. A row whose every cell starts where a column of
    the grid starts is placed by it, as wide as the grid; a row that starts at the left edge and
    does not fit the grid sets a new one (a new header); any other row starts in the column its first
    cell stands under, and goes on cell after cell, as printed."""
    if len(starts) != len(texts) or len(starts) < 2:
        return texts, grid
    if _is_indicator_header(texts) and starts[0][1] <= 6:
        # the indicator header, its first label centred a little in from the edge: its columns
        # (a head row at the edge with a label such as 年度绩效目标 set a grid before it)
        return texts, _grid(starts, texts, True)
    if grid is not None:
        for metric, columns in enumerate(grid[:2]):
            placed = _placed([_column(start[metric], columns) for start in starts], texts)
            if placed is not None:
                return _padded(placed, columns), grid
    if starts[0] == (0, 0) and grid is not None and grid[2] and not any(map(labels.indicator_column, texts)):
        # a row of the indicators that starts at the left edge (a wide 一级 centred in its cell) with
        # cells a little off the header's centred labels: each in the nearest column, in order
        columns = grid[0]
        nearest: list[int | None] = [_nearest(char, columns) for char, _ in starts]
        on_edge = sum(
            1 for k, (char, _) in zip(nearest, starts, strict=True) if abs(columns[k or 0] - char) <= 1
        )
        placed = _placed(nearest, texts) if on_edge >= 0.6 * len(starts) else None  # aligned text only
        if placed is not None:
            return _padded(placed, columns), grid
    if starts[0] == (0, 0):
        return texts, _grid(starts, texts, any(map(labels.indicator_column, texts)))
    if grid is not None and grid[2] and len(texts) >= 3:
        # an indicator row whose cells start off the header's labels: each under the one label
        # it can stand under
        placed = _between_labels(starts, texts, grid) or _by_alignment(starts, texts, grid)
        if placed is not None:
            return _padded(placed, grid[0]), grid
    if grid is not None and grid[2] and not any(map(_FIGURE.search, texts)):
        # the rest of wrapped cells on a line of their own (社会效益指 / 标, 群众出行条 / 件), each a
        # character or two off its column's start by one measure or the other: in their columns
        placed = _placed(_loose_columns(starts, grid), texts)
        if placed is not None:
            return _padded(placed, grid[0]), grid
    if grid is not None:  # cells past the grid's last column (a sub-header): place the first one
        for metric, columns in enumerate(grid[:2]):
            first = _column(starts[0][metric], columns)
            if first is not None:
                return [""] * first + texts, grid
    return texts, grid


def _spans_by_column(starts: Starts, parts: list[str], placed: list[str]) -> list[tuple[Spans, int]]:
    """A placed row's cells: where each stands (in characters, in display columns) and its column."""
    columns = [k for k, text in enumerate(placed) if text]
    if len(columns) != len(parts):
        return []
    return [(_extents(start, text), k) for start, text, k in zip(starts, parts, columns, strict=True)]


def _ends_a_level(
    texts: list[str], starts: Starts, above: list[tuple[Spans, int]], placed: list[Row], above_at: int
) -> bool:
    """Whether the first of a line's cells, lying under a cell of the row above, makes with it a
    一级 or 二级 that the cell alone is not (社会效益指 / 标): the line holds that row's rests."""
    if not texts or len(texts) != len(starts) or above_at >= len(placed):
        return False
    column = _under_a_cell(starts[0], texts[0], above)
    row_texts = placed[above_at][1]
    if column is None or column >= len(row_texts):
        return False
    cell = row_texts[column]
    return bool(cell) and not _known_level(cell) and _known_level(cell + texts[0])


def _words_of(text: str, start: tuple[int, int]) -> tuple[list[str], Starts]:
    """A cell's words (apart by single spaces), each with where it starts."""
    words: list[str] = []
    places: Starts = []
    char, width = start
    for word in text.split(" "):
        if word:
            words.append(word)
            places.append((char, width))
        char, width = char + len(word) + 1, width + display_width(word) + 1
    return words, places


def _fragments_of(
    texts: list[str], starts: Starts, above: list[tuple[Spans, int]], roles: list[str | None]
) -> list[int] | None:
    """The columns of the cells above that a line's cells continue, left to right, or None. A known
    一级 or 二级 word continues a cell only under a column the indicator header (its `roles`, by
    column) names for no such level: 数量 under 三级指标 is the rest of 整治背街小巷 / 数量, under 二级指标 a
    二级 centred between two rows."""
    if any(map(_a_label, texts)):
        return None
    if len(texts) > 1 and any(DIGIT.search(text) and not _CJK_START.match(text) for text in texts):
        return None  # a figure among two: a row of its own (a rest that starts in Chinese may hold one)
    columns: list[int] = []
    for start, text in zip(starts, texts, strict=True):
        column = _under_a_cell(start, text, above)
        if column is None or (columns and column <= columns[-1]):
            return None
        if _known_level(text) and (column >= len(roles) or roles[column] in _LEVELS or roles[column] is None):
            return None
        columns.append(column)
    return columns


def _under_a_cell(start: tuple[int, int], text: str, above: list[tuple[Spans, int]]) -> int | None:
    """The column of the cell of the row above that a lone fragment continues (≥150 万平方 over 米;
    道路完好率 over （主干道及次): it starts under that cell and ends before the next cell starts,
    by characters or display columns. None unless one cell."""
    if labels.is_title(text):
        return None
    spans = _extents(start, text)
    # how wide it is without the spaces pdftotext sets between Chinese and digits ("检 1500 批次")
    tight = [b - a for a, b in _extents(start, _FONT_SPACE.sub("", text))]
    found: set[int] = set()
    flush: set[int] = set()  # where the rest starts where its cell starts: a left-aligned cell's
    by_chars: set[int] = set()
    for metric, (begin, end) in enumerate(spans):
        for j, (cell, k) in enumerate(above):
            after = above[j + 1][0][metric][0] if j + 1 < len(above) else None
            if (
                cell[metric][0] - 1 <= begin < cell[metric][1]
                and (after is None or end <= after)
                and tight[metric] <= cell[metric][1] - cell[metric][0] + 2  # no wider than its column
            ):
                found.add(k)
                if metric == 0:
                    by_chars.add(k)
                if abs(cell[metric][0] - begin) <= 1:
                    flush.add(k)
    if len(found) > 1 and len(flush) == 1:
        return flush.pop()  # the two measures disagree: the one by which it lines up with its cell
    if len(found) > 1 and len(by_chars) == 1:
        return by_chars.pop()  # by neither or both: by characters, as pdftotext sets them
    return found.pop() if len(found) == 1 else None


def _between_labels(starts: Starts, texts: list[str], grid: Grid) -> list[str] | None:
    """The cells of a row each under the one header label it can stand under: a cell stands in a
    column when it starts after the label on its left ends and ends before the label on its right
    starts (labels and cells centred in their columns, as a Word table's PDF prints them: "20%" in
    the middle of 指标权重, well right of where the label starts). None where a cell could stand
    under two labels by either measure (characters or display columns; a left-aligned cell between
    two centred labels), or the measures that place every cell place them apart: such rows are left
    to the reading by content. A measure by which some cell fits no column says nothing."""
    found: list[list[str]] = []
    for metric, spans in enumerate(grid[3]):
        fits: list[list[int]] = []
        for start, text in zip(starts, texts, strict=True):
            begin, end = _extents(start, text)[metric]
            fits.append([
                k
                for k in range(len(spans))
                if (k == 0 or begin >= spans[k - 1][1]) and (k + 1 == len(spans) or end <= spans[k + 1][0])
            ])  # fmt: skip
        if not all(fits):
            continue  # a cell under no column by this measure: not the measure the copy kept
        if any(len(columns) > 1 for columns in fits):
            return None  # a cell that could stand under either of two labels
        placed = _placed([columns[0] for columns in fits], texts)
        if placed is not None:
            found.append(placed)
    if not found or any(placed != found[0] for placed in found):
        return None
    return found[0]


def _by_alignment(starts: Starts, texts: list[str], grid: Grid) -> list[str] | None:
    """The cells of an indicator row each in its column as a sheet's PDF sets them, the labels
    centred over their columns: a text left-aligned, under the first label whose middle is not left
    of where it starts (a name starts before its label, in a column wider than the label); a figure
    right-aligned, under the last label whose middle is not right of where it ends, within half a
    column of it. By characters, as pdftotext places them; None unless every cell has a column,
    left to right (a Word table's centred cells): the row is left to the reading by content."""
    if any(map(_a_label, texts)):
        return None  # a row of labels (绩效目标 over 实际完成情况 | 年度目标): a head's, not an indicator's
    middles = [(a + b) / 2 for a, b in grid[3][0]]
    levels = [labels.indicator_column(label) in _LEVELS for label in grid[4]]
    at: list[int | None] = []
    for start, text in zip(starts, texts, strict=True):
        begin, end = _extents(start, text)[0]
        if parse_target(text).kind in _FIGURES:
            k = next((k for k in reversed(range(len(middles))) if middles[k] <= end), None)
            # right-aligned, it starts less than half a column right of the label's middle (a
            # figure centred under the next label, as Word sets it, starts further)
            half = (middles[k + 1] - middles[k]) / 2 if k is not None and k + 1 < len(middles) else None
            at.append(None if k is None or (half is not None and begin - middles[k] > half) else k)
        else:
            k = next((k for k, middle in enumerate(middles) if middle >= begin), None)
            # under 一级 / 二级 only what such a column holds (not a name: the grid of a page before)
            at.append(None if k is not None and levels[k] and not _a_level(text) else k)
    return _placed(at, texts)


_LEVELS = frozenset({"level1", "level2", "group"})
_FIGURES = frozenset({"number", "range", "ratio", "date", "period"})  # a name with a number is no figure


def _a_level(text: str) -> bool:
    """A 一级 or 二级 cell: a known one, or a short text that ends in 指标."""
    return _known_level(text) or (text.endswith("指标") and len(text) <= 10)


_LEVEL2_LABELS = tuple(f"{level}指标" for level in LEVEL2_PARENT)


def _level_cut_short(text: str) -> bool:
    """The first part of a known 二级 label that a narrow column cut (可持续影响指, 服务对象满意): four
    characters or more, so that a name's first word (数量) is not taken for one."""
    return (
        len(text) >= 4 and not _known_level(text) and any(label.startswith(text) for label in _LEVEL2_LABELS)
    )


def _known_level(text: str) -> bool:
    return normalise_level1(text) is not None or level1_of_level2(normalise_level2(text)) is not None


def _apart_at_levels(texts: list[str], starts: Starts) -> tuple[list[str], Starts]:
    """An indicator row's cells that a single space parts (a PDF's narrow 二级 column filled to its
    edge: "社会效益指标 道路通行安全事故发生数"): two cells where the text before the space is a known
    一级 or 二级 and the whole is not."""

    def cut(text: str, char: int, width: int) -> int | None:
        left = text.partition(" ")[0]
        # a known level, or one cut short at the column's edge, its rest on the next line
        # (可持续影响指 / 标, 服务对象满意 / 度指标)
        level = _known_level(left) or _level_cut_short(left)
        return len(left) if level and not _known_level(text) else None

    return _parted(texts, starts, cut)


def _apart_at_targets(texts: list[str], starts: Starts) -> tuple[list[str], Starts]:
    """Two targets a single space apart, each with its sign (a long-term's and the year's, "≥3.6 万人
    ≥1.2 万人", in narrow centred columns): two cells. No target holds two signs."""

    def cut(text: str, char: int, width: int) -> int | None:
        for m in _SIGN_AFTER_A_SPACE.finditer(text):
            left, right = text[: m.start()], text[m.start() + 1 :]
            if parse_target(left).kind in _FIGURES and parse_target(right).kind in _FIGURES:
                return m.start()
        return None

    return _parted(texts, starts, cut)


_SIGN_AFTER_A_SPACE = re.compile(r" (?=[≥≤＞＜><=＝]\s*\d)")


def _under_block_labels(texts: list[str], starts: Starts, grid: Grid) -> bool:
    """A head row under a block's labels (a row of three or more, 年度履职目标 | 部门职能 | 年度目标任务 |
    预算金额, that set the grid), starting in from the edge with no label of its own."""
    return (
        not _is_indicator_header(grid[4])
        and sum(map(_a_label_or_amount_column, grid[4])) >= 3
        and len(starts) == len(texts) > 0
        and starts[0][0] > 0
        and not any(map(_a_label, texts))
    )


_UNIT_AFTER_A_NUMBER = re.compile(r"\d [\u4e00-\u9fff/%‰]{1,4}(?: |$)")


def _apart_at_columns(texts: list[str], starts: Starts, grid: Grid) -> tuple[list[str], Starts]:
    """A row's cells that a single space parts where a column of the header starts (a value and
    the weight beside it, "≥100人 50", a column's width apart but one space in the copy): two cells.
    The rest must start a column after the one the cell stands in, by either measure."""

    def cut(text: str, char: int, width: int) -> int | None:
        own = max(_nearest(char, grid[0]), _nearest(width, grid[1]))
        for m in re.finditer(" ", text):
            if _UNIT_AFTER_A_NUMBER.match(text, m.start() - 1):
                continue  # "≥3.6 万人": the space pdftotext sets between a number and its unit
            at_char, at_width = char + m.end(), width + display_width(text[: m.end()])
            if any(
                abs(grid[0][k] - at_char) <= 1 or abs(grid[1][k] - at_width) <= 1
                for k in range(own + 1, len(grid[0]))
            ):
                return m.start()
        return None

    return _parted(texts, starts, cut)


def _parted(
    texts: list[str], starts: Starts, cut: Callable[[str, int, int], int | None]
) -> tuple[list[str], Starts]:
    """The cells, each parted in two at the space `cut` finds in it (its index, or None)."""
    if not any(" " in text for text in texts):
        return texts, starts
    out: list[str] = []
    places: Starts = []
    for text, (char, width) in zip(texts, starts, strict=True):
        at = cut(text, char, width) if " " in text else None
        left, right = (text[:at].rstrip(), text[at + 1 :].strip()) if at is not None else ("", "")
        if at is None or not left or not right:
            out.append(text)
            places.append((char, width))
            continue
        out += [left, right]
        places += [(char, width), (char + at + 1, width + display_width(text[: at + 1]))]
    return out, places


# a space pdftotext sets where the font changes, between Chinese and digits or Latin letters
# ("养护 1200 公里", "达到 98%以上"): no space the document printed
_FONT_SPACE = re.compile(
    r"(?<=[\u4e00-\u9fff，。；：、（）“”]) (?=[0-9A-Za-z%≥≤])|(?<=[0-9A-Za-z%]) (?=[\u4e00-\u9fff，。；：、（）“”])"
)


def _font_spaces_out(cell: Cell) -> Cell:
    """A cell of a PDF's text without the spaces pdftotext sets at a change of font; `raw` keeps them."""
    if " " not in cell.text:
        return cell
    cell.text = _FONT_SPACE.sub("", cell.text)
    return cell


def _nearest(start: int, columns: list[int]) -> int:
    """The column whose start is nearest to a cell's."""
    return min(range(len(columns)), key=lambda k: abs(columns[k] - start))


def _loose_columns(starts: Starts, grid: Grid) -> list[int | None]:
    """Each cell's column, left to right: the first after the last cell's whose start (in
    characters or in display columns) stands within two of the cell's."""
    out: list[int | None] = []
    last = -1
    for start in starts:
        found = [k for metric, columns in enumerate(grid[:2]) for k, c in enumerate(columns)
                 if k > last and abs(c - start[metric]) <= 2]  # fmt: skip
        column = min(found) if found else None
        out.append(column)
        if column is not None:
            last = column
    return out


def _column(start: int, columns: list[int]) -> int | None:
    """The column that starts where a cell starts (give or take a space)."""
    for k, column in enumerate(columns):
        if abs(column - start) <= 1:
            return k
    return None


def _centred_values(rows: list[tuple[int, list[str], Starts]]) -> list[tuple[int, list[str], Starts]]:
    """A label alone on its line between two lines of one text set in beside it (a goal of two lines
    beside its label, centred in a sheet's row: the first line above the label, the second below):
    one row, the label and its text. Only a label alone, with lines that stand together to its right
    and are no labels themselves."""
    out: list[tuple[int, list[str], Starts]] = []
    k = 0
    while k < len(rows):
        n, texts, starts = rows[k]
        above, below = (out[-1] if out else None), (rows[k + 1] if k + 1 < len(rows) else None)
        if (
            above is not None
            and below is not None
            and len(starts) == 1
            and labels.header_field(texts[0]) is not None
            and len(above[2]) == 1
            and len(below[2]) == 1
            and abs(above[2][0][0] - below[2][0][0]) <= 2
            and above[2][0][0] > starts[0][0] + len(texts[0])
            and not _a_label(above[1][-1])
            and not _a_label(below[1][-1])
        ):
            text = join_wrapped(f"{above[1][-1]}\n{below[1][-1]}")
            out[-1] = (above[0], [texts[0], text], [starts[0], above[2][0]])
            k += 2
            continue
        out.append(rows[k])
        k += 1
    return out


def _filled_starts(texts: list[str], starts: Starts) -> list[tuple[int, int]] | None:
    """A placed row's filled cells, each with where it starts (in characters): the starts go with
    the cells as printed (as many as its filled cells), or one each (empty ones among them)."""
    if len(starts) == len(texts):
        return [(k, start[0]) for k, (text, start) in enumerate(zip(texts, starts, strict=True)) if text]
    filled = [k for k, text in enumerate(texts) if text]
    if len(filled) != len(starts):
        return None
    return [(k, start[0]) for k, start in zip(filled, starts, strict=True)]


def _labels_over(char: int, cells: list[tuple[int, int]], texts: list[str]) -> list[int]:
    """The cells a rest starting at `char` stands under, left to right: from a character before a
    cell's start to its end (a centred label's rest stands under its middle)."""
    return [k for k, c in cells if c - 1 <= char <= c + len(texts[k])]


def _label_over(char: int, cells: list[tuple[int, int]], texts: list[str]) -> int | None:
    """The first of `_labels_over`."""
    return next(iter(_labels_over(char, cells, texts)), None)


def _labels_go_on(
    above: tuple[int, list[str], Starts],
    texts: list[str],
    starts: Starts,
    before: tuple[int, list[str], Starts] | None = None,
) -> bool:
    """A line holding only the rest of labels that wrapped in their narrow columns (业务主管部 / 门,
    年度资金总 / 额, 1-7月执行 / 数, with no blank line between the rows), each under the label it
    ends: joined to the line above, in place. A fragment makes a label with the cell above it that
    is none alone, or is the unit that cell's amounts are in ("（万元）" under 项目资金; under a label
    of the line `before` the one above, when the one above starts right of it: 年度资金总额 / 其中:财政拨
    / （万元） beside 款)."""
    _, above_texts, above_starts = above
    cells = _filled_starts(above_texts, above_starts)
    if len(texts) != len(starts):  # placed under the grid, empty cells in: its filled ones
        texts = [text for text in texts if text]
    if cells is None or len(texts) != len(starts):
        return False
    earlier = _filled_starts(before[1], before[2]) if before is not None else None
    joins: list[tuple[int, str]] = []
    units: list[tuple[int, str]] = []  # units joined to the line before the one above
    for text, (char, _) in zip(texts, starts, strict=True):
        # under a label, else up to two past its end, where pdftotext drifts
        under = _label_over(char, cells, above_texts)
        if under is None:
            under = next((k for k, c in cells if 0 < char - c - len(above_texts[k]) <= 2), None)
        if under is None and before is not None and earlier and labels.MONEY_UNIT_ASIDE.fullmatch(text):
            first = _label_over(char, earlier, before[1])
            if first is not None and cells and cells[0][1] > char + len(text):
                units.append((first, join_lines(f"{before[1][first]}\n{text}")))
                continue
        if under is None:
            return False
        joined = join_lines(f"{above_texts[under]}\n{text}")
        unit = labels.MONEY_UNIT_ASIDE.fullmatch(text) is not None
        # a label the lines make that the first is not, or a longer one whose rest is none (年度指标 / 值)
        longer = _a_label(joined) and (not _a_label(above_texts[under]) or not _a_label(text))
        # or a money column's label the first line is not (1-7月执行 / 数, 1-7月执行 / 率)
        column = labels.amount_column(joined) is not None and labels.amount_column(above_texts[under]) is None
        if not (unit or longer or column or _label_so_far(joined)):
            return False
        joins.append((under, joined))
    if not joins or len({k for k, _ in joins}) < len(joins):
        return False  # nothing to join, or two rests under one label: no label's rest
    for k, joined in joins:
        above_texts[k] = joined
    for k, joined in units:
        if before is not None:
            before[1][k] = joined
    return True


def _labels_among(words: list[str]) -> list[bool]:
    """Which words are labels of a head: not a number that could be a year ("资助 2000 人次")."""
    return [field is not None and field[0] != "year" for field in map(labels.header_field, words)]


def _apart_at_labels(texts: list[str], starts: Starts) -> tuple[list[str], Starts]:
    """Two labels of a table's head that a single space parts (年初预算数 全年预算数: narrow columns
    filled to their edge), two amounts, or an amount and the label after it: two cells."""

    def cut(text: str, char: int, width: int) -> int | None:
        words = text.split(" ")
        if len(words) >= 2 and all(map(labels.AMOUNT_ONLY.fullmatch, words)):
            return len(words[0])  # amounts side by side ("300.00 120.00 40%": narrow columns)
        if len(words) >= 2 and all(
            _a_label_or_amount_column(word)
            or (len(word) >= 3 and labels.starts_an_indicator_column(word))
            or labels.starts_an_amount_column(word)
            for word in words
        ):
            # several labels in a row ("二级指标 三级指标 计算符号"; "全年预计" the first line of
            # 全年预计完成情况): one off
            return len(words[0])
        for m in re.finditer(" ", text):
            left, right = text[: m.start()], text[m.end() :]
            if _a_label_or_amount_column(left) and _a_label_or_amount_column(right):
                return m.start()
            # a field's label and its value ("业务主管部门 某区交通局"), not a year's ("（2024 年度）")
            field = labels.header_field(left)
            if (
                field is not None
                and field[0] not in ("year", "money_unit")
                and _CJK_START.search(left)
                and not any(_labels_among(right.split(" ")))
            ):
                return m.start()
            if (
                _DECIMAL_AMOUNT.fullmatch(left)
                and _CJK_START.match(right)
                and not _UNIT_ONLY.fullmatch(right)
            ):
                # an amount and the next label ("600.00 其中:财政拨"), not its unit; an amount with
                # its decimals, not a year ("2025 年项目支出绩效目标表")
                return m.start()
        return None

    texts, starts = _amounts_apart(texts, starts)
    while True:  # each pass parts a cell once
        parted = _parted(texts, starts, cut)
        if len(parted[0]) == len(texts):
            return parted
        texts, starts = parted


# an amount with its decimals run into the label after it, no space between ("500.00其中:财政拨": a
# narrow column filled to its edge), not into its unit
_DECIMAL_AMOUNT = re.compile(r"[-+]?[\d,]+\.\d+")
_AMOUNT_THEN_LABEL = re.compile(rf"({_DECIMAL_AMOUNT.pattern})(?=[\u4e00-\u9fff])(?!万元|元|亿元|千元)")


def _amounts_apart(texts: list[str], starts: Starts) -> tuple[list[str], Starts]:
    """A head's cells, each amount run into the next label parted from it, in place."""
    if not any(_AMOUNT_THEN_LABEL.match(text) for text in texts):
        return texts, starts
    out: list[str] = []
    places: Starts = []
    for text, (char, width) in zip(texts, starts, strict=True):
        m = _AMOUNT_THEN_LABEL.match(text)
        if m is None:
            out.append(text)
            places.append((char, width))
            continue
        amount = m.group(1)
        out += [amount, text[len(amount) :]]
        places += [(char, width), (char + len(amount), width + len(amount))]
    return out, places


_CJK_START = re.compile(r"[\u4e00-\u9fff]")
_UNIT_ONLY = re.compile(r"(万元|元|亿元|千元)")


def _a_label_or_amount_column(text: str) -> bool:
    return (
        _a_label(text)
        or labels.amount_column(text) is not None
        or labels.label_key(text) in labels.TASK_COLUMNS
    )


def _after_a_corner(above: list[str], texts: list[str], starts: Starts) -> tuple[list[str], Starts]:
    """A money block's row of column labels over rows that each start with their own label (项目资金 |
    年初预算数 | 全年预算数 … over 年度资金总额 | 120 | 120 …): the copy prints no empty corner before the
    labels, so an empty one goes in, in place, and each label stands over its amounts. The unit under
    the block's label, printed on the first row ("（万元）"), goes to that label, its cell left empty."""
    if len(texts) != len(above) + 1 or len(above) < 3 or not all(above):
        return texts, starts
    if labels.amount_column(above[0]) or not all(map(labels.amount_column, above[1:])):
        return texts, starts
    if not labels.AMOUNT_ONLY.fullmatch(texts[2]):
        return texts, starts
    above.insert(1, "")
    if labels.MONEY_UNIT_ASIDE.fullmatch(texts[0]):
        above[0] += texts[0]
        return ["", *texts[1:]], starts
    return texts, starts


def _texts_go_on(
    above: tuple[int, list[str], Starts], texts: list[str], starts: Starts, after: list[Row]
) -> bool:
    """A line of a table's head holding only the rest of texts that wrapped (a goal and what was
    done, side by side: 完成供水工程12处，普及率达到 / 92.5%。), each starting where a text of the line
    above starts: joined to it, in place. Only texts that run on into a sentence's end on this line,
    or on the next that goes on alike: rows of tasks, one under another, are no such rest."""
    _, above_texts, above_starts = above
    cells = _filled_starts(above_texts, above_starts)
    if cells is None or len(texts) != len(starts) or not texts:
        return False
    joins: list[tuple[int, str]] = []
    for text, (char, _) in zip(texts, starts, strict=True):
        under = next((k for k, c in cells if abs(c - char) <= 1), None)
        if under is None:
            return False
        before = above_texts[under]
        if (
            _a_label_or_amount_column(before)
            or _a_label_or_amount_column(text)
            or labels.AMOUNT_ONLY.fullmatch(before)
            or labels.AMOUNT_ONLY.fullmatch(text)
            or before.endswith(ENDS_A_SENTENCE)
        ):
            return False
        joins.append((under, text))
    ends = all(text.endswith(ENDS_A_SENTENCE) for text in texts)
    if not ends:  # the sentences end on the next line, in the same places
        ends = (
            bool(after)
            and [s for s, _ in after[0][2]] == [s for s, _ in starts]
            and all(t.endswith(ENDS_A_SENTENCE) for t in after[0][1])
        )
    if not ends:
        return False
    for k, text in joins:
        above_texts[k] = join_lines(f"{above_texts[k]}\n{text}")
    return True


def _label_so_far(text: str) -> bool:
    """The first lines of a label that wraps over three: an indicator column's (偏差原因分 / 析及改进措
    / 施), the start of a label and longer than its first line alone could tell; or a head label
    whose unit has begun (部门支出预 / 算总量（万 / 元）)."""
    if _UNCLOSED_ASIDE.search(text):
        return _a_label(_UNCLOSED_ASIDE.sub("", text))
    return len(text) >= 6 and labels.starts_an_indicator_column(text)


_UNCLOSED_ASIDE = re.compile(r"[（(][^）)]{0,3}$")


def _a_label(text: str) -> bool:
    """A label of the table's head or of its indicator columns."""
    return bool(labels.header_field(text) or labels.goal_column(text) or labels.indicator_column(text))


def _padded(placed: list[str], columns: list[int]) -> list[str]:
    """A placed row as wide as its grid: the cells after its last are empty, not missing (a row
    short of cells would be taken for one that lost its empty ones)."""
    return placed + [""] * (len(columns) - len(placed))


def _placed(at: list[int | None], texts: list[str]) -> list[str] | None:
    """The cells in their columns, or None unless each has a column, left to right."""
    columns = [k for k in at if k is not None]
    if len(columns) != len(at) or any(a >= b for a, b in zip(columns, columns[1:], strict=False)):
        return None
    placed = [""] * (columns[-1] + 1)
    for k, text in zip(columns, texts, strict=True):
        placed[k] = text
    return placed


# a web page's row as `_pipe_cells` reads it: the line it starts on, and each cell's printed text,
# the line the cell starts on and the columns it spans
PipeRow = tuple[int, list[tuple[str, int, int]]]


def _pipe_cells(lines: list[str]) -> list[Cell]:
    """Web-page copies: a bare `|` starts a row, each cell ends in `|`, `||` marks a merged cell.

    A cell's lines up to the one that ends in `|` are one cell (a goal in two paragraphs); a line
    outside the rows (a title, a note) is a row of its own. A cell merged down from a row above is
    not printed in the rows below: a row narrower than its table (the widest row since the last line
    outside the rows) is short of its first columns, where the labels merged down stand (一级, 二级,
    年度主要任务), and its cells move right, under the cells that reach down to it."""
    rows: list[PipeRow] = []
    row: list[tuple[str, int, int]] | None = None
    pending: list[tuple[str, int]] = []  # lines of a cell that has not ended in `|` yet

    def loose() -> None:  # lines no `|` ended: each a row of its own, outside the table's rows
        rows.extend((n, [(text, n, 1)]) for text, n in pending)
        pending.clear()

    for n, line in enumerate(lines, start=1):
        stripped = line.strip()
        if line.rstrip() == "|":  # a bare "|" starts a row; " |" (blank before it) is an empty cell
            loose()
            row = []
            rows.append((n, row))
            continue
        if not stripped:
            continue
        if not stripped.endswith("|"):
            pending.append((stripped, n))
            continue
        parts = stripped[:-1].split("|")  # less the `|` that ends the cell
        if pending:
            parts[0] = "\n".join([*(text for text, _ in pending), parts[0]])
            first = pending[0][1]
            pending.clear()
        else:
            first = n
        if row is None:  # cells before any row starts
            row = []
            rows.append((n, row))
        for k, part in enumerate(parts):
            if part == "" and k > 0 and row:
                text, at, span = row[-1]  # a run of `|`: the cell before spans this column too
                row[-1] = (text, at, span + 1)
            else:
                row.append((part, first if k == 0 else n, 1))
    loose()
    if _bare_empty_cells(lines, rows):
        rows = _empties_rejoined(rows, lines)
    cells: list[Cell] = []
    width = 0
    above: dict[int, str] = {}  # what each column shows in the row above
    for r, printed in rows:
        if _outside_the_rows(r, printed, lines):
            width, above = 0, {}  # a title, a note: a new table may follow
        spans = sum(span for _, _, span in printed)
        width = max(width, spans)
        col = width - spans  # the columns a cell merged down from above holds
        for c in range(col):
            cells.append(
                Cell("", "", Where(line=r), r, c, covered=True, anchor=above.get(c, ""), vertical=True)
            )
        for raw, at, span in printed:
            cell = Cell.of(raw, Where(line=at, column=col + 1), row=r, col=col)
            cells.append(cell)
            above[col] = cell.text
            for c in range(col + 1, col + span):
                cells.append(Cell("", "", Where(line=at), r, c, covered=True, anchor=cell.text))
                above[c] = cell.text
            col += span
    return cells


_BLANK_BAR = re.compile(r"\s+\|")


def _outside_the_rows(r: int, row: list[tuple[str, int, int]], lines: list[str]) -> bool:
    """Whether a row as read is a line no `|` ended (a title, a note), outside the table's rows."""
    return len(row) == 1 and row[0][1] == r and not lines[r - 1].rstrip().endswith("|")


def _bare_empty_cells(lines: list[str], rows: list[PipeRow]) -> bool:
    """Whether a copy prints an empty cell as a bare `|` too (no blank before it), as a row's start
    is printed: no `|` after a blank anywhere, and two bare `|` lines in a row (an empty cell before
    the next row, or an empty first cell) or a row, as read, that starts with a target or an amount
    (≥90% after an empty 指标性质: no row of a table starts so)."""
    if any(_BLANK_BAR.fullmatch(line) for line in lines):
        return False
    bare = [line.rstrip() == "|" for line in lines if line.strip()]
    if any(a and b for a, b in zip(bare, bare[1:], strict=False)):
        return True
    return any(row and parse_target(row[0][0]).kind in _FIGURES for _, row in rows)


def _empties_rejoined(rows: list[PipeRow], lines: list[str]) -> list[PipeRow]:
    """Rows read as if every bare `|` started one, where some were empty cells: a row goes on past
    a bare `|` (an empty cell) while it and the cells up to the next bare `|` fit in the table's
    width (its widest row since the last line outside the rows: the header, which has no empty
    cell)."""
    out: list[PipeRow] = []
    segment: list[PipeRow] = []

    def flush() -> None:
        width = max((sum(span for _, _, span in row) for _, row in segment), default=0)
        current: PipeRow | None = None
        for r, row in segment:
            span = sum(s for _, _, s in row)
            if current is not None and sum(s for _, _, s in current[1]) + 1 + span <= width:
                current[1].extend([("", r, 1), *row])  # the bare `|` was an empty cell
                continue
            current = (r, list(row))
            out.append(current)
        segment.clear()

    for r, row in rows:
        if _outside_the_rows(r, row, lines):
            flush()
            out.append((r, row))
        else:
            segment.append((r, row))
    flush()
    return out


def _csv_cells(text: str) -> list[Cell] | None:
    """A sheet saved as CSV, the printed layout kept (title, label/value rows, the indicator header
    and rows): its rows, as wide as the sheet; None when the text is no such file. Excel and WPS
    write every row as wide as the sheet, so most rows have the same number of cells."""
    if "," not in text[:4096]:
        return None
    reader = csv.reader(io.StringIO(text))
    rows: list[tuple[int, list[str]]] = []
    line = 1
    try:
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1  # a quoted cell may hold line breaks: the next row's first line
    except csv.Error:
        return None
    filled = [row for _, row in rows if any(cell.strip() for cell in row)]
    widths = Counter(map(len, filled)).most_common(1)
    if len(filled) < 3 or not widths or widths[0][0] < 3 or widths[0][1] < 0.8 * len(filled):
        return None
    return [
        Cell.of(cell, Where(line=n, column=c + 1), row=n, col=c)
        for n, row in rows
        if any(cell.strip() for cell in row)
        for c, cell in enumerate(row)
    ]


def cells_of_text(text: str) -> tuple[list[Cell], str]:
    if any(bar in text for bar in "｜│┃¦"):
        text = text.translate(_BARS)
    lines = text.splitlines()
    layout = detect_layout(lines)
    if layout in ("cell-lines", "one-line"):  # a comma is no cell separator in the other layouts
        saved = _csv_cells(text)
        if saved is not None:
            return saved, "csv-rows"
    if layout == "pipe-cells":
        return _pipe_cells(lines), layout
    if layout == "paragraph-cells":
        return _paragraph_cells(lines), layout
    if layout in ("pipe-rows", "tab-rows", "space-rows", "word-rows"):
        return _rows(lines, layout), layout
    if layout == "one-line":
        return _one_line(lines), layout
    return _cell_lines(lines), layout


def read_text(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    p = Path(path)
    name = display_name or p.name
    raw = data if data is not None else p.read_bytes()
    text, encoding = decode_text(raw, name)
    cells, layout = cells_of_text(text)
    if layout == "wrapped-word-rows":
        raise ReadError(
            name,
            "这段文字像是从 PDF 复制的：每行的格子只隔一个空格，有的格子还折成了几行，分不清各行各格。"
            "请直接导入 PDF 文件，或用 pdftotext -layout 转出保留对齐的文本再导入。",
        )
    rows_layout = layout in (
        "pipe-cells",
        "pipe-rows",
        "tab-rows",
        "space-rows",
        "word-rows",
        "csv-rows",
        "paragraph-cells",
    )
    doc = assemble(
        name,
        "text" if layout == "cell-lines" else f"text:{layout}",
        cells,
        short_rows_lost_merges=rows_layout,
        lines_wrap=layout == "space-rows",
    )
    doc.encoding = encoding
    if layout == "word-rows":
        doc.warnings.insert(
            0,
            ReadWarning(
                "这段文字每行的格子只隔一个空格（多为从 PDF 复制出来的），空格子和合并格的位置已看不出来，"
                "表头的资金、任务等栏目可能放错了格，请与原件核对；最好直接导入 PDF 文件。",
                Where(line=1),
            ),
        )
    return doc
