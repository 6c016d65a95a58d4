"""Read-only queries behind the public pages: what a fiscal year and a department hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from jixiao.domain.money import percent
from jixiao.web.core import models as db


@dataclass
class DepartmentRow:
    department: db.Department
    budget_total: Decimal | None
    projects: int
    project_total: Decimal
    indicators: int


@dataclass
class BudgetSummary:
    department_total: Decimal | None
    project_total: Decimal
    project_share: Decimal | None  # percent of the department total, 2 places, half up
    projects: list[tuple[str, Decimal]] = field(default_factory=list)

    @property
    def other(self) -> Decimal | None:
        if self.department_total is None:
            return None
        return self.department_total - self.project_total


def years() -> list[int]:
    return list(
        db.FiscalYear.objects.filter(targettable__isnull=False).distinct().values_list("year", flat=True)
    )


def undated_documents() -> list[db.SourceDocument]:
    """Documents (current versions) with tables that state no fiscal year: on no year's page."""
    return list(
        db.SourceDocument.objects.filter(superseded_by__isnull=True, tables__fiscal_year__isnull=True)
        .distinct()
        .order_by("-loaded_at")
    )


def tables_of_document(document: db.SourceDocument) -> list[db.TargetTable]:
    qs = (
        document.tables.select_related("document", "fiscal_year")
        .prefetch_related(
            "budget_lines", Prefetch("indicators", queryset=db.Indicator.objects.order_by("position"))
        )
        .order_by("position")
    )
    return list(qs)


def tables_of(department: db.Department, year: int) -> list[db.TargetTable]:
    qs = (
        db.TargetTable.objects.filter(
            department=department, fiscal_year__year=year, document__superseded_by__isnull=True
        )
        .select_related("document", "fiscal_year")
        .prefetch_related(
            "budget_lines", Prefetch("indicators", queryset=db.Indicator.objects.order_by("position"))
        )
        .order_by("document__loaded_at", "document_id", "position")
    )
    return list(qs)


SEVERITIES = ("error", "warning", "info")


def finding_counts(findings: list[db.Finding]) -> dict[str, int]:
    """Open and accepted findings by severity; dismissed ones no longer count against the table."""
    live = [f for f in findings if f.status != "dismissed"]
    return {s: sum(1 for f in live if f.severity == s) for s in SEVERITIES}


def annotate_findings(tables: list[db.TargetTable]) -> None:
    """Attach table-level findings and counts for the templates."""
    for t in tables:
        every = list(t.findings.all())
        t.table_findings = [f for f in every if f.indicator_id is None]  # type: ignore[attr-defined]
        t.finding_counts = finding_counts(every)  # type: ignore[attr-defined]
        for ind in t.indicators.all():
            ind.error_count = sum(  # type: ignore[attr-defined]
                1 for f in ind.findings.all() if f.severity == "error" and f.status != "dismissed"
            )
        # the merged 绩效指标 cell spans the finding rows under each indicator too
        t.rows_with_findings = len({f.indicator_id for f in every if f.indicator_id})  # type: ignore[attr-defined]


def _total(table: db.TargetTable) -> Decimal:
    return table.budget_total or Decimal(0)


def summary_of(tables: list[db.TargetTable]) -> BudgetSummary:
    dept = [t for t in tables if t.kind == "department" and t.budget_total_fen is not None]
    projects = [t for t in tables if t.kind == "project"]
    dept_total = sum((_total(t) for t in dept), Decimal(0)) if dept else None
    project_total = sum((_total(t) for t in projects), Decimal(0))
    return BudgetSummary(
        department_total=dept_total,
        project_total=project_total,
        project_share=percent(project_total, dept_total) if dept_total else None,
        projects=[(t.name or t.title, _total(t)) for t in projects],
    )


def departments_of(year: int) -> list[DepartmentRow]:
    rows = []
    tables = (
        db.TargetTable.objects.filter(
            fiscal_year__year=year, department__isnull=False, document__superseded_by__isnull=True
        )
        .select_related("department", "document")
        .prefetch_related("indicators")
    )
    by_dept: dict[int, list[db.TargetTable]] = {}
    for t in tables:
        by_dept.setdefault(t.department_id, []).append(t)  # type: ignore[arg-type]
    for dept in db.Department.objects.filter(pk__in=by_dept):
        ts = by_dept[dept.pk]
        s = summary_of(ts)
        rows.append(
            DepartmentRow(
                department=dept,
                budget_total=s.department_total,
                projects=sum(1 for t in ts if t.kind == "project"),
                project_total=s.project_total,
                indicators=sum(len(t.indicators.all()) for t in ts),
            )
        )
    return rows


__all__ = ["BudgetSummary", "DepartmentRow", "departments_of", "summary_of", "tables_of", "years"]
