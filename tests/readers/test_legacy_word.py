"""Legacy Word files (.doc): converted by LibreOffice and read as .docx, or refused with a clear message.

The fixture is the seed as our Word writer writes it, saved as Word 97–2003 by LibreOffice.
"""

import subprocess
from pathlib import Path

import pytest

from jixiao.readers import ReadError, read_path
from jixiao.readers.legacy_word import converter, is_word
from jixiao.writers.docx import write_docx
from jixiao.writers.json import document_to_dict
from tests.conftest import need_tool
from tests.facts import missed_facts

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed_word97.doc"


@pytest.fixture
def soffice():
    need_tool("soffice")
    return converter()


def test_a_word97_file_reads_as_the_seed(soffice, expected):
    doc = read_path(FIXTURE)
    missed, count = missed_facts(document_to_dict(doc), expected)
    assert not missed, missed
    assert count > 200 and doc.reader == "doc" and doc.source_path == "seed_word97.doc"


def _seed_saved_as(soffice: str, tmp_path: Path, seed_path: Path, kind: str) -> Path:
    """The seed written by our Word writer, saved by LibreOffice as `kind` (doc, rtf)."""
    written = tmp_path / "种子.docx"
    write_docx(read_path(seed_path), written)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", kind,
         "--outdir", str(tmp_path), str(written)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    return tmp_path / f"种子.{kind}"


def test_our_word_file_saved_as_doc_keeps_its_last_table(soffice, tmp_path, seed_path, expected):
    """LibreOffice drops a table that ends a document when it saves it as .doc: our writer ends
    with a paragraph, as Word does."""
    doc = read_path(_seed_saved_as(soffice, tmp_path, seed_path, "doc"))
    assert len(doc.tables) == 7
    assert not missed_facts(document_to_dict(doc), expected)[0]


def test_a_doc_named_xls_is_read_as_word(soffice, tmp_path, expected):
    misnamed = tmp_path / "绩效目标表.xls"
    misnamed.write_bytes(FIXTURE.read_bytes())
    assert not missed_facts(document_to_dict(read_path(misnamed)), expected)[0]


def test_without_libreoffice_a_doc_gets_a_clear_message(monkeypatch):
    monkeypatch.setenv("JIXIAO_SOFFICE", "")
    with pytest.raises(ReadError) as info:
        read_path(FIXTURE)
    message = str(info.value)
    assert message.startswith("seed_word97.doc")
    assert "旧版 Word" in message and "LibreOffice" in message and "另存为 .docx" in message


def test_a_doc_with_damaged_text_is_refused_with_a_message(soffice, tmp_path):
    data = bytearray(FIXTURE.read_bytes())
    text = data.index("部门整体绩效目标表".encode("utf-16-le"))
    data[text : text + 6000] = b"\0" * 6000  # the file's directory survives, its text does not
    broken = tmp_path / "坏.doc"
    broken.write_bytes(bytes(data))
    assert is_word(bytes(data))
    with pytest.raises(ReadError) as info:
        read_path(broken)
    assert str(info.value).startswith("坏.doc")


def test_a_doc_with_a_damaged_directory_is_named_a_damaged_word_file(tmp_path):
    data = bytearray(FIXTURE.read_bytes())
    data[512:8192] = b"\xff" * (8192 - 512)  # the sectors that say where the streams are
    broken = tmp_path / "坏.doc"
    broken.write_bytes(bytes(data))
    assert not is_word(bytes(data))
    with pytest.raises(ReadError) as info:
        read_path(broken)
    assert (
        str(info.value).startswith("坏.doc")
        and "旧版 Word" in str(info.value)
        and "已损坏" in str(info.value)
    )


def test_an_xls_workbook_is_no_word_file(tmp_path):
    xls = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "xls_percent_weights.xls"
    assert not is_word(xls.read_bytes())


def test_a_folder_import_takes_doc_files_and_checks_them(soffice, tmp_path):
    from jixiao.services.imports import check_file, expand

    (tmp_path / "2024").mkdir()
    target = tmp_path / "2024" / "信访办.doc"
    target.write_bytes(FIXTURE.read_bytes())
    (tmp_path / "2024" / "封面.png").write_bytes(b"\x89PNG")
    assert expand([tmp_path]) == [target]
    check = check_file(target)
    assert check.error is None and len(check.document.tables) == 7 and check.findings


def test_a_folder_import_takes_wps_office_files_by_their_content(soffice, tmp_path):
    """WPS Office names its workbooks .et and its documents .wps, saved in the Excel and Word
    formats: a folder import takes them and reads each by what it holds."""
    from jixiao.services.imports import check_file, expand

    xls = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "xls_percent_weights.xls"
    book, text = tmp_path / "项目绩效目标.et", tmp_path / "部门绩效目标.wps"
    book.write_bytes(xls.read_bytes())
    text.write_bytes(FIXTURE.read_bytes())
    assert expand([tmp_path]) == [text, book]
    assert [len(check_file(f).document.tables) for f in (book, text)] == [1, 7]


