"""Word and PDF built by hand the way departments make them (not by our writers)."""

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from jixiao.readers import ReadError, read_path
from jixiao.writers.json import document_to_dict
from tests.facts import missed_facts


@pytest.fixture
def word_table(tmp_path):
    d = docx.Document()
    d.add_paragraph("2025年项目支出绩效目标表")
    d.add_paragraph("填报单位（盖章）：某区司法局")
    t = d.add_table(rows=9, cols=5)
    t.style = "Table Grid"
    rows = [
        ["项目名称", "法律援助经费", "", "", ""],
        ["年度资金总额（万元）", "68.50", "", "", ""],
        ["年度目标", "全年办理法律援助案件不少于600件，群众满意度达到90%以上。", "", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值", "分值"],
        ["产出指标", "数量指标", "办理法律援助案件数", "≥600件", "30"],
        ["", "质量指标", "案件结案率", "≥95%", "30"],
        ["效益指标", "社会效益指标", "困难群众法律服务可及性", "明显提高", "20"],
        ["满意度指标", "服务对象满意度指标", "受援人满意度", "≥90%", "10"],
        ["", "", "", "", ""],
    ]
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            if v:
                t.cell(r, c).text = v
    for r in range(3):
        t.cell(r, 1).merge(t.cell(r, 4))  # horizontal merges in the header block
    t.cell(4, 0).merge(t.cell(5, 0))  # 产出指标 spans two rows
    path = tmp_path / "司法局.docx"
    d.save(str(path))
    return path


def test_word_table(word_table):
    doc = read_path(word_table)
    assert doc.reader == "docx" and doc.fiscal_year == 2025
    (t,) = doc.tables
    assert (t.name, t.preparer, t.budget_total) == ("法律援助经费", "某区司法局", Decimal("68.50"))
    assert [(i.level1, i.level2, i.name, i.weight, i.operator, i.value, i.unit) for i in t.indicators] == [
        ("产出", "数量", "办理法律援助案件数", Decimal(30), ">=", "600", "件"),
        ("产出", "质量", "案件结案率", Decimal(30), ">=", "95", "%"),
        ("效益", "社会效益", "困难群众法律服务可及性", Decimal(20), "qualitative", "明显提高", None),
        ("满意度", "服务对象满意度", "受援人满意度", Decimal(10), ">=", "90", "%"),
    ]
    assert doc.warnings == []


def test_corrupt_docx(tmp_path, word_table):
    broken = tmp_path / "坏.docx"
    broken.write_bytes(word_table.read_bytes()[:2000])
    with pytest.raises(ReadError) as info:
        read_path(broken)
    assert str(info.value).startswith("坏.docx")


def test_pdf_of_an_html_page(tmp_path):
    """A published page printed to PDF by a browser-like engine: ruled table, title outside it."""
    from weasyprint import HTML

    html = (
        "<style>td{border:0.6pt solid #000;padding:2pt}</style>"
        '<h3 style="text-align:center">2024年部门整体绩效目标表</h3><p>部门名称：某区统计局</p>'
        '<table style="border-collapse:collapse" border="1"><tr><td>部门支出预算总量（万元）</td><td>512.30</td></tr>'
        "<tr><td>当年整体绩效目标</td><td>按时完成各项统计调查任务，数据差错率控制在1%以内。</td></tr></table>"
        '<table style="border-collapse:collapse;margin-top:4mm" border="1">'
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        '<tr><td rowspan="2">产出指标</td><td>统计调查任务完成率</td><td>100%</td><td>40%</td></tr>'
        "<tr><td>统计数据差错率</td><td>≤1%</td><td>30%</td></tr>"
        "<tr><td>满意度指标</td><td>数据使用单位满意度</td><td>≥90%</td><td>20%</td></tr></table>"
    )
    out = tmp_path / "统计局.pdf"
    out.write_bytes(HTML(string=html).write_pdf())
    doc = read_path(out)
    (t,) = doc.tables
    assert (t.kind, t.department, t.budget_total) == ("department", "某区统计局", Decimal("512.30"))
    assert [(i.level1, i.name, i.weight, i.operator, i.value) for i in t.indicators] == [
        ("产出", "统计调查任务完成率", Decimal(40), None, "100"),
        ("产出", "统计数据差错率", Decimal(30), "<=", "1"),
        ("满意度", "数据使用单位满意度", Decimal(20), ">=", "90"),
    ]
    assert all(i.where.page == 1 for i in t.indicators)


def _project_table(document, name, rows):
    t = document.add_table(rows=3 + len(rows), cols=5)
    t.style = "Table Grid"
    t.cell(0, 0).text = "年度资金总额"
    t.cell(0, 1).merge(t.cell(0, 4)).text = "50.00"
    t.cell(1, 0).text = "年度绩效目标"
    t.cell(1, 1).merge(t.cell(1, 4)).text = f"完成{name}各项任务。"
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "指标值", "权重"]):
        t.cell(2, c).text = h
    for r, row in enumerate(rows, start=3):
        for c, v in enumerate(row):
            t.cell(r, c).text = v


