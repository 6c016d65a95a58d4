from __future__ import annotations

from urllib.parse import quote

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from jixiao.web.core import models as db
from jixiao.web.public import queries


def home(request: HttpRequest, year: int | None = None) -> HttpResponse:
    known = queries.years()
    undated = queries.undated_documents()
    if year is None:
        if known:
            return redirect("year", year=known[0])
        return render(
            request, "public/home.html", {"year": None, "years": [], "rows": [], "undated": undated}
        )
    return render(
        request,
        "public/home.html",
        {"year": year, "years": known, "rows": queries.departments_of(year), "undated": undated},
    )


def undated(request: HttpRequest, document_id: int) -> HttpResponse:
    """A document whose tables state no fiscal year: its tables, laid out as on a department page."""
    document = get_object_or_404(db.SourceDocument, pk=document_id, superseded_by__isnull=True)
    tables = queries.tables_of_document(document)
    queries.annotate_findings(tables)
    context = {"document": document, "tables": tables, "show_findings": request.user.is_authenticated}
    return render(request, "public/undated.html", context)


def _department_context(year: int, department_id: int) -> dict[str, object]:
    dept = get_object_or_404(db.Department, pk=department_id)
    tables = queries.tables_of(dept, year)
    if not tables:
        raise Http404("该部门在这一年度没有绩效目标表")
    summary = queries.summary_of(tables)
    queries.annotate_findings(tables)
    chart = {
        "projects": [{"name": n, "value": str(v)} for n, v in summary.projects],
        "other": str(summary.other) if summary.other is not None else None,
    }
    return {"year": year, "department": dept, "tables": tables, "summary": summary, "chart": chart}


def department(request: HttpRequest, year: int, department_id: int) -> HttpResponse:
    context = _department_context(year, department_id)
    # review findings are working notes of filers and reviewers, not part of the published form
    context["show_findings"] = request.user.is_authenticated
    return render(request, "public/department.html", context)


def department_print(request: HttpRequest, year: int, department_id: int) -> HttpResponse:
    context = _department_context(year, department_id)
    context["show_findings"] = False  # the printed form is the official one
    return render(request, "public/department_print.html", context)


CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
}


def department_export(request: HttpRequest, year: int, department_id: int, fmt: str) -> HttpResponse:
    """The department's tables for the year in an official layout (xlsx, docx, pdf) or as open data."""
    import tempfile
    from pathlib import Path

    from jixiao.services.exports import department_documents
    from jixiao.writers import write

    if fmt not in CONTENT_TYPES:
        raise Http404("不支持的格式")
    dept = get_object_or_404(db.Department, pk=department_id)
    parts = department_documents(year, dept.name)
    if not parts:
        raise Http404("该部门在这一年度没有绩效目标表")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"out.{fmt}"
        write(parts[0][1], path, fmt)
        data = path.read_bytes()
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    filename = quote(f"{dept.name}-{year}绩效目标表.{fmt}")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response
