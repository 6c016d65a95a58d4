"""Uploading many files at once: a dry run per file with progress, then a commit per file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from jixiao.services.imports import (
    MAX_FILE_BYTES,
    MAX_FILES,
    UploadError,
    do_check_import_file,
    do_commit_import_file,
    do_create_import_batch,
)
from jixiao.web.core import models as db

UPLOAD = "core.add_sourcedocument"


def _batch(request: HttpRequest, batch_id: int) -> db.ImportBatch:
    return get_object_or_404(db.ImportBatch, pk=batch_id, created_by=request.user)


def _progress(batch: db.ImportBatch) -> dict[str, int]:
    files = list(batch.files.all())
    return {
        "total": len(files),
        "checked": sum(1 for f in files if f.status != "uploaded"),
        "ready": sum(1 for f in files if f.status == "checked"),
        "failed": sum(1 for f in files if f.status == "failed"),
        "stored": sum(1 for f in files if f.status in ("stored", "duplicate")),
    }


@login_required
@permission_required(UPLOAD, raise_exception=True)
def upload(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        try:
            batch = do_create_import_batch(request.FILES.getlist("files"), actor=request.user)
        except UploadError as exc:
            messages.error(request, str(exc))
        else:
            return redirect("import_batch", batch_id=batch.pk)
    batches = db.ImportBatch.objects.filter(created_by=request.user)[:10]
    return render(
        request,
        "declare/upload.html",
        {"batches": batches, "max_mb": MAX_FILE_BYTES // 1048576, "max_files": MAX_FILES},
    )


@login_required
@permission_required(UPLOAD, raise_exception=True)
def batch(request: HttpRequest, batch_id: int) -> HttpResponse:
    b = _batch(request, batch_id)
    return render(
        request, "declare/batch.html", {"batch": b, "files": b.files.all(), "progress": _progress(b)}
    )


@login_required
@permission_required(UPLOAD, raise_exception=True)
@require_POST
def check_next(request: HttpRequest, batch_id: int) -> HttpResponse:
    """Check the next file not yet checked; the response carries the trigger for the one after."""
    b = _batch(request, batch_id)
    item = b.files.filter(status="uploaded").first()
    if item is not None:
        do_check_import_file(item)
    return _step(request, b, item, "check")


@login_required
@permission_required(UPLOAD, raise_exception=True)
@require_POST
def commit_next(request: HttpRequest, batch_id: int) -> HttpResponse:
    b = _batch(request, batch_id)
    item = b.files.filter(status="checked").first()
    if item is not None:
        do_commit_import_file(item, actor=request.user)
    return _step(request, b, item, "commit")


def _step(request: HttpRequest, b: db.ImportBatch, item: db.ImportFile | None, action: str) -> HttpResponse:
    progress = _progress(b)
    more = b.files.filter(status="uploaded" if action == "check" else "checked").exists()
    return render(
        request,
        "declare/_step.html",
        {"batch": b, "item": item, "progress": progress, "more": more, "action": action},
    )