def test_word_file_with_a_table_per_project_under_one_heading(tmp_path):
    """One heading, one line naming the unit, then for each project a line "项目名称：X" and its table:
    a table per project, each with its name, budget, goal and the unit printed once above them."""
    d = docx.Document()
    d.add_paragraph("附件3")
    d.add_paragraph("2024年项目支出绩效目标表")
    d.add_paragraph("单位名称：某区司法局                单位：万元")
    d.add_paragraph("项目名称：法律援助经费")
    _project_table(d, "法律援助经费", [("产出指标", "数量指标", "法律援助案件数", "≥300件", "30%"),
                                     ("效益指标", "社会效益指标", "受援群众满意度", "≥90%", "20%")])  # fmt: skip
    d.add_paragraph("项目名称：人民调解经费")
    _project_table(d, "人民调解经费", [("产出指标", "数量指标", "调解纠纷件数", "≥1000件", "40%"),
                                     ("满意度指标", "服务对象满意度指标", "当事人满意度", "≥90%", "20%")])  # fmt: skip
    path = tmp_path / "项目.docx"
    d.save(path)
    doc = read_path(path)
    assert (doc.department, doc.money_unit, doc.fiscal_year) == ("某区司法局", "万元", 2024)
    assert [(t.name, t.department, t.budget_total, t.goal, [i.name for i in t.indicators]) for t in doc.tables] == [
        ("法律援助经费", "某区司法局", Decimal("50.00"), "完成法律援助经费各项任务。", ["法律援助案件数", "受援群众满意度"]),
        ("人民调解经费", "某区司法局", Decimal("50.00"), "完成人民调解经费各项任务。", ["调解纠纷件数", "当事人满意度"]),
    ]  # fmt: skip
    assert [w.message for w in doc.warnings] == ["表格之外的文字「附件3」未读入。"]


def test_pdf_of_a_two_row_header(tmp_path):
    """A PDF prints a header merged over two rows once: 绩效指标 | 指标值 | 计量单位 | 分值 in the first row,
    一级 | 二级 | 三级 in the second and nothing under the merged cells. The two rows are one header."""
    from pathlib import Path

    from weasyprint import CSS, HTML

    page = (Path(__file__).parents[1] / "fixtures/layouts/html_two_row_header.html").read_text(
        encoding="utf-8"
    )
    out = tmp_path / "两行表头.pdf"
    css = CSS(string="td{border:0.6pt solid #000;padding:2pt} table{border-collapse:collapse}")
    out.write_bytes(HTML(string=page).write_pdf(stylesheets=[css]))
    doc = read_path(out)
    (t,) = doc.tables
    assert (t.name, t.budget_total) == ("老年人助餐服务补贴", Decimal("96.00"))
    assert [(i.level1, i.level2, i.name, i.value, i.unit, i.weight) for i in t.indicators] == [
        ("产出", "数量", "助餐服务人次", "6", "万人次", Decimal(40)),
        ("产出", "成本", "每餐补贴标准", "5", "元/餐", Decimal(20)),
        ("效益", "社会效益", "老年人就餐便利度", "明显提升", None, Decimal(20)),
        ("满意度", "服务对象满意度", "老年人满意度", "90", "%", Decimal(10)),
    ]


