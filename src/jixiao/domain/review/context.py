"""What rules look at: the document, the parameters, and facts derived once per indicator."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress
from operator import attrgetter, eq
from typing import NamedTuple

from jixiao.domain.cache import memo
from jixiao.domain.model import LEVEL1, Document, Indicator, TargetTable
from jixiao.domain.review.finding import Finding, Severity
from jixiao.domain.review.params import DepartmentFrame, ReviewParams
from jixiao.domain.values import (
    Target,
    fold_fullwidth,
    is_percent_unit,
    normalise_text,
    parse_target,
    unspaced,
)

# A number with a unit written into a name: "20人次", "0人次", "90%", "20件次". Years are not targets.
NAME_UNITS = (
    "%|人次|件次|户次|次|人|件|个|万元|元|天|日|户|家|辆|㎡|平方米|公里|千米|km|场|期|批|项|台|套|所|亩|册|篇|份"
    "|小时|个月|吨|株|座|条|处|间|名|例|起|宗|张|本|部|万人|万册|米|公顷|床|班|课时|学时"
)
_NAME_NUMBER = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)({NAME_UNITS})")
_RATE = re.compile(r"(率|满意度|占比|比例|比重|覆盖面)$")
# "零进京上访", "零事故", "……为零" promise zero; "零星维修", "零售", "零部件" do not
_ZERO_NAME = re.compile(
    r"零(事故|伤亡|死亡|投诉|上访|进京|非访|发生|差错|违规|违纪|感染|污染|泄漏|逾期|欠薪|事件|案件|失误|拖欠|安全|重大|缺陷|返工)"
    r"|为零|^无.+(发生|事故)"
)
_NUMBER_ONLY = re.compile(r"[-+]?\d+(\.\d+)?")
_REVERSE = re.compile(
    r"投诉|事故|差错|超支|逾期|发生率|违规|违纪|不良|返工|流失|缺陷|时长|耗时|成本|上访|非访"
)


def dimension_of(ind: Indicator) -> str:
    """The 一级 cell as printed, without spaces or a trailing 指标 ("履职效能", "产出")."""
    printed = "".join((ind.raw.get("level1") or "").split())
    return printed[:-2] if printed.endswith("指标") else printed


def table_finding(
    index: int, table: TargetTable, code: str, severity: Severity, message: str, basis: str
) -> Finding:
    """A finding about a whole table."""
    return Finding(code, severity, index, None, message, basis, table.where)


def table_label(index: int, table: TargetTable) -> str:
    return f"表{index + 1}「{table.name or table.title or '未命名'}」"


def its_own(table: TargetTable) -> str:
    """How a message names the table's own body: a 部门整体 table is the department's, not a project's."""
    return "本部门" if table.kind == "department" else "本项目"


@dataclass(frozen=True, slots=True)
class CellFacts:
    """What review derives from an indicator's cells; shared by identical rows (a cache, not state)."""

    target: Target
    name: str
    name_numbers: tuple[tuple[Decimal, str], ...]
    bare_name: str
    unit_cell: str
    unit: str
    is_percent: bool
    display_unit: str
    is_rate: bool
    is_satisfaction: bool
    is_zero_target: bool
    lower_is_better: bool
    placeholder: str | None  # which cell still holds template text: 指标名称 / 指标值 / 计量单位
    value_text: str  # the value cell, normalised


_PLACEHOLDER = re.compile(r"\*\*|＊＊|[xX]{2,}|_{3,}|^指标\d+$|^(请)?填写|^[（(]?此处")


@memo(1 << 16)
def cell_facts(name_raw: str, value_raw: str, unit_raw: str) -> CellFacts:
    target = parse_target(value_raw)
    name = normalise_text(name_raw)
    name_numbers = tuple((Decimal(n), u) for n, u in _NAME_NUMBER.findall(name))
    bare = _NAME_NUMBER.sub("", name) if name_numbers else name
    rate = bool(_RATE.search(bare))
    if rate and name_numbers:
        # a rate's target is a share: a span or a count in its name ("20个工作日内办结率", "24小时响应率")
        # is a condition of the measure, not a target written into the name; a percent still is one
        name_numbers = tuple((n, u) for n, u in name_numbers if u == "%")
    unit_cell = normalise_text(unit_raw)
    value_text = normalise_text(value_raw)
    unit = unit_cell or (target.unit or "")
    percent = is_percent_unit(unit)
    display = "%" if percent else ("" if _NUMBER_ONLY.fullmatch(unit) else unit)
    zero = bool(_ZERO_NAME.search(bare)) or any(n == 0 for n, _ in name_numbers)
    return CellFacts(
        target=target,
        name=name,
        name_numbers=name_numbers,
        bare_name=bare,
        unit_cell=unit_cell,
        unit=unit,
        is_percent=percent,
        display_unit=display,
        is_rate=rate,
        is_satisfaction="满意" in bare,
        is_zero_target=zero,
        lower_is_better=zero or bool(_REVERSE.search(bare)),
        placeholder=_placeholder(name, value_text, unit_cell, target),
        value_text=value_text,
    )


