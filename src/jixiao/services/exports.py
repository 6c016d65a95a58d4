"""What the database holds for a department, a fiscal year or a whole district, as documents."""

from __future__ import annotations

from decimal import Decimal

from jixiao.domain.model import Document
from jixiao.domain.money import FEN_PER_UNIT
from jixiao.services.documents import document_of
from jixiao.web.core import models as db


def department_documents(year: int, department: str | None = None) -> list[tuple[str, Document]]:
    """One document per department (all its stored tables for the year), in name order."""
    records = db.SourceDocument.objects.filter(fiscal_year__year=year).select_related(
        "department", "fiscal_year"
    )
    if department:
        records = records.filter(department__name=department)
    out: dict[str, Document] = {}
    for record in records.order_by("department__name", "loaded_at", "id"):
        name = record.department.name if record.department else "（未写明部门）"
        doc = document_of(record)
        if name in out:
            out[name].tables.extend(doc.tables)
        else:
            doc.source_path = f"{name} {year}"
            out[name] = doc
    return sorted(out.items())


def merged(year: int, parts: list[tuple[str, Document]]) -> Document:
    """All departments' tables in one document; amounts in 元 are converted when others are in 万元."""
    unit = parts[0][1].money_unit if len({d.money_unit for _, d in parts}) == 1 else "万元"
    doc = Document(source_path=f"{year}", reader="database", fiscal_year=year, money_unit=unit)
    for _name, part in parts:
        factor = Decimal(FEN_PER_UNIT[part.money_unit]) / FEN_PER_UNIT[unit]
        for t in part.tables:
            if factor != 1:
                t.budget_total = None if t.budget_total is None else t.budget_total * factor
                t.budget_executed = None if t.budget_executed is None else t.budget_executed * factor
                for b in t.budget_lines:
                    b.amount = None if b.amount is None else b.amount * factor
                    b.raw = "" if b.amount is None else str(b.amount)
            doc.tables.append(t)
    doc.department = parts[0][0] if len(parts) == 1 else None
    return doc
