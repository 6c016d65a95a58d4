"""Round trip: the seed written by every writer that has a reader reads back to the same facts."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.readers import ReadError, read_path
from jixiao.writers.csv import write_csv
from jixiao.writers.docx import write_docx
from jixiao.writers.html import write_html
from jixiao.writers.json import document_from_dict, document_to_dict
from jixiao.writers.pdf import write_pdf
from jixiao.writers.xlsx import write_xlsx
from tests.conftest import need_tool
from tests.facts import missed_facts

WRITERS = {"xlsx": write_xlsx, "docx": write_docx, "pdf": write_pdf, "html": write_html, "csv": write_csv}


@pytest.mark.parametrize("ext", sorted(WRITERS))
def test_seed_round_trip(tmp_path, seed_path, expected, ext):
    out = tmp_path / f"seed.{ext}"
    WRITERS[ext](read_path(seed_path), out)
    back = read_path(out)
    missed, count = missed_facts(document_to_dict(back), expected)
    assert count > 200 and missed == []
    assert back.warnings == []


@pytest.mark.parametrize("ext", ["xlsx", "docx", "pdf", "html"])
def test_self_evaluation_round_trip(tmp_path, ext):
    src = read_path(Path(__file__).parent / "fixtures/layouts/self_evaluation_html.xls")
    out = tmp_path / f"se.{ext}"
    WRITERS[ext](src, out)
    back = read_path(out)
    a, b = src.tables[0], back.tables[0]
    assert (b.stage, b.budget_total, b.budget_executed, b.execution_rate, b.score_total, b.grade) == (
        a.stage, a.budget_total, a.budget_executed, a.execution_rate, a.score_total, a.grade)  # fmt: skip
    assert [(i.name, i.value, i.actual, i.score, i.deviation) for i in b.indicators] == [
        (i.name, i.value, i.actual, i.score, i.deviation) for i in a.indicators
    ]


@pytest.mark.parametrize("ext", ["xlsx", "docx", "pdf", "html", "csv"])
@pytest.mark.parametrize(
    "name",
    [
        "html_department_duties.html",
        "tab_rows_department_tasks.txt",
        "tab_rows_long_term.txt",
        "html_value_by_period.html",
        "tab_rows_monitoring.txt",
        "tab_rows_monitoring_central.txt",
        "tab_rows_department_duty_column.txt",
        "tab_rows_self_evaluation.txt",
        "self_evaluation_html.xls",
        # the central templates: mid-term money, goal and columns; a total of tasks; a self-evaluation
        "html_central_project_mid_term.html",
        "cell_lines_central_department_tasks.txt",
        "cell_lines_central_self_evaluation.txt",
        "cell_lines_central_department_self_evaluation.txt",
        # a department's amounts in 元 under a label that names no unit
        "tab_rows_department.txt",
    ],
)
def test_header_blocks_round_trip(tmp_path, ext, name):
    """Blocks beyond label/value pairs are written as printed and read back the same: a department
    table's 年度履职目标 / 年度主要任务, goals side by side (中长期目标 | 年度目标), a 中长期指标值 column,
    and a monitoring table's money block and progress columns."""
    src = read_path(Path(__file__).parent / "fixtures/layouts" / name)
    out = tmp_path / f"tasks.{ext}"
    WRITERS[ext](src, out)
    back = read_path(out)
    a, b = src.tables[0], back.tables[0]
    assert back.money_unit == src.money_unit  # 1,860万 in 元 must not come back as 1,860万万元
    assert b.extra == a.extra
    assert (b.goal, b.budget_total) == (a.goal, a.budget_total)
    facts = ("long_term", "forecast", "likelihood", "task")
    assert [
        (i.name, i.value, i.actual, i.score, i.deviation, *map(i.raw.get, facts)) for i in b.indicators
    ] == [(i.name, i.value, i.actual, i.score, i.deviation, *map(i.raw.get, facts)) for i in a.indicators]
    # the whole table, but where each part was found
    whole = [document_to_dict(d)["tables"][0] for d in (src, back)]
    for t in whole:
        t.pop("where")
        t["indicators"] = [{k: v for k, v in i.items() if k not in ("where", "raw")} for i in t["indicators"]]
    assert whole[1] == whole[0]
    assert [(x.label, x.amount) for x in b.budget_lines] == [(x.label, x.amount) for x in a.budget_lines]
    assert back.warnings == []


