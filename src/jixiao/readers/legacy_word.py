"""Legacy Word files (.doc, Word 97–2003), RTF and OpenDocument: converted by LibreOffice to .docx (or,
for an .ods workbook, to .xlsx) and read as such.

Many government sites still publish their tables as .doc. No Python library reads their tables;
LibreOffice converts them faithfully (merged cells included). It runs headless, with a profile of
its own in a temporary folder (two conversions at once must not share one), and within a time limit.
Without LibreOffice the file gets a clear message instead.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from xlrd import compdoc

from jixiao.readers.errors import ReadError

TIMEOUT = 120  # seconds: a table of a few pages converts in one or two
SAVE_AS = "请在 Word 或 WPS 中打开并另存为 .docx 后再导入。"


def ole_streams(data: bytes) -> set[str]:
    """The names of an OLE file's streams; none where its directory cannot be read (the Excel
    reader, or `damaged_word`, names what is wrong)."""
    try:
        return {entry.name for entry in compdoc.CompDoc(data, logfile=io.StringIO()).dirlist}
    except Exception:  # noqa: BLE001 (xlrd raises IndexError and others on a damaged directory)
        return set()


def is_word(data: bytes, streams: set[str] | None = None) -> bool:
    """An OLE file whose streams are a Word document's and not a workbook's (a .doc, whatever its
    name). Read from the file's directory (`streams`, when read already): the words may also stand
    in the text."""
    names = ole_streams(data) if streams is None else streams
    return "WordDocument" in names and not names & {"Workbook", "Book"}


def is_locked(streams: set[str]) -> bool:
    """An Office file saved with a password to open it, by its OLE streams: an .xlsx or a .docx
    encrypted into an EncryptedPackage stream, whatever its name."""
    return "EncryptedPackage" in streams


def damaged_word(data: bytes, name: str) -> ReadError | None:
    """The message for an OLE file that names a Word stream but whose directory cannot be read."""
    if "WordDocument".encode("utf-16-le") not in data:
        return None
    return ReadError(name, f"这是旧版 Word（.doc）文件，但文件已损坏，无法读取。{SAVE_AS}")


def converter() -> str | None:
    """LibreOffice's program: JIXIAO_SOFFICE when set (an empty value turns conversion off), else
    soffice or libreoffice on the PATH."""
    chosen = os.environ.get("JIXIAO_SOFFICE")
    if chosen is not None:
        return shutil.which(chosen) if chosen else None
    return shutil.which("soffice") or shutil.which("libreoffice")


SHEET_SAVE_AS = "请在 WPS、Excel 或 LibreOffice 中打开并另存为 .xlsx 后再导入。"
_WHAT = {
    ".rtf": "RTF 文件",
    ".odt": "OpenDocument 文字（.odt）文件",
    ".ods": "OpenDocument 表格（.ods）文件",
}
_TARGETS = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}


def doc_to_docx(data: bytes, name: str, suffix: str = ".doc") -> bytes:
    """The bytes of a .doc (or of an .rtf, an .odt) as .docx bytes, or a ReadError that says what to do."""
    return converted(data, name, suffix, "docx")


def converted(data: bytes, name: str, suffix: str, target: str) -> bytes:
    """The bytes of a file LibreOffice opens (`suffix`: .doc, .rtf, .odt; .ods) saved as
    `target` (docx or xlsx), or a ReadError that says what to do."""
    what = _WHAT.get(suffix, "旧版 Word（.doc）文件")
    save_as = SHEET_SAVE_AS if target == "xlsx" else SAVE_AS
    program = converter()
    if program is None:
        raise ReadError(name, f"这是{what}，本机没有安装 LibreOffice，无法自动转换。{save_as}")
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as tmp:
        folder = Path(tmp)
        source = folder / f"table{suffix}"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            _TARGETS[target],
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(
                command, capture_output=True, timeout=TIMEOUT, check=False, env={**os.environ, "HOME": tmp}
            )
        except subprocess.TimeoutExpired as exc:
            raise ReadError(name, f"{what}转换超过 {TIMEOUT} 秒仍未完成，文件可能已损坏。{save_as}") from exc
        result = folder / f"table.{target}"
        if not result.exists():
            raise ReadError(name, f"{what}无法转换，可能已损坏或加了密码。{save_as}")
        return result.read_bytes()
