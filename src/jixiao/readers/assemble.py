"""Cells in reading order → target tables.

Readers turn a file into a stream of cells (text, place). This module finds the tables in that
stream: titles, the header block of label/value pairs, the indicator header (found by its labels),
and the indicator rows under it. It never drops a filled cell silently: what it cannot place
becomes a located warning.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from itertools import compress, groupby, repeat, zip_longest
from operator import itemgetter, not_
from typing import TYPE_CHECKING

from jixiao.domain import frame
from jixiao.domain.cache import memo
from jixiao.domain.model import (
    BudgetLine,
    Document,
    Indicator,
    ReadWarning,
    TableKind,
    TargetTable,
    Where,
    budget_cell_label,
)
from jixiao.domain.money import FEN_PER_UNIT, parse_amount
from jixiao.domain.values import NO_DIRECTION, normalise_text, parse_target
from jixiao.readers import labels
from jixiao.readers.errors import ReadError
from jixiao.readers.indicators import PendingRows, is_nature, join_lines, picker

if TYPE_CHECKING:
    from jixiao.readers.grid import GridRow

_WS = " \t\r\n\u3000\u00a0\ufeff"
TEXT_FIELDS = ("overview", "basis", "goal")


@dataclass(slots=True)
class Cell:
    """One cell as a reader saw it.

    Stream sources (text with one cell a line) leave `row`/`col` None. Grid sources (HTML, Excel,
    Word, PDF, text with one row a line) set them; a cell hidden under a merged range is `covered`
    and carries the merged range's text in `anchor`.
    """

    text: str  # stripped of surrounding whitespace, including U+3000
    raw: str  # as printed
    where: Where
    row: int | None = None
    col: int | None = None
    covered: bool = False
    anchor: str = ""
    vertical: bool = False  # covered by a range that starts in a row above (not just to the left)
    table: int | None = None  # which table element of the file (Word, HTML); None outside tables

    @classmethod
    def of(
        cls, raw: str, where: Where, row: int | None = None, col: int | None = None, table: int | None = None
    ) -> Cell:
        return cls(raw.strip(_WS), raw, where, row, col, table=table)

    @property
    def label(self) -> str:
        """What the cell shows: its own text, or the merged range's text over it."""
        return self.text or self.anchor


@dataclass
class _Segment:
    title: Cell | None
    cells: list[Cell] = field(default_factory=list)
    follows: bool = False  # another table under the title of the segment before: shares its head


def split_tables(cells: list[Cell]) -> list[_Segment]:
    """Cut the stream at table titles ("…绩效目标表"). Cells before the first title form an
    untitled segment: a table without a title, or text the caller reports as not read."""
    segments: list[_Segment] = []
    current = _Segment(title=None)
    for cell in cells:
        if cell.text and labels.is_title(cell.text):
            if current.title is not None and labels.is_continuation(cell.text):
                continue  # "……目标表（续）" on the next page: the same table goes on
            if current.title is not None or any(c.text for c in current.cells):
                segments.append(current)
            current = _Segment(title=cell)
            continue
        current.cells.append(cell)
    segments.append(current)
    segments = [part for s in segments for part in _split_untitled(s)]
    return [s for s in segments if s.title is not None or any(c.text for c in s.cells)]


# the raw text of a cell that a text's empty line stands for (LibreOffice's plain-text export)
EMPTY_LINE = "\n"

# "编制单位：X　　　　单位：万元" printed on one line: two cells
GAP = re.compile(r"[ \t\u00a0]{2,}|\u3000+")


def _labels_apart(cells: list[Cell]) -> list[Cell]:
    """A cell that prints several labels, each with its value, apart on one line (a sheet's note
    row merged across the table, "编制单位：X　　　　单位：万元") as a cell each, as the line reads in
    print. A cell whose parts are not all labels (a goal with a gap in it) stays whole."""
    out = cells
    for k, cell in enumerate(cells):
        text = cell.text
        if ("：" in text or ":" in text) and GAP.search(text):
            parts = [part for part in GAP.split(text) if part.strip(_WS)]
            if len(parts) > 1 and all(labels.header_field(part.strip(_WS)) is not None for part in parts):
                if out is cells:
                    out = cells[:k]
                out.extend(replace(cell, text=part.strip(_WS), raw=part) for part in parts)
                continue
        if out is not cells:
            out.append(cell)
    return out


def _under_block_labels(cells: list[Cell], width: int = 0) -> list[Cell]:
    """A copy that lost the head's merges (a web page's text): a block's label merged down beside
    its rows (年度预算安排（万元） over its amounts, 年度履职目标 beside its duties, 项目资金（万元） beside
    its sources) is printed in its first row only, and the rows below start a column short. Each such
    row moves right by one, under the columns of the row that holds the label: a row of values, or
    one that starts with a label where the labelled row has one in that column too. Beside a block of
    rows (年度主要任务) whose own columns lost their merges too (预算金额 over 总额 | 财政拨款), a row is
    short by more than one: every row narrower than the table (`width`, its widest row) that starts
    with a text moves, up to the next that starts with a label."""
    out: list[Cell] = []
    block: list[Cell] | None = None  # the row that starts with the block's label, while rows follow
    for _, group in groupby(cells, _row_of):
        row = list(group)
        first = row[0].text
        if (
            block is not None
            and not labels.is_title(first)
            and all(not c.covered and c.col == k for k, c in enumerate(row))  # printed from the first column
            and (
                (
                    len(row) == len(block) - 1
                    and first
                    and (not _head_label(first) or _head_label(block[1].text) or _amount_labels_row(block))
                )
                # a source's row whose last cells, empty, a copied selection leaves out
                or (len(row) < len(block) - 1 and _a_source(first) and _amount_labels_row(block))
                or (len(row) < width and first and _beside_rows(block[0].text) and not _head_label(first))
            )
        ):
            out.extend(replace(c, col=k + 1) for k, c in enumerate(row))
            continue
        out.extend(row)
        if not first and block is not None and _beside_rows(block[0].text):
            continue  # a row of the block's own column labels under a merged one (| | 总额 | 财政拨款)
        block = row if first and _head_label(first) and len(row) > 2 else None
    return out


def _whole_period_as_budget(table: TargetTable) -> None:
    """A table that prints its project's total over the years (项目总预算) and no budget of the year:
    that total is its budget (a project of one year prints no other)."""
    for key in labels.WHOLE_PERIOD_TOTALS:
        printed = table.extra.get(key)
        if printed is None:
            continue
        try:
            amount = parse_amount(printed)
        except ValueError:
            return
        if amount is not None:
            table.budget_total, table.budget_label = amount, key
            del table.extra[key]
        return


def _a_source(text: str) -> bool:
    """A money row's label: the total's or a source's (年度资金总额, 其中：财政拨款, 上年结转资金)."""
    found = labels.header_field(text) if text else None
    return found is not None and found[0] in ("budget_total", "budget_line")


def _beside_rows(text: str) -> bool:
    """A label merged down beside a block of rows with columns of their own (年度主要任务, 年度履职目标,
    项目资金（万元）)."""
    found = labels.header_field(text)
    return labels.indicator_column(text) == "task" or (found is not None and found[0] == "group")


def _amount_labels_row(row: list[Cell]) -> bool:
    """A block's row of amount columns' labels after an empty corner (项目资金（万元） | | 年初预算数 |
    全年预算数 | 全年执行数 …): the rows below it start with their own labels (年度资金总额)."""
    rest = [c.text for c in row[2:] if c.text]
    return not row[1].text and len(rest) >= 2 and all(labels.amount_column(t) for t in rest)


def _head_label(text: str) -> bool:
    """A label of a table's head: a field's, a block's or a block column's."""
    return bool(text) and (
        labels.header_field(text) is not None
        or labels.indicator_column(text) == "task"
        or labels.label_key(text) in labels.TASK_NAMING
    )


def _split_untitled(segment: _Segment) -> list[_Segment]:
    """One title over several table elements, each with its own indicator header (a Word file with a
    table per project under one heading): a segment per table element, each with the paragraphs
    just before it ("项目名称：X"), all under the same title."""
    blocks: list[list[Cell]] = [[]]
    current: int | None = None
    for cell in segment.cells:
        if cell.table is not None and cell.table != current and current is not None:
            # paragraphs between two tables go with the next, unless they close the last one
            k = len(blocks[-1])
            while k and blocks[-1][k - 1].table is None and not FOOTER.match(blocks[-1][k - 1].text):
                k -= 1
            blocks.append(blocks[-1][k:])
            del blocks[-2][k:]
        if cell.table is not None:
            current = cell.table
        blocks[-1].append(cell)
    if len(blocks) < 2:
        return [segment]
    parts: list[_Segment] = []
    for block in blocks:
        header = find_indicator_header(block)
        if parts and (header is None or not any(c.text for c in block[: header[0]])):
            # no indicators of its own, or nothing before its header (a page's continuation, its
            # header printed again): part of the table before
            parts[-1].cells.extend(block)
        elif parts and find_indicator_header(parts[-1].cells) is None:
            parts[-1].cells.extend(block)  # the table before was only its head block
        else:
            parts.append(_Segment(segment.title, block, follows=bool(parts)))
    return parts


def find_indicator_header(cells: list[Cell]) -> tuple[int, int, list[str], dict[int, str]] | None:
    """The first run of at least three indicator column labels (指标 / 指标权重 / 指标值 …), or two
    grid rows that make one together (绩效指标 | 指标值 | 分值 over 一级 | 二级 | 三级, as a PDF or a
    copy prints a header whose cells are merged down: the merged ones only in the first row).

    Returns (start, end, roles in order, role by column for grid sources).
    """
    i = 0
    while i < len(cells):
        j, roles, by_col = _header_run(cells, i)
        if _is_header(roles):
            return i, j, *_mid_term_columns(roles, by_col)
        if cells[i].row is not None and roles and j < len(cells) and _only_labels(cells[i:j]):
            k, below, below_by_col = _header_run(cells, j)
            both = _flattened(cells[i:j], cells[j:k], by_col, below_by_col) or {**by_col, **below_by_col}
            if below and _only_labels(cells[j:k]) and _is_header(list(both.values())):
                return i, k, *_mid_term_columns(roles + below, both)
        i = j if j > i else i + 1
    return None


def _flattened(
    upper: list[Cell], lower: list[Cell], upper_by_col: dict[int, str], lower_by_col: dict[int, str]
) -> dict[int, str] | None:
    """A two-row header copied without its merges (a web page's text): 绩效指标 | 指标值 | 计量单位 |
    权重 over 一级 | 二级 | 三级 (and 中长期 | 年度 under 指标值), each row's cells from the first column.
    The group label stands for the columns the row below names first, 指标值 for the periods after
    them; the labels merged down follow. None for a header whose cells stand where they belong."""
    ups = [upper_by_col[k] for k in sorted(upper_by_col)]
    if not ups or ups[0] != "group" or any(c.covered for c in (*upper, *lower)):
        return None
    first = min(upper_by_col)
    if min(lower_by_col, default=-1) != first or sorted(upper_by_col) != list(range(first, first + len(ups))):
        return None  # cells placed in their columns already (a PDF's text keeps positions)
    named = [c.label for c in lower if c.label]
    periods = [
        labels.VALUE_PERIODS[key] for t in named if (key := labels.label_key(t)) in labels.VALUE_PERIODS
    ]
    levels = [lower_by_col[k] for k in sorted(lower_by_col)][: len(named) - len(periods)]
    out = list(levels)
    for role in ups[1:]:
        out.extend(periods if role == "value" and len(periods) >= 2 else [role])
    return dict(enumerate(out, start=first))


def _mid_term_columns(roles: list[str], by_col: dict[int, str]) -> tuple[list[str], dict[int, str]]:
    """A header's roles, in order and by column, with the mid-term's set of columns renamed."""
    return labels.mid_term_columns(roles), labels.mid_term_by_column(by_col)


def _run(
    cells: list[Cell], i: int, taken: set[int], fits: Callable[[Cell], bool], most: int = 1 << 30
) -> list[int]:
    """The indexes of the cells from i that fit, empty cells between them skipped, up to `most`."""
    found: list[int] = []
    while i < len(cells) and len(found) < most:
        c = cells[i]
        if c.text:
            if i in taken or not fits(c):
                break
            found.append(i)
        i += 1
    return found


def _rows(
    cells: list[Cell], taken: set[int] | frozenset[int] = frozenset()
) -> dict[int, list[tuple[int, Cell]]]:
    """A header block's cells by grid row, with their indexes; those `taken` by a block left out."""
    rows: dict[int, list[tuple[int, Cell]]] = {}
    for k, c in enumerate(cells):
        if k not in taken:
            rows.setdefault(c.row, []).append((k, c))  # type: ignore[arg-type]
    return rows