@pytest.mark.parametrize("align", ["top", "middle"])
def test_pdf_merged_cell_cut_by_a_page_break(tmp_path, align):
    """A long table whose merged 一级 cell (效益指标, 30 rows) starts near the foot of page 1 and goes
    on over page 2: the cut cell has no ruling line at the break, so pdfplumber finds no cell there
    (its text is dropped on page 1, its column is missing on page 2). Every row keeps its 一级."""
    from weasyprint import HTML

    rows = []
    for level1, level2, name, count in (
        ("产出指标", "数量指标", "培训人次", 30),
        ("效益指标", "社会效益", "知晓率", 30),
    ):
        for k in range(count):
            lead = f'<td rowspan="{count}">{level1}</td>' if k == 0 else ""
            rows.append(f"<tr>{lead}<td>{level2}</td><td>{name}{k}</td><td>≥{k + 1}</td><td>1%</td></tr>")
    html = (
        f"<style>td{{border:0.6pt solid #000;padding:2pt;vertical-align:{align}}}</style>"
        '<h3>2024年项目支出绩效目标表</h3><table style="border-collapse:collapse">'
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        + "".join(rows)
        + "</table>"
    )
    out = tmp_path / "跨页.pdf"
    out.write_bytes(HTML(string=html).write_pdf())
    (t,) = read_path(out).tables
    assert len(t.indicators) == 60
    pages = {i.where.page for i in t.indicators if i.name.startswith("知晓率")}
    assert pages == {1, 2}  # the merged cell is cut by the page break
    assert [i.level1 for i in t.indicators] == ["产出"] * 30 + ["效益"] * 30


def test_pdf_merged_cell_whose_text_is_printed_after_the_page_break(tmp_path):
    """The cut merged cell's text can stand on the second page (centred in the whole cell). On the
    first page its part is an empty place under no ruling line; on the second its column has no
    cell at all, so pdfplumber finds a table one column narrower. The column is put back (its edges
    are the table's first, on the page before) and the text found in it is the 一级 of the rows
    beside it on both pages."""
    from weasyprint import HTML

    cols = "".join(f'<col style="width:{w}px">' for w in (80, 80, 120, 60, 60))
    head = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
    first = "".join(
        f"<tr>{'<td rowspan=3>产出指标</td>' if k == 0 else ''}<td>数量指标</td><td>培训人次{k}</td>"
        f"<td>≥{k + 1}</td><td>1%</td></tr>"
        for k in range(3)
    )
    # the cut cell's part on page 1: no text, no ruling line at the break
    first += '<tr><td style="border-bottom:none"></td><td>社会效益</td><td>知晓率0</td><td>≥90%</td><td>1%</td></tr>'
    second = "".join(
        f"<tr>{'<td rowspan=4 style=border-top:none>效益指标</td>' if k == 1 else ''}<td>社会效益</td>"
        f"<td>知晓率{k}</td><td>≥90%</td><td>1%</td></tr>"
        for k in range(1, 5)
    )
    html = (
        "<style>td{border:0.6pt solid #000;padding:2pt} table{border-collapse:collapse;width:400px}</style>"
        f"<h3>2024年项目支出绩效目标表</h3><table><colgroup>{cols}</colgroup>{head}{first}</table>"
        f'<table style="page-break-before:always"><colgroup>{cols}</colgroup>{second}</table>'
    )
    out = tmp_path / "跨页居中.pdf"
    out.write_bytes(HTML(string=html).write_pdf())
    (t,) = read_path(out).tables
    assert [(i.level1, i.name, i.where.page) for i in t.indicators] == [
        ("产出", "培训人次0", 1), ("产出", "培训人次1", 1), ("产出", "培训人次2", 1), ("效益", "知晓率0", 1),
        ("效益", "知晓率1", 2), ("效益", "知晓率2", 2), ("效益", "知晓率3", 2), ("效益", "知晓率4", 2),
    ]  # fmt: skip