def _word_web_archive(html: str) -> bytes:
    """A page saved by Word as a "single file web page": labelled GB2312 (written as Windows' GBK,
    its superset), quoted-printable, CRLF lines, a picture beside the page."""
    import base64
    import quopri

    body = quopri.encodestring(html.encode("gbk").replace(b"\n", b"\r\n")).decode("ascii")
    picture = base64.encodebytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64).decode("ascii")
    return (
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="----=_NextPart_01DA0000.12345678"\r\n\r\n'
        "此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n"
        "------=_NextPart_01DA0000.12345678\r\n"
        "Content-Location: file:///C:/7A1B/index.htm\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        'Content-Type: text/html; charset="gb2312"\r\n\r\n'
        f"{body}\r\n"
        "------=_NextPart_01DA0000.12345678\r\n"
        "Content-Location: file:///C:/7A1B/index.files/image001.png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Type: image/png\r\n\r\n"
        f"{picture}\r\n"
        "------=_NextPart_01DA0000.12345678--\r\n"
    ).encode("gbk")


def test_a_web_archive_named_doc_reads_as_the_seed(tmp_path, seed_path, expected):
    from jixiao.writers.html import write_html

    page = tmp_path / "seed.html"
    write_html(read_path(seed_path), page)
    html = page.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="gb2312"')
    archive = tmp_path / "信访办绩效目标.doc"
    archive.write_bytes(_word_web_archive(html))
    doc = read_path(archive)
    assert doc.reader == "mht"
    missed, count = missed_facts(document_to_dict(doc), expected)
    assert not missed and count > 200, missed


def test_a_web_archive_without_a_page_says_so(tmp_path):
    archive = tmp_path / "空.mht"
    archive.write_bytes(_word_web_archive("").replace(b"text/html", b"text/plain"))
    with pytest.raises(ReadError) as info:
        read_path(archive)
    assert str(info.value).startswith("空.mht") and "网页存档" in str(info.value)


def test_an_rtf_file_reads_as_the_seed(soffice, tmp_path, seed_path, expected):
    named_doc = tmp_path / "绩效目标.doc"  # sites name RTF files .doc
    named_doc.write_bytes(_seed_saved_as(soffice, tmp_path, seed_path, "rtf").read_bytes())
    doc = read_path(named_doc)
    assert doc.reader == "rtf" and len(doc.tables) == 7
    assert not missed_facts(document_to_dict(doc), expected)[0]


def test_an_odt_file_reads_as_the_seed(soffice, tmp_path, seed_path, expected):
    """OpenDocument text (LibreOffice, and the office suites of 统信 and 麒麟 systems save it)."""
    doc = read_path(_seed_saved_as(soffice, tmp_path, seed_path, "odt"))
    assert doc.reader == "odt" and len(doc.tables) == 7
    assert not missed_facts(document_to_dict(doc), expected)[0]


def test_an_ods_workbook_reads_as_the_seed(soffice, tmp_path, seed_path, expected):
    """OpenDocument spreadsheet (LibreOffice's own, and the 统信/麒麟 office suites'): made an .xlsx by
    LibreOffice, which keeps how numbers are shown (a weight shown as 20% reads 20, not 0.2)."""
    from jixiao.writers.xlsx import write_xlsx

    written = tmp_path / "种子.xlsx"
    write_xlsx(read_path(seed_path), written)
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "ods",
         "--outdir", str(tmp_path), str(written)],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    named = tmp_path / "绩效目标.xls"  # by its content, whatever its name
    named.write_bytes((tmp_path / "种子.ods").read_bytes())
    doc = read_path(named)
    assert doc.reader == "ods" and len(doc.tables) == 7 and doc.source_path == "绩效目标.xls"
    assert not missed_facts(document_to_dict(doc), expected)[0]


def test_without_libreoffice_an_ods_gets_a_clear_message(tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setenv("JIXIAO_SOFFICE", "")
    ods = tmp_path / "绩效目标.ods"
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ReadError) as info:
        read_path(ods)
    message = str(info.value)
    assert message.startswith("绩效目标.ods") and "OpenDocument 表格" in message
    assert "LibreOffice" in message and "另存为 .xlsx" in message


def test_without_libreoffice_an_rtf_file_gets_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("JIXIAO_SOFFICE", "")
    rtf = tmp_path / "表.rtf"
    rtf.write_bytes(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl} \\trowd \\cell\\row}")
    with pytest.raises(ReadError) as info:
        read_path(rtf)
    assert (
        str(info.value).startswith("表.rtf") and "RTF" in str(info.value) and "LibreOffice" in str(info.value)
    )