def _money_parts(heads: list[Cell]) -> list[str]:
    """The labels of the money columns under a group label in a block's run of labels (预算金额
    followed by 总额 | 财政拨款 | 其他资金), or [] where the run has no such group."""
    keys = [_short_key(c.text) for c in heads]
    for at, key in enumerate(keys[:-2]):
        if key in _MONEY_GROUPS and all(k in _MONEY_PARTS for k in keys[at + 1 :]):
            return [c.text for c in heads[at + 1 :]]
    return []


# what a money cell holds where there is nothing (a source's 分值 or 得分): not the next row's label
_DASHES = frozenset(["—", "——", "-", "--", "－", "–", "/", "／", "无", "不适用", "N/A", "n/a"])


def _row_cells(cells: list[Cell]) -> list[Cell]:
    """A money row's cells, up to the first that is neither an amount nor a dash nor empty: the
    next row's label."""
    for n, c in enumerate(cells):
        if c.text and c.text not in _DASHES and not _is_amount(c.text):
            return cells[:n]
    return cells


_MONEY_GROUP = re.compile(r"^(按.{1,8}分|其中)$")


def _is_money_group(text: str) -> bool:
    """A row of a money block that only groups the sources under it: 按收入性质分：, 按支出性质分：."""
    return bool(_MONEY_GROUP.match(labels.label_key(text))) if len(text) <= 16 else False


def _amount_after(row: list[tuple[int, Cell]], pos: int) -> tuple[int, Cell] | None:
    """The amount right after a label in its row, with its index, or None."""
    if pos + 1 < len(row) and _is_amount(row[pos + 1][1].text):
        return row[pos + 1]
    return None


def _short_key(text: str) -> str:
    """A label's key; "" for texts too long to be a label (names, goals), which are not normalised."""
    return labels.label_key(text) if text and len(text) <= 16 else ""


def _only_labels(row: list[Cell]) -> bool:
    """A row of a two-row header: every cell it prints is a column label or a group label."""
    return any(c.text for c in row) and all(
        not c.text or is_upper_header([c.text]) or labels.label_key(c.text) in labels.VALUE_PERIODS
        for c in row
    )


def _is_header(roles: list[str]) -> bool:
    return len(roles) >= 3 and ("value" in roles or "weight" in roles) and "name" in roles


def _header_run(cells: list[Cell], i: int) -> tuple[int, list[str], dict[int, str]]:
    """The indicator column labels from cells[i]: of its grid row, or of a run in a stream."""
    roles: list[str] = []
    by_col: dict[int, str] = {}
    j = i
    row = cells[i].row
    while j < len(cells) and (row is None or cells[j].row == row):
        c = cells[j]
        if c.covered and not c.vertical:
            j += 1  # the right-hand part of a merged header cell
            continue
        role = labels.indicator_column(c.label) if c.label else None
        if role is None and row is not None and c.label:
            role = labels.VALUE_PERIODS.get(labels.label_key(c.label))  # 中长期 | 年度 under 指标值
        if role is None:
            if row is None:
                break
            j += 1  # an empty or unknown header cell in a grid row: its column is not read
            continue
        roles.append(role)
        if c.col is not None:
            by_col[c.col] = role
        j += 1
    return j, roles, by_col


FOOTER = re.compile(
    r"^(?:(注|备注|说明|填报人|填表人|联系人|联系电话|审核人|单位负责人|财务负责人|制表)[:：]?"
    # the document goes on after its tables: its next part (第三部分 名词解释), an annex's label alone
    r"|第[一二三四五六七八九十\d]+(?:部分|章|节)|附件\s*[\d一二三四五六七八九十]*\s*$)"
)
_BUDGET_HEADS = frozenset(["年初预算数", "预算数", "年度预算数"])
_FOOTER_START = frozenset("注备说填联审单财制第附")
_NO_COVER: dict[int, tuple[str, bool]] = {}  # a row no merged cell covers (never written to)
CARRY_DOWN = (
    "group",
    "level1",
    "level2",
    "task",
    "long_term_level1",
    "long_term_level2",
    *labels.PROJECT_ROLES,
)
_TITLE_YEAR = re.compile(r"(20\d{2})年")
TOTAL = re.compile(r"^(总分|合计|总计|综合得分|自评得分)$")


def _firsts(columns: Sequence[Sequence[str]], m: int) -> list[str]:
    """Each of `m` rows' first filled cell ("" for none), from its columns: a column at a time, up to
    the first column that leaves no row without one (a table's 三级 names, mostly)."""
    firsts = list(columns[0]) if columns else [""] * m
    for column in columns[1:]:
        if "" not in firsts:
            break
        firsts = [first or cell for first, cell in zip(firsts, column)]  # noqa: B905  (same length)
    return firsts


class _Noted:
    """The warnings a body adds, each noted with its row and its step on that row (left out 0, a
    project's head 1, a stray cell 2), to be put back in that order: the row by row reading's."""

    __slots__ = ("warnings", "start", "keys")

    def __init__(self, warnings: list[ReadWarning]) -> None:
        self.warnings = warnings
        self.start = len(warnings)
        self.keys: list[tuple[int, int]] = []

    def at(self, row: int, step: int) -> None:
        """The warnings added since the last note came from this row and step."""
        added = len(self.warnings) - self.start - len(self.keys)
        self.keys.extend([(row, step)] * added)

    def sort(self) -> None:
        if len(self.keys) > 1:
            new = self.warnings[self.start :]
            order = sorted(range(len(new)), key=self.keys.__getitem__)
            self.warnings[self.start :] = [new[k] for k in order]


def _is_total(text: str) -> bool:
    """A 合计 / 总分 row's label. Such labels are short: long texts (names) need no normalising."""
    return len(text) <= 16 and ("计" in text or "分" in text) and bool(TOTAL.match(labels.label_key(text)))


GRADE = re.compile(r"(?:等级|结论|评价)[:：]?\s*(优秀|良好|优|良|中|差|合格|不合格)")


@dataclass(frozen=True, slots=True)
class _BodyShape:
    """What a table body's header says about every row under it, worked out once."""

    by_col: dict[int, str]
    width: int
    cols: list[tuple[int, str]]  # (column, role) left to right
    roles: tuple[str, ...]
    picks: list[int]  # the columns, left to right
    position: dict[int, int]  # column → its place in `roles`
    pick: Callable[[Sequence[str]], Sequence[str]]
    unmapped: list[int]  # columns within the header's width under no role
    unique_roles: bool
    seq_at: int
    carried: list[str]
    by_project: bool
    own_head: bool
    # for reading a column at a time: two columns (name and value) that, both filled, make a row
    # an indicator's; the value and weight columns; the places of the carried roles
    pair: tuple[int, int] | None
    probes: tuple[int, ...]
    carried_at: tuple[int, ...]

    @property
    def by_columns(self) -> bool:
        """Whether a body of this shape can be read a column at a time: each role in one column,
        and no goal or budget beside one table's indicators (a summary's projects are read so)."""
        return self.unique_roles and not self.own_head

    def texts_of(self, by_role: dict[str, str]) -> list[str]:
        """A row's texts by column, as wide as the header, from its cells by role."""
        return [by_role.get(role, "") if role else "" for role in map(self.by_col.get, range(self.width))]

    @staticmethod
    def of(by_col: dict[int, str]) -> _BodyShape:
        """The shape under a header (12,500 stacked tables share a handful: each is worked out once)."""
        return _body_shape(tuple(sorted(by_col.items())))


@memo(256)
def _body_shape(cols: tuple[tuple[int, str], ...]) -> _BodyShape:
    """The shape of the body under a header's columns (the cache behind `_BodyShape.of`)."""
    by_col = dict(cols)
    width = max(by_col) + 1
    roles = tuple(role for _, role in cols)
    picks = [k for k, _ in cols]
    by_project = "project" in roles
    counted = [j for j, role in enumerate(roles) if role != "seq"]
    pair = None
    if len(counted) >= 2:
        a = roles.index("name") if "name" in roles else counted[0]
        b = next((j for j in counted if j != a and roles[j] in ("value", "weight")), None)
        pair = (a, b if b is not None else next(j for j in counted if j != a))
    carried = [role for role in CARRY_DOWN if role in roles]
    return _BodyShape(
        by_col=by_col,
        width=width,
        cols=list(cols),
        roles=roles,
        picks=picks,
        position={k: j for j, k in enumerate(picks)},
        pick=picker(picks),
        unmapped=[k for k in range(width) if k not in by_col],
        unique_roles=len(set(roles)) == len(roles),
        seq_at=roles.index("seq") if "seq" in roles else -1,
        carried=carried,
        by_project=by_project,
        own_head=not by_project and any(r in roles for r in labels.PROJECT_ROLES),
        pair=pair,
        probes=tuple(roles.index(r) for r in ("value", "weight") if r in roles),
        carried_at=tuple(roles.index(r) for r in carried),
    )


# the row that totals a block of tasks, and the column of that total (the others are its sources)
_TASK_TOTALS = frozenset(["金额合计", "合计", "总计", "资金合计", "预算金额合计", "预算合计"])
_TOTAL_COLUMNS = frozenset(["总额", "合计", "小计", "预算金额", "资金总额", "金额"])
# a money group label over its parts, in a block of tasks
_MONEY_GROUPS = frozenset(["预算金额", "金额", "资金", "预算数"])
_MONEY_PARTS = frozenset(["总额", "资金总额", "合计", "小计", "财政拨款", "其他资金"])


