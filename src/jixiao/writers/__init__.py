"""Writers: Document → json, csv, xlsx (official layouts), docx, html, pdf."""

from __future__ import annotations

import json as jsonlib  # not `json`: importing writers.json would rebind that name
from collections.abc import Callable
from pathlib import Path

from jixiao.domain.model import Document


def _json(doc: Document, path: str | Path) -> None:
    from jixiao.writers.json import document_to_dict

    Path(path).write_text(
        jsonlib.dumps(document_to_dict(doc), ensure_ascii=False, indent=2), encoding="utf-8"
    )


def _lazy(module: str, name: str) -> Callable[[Document, str | Path], None]:
    def write(doc: Document, path: str | Path) -> None:
        import importlib

        getattr(importlib.import_module(f"jixiao.writers.{module}"), name)(doc, path)

    return write


WRITERS: dict[str, Callable[[Document, str | Path], None]] = {
    "json": _json,
    "csv": _lazy("csv", "write_csv"),
    "xlsx": _lazy("xlsx", "write_xlsx"),
    "docx": _lazy("docx", "write_docx"),
    "html": _lazy("html", "write_html"),
    "pdf": _lazy("pdf", "write_pdf"),
}


def write(doc: Document, path: str | Path, fmt: str | None = None) -> None:
    fmt = (fmt or Path(path).suffix.lstrip(".")).lower()
    if fmt not in WRITERS:
        raise ValueError(f"不支持的导出格式：{fmt}（可选：{'、'.join(WRITERS)}）")
    WRITERS[fmt](doc, path)