_SENTENCE = re.compile(r"[。；;！!？?\n]")
_QUOTED = re.compile(r"[“\"「『][^”\"」』]{0,20}[”\"」』]")
# 2024年, 〔2024〕, [2024], 12号: a year or a document number is not a measure. Written to start with
# one character class, which the regex engine skips to (alternatives each tried at every place take
# twice as long): 〔2024〕|[2024]|2024年|12号.
_YEARLIKE = re.compile(r"[\d〔\[](?:(?<=〔)\d{4}〕|(?<=\[)\d{4}\]|(?<=\d)(?:\d{3}年|\d*号))")
# a digit, 零上访/零事故…, 百分之, 全覆盖 (100% starts with a digit), in the same way
_MEASURE = re.compile(
    r"[\d零百全](?:(?<=零)\S{0,3}(?:上访|非访|事故|发生|投诉)|(?<=百)分之|(?<=全)覆盖|(?<=\d))"
)


class GoalFacts(NamedTuple):
    """What review derives from a table's 绩效目标, once for the rules that read it."""

    folded: str  # full-width ASCII folded, no whitespace: "" when nothing is written
    measurable: bool  # names a number, a rate or a zero target, besides years and document numbers
    sentences: tuple[tuple[str, str], ...]  # (folded, as printed) for each sentence of 8 characters or more


@memo(1 << 14)
def goal_facts(goal: str) -> GoalFacts:
    # no NFKC needed: \d matches full-width digits too, and the patterns know both quote forms.
    # Folding full-width ASCII keeps every character in its place and a separator a separator
    # (；！？ → ;!?), so a sentence of the folded goal is printed at the same place in the goal.
    wide = fold_fullwidth(goal)
    folded = unspaced(wide)
    sentences = []
    at = 0
    for part in _SENTENCE.split(wide):
        key = unspaced(part)
        if len(key) >= 8:
            sentences.append((key, goal[at : at + len(part)].strip(" \t\u3000")))
        at += len(part) + 1  # and its separator
    # four searches of the text (memchr) are faster than a look-up of each of its characters
    quoted = '"' in folded or "“" in folded or "「" in folded or "『" in folded
    unquoted = _QUOTED.sub("", folded) if quoted else folded
    return GoalFacts(folded, bool(_MEASURE.search(_YEARLIKE.sub("", unquoted))), tuple(sentences))


def _placeholder(name: str, value: str, unit: str, target: Target) -> str | None:
    for label, cell in (("指标名称", name), ("指标值", value), ("计量单位", unit)):
        if cell and _PLACEHOLDER.search(cell):
            return label
    # a value read as a blank with no digit in it: empty brackets (≥【】%), a sign and its unit (≥  %)
    if target.kind == "placeholder" and not any(c.isdigit() for c in value):
        return "指标值"
    return None


class IndicatorFacts:
    """One indicator in its place (table, row), with the facts rules look at.

    The cell facts live in `c`, shared by identical rows; the attributes below read through to it.
    """

    __slots__ = ("table_index", "index", "table", "ind", "c")

    target: Target
    name: str
    name_numbers: tuple[tuple[Decimal, str], ...]
    bare_name: str
    unit_cell: str
    unit: str
    is_percent: bool
    display_unit: str
    is_rate: bool
    is_satisfaction: bool
    is_zero_target: bool
    lower_is_better: bool
    placeholder: str | None
    value_text: str

    def __init__(
        self, table_index: int, index: int, table: TargetTable, ind: Indicator, c: CellFacts
    ) -> None:
        self.table_index = table_index
        self.index = index
        self.table = table
        self.ind = ind
        self.c = c

    def finding(self, code: str, severity: Severity, message: str, basis: str) -> Finding:
        """A finding on this indicator's row."""
        return Finding(code, severity, self.table_index, self.index, message, basis, self.ind.where)

    @property
    def label(self) -> str:
        return f"{table_label(self.table_index, self.table)}第{self.index + 1}行指标「{self.ind.name or '（无名称）'}」"

    @property
    def value_raw(self) -> str:
        return self.ind.raw.get("value", self.ind.value or "")

    @property
    def weight_raw(self) -> str:
        return self.ind.raw.get("weight", "" if self.ind.weight is None else str(self.ind.weight))


for _name in CellFacts.__dataclass_fields__:
    setattr(IndicatorFacts, _name, property(attrgetter(f"c.{_name}")))
# what whole-table scans read of every row, at C speed (a property is a Python call)
_WEIGHT, _NUMBER, _NAME = attrgetter("ind.weight"), attrgetter("c.target.number"), attrgetter("c.name")


