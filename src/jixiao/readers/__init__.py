"""Readers: file → Document, or a located ReadError."""

from __future__ import annotations

from pathlib import Path

from jixiao.domain.cache import gc_paused
from jixiao.domain.model import Document
from jixiao.readers.csv import looks_like_csv, read_csv_text
from jixiao.readers.encoding import decode_text
from jixiao.readers.errors import ReadError
from jixiao.readers.html import looks_like_html, read_html
from jixiao.readers.text import read_text

__all__ = ["ReadError", "read_path"]

MAX_BYTES = 100 * 1024 * 1024


def read_path(path: str | Path, data: bytes | None = None, display_name: str | None = None) -> Document:
    """Read one file (or its bytes, when uploaded) by its content, not only its extension."""
    p = Path(path)
    name = display_name or p.name
    if data is None:
        if not p.exists():
            raise ReadError(name, "文件不存在。")
        if p.is_dir():
            raise ReadError(name, "这是一个文件夹，不是文件。")
        if p.stat().st_size > MAX_BYTES:
            raise ReadError(
                name, f"文件太大（{p.stat().st_size // 1048576} MB），上限为 {MAX_BYTES // 1048576} MB。"
            )
        data = p.read_bytes()
    with gc_paused():
        text, encoding = decode_text(data, name)
        if looks_like_html(text):
            return read_html(p, data, name)
        if looks_like_csv(text):
            doc = read_csv_text(text, name)
            doc.encoding = encoding
            return doc
        return read_text(p, data, name)