def test_word_money_block_label_is_no_budget_line(tmp_path):
    """年度预算 merged down beside 资金总额 | 财政拨款 | 其他资金 over their amounts names the block: the
    total and two lines, no empty line called 年度预算."""
    d = docx.Document()
    d.add_paragraph("2025年部门整体支出绩效目标申报表")
    rows = [
        ["部门名称", "某区文化和旅游委员会", "", ""],
        ["年度预算（万元）", "资金总额", "财政拨款", "其他资金"],
        ["", "1,560.00", "1,500.00", "60.00"],
        ["年度总体目标", "全年开展送文化下乡演出60场，群众满意度达到90%以上。", "", ""],
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "送文化下乡演出场次", "≥60场"],
        ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
    ]
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if v:
                t.cell(r, c).text = v
    t.cell(1, 0).merge(t.cell(2, 0))
    t.cell(3, 1).merge(t.cell(3, 3))
    path = tmp_path / "dept.docx"
    d.save(path)
    doc = read_path(path)
    (table,) = doc.tables
    assert (table.budget_total, table.budget_label) == (Decimal("1560.00"), "资金总额")
    assert [(b.label, b.amount) for b in table.budget_lines] == [
        ("财政拨款", Decimal("1500.00")),
        ("其他资金", Decimal("60.00")),
    ]
    assert doc.money_unit == "万元" and doc.warnings == []


def test_a_budget_document_page_without_lines_reads_its_target_table(tmp_path):
    """A whole budget document printed without ruling lines: on its first page the 收支总表, 支出表
    and 项目支出表 stand above the target table, and the page's text lines up in columns. Read as one
    table without lines, the page split the title's 2024 in two and lost the header (the file was
    refused); a page read that way must hold an indicator header (or go on from such a page), else
    it is read line by line. The other tables' rows are named in one warning: how many, the first
    and the last, and where the last stands (a whole document has hundreds of them)."""
    from weasyprint import CSS, HTML

    other = "".join(
        f"<h3>2024年{title}</h3><table>"
        + "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
        + "</table>"
        for title, rows in [
            ("部门收支总表", [["项目", "预算数", "项目", "预算数"], ["一般公共预算拨款收入", "12,345.67", "教育支出", "11,000.00"]]),
            ("一般公共预算支出表", [["科目编码", "科目名称", "合计"], ["205", "教育支出", "11,000.00"], ["20502", "普通教育", "10,000.00"]]),
            ("项目支出表", [["项目名称", "项目类别", "预算金额"], ["学生资助专项", "专项业务类", "500.00"]]),
        ]
    )  # fmt: skip
    target = (
        "<h3>2024年项目支出绩效目标表</h3><table>"
        "<tr><td>项目名称</td><td colspan='4'>学生资助专项</td></tr>"
        "<tr><td>年度绩效目标</td><td colspan='4'>资助家庭经济困难学生2000人次。</td></tr>"
        "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>数量指标</td><td>资助学生人次</td><td>≥2000人次</td><td>60</td></tr>"
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>受助学生满意度</td><td>≥90%</td><td>40</td></tr>"
        "</table>"
    )
    pdf = tmp_path / "部门预算.pdf"
    page = f"<html><body><h2>某区教育委员会2024年部门预算</h2>{other}{target}</body></html>"
    css = CSS(string="td{padding:2pt 12pt;font-size:8pt}")  # no cell wraps: read line by line
    pdf.write_bytes(HTML(string=page).write_pdf(stylesheets=[css]))
    doc = read_path(pdf)
    (t,) = doc.tables
    assert (t.title, t.name, t.fiscal_year) == ("2024年项目支出绩效目标表", "学生资助专项", 2024)
    assert [(i.name, i.value, i.unit, i.weight) for i in t.indicators] == [
        ("资助学生人次", "2000", "人次", 60),
        ("受助学生满意度", "90", "%", 40),
    ]
    assert [w.message for w in doc.warnings] == [
        "表格之外的 11 行文字未读入：从「某区教育委员会2024年部门预算」到「学生资助专项 | 专项业务类 | 500.00」（第 1 页）。"
    ]
    assert doc.warnings[0].where.page == 1