def test_json_round_trip(seed_path):
    data = document_to_dict(read_path(seed_path))
    assert document_to_dict(document_from_dict(json.loads(json.dumps(data)))) == data


def test_pdf_text_is_extractable_and_fonts_embedded(tmp_path, seed_path):
    need_tool("pdftotext")
    out = tmp_path / "seed.pdf"
    write_pdf(read_path(seed_path), out)
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout
    assert "部门专项绩效目标申报表" in text and "重庆市沙坪坝区信访办公室" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout.splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts)  # embedded and subset


def test_docx_without_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("关于报送2025年绩效目标的说明")
    out = tmp_path / "说明.docx"
    d.save(str(out))
    with pytest.raises(ReadError, match="没有表格"):
        read_path(out)


def test_scanned_pdf_without_text(tmp_path):
    from weasyprint import HTML

    out = tmp_path / "扫描件.pdf"
    out.write_bytes(HTML(string='<div style="width:100mm;height:60mm;background:#888"></div>').write_pdf())
    with pytest.raises(ReadError) as info:
        read_path(out)
    assert "扫描件" in str(info.value) and str(info.value).startswith("扫描件.pdf")


def test_huge_file_refused_without_reading(tmp_path):
    big = tmp_path / "巨大.xlsx"
    with open(big, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # 200 MB, sparse: nothing is read to refuse it
    with pytest.raises(ReadError, match="文件太大"):
        read_path(big)


def test_pdf_tools_present():
    # the PDF checks above need poppler; on CI a missing tool is a failure, not a skip
    need_tool("pdffonts")
    assert shutil.which("pdffonts")


def test_xlsx_keeps_formula_like_text_as_text(tmp_path, seed_path):
    import openpyxl

    doc = read_path(seed_path)
    doc.tables[1].goal = '=HYPERLINK("http://example.invalid")'
    doc.tables[1].name = "http://example.invalid/项目"  # typed text, not a link to follow
    out = tmp_path / "x.xlsx"
    write_xlsx(doc, out)
    ws = openpyxl.load_workbook(out).worksheets[1]
    (name,) = [c for row in ws.iter_rows() for c in row if c.value == doc.tables[1].name]
    assert name.data_type == "s" and name.hyperlink is None
    goals = [
        c.value for row in ws.iter_rows() for c in row if c.value and str(c.value).startswith("=HYPERLINK")
    ]
    assert goals and all(c.data_type == "s" for row in ws.iter_rows() for c in row if c.value in goals)
    assert read_path(out).tables[1].goal == doc.tables[1].goal


@pytest.mark.parametrize("one_sheet", [True, False])
def test_xlsx_merges_are_the_layouts_boxes_with_borders_all_round(tmp_path, seed_path, one_sheet):
    """Every box that spans cells is one merged range in Excel, no two ranges overlap (Excel calls
    such a file corrupt), and every cell a range covers carries the border Excel draws round it."""
    import openpyxl

    from jixiao.writers.layout import layouts

    src = read_path(seed_path)
    src.tables += read_path(Path(__file__).parent / "fixtures/layouts/self_evaluation_html.xls").tables
    out = tmp_path / "merged.xlsx"
    write_xlsx(src, out, one_sheet=one_sheet)
    wb = openpyxl.load_workbook(out)
    bordered = {k for k, xf in enumerate(wb._cell_styles) if wb._borders[xf.borderId].left.style}
    sheets = [wb.worksheets[0]] * len(src.tables) if one_sheet else wb.worksheets
    expected: dict[str, set[tuple[int, int, int, int]]] = {}
    top = 1
    for ws, (_, layout) in zip(sheets, layouts(src), strict=True):
        top = top if one_sheet else 1
        for dr, row in enumerate(layout.rows):
            for dc, box in enumerate(row):
                if box is not None and (box.rowspan > 1 or box.colspan > 1):
                    r, c = top + dr, 1 + dc
                    expected.setdefault(ws.title, set()).add((r, c, r + box.rowspan - 1, c + box.colspan - 1))
        top += len(layout.rows) + 1
    boxed = 0
    for n, ws in enumerate(wb.worksheets, start=1):
        ranges = {(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges}
        assert ranges == expected.get(ws.title, set())
        covered = [(r, c) for r0, c0, r1, c1 in ranges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        assert len(covered) == len(set(covered)), "two merged ranges overlap"
        styles = _cell_styles(out, n)  # openpyxl draws a range's border on its edges only: read the XML
        for r0, c0, r1, c1 in ranges:  # a title or a note has no border; every other box has
            style = styles[(r0, c0)]
            boxed += style in bordered
            assert all(styles.get((r, c)) == style for r in range(r0, r1 + 1) for c in range(c0, c1 + 1))
    assert sum(len(v) for v in expected.values()) > 40 and boxed > 30


def _cell_styles(path: Path, sheet: int) -> dict[tuple[int, int], int]:
    """(row, column) → the style index of every cell written to sheet n (from 1), as stored."""
    import zipfile

    from lxml import etree
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read(f"xl/worksheets/sheet{sheet}.xml"))
    found = {}
    for c in root.iter(f"{ns}c"):
        col, row = coordinate_from_string(c.get("r"))
        found[(row, column_index_from_string(col))] = int(c.get("s", "0"))
    return found


def test_xlsx_writer_frees_its_workbook_when_done(tmp_path, seed_path):
    """A server exports many workbooks: each one's cells are freed as the export ends, not left
    (XlsxWriter's workbook and sheets refer to each other) for some later full collection."""
    import gc

    from xlsxwriter.worksheet import Worksheet

    doc = read_path(seed_path)
    was = gc.isenabled()
    gc.collect()  # what earlier tests in this process left to the collector is not this export's
    gc.disable()  # no collection of its own may hide cells left behind
    try:
        write_xlsx(doc, tmp_path / "a.xlsx")
        left = [o for o in gc.get_objects() if isinstance(o, Worksheet)]
    finally:
        if was:
            gc.enable()
    assert left == []
    assert read_path(tmp_path / "a.xlsx").tables[0].name == doc.tables[0].name


def _printed_by_calc(tmp_path: Path, xlsx: Path) -> Path:
    """The workbook printed to PDF by LibreOffice Calc, as a filer's office suite prints it."""
    from jixiao.readers.legacy_word import converter

    need_tool("soffice")
    if not Path("/usr/lib/libreoffice/program/libsclo.so").exists():
        need_tool("/usr/lib/libreoffice/program/libsclo.so")  # LibreOffice Calc: a skip, or a failure on CI
    subprocess.run(
        [converter(), f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(xlsx)],
        capture_output=True, timeout=180, check=True,
    )  # fmt: skip
    return tmp_path / f"{xlsx.stem}.pdf"


@pytest.mark.parametrize("one_sheet", [False, True])
def test_xlsx_printed_to_pdf_reads_as_the_seed(tmp_path, seed_path, expected, one_sheet):
    """What a filer prints from our workbook shows every text whole: a goal merged across the
    table wraps in a row as tall as it needs (a row of default height printed its first line,
    cut the rest, and let it run over the indicator header below)."""
    out = tmp_path / "绩效目标表.xlsx"
    write_xlsx(read_path(seed_path), out, one_sheet=one_sheet)
    back = read_path(_printed_by_calc(tmp_path, out))
    missed, count = missed_facts(document_to_dict(back), expected)
    assert count > 200 and missed == []


def test_a_cell_of_two_lines_prints_whole_and_reads_back_from_the_pdf(tmp_path):
    """指标性质 ≥ beside 指标方向 正向 is one cell of two lines in the official layout: its row is as
    tall as two lines (at the default height Calc printed both lines over each other, "正≥向"), and
    the PDF's cell, its lines joined, still says ≥ (the sign over the word for a direction)."""
    src = read_path(Path(__file__).parent / "fixtures/layouts/tab_rows_nature_and_direction.txt")
    out = tmp_path / "性质与方向.xlsx"
    write_xlsx(src, out)
    back = read_path(_printed_by_calc(tmp_path, out))
    got = [(i.name, i.operator, i.value) for t in back.tables for i in t.indicators]
    assert got == [(i.name, i.operator, i.value) for t in src.tables for i in t.indicators]
    assert [i.operator for i in back.tables[0].indicators][:3] == [">=", "=", "<="]
    assert [i.raw.get("operator") for i in back.tables[0].indicators][:2] == ["≥\n正向", "=\n正向"]


def test_xlsx_rows_of_merged_paragraphs_are_tall_and_leave_the_columns_narrow(tmp_path, seed_path):
    import openpyxl

    doc = read_path(seed_path)
    out = tmp_path / "seed.xlsx"
    write_xlsx(doc, out)
    ws = openpyxl.load_workbook(out).worksheets[0]  # the department's table
    goal_row = next(r for r in ws.iter_rows() if r[0].value == "当年整体绩效目标")[0].row
    assert len(doc.tables[0].goal or "") > 250
    assert (ws.row_dimensions[goal_row].height or 0) >= 5 * 13.5  # its 300 characters over some 80 columns
    assert ws.row_dimensions[goal_row + 1].height is None  # the header below keeps Excel's own height
    assert ws.column_dimensions["B"].width < 20  # the goal wraps; it does not widen its first column


def test_the_mid_term_money_is_written_beside_the_years_as_the_template_prints_it(tmp_path):
    """财政部's project template: 中期资金总额 and its sources beside 年度资金总额 and its, under 项目资金
    merged down; no label a person would not recognise ("中期资金总额·其中:财政拨款")."""
    import openpyxl

    src = read_path(Path(__file__).parent / "fixtures/layouts/html_central_project_mid_term.html")
    out = tmp_path / "mid.xlsx"
    write_xlsx(src, out)
    rows = [[c for c in row if c is not None] for row in openpyxl.load_workbook(out).worksheets[0].values]
    assert not any("·" in str(c) for row in rows for c in row)
    block = [row for row in rows if "中期资金总额" in row]
    assert block and block[0][:5] == ["项目资金（万元）", "中期资金总额", 900, "年度资金总额", 300]
    assert ["其中:财政拨款", 900, "其中:财政拨款", 300] in rows and ["其他资金", 0, "其他资金", 0] in rows


def test_a_monitoring_table_keeps_the_mid_term_money_it_carries(tmp_path):
    """Only a declaration's money block holds the mid-term beside the year; a monitoring table that
    carries the mid-term's total writes it as a row of its own (not dropped)."""
    from jixiao.domain.model import Document, Indicator, TargetTable
    from jixiao.writers.layout import layouts

    table = TargetTable(kind="project", title="项目支出绩效目标执行监控表", name="智慧社区", stage="monitoring",
                        extra={"中期资金总额": "900"}, indicators=[Indicator(name="部署社区数", value="20")])  # fmt: skip
    ((_, layout),) = layouts(Document(source_path="监控.xlsx", reader="excel", tables=[table]))
    assert any(box is not None and box.text == "中期资金总额" for row in layout.rows for box in row)
