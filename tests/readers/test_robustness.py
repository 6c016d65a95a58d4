"""Whatever text arrives, the reader answers with a document or a located ReadError — never a crash."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.domain.review import review
from jixiao.readers import ReadError, read_path

WORDS = [
    "部门整体绩效目标表", "项目支出绩效目标表", "部门专项绩效目标申报表", "项目支出绩效自评表", "项目名称", "业务主管部门",
    "编制单位：", "单位：万元", "2024年预算", "年度资金总额", "区级支出", "补助街镇", "当年绩效目标", "绩效指标", "指标",
    "指标权重", "计量单位", "指标性质", "指标值", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值",
    "得分", "总分", "产出", "效益", "满意度", "成本", "产出指标", "数量指标", "20%", "30", "≥90%", "≤0人次", "10.14",
    "1,234.50", "人次", "件", "23", "优良", "2023.07-2024.01", "**", "零进京上访", "满意度90%", "", " ", "\u3000",
    "自评等级：优", "序号", "指标解释", "（盖章）", "=SUM(A1)",
    "年度履职目标", "部门职能", "年度目标任务", "预算金额", "任务名称", "主要内容", "中长期目标", "年度目标", "预期目标",
    "实际完成情况", "中长期指标值", "中长期", "年度", "1-7月执行数", "全年预计执行数", "执行情况", "完成目标可能性",
    "（2024年1-7月）", "#DIV/0!", "1-2次", "运行成本", "履职效能", "不低于上年", "绩效目标", "项目支出",
]  # fmt: skip
SEPARATORS = ["\n", "\n\t", "\t", " | ", "|\n", "\n|\n", "  ", "\n\n"]


def _a_document_or_a_located_error(f) -> None:
    """What every random input must give: a document that review copes with and whose tables all
    have indicators, or a ReadError that names the file."""
    try:
        doc = read_path(f)
    except ReadError as exc:
        assert str(exc).startswith(f.name)
        return
    review(doc)  # and review copes with whatever was read
    for t in doc.tables:
        assert t.indicators


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=80))
def test_random_tables_never_crash(tmp_path, parts):
    f = tmp_path / "random.txt"
    f.write_text("".join(w + s for w, s in parts), encoding="utf-8")
    _a_document_or_a_located_error(f)


CELL = st.tuples(st.sampled_from(WORDS), st.integers(1, 3), st.integers(1, 3))  # text, rowspan, colspan


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(st.lists(st.lists(CELL, min_size=1, max_size=7), max_size=14), st.integers(1, 3))
def test_random_web_tables_never_crash(tmp_path, rows, tables):
    """Merged cells, several tables, paragraphs between them: a document or a ReadError."""
    per = max(1, len(rows) // tables)
    html = "<p>项目名称：某项目</p>".join(
        "<table border='1'>"
        + "".join(
            "<tr>" + "".join(f"<td rowspan='{r}' colspan='{c}'>{w}</td>" for w, r, c in row) + "</tr>"
            for row in rows[k : k + per]
        )
        + "</table>"
        for k in range(0, max(len(rows), 1), per)
    )
    f = tmp_path / "random.html"
    f.write_text(f"<html><body><p>2024年项目支出绩效目标表</p>{html}</body></html>", encoding="utf-8")
    _a_document_or_a_located_error(f)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / "bytes.xlsx"
        f.write_bytes(data)
        try:
            read_path(f)
        except ReadError:
            pass


def test_damaged_office_and_pdf_files_never_crash(tmp_path, seed_path):
    import random

    from jixiao.writers.docx import write_docx
    from jixiao.writers.pdf import write_pdf
    from jixiao.writers.xlsx import write_xlsx

    doc = read_path(seed_path)
    rng = random.Random(7)
    for ext, write in (("xlsx", write_xlsx), ("docx", write_docx), ("pdf", write_pdf)):
        good = tmp_path / f"good.{ext}"
        write(doc, good)
        data = bytearray(good.read_bytes())
        for k in range(12):
            bad = bytearray(data)
            for _ in range(20):  # flip bytes, or cut the file short
                bad[rng.randrange(len(bad))] = rng.randrange(256)
            if k % 3 == 0:
                bad = bad[: rng.randrange(len(bad))]
            f = tmp_path / f"bad{k}.{ext}"
            f.write_bytes(bytes(bad))
            try:
                read_path(f)
            except ReadError as exc:
                assert str(exc).startswith(f.name)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.sampled_from(WORDS), st.floats(0, 1000, allow_nan=False)), max_size=7),
        max_size=16,
    ),
    st.lists(
        st.tuples(st.integers(0, 15), st.integers(0, 6), st.integers(0, 3), st.integers(0, 2)), max_size=6
    ),
    st.booleans(),
)
def test_random_workbooks_never_crash(tmp_path, rows, merges, headed):
    """Cells, numbers shown as percent, merged ranges (from above and from the left), under a title
    and an indicator header or not: a document or a ReadError, and review copes with what was read."""
    import xlsxwriter

    if headed:
        rows = [
            ["2024年项目支出绩效目标表"],
            ["一级指标", "二级指标", "三级指标", "指标值", "指标权重"],
            *rows,
        ]

    f = tmp_path / "random.xlsx"
    wb = xlsxwriter.Workbook(str(f))
    ws = wb.add_worksheet("表1")
    percent = wb.add_format({"num_format": "0%"})
    taken: set[tuple[int, int]] = set()
    for r0, c0, dr, dc in merges:  # ranges that do not overlap (Excel refuses those)
        cells = {(r, c) for r in range(r0, r0 + dr + 1) for c in range(c0, c0 + dc + 1)}
        if (dr or dc) and not cells & taken:
            taken |= cells
            value = rows[r0][c0] if r0 < len(rows) and c0 < len(rows[r0]) else ""
            ws.merge_range(r0, c0, r0 + dr, c0 + dc, value)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if (r, c) not in taken:
                ws.write(r, c, value, percent if isinstance(value, float) and value < 1 else None)
    wb.close()
    _a_document_or_a_located_error(f)


@pytest.mark.parametrize(
    "name, phrase",
    [
        ("locked_with_password.xlsx", "加密的 Excel/Word 文件"),
        ("locked_with_password.docx", "加密的 Excel/Word 文件"),
        ("locked_with_password.pdf", "PDF 设有打开密码"),
    ],
)
def test_a_file_locked_with_a_password_is_named_so(name, phrase):
    """Files saved with a password to open them (a tables' workbook the filer locked, password 1234)
    were called damaged, a Word file even "Excel 文件已损坏": the message says what the filer can do."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / name
    with pytest.raises(ReadError) as info:
        read_path(fixture)
    message = str(info.value)
    assert message.startswith(name) and phrase in message and "损坏" not in message


def test_a_pdf_whose_fonts_carry_no_text_mapping_is_named_so(tmp_path):
    """A PDF whose fonts lost their ToUnicode maps (some converters drop them): every character
    reads "(cid:12)". It was "没有找到绩效目标表"; the message says why and what the filer can do."""
    import pypdf

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdf_calc_department_tasks.pdf"
    stripped = pypdf.PdfWriter(clone_from=fixture)
    for page in stripped.pages:
        fonts = page["/Resources"]["/Font"]
        for name in fonts:
            font = fonts[name].get_object()
            font.pop("/ToUnicode", None)
    path = tmp_path / "无编码.pdf"
    stripped.write(path)
    with pytest.raises(ReadError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith("无编码.pdf") and "没有附带文字编码" in message and "OCR" in message


def test_an_excel_binary_workbook_is_named_and_refused_with_what_to_do(tmp_path):
    """An .xlsb (Excel's binary workbook, a zip of .bin parts) was "a zip but not Excel"."""
    import zipfile

    path = tmp_path / "绩效目标.xlsb"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.bin", b"\x83\x01\x00")
    with pytest.raises(ReadError) as info:
        read_path(path)
    message = str(info.value)
    assert message.startswith("绩效目标.xlsb") and ".xlsb" in message and "另存为 .xlsx" in message
