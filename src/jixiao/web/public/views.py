from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from jixiao.web.core import models as db
from jixiao.web.public import queries


def home(request: HttpRequest, year: int | None = None) -> HttpResponse:
    known = queries.years()
    if year is None:
        if known:
            return redirect("year", year=known[0])
        return render(request, "public/home.html", {"year": None, "years": [], "rows": []})
    return render(
        request,
        "public/home.html",
        {"year": year, "years": known, "rows": queries.departments_of(year)},
    )


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
    return render(request, "public/department.html", _department_context(year, department_id))


def department_print(request: HttpRequest, year: int, department_id: int) -> HttpResponse:
    return render(request, "public/department_print.html", _department_context(year, department_id))
