"""Document ⇄ the interchange JSON of DESIGN.md (`jixiao.document/1`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.domain.model import BudgetLine, Document, Indicator, ReadWarning, TargetTable, Where

FORMAT = "jixiao.document/1"


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def _undec(value: object) -> Decimal | None:
    return None if value is None or value == "" else Decimal(str(value))


def indicator_to_dict(ind: Indicator, stage: str = "target") -> dict[str, Any]:
    out: dict[str, Any] = {
        "level1": ind.level1,
        "level2": ind.level2,
        "name": ind.name,
        "weight": _dec(ind.weight),
        "operator": ind.operator,
        "value": ind.value,
        "unit": ind.unit,
        "raw": dict(ind.raw),
        "where": ind.where.as_dict(),
    }
    if stage != "target":
        out.update(actual=ind.actual, score=_dec(ind.score), deviation=ind.deviation)
    return out


def table_to_dict(t: TargetTable) -> dict[str, Any]:
    out: dict[str, Any] = {
        "kind": t.kind,
        "stage": t.stage,
        "title": t.title,
        "name": t.name,
        "department": t.department,
        "preparer": t.preparer,
        "fiscal_year": t.fiscal_year,
        "budget_total": _dec(t.budget_total),
        "budget_label": t.budget_label,
        "budget_lines": [{"label": b.label, "amount": _dec(b.amount)} for b in t.budget_lines],
        "overview": t.overview,
        "basis": t.basis,
        "goal": t.goal,
        "extra": dict(t.extra),
        "weight_total": _dec(t.weight_total),
        "where": t.where.as_dict(),
        "indicators": [indicator_to_dict(i, t.stage) for i in t.indicators],
    }
    if t.printed_money_unit:  # its amounts above are in the document's unit, converted from this one
        out["printed_money_unit"] = t.printed_money_unit
    if t.stage != "target":
        out.update(
            budget_executed=_dec(t.budget_executed),
            execution_rate=_dec(t.execution_rate),
            score_total=_dec(t.score_total),
            grade=t.grade,
        )
    return out


def document_to_dict(doc: Document) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "source": {"path": doc.source_path, "reader": doc.reader, "encoding": doc.encoding},
        "fiscal_year": doc.fiscal_year,
        "department": doc.department,
        "money_unit": doc.money_unit,
        "tables": [table_to_dict(t) for t in doc.tables],
        "warnings": [{"message": w.message, "where": w.where.as_dict()} for w in doc.warnings],
    }


def _where(d: dict[str, Any] | None) -> Where:
    return Where(**(d or {}))


def document_from_dict(data: dict[str, Any]) -> Document:
    """The inverse of document_to_dict: the API and open-data imports read this shape."""
    if data.get("format") != FORMAT:
        raise ValueError(f"不是 {FORMAT} 格式的文档（format = {data.get('format')!r}）。")
    src = data.get("source") or {}
    doc = Document(
        source_path=src.get("path") or "",
        reader=src.get("reader") or "json",
        fiscal_year=data.get("fiscal_year"),
        department=data.get("department"),
        money_unit=data.get("money_unit") or "万元",
        encoding=src.get("encoding"),
        warnings=[ReadWarning(w["message"], _where(w.get("where"))) for w in data.get("warnings") or []],
    )
    for t in data.get("tables") or []:
        table = TargetTable(
            kind=t["kind"],
            title=t.get("title") or "",
            name=t.get("name"),
            department=t.get("department"),
            preparer=t.get("preparer"),
            fiscal_year=t.get("fiscal_year"),
            budget_total=_undec(t.get("budget_total")),
            budget_label=t.get("budget_label"),
            budget_lines=[
                BudgetLine(b["label"], _undec(b.get("amount"))) for b in t.get("budget_lines") or []
            ],
            overview=t.get("overview"),
            basis=t.get("basis"),
            goal=t.get("goal"),
            stage=t.get("stage") or "target",
            where=_where(t.get("where")),
            extra=dict(t.get("extra") or {}),
            budget_executed=_undec(t.get("budget_executed")),
            execution_rate=_undec(t.get("execution_rate")),
            score_total=_undec(t.get("score_total")),
            grade=t.get("grade"),
            printed_money_unit=t.get("printed_money_unit"),
        )
        for i in t.get("indicators") or []:
            table.indicators.append(
                Indicator(
                    name=i.get("name") or "",
                    level1=i.get("level1"),
                    level2=i.get("level2"),
                    weight=_undec(i.get("weight")),
                    operator=i.get("operator"),
                    value=i.get("value"),
                    unit=i.get("unit"),
                    raw=dict(i.get("raw") or {}),
                    where=_where(i.get("where")),
                    actual=i.get("actual"),
                    score=_undec(i.get("score")),
                    deviation=i.get("deviation"),
                )
            )
        doc.tables.append(table)
    return doc