@dataclass
class ReviewContext:
    doc: Document
    params: ReviewParams
    previous: Document | None = None
    facts: list[list[IndicatorFacts]] = field(init=False)
    _all: list[IndicatorFacts] = field(init=False)
    _tables: list[tuple[int, TargetTable]] = field(init=False)

    _groups: list[tuple[CellFacts, list[IndicatorFacts]]] = field(init=False)
    _repeated: list[list[IndicatorFacts]] | None = field(init=False)
    _copied: list[list[IndicatorFacts]] | None = field(init=False)

    def __post_init__(self) -> None:
        # rows with identical cells share one CellFacts: group them, so a rule's test on the
        # cells runs once per distinct content rather than once per row
        groups: dict[tuple[str, str, str], tuple[CellFacts, list[IndicatorFacts]]] = {}
        self.facts = []
        find, make = groups.get, IndicatorFacts  # 10万 rows: names looked up once
        for t, table in enumerate(self.doc.tables):
            row: list[IndicatorFacts] = []
            add = row.append
            for i, ind in enumerate(table.indicators):
                raw = ind.raw
                value, unit = raw.get("value"), raw.get("unit")  # as printed, else as read
                key = (
                    ind.name,
                    (ind.value or "") if value is None else value,
                    (ind.unit or "") if unit is None else unit,
                )
                group = find(key)
                if group is None:
                    group = groups[key] = (cell_facts(*key), [])
                f = make(t, i, table, ind, group[0])
                group[1].append(f)
                add(f)
            self.facts.append(row)
        self._all = [f for row in self.facts for f in row]
        self._tables = list(enumerate(self.doc.tables))
        self._groups = list(groups.values())
        self._repeated: list[list[IndicatorFacts]] | None = None
        self._copied: list[list[IndicatorFacts]] | None = None

    def copied_from_weights(self) -> list[list[IndicatorFacts]]:
        """Per table where the value column was filled with the weights, its rows whose value equals
        their weight (enough of them, by the parameters). Worked out once: the operator and
        values rules both ask."""
        if self._copied is None:
            p = self.params
            # the rows whose value equals their weight, in one pass over the document (most tables
            # have none), then counted against their table's rows that print both
            facts = self._all
            same_by_table: dict[int, list[IndicatorFacts]] = {}
            for f in compress(facts, map(eq, map(_WEIGHT, facts), map(_NUMBER, facts))):
                if f.ind.weight is not None:  # None equals None: a row with neither is no copy
                    same_by_table.setdefault(f.table_index, []).append(f)
            self._copied = []
            for t, same in same_by_table.items():
                if len(same) < p.weights_copied_min_rows:
                    continue
                row = self.facts[t]
                pairs = zip(map(_WEIGHT, row), map(_NUMBER, row), strict=True)
                both = sum(w is not None and n is not None for w, n in pairs)
                if len(same) >= p.weights_copied_share * both:
                    self._copied.append(same)
        return self._copied

    def facts_with_repeated_names(self) -> list[list[IndicatorFacts]]:
        """The tables (as rows of facts) where some indicator name occurs more than once."""
        if self._repeated is None:
            self._repeated = []
            for row in self.facts:
                names = list(filter(None, map(_NAME, row)))
                if len(set(names)) != len(names):
                    self._repeated.append(row)
        return self._repeated

    def matching(self, test: Callable[[CellFacts], bool]) -> list[IndicatorFacts]:
        """The indicators whose cells pass `test`, grouped by content (review() orders findings)."""
        return [f for _, fs in self.matching_groups(test) for f in fs]

    def matching_groups(
        self, test: Callable[[CellFacts], bool]
    ) -> list[tuple[CellFacts, list[IndicatorFacts]]]:
        """The same, as (cells, the indicators printed with them): a rule can settle what depends on
        the cells once for the group, and look at each row only for the rest."""
        return [(c, fs) for c, fs in self._groups if test(c)]

    def tables(self) -> list[tuple[int, TargetTable]]:
        return self._tables

    def department_frame(self, table: TargetTable) -> DepartmentFrame | None:
        """The local frame a 部门整体 table's 一级 cells follow (重庆: 运行成本 … 服务对象满意度), if any:
        most of its 一级 cells name the frame's dimensions and some are not 产出/效益/满意度/成本."""
        if table.kind != "department" or not self.params.department_frames:
            return None
        printed = [dimension_of(i) for i in table.indicators]
        printed = [p for p in printed if p]
        for frame in self.params.department_frames:
            inside = [p for p in printed if p in frame.dimensions]
            if inside and 2 * len(inside) >= len(printed) and any(p not in LEVEL1 for p in inside):
                return frame
        return None

    def indicators(self) -> list[IndicatorFacts]:
        return self._all
