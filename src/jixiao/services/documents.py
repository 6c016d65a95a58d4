"""Storing documents: one service call, one transaction, one audit entry."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from typing import Any

from django.db import transaction

from jixiao.domain import model as dm
from jixiao.domain.money import from_fen, to_fen
from jixiao.domain.values import department_name
from jixiao.services.audit import log_action
from jixiao.services.review import store_findings
from jixiao.web.core import models as db
from jixiao.writers.json import document_to_dict


def content_hash(doc: dm.Document, content: bytes | None) -> str:
    """The file's bytes when we have them; otherwise the document's own JSON."""
    if content is None:
        content = json.dumps(document_to_dict(doc), ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(content).hexdigest()


def _department(printed: str | None) -> db.Department | None:
    """The department a table names, by its name without the budget code some templates print
    beside it (主管部门及代码: "[201]某区城市管理局"); the table keeps what it printed."""
    if not printed or not printed.strip():
        return None
    dept, _ = db.Department.objects.get_or_create(name=department_name(printed))
    return dept


def _year(year: int | None) -> db.FiscalYear | None:
    if not year:
        return None
    fy, _ = db.FiscalYear.objects.get_or_create(year=year)
    return fy


@transaction.atomic
def do_load_document(
    doc: dm.Document, *, content: bytes | None, actor: Any
) -> tuple[db.SourceDocument, bool]:
    """Store a read document with all its tables, or nothing. The same content is stored once."""
    sha = content_hash(doc, content)
    existing = db.SourceDocument.objects.filter(sha256=sha).first()
    if existing is not None:
        return existing, False
    unit = doc.money_unit if doc.money_unit in ("元", "万元", "亿元") else "万元"
    record = db.SourceDocument.objects.create(
        fiscal_year=_year(doc.fiscal_year),
        department=_department(doc.department),
        source_path=doc.source_path,
        reader=doc.reader,
        encoding=doc.encoding or "",
        sha256=sha,
        money_unit=unit,
        warnings=[{"message": w.message, "where": w.where.as_dict()} for w in doc.warnings],
        loaded_by=actor if getattr(actor, "pk", None) else None,
    )
    lines: list[db.BudgetLine] = []
    indicators: list[db.Indicator] = []
    for pos, t in enumerate(doc.tables):
        table = db.TargetTable.objects.create(
            document=record,
            position=pos,
            kind=t.kind,
            stage=t.stage,
            title=t.title,
            name=t.name,
            department=_department(t.department or doc.department),
            department_raw=t.department,
            preparer=t.preparer,
            fiscal_year=_year(t.fiscal_year or doc.fiscal_year),
            budget_total_fen=None if t.budget_total is None else to_fen(t.budget_total, unit),
            budget_total_raw=None if t.budget_total is None else str(t.budget_total),
            budget_label=t.budget_label,
            overview=t.overview,
            basis=t.basis,
            goal=t.goal,
            where=t.where.as_dict(),
            extra=dict(t.extra),
            budget_executed_fen=None if t.budget_executed is None else to_fen(t.budget_executed, unit),
            budget_executed_raw=None if t.budget_executed is None else str(t.budget_executed),
            execution_rate_centi=db.centi(t.execution_rate),
            execution_rate_raw=None if t.execution_rate is None else str(t.execution_rate),
            score_total_centi=db.centi(t.score_total),
            score_total_raw=None if t.score_total is None else str(t.score_total),
            grade=t.grade,
        )
        for k, b in enumerate(t.budget_lines):
            lines.append(
                db.BudgetLine(
                    table=table,
                    position=k,
                    label=b.label,
                    amount_fen=None if b.amount is None else to_fen(b.amount, unit),
                    raw=b.raw or ("" if b.amount is None else str(b.amount)),
                )
            )
        for k, i in enumerate(t.indicators):
            indicators.append(
                db.Indicator(
                    table=table,
                    position=k,
                    level1=i.level1,
                    level2=i.level2,
                    name=i.name,
                    weight_centi=db.centi(i.weight),
                    operator=i.operator,
                    value=i.value,
                    unit=i.unit,
                    raw=i.raw,
                    where=i.where.as_dict(),
                    actual=i.actual,
                    score_centi=db.centi(i.score),
                    deviation=i.deviation,
                )
            )
    db.BudgetLine.objects.bulk_create(lines)
    db.Indicator.objects.bulk_create(indicators)
    replaced = _supersede_earlier_versions(record, doc)
    findings = store_findings(record)
    log_action(
        "document.loaded",
        record,
        actor=actor,
        data={
            "path": doc.source_path,
            "tables": len(doc.tables),
            "indicators": len(indicators),
            "findings": len(findings),
            "replaces": replaced,
        },
    )
    return record, True


def _table_keys(tables: Any) -> set[tuple[str, str]]:
    return {(t.kind, (t.name or t.title or "").strip()) for t in tables}


def _supersede_earlier_versions(record: db.SourceDocument, doc: dm.Document) -> list[int]:
    """A file with the same department, year and tables as a stored one is its new version (the
    same declaration re-read from another format, or corrected): the older one is kept but no
    longer current."""
    if record.department_id is None or record.fiscal_year_id is None:
        return []
    keys = _table_keys(doc.tables)
    replaced = []
    earlier = db.SourceDocument.objects.filter(
        department_id=record.department_id, fiscal_year_id=record.fiscal_year_id, superseded_by__isnull=True
    ).exclude(pk=record.pk)
    for old in earlier.prefetch_related("tables"):
        if _table_keys(old.tables.all()) == keys:
            old.superseded_by = record
            old.save(update_fields=["superseded_by"])
            replaced.append(old.pk)
    return replaced


def _amount(fen: int | None, unit: str, raw: str | None):  # type: ignore[no-untyped-def]
    """分 → the amount with the decimals it was printed with (10.14 stays 10.14, 160.00 stays 160.00,
    a rate printed 40% stays 40)."""
    if fen is None:
        return None
    if raw and "." in raw:
        places = sum(1 for ch in raw.split(".")[1] if ch.isdigit())
    else:
        places = 0 if raw and any(ch.isdigit() for ch in raw) else 2
    return from_fen(fen, unit, places=places)


def _exact(centi: int | None, raw: str | None) -> Decimal | None:
    """A rate or a score as stored, with the decimals it was printed with (95.00 stays 95.00)."""
    if centi is None:
        return None
    value = db.from_centi(centi)
    if raw:
        try:
            printed = Decimal(raw)
        except ArithmeticError:
            return value
        if printed == value:
            return printed
    return value


def document_of(record: db.SourceDocument) -> dm.Document:
    """What the database holds, back as a domain Document (for review, display and export)."""
    unit = record.money_unit
    doc = dm.Document(
        source_path=record.source_path,
        reader=record.reader,
        fiscal_year=record.fiscal_year.year if record.fiscal_year else None,
        department=record.department.name if record.department else None,
        money_unit=unit,
        encoding=record.encoding or None,
        warnings=[dm.ReadWarning(w["message"], dm.Where(**w.get("where", {}))) for w in record.warnings],
    )
    tables = record.tables.select_related("fiscal_year").prefetch_related("budget_lines", "indicators")
    for t in tables:
        table = dm.TargetTable(
            kind=t.kind,  # type: ignore[arg-type]
            title=t.title,
            name=t.name,
            department=t.department_raw,
            preparer=t.preparer,
            fiscal_year=t.fiscal_year.year if t.fiscal_year else None,
            budget_total=_amount(t.budget_total_fen, unit, t.budget_total_raw),
            budget_label=t.budget_label,
            budget_lines=[
                dm.BudgetLine(b.label, _amount(b.amount_fen, unit, b.raw), b.raw)
                for b in t.budget_lines.all()
            ],
            overview=t.overview,
            basis=t.basis,
            goal=t.goal,
            stage=t.stage,  # type: ignore[arg-type]
            where=dm.Where(**t.where),
            extra=dict(t.extra),
            budget_executed=_amount(t.budget_executed_fen, unit, t.budget_executed_raw),
            execution_rate=_exact(t.execution_rate_centi, t.execution_rate_raw),
            score_total=_exact(t.score_total_centi, t.score_total_raw),
            grade=t.grade,
        )
        for i in t.indicators.all():
            table.indicators.append(
                dm.Indicator(
                    name=i.name,
                    level1=i.level1,
                    level2=i.level2,
                    weight=db.from_centi(i.weight_centi),
                    operator=i.operator,  # type: ignore[arg-type]
                    value=i.value,
                    unit=i.unit,
                    raw=dict(i.raw),
                    where=dm.Where(**i.where),
                    actual=i.actual,
                    score=db.from_centi(i.score_centi),
                    deviation=i.deviation,
                )
            )
        doc.tables.append(table)
    return doc
