"""What rules look at: the document, the parameters, and facts derived once per indicator."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property

from jixiao.domain.model import Document, Indicator, TargetTable
from jixiao.domain.review.params import ReviewParams
from jixiao.domain.values import Target, is_percent_unit, normalise_text, parse_target

# A number with a unit written into a name: "20人次", "0人次", "90%", "20件次". Years are not targets.
NAME_UNITS = (
    "%|人次|件次|户次|次|人|件|个|万元|元|天|日|户|家|辆|㎡|平方米|公里|千米|km|场|期|批|项|台|套|所|亩|册|篇|份"
    "|小时|个月|吨|株|座|条|处|间|名|例|起|宗|张|本|部|万人|万册|米|公顷|床|班|课时|学时"
)
_NAME_NUMBER = re.compile(rf"(?<![\d.])(\d+(?:\.\d+)?)({NAME_UNITS})")
_RATE = re.compile(r"(率|满意度|占比|比例|比重|覆盖面)$")
_ZERO_NAME = re.compile(r"^零|零(发生|事故|投诉|差错|伤亡|上访|进京)|为零|^无.+(发生|事故)")
_REVERSE = re.compile(
    r"投诉|事故|差错|超支|逾期|发生率|违规|违纪|不良|返工|流失|缺陷|时长|耗时|成本|上访|非访"
)


def table_label(index: int, table: TargetTable) -> str:
    return f"表{index + 1}「{table.name or table.title or '未命名'}」"


@dataclass
class IndicatorFacts:
    table_index: int
    index: int
    table: TargetTable
    ind: Indicator

    @cached_property
    def target(self) -> Target:
        return parse_target(self.ind.raw.get("value", self.ind.value))

    @cached_property
    def name(self) -> str:
        return normalise_text(self.ind.name)

    @cached_property
    def name_numbers(self) -> list[tuple[Decimal, str]]:
        return [(Decimal(n), u) for n, u in _NAME_NUMBER.findall(self.name)]

    @cached_property
    def bare_name(self) -> str:
        """The name without the target written into it: "满意度90%" → "满意度"."""
        return _NAME_NUMBER.sub("", self.name)

    @property
    def unit_cell(self) -> str:
        return normalise_text(self.ind.raw.get("unit", self.ind.unit or ""))

    @property
    def unit(self) -> str:
        return self.unit_cell or (self.target.unit or "")

    @property
    def display_unit(self) -> str:
        """The unit to suggest in a message: "%" for 百分比, nothing when the cell holds a number."""
        if self.is_percent:
            return "%"
        return "" if re.fullmatch(r"[-+]?\d+(\.\d+)?", self.unit) else self.unit

    @property
    def is_percent(self) -> bool:
        return is_percent_unit(self.unit)

    @cached_property
    def is_rate(self) -> bool:
        return bool(_RATE.search(self.bare_name))

    @cached_property
    def is_satisfaction(self) -> bool:
        return "满意" in self.bare_name

    @cached_property
    def is_zero_target(self) -> bool:
        return bool(_ZERO_NAME.search(self.bare_name)) or any(n == 0 for n, _ in self.name_numbers)

    @cached_property
    def lower_is_better(self) -> bool:
        return self.is_zero_target or bool(_REVERSE.search(self.bare_name))

    @property
    def label(self) -> str:
        return f"{table_label(self.table_index, self.table)}第{self.index + 1}行指标「{self.ind.name or '（无名称）'}」"

    @property
    def value_raw(self) -> str:
        return self.ind.raw.get("value", self.ind.value or "")

    @property
    def weight_raw(self) -> str:
        return self.ind.raw.get("weight", "" if self.ind.weight is None else str(self.ind.weight))


@dataclass
class ReviewContext:
    doc: Document
    params: ReviewParams
    previous: Document | None = None
    facts: list[list[IndicatorFacts]] = field(init=False)

    def __post_init__(self) -> None:
        self.facts = [
            [IndicatorFacts(t, i, table, ind) for i, ind in enumerate(table.indicators)]
            for t, table in enumerate(self.doc.tables)
        ]

    def tables(self) -> list[tuple[int, TargetTable]]:
        return list(enumerate(self.doc.tables))

    def indicators(self) -> list[IndicatorFacts]:
        return [f for row in self.facts for f in row]
