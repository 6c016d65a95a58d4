"""Findings: small typed records with a stable code, a place and a reason (frictionless-style)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal, NamedTuple

from jixiao.domain.model import Where

if TYPE_CHECKING:
    from jixiao.domain.review.context import ReviewContext

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}

BASIS_101 = "财预〔2021〕101号"
BASIS_88 = "财预〔2015〕88号"
BASIS_10 = "财预〔2020〕10号"
BASIS_136 = "财预〔2019〕136号"
PRACTICE = "审核实务"


class Finding(NamedTuple):
    """One defect at one place. A named tuple: immutable and cheap, as reviews yield many."""

    code: str
    severity: Severity
    table: int | None
    indicator: int | None
    message: str
    basis: str
    where: Where = Where()

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "table": self.table,
            "indicator": self.indicator,
            "message": self.message,
            "basis": self.basis,
            "where": self.where.as_dict(),
        }


RuleFn = Callable[["ReviewContext"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    family: str
    severity: Severity
    title: str
    basis: str
    check: RuleFn


RULES: dict[str, Rule] = {}


def rule(code: str, *, family: str, severity: Severity, title: str, basis: str) -> Callable[[RuleFn], RuleFn]:
    """Register a rule. Its code is stable: docs/rules/<code>.md explains it."""

    def register(fn: RuleFn) -> RuleFn:
        if code in RULES:
            raise ValueError(f"duplicate rule code {code}")
        RULES[code] = Rule(code, family, severity, title, basis, fn)
        return fn

    return register