def _target_table(container) -> None:
    """A small 项目支出绩效目标表 added to a document or a table cell."""
    t = container.add_table(rows=4, cols=4)
    for r, row in enumerate(
        [
            ["项目名称", "学生资助专项", "年度资金总额", "500.00"],
            ["一级指标", "三级指标", "指标值", "权重"],
            ["产出指标", "资助学生人次", "≥2000人次", "60"],
            ["满意度指标", "受助学生满意度", "≥90%", "40"],
        ]
    ):
        for c, text in enumerate(row):
            t.cell(r, c).text = text


@pytest.mark.parametrize("wrapper", ["frame table", "content control"])
def test_a_word_table_inside_a_frame_or_a_content_control_is_read(tmp_path, wrapper):
    """Templates put the form inside a one-cell table used as a frame, or inside content controls
    (the fields a budget system fills): the table inside is read like any other, not dropped."""
    import copy

    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    d = docx.Document()
    d.add_paragraph("附件2")
    if wrapper == "frame table":
        frame = d.add_table(rows=1, cols=1).cell(0, 0)
        frame.paragraphs[0].text = "2024年项目支出绩效目标表"
        _target_table(frame)
        frame.add_paragraph("填报人：张某")
    else:
        d.add_paragraph("2024年项目支出绩效目标表")
        _target_table(d)
        table = d.tables[0]._tbl
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        table.addprevious(sdt)
        sdt.append(content)
        content.append(copy.deepcopy(table))
        table.getparent().remove(table)
        assert d.element.body.find(qn("w:tbl")) is None  # only inside the control
    path = tmp_path / "模板.docx"
    d.save(path)
    doc = read_path(path)
    (t,) = doc.tables
    assert (t.title, t.name, str(t.budget_total)) == ("2024年项目支出绩效目标表", "学生资助专项", "500.00")
    assert [(i.name, i.value, i.weight) for i in t.indicators] == [
        ("资助学生人次", "2000", 60),
        ("受助学生满意度", "90", 40),
    ]


def test_a_pdf_whose_pages_are_turned_by_their_rotate_entry_reads_as_printed(tmp_path, seed_path, expected):
    """Some producers store a page turned: its content drawn sideways, a /Rotate entry turning it
    upright for the reader. pdfplumber turns it back, but a horizontal ruling line's ends come out
    a hair apart in height and it takes the line for a vertical one: the last columns fell apart
    into a table of their own (167 of the seed's 205 facts)."""
    from jixiao.writers.pdf import write_pdf

    upright = tmp_path / "seed.pdf"
    write_pdf(read_path(seed_path), upright)
    missed, count = missed_facts(document_to_dict(read_path(_turned(upright, tmp_path))), expected)
    assert not missed and count > 200, missed


def _turned(upright: Path, tmp_path: Path) -> Path:
    """The PDF with each page stored turned: its content drawn sideways, /Rotate 90 turning it upright."""
    import pypdf

    turned = pypdf.PdfWriter(clone_from=upright)
    for page in turned.pages:
        page.rotate(-90)  # the content sideways, then the page turned upright again
        page.transfer_rotation_to_content()
        page.rotate(90)
    path = tmp_path / f"turned-{upright.name}"
    turned.write(path)
    assert pypdf.PdfReader(path).pages[0].rotation == 90
    return path


