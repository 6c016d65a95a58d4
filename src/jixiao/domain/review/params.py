"""Review parameters, versioned per region and year in YAML files shipped with the package."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from importlib import resources
from typing import Any, cast

import yaml

from jixiao.domain.review.finding import Severity


def _severity(value: object) -> Severity:
    if value not in ("error", "warning", "info"):
        raise ValueError(f"审核参数中的级别必须是 error、warning 或 info，而不是 {value!r}")
    return cast(Severity, value)


@dataclass(frozen=True)
class DepartmentFrame:
    """A local frame of 一级 dimensions for 部门整体 tables, used instead of 产出/效益."""

    name: str
    basis: str
    dimensions: tuple[str, ...]
    min_dimensions: int


@dataclass(frozen=True)
class ReviewParams:
    version: str
    region: str
    weight_totals: tuple[Decimal, ...]
    required_level1: dict[str, tuple[str, ...]]
    cost_required_keywords: tuple[str, ...]
    cost_required_not: tuple[str, ...]
    cost_severity_required: Severity
    cost_severity_otherwise: Severity
    satisfaction_floor: Decimal
    satisfaction_severity: Severity
    qualitative_grades: frozenset[str]
    goal_boilerplate_min_tables: int
    goal_min_chars: int
    weights_copied_share: Decimal
    weights_copied_min_rows: int
    department_frames: tuple[DepartmentFrame, ...] = ()
    monitoring_execution_floor: dict[int, Decimal] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _files() -> list[dict[str, Any]]:
    folder = resources.files("jixiao.domain.review") / "params"
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            out.append(yaml.safe_load(entry.read_text(encoding="utf-8")))
    return out


_CACHE: dict[tuple[str, int | None], ReviewParams] = {}


def load_params(region: str = "全国", year: int | None = None) -> ReviewParams:
    """The defaults, overridden by every file whose region matches and whose years cover `year`."""
    key = (region, year)
    if key in _CACHE:
        return _CACHE[key]
    files = _files()
    national = [f.get("years", [0, 9999]) for f in files if f.get("region") == "全国"]
    if year is not None and not any(lo <= year <= hi for lo, hi in national):
        year = None  # a year before any rules were written down (a 2012 table): the defaults as they are
    merged: dict[str, Any] = {}
    for f in sorted(files, key=lambda f: (f.get("region") != "全国", f.get("years", [0])[0])):
        lo, hi = f.get("years", [0, 9999])
        if f.get("region") in ("全国", region) and (year is None or lo <= year <= hi):
            merged.update(f)
    p = ReviewParams(
        version=str(merged["version"]),
        region=str(merged.get("region", region)),
        weight_totals=tuple(Decimal(str(w)) for w in merged["weight_totals"]),
        required_level1={k: tuple(v) for k, v in merged["required_level1"].items()},
        cost_required_keywords=tuple(merged["cost_required_keywords"]),
        cost_required_not=tuple(merged.get("cost_required_not") or ()),
        cost_severity_required=_severity(merged["cost_severity_required"]),
        cost_severity_otherwise=_severity(merged["cost_severity_otherwise"]),
        satisfaction_floor=Decimal(str(merged["satisfaction_floor"])),
        satisfaction_severity=_severity(merged["satisfaction_severity"]),
        qualitative_grades=frozenset(merged["qualitative_grades"]),
        goal_boilerplate_min_tables=int(merged["goal_boilerplate_min_tables"]),
        goal_min_chars=int(merged["goal_min_chars"]),
        weights_copied_share=Decimal(str(merged["weights_copied_share"])),
        weights_copied_min_rows=int(merged["weights_copied_min_rows"]),
        monitoring_execution_floor={
            int(month): Decimal(str(share))
            for month, share in (merged.get("monitoring_execution_floor") or {}).items()
        },
        department_frames=tuple(
            DepartmentFrame(
                name=str(name),
                basis=str(frame["basis"]),
                dimensions=tuple(frame["dimensions"]),
                min_dimensions=int(frame["min_dimensions"]),
            )
            for name, frame in (merged.get("department_frames") or {}).items()
        ),
    )
    _CACHE[key] = p
    return p
