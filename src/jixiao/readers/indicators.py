"""Indicator rows → Indicators, a column at a time.

Every reader ends here with the cells of its indicator rows by column role (name, weight, unit,
nature, value …). The rows of one table share their columns, and rows repeat themselves down a
sheet but for the name (一级, 二级, 计量单位, ≥90%, 20%): so every field but the name is worked out once
per distinct row of those cells (a 指标性质 that is a category in one row and a direction in another
included), and what only some rows have (a wrapped name, a 偏差原因) is patched on the rows it
concerns. One implementation for one row or 10万.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from itertools import chain, islice, repeat
from operator import is_, itemgetter
from typing import Any, TypeVar

from jixiao.domain import frame
from jixiao.domain.cache import memo
from jixiao.domain.model import Indicator, Operator, Where
from jixiao.domain.values import is_direction_word, parse_operator, parse_target

T = TypeVar("T")

# columns kept as printed in `raw` beside the indicator's fields: self-evaluation and monitoring,
# notes, long-term values, the duty a department's indicator serves
KEPT_ROLES = (
    "actual", "score", "deviation", "note", "long_term", "forecast", "likelihood", "task",
    "long_term_level1", "long_term_level2", "long_term_name",  # the central template's mid-term columns
)  # fmt: skip
# columns whose cell is kept in `raw` on every row, empty or not
_RAW_ROLES = ("weight", "unit", "level1", "level2", "value")


def indicator_from_cells(text: dict[str, str], where: Where) -> Indicator:
    """One indicator row, by column role, as printed."""
    return indicators_from_columns(tuple(text), [[v] for v in text.values()], [where])[0]


def indicators_from_rows(texts: Sequence[dict[str, str]], wheres: Sequence[Where]) -> list[Indicator]:
    """Many indicator rows, each by column role, in order; rows with the same columns built together."""
    built: list[Indicator] = []
    pending = PendingRows()
    for text, where in zip(texts, wheres, strict=True):
        pending.add(built, text, where)
    pending.flush()
    return built


class PendingRows:
    """Indicator rows read and not yet built: grouped by their columns, kept a column at a time,
    each with the list its indicator goes to (a table's `indicators`). `flush()` builds every
    group at once (each distinct cell parsed once, across all the tables of a document) and
    appends each indicator to its list in reading order."""

    __slots__ = ("_groups", "_count")

    def __init__(self) -> None:
        # columns → (cells by column, places, destinations as runs [list, rows], reading order)
        self._groups: dict[
            tuple[str, ...], tuple[list[list[str]], list[Where], list[list[Any]], list[int]]
        ] = {}
        self._count = 0

    def _group(
        self, roles: tuple[str, ...]
    ) -> tuple[list[list[str]], list[Where], list[list[Any]], list[int]]:
        group = self._groups.get(roles)
        if group is None:
            group = self._groups[roles] = ([[] for _ in roles], [], [], [])
        return group

    def add(self, into: list[Indicator], text: dict[str, str], where: Where) -> None:
        """One row, by column role."""
        cols, wheres, runs, order = self._group(tuple(text))
        for col, cell in zip(cols, text.values()):  # noqa: B905  (same length by construction)
            col.append(cell)
        wheres.append(where)
        _count_into(runs, into, 1)
        order.append(self._count)
        self._count += 1

    def add_rows(
        self, intos: Sequence[list[Indicator]], texts: Sequence[dict[str, str]], wheres: Sequence[Where]
    ) -> None:
        """Many rows, each by column role, each with the list it goes to."""
        if not texts:
            return
        keys = texts[0].keys()
        if all(map(keys.__eq__, map(dict.keys, texts))) and all(map(is_, intos, repeat(intos[0]))):
            # the usual body: one table, one set of columns
            roles = tuple(keys)
            self.extend(intos[0], roles, [list(map(itemgetter(r), texts)) for r in roles], wheres)
        else:
            for into, text, where in zip(intos, texts, wheres, strict=True):
                self.add(into, text, where)

    def extend(
        self,
        into: list[Indicator],
        roles: tuple[str, ...],
        cells: Sequence[Sequence[str]],
        wheres: Sequence[Where],
    ) -> None:
        """Many rows of one table, a column per role (cells[j][k]: role j of row k)."""
        self.extend_runs([(into, len(wheres))], roles, cells, wheres)

    def extend_runs(
        self,
        intos: Sequence[tuple[list[Indicator], int]],
        roles: tuple[str, ...],
        cells: Sequence[Sequence[str]],
        wheres: Sequence[Where],
    ) -> None:
        """Many rows, a column per role, in runs of rows that each go to one list (a summary's
        projects, each a table of its own)."""
        cols, at, runs, order = self._group(roles)
        for col, new in zip(cols, cells, strict=True):
            col.extend(new)
        n = len(wheres)
        at.extend(wheres)
        for into, rows in intos:
            if rows:
                _count_into(runs, into, rows)
        order.extend(range(self._count, self._count + n))
        self._count += n

    def flush(self) -> None:
        """Build every row read and append each to its list, in reading order."""
        groups, self._groups, self._count = self._groups, {}, 0
        if len(groups) == 1:  # the usual document: one set of columns, already in order
            ((roles, (cols, wheres, runs, _)),) = groups.items()
            built = iter(indicators_from_columns(roles, cols, wheres))
            for into, n in runs:
                into.extend(islice(built, n))
            return
        order_built: list[tuple[int, list[Indicator], Indicator]] = []
        for roles, (cols, wheres, runs, order) in groups.items():
            intos = chain.from_iterable(repeat(into, n) for into, n in runs)
            order_built.extend(zip(order, intos, indicators_from_columns(roles, cols, wheres), strict=True))
        order_built.sort(key=itemgetter(0))
        for _, into, ind in order_built:
            into.append(ind)


def _count_into(runs: list[list[Any]], into: list[Indicator], n: int) -> None:
    """`n` more rows go to `into`: the last run grows when it goes there too (a table's rows)."""
    if runs and runs[-1][0] is into:
        runs[-1][1] += n
    else:
        runs.append([into, n])


def indicators_from_columns(
    roles: Sequence[str], cols: Sequence[Sequence[str]], wheres: Sequence[Where]
) -> list[Indicator]:
    """Indicators from columns of cells (cols[j][k]: role j of row k), located by `wheres`."""
    n = len(wheres)
    col = dict(zip(roles, cols, strict=True))
    # every field but the name and the texts kept as printed follows from a row's cells under
    # these columns, and 10万 rows repeat a few thousand of them: each is worked out once, and
    # rows printed alike share one `raw` (fewer objects to make, look up in review and free)
    keyed = tuple(r for r in _KEYED_ROLES if r in col)
    printed = list(zip(*(col[r] for r in keyed), strict=True)) if keyed else [()] * n
    once = {cells: _fields(keyed, cells) for cells in dict.fromkeys(printed)}
    fields = list(map(once.__getitem__, printed))
    level1s, level2s, weights, operators, values, units, raws = (
        list(map(itemgetter(j), fields)) for j in range(7)
    )

    names = list(col.get("name", repeat("", n)))
    if "\n" in "".join(names):  # a name wrapped inside its cell: one line
        for k in [k for k, name in enumerate(names) if "\n" in name]:
            raws[k] = {**raws[k], "name": names[k]}
            names[k] = join_lines(names[k])
    for role in KEPT_ROLES:  # an empty 偏差原因 or 备注 says nothing: no key, as without the column
        if role in col:
            cells = col[role]
            for k in _filled(cells):
                raws[k] = {**raws[k], role: cells[k]}
    built = [names, level1s, level2s, weights, operators, values, units, raws, wheres]
    if "actual" in col or "score" in col or "deviation" in col:  # a self-evaluation's or monitoring's
        nones: list[Any] = [None] * n  # a column the rows do not have
        built.append([c or None for c in col["actual"]] if "actual" in col else nones)
        built.append(_parsed(_weight, col["score"]) if "score" in col else nones)
        built.append([c or None for c in col["deviation"]] if "deviation" in col else nones)
    # positional, in field order (twice as fast as keywords); the fields left out keep their default
    return list(map(Indicator, *built))


# the columns whose cells settle an indicator's category, weight, direction, value, unit and `raw`
_KEYED_ROLES = ("weight", "unit", "level1", "level2", "value", "nature", "group")


@memo(1 << 14)  # tables across a workbook (a sheet each) print the same rows again
def _fields(
    roles: tuple[str, ...], printed: tuple[str, ...]
) -> tuple[str | None, str | None, Decimal | None, Operator | None, str | None, str | None, dict[str, str]]:
    """level1, level2, weight, operator, value, unit and raw of a row whose cells under `roles`
    are `printed`."""
    cells = dict(zip(roles, printed, strict=True))
    raw = {r: cells[r] for r in _RAW_ROLES if r in cells}  # kept on every row, empty or not
    level1 = frame.normalise_level1(cells.get("level1"))
    level2 = frame.normalise_level2(cells["level2"]) if "level2" in cells else None
    weight = _weight(cells["weight"]) if "weight" in cells else None
    unit = cells.get("unit") or None
    direction = None
    nature = cells.get("nature")
    if nature:
        category, direction, printed_category, printed_direction = _natures(nature)
        if category:  # 指标性质 holds a category in one template …
            raw["level1"] = printed_category
            level1 = level1 or category
        if printed_direction:  # … and a direction (≥ ＝ ≤) in another
            raw["operator"] = printed_direction
    if "value" in cells:
        operator, value, unit = _value_fields(cells["value"], unit, direction)
    else:
        operator, value = direction, None
    group = cells.get("group")
    if group and level1 is None:  # the merged 绩效指标 column holds the category in some templates
        level1 = frame.normalise_level1(group)
        if level1:
            raw["level1"] = group
    if level1 is None:
        level1 = frame.level1_of_level2(level2)
    return level1, level2, weight, operator, value, unit, raw


def picker(indexes: Sequence[int]) -> Callable[[Sequence[T]], tuple[T, ...]]:
    """The items at `indexes` of a sequence, as a tuple, at C speed (itemgetter, which gives a bare
    item for one index)."""
    if len(indexes) == 1:
        only = indexes[0]
        return lambda items: (items[only],)
    return itemgetter(*indexes)


def _parsed(parse: Callable[[str], T], cells: Sequence[str]) -> list[T]:
    """parse() over a column, called once per distinct cell."""
    seen = {c: parse(c) for c in set(cells)}
    return list(map(seen.__getitem__, cells))


def _filled(cells: Sequence[str]) -> list[int]:
    """The rows whose cell is not empty: the few rows a patch concerns (often none at all)."""
    return [k for k, cell in enumerate(cells) if cell] if any(cells) else []


def _natures(cell: str) -> tuple[str | None, Operator | None, str, str]:
    """The category and direction a 指标性质 cell gives, and the text printed for each. Two such
    columns (指标性质 ≥ beside 指标方向 正向) come as two lines: a sign or 定性 says more than a
    word for a direction, which says more than 定量."""
    category, direction = _nature(cell)
    if category or direction:
        return category, direction, cell if category else "", "" if category else cell
    lines = [line for line in cell.split("\n") if line.strip()] if "\n" in cell else _two_words(cell)
    if not lines:
        return None, None, "", cell
    read = [(line, *_nature(line)) for line in lines]
    category, printed_category = next(((c, line) for line, c, _ in read if c), (None, ""))
    others = [line for line in lines if line != printed_category]
    ranked = [(_says(line, op), op) for line, _, op in read]
    direction = max(ranked, key=itemgetter(0), default=(0, None))[1]
    if not printed_category:
        return category, direction, "", cell  # the cell as printed, spaces and breaks kept
    return category, direction, printed_category, ("\n" if "\n" in cell else "").join(others)


def is_nature(cell: str) -> bool:
    """Whether a cell reads as a 指标性质: a category or a direction, or two of them (≥ over 正向,
    or run together, "≥ 正向", as a copy joins a cell's lines)."""
    if len(cell) > 12:  # no 指标性质 is that long: a name or a value
        return False
    category, direction, _, _ = _natures(cell)
    return category is not None or direction is not None


def _two_words(cell: str) -> list[str]:
    """A cell that holds two 指标性质 words run together ("≥正向": the two lines of a cell, joined by
    a copy that lost the break), as the two; else none."""
    for k in range(1, len(cell)):
        parts = [cell[:k].strip(), cell[k:].strip()]
        if all(parts) and all(any(_nature(part)) for part in parts):
            return parts
    return []


def _says(line: str, op: Operator | None) -> int:
    """How much a 指标性质 line says of a target's direction: a sign or 定性 most, 正向 / 反向 less."""
    if op is None:
        return 0
    return 1 if is_direction_word(line) else 2


def _nature(cell: str) -> tuple[str | None, Operator | None]:
    """A 指标性质 cell: a category (产出 / 效益 / 满意度) in one template, a direction in another."""
    if not cell:
        return None, None
    category = frame.normalise_level1(cell)
    return (category, None) if category else (None, parse_operator(cell))


_CJK_EDGE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def join_lines(text: str) -> str:
    """Lines of one cell as one line: no space between Chinese characters, one between words."""
    out = ""
    for line in (x.strip() for x in text.splitlines()):
        if not line:
            continue
        if out and not (_CJK_EDGE.match(out[-1]) or _CJK_EDGE.match(line[0])):
            out += " "
        out += line
    return out


ENDS_A_SENTENCE = ("。", "；", ";", "！", "!", "？", "?", ".")
# a line that starts an item of a list: 目标2：, 任务三、, 2. , （二）, ②
_STARTS_AN_ITEM = re.compile(
    r"^(?:(?:目标|任务)?[\d一二三四五六七八九十]{1,3}[、.．:：)）]|[(（][\d一二三四五六七八九十]{1,3}[)）]|[①-⑳])"
)


def join_wrapped(text: str) -> str:
    """Lines of one cell in a copy that kept no mark of which breaks were typed: a line that ends a
    sentence, followed by one that starts an item (目标1：… 。 / 目标2：…), was broken by hand and
    keeps its break, as do two words of a 指标性质 (≥ over 正向); the others were wrapped by the
    column and are joined (`join_lines`)."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    parts: list[list[str]] = [[]]
    for k, line in enumerate(lines):
        if k and (
            (lines[k - 1].endswith(ENDS_A_SENTENCE) and _STARTS_AN_ITEM.match(line))
            or (any(_nature(lines[k - 1])) and any(_nature(line)))  # ≥ over 正向: two words
        ):
            parts.append([])
        parts[-1].append(line)
    return "\n".join(join_lines("\n".join(p)) for p in parts)


@memo(1 << 16)
def _value_parts(cell: str) -> tuple[Operator | None, str | None, str | None]:
    """A 指标值 cell's operator, value and unit (memoised: the same values recur across tables)."""
    target = parse_target(cell)
    return target.operator, target.value, target.unit


def _value_fields(
    cell: str, unit: str | None, direction: Operator | None
) -> tuple[Operator | None, str | None, str | None]:
    """An indicator's operator, value and unit from its 指标值 cell, its 计量单位 cell and the
    direction a 指标性质 cell gives: what the value cell prints comes first."""
    op, value, value_unit = _value_parts(cell)
    return op or direction, value, unit or value_unit or None


@memo(4096)
def _weight(text: str) -> Decimal | None:
    target = parse_target(text)
    return target.number if target.kind == "number" else None