def test_a_turned_page_of_shaded_merged_cells_reads_as_printed(tmp_path):
    """Calc paints a shaded merged cell (年度主要任务 over its tasks) a row at a time; on a page
    stored turned, a box's corners come out a hair off and pdfminer gives one fill as a curve, not
    a rect: its edges cut the merged cell, and the tasks under the label were lost to the head."""
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdf_calc_department_tasks.pdf"
    upright, turned = read_path(fixture), read_path(_turned(fixture, tmp_path))
    assert document_to_dict(turned)["tables"] == document_to_dict(upright)["tables"]
    assert [w.message for w in turned.warnings] == [w.message for w in upright.warnings] == []


def test_a_word_table_with_tracked_changes_reads_as_changed(tmp_path):
    """A table revised with changes tracked: the inserted text is read, the deleted text is not
    (python-docx leaves inserted text out of a paragraph's text). Tab stops set on a paragraph are
    no tab in its text."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement
    from docx.shared import Cm

    d = docx.Document()
    d.add_paragraph("2024年项目支出绩效目标表").paragraph_format.tab_stops.add_tab_stop(Cm(3))
    _target_table(d)
    cell = d.tables[0].cell(2, 1)  # 资助学生人次 → 资助困难学生人次, the change tracked
    (run,) = cell.paragraphs[0].runs
    run.text = "资助"
    for kind, text in (("w:del", "学生人次"), ("w:ins", "困难学生人次")):
        change = OxmlElement(kind)
        change.set(qn("w:id"), "1" if kind == "w:del" else "2")
        change.set(qn("w:author"), "审核人")
        r, t = OxmlElement("w:r"), OxmlElement("w:delText" if kind == "w:del" else "w:t")
        t.text = text
        r.append(t)
        change.append(r)
        cell.paragraphs[0]._p.append(change)
    from jixiao.readers.docx import _text_of

    assert _text_of(d.paragraphs[0]._p) == "2024年项目支出绩效目标表"  # its tab stop is no tab
    path = tmp_path / "修订.docx"
    d.save(path)
    (t,) = read_path(path).tables
    assert t.title == "2024年项目支出绩效目标表"
    assert [i.name for i in t.indicators] == ["资助困难学生人次", "受助学生满意度"]


def test_rows_and_cells_inside_content_controls_are_read(tmp_path):
    """A budget system's Word template fills its indicator rows in a repeating section and its
    fields in content controls inside cells: python-docx sees neither those rows nor those cells'
    text (the table read as having no indicator rows, and the file was refused)."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    def wrap(*elements) -> None:
        control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        elements[0].addprevious(control)
        control.append(content)
        for element in elements:
            content.append(element)

    d = docx.Document()
    d.add_paragraph("2024年项目支出绩效目标表")
    _target_table(d)
    table = d.tables[0]
    wrap(table.cell(0, 1)._tc.find(qn("w:p")))  # the project's name, a field
    rows = table._tbl.findall(qn("w:tr"))
    wrap(rows[2], rows[3])  # the indicator rows, a repeating section
    path = tmp_path / "系统模板.docx"
    d.save(path)
    (t,) = read_path(path).tables
    assert (t.name, str(t.budget_total)) == ("学生资助专项", "500.00")
    assert [(i.name, i.value, i.weight) for i in t.indicators] == [
        ("资助学生人次", "2000", 60),
        ("受助学生满意度", "90", 40),
    ]


