"""The finance reviewer's pages: decisions on findings, and the overview of a fiscal year."""

from __future__ import annotations

from collections import Counter

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jixiao.domain.review import RULES
from jixiao.services.review import ReviewError, do_decide_finding
from jixiao.web.core import models as db


@login_required
@require_POST
def decide_finding(request: HttpRequest, finding_id: int) -> HttpResponse:
    finding = get_object_or_404(db.Finding.objects.select_related("decided_by"), pk=finding_id)
    error = None
    try:
        finding = do_decide_finding(
            finding, request.POST.get("decision", ""), request.POST.get("reason", ""), actor=request.user
        )
    except ReviewError as exc:
        error = str(exc)
    if not request.htmx:  # a plain form post (no JavaScript): back to the page, with a message
        if error is None:
            messages.success(request, _("已记录：%(status)s") % {"status": finding.get_status_display()})
        else:
            messages.error(request, error)
        back = url_has_allowed_host_and_scheme(request.headers.get("referer"), {request.get_host()})
        return redirect(request.headers["referer"] if back else "home")
    status = 200 if error is None else 422
    response = render(request, "public/_finding.html", {"f": finding, "error": error}, status=status)
    if error is not None:
        response["HX-Retarget"] = f"#finding-{finding.pk}"
        response["HX-Reswap"] = "outerHTML"
    return response


@login_required
@permission_required("core.decide_finding", raise_exception=True)
def overview(request: HttpRequest, year: int) -> HttpResponse:
    findings = db.Finding.objects.filter(
        document__fiscal_year__year=year, document__superseded_by__isnull=True
    )
    per_department = (
        findings.values("document__department__id", "document__department__name")
        .annotate(
            errors=Count("id", filter=Q(severity="error") & ~Q(status="dismissed")),
            warnings=Count("id", filter=Q(severity="warning") & ~Q(status="dismissed")),
            infos=Count("id", filter=Q(severity="info") & ~Q(status="dismissed")),
            open=Count("id", filter=Q(status="open")),
            accepted=Count("id", filter=Q(status="accepted")),
            dismissed=Count("id", filter=Q(status="dismissed")),
        )
        .order_by("-errors", "document__department__name")
    )
    codes = Counter(findings.exclude(status="dismissed").values_list("code", flat=True))
    common = [
        {
            "code": code,
            "count": n,
            "title": RULES[code].title if code in RULES else code,
            "rule": RULES.get(code),
        }
        for code, n in codes.most_common()
    ]
    return render(
        request,
        "review/overview.html",
        {"year": year, "rows": list(per_department), "common": common, "total": sum(codes.values())},
    )
