"""Bulk import: a dry run that says, per file, what would be stored and every warning and error
with its place; then a commit, all or nothing per file. Used by `jixiao import` and the upload page."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.domain.model import Document
from jixiao.domain.review import review
from jixiao.domain.values import department_name
from jixiao.readers import ReadError, read_path

SUFFIXES = {
    ".txt",
    ".csv",
    ".html",
    ".htm",
    ".mht",
    ".mhtml",
    ".xls",
    ".xlsx",
    ".xlsm",  # a workbook with macros, and templates: the same formats
    ".xlt",
    ".xltx",
    ".doc",
    ".docx",
    ".docm",
    ".dot",
    ".dotx",
    ".rtf",
    ".odt",
    ".ods",
    ".pdf",
    ".json",
    # WPS Office (金山) saves its own extensions in the Excel and Word formats: read by content
    ".et",
    ".ett",
    ".wps",
    ".wpt",
}


@dataclass
class FileCheck:
    name: str
    size: int
    document: Document | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.document is not None

    def summary(self) -> str:
        if self.document is None:
            return "无法读取"
        d = self.document
        inds = sum(len(t.indicators) for t in d.tables)
        year = f"{d.fiscal_year}年" if d.fiscal_year else "年度未知"
        # the department as it will be filed (without the budget code some templates print)
        dept = department_name(d.department) if d.department else "（未写明部门）"
        return f"{dept} {year}：{len(d.tables)} 张表，{inds} 个指标"

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "size": self.size, "ok": self.ok, "summary": self.summary(),
                "error": self.error, "warnings": self.warnings, "findings": self.findings}  # fmt: skip


def expand(paths: list[Path]) -> list[Path]:
    """Files, and the readable files inside folders (sorted), each once."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
        else:
            out.append(p)
    unique: dict[Path, Path] = {}
    for p in out:
        unique.setdefault(p.resolve(), p)  # a file named twice (or found in two folders) once
    return list(unique.values())


def check_file(path: Path, data: bytes | None = None, name: str | None = None) -> FileCheck:
    """Read and review one file without storing anything."""
    name = name or path.name
    size = len(data) if data is not None else (path.stat().st_size if path.exists() else 0)
    try:
        if path.suffix.lower() == ".json" and data is None:
            import json

            from jixiao.writers.json import document_from_dict

            doc = document_from_dict(json.loads(path.read_text(encoding="utf-8")))
        else:
            doc = read_path(path, data, name)
    except ReadError as exc:
        return FileCheck(name, size, error=str(exc))
    except (ValueError, KeyError) as exc:
        return FileCheck(name, size, error=f"{name}：不是 jixiao 文档（{exc}）")
    counts: dict[str, int] = {}
    for f in review(doc):
        counts[f.severity] = counts.get(f.severity, 0) + 1
    return FileCheck(
        name,
        size,
        document=doc,
        warnings=[f"{w.where.describe() or '—'}：{w.message}" for w in doc.warnings],
        findings=counts,
    )


def check_files(paths: list[Path]) -> Iterator[FileCheck]:
    for p in paths:
        yield check_file(p)


# -- the upload page: batches stored in the data folder, checked and committed file by file ----

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_FILES = 200


class UploadError(Exception):
    """An upload refused as a whole; the message names the file."""


def _upload_dir(batch_id: int) -> Path:
    from django.conf import settings

    return Path(settings.DATA_DIR) / "uploads" / str(batch_id)


def do_create_import_batch(files: list[Any], *, actor: Any) -> Any:
    """Store uploaded files for checking. Nothing is read or imported yet."""
    from django.db import transaction

    from jixiao.services.audit import log_action
    from jixiao.web.core import models as db

    if not files:
        raise UploadError("请选择要上传的文件。")
    if len(files) > MAX_FILES:
        raise UploadError(f"一次最多上传 {MAX_FILES} 个文件，这次选了 {len(files)} 个。")
    for f in files:
        if f.size > MAX_FILE_BYTES:
            raise UploadError(
                f"{f.name}：文件太大（{f.size // 1048576} MB），上限为 {MAX_FILE_BYTES // 1048576} MB。"
            )
    with transaction.atomic():
        batch = db.ImportBatch.objects.create(created_by=actor)
        folder = _upload_dir(batch.pk)
        folder.mkdir(parents=True, exist_ok=True)
        for k, f in enumerate(files):
            target = folder / f"{k:04d}"
            with open(target, "wb") as out:
                for chunk in f.chunks():
                    out.write(chunk)
            db.ImportFile.objects.create(
                batch=batch, position=k, name=Path(f.name).name, size=f.size, stored_path=str(target)
            )
        log_action("import.uploaded", batch, actor=actor, data={"files": len(files)})
    return batch


def do_check_import_file(item: Any) -> Any:
    """The dry run of one uploaded file: what would be stored, every warning and error."""
    data = Path(item.stored_path).read_bytes()
    check = check_file(Path(item.name), data, item.name)
    item.report = check.as_dict()
    item.status = "checked" if check.ok else "failed"
    item.save(update_fields=["report", "status"])
    return item


def do_commit_import_file(item: Any, *, actor: Any) -> Any:
    """Store one checked file, all or nothing (one transaction inside do_load_document)."""
    from jixiao.services.documents import do_load_document

    if item.status != "checked":
        return item
    data = Path(item.stored_path).read_bytes()
    check = check_file(Path(item.name), data, item.name)
    if check.document is None:
        item.status, item.report = "failed", check.as_dict()
        item.save(update_fields=["status", "report"])
        return item
    record, created = do_load_document(check.document, content=data, actor=actor)
    item.document = record
    item.status = "stored" if created else "duplicate"
    item.save(update_fields=["document", "status"])
    return item