def test_a_word_row_that_starts_some_columns_in_keeps_its_cells_under_their_columns(tmp_path):
    """Word lets a row start a grid column or two in (w:gridBefore), as forms drawn by hand do for an
    indicator row under a 一级 cell merged by drawing: its cells stand under their own columns."""
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    d = docx.Document()
    d.add_paragraph("2024年项目支出绩效目标表")
    _target_table(d)
    row = d.tables[0]._tbl.findall(qn("w:tr"))[3]  # 满意度指标 | 受助学生满意度 | ≥90% | 40
    row.remove(row.findall(qn("w:tc"))[0])
    before = OxmlElement("w:gridBefore")
    before.set(qn("w:val"), "1")
    row.get_or_add_trPr().append(before)
    path = tmp_path / "手绘表格.docx"
    d.save(path)
    (t,) = read_path(path).tables
    assert [(i.level1, i.name, i.value, i.weight) for i in t.indicators] == [
        ("产出", "资助学生人次", "2000", 60),
        ("产出", "受助学生满意度", "90", 40),
    ]


def test_a_pdf_that_prints_its_text_twice_for_bold_reads_as_printed(tmp_path):
    """Some producers make bold for a font without a bold face by printing the text twice, a hair
    apart: every character came out doubled (业业务务主主管管部部门门) and no table was found."""
    import pypdf

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdf_calc_department_tasks.pdf"
    doubled = pypdf.PdfWriter(clone_from=fixture)
    for k, page in enumerate(doubled.pages):
        page.merge_transformed_page(
            pypdf.PdfReader(fixture).pages[k], pypdf.Transformation().translate(0.25, 0)
        )
    path = tmp_path / "加粗.pdf"
    doubled.write(path)
    upright, twice = read_path(fixture), read_path(path)
    assert document_to_dict(twice)["tables"] == document_to_dict(upright)["tables"]
    assert twice.warnings == []


@pytest.mark.parametrize("top", [60, 320], ids=["across the table", "below it"])
def test_a_watermark_slanted_across_the_page_is_not_read(tmp_path, top):
    """A department's PDF stamped with a pale watermark set at a slant ("某某区财政局公开"): its
    characters went into the cells they cross, or, below the table, became indicators named 公, 局 …"""
    import pypdf
    from weasyprint import HTML

    mark = tmp_path / "水印.pdf"
    HTML(
        string=f'<div style="position:absolute;top:{top}px;left:40px;transform:rotate(-35deg);'
        'font-size:60pt;color:#ddd">某某区财政局公开</div>'
    ).write_pdf(mark)
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdf_calc_department_tasks.pdf"
    stamped = pypdf.PdfWriter(clone_from=fixture)
    for page in stamped.pages:
        page.merge_page(pypdf.PdfReader(mark).pages[0])
    path = tmp_path / "公开.pdf"
    stamped.write(path)
    assert "财政局" in pypdf.PdfReader(path).pages[0].extract_text()  # the watermark is text
    upright, marked = read_path(fixture), read_path(path)
    assert document_to_dict(marked)["tables"] == document_to_dict(upright)["tables"]
    assert marked.warnings == []


@pytest.mark.parametrize("number", ["第 {k} 页 共 {n} 页", "- {k} -", "{k}"])
def test_page_numbers_and_a_running_header_do_not_cut_a_table(tmp_path, number):
    """A budget document's pages carry a number at the foot and its name at the head. Between the
    two parts of a table cut by a page break they ended the table: its rows cut in two stayed two
    rows (103 indicators for 92) and the page numbers were read as text of the document."""
    import pypdf
    from weasyprint import HTML

    fixture = (
        Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / "pdf_word_row_cut_by_a_page_break.pdf"
    )
    pages = pypdf.PdfWriter(clone_from=fixture)
    for k, page in enumerate(pages.pages, start=1):
        over = tmp_path / f"{k}.pdf"
        HTML(
            string="<style>@page{size:A4;margin:0}</style>"
            '<div style="position:absolute;top:25px;right:40px;font-size:9pt">某某区2024年部门预算</div>'
            '<div style="position:absolute;bottom:25px;width:100%;text-align:center;font-size:9pt">'
            f"{number.format(k=k, n=len(pages.pages))}</div>"
        ).write_pdf(over)
        page.merge_page(pypdf.PdfReader(over).pages[0])
    path = tmp_path / "预算.pdf"
    pages.write(path)
    plain, numbered = read_path(fixture), read_path(path)
    assert document_to_dict(numbered)["tables"] == document_to_dict(plain)["tables"]
    assert [w.message for w in numbered.warnings] == ["表格之外的文字「某某区2024年部门预算」未读入。"]


