"""Build documents from the compact YAML examples in docs/rules/*.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from jixiao.domain.model import BudgetLine, Document, TargetTable, Where
from jixiao.domain.money import parse_amount
from jixiao.readers.indicators import indicator_from_cells

RULES_DIR = Path(__file__).resolve().parents[1] / "docs" / "rules"
_BLOCK = re.compile(r"```yaml (triggers|passes)\n(.*?)```", re.S)
ROLES = ("nature", "name", "weight", "unit", "value")


def card_examples(path: Path) -> dict[str, dict[str, Any]]:
    return {kind: yaml.safe_load(body) for kind, body in _BLOCK.findall(path.read_text(encoding="utf-8"))}


def _table(spec: dict[str, Any], year: int) -> TargetTable:
    table = TargetTable(
        kind=spec["kind"],
        title=spec.get("title")
        or ("部门整体绩效目标表" if spec["kind"] == "department" else "部门专项绩效目标申报表"),
        name=spec.get("name"),
        fiscal_year=year,
        budget_total=parse_amount(spec.get("budget")),
        goal=spec.get("goal"),
        stage=spec.get("stage", "target"),
        score_total=parse_amount(spec.get("score_total")),
        execution_rate=parse_amount(spec.get("execution_rate")),
        extra={str(k): str(v) for k, v in (spec.get("extra") or {}).items()},
    )
    for label, amount in (spec.get("lines") or {}).items():
        table.budget_lines.append(BudgetLine(label, parse_amount(amount), amount or ""))
    for n, row in enumerate(spec.get("rows") or [], start=1):
        cells = (
            dict(zip(ROLES, (str(c) for c in row), strict=True))
            if isinstance(row, list)
            else {("nature" if k == "level1" else k): str(v) for k, v in row.items()}
        )
        table.indicators.append(indicator_from_cells(cells, Where(row=n)))
    return table


def document(spec: dict[str, Any]) -> tuple[Document, Document | None]:
    year = spec.get("year", 2024)
    doc = Document(source_path="example", reader="example", fiscal_year=year)
    doc.tables = [_table(t, year) for t in spec["tables"]]
    previous = None
    if spec.get("previous"):
        previous = Document(source_path="previous", reader="example", fiscal_year=year - 1)
        previous.tables = [_table(t, year - 1) for t in spec["previous"]]
    return doc, previous