class TableBuilder:
    """Builds one TargetTable from a segment of cells; collects warnings."""

    def __init__(
        self,
        segment: _Segment,
        warnings: list[ReadWarning],
        short_rows_lost_merges: bool = False,
        pending: PendingRows | None = None,
        lines_wrap: bool = False,
    ) -> None:
        # True for copies that print a merged cell once and drop it from the rows below (web
        # pages and PDFs copied as text): a short row is then aligned to the right
        self.short_rows_lost_merges = short_rows_lost_merges
        # True for a PDF's text copied a line a row: a cell too long for its column goes on, alone,
        # on the lines below its row's first
        self.lines_wrap = lines_wrap
        self.segment = segment
        # the widest row of the table, for copies that lost merges (see `build`)
        self.width = 0
        self.warnings = warnings
        self.money_unit: str | None = None
        # a summary table of many projects is split into a table per project: the first is the
        # table built, the others are here
        self.split: list[TargetTable] = []
        # indicator rows read, built into indicators together (a column at a time) by its flush():
        # per body, or once per document when the document's reader shares one list
        self.pending: PendingRows = PendingRows() if pending is None else pending
        self.flush_each_body = pending is None

    def build_head(self) -> TargetTable:
        """The table from its title and the header block (label/value pairs) of its segment."""
        seg = self.segment
        title = seg.title.text if seg.title else ""
        key = labels.label_key(title)
        kind: TableKind = "department" if labels.DEPARTMENT_TITLE.search(key) else "project"
        table = TargetTable(kind=kind, title=title, where=seg.title.where if seg.title else Where())
        if labels.SELF_EVALUATION_TITLE.search(key):
            table.stage = "self_evaluation"
        elif labels.MONITORING_TITLE.search(key):
            table.stage = "monitoring"
        m = _TITLE_YEAR.search(key)
        if m:
            table.fiscal_year = int(m.group(1))
        # a merged cell is read once, at its anchor
        cells = seg.cells
        if self.short_rows_lost_merges and cells and cells[0].row is not None:
            cells = _under_block_labels(cells, self.width)
        self._read_header(table, _labels_apart([c for c in cells if not c.covered]))
        if table.budget_total is None:
            _whole_period_as_budget(table)
        if not title and table.name is None and table.budget_total is not None:
            table.kind = "department"  # an untitled table with a total but no project name
        return table

    def build(self) -> TargetTable:
        """A table from a cell stream: header block, indicator header, indicator rows."""
        seg = self.segment
        if self.short_rows_lost_merges and seg.cells and seg.cells[0].row is not None:
            # a row of the head narrower than the table may have lost the cells of merged labels
            self.width = max(len(list(row)) for _, row in groupby(seg.cells, _row_of))
        header = find_indicator_header(seg.cells)
        body: list[Cell] = []
        if header is not None:
            start, end, roles, by_col = header
            body = seg.cells[end:]
            head = seg.cells[:start]
            if head and head[-1].row is not None:
                k = len(head)
                while k and head[k - 1].row == head[-1].row:
                    k -= 1
                if is_upper_header([c.text for c in head[k:]]):
                    head = head[:k]  # the header's first row (绩效指标 over 一级 | 二级 | 三级)
            self.segment = _Segment(seg.title, head)
        # an empty line that stands for an empty cell counts in the rows of a body, not in a head
        # (whose blocks are read by their labels)
        self.segment.cells = [c for c in self.segment.cells if c.raw != EMPTY_LINE]
        table = self.build_head()
        if header is not None:
            if body and body[0].row is not None and by_col:
                self._read_grid_rows(table, by_col, body)
            else:
                self._read_rows(table, roles, body)
        return table

    # -- header block ------------------------------------------------------------------------
    def _read_header(self, table: TargetTable, cells: list[Cell]) -> None:
        used: set[int] = set()
        keys = set(map(_short_key, [c.text for c in cells]))  # the labels a block starts with
        tasks, mid_term = not keys.isdisjoint(labels.TASK_NAMING), not keys.isdisjoint(labels.MID_TERM_TOTALS)
        if cells and cells[0].row is not None:
            if tasks:
                used = self._read_task_rows(table, cells)
            if mid_term:
                used |= self._read_mid_term_money(table, cells, used)
            used |= self._read_goal_columns(table, cells, used)
            used |= self._read_money_columns(table, cells, used)
        elif cells:
            if tasks:
                used = self._read_task_stream(table, cells)
            if mid_term:
                used |= self._read_mid_term_stream(table, cells, used)
            used |= self._read_goal_stream(table, cells, used)
            used |= self._read_money_stream(table, cells, used)
        i = 0
        while i < len(cells):
            cell = cells[i]
            found = labels.header_field(cell.text) if cell.text and i not in used else None
            if found is None:
                i += 1
                continue
            field_name, inline, year = found
            used.add(i)
            if field_name == "money_unit":
                self.money_unit = inline
                i += 1
                continue
            if field_name == "year":
                table.fiscal_year = table.fiscal_year or year
                i += 1
                continue
            if field_name == "period":  # the months a monitoring table reports on
                table.fiscal_year = table.fiscal_year or year
                table.extra["监控期间"] = inline or ""
                i += 1
                continue
            if year is not None:
                table.fiscal_year = table.fiscal_year or year
            unit = labels.label_unit(cell.text)
            if unit:
                self.money_unit = self.money_unit or unit
            if inline is not None:
                self._assign(table, field_name, cell, inline, cell)
                i += 1
                continue
            if field_name in ("budget_total", "budget_line"):
                # an amount is the very next cell; an empty cell is an empty amount
                nxt = cells[i + 1] if i + 1 < len(cells) else None
                if nxt is not None and (labels.header_field(nxt.text) is None or _is_amount(nxt.text)):
                    used.add(i + 1)
                    self._assign(table, field_name, cell, nxt.text or None, nxt)
                    i += 2
                else:
                    self._assign(table, field_name, cell, None, cell)
                    i += 1
                continue
            # text: every following non-label cell up to the next label
            j = i + 1
            parts: list[Cell] = []
            while j < len(cells) and j not in used and labels.header_field(cells[j].text) is None:
                if cells[j].text:
                    parts.append(cells[j])
                used.add(j)
                j += 1
                if field_name not in TEXT_FIELDS and parts:
                    break
            value = "\n".join(p.text for p in parts) if parts else None
            self._assign(table, field_name, cell, value, parts[0] if parts else cell)
            i = j
        for k, cell in enumerate(cells):
            if k not in used and cell.text:
                self.warnings.append(
                    ReadWarning(
                        f"表「{table.title or '未命名'}」表头中的「{cell.text}」未能归入任何栏目。",
                        cell.where,
                    )
                )

    def _read_task_rows(self, table: TargetTable, cells: list[Cell]) -> set[int]:
        """A block of duties or tasks in the header (年度履职目标, 年度主要任务): a row of column labels,
        perhaps a second one (总额 | 财政拨款 | 其他资金 under 预算金额), then one row per task. Kept
        in `extra` under the block's label, a line per row with its cells joined by " | ", so
        neither the goal nor the budget takes them. Returns the indexes of the cells consumed."""
        used: set[int] = set()
        rows = _rows(cells)
        keys = list(rows)
        n = 0
        while n < len(keys):
            row = rows[keys[n]]
            heads = [(k, c) for k, c in row if _short_key(c.text) in labels.TASK_COLUMNS]
            if len(heads) < 2 or not any(_short_key(c.text) in labels.TASK_NAMING for _, c in heads):
                n += 1
                continue
            first_col = min(c.col or 0 for _, c in heads)
            # the block's own label stands left of its columns ("年度履职目标"), or nowhere
            names = [(k, c) for k, c in row if (c.col or 0) < first_col and c.text]
            block = labels.label_key(names[-1][1].text) if names else "年度主要任务"
            lines = [" | ".join(c.text for _, c in heads)]
            used.update(k for k, _ in names + heads)
            column_labels = {c.col: c.text for _, c in heads}  # each column's label, the lowest row's
            n += 1
            while n < len(keys):
                below = [(k, c) for k, c in rows[keys[n]] if c.text]
                if not below or min(c.col or 0 for _, c in below) < first_col:
                    break  # the next header row starts left of the block: the block has ended
                if any(labels.header_field(c.text) is not None for _, c in below) and not all(
                    _short_key(c.text) in labels.TASK_COLUMNS for _, c in below
                ):
                    break
                if all(_short_key(c.text) in labels.TASK_COLUMNS for _, c in below):
                    column_labels.update((c.col, c.text) for _, c in below)  # 总额 | 财政拨款 | 其他资金
                lines.append(" | ".join(c.text for _, c in below))
                used.update(k for k, _ in rows[keys[n]])
                n += 1
            table.extra[block] = "\n".join(lines)
            if n < len(keys):
                used |= self._read_task_total(table, rows[keys[n]], first_col, column_labels)
        return used

    def _read_task_total(
        self,
        table: TargetTable,
        row: list[tuple[int, Cell]],
        first_col: int,
        column_labels: dict[int | None, str],
    ) -> set[int]:
        """The row under a block of tasks that totals their amounts (金额合计 | 9000.50 | 8800.50 |
        200.00, as the central template prints it), each amount named by its column's label (see
        `_task_total`). Returns the indexes of the cells consumed."""
        filled = [(k, c) for k, c in row if c.text]
        if not filled or _short_key(filled[0][1].text) not in _TASK_TOTALS:
            return set()
        amounts = [(k, c) for k, c in filled[1:] if (c.col or 0) >= first_col and _is_amount(c.text)]
        if not amounts or len(amounts) != len(filled) - 1:
            return set()
        self._task_total(table, filled[0][1], [(c, column_labels.get(c.col, "")) for _, c in amounts])
        return {k for k, _ in filled}

    def _task_total(self, table: TargetTable, label: Cell, amounts: list[tuple[Cell, str]]) -> None:
        """A block of tasks' total row: the amount under 总额 (or the only one) is the table's budget,
        where it has none; the others are its lines, each named by its column's label."""
        totals = [cell for cell, head in amounts if labels.label_key(head) in _TOTAL_COLUMNS]
        total = totals[0] if totals else amounts[0][0] if len(amounts) == 1 else None
        for cell, head in amounts:
            if cell is total:
                if table.budget_total is None:
                    self._assign(table, "budget_total", label, cell.text, cell)
                continue
            try:
                amount = parse_amount(cell.text)
            except ValueError:
                continue
            name = labels.label_key(head) or labels.label_key(label.text)
            table.budget_lines.append(BudgetLine(name, amount, cell.text))

    def _read_mid_term_money(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """The central template's money block: 中期资金总额 | 900 beside 年度资金总额 | 300, each with
        its sources below it in its own columns (其中：财政拨款 | 900 …). The mid-term's amounts go to
        `extra` ("中期资金总额", "中期资金总额·其中:财政拨款"), so the year's alone make the budget.
        Returns the indexes of the cells consumed."""
        used: set[int] = set()
        rows = _rows(cells, taken)
        keys = list(rows)
        for n, key in enumerate(keys):
            for pos, (k, cell) in enumerate(rows[key]):
                if _short_key(cell.text) not in labels.MID_TERM_TOTALS:
                    continue
                total = labels.label_key(cell.text)
                amount = _amount_after(rows[key], pos)
                if amount is None:
                    continue
                used.update((k, amount[0]))
                table.extra[total] = amount[1].text
                for below in keys[n + 1 :]:  # its sources, in its column
                    at = next((p for p, (_, c) in enumerate(rows[below]) if c.col == cell.col), None)
                    if at is None:
                        break
                    source_at, source = rows[below][at]
                    found = labels.header_field(source.text)
                    amount = _amount_after(rows[below], at)
                    if found is None or found[0] != "budget_line" or amount is None:
                        break
                    used.update((source_at, amount[0]))
                    table.extra[budget_cell_label(total, labels.label_key(source.text))] = amount[1].text
        return used

    def _read_mid_term_stream(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """The central template's money block in a stream: 中期资金总额 900 年度资金总额 300, then the
        sources two by two (其中：财政拨款 900 其中：财政拨款 300 …), the mid-term's first. The
        mid-term's go to `extra`, as in a grid. Returns the indexes of the cells consumed."""
        used: set[int] = set()
        filled = [k for k, c in enumerate(cells) if c.text and k not in taken]

        def kind(at: int) -> str | None:
            found = labels.header_field(cells[filled[at]].text) if at < len(filled) else None
            return found[0] if found else None

        def amount(at: int) -> bool:
            return at < len(filled) and _is_amount(cells[filled[at]].text)

        for at, k in enumerate(filled):
            if _short_key(cells[k].text) not in labels.MID_TERM_TOTALS:
                continue
            if not (amount(at + 1) and kind(at + 2) == "budget_total" and amount(at + 3)):
                continue
            total = labels.label_key(cells[k].text)
            table.extra[total] = cells[filled[at + 1]].text
            used.update((k, filled[at + 1]))
            j = at + 4
            while (
                kind(j) == "budget_line" and amount(j + 1) and kind(j + 2) == "budget_line" and amount(j + 3)
            ):
                source = labels.label_key(cells[filled[j]].text)
                table.extra[budget_cell_label(total, source)] = cells[filled[j + 1]].text
                used.update((filled[j], filled[j + 1]))
                j += 4
        return used

    def _read_task_stream(self, table: TargetTable, cells: list[Cell]) -> set[int]:
        """The same block in a stream of cells (one cell a line): its column labels in a run, then
        its cells in rows of as many, up to the next header label."""
        used: set[int] = set()
        i = 0
        while i < len(cells):
            k = i
            while k < len(cells) and _short_key(cells[k].text) in labels.TASK_COLUMNS:
                k += 1
            heads = cells[i:k]
            if len(heads) < 2 or not any(_short_key(c.text) in labels.TASK_NAMING for c in heads):
                i = max(k, i + 1)
                continue
            width, block = len(heads), "年度主要任务"
            before = i - 1
            while before >= 0 and not cells[before].text:
                before -= 1
            if before >= 0 and before not in used and labels.header_field(cells[before].text) is None:
                block = labels.label_key(cells[before].text)  # "年度履职目标" just before its columns
                used.add(before)
            lines = [" | ".join(c.text for c in heads)]
            j = k
            if j < len(cells) and not cells[j].text:
                # empty cells follow the labels: the copy printed the rows' blanks (a second header
                # row under 预算金额, indented), so read the filled cells, a row at a time
                filled = [n for n in range(j, len(cells)) if cells[n].text]
                sub = []
                for n in filled:
                    if _short_key(cells[n].text) not in labels.TASK_COLUMNS:
                        break
                    sub.append(n)
                if sub:
                    lines.append(" | ".join(cells[n].text for n in sub))
                if sub:
                    width = width - 1 + len(sub)
                elif _money_parts(heads):
                    width -= 1  # 预算金额 over 总额 | 财政拨款 | 其他资金, printed in one run: no column
                rest = filled[len(sub) :]
                j = sub[-1] + 1 if sub else j
                while len(rest) >= width:
                    chunk = rest[:width]
                    if any(labels.header_field(cells[n].text) is not None for n in chunk):
                        break
                    lines.append(" | ".join(cells[n].text for n in chunk))
                    j, rest = chunk[-1] + 1, rest[width:]
            else:
                money = _money_parts(heads)
                if money:
                    width -= 1  # 预算金额 over 总额 | 财政拨款 | 其他资金, printed in one run: no column
                    # the two header rows as printed
                    lines = [" | ".join(c.text for c in heads[: -len(money)]), " | ".join(money)]
                while j + width <= len(cells):
                    row = cells[j : j + width]
                    if any(labels.header_field(c.text) is not None for c in row):
                        break
                    lines.append(" | ".join(c.text for c in row))
                    j += width
                if money and j < len(cells) and _short_key(cells[j].text) in _TASK_TOTALS:
                    amounts = _run(cells, j + 1, used, lambda c: _is_amount(c.text), len(money))
                    if amounts and amounts[-1] == j + len(amounts):
                        pairs = list(zip([cells[n] for n in amounts], money[-len(amounts) :], strict=True))
                        self._task_total(table, cells[j], pairs)
                        j = amounts[-1] + 1
            used.update(range(i, j))
            table.extra[block] = "\n".join(lines)
            i = max(j, k)
        return used

    def _read_goal_stream(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """Goals side by side in a stream: a run of goal labels (预期目标 … 实际完成情况), then as many
        texts, paired in order; the label before the run (年度总体目标) names the block."""
        used: set[int] = set()
        if sum(1 for c in cells if labels.goal_column(c.text)) < 2:
            return used
        i = 0
        while i < len(cells):
            heads = _run(cells, i, taken, lambda c: labels.goal_column(c.text) is not None)
            kinds = [labels.goal_column(cells[k].text) for k in heads]
            if len(heads) < 2 or "goal" not in kinds:
                i += 1
                continue
            texts = _run(
                cells, heads[-1] + 1, taken, lambda c: labels.header_field(c.text) is None, len(heads)
            )
            if len(texts) < len(heads):
                i += 1
                continue
            before = heads[0] - 1
            while before >= 0 and not cells[before].text:
                before -= 1
            if before >= 0 and before not in taken and labels.header_field(cells[before].text):
                used.add(before)  # 年度总体目标, over both
            used.update(range(heads[0], texts[-1] + 1))
            for k, kind, text_at in zip(heads, kinds, texts, strict=True):
                text = cells[text_at].text
                if kind == "goal":
                    table.goal = table.goal or text
                else:
                    table.extra[labels.label_key(cells[k].text)] = text
            i = texts[-1] + 1
        return used

    def _read_money_stream(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """A money block in a stream: a run of money column labels (年初预算数 … 得分), then rows of a
        label and as many cells (empty ones printed), paired by position."""
        used: set[int] = set()
        i = 0
        while i < len(cells):
            heads = _run(cells, i, taken, lambda c: bool(labels.amount_column(c.text)))
            amounts = _run(cells, heads[-1] + 1, taken, lambda c: _is_amount(c.text)) if heads else []
            if len(heads) > 2 and len(amounts) == len(heads) - 1:
                heads.pop()  # 年度资金总额 before its amounts starts the first row, it is not a column
            if len(heads) < 2:
                i += 1
                continue
            kinds = [labels.amount_column(cells[k].text) or "" for k in heads]
            if "total" not in kinds:  # 年初预算数 is the total where no 全年预算数 stands beside it
                budget = next(
                    (n for n, k in enumerate(heads) if _short_key(cells[k].text) in _BUDGET_HEADS), None
                )
                if budget is not None:
                    kinds[budget] = "total"
            j, first, width = heads[-1] + 1, True, len(heads)
            while True:
                start = j
                while start < len(cells) and not cells[start].text:
                    start += 1
                if start >= len(cells) or start in taken:
                    break
                row_label = cells[start].text
                if first and _is_amount(row_label):  # the amounts right under their labels, no row label
                    row_label, start = "", start - 1
                # up to as many cells as columns, up to the next row's label: a copy that leaves empty
                # cells out (执行率 of a source with no money) prints a source's row short
                row = _row_cells(cells[start + 1 : start + 1 + width])
                if not row and not first and _is_money_group(row_label):
                    used.add(start)  # 按收入性质分：, over the sources it groups
                    j = start + 1
                    continue
                field = labels.header_field(row_label) if row_label else None
                if _is_amount(row_label) or not any(_is_amount(c.text) for c in row):
                    break
                if field is not None and field[0] not in ("budget_total", "budget_line"):
                    break
                for k, kind, cell in _placed_amounts(heads, kinds, row):
                    if _is_amount(cell.text):  # "—" under 分值 in a source's row: nothing there
                        self._money_cell(table, labels.label_key(cells[k].text), kind, row_label, cell, first)
                used.update(range(heads[0], start + 1 + len(row)))
                first, j = False, start + 1 + len(row)
            i = max(j, i + 1)
        return used

    def _read_goal_columns(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """Goals side by side: a row of goal labels (中长期目标 | 年度目标) over a row of texts, perhaps
        with a label on the left (总体目标). The year's text is the goal; the others go to `extra`."""
        used: set[int] = set()
        if sum(1 for c in cells if labels.goal_column(c.text)) < 2:
            return used  # most tables: one goal, a label and its text
        rows = _rows(cells, taken)
        keys = list(rows)
        for n, key in enumerate(keys[:-1]):
            heads = {c.col: (k, c) for k, c in rows[key] if labels.goal_column(c.text)}
            kinds = [labels.goal_column(c.text) for _, c in heads.values()]
            if len(heads) < 2 or "goal" not in kinds:
                continue
            below = {c.col: (k, c) for k, c in rows[keys[n + 1]]}
            if not any(col in below and below[col][1].text for col in heads):
                continue
            first_col = min(col for col in heads if col is not None)
            used.update(k for k, c in rows[key] if c.col is not None and c.col < first_col)  # 总体目标
            used.update(k for k, _ in heads.values())
            # a text under no goal label is left to be named as unplaced, not dropped
            used.update(k for col, (k, c) in below.items() if col in heads or not c.text)
            for col, (_, head) in heads.items():
                text = below[col][1].text if col in below else ""
                if labels.goal_column(head.text) == "goal":
                    table.goal = table.goal or text or None
                elif text:
                    table.extra[labels.label_key(head.text)] = text
            break
        return used

    def _read_money_columns(self, table: TargetTable, cells: list[Cell], taken: set[int]) -> set[int]:
        """A row of money labels (资金总额 | 基本支出 | 项目支出, or 全年预算数 | 全年执行数 | 执行率)
        over rows of amounts: pair them by column. Returns the indexes of the cells consumed.
        Cells already `taken` (a block of tasks) are left alone."""
        used: set[int] = set()
        rows = _rows(cells, taken)
        keys = list(rows)
        for n, key in enumerate(keys):
            heads = {c.col: (k, c) for k, c in rows[key] if labels.amount_column(c.text)}
            if len(heads) < 2:
                continue
            kinds = {col: labels.amount_column(c.text) or "" for col, (_, c) in heads.items()}
            if "total" not in kinds.values():
                # a monitoring table's 年初预算数 | 1-7月执行数 | 执行率: the budget column is the total
                # (beside a 全年预算数 it is the budget before adjustments, a line)
                budget = next(
                    (col for col, (_, c) in heads.items() if labels.label_key(c.text) in _BUDGET_HEADS), None
                )
                if budget is not None:
                    kinds[budget] = "total"
            for below in keys[n + 1 : n + 13]:  # the total and its sources (当年拨款, 上年结转, 其他 …)
                values = {c.col: (k, c) for k, c in rows[below]}
                amounts = {
                    col: values[col] for col in heads if col in values and _is_amount(values[col][1].text)
                }
                if self.short_rows_lost_merges:
                    amounts = self._percent_under_rate(heads, kinds, rows[below], amounts)
                if not amounts:
                    filled = [(k, c) for k, c in rows[below] if c.text]
                    if len(filled) == 1 and _is_money_group(filled[0][1].text):
                        used.add(filled[0][0])  # 按收入性质分：, over the sources it groups
                        continue
                    break
                row_label = next((c.text for k, c in rows[below] if c.text and c.col not in heads), "")
                first = not any(k in used for k, _ in heads.values())
                used.update(k for k, _ in heads.values())
                for k in _block_label(rows[key], heads):  # 年度预算 left of 资金总额 | 财政拨款 …
                    used.add(k)
                    self.money_unit = self.money_unit or labels.label_unit(cells[k].text)
                used.update(k for k, c in rows[below] if c.col in heads or c.text == row_label)
                for col, (_, cell) in amounts.items():
                    head = heads[col][1]
                    self._money_cell(table, labels.label_key(head.text), kinds[col], row_label, cell, first)
                self.money_unit = self.money_unit or labels.label_unit(
                    " ".join(c.text for _, c in heads.values())
                )
        return used

    @staticmethod
    def _percent_under_rate(
        heads: dict[int | None, tuple[int, Cell]],
        kinds: dict[int | None, str],
        row: list[tuple[int, Cell]],
        amounts: dict[int | None, tuple[int, Cell]],
    ) -> dict[int | None, tuple[int, Cell]]:
        """A money row of a copy that printed no empty cell (a source's 分值 left empty): its cells
        stand in its first columns, so a percent lands under a column that cannot hold one. Where the
        columns and the row's cells both run on without a gap, the row is placed again, a percent
        under 执行率 (see `_placed_amounts`); any other row is left as its columns place it."""
        columns = sorted(col for col in heads if col is not None)
        rate = next((col for col in columns if kinds[col] == "rate"), None)
        misplaced = rate is not None and any(
            col is not None and col < rate and cell.text.endswith("%") for col, (_, cell) in amounts.items()
        )
        printed = [(k, c) for k, c in row if c.col is not None and c.col >= columns[0]]
        cols = [c.col for _, c in printed]
        if (
            not misplaced
            or columns != list(range(columns[0], columns[-1] + 1))
            or cols != list(range(columns[0], columns[0] + len(cols)))
            or any(not c.text for _, c in printed)
        ):
            return amounts
        at = {id(c): k for k, c in printed}
        placed = _placed_amounts(columns, [kinds[col] for col in columns], [c for _, c in printed])
        return {col: (at[id(c)], c) for col, _, c in placed if _is_amount(c.text)}

    def _money_cell(
        self, table: TargetTable, head: str, kind: str, row_label: str, cell: Cell, first: bool
    ) -> None:
        text = cell.text.rstrip("%")
        try:
            amount = parse_amount(text)
        except ValueError:
            return
        if kind == "total" and first and table.budget_total is None:
            table.budget_total, table.budget_label = amount, head
        elif kind == "executed" and first:
            table.budget_executed = amount
        elif kind == "rate" and first:
            table.execution_rate = amount
        elif kind == "score" and first:
            table.extra["预算执行得分"] = cell.text
        elif kind == "forecast" and first:
            table.extra[head] = cell.text
        elif kind == "points" and first:
            table.extra["预算执行分值"] = cell.text
        else:
            label = head if first else budget_cell_label(labels.label_key(row_label), head)
            table.budget_lines.append(BudgetLine(label, amount, cell.text))

    def _assign(self, table: TargetTable, field_name: str, label: Cell, value: str | None, at: Cell) -> None:
        if field_name in ("budget_total", "budget_line"):
            try:
                amount = parse_amount(value)
            except ValueError:
                self.warnings.append(
                    ReadWarning(f"「{label.text}」的金额「{value}」不是数字，已按空值读取。", at.where)
                )
                amount = None
            if field_name == "budget_total":
                if table.budget_total is None:
                    table.budget_total = amount
                    table.budget_label = label.text
                else:
                    table.budget_lines.append(BudgetLine(label.text, amount, value or ""))
            else:
                table.budget_lines.append(BudgetLine(labels.label_key(label.text), amount, value or ""))
            return
        if field_name == "extra":
            key = labels.label_key(label.text)
            if key not in labels.EXTRA_FIELDS and ":" in key and "·" not in key:
                key = key.partition(":")[0]  # "项目负责人：李某": the value came inline
            table.extra[key] = value or ""
            return
        if field_name == "group":
            return
        if getattr(table, field_name) is None:
            setattr(table, field_name, value)

    # -- indicator rows ----------------------------------------------------------------------
    def _read_grid_rows(self, table: TargetTable, by_col: dict[int, str], cells: list[Cell]) -> None:
        """Rows of a grid under its header, from cells (HTML, Word, text rows)."""
        from jixiao.readers.grid import rows_from_cells

        self.read_body(table, by_col, rows_from_cells(cells))

    def read_body(self, table: TargetTable, by_col: dict[int, str], rows: Sequence[GridRow]) -> None:
        """Rows of a grid under its header: each cell goes to its column's role."""
        split = _value_split(by_col, rows[0]) if rows else None
        if split is not None and self.short_rows_lost_merges:  # 中长期 | 年度 from the first column
            split = _periods_spread(by_col, {k: split[k] for k, t in enumerate(rows[0].texts) if t}) or split
        if split is not None:  # a second header row (中长期 | 年度 under 指标值): read by it
            by_col, rows = split, rows[1:]
        ticks = _tick_columns(by_col, rows[0]) if rows and split is None else None
        if ticks is not None:  # 经费保障 | 制度保障 … under 偏差原因分析, ticked (√) row by row
            rows = [_ticked(row, ticks) for row in rows[1:]]
        shape = _BodyShape.of(by_col)
        if self.lines_wrap and shape.unique_roles and not shape.by_project:
            rows = self._joined_wraps(shape, rows)
        if self.short_rows_lost_merges and shape.unique_roles and not shape.by_project:
            rows = self._centred_labels(shape, rows)
        if shape.by_columns:
            self._read_body_columns(table, shape, rows)
        else:
            self._read_body_rows(table, shape, rows)
        if self.flush_each_body:
            self.pending.flush()

    def _joined_wraps(self, shape: _BodyShape, rows: Sequence[GridRow]) -> Sequence[GridRow]:
        """An indicator's cells that wrap go on, alone, on the lines below it (a PDF's text with
        narrow columns and no blank line between rows: 城乡低保保障 / 人数): a line holding only
        such fragments, a 三级 name's among them, is the rest of the row above; so is a line holding
        only the rest of its 一级 or 二级 (服务对象满意 / 度指标: a label only together)."""
        out: list[GridRow] = []
        placed: dict[str, str] | None = None  # the cells of the last row kept, by role, if an indicator's
        for row in rows:
            text, stray, filled = self._row_cells(shape, row)
            if (
                placed is not None
                and filled
                and stray is None
                and (
                    (text.get("name") and all(not v or role in _WRAPPING for role, v in text.items()))
                    or all(not v or _completes(role, placed.get(role, ""), v) for role, v in text.items())
                )
            ):
                for role, fragment in text.items():
                    if fragment:
                        placed[role] = join_lines(f"{placed.get(role, '')}\n{fragment}")
                out[-1] = out[-1]._replace(texts=shape.texts_of(placed), raws=None)
                continue
            is_indicator = bool(text.get("name")) and any(text.get(r) for r in _MEASURES) and stray is None
            placed = dict(text) if is_indicator else None
            out.append(row)
        return out

    def _centred_labels(self, shape: _BodyShape, rows: Sequence[GridRow]) -> Sequence[GridRow]:
        """A copy of a PDF's text prints a merged 一级 or 二级 once, in the middle of the rows it
        spans: on a line of its own between two rows when they are even. Each such line's label
        goes to the rows it is centred on, and the line is no row. Labels printed above their rows
        (a section's heading each) go to the rows below them, up to the next."""
        places = [k for k, role in shape.cols if role in _CENTRED]
        if not places:
            return rows
        cells = [self._row_cells(shape, row) for row in rows]
        floating = {
            k
            for k, (text, stray, filled) in enumerate(cells)
            if filled
            and stray is None
            and all(not v or role in _CENTRED for role, v in text.items())
            and not any(map(_closes, filter(None, text.values())))
        }
        if not floating:
            return rows
        lines = [[*row.texts] for row in rows]
        raws = [[*(row.raws or row.texts)] for row in rows]
        kept = [k for k in range(len(rows)) if k not in floating]
        # the rows the labels span: a 总分 / 合计 row or a footer below the indicators is under none
        spanned = [k for k in kept if not _closes(next((t for t in rows[k].texts if t), ""))]
        for col in places:
            role = shape.by_col[col]
            labelled = [(k, text) for k in range(len(rows)) if (text := cells[k][0].get(role, ""))]
            if floating.isdisjoint(k for k, _ in labelled):
                continue  # printed on its rows in this column: carried down as usual
            labelled = [(k, text) for k, text in labelled if k in floating or k in spanned]
            blocks = _label_blocks(spanned, [(k, k not in floating) for k, _ in labelled])
            if blocks is None:
                continue
            for (first, last), (_, text) in zip(blocks, labelled, strict=True):
                for k in spanned[first : last + 1]:
                    if len(lines[k]) < shape.width:  # a short row: its cells where they were placed
                        placed = cells[k][0]
                        lines[k] = raws[k] = shape.texts_of(placed)
                    lines[k][col] = raws[k][col] = text
        return [rows[k]._replace(texts=lines[k], raws=raws[k]) for k in kept]

    def _row_cells(self, shape: _BodyShape, row: GridRow) -> tuple[dict[str, str], str | None, int]:
        """A row's cells by role, the first filled cell under no indicator column (or None), and
        how many of its indicator cells (序号 aside) are filled."""
        texts, covers = row.texts, row.covers
        n = len(texts)
        width = shape.width
        if n < width or not shape.unique_roles:
            text, stray = self._place_row(shape.by_col, shape.cols, width, texts, covers)
            return text, stray, sum(1 for r, v in text.items() if v and r != "seq")
        # the common case: a full row; merged 一级/二级 cells above give their text
        values = shape.pick(texts)
        if covers:
            values = list(values)
            for k, (anchor, vertical) in covers.items():
                j = shape.position.get(k)
                if j is not None and vertical and not values[j]:
                    values[j] = anchor
        text = dict(zip(shape.roles, values))  # noqa: B905  (same length by construction)
        stray = next((t for t in texts[width:] if t), None) if n > width else None
        if stray is None and shape.unmapped:
            stray = next((texts[k] for k in shape.unmapped if texts[k]), None)
        seq_at = shape.seq_at
        filled = len(values) - values.count("") - (1 if seq_at >= 0 and values[seq_at] else 0)
        return text, stray, filled

    def _is_indicator(
        self, table: TargetTable, row: GridRow, text: dict[str, str], stray: str | None, filled: int
    ) -> bool:
        """Whether a row under the header is an indicator; a 总分 row is read into the table, a
        footer ("注：…") is named in a warning."""
        if not filled:
            return False  # an empty template row (perhaps with its 序号)
        texts, covers = row.texts, row.covers
        probe = text.get("value") or text.get("weight")  # repeats down a table: its lookup is cached
        if probe and labels.indicator_column(probe) in ("value", "weight") and is_upper_header(texts):
            return False  # the header printed again (a new page of a long table): no indicator
        first_text = next((t for t in texts if t), "") or next(
            (a for a, _ in (covers or {}).values() if a), ""
        )
        if _is_total(first_text):
            self._read_total(table, text, texts)
            return False
        if (
            (first_text[:1] in _FOOTER_START and FOOTER.match(first_text))
            or (filled == 1 and stray is None and not text.get("name"))
            or (filled == 1 and _prose(first_text))
        ):
            self.warnings.append(
                ReadWarning(
                    f"表「{table.title or table.name or '未命名'}」指标行之后的「{first_text[:40]}」不是指标，未读入。",
                    row.where,
                )
            )
            return False
        return True

    def _warn_stray(self, text: dict[str, str], stray: str, where: Where) -> None:
        self.warnings.append(
            ReadWarning(
                f"指标「{text.get('name', '')}」所在行有一格「{stray[:30]}」不在任何指标列下，未读入。", where
            )
        )

    def _read_body_rows(self, table: TargetTable, shape: _BodyShape, rows: Sequence[GridRow]) -> None:
        """A body a row at a time: where a project's columns stand beside its indicators, or two
        columns share a role."""
        previous: dict[str, str] = {}
        target, project = table, None
        intos: list[list[Indicator]] = []
        texts: list[dict[str, str]] = []
        wheres: list[Where] = []
        dropped_at: list[int] = []  # for each row that is no indicator, how many were read before it
        for row in rows:
            text, stray, filled = self._row_cells(shape, row)
            if not self._is_indicator(table, row, text, stray, filled):
                dropped_at.append(len(texts))
                continue
            if shape.by_project or shape.own_head:
                target, project, restart = self._block_of(
                    table, target, project, text, row.where, shape.by_project
                )
                if restart:
                    previous = {}
            for role in shape.carried:  # merged 一级/二级 cells printed once carry down
                if not text.get(role) and previous.get(role):
                    text[role] = previous[role]
            previous = text
            if stray is not None:
                self._warn_stray(text, stray, row.where)
            intos.append(target.indicators)
            texts.append(text)
            wheres.append(row.where)
        if self.short_rows_lost_merges and not (shape.by_project or shape.own_head):
            for role in _CARRY_UP.intersection(shape.carried):
                column = [text.get(role, "") for text in texts]
                if _carry_up(column, min(dropped_at, default=len(texts))):
                    for text, value in zip(texts, column, strict=True):
                        text[role] = value
        self.pending.add_rows(intos, texts, wheres)

    def _read_body_columns(self, table: TargetTable, shape: _BodyShape, rows: Sequence[GridRow]) -> None:
        """A body a column at a time (10万 rows of a sheet): the cells of each role are taken out
        of the rows at once, and only the rows that may not be plain indicators (short of cells,
        a cell under no column, fewer than two cells, a label, a 合计 or a footer) go through
        the row-by-row checks of `_read_body_rows`, which the others would pass."""
        m = len(rows)
        if not m:
            return
        width, roles = shape.width, shape.roles
        from jixiao.readers.grid import SheetRows

        texts: Sequence[Sequence[str]]
        if isinstance(rows, SheetRows):  # a sheet's rows are kept by column, each as wide as the sheet
            short: set[int] = set()
            grid: Sequence[Sequence[str]]
            grid, vals = rows.body(shape.picks)  # merged 一级/二级 cells above give their text
        else:
            texts = list(map(itemgetter(0), rows))  # GridRow.texts
            short = (
                {i for i, n in enumerate(map(len, texts)) if n < width}
                if min(map(len, texts)) < width
                else set()
            )
            if any(len(self._row_cells(shape, rows[i])[0]) < len(roles) for i in short):
                # a copy that dropped a row's empty cells, placed by what each column can hold: the
                # row lacks some columns, which only the row-by-row path keeps apart
                self._read_body_rows(table, shape, rows)
                return
            grid = list(zip_longest(*texts, fillvalue=""))
            vals = [list(grid[k]) if k < len(grid) else [""] * m for k in shape.picks]
            # merged 一级/二级 cells above give their text: a column at a time, for the columns covered
            covers = [c or _NO_COVER for c in map(itemgetter(2), rows)]  # GridRow.covers
            for k in set().union(*covers).intersection(shape.position):
                j = shape.position[k]
                anchors = [c[0] if c is not None and c[1] else "" for c in map(dict.get, covers, repeat(k))]
                for i in short:  # placed row by row below
                    anchors[i] = ""
                vals[j] = [v or anchor for v, anchor in zip(vals[j], anchors)]  # noqa: B905
        suspects = set(short)
        for k in (*shape.unmapped, *range(width, len(grid))):  # a cell under no indicator column
            column = grid[k] if k < len(grid) else ()
            if any(column):
                suspects.update(i for i, t in enumerate(column) if t)
        if shape.pair is None:
            suspects.update(range(m))
        else:  # two filled cells make an indicator row: only the others are counted one by one
            a, b = shape.pair
            suspects.update(compress(range(m), map(not_, vals[a])), compress(range(m), map(not_, vals[b])))
        for j in shape.probes:  # the header printed again on a new page
            column = vals[j]
            header = {v for v in set(column) if v and labels.indicator_column(v) in ("value", "weight")}
            if header:
                suspects.update(i for i, v in enumerate(column) if v in header)
        firsts = _firsts(grid, m)  # each row's first filled cell
        special = {  # what could be a 合计, a footer or the document's text after the table (checked below)
            t
            for t in set(firsts)
            if not t
            or t[:1] in _FOOTER_START
            or (len(t) <= 16 and ("计" in t or "分" in t))
            or t[1:2] in _ENUMERATED
            or "。" in t
            or "：" in t
        }
        if special:
            suspects.update(i for i, t in enumerate(firsts) if t in special)
        dropped: set[int] = set()
        noted = _Noted(self.warnings)  # a summary's warnings are put back in the order of its rows
        strays: list[tuple[int, dict[str, str], str, Where]] = []
        for i in sorted(suspects):
            row = rows[i]
            text, stray, filled = self._row_cells(shape, row)
            if not self._is_indicator(table, row, text, stray, filled):
                dropped.add(i)
                noted.at(i, 0)
                continue
            for j, role in enumerate(roles):
                vals[j][i] = text.get(role, "")
            if stray is not None:
                strays.append((i, text, stray, row.where))
        wheres = (
            rows.wheres() if isinstance(rows, SheetRows) else list(map(itemgetter(1), rows))
        )  # GridRow.where
        kept: Sequence[int] = range(m)
        if dropped:
            kept = [i for i in range(m) if i not in dropped]
            if not kept:
                noted.sort()
                return
            take = picker(kept)
            vals = [list(take(column)) for column in vals]
            wheres = list(take(wheres))
        runs = self._project_blocks(table, shape, vals, wheres, kept, noted) if shape.by_project else []
        for i, text, stray, where in strays:
            self._warn_stray(text, stray, where)
            noted.at(i, 2)
        noted.sort()
        starts = bytearray(len(wheres))  # where a project's block starts, nothing carries down into it
        for start, _, _ in runs:
            starts[start] = 1
        for j in shape.carried_at:  # merged 一级/二级 cells printed once carry down
            last = ""
            if "" in vals[j]:  # else every row has its text (a sheet's merged cells gave it)
                if runs:
                    vals[j] = [(last := v or ("" if new else last)) for v, new in zip(vals[j], starts)]  # noqa: B905
                else:
                    vals[j] = [(last := v or last) for v in vals[j]]
            if self.short_rows_lost_merges and roles[j] in _CARRY_UP and not shape.by_project:
                # up to the first row left out (a line holding only a 一级 is one: its text is lost)
                _carry_up(vals[j], min(dropped) if dropped else m)
        if runs:
            self.pending.extend_runs([(into, n) for _, into, n in runs], roles, vals, wheres)
        else:
            self.pending.extend(table.indicators, roles, vals, wheres)

    def _project_blocks(
        self,
        table: TargetTable,
        shape: _BodyShape,
        vals: list[list[str]],
        wheres: Sequence[Where],
        kept: Sequence[int],
        noted: _Noted,
    ) -> list[tuple[int, list[Indicator], int]]:
        """A summary's rows (项目名称 beside the indicators) in blocks, a project each: the first
        project fills the table being built, each next one a table of its own. Returns the blocks
        as (first row, the list its indicators go to, rows), from the first row on."""
        project_at = shape.roles.index("project")
        column = vals[project_at]
        blocks: list[tuple[int, list[Indicator], int]] = []
        current = None
        for i, name in enumerate(column):
            if name and name != current:  # a project's name, printed (or merged) at its first row
                text = {role: vals[j][i] for j, role in enumerate(shape.roles)}
                target = self._project_table(table, text, wheres[i], first=current is None)
                noted.at(kept[i], 1)
                blocks.append((i, target.indicators, 0))
                current = name
        if not blocks or blocks[0][0] > 0:  # rows before the first project: the table's own
            blocks.insert(0, (0, table.indicators, 0))
        ends = [start for start, _, _ in blocks[1:]] + [len(column)]
        return [(start, into, end - start) for (start, into, _), end in zip(blocks, ends, strict=True)]

    def _block_of(
        self,
        table: TargetTable,
        target: TargetTable,
        project: str | None,
        text: dict[str, str],
        where: Where,
        by_project: bool,
    ) -> tuple[TargetTable, str | None, bool]:
        """Which table a row goes to, where per-project columns stand beside the indicators: the next
        project's block starts a table of its own (and nothing carries over from the last); a goal or
        budget column merged down beside one table's indicators is that table's own. Returns the
        table, the current project and whether a block started."""
        if by_project and text.get("project") and text["project"] != project:
            return self._project_table(table, text, where, first=project is None), text["project"], True
        if not by_project and project is None:
            self._fill_head(table, text, where)
            return target, "", False
        return target, project, False

    def _project_table(
        self, table: TargetTable, text: dict[str, str], where: Where, first: bool
    ) -> TargetTable:
        """A project of a summary table (项目名称 | 预算金额 | 年度目标 | 一级 | … per row): the first
        fills the table being built, each next one is a copy of its head with its own cells."""
        if first:
            target = table
        else:
            target = TargetTable(
                kind="project", title=table.title, department=table.department, preparer=table.preparer,
                fiscal_year=table.fiscal_year, stage=table.stage, where=where, extra=dict(table.extra),
            )  # fmt: skip
            self.split.append(target)
        target.kind = "project"
        target.name = text["project"]
        self._fill_head(target, text, where)
        return target

    def _fill_head(self, target: TargetTable, text: dict[str, str], where: Where) -> None:
        """A table's goal and budget from columns beside its indicators, where it has none yet."""
        if text.get("project_goal") and not target.goal:
            target.goal = text["project_goal"]
        printed = text.get("project_budget")
        if printed and target.budget_total is None:
            try:
                target.budget_total, target.budget_label = parse_amount(printed), "预算金额"
            except ValueError:
                name = target.name or target.title
                self.warnings.append(
                    ReadWarning(f"表「{name}」的预算金额「{printed}」不是数字，已按空值读取。", where)
                )

    def _place_row(
        self,
        by_col: dict[int, str],
        cols: list[tuple[int, str]],
        width: int,
        texts: Sequence[str],
        covers: dict[int, tuple[str, bool]] | None,
    ) -> tuple[dict[str, str], str | None]:
        """A row that is short of cells, or whose columns share a role: its cells by role, and a
        filled cell under no indicator column (or None)."""
        n = len(texts)
        text: dict[str, str] = {}
        # a copy that keeps empty cells (a tab before an empty 一级) lost only its trailing ones (an
        # empty 偏差原因 with no tab after it): each cell stands in its own column
        kept_empties = (
            self.short_rows_lost_merges
            and not covers
            and 0 < n < width
            and not texts[0]
            and _left_fits(cols, texts)
        )
        if (
            not kept_empties
            and self.short_rows_lost_merges
            and not covers
            and sum(1 for t in texts if t) < len(cols)
            and len(texts) < width
            and not (_right_fits(by_col, width, texts) and not _left_fits(cols, texts))
        ):
            # copies that drop empty cells (PDF text, space-separated rows): the row's cells
            # are placed by what each column can hold, as in a stream
            text, _ = take_row([role for _, role in cols], [t for t in texts if t], 0)
            return text, None
        # a row short of cells lost its first ones to merged 一级/二级 cells above (web and
        # PDF copies print a merged cell once): align it to the right
        shift = width - n
        if (
            kept_empties
            or not self.short_rows_lost_merges
            or shift <= 0
            or covers
            or not all(by_col.get(k) in CARRY_DOWN for k in range(shift))
        ):
            shift = 0
        for col, role in cols:
            k = col - shift
            value = texts[k] if 0 <= k < n else ""
            if not value and covers and k in covers:
                anchor, vertical = covers[k]
                value = anchor if vertical else ""
            _put(text, role, value)
        mapped = {col - shift for col, _ in cols}
        return text, next((t for k, t in enumerate(texts) if t and k not in mapped), None)

    def _read_total(self, table: TargetTable, text: dict[str, str], texts: Sequence[str]) -> None:
        """The 总分 row of a self-evaluation: the total score and, often beside it, the grade."""
        for value in (text.get("score"), *reversed(texts)):
            if value and not value.endswith("%") and _is_amount(value):  # 100% totals the weights
                table.score_total = parse_amount(value)
                break
        for t in texts:
            m = GRADE.search(t)
            if m:
                table.grade = m.group(1)

    def _read_rows(self, table: TargetTable, roles: list[str], cells: list[Cell]) -> None:
        """A stream under its header: rows of the header's width when empty cells are printed
        (the seed), otherwise aligned cell by cell on what each column can hold."""
        width = len(roles)
        cells = _unfused(roles, cells)
        full = len(cells) - len(cells) % width
        chunks = [cells[k : k + width] for k in range(0, full, width)]
        filled = [c for c in chunks if any(x.text for x in c)]
        fits = [f for f in (_row_fits(roles, c) for c in filled) if f is not None]
        by_width = bool(fits) and sum(fits) >= 0.8 * len(fits)
        parted = None if by_width else _line_parted_rows(roles, cells) or _align_printed(roles, cells)
        if parted is not None:
            rows, wheres = parted
            rest = []
        elif by_width:
            rows = [_by_role(roles, [x.text for x in c]) for c in chunks]
            wheres = [c[0].where for c in chunks]
            rest = cells[full:]
        else:
            rows, wheres, rest = _align(roles, [c for c in cells if c.text])
        previous: dict[str, str] = {}
        pending = self.pending
        by_project = "project" in roles
        own_head = not by_project and any(r in roles for r in labels.PROJECT_ROLES)
        target, project = table, None
        for at, (text, where) in enumerate(zip(rows, wheres, strict=True)):
            if not any(v for r, v in text.items() if r != "seq"):
                continue  # an empty template row is not an indicator
            lead = next((v for v in text.values() if v), "")
            if _is_total(lead):
                self._read_total(table, text, list(text.values()))  # 总分 … 自评等级：优
                continue
            if is_upper_header(list(text.values())):
                continue  # the header printed again on a new page
            if lead[:1] in _FOOTER_START and FOOTER.match(lead):  # a note, or the document goes on
                after = [v for row in rows[at:] for v in row.values() if v] + [c.text for c in rest if c.text]
                self._text_after(table, after, where)
                rest = []
                break
            if by_project or own_head:
                target, project, restart = self._block_of(table, target, project, text, where, by_project)
                if restart:
                    previous = {}
            _carry_down(text, previous)
            previous = text
            pending.add(target.indicators, text, where)
        if self.flush_each_body:
            pending.flush()
        if any(c.text for c in rest):
            first = next(c for c in rest if c.text)
            if _is_total(first.text):  # 总分 merged over the first columns: a row short of cells
                self._read_total(table, {}, [c.text for c in rest])
                return
            if FOOTER.match(first.text):  # a note or the document's next part, after the table
                self._text_after(table, [c.text for c in rest if c.text], first.where)
                return
            self.warnings.append(
                ReadWarning(
                    f"表「{table.title or table.name or '未命名'}」最后一行只有 {len(rest)} 格（应为 {width} 格），"
                    "表格可能在此被截断；已读出的格子：" + "、".join(c.text for c in rest if c.text),
                    first.where,
                )
            )

    def _text_after(self, table: TargetTable, texts: list[str], where: Where) -> None:
        """The text after a table's indicators (a note, the document's next part), named, not read."""
        self.warnings.append(
            ReadWarning(
                f"表「{table.title or table.name or '未命名'}」之后的文字「{'、'.join(texts)[:60]}」不是指标，未读入。",
                where,
            )
        )


_WEIGHT = re.compile(r"^\d{1,3}(\.\d+)?%?$")


def _fits(role: str, text: str, following: str = "") -> bool:
    """Could this cell stand in this column? Used to align streams that omit empty cells.

    `following` is the next cell: an 一级/二级 cell is never directly followed by a weight, so a
    cell followed by one ("服务对象满意度", "10%") is an indicator's name, not a category.
    """
    role = _AS_YEARS.get(role, role)  # the mid-term's 一级/二级 hold what the year's do
    if role in ("group", "level1", "level2") and following and _WEIGHT.match(following):
        return False
    if role == "group":
        key = labels.label_key(text)
        return labels.INDICATOR_COLUMNS.get(key) == "group" or (
            key.endswith("指标") and frame.normalise_level1(text) is not None
        )
    if role == "level1":
        return frame.normalise_level1(text) is not None
    if role == "level2":
        key = frame.normalise_level2(text) or ""
        return key in frame.LEVEL2_PARENT or (text.endswith("指标") and len(text) <= 10)
    if role == "weight":
        return bool(_WEIGHT.match(text))
    if (
        role not in ("group", "level1", "level2")
        and following
        and frame.normalise_level1(text) is not None
        and _fits("level2", following)
    ):
        return False  # 满意度指标 before 服务对象满意度指标: the next row's 一级, after empty cells
    if (
        role not in ("group", "level1", "level2", "name")
        and frame.normalise_level2(text) in frame.LEVEL2_PARENT
    ):
        return False  # 时效指标 after a row's last cell: the next row's 二级
    if role == "nature":
        return is_nature(text) or normalise_text(text) in NO_DIRECTION
    if role == "forecast":  # the year's forecast, which a copy leaves out when empty: not a likelihood
        return text not in _LIKELIHOODS and not _is_total(text)
    if role == "deviation":  # free text, but not the next row's 一级/二级, a 总分 row nor a likelihood
        if _fits("level1", text) or _fits("level2", text) or _is_total(text) or text in _LIKELIHOODS:
            return False
        # nor the next row's name, which its target (≥600人, 8个) follows: no cell after a reason
        # holds a number
        return not (following and parse_target(following).kind == "number")
    if role == "unit":
        return (
            0 < len(text) <= 6
            and not _WEIGHT.match(text)
            and parse_target(text).kind in ("text", "placeholder")
        )
    return bool(text)


def _carry_down(text: dict[str, str], previous: dict[str, str]) -> None:
    """A stream's row, its cells merged from above (printed once, in the first row) taken from the
    row before. A row that starts a new 一级 with no 二级: 成本指标 after 产出's rows is a 二级 of
    产出 (as the frame before 2021 has it: 数量 质量 时效 成本); any other takes no 二级 from above,
    for a merged 二级 never reaches past its 一级."""
    level1, above = text.get("level1", ""), previous.get("level1", "")
    new_level1 = bool(level1 and above) and frame.normalise_level1(level1) != frame.normalise_level1(above)
    if new_level1 and "level2" in text and not text["level2"]:
        if frame.normalise_level1(above) == "产出" and frame.normalise_level1(level1) == "成本":
            text["level1"], text["level2"] = above, level1
            new_level1 = False
    for role in CARRY_DOWN:
        if role in text and not text[role] and previous.get(role) and not (new_level1 and role == "level2"):
            text[role] = previous[role]


def _right_fits(by_col: dict[int, str], width: int, texts: Sequence[str]) -> bool:
    """Whether a short row, aligned to the right, is a row under merged cells: those it lacks at the
    left are merged down (a project's name, budget and goal, its 一级), and its 二级, weight and
    direction cells fit the columns they come under (a summary's rows, copied from a web page)."""
    shift = width - len(texts)
    if shift <= 0 or not all(by_col.get(k) in CARRY_DOWN for k in range(shift)):
        return False
    return _left_fits([(k - shift, role) for k, role in by_col.items() if k >= shift], texts)


# a weight and the unit after it printed as one cell ("20%件": a copy lost the space between them);
# not a value with its operator word after it (95%以上)
_FUSED_WEIGHT_UNIT = re.compile(r"^(\d{1,3}(?:\.\d+)?%)([^\d%.]{1,4})$")
_NOT_UNITS = frozenset(["以上", "以下", "左右", "及以上", "及以下", "以内", "以外"])


def _unfused(roles: list[str], cells: list[Cell]) -> list[Cell]:
    """A stream's cells, each weight fused with the unit after it ("20%件") split in two: only where
    the columns print the unit right after the weight and the cell that follows fits the column after
    the unit (指标性质 产出, or a value). Both halves keep the printed cell as their raw text."""
    if "weight" not in roles:
        return cells
    k = roles.index("weight")
    if k + 1 >= len(roles) or roles[k + 1] != "unit":
        return cells
    after = roles[k + 2] if k + 2 < len(roles) else None
    out: list[Cell] = []
    for n, cell in enumerate(cells):
        m = _FUSED_WEIGHT_UNIT.match(cell.text)
        if m is None or m.group(2) in _NOT_UNITS or not _fits("unit", m.group(2)):
            out.append(cell)
            continue
        following = next((cells[j].text for j in range(n + 1, len(cells)) if cells[j].text), "")
        if after is None or _fits(after, following):
            out += [replace(cell, text=m.group(1)), replace(cell, text=m.group(2))]
        else:
            out.append(cell)
    return out


def _line_parted_rows(roles: list[str], cells: list[Cell]) -> tuple[list[dict[str, str]], list[Where]] | None:
    """A stream whose rows an empty line parts and whose empty cells are printed (a cell a line,
    an empty one a tab alone, as the seed prints them), but whose rows under merged 一级/二级 cells
    lack those cells: each row is read from the right, the cells it lacks carried down. None when
    the empty lines do not part it so: a row wider than the header, a row lacking other cells than
    those merged down, or rows whose weights and 一级 do not fit their columns."""
    if len(cells) < 2 or any(c.where.line is None for c in cells):
        return None
    groups: list[list[Cell]] = [[cells[0]]]
    for before, cell in zip(cells, cells[1:], strict=False):
        if (cell.where.line or 0) > (before.where.line or 0) + 1:
            groups.append([cell])
        else:
            groups[-1].append(cell)
    width = len(roles)
    if len(groups) < 2 or any(len(g) > width for g in groups):
        return None
    rows: list[dict[str, str]] = []
    checked: list[bool] = []
    for group in groups:
        texts = [c.text for c in group]
        first = next((t for t in texts if t), "")
        shift = width - len(texts)
        if shift and _closes(first):  # 总分 merged over the first columns: read as printed
            rows.append(_by_role(roles, [*texts, *[""] * shift]))
            continue
        if not all(roles[k] in CARRY_DOWN for k in range(shift)):
            return None
        texts = [""] * shift + texts
        fit = _texts_fit(roles, texts)
        if fit is not None:
            checked.append(fit)
        rows.append(_by_role(roles, texts))
    if not checked or sum(checked) < 0.8 * len(checked) or all(len(g) == width for g in groups):
        return None  # full rows are read by the header's width
    return rows, [g[0].where for g in groups]


def _align_printed(roles: list[str], cells: list[Cell]) -> tuple[list[dict[str, str]], list[Where]] | None:
    """A stream whose empty cells are printed but whose rows nothing parts, and whose rows under merged
    一级/二级 lack those cells (a page whose cells hold paragraphs, selected and copied): each row
    starts where its first cell fits — an 一级 or 二级 in its column, else the indicator's name — and
    takes as many cells as there are columns from there, the ones it lacks carried down. None when a
    row fits nowhere (the stream is then aligned on what each cell holds, its empty cells left out)."""
    width = len(roles)
    lead = 0
    while lead < width and roles[lead] in CARRY_DOWN:
        lead += 1
    texts = [c.text for c in cells]
    if not lead or "" not in texts:
        return None
    rows: list[dict[str, str]] = []
    wheres: list[Where] = []
    i = 0
    while i < len(texts):
        first = texts[i]
        if _closes(first):  # 总分 merged over the first columns, or a footer: as printed
            take = min(width, len(texts) - i)
            rows.append(_by_role(roles, [*texts[i : i + take], *[""] * (width - take)]))
            wheres.append(cells[i].where)
            i += take
            continue
        for shift in range(lead + 1):
            take = width - shift
            if i + take > len(texts):
                continue
            if shift < lead:
                starts = bool(first) and _fits(
                    roles[shift], first, texts[i + 1] if i + 1 < len(texts) else ""
                )
            else:
                starts = bool(first) and not (_fits("level1", first) or _fits("level2", first))
            row = [""] * shift + texts[i : i + take]
            if starts and _texts_fit(roles, row) is not False:
                break
        else:
            return None
        rows.append(_by_role(roles, row))
        wheres.append(cells[i].where)
        i += take
    return rows, wheres


def _row_fits(roles: list[str], row: list[Cell]) -> bool | None:
    """Whether a row's weight, 指标性质, 一级 and 偏差原因 cells fit their columns; None when it prints
    none of them (a row under merged 一级 cells, in a table without weights): nothing to tell by."""
    return _texts_fit(roles, [c.text for c in row])


# the columns whose cells tell a misplaced row: a weight, a 指标性质, a 一级, and a reason for a
# deviation (free text, but never a 一级 or 二级: the next row's, when the rows are out of step)
_TOLD_BY_CONTENT = frozenset({"weight", "nature", "level1", "deviation"})


def _texts_fit(roles: list[str], texts: list[str]) -> bool | None:
    """`_row_fits` of a row's texts."""
    checked = [(r, t) for r, t in zip(roles, texts, strict=True) if r in _TOLD_BY_CONTENT and t]
    return all(_fits(r, t) for r, t in checked) if checked else None


# every indicator has a 一级: the body's first rows without one are under the first printed below them
# (a 二级 may be left empty on purpose: not carried up)
_CARRY_UP = frozenset({"level1", "group"})
# the columns merged down that a PDF's text prints once, in the middle of the rows they span
_CENTRED = frozenset({"level1", "level2", "group"})
# roles a header may give two columns, whose cells are both kept (one above the other in a cell)
_JOINED_ROLES = frozenset({"nature", "note", "deviation"})
# the columns of text that wrap in a narrow cell, and those that measure (one of them on a row's first line)
_WRAPPING = frozenset({"name", "level1", "level2", "group", "deviation", "note", "task"})
_MEASURES = ("value", "weight", "unit", "actual", "score", "nature")


# the second character of an enumerated heading or item: 四、 1. 1、
_ENUMERATED = frozenset("、.．")
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）])")


def _prose(text: str) -> bool:
    """A line of the document's text, not an indicator's name: a heading (四、名词解释), an item of a
    list (1.财政拨款收入：指……), a sentence, a heading with a colon (a web page's "Sheet 2: 名称")."""
    return bool(_HEADING.match(text)) or any(mark in text for mark in "。：；:") or len(text) > 40


def _completes(role: str, before: str, fragment: str) -> bool:
    """The 一级 or 二级 above and a fragment below make a label that the text above alone is not
    (服务对象满意 + 度指标, 可持续影 + 响指标): the rest of a label that wrapped. A label alone on its
    line under an empty cell is a merged label centred on its rows (see `_centred_labels`)."""
    if not before:
        return False
    if role == "level1":
        return (
            frame.normalise_level1(before) is None and frame.normalise_level1(before + fragment) is not None
        )
    if role == "level2":
        known = frame.level1_of_level2
        return (
            known(frame.normalise_level2(before)) is None
            and known(frame.normalise_level2(before + fragment)) is not None
        )
    if role == "value" and not DIGIT.search(fragment):
        # the rest of a unit that wrapped in a narrow 指标值 column (≥150万平方 / 米): the same number
        target, whole = parse_target(before), parse_target(before + fragment)
        return target.kind == "number" and whole.kind == "number" and whole.number == target.number
    return False


DIGIT = re.compile(r"\d")


def _closes(text: str) -> bool:
    """A 总分 / 合计 row's label, or a footer's start ("注：…"): what ends a table's indicators."""
    return _is_total(text) or bool(FOOTER.match(text))


def _label_blocks(rows: list[int], found: list[tuple[int, bool]]) -> list[tuple[int, int]] | None:
    """The rows each label of a column spans, as (first, last) places in `rows` (the lines that are
    rows), from the lines the labels stand on (`found`: line, and whether it is a row's own). Labels
    all above their rows (headings): each spans the rows up to the next. Else each is centred on its
    rows, as a PDF prints a merged cell: the split of the rows into blocks, in order, one a label,
    each holding its label's own row, whose centres stand nearest the labels (least squares; line
    positions are rounded, so no single label settles where its block ends). None when there are
    more labels than rows, or too many rows (over 200) to weigh every split."""
    m, n = len(rows), len(found)
    if not m or n > m or m > 200:
        return None
    if found[0][0] < rows[0]:  # a heading above the first row: the labels head their rows
        starts = [next((i for i, r in enumerate(rows) if r > at), m) for at, _ in found]
        ends = [*starts[1:], m]
        return [(a, max(a, b - 1)) for a, b in zip(starts, ends, strict=True)]
    own = [rows.index(at) if is_row else -1 for at, is_row in found]
    inf = float("inf")
    # best[k][j]: the least cost of the first k + 1 labels over rows 0..j, label k's block ending at j
    best = [[inf] * m for _ in range(n)]
    back = [[0] * m for _ in range(n)]
    for k, (at, _) in enumerate(found):
        for j in range(k, m - (n - 1 - k)):  # rows left for the labels after it
            for i in range(0, 1) if k == 0 else range(k, j + 1):  # label k's block: rows i..j
                if own[k] >= 0 and not i <= own[k] <= j:
                    continue
                cost = (0.0 if k == 0 else best[k - 1][i - 1]) + ((rows[i] + rows[j]) / 2 - at) ** 2
                if cost < best[k][j]:
                    best[k][j], back[k][j] = cost, i
    if best[n - 1][m - 1] == inf:
        return None
    blocks: list[tuple[int, int]] = []
    j = m - 1
    for k in range(n - 1, -1, -1):
        i = back[k][j]
        blocks.append((i, j))
        j = i - 1
    return blocks[::-1]


def _carry_up(column: list[str], reach: int) -> bool:
    """A copy that prints a merged 一级 once, in the middle of the rows it spans (a PDF's text): the
    first rows of a body, above the first 一级 printed, are under it. Fills them, when that 一级 stands
    among the first `reach` rows (no row that is no indicator came before it: a line holding only a
    一级 is left out, and the rows above it are under that one); whether any was filled."""
    first = next((k for k, value in enumerate(column) if value), 0)
    if not 0 < first < reach:
        return False
    column[:first] = [column[first]] * first
    return True


def _left_fits(cols: list[tuple[int, str]], texts: Sequence[str]) -> bool:
    """Whether a short row's cells, each in the column it stands in, fit their columns: its weight,
    direction and 一级/二级 cells (at least one of them printed)."""
    checked = [
        (role, texts[k])
        for k, role in cols
        if k < len(texts) and texts[k] and role in ("weight", "nature", "level1", "level2", "forecast")
    ]
    return bool(checked) and all(_fits(role, text) for role, text in checked)


_OPTIONAL = frozenset(
    ["group", "level1", "level2", "unit", "nature", "weight", "seq", "note", "long_term_level1", "long_term_level2",
     "deviation", "likelihood", "task", "forecast"]  # most rows of a self-evaluation have no 偏差原因: a copy leaves the cell out
)  # fmt: skip


_AS_YEARS = {"long_term_level1": "level1", "long_term_level2": "level2"}


def take_row(roles: list[str], texts: list[str], i: int) -> tuple[dict[str, str], int]:
    """Greedy alignment of one row from texts[i:]: a column whose cell does not fit is taken as
    empty (or merged from above). Returns the row and the index of the first text not taken."""
    text: dict[str, str] = {}
    n = len(texts)
    # 绩效指标 beside 一级指标 labels the rows (merged down the table's left), it holds no cells
    group_heads_rows = "group" in roles and "level1" in roles
    for k, role in enumerate(roles):
        following = texts[i + 1] if i + 1 < n else ""
        after = roles[k + 1] if k + 1 < len(roles) else None
        # a cell that does not fit its column still belongs there when the next cell fits the
        # next column and this one does not (a number typed in the unit column, say)
        misfit_in_place = (
            after in ("nature", "weight", "level1")
            and i + 1 < n
            and _fits(after, following)
            and not _fits(after, texts[i])
        )
        # as many cells left as columns: each cell is in its place, whatever it holds
        exact = n - i == len(roles) - k
        fits = i < n and _fits(role, texts[i], following)
        if fits and role == "group" and group_heads_rows:  # only the label printed again
            fits = labels.INDICATOR_COLUMNS.get(labels.label_key(texts[i])) == "group"
        if i < n and (exact or fits or role not in _OPTIONAL or misfit_in_place):
            _put(text, role, texts[i])
            i += 1
            if role == "nature" and i + 1 < n and after in ("value", "weight") and text.get("nature"):
                # 指标性质 over 指标方向 in one cell, a line each (≥ / 正向), the value after them
                if _fits("nature", texts[i]) and _fits(after, texts[i + 1]):
                    text[role] = f"{text[role]}\n{texts[i]}"
                    i += 1
            if role == "name" and after in ("weight", "nature"):
                # a long name broken over two lines: join while the next cell is not yet a
                # weight (or direction) but the one after it is
                while (
                    i + 1 < n
                    and not _fits(after, texts[i])
                    and _fits(after, texts[i + 1], texts[i + 2] if i + 2 < n else "")
                ):
                    text[role] += texts[i]
                    i += 1
        else:
            _put(text, role, "")
    return text, i


def _by_role(roles: Sequence[str], texts: Sequence[str]) -> dict[str, str]:
    """A row's cells by role, its columns' roles given left to right."""
    text = dict(zip(roles, texts, strict=True))
    if len(text) < len(roles):  # a role with two columns: each cell kept
        text = {}
        for role, value in zip(roles, texts, strict=True):
            _put(text, role, value)
    return text


def _put(text: dict[str, str], role: str, value: str) -> None:
    """A cell into a row by role. A header may give a role two columns: 指标性质 ≥ beside 指标方向
    正向, 评分标准 beside 指标解释; both cells are kept, one above the other, where the role is one
    that can hold both, else the filled one."""
    kept = text.get(role)
    if kept and role in _JOINED_ROLES:
        if value:
            text[role] = f"{kept}\n{value}"
    elif value or kept is None:
        text[role] = value


def _align(roles: list[str], cells: list[Cell]) -> tuple[list[dict[str, str]], list[Where], list[Cell]]:
    """A stream without its empty cells, cut into rows by what each column can hold."""
    texts = [c.text for c in cells]
    rows: list[dict[str, str]] = []
    wheres: list[Where] = []
    i = 0
    while i < len(texts):
        start = i
        text, i = take_row(roles, texts, i)
        if i == start:  # nothing fitted: skip the cell rather than loop
            i += 1
            continue
        if not text.get("name") or ("value" in roles and not text.get("value")):
            return rows, wheres, cells[start:]
        rows.append(text)
        wheres.append(cells[start].where)
    return rows, wheres, []


def is_upper_header(texts: Sequence[str]) -> bool:
    """The first row of a two-row indicator header: only column labels and group labels
    ("绩效指标" over 一级 | 二级 | 三级, beside 指标值 | 计量单位 | 分值 merged down)."""
    filled = [t for t in texts if t]
    return bool(filled) and all(
        labels.indicator_column(t) is not None or labels.label_key(t) in labels.INDICATOR_GROUPS
        for t in filled
    )


# what a monitoring table answers under 完成目标可能性 (not a 偏差原因)
_LIKELIHOODS = frozenset(["确定能", "有可能", "完全不可能", "不可能"])
# the options a monitoring table ticks under 偏差原因分析 and 完成目标可能性 (财预〔2019〕136号)
_TICK_OPTIONS = _LIKELIHOODS | frozenset(
    ["经费保障", "制度保障", "人员保障", "硬件条件保障", "硬件保障", "其他", "其它"]
)
_TICKS = frozenset(["√", "✓", "✔", "☑", "■", "●", "是", "v", "V"])  # a cross (✗) says no


def _tick_columns(by_col: dict[int, str], row: GridRow) -> dict[int, list[tuple[int, str]]] | None:
    """The columns of options under a header's 偏差原因分析 or 完成目标可能性, by the column of that
    label: when the row under the header holds only such options. None otherwise."""
    options = {k: text for k, text in enumerate(row.texts) if text}
    if len(options) < 2 or any(labels.label_key(text) not in _TICK_OPTIONS for text in options.values()):
        return None
    groups: dict[int, list[tuple[int, str]]] = {}
    for k, text in options.items():
        owner = max((c for c in by_col if c <= k), default=None)
        if owner is None or by_col[owner] not in ("deviation", "likelihood"):
            return None
        groups.setdefault(owner, []).append((k, labels.label_key(text)))
    return groups


def _ticked(row: GridRow, groups: dict[int, list[tuple[int, str]]]) -> GridRow:
    """A row with its ticked options put in their group's column, as words: 人员保障, 确定能; any
    other text in an option's column (an explanation under 其他) after them."""
    texts = list(row.texts)
    width = max(k for options in groups.values() for k, _ in options) + 1
    texts.extend([""] * (width - len(texts)))
    for owner, options in groups.items():
        ticked = [label for k, label in options if texts[k] in _TICKS]
        written = [texts[k] for k, _ in options if texts[k] and texts[k] not in _TICKS]
        for k, _ in options:
            texts[k] = ""
        texts[owner] = "、".join(ticked + written)
    return row._replace(texts=texts, raws=None)


def _periods_spread(by_col: dict[int, str], below: dict[int, str]) -> dict[int, str] | None:
    """A copy that lost the header's merges (a web page's text): 指标值 printed once over 中长期 |
    年度, which stand alone on the next line from its first column. The value's column becomes the
    periods', and the columns after it move right by as many more. None unless the line below holds
    only periods, and not under the value's column."""
    value_at = next((k for k, role in by_col.items() if role == "value"), None)
    periods = [below[k] for k in sorted(below)]
    if value_at is None or len(periods) < 2 or min(below) == value_at:
        return None
    if any(role not in labels.VALUE_PERIODS.values() for role in periods):
        return None
    more = len(periods) - 1
    spread = {k + more if k > value_at else k: role for k, role in by_col.items() if k != value_at}
    spread.update({value_at + j: role for j, role in enumerate(periods)})
    return spread


def _value_split(by_col: dict[int, str], row: GridRow) -> dict[int, str] | None:
    """The header's roles refined by the row under it, when that row only holds column labels
    (中长期 | 年度 under a merged 指标值, or 指标值 | 计量单位): None when it is an indicator row."""
    found: dict[int, str] = {}
    for k, text in enumerate(row.texts):
        if not text:
            continue
        key = labels.label_key(text)
        role = labels.VALUE_PERIODS.get(key) or labels.indicator_column(text)
        if role is None:
            return None
        found[k] = role
    if not found or "name" in found.values():
        return None
    return {**by_col, **found}


def _block_label(row: list[tuple[int, Cell]], heads: dict[int | None, tuple[int, Cell]]) -> list[int]:
    """The cells left of a row of money columns that only name the block (年度预算, 项目资金（万元）):
    a money label with nothing of its own, not a budget line to add."""
    first = min((col for col in heads if col is not None), default=0)
    found = []
    for k, c in row:
        field = labels.header_field(c.text) if c.text and c.col is not None and c.col < first else None
        if field is not None and field[0] in ("budget_total", "budget_line") and field[1] is None:
            found.append(k)
    return found


def _placed_amounts(heads: list[int], kinds: list[str], row: list[Cell]) -> list[tuple[int, str, Cell]]:
    """A money row's cells under their columns, left to right. A row shorter than the columns (a copy
    that left its empty cells out) fills its first columns, but a percent passes the columns before
    the 执行率 that cannot hold one (分值 of a source's row, left empty, then its 执行率 95.00%)."""
    out: list[tuple[int, str, Cell]] = []
    rate = kinds.index("rate") if "rate" in kinds else -1
    spare = len(heads) - len(row)
    k = 0
    for n, cell in enumerate(row):
        rest = len(row) - n - 1  # the cells after this one, which must still find columns
        if cell.text.endswith("%") and k < rate <= k + spare and len(heads) - rate - 1 >= rest:
            spare -= rate - k
            k = rate
        if k >= len(heads):
            break
        out.append((heads[k], kinds[k], cell))
        k += 1
    return out


def _is_amount(text: str) -> bool:
    try:
        return parse_amount(text.rstrip("%")) is not None
    except ValueError:
        return False


def _simplified(cells: list[Cell]) -> list[Cell]:
    """Traditional script → Simplified in `text` and `anchor`; `raw` stays as printed."""
    from jixiao.readers.chinese import looks_traditional, to_simplified

    if not looks_traditional("".join(c.text for c in cells[:400])):
        return cells
    return [replace(c, text=to_simplified(c.text), anchor=to_simplified(c.anchor)) for c in cells]


def assemble(
    path: str,
    reader: str,
    cells: list[Cell],
    *,
    short_rows_lost_merges: bool = False,
    lines_wrap: bool = False,
) -> Document:
    """Build a Document from a cell stream, or raise a located ReadError."""
    cells = _simplified(cells)
    warnings: list[ReadWarning] = []
    doc = Document(source_path=path, reader=reader, warnings=warnings)
    units: list[str] = []
    pending = PendingRows()  # every table's indicator rows, built together at the end
    for segment in split_tables(cells):
        if segment.title is None and find_indicator_header(segment.cells) is None:
            rows = [list(row) for _, row in groupby(segment.cells, _row_of)]
            unread(warnings, [([c.text for c in row], row[0].where) for row in rows])
            continue
        builder = TableBuilder(segment, warnings, short_rows_lost_merges, pending, lines_wrap)
        table = builder.build()
        if segment.follows and doc.tables:
            # the department and 编制单位 printed once above several tables belong to each
            lead = doc.tables[-1]
            table.department = table.department or lead.department
            table.preparer = table.preparer or lead.preparer
        doc.tables.append(table)
        doc.tables.extend(builder.split)
        units.extend([builder.money_unit or ""] * (1 + len(builder.split)))
    pending.flush()
    if not doc.tables:
        raise ReadError(
            path, "没有找到绩效目标表：既没有“……绩效目标表”之类的标题，也没有“指标 / 指标权重 / 指标值”表头。"
        )
    return finish(doc, units)


def _row_of(cell: Cell) -> tuple[object, ...]:
    """Which printed row a cell stands in: its grid row (of its table, on its page), else its line."""
    w = cell.where
    return (cell.table, cell.row, w.page, w.sheet) if cell.row is not None else (w.line, w.page, w.sheet)


def _quoted(texts: Sequence[str]) -> str:
    shown = " | ".join(t for t in texts if t)
    return shown if len(shown) <= 60 else shown[:60] + "…"


def unread(warnings: list[ReadWarning], rows: Sequence[tuple[Sequence[str], Where]]) -> None:
    """Rows outside every target table (a heading, a note, a budget table beside them): a warning
    each, its filled cells quoted; a run of more than eight (a whole budget document's tables, with
    hundreds of rows) one warning that names its first and last rows and where they stand."""
    filled = [(texts, where._replace(column=None)) for texts, where in rows if any(texts)]
    if len(filled) > 8:
        (first, at), (last, end) = filled[0], filled[-1]
        warnings.append(
            ReadWarning(
                f"表格之外的 {len(filled)} 行文字未读入：从「{_quoted(first)}」到「{_quoted(last)}」"
                f"（{end.describe()}）。",
                at,
            )
        )
        return
    for texts, where in filled:
        warnings.append(ReadWarning(f"表格之外的文字「{_quoted(texts)}」未读入。", where))


def finish(doc: Document, units: list[str]) -> Document:
    """Checks and document-level facts shared by every reader: each table has indicators; the
    document's year, department and money unit are its tables' most common ones. `units` holds
    the money unit each table printed ("" where it printed none); a table that printed another
    unit than the document's has its amounts converted (`in_document_unit`)."""
    path = doc.source_path
    for table in doc.tables:
        if not table.indicators:
            raise ReadError(
                path,
                f"表「{table.title or table.name or '未命名'}」没有任何指标行（未找到“指标 / 指标值”表头，或表头下为空）。",
                table.where,
            )
    years = Counter(t.fiscal_year for t in doc.tables if t.fiscal_year)
    doc.fiscal_year = years.most_common(1)[0][0] if years else None
    for table in doc.tables:
        table.fiscal_year = table.fiscal_year or doc.fiscal_year
    depts = [t.department for t in doc.department_tables if t.department]
    depts = depts or [t.department for t in doc.tables if t.department]
    depts = depts or [t.preparer for t in doc.tables if t.preparer]  # 编制单位 alone names the department
    doc.department = Counter(depts).most_common(1)[0][0] if depts else None
    printed = Counter(u for u in units if u)
    doc.money_unit = printed.most_common(1)[0][0] if printed else "万元"
    in_document_unit(doc, units)
    return doc


def in_document_unit(doc: Document, units: list[str]) -> None:
    """Each table printed in another money unit than the document's (`units`, a table each):
    its amounts converted to the document's unit."""
    for table, unit in zip(doc.tables, units, strict=True):
        if unit != doc.money_unit and unit in FEN_PER_UNIT and doc.money_unit in FEN_PER_UNIT:
            _convert_table(table, unit, doc.money_unit)


def _convert_table(table: TargetTable, printed: str, unit: str) -> None:
    """A table's amounts, printed in `printed` (元), converted to `unit` (万元), exactly; the
    printed unit is kept on the table and each budget line keeps its amount as printed."""
    factor = Decimal(FEN_PER_UNIT[printed]) / FEN_PER_UNIT[unit]

    def convert(amount: Decimal | None) -> Decimal | None:
        if amount is None:
            return None
        value = amount * factor
        cents = value.quantize(Decimal("0.01"))
        return cents if cents == value else value  # 3,500,000.00 元 → 350.00 万元, not 350.000000

    table.budget_total = convert(table.budget_total)
    table.budget_executed = convert(table.budget_executed)
    for line in table.budget_lines:
        line.amount = convert(line.amount)
    table.printed_money_unit = printed