@pytest.mark.parametrize("stem", ["pdf_word_value_by_period", "pdf_calc_department_tasks"])
def test_tables_a_page_each_under_the_same_title_stay_apart(tmp_path, stem):
    """A PDF of several projects' tables, each on a page of its own under the same title (inside
    the table in Word's, a line above it in Calc's): the title at the top of a page is the next
    table's, not the rest of a cell cut at the foot of the page before (满意度指标2025年项目…), nor a
    running header repeated from page to page."""
    import pypdf

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "layouts" / f"{stem}.pdf"
    joined = pypdf.PdfWriter()
    for _ in range(3):
        joined.append(fixture)
    path = tmp_path / "三个项目.pdf"
    joined.write(path)
    one, three = read_path(fixture), read_path(path)
    assert _unplaced(three) == _unplaced(one) * 3
    assert three.warnings == []


def _unplaced(doc) -> list[object]:
    """The document's tables as facts, without where each stood (its page)."""

    def strip(value: object) -> object:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k != "where"}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    return strip(document_to_dict(doc)["tables"])  # type: ignore[return-value]


@pytest.mark.parametrize(
    "rules",
    [
        "table{border-top:1.5pt solid #000;border-bottom:1.5pt solid #000}"
        " tr.h td{border-top:0.6pt solid #000;border-bottom:0.6pt solid #000}",
        "tr td{border-bottom:0.6pt solid #000}",
    ],
    ids=["three lines", "lines under the rows"],
)
def test_a_table_ruled_only_across_reads_by_its_columns(tmp_path, rules):
    """A table drawn with horizontal rules only (a 三线表, or a line under each row): no ruled table
    for pdfplumber, its page read as text laid out by position. A value and the weight beside it
    stand one space apart there ("≥100人 50"): the 三线表 read them as one cell, the weight lost
    silently; now each cell goes to the header's column it stands under."""
    from weasyprint import CSS, HTML

    page = (
        "<h3>2024年项目支出绩效目标表</h3><table>"
        "<tr><td>项目名称</td><td colspan=4>法律援助</td></tr>"
        "<tr><td>年度资金总额</td><td colspan=4>100.00</td></tr>"
        "<tr><td>年度绩效目标</td><td colspan=4>完成法律援助。</td></tr>"
        "<tr class=h><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>数量指标</td><td>援助人数</td><td>≥100人</td><td>50</td></tr>"
        "<tr><td></td><td>质量指标</td><td>结案率</td><td>≥95%</td><td>20</td></tr>"
        "<tr><td>满意度指标</td><td>服务对象满意度指标</td><td>满意度</td><td>≥90%</td><td>30</td></tr>"
        "</table>"
    )
    css = CSS(string=f"table{{border-collapse:collapse}} td{{padding:6pt 6pt;font-size:9pt}} {rules}")
    path = tmp_path / "三线表.pdf"
    path.write_bytes(HTML(string=f"<html><body>{page}</body></html>").write_pdf(stylesheets=[css]))
    doc = read_path(path)
    (t,) = doc.tables
    assert (t.name, t.budget_total, t.goal) == ("法律援助", Decimal("100.00"), "完成法律援助。")
    assert [(i.level1, i.level2, i.name, i.value, i.unit, i.weight) for i in t.indicators] == [
        ("产出", "数量", "援助人数", "100", "人", 50),
        ("产出", "质量", "结案率", "95", "%", 20),
        ("满意度", "服务对象满意度", "满意度", "90", "%", 30),
    ]
    assert doc.warnings == []
