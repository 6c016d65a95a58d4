"""PDF of the official layouts, rendered by WeasyPrint from the same HTML as writers/html.py.

Fonts are embedded and subset (never `full_fonts`: it breaks text extraction of Chinese), so the
text can be extracted again, by people and by our own PDF reader.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.domain.model import Document
from jixiao.writers.html import document_html


def pdf_bytes(doc: Document) -> bytes:
    from weasyprint import HTML  # imported late: it costs half a second

    data: bytes = HTML(string=document_html(doc)).write_pdf()
    return data


def write_pdf(doc: Document, path: str | Path) -> None:
    Path(path).write_bytes(pdf_bytes(doc))
