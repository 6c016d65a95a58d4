"""Readers: file → Document, or a located ReadError."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from jixiao.domain.cache import gc_paused
from jixiao.domain.model import Document
from jixiao.readers.csv import looks_like_csv, read_csv_text
from jixiao.readers.encoding import decode_text
from jixiao.readers.errors import ReadError
from jixiao.readers.html import looks_like_html, read_html
from jixiao.readers.mht import html_of_mht, looks_like_mht
from jixiao.readers.text import read_text
from jixiao.readers.xls_formats import OLE

__all__ = ["ReadError", "read_path"]

MAX_BYTES = 100 * 1024 * 1024


def sniff(data: bytes) -> str:
    """What a file is, by its first bytes: many sites serve HTML as .xls, or xlsx as .xls."""
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if data[:8] == OLE:
        return "ole"
    if data[:1024].lstrip()[:5] == b"%PDF-":  # not lstrip() of it all: a copy of a 30 MB text
        return "pdf"
    if data[:5] == b"{\\rtf":  # Word's RTF, often named .doc
        return "rtf"
    if looks_like_mht(data):  # a web archive (Word's "single file web page"), often named .doc
        return "mht"
    return "text"


def _read_zip(p: Path, data: bytes, name: str) -> Document:
    from jixiao.readers.excel import guard_zip, read_excel

    archive = guard_zip(data, name)
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return read_excel(p, data, name)
    if "word/document.xml" in names:
        from jixiao.readers.docx import read_docx

        doc: Document = read_docx(p, data, name)
        return doc
    try:  # OpenDocument names its kind in a first entry of its own
        kind = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zlib.error, EOFError):
        kind = b""
    if kind.startswith(ODF_TEXT):  # LibreOffice, or an office suite on 统信/麒麟, saves .odt
        return _read_converted(p, data, name, ".odt")
    if kind.startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return _read_converted_workbook(p, data, name, ".ods")
    if "xl/workbook.bin" in names:  # Excel's binary workbook: no reader here keeps how numbers show
        raise ReadError(
            name, "这是 Excel 二进制工作簿（.xlsb），暂不能读取；请在 Excel 或 WPS 中另存为 .xlsx 后再导入。"
        )
    raise ReadError(name, "这是一个压缩包，但不是 Excel（.xlsx）或 Word（.docx）文件。")


ODF_TEXT = b"application/vnd.oasis.opendocument.text"


def _read_converted(p: Path, data: bytes, name: str, suffix: str) -> Document:
    """A .doc, an .rtf or an .odt, made a .docx by LibreOffice and read as one."""
    from jixiao.readers.docx import read_docx
    from jixiao.readers.legacy_word import doc_to_docx

    doc: Document = read_docx(p, doc_to_docx(data, name, suffix), name)
    doc.reader = suffix.removeprefix(".")
    return doc


def _read_converted_workbook(p: Path, data: bytes, name: str, suffix: str) -> Document:
    """An .ods, made an .xlsx by LibreOffice (which keeps how each number is shown:
    calamine would read an .ods weight shown as 30% as 0.3) and read as one."""
    from jixiao.readers.excel import read_excel
    from jixiao.readers.legacy_word import converted

    doc = read_excel(p, converted(data, name, suffix, "xlsx"), name)
    doc.reader = suffix.removeprefix(".")
    return doc


def _read_ole(p: Path, data: bytes, name: str) -> Document:
    from jixiao.readers.excel import read_excel
    from jixiao.readers.legacy_word import damaged_word, is_locked, is_word, ole_streams

    streams = ole_streams(data)  # its directory, read once
    if is_locked(streams):  # an .xlsx or a .docx saved with a password: Office wraps it in an OLE file
        raise ReadError(
            name,
            "文件设有打开密码（加密的 Excel/Word 文件），无法读取；请在 WPS、Excel 或 Word 中打开，"
            "取消密码后另存，再导入。",
        )
    if is_word(data, streams):  # a .doc (Word 97–2003), whatever its name
        return _read_converted(p, data, name, ".doc")
    try:
        return read_excel(p, data, name)
    except ReadError as exc:
        raise damaged_word(data, name) or exc from exc


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
    kind = sniff(data)
    with gc_paused():
        if kind == "zip":
            return _read_zip(p, data, name)
        if kind == "ole":
            return _read_ole(p, data, name)
        if kind == "rtf":
            return _read_converted(p, data, name, ".rtf")
        if kind == "mht":
            page = read_html(p, html_of_mht(data, name), name)
            page.reader = "mht"
            return page
        if kind == "pdf":
            from jixiao.readers.pdf import read_pdf

            pdf: Document = read_pdf(p, data, name)
            return pdf
        text, encoding = decode_text(data, name)
        if looks_like_html(text):
            return read_html(p, data, name)
        if looks_like_csv(text):
            doc = read_csv_text(text, name)
            doc.encoding = encoding
            return doc
        return read_text(p, data, name)
