"""Excel: a workbook built by hand the way templates are (openpyxl, not our writer), our own
writer's output read back, and bad workbooks refused with a clear message."""

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Alignment

from jixiao.readers import ReadError, read_path
from jixiao.writers.json import document_to_dict
from jixiao.writers.xlsx import write_xlsx
from tests.facts import missed_facts


@pytest.fixture
def template_xlsx(tmp_path):
    """A 项目支出绩效目标表 as an Excel template holds it: merged title, label column, merged
    一级/二级 cells, weights stored as fractions shown as percent, an amount with float noise."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目1"
    ws.append(["2024年项目支出绩效目标表"])
    ws.merge_cells("A1:G1")
    ws.append(["填报单位：某区卫生健康委员会", None, None, None, None, None, "单位：万元"])
    ws.append(["项目名称", "基本公共卫生服务补助", None, None, "主管部门", "某区卫生健康委员会", None])
    ws.merge_cells("B3:D3")
    ws.merge_cells("F3:G3")
    ws.append(["年度资金总额", 1234.5, None, None, "其中：财政拨款", 10.139999999999, None])
    ws.merge_cells("B4:D4")
    ws.merge_cells("F4:G4")
    ws["B4"].number_format = "#,##0.00"
    ws["F4"].number_format = "0.00"
    ws.append(["年度绩效目标", "为辖区常住居民免费提供12类基本公共卫生服务，规范化电子健康档案建档率≥75%。"])
    ws.merge_cells("B5:G5")
    ws.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"])
    rows = [
        ["产出指标", "数量指标", "居民电子健康档案建档率", "≥", 75, "%", 0.2],
        [None, None, "65岁及以上老年人健康管理人数", "≥", 18000, "人", 0.2],
        [None, "质量指标", "高血压患者规范管理率", "≥", 0.62, "%", 0.15],
        ["效益指标", "社会效益指标", "居民健康素养水平", "≥", 0.25, "%", 0.15],
        ["满意度指标", "服务对象满意度指标", "居民满意度", "≥", 0.9, "%", 0.2],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A7:A9")
    ws.merge_cells("B7:B8")
    for r in range(7, 12):
        ws.cell(r, 7).number_format = "0%"
    for r in (9, 10, 11):
        ws.cell(r, 5).number_format = "0%"
    ws["A7"].alignment = Alignment(vertical="center")
    hidden = wb.create_sheet("填表说明")
    hidden.append(["本表由项目单位填写"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "模板.xlsx"
    wb.save(path)
    return path


def test_template_workbook(template_xlsx):
    doc = read_path(template_xlsx)
    assert doc.reader == "excel" and doc.fiscal_year == 2024 and doc.money_unit == "万元"
    (t,) = doc.tables
    assert (t.kind, t.name, t.department, t.preparer) == (
        "project",
        "基本公共卫生服务补助",
        "某区卫生健康委员会",
        "某区卫生健康委员会",
    )
    assert t.budget_total == Decimal("1234.50")
    assert [(b.label, b.amount) for b in t.budget_lines] == [
        ("其中:财政拨款", Decimal("10.14"))
    ]  # not 10.139999999999
    got = [(i.level1, i.level2, i.name, i.weight, i.operator, i.value, i.unit) for i in t.indicators]
    assert got == [
        ("产出", "数量", "居民电子健康档案建档率", Decimal(20), ">=", "75", "%"),
        ("产出", "数量", "65岁及以上老年人健康管理人数", Decimal(20), ">=", "18000", "人"),
        ("产出", "质量", "高血压患者规范管理率", Decimal(15), ">=", "62", "%"),
        ("效益", "社会效益", "居民健康素养水平", Decimal(15), ">=", "25", "%"),
        ("满意度", "服务对象满意度", "居民满意度", Decimal(20), ">=", "90", "%"),
    ]
    assert t.indicators[0].raw["weight"] == "20%"  # shown as 20%, stored as 0.2
    assert t.indicators[2].where.sheet == "项目1" and t.indicators[2].where.row == 9
    assert any("隐藏的工作表「填表说明」" in w.message for w in doc.warnings)


def _with_attributes_reordered(src, dst):
    """The same workbook, its cells written `<c r=… t=… s=…>` as some generators do."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'<c r="(\w+)" s="(\d+)" t="(\w+)"', rb'<c r="\1" t="\3" s="\2"', data)
                data = re.sub(rb'<c r="(\w+)" s="(\d+)"(?=[ />])', rb'<c s="\2" r="\1"', data)
            zout.writestr(item, data)


def test_number_formats_whatever_the_attribute_order(template_xlsx, tmp_path):
    reordered = tmp_path / "reordered.xlsx"
    _with_attributes_reordered(template_xlsx, reordered)
    xml = zipfile.ZipFile(reordered).read("xl/worksheets/sheet1.xml")
    assert b'" t="n" s="' in xml and not re.search(rb'<c r="\w+" s="', xml)
    (t,) = read_path(reordered).tables
    assert [i.raw["weight"] for i in t.indicators] == ["20%", "20%", "15%", "15%", "20%"]
    assert [i.value for i in t.indicators] == ["75", "18000", "62", "25", "90"]
    assert [(b.label, b.amount) for b in t.budget_lines] == [("其中:财政拨款", Decimal("10.14"))]


@pytest.mark.parametrize("one_sheet", [False, True])
def test_seed_through_our_xlsx(tmp_path, seed_path, expected, one_sheet):
    out = tmp_path / "seed.xlsx"
    write_xlsx(read_path(seed_path), out, one_sheet=one_sheet)
    back = read_path(out)
    missed, count = missed_facts(document_to_dict(back), expected)
    assert count > 200 and missed == []
    assert back.warnings == []


def test_written_layout_has_merges_and_a4(tmp_path, seed_path):
    out = tmp_path / "seed.xlsx"
    write_xlsx(read_path(seed_path), out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[0] == "部门整体" and len(wb.sheetnames) == 7
    ws = wb.worksheets[1]
    assert ws["A1"].value == "部门专项绩效目标申报表" and "A1:G1" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.page_setup.paperSize == 9 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.column_dimensions["C"].width >= 20  # the indicator names fit


def test_corrupt_xlsx(tmp_path, seed_path):
    out = tmp_path / "seed.xlsx"
    write_xlsx(read_path(seed_path), out)
    broken = tmp_path / "损坏.xlsx"
    broken.write_bytes(out.read_bytes()[:3000])
    with pytest.raises(ReadError) as info:
        read_path(broken)
    assert str(info.value).startswith("损坏.xlsx") and "损坏" in info.value.message


def test_zip_bomb_is_refused_quickly(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("xl/workbook.xml", "<workbook/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f:
            chunk = b"<row>" + b" " * (1 << 20)
            for _ in range(70):  # 70 MB of XML in well under a megabyte: a ratio no workbook has
                f.write(chunk)
    bomb = tmp_path / "bomb.xlsx"
    bomb.write_bytes(buf.getvalue())
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ReadError, match="恶意文件"):
        read_path(bomb)


def test_two_row_headers_in_a_sheet(tmp_path):
    """A sheet whose indicator header has two rows, in both shapes real templates use: 绩效指标 over
    一级 | 二级 | 三级, and 指标值 over 中长期 | 年度. Neither header row is read as data."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2025年项目支出绩效目标申报表"])
    ws.merge_cells("A1:G1")
    ws.append(["项目名称", "农村公路养护", None, None, "主管部门", "某县交通运输局", None])
    ws.append(["年度资金总额", 860, None, None, None, None, None])
    ws.append(["年度绩效目标", "完成农村公路日常养护1200公里。", None, None, None, None, None])
    ws.merge_cells("B4:G4")
    ws.append(["绩效指标", None, None, "指标值", None, "计量单位", "权重"])
    ws.merge_cells("A5:C5")
    ws.merge_cells("D5:E5")
    ws.merge_cells("F5:F6")
    ws.merge_cells("G5:G6")
    ws.append(["一级指标", "二级指标", "三级指标", "中长期", "年度", None, None])
    ws.append(["产出指标", "数量指标", "日常养护里程", "≥3600", "≥1200", "公里", 30])
    ws.append([None, "质量指标", "优良中等路率", "≥88%", "≥85%", "%", 30])
    ws.append(["效益指标", "社会效益指标", "群众出行条件", "持续改善", "有效改善", None, 20])
    ws.append(["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "≥90%", "%", 10])
    ws.merge_cells("A7:A8")
    path = tmp_path / "两行表头.xlsx"
    wb.save(path)
    doc = read_path(path)
    (t,) = doc.tables
    got = [(i.level1, i.name, i.value, i.raw.get("long_term"), i.unit, i.weight) for i in t.indicators]
    assert got == [
        ("产出", "日常养护里程", "1200", "≥3600", "公里", Decimal(30)),
        ("产出", "优良中等路率", "85", "≥88%", "%", Decimal(30)),
        ("效益", "群众出行条件", "有效改善", "持续改善", None, Decimal(20)),
        ("满意度", "沿线群众满意度", "90", "≥90%", "%", Decimal(10)),
    ]
    assert doc.warnings == []


def test_summary_of_projects_in_a_sheet(tmp_path):
    """Many projects in one sheet, a block each with 项目名称 | 预算金额 | 年度目标 merged down its rows:
    a table per project, with its own name, budget, goal and indicators."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年项目支出绩效目标表"])
    ws.append(
        ["项目名称", "预算金额", "年度目标", "一级指标", "二级指标", "三级指标", "指标值", "度量单位", "权重"]
    )
    ws.append(
        [
            "公共文化服务体系建设",
            120,
            "开展送文化下乡演出60场。",
            "产出指标",
            "数量指标",
            "送文化下乡演出场次",
            "≥60",
            "场",
            40,
        ]
    )
    ws.append([None, None, None, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", 20])
    ws.append(
        [
            "文物保护修缮",
            85.5,
            "完成2处区级文物保护单位修缮。",
            "产出指标",
            "数量指标",
            "修缮文物保护单位数",
            "＝2",
            "处",
            50,
        ]
    )
    ws.append([None, None, None, "效益指标", "社会效益指标", "文物安全事故发生数", "＝0", "起", 40])
    for col in "ABC":
        ws.merge_cells(f"{col}3:{col}4")
        ws.merge_cells(f"{col}5:{col}6")
    ws["B5"].number_format = "0.00"
    path = tmp_path / "汇总.xlsx"
    wb.save(path)
    doc = read_path(path)
    assert [(t.name, t.budget_total, t.goal, [i.name for i in t.indicators]) for t in doc.tables] == [
        (
            "公共文化服务体系建设",
            Decimal(120),
            "开展送文化下乡演出60场。",
            ["送文化下乡演出场次", "群众满意度"],
        ),
        (
            "文物保护修缮",
            Decimal("85.50"),
            "完成2处区级文物保护单位修缮。",
            ["修缮文物保护单位数", "文物安全事故发生数"],
        ),
    ]
    assert [t.weight_total for t in doc.tables] == [60, 90] and doc.warnings == []


def test_a_summary_exported_a_row_per_indicator_is_a_table_per_project(tmp_path):
    """A budget system's export: a 汇总表 titled as such, the project's name on every row of its
    indicators, weights as percents. Each project is a table of its own, under the summary's title."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["2024年项目支出绩效目标汇总表"])
    ws.append(["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标权重"])
    rows = [
        ("公共文化服务体系建设", "产出指标", "数量指标", "送文化下乡演出场次", "≥60", "场", 0.4),
        ("公共文化服务体系建设", "产出指标", "质量指标", "演出验收合格率", "100", "%", 0.3),
        ("公共文化服务体系建设", "满意度指标", "服务对象满意度指标", "群众满意度", "≥90", "%", 0.3),
        ("文物保护修缮", "产出指标", "数量指标", "修缮文物保护单位数", "＝2", "处", 0.5),
        ("文物保护修缮", "效益指标", "社会效益指标", "文物安全事故发生数", "＝0", "起", 0.5),
    ]
    for row in rows:
        ws.append(row)
    for r in range(3, 3 + len(rows)):
        ws.cell(r, 7).number_format = "0%"
    path = tmp_path / "汇总.xlsx"
    wb.save(path)
    doc = read_path(path)
    assert [(t.title, t.name, [i.name for i in t.indicators]) for t in doc.tables] == [
        (
            "2024年项目支出绩效目标汇总表",
            "公共文化服务体系建设",
            ["送文化下乡演出场次", "演出验收合格率", "群众满意度"],
        ),
        ("2024年项目支出绩效目标汇总表", "文物保护修缮", ["修缮文物保护单位数", "文物安全事故发生数"]),
    ]
    assert [t.weight_total for t in doc.tables] == [100, 100] and doc.warnings == []
    assert [t.fiscal_year for t in doc.tables] == [2024, 2024]
    assert doc.tables[1].indicators[1].where.row == 7 and doc.tables[1].where.row == 6


def _read_sheet(tmp_path, name, rows, merged=(), formats=None):
    """A one-sheet workbook of these rows (merged ranges, number formats by cell), saved and read."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    for cell, number_format in (formats or {}).items():
        ws[cell].number_format = number_format
    path = tmp_path / name
    wb.save(path)
    return read_path(path)


def test_the_central_department_template_totals_its_tasks_into_the_budget(tmp_path):
    """财政部's 部门整体支出绩效目标申报表: a block of tasks with 预算金额 split into 总额 | 财政拨款 |
    其他资金, then a 金额合计 row. The block is kept as printed; its total is the department's budget,
    its sources the budget's lines, and nothing is left unplaced."""
    rows = [
        ["2025年度部门整体支出绩效目标申报表"],
        ["部门（单位）名称", "某区卫生健康委员会"],
        ["年度主要任务", "任务名称", "主要内容", "预算金额（万元）"],
        [None, None, None, "总额", "财政拨款", "其他资金"],
        [None, "公共卫生服务", "开展基本公共卫生服务项目", 3200, 3000, 200],
        [None, "医疗机构运行保障", "保障区属医疗机构正常运转", 5800.5, 5800.5, 0],
        ["金额合计", None, None, 9000.5, 8800.5, 200],
        ["年度总体目标", "完成基本公共卫生服务各项任务，居民健康水平持续提高。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "家庭医生签约人数", "≥8万人"],
        [None, "满意度指标", "服务对象满意度指标", "居民满意度", "≥85%"],
    ]
    merged = ("A1:F1", "B2:F2", "A3:A6", "B3:B4", "C3:C4", "D3:F3", "A7:C7", "B8:F8", "A9:A11")
    amounts = {f"{c}{r}": "0.00" for r in (5, 6, 7) for c in "DEF"}
    doc = _read_sheet(tmp_path, "部门整体.xlsx", rows, merged, amounts)
    (t,) = doc.tables
    assert (t.kind, t.department, t.budget_total, t.budget_label) == (
        "department",
        "某区卫生健康委员会",
        Decimal("9000.50"),
        "金额合计",
    )
    assert [(line.label, line.amount) for line in t.budget_lines] == [
        ("财政拨款", Decimal("8800.50")),
        ("其他资金", Decimal("200.00")),
    ]
    assert (
        t.extra["年度主要任务"].splitlines()[2]
        == "公共卫生服务 | 开展基本公共卫生服务项目 | 3200.00 | 3000.00 | 200.00"
    )
    assert [i.name for i in t.indicators] == ["家庭医生签约人数", "居民满意度"] and doc.warnings == []


def test_the_central_project_template_keeps_the_mid_term_apart_from_the_year(tmp_path):
    """财政部's 项目支出绩效目标申报表: 中期资金总额 and its sources beside 年度资金总额 and the year's,
    中期目标（2025年—2027年）beside 年度目标, and the mid-term's 二级 | 三级 | 指标值 beside the year's
    under one header. The year's make the budget, the goal and the indicators; the mid-term's are kept
    as printed (in `extra`, and in each indicator's `raw`); nothing is left unplaced."""
    rows = [
        ["项目支出绩效目标申报表"],
        ["（2025年度）"],
        ["项目名称", "智慧社区建设"],
        ["主管部门及代码", "某区政务服务数据管理局", None, None, "实施单位", "某区大数据中心"],
        ["项目资金（万元）", None, "中期资金总额", 900, None, "年度资金总额", 300],
        [None, None, "其中：财政拨款", 900, None, "其中：财政拨款", 300],
        [None, None, "其他资金", 0, None, "其他资金", 0],
        ["总体目标", "中期目标（2025年—2027年）", None, None, "年度目标"],
        [None, "建成覆盖全区的智慧社区服务平台。", None, None, "完成20个社区的平台部署。"],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "二级指标", "三级指标", "指标值"],
        [None, "产出指标", "数量指标", "部署社区数", "60个", "数量指标", "部署社区数", "20个"],
        [None, None, "质量指标", "系统可用率", "≥99%", "质量指标", "系统可用率", "≥99%"],
        [
            None,
            "满意度指标",
            "服务对象满意度指标",
            "居民满意度",
            "≥90%",
            "服务对象满意度指标",
            "居民满意度",
            "≥85%",
        ],
    ]
    merged = ("A1:H1", "A2:H2", "B3:H3", "B4:D4", "F4:H4", "A5:B7", "A8:A9", "B8:D8", "E8:H8", "B9:D9")
    doc = _read_sheet(tmp_path, "项目.xlsx", rows, (*merged, "E9:H9", "A10:A13", "B11:B12"))
    (t,) = doc.tables
    assert (t.name, t.fiscal_year, t.budget_total, t.goal) == (
        "智慧社区建设",
        2025,
        Decimal(300),
        "完成20个社区的平台部署。",
    )
    assert [(line.label, line.amount) for line in t.budget_lines] == [
        ("其中:财政拨款", Decimal(300)),
        ("其他资金", Decimal(0)),
    ]
    assert t.extra["中期资金总额"] == "900" and t.extra["中期资金总额·其中:财政拨款"] == "900"
    assert t.extra["中期目标(2025年—2027年)"] == "建成覆盖全区的智慧社区服务平台。"
    assert [(i.name, i.value, i.raw["long_term"]) for i in t.indicators] == [
        ("部署社区数", "20", "60个"),
        ("系统可用率", "99", "≥99%"),
        ("居民满意度", "85", "≥90%"),
    ]
    assert doc.warnings == []


def test_the_central_self_evaluation_template_reads_all_four_rows_of_its_money(tmp_path):
    """财政部's 项目支出绩效自评表: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 over four
    rows (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金), then the goals side by side, the
    indicators with what was achieved, and the 总分 row with the grade."""
    rows = [
        ["项目支出绩效自评表"],
        ["（2024年度）"],
        ["项目名称", "农村饮水安全维修养护"],
        ["主管部门", "某区水务局", None, None, None, "实施单位", "某区农村供水站"],
        ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [None, "年度资金总额", 120, 120, 114, 10, 0.95, 9.5],
        [None, "其中：当年财政拨款", 120, 120, 114, "—", 0.95, "—"],
        [None, "上年结转资金", 0, 0, 0, "—", None, "—"],
        [None, "其他资金", 0, 0, 0, "—", None, "—"],
        ["年度总体目标", "预期目标", None, None, None, "实际完成情况"],
        [None, "完成50处农村供水工程维修养护。", None, None, None, "完成48处农村供水工程维修养护。"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "年度指标值",
            "实际完成值",
            "分值",
            "得分",
            "偏差原因分析及改进措施",
        ],
        [None, "产出指标", "数量指标", "维修养护工程数量", "≥50处", "48处", 45, 43, "2处因汛期推迟"],
        [None, "满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "93%", 45, 45, None],
        ["总分", None, None, None, None, None, 100, 97.5, "自评等级：优"],
    ]
    merged = ("A1:I1", "A2:I2", "B3:I3", "B4:E4", "G4:I4", "A5:A9", "A10:A11", "B10:E10", "F10:I10")
    merged += ("B11:E11", "F11:I11", "A12:A14", "A15:F15")
    doc = _read_sheet(tmp_path, "自评.xlsx", rows, merged, {"G6": "0.00%", "G7": "0.00%"})
    (t,) = doc.tables
    assert (t.stage, t.budget_total, t.budget_executed, t.execution_rate) == (
        "self_evaluation",
        Decimal(120),
        Decimal(114),
        Decimal("95.00"),
    )
    lines = {line.label: line.amount for line in t.budget_lines}
    assert lines["上年结转资金·全年执行数"] == 0 and lines["其他资金·全年预算数"] == 0
    assert t.extra["实际完成情况"] == "完成48处农村供水工程维修养护。"
    assert (t.score_total, t.grade) == (Decimal("97.5"), "优")
    assert [(i.name, i.actual, i.score) for i in t.indicators] == [
        ("维修养护工程数量", "48处", Decimal(43)),
        ("受益群众满意度", "93%", Decimal(45)),
    ]
    assert doc.warnings == []


def test_a_money_block_groups_its_sources_by_kind(tmp_path):
    """The central 部门整体支出绩效自评表 groups its money rows under 按收入性质分： and 按支出性质分：,
    rows that hold no amount: the sources under them are still the budget's lines."""
    rows = [
        ["2024年度部门整体支出绩效自评表"],
        ["部门（单位）名称", "某区教育委员会"],
        [
            "年度预算执行情况（万元）",
            None,
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        [None, "年度资金总额", 5000, 5200, 5100, 10, 0.9808, 9.8],
        [None, "按收入性质分："],
        [None, "一般公共预算", 4800, 5000, 4900],
        [None, "按支出性质分："],
        [None, "项目支出", 2000, 2200, 2120],
        ["年度总体目标", "预期目标", None, None, "实际完成情况"],
        [None, "保障全区中小学正常运转。", None, None, "全区中小学正常运转。"],
        ["年度绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"],
        [None, "产出指标", "数量指标", "保障学校数", "≥60所", "62所", 90, 90],
    ]
    merged = ("A1:I1", "B2:I2", "A3:A8", "A9:A10", "B9:D9", "E9:I9", "B10:D10", "E10:I10", "A11:A12")
    doc = _read_sheet(tmp_path, "部门自评.xlsx", rows, merged, {"G4": "0.00%"})
    (t,) = doc.tables
    assert (t.budget_total, t.budget_executed, t.execution_rate) == (
        Decimal(5200),
        Decimal(5100),
        Decimal("98.08"),
    )
    lines = {line.label: line.amount for line in t.budget_lines}
    assert lines["一般公共预算·全年执行数"] == 4900 and lines["项目支出·全年预算数"] == 2200
    assert doc.warnings == []


def test_the_central_monitoring_template_reads_its_ticked_options_as_words(tmp_path):
    """财预〔2019〕136号's 项目支出绩效目标执行监控表: the goal set at the start of the year (年初设定目标),
    and under 偏差原因分析 and 完成目标可能性 a row of options (经费保障 … 其他; 确定能 | 有可能 | 完全不可能)
    ticked with √ row by row. The options row is no indicator; each indicator's deviation and likelihood
    are the options it ticks, as words; a text under 其他 follows them."""
    head = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "1-7月执行情况", "全年预计完成情况"]
    rows = [
        ["项目支出绩效目标执行监控表"],
        ["（2024年度）"],
        ["项目名称", "社区养老服务补助"],
        ["年度总体目标", "年初设定目标", None, None, None, "1-7月实际完成情况"],
        [None, "为辖区老人提供助餐服务6万人次。", None, None, None, "已提供助餐服务3.1万人次。"],
        [*head, "偏差原因分析", None, None, None, None, "完成目标可能性", None, None, "备注"],
        [None] * 7
        + ["经费保障", "制度保障", "人员保障", "硬件条件保障", "其他", "确定能", "有可能", "完全不可能"],
        [None, "产出指标", "数量指标", "助餐服务人次", "≥6万人次", "3.1万人次", "6.2万人次"]
        + [None] * 5
        + ["√"],
        [
            None,
            "满意度指标",
            "服务对象满意度指标",
            "老人满意度",
            "≥90%",
            "—",
            "92%",
            None,
            None,
            "√",
            None,
            "调查延后",
        ]
        + [None, "√"],
    ]
    merged = ("A4:A5", "B4:E4", "F4:P4", "B5:E5", "F5:P5", "A6:A9", "H6:L6", "M6:O6", "P6:P7")
    merged += tuple(f"{c}6:{c}7" for c in "BCDEFG")
    doc = _read_sheet(tmp_path, "监控.xlsx", rows, merged)
    (t,) = doc.tables
    assert (t.stage, t.goal) == ("monitoring", "为辖区老人提供助餐服务6万人次。")
    assert [(i.name, i.actual, i.deviation, i.raw.get("likelihood")) for i in t.indicators] == [
        ("助餐服务人次", "3.1万人次", None, "确定能"),
        ("老人满意度", "—", "人员保障、调查延后", "有可能"),
    ]
    assert doc.warnings == []


def test_formulas_errors_and_dates_as_the_sheet_shows_them(tmp_path):
    """A total computed by a formula reads as its value; a date reads as its format prints it
    (2024年12月31日); a cell whose formula failed reads as its error (#DIV/0!), not as empty, and the
    review says so."""
    import datetime

    import xlsxwriter

    from jixiao.domain.review import review

    path = tmp_path / "公式.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("项目1")
    pct, money = wb.add_format({"num_format": "0%"}), wb.add_format({"num_format": "#,##0.00"})
    ws.merge_range("A1:F1", "2024年项目支出绩效目标表")
    ws.write_row(1, 0, ["项目名称", "智慧社区平台运维"])
    ws.write(2, 0, "年度资金总额")
    ws.write_formula(2, 1, "=150+10", money, 160)
    ws.write(3, 0, "年度绩效目标")
    ws.write(3, 1, "平台全年稳定运行，故障修复时间不超过4小时。")
    ws.write_row(4, 0, ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "权重"])
    ws.write_row(5, 0, ["产出指标", "时效指标", "完成时间"])
    ws.write_datetime(5, 3, datetime.date(2024, 12, 31), wb.add_format({"num_format": "yyyy年m月d日"}))
    ws.write_formula(5, 5, "=0.3", pct, 0.3)
    ws.write_row(6, 0, ["效益指标", "社会效益指标", "居民线上办事率"])
    ws.write_formula(6, 3, "=1/0", None, "#DIV/0!")
    ws.write(6, 4, "%")
    ws.write_number(6, 5, 0.6, pct)
    wb.close()
    doc = read_path(path)
    (t,) = doc.tables
    assert t.budget_total == Decimal("160.00")
    assert [(i.raw["value"], i.weight) for i in t.indicators] == [("2024年12月31日", 30), ("#DIV/0!", 60)]
    found = [(f.code, f.indicator) for f in review(doc)]
    assert ("value-not-a-value", 1) in found and ("value-missing", 1) not in found


def test_table_continued_on_the_sheet(tmp_path):
    """A sheet that prints a long table in two parts, the second under "……目标表（续）" and its header:
    one table with all its rows."""
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["2024年项目支出绩效目标表"],
        ["项目名称", "城市道路维护"],
        ["年度资金总额", "800.00"],
        ["一级指标", "三级指标", "指标值", "权重"],
        ["产出指标", "道路维护里程", "≥120公里", 30],
        [],
        ["2024年项目支出绩效目标表（续）"],
        ["一级指标", "三级指标", "指标值", "权重"],
        ["效益指标", "市民出行满意率", "≥90%", 30],
    ]:
        ws.append(row)
    path = tmp_path / "续表.xlsx"
    wb.save(path)
    doc = read_path(path)
    (t,) = doc.tables
    assert (t.name, [i.name for i in t.indicators], t.weight_total) == (
        "城市道路维护",
        ["道路维护里程", "市民出行满意率"],
        60,
    )
    assert doc.warnings == []


def test_a_declaration_with_labels_templates_word_their_own_way(tmp_path):
    """绩效目标 for the goal, 其中：中央资金 | 区级资金 beside 资金总额, 项目负责人：李某 in one cell: each goes
    to its field, and the only warning is the footer under the indicators."""
    import openpyxl

    from jixiao.domain.review import review

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in [
        ["2025年度项目支出绩效目标申报表"],
        ["填报单位（盖章）：某区农业农村委员会", None, None, None, "单位：万元"],
        ["项目名称：高标准农田建设", None, None, "项目负责人：李某"],
        ["资金总额", 2680.5, "其中：中央资金", 1500, "区级资金", 1180.5],
        ["绩效目标", "完成1.2万亩高标准农田建设，亩均粮食产能提高100斤，项目区农户满意度≥90%。"],
        ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
        ["产出指标", "数量指标", "新建高标准农田面积", "≥1.2万亩", 0.5],
        ["满意度指标", "服务对象满意度指标", "项目区农户满意度", "≥90%", 0.5],
        ["填表人：王某", None, "联系电话：023-12345678"],
    ]:
        ws.append(row)
    for r in (7, 8):
        ws.cell(r, 5).number_format = "0%"
    path = tmp_path / "declaration.xlsx"
    wb.save(path)
    doc = read_path(path)
    (t,) = doc.tables
    assert t.goal and t.goal.startswith("完成1.2万亩高标准农田建设")
    assert [(b.label, str(b.amount)) for b in t.budget_lines] == [
        ("其中:中央资金", "1500"),
        ("区级资金", "1180.5"),
    ]
    assert t.extra == {"项目负责人": "李某"} and str(t.budget_total) == "2680.5"
    assert [w.where.row for w in doc.warnings] == [9]  # the footer
    assert "goal-missing" not in {f.code for f in review(doc)}


HIDDEN_ROWS = [
    ["2024年项目支出绩效目标表"],
    ["项目名称", "学生资助专项"],
    ["年度资金总额", 500],
    ["年度绩效目标", "资助家庭经济困难学生2000人次。"],
    ["一级指标", "二级指标", "三级指标", "指标值", "权重", "系统编码", None],
    ["产出指标", "数量指标", "资助学生人次", "≥2000人次", 60, "a1b2c3", None],
    ["满意度指标", "满意度指标", "受助学生满意度", "≥90%", 40, "d4e5f6", None],
    ["产出指标", "数量指标", "指标1", "≥**", 0, "x", None],
]


def _hidden_workbook(path, hide_empty_column: bool = False):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目绩效目标"
    for row in HIDDEN_ROWS:
        ws.append(row)
    ws.column_dimensions["F"].hidden = True
    if hide_empty_column:
        ws.column_dimensions["G"].hidden = True
    ws.row_dimensions[8].hidden = True
    wb.save(path)
    return path


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_hidden_columns_and_rows_are_not_read_as_excel_does_not_show_them(tmp_path, kind):
    """A budget system's export hides an ID column beside the indicators, and a template hides its
    example row (指标1, ≥**): Excel neither shows nor prints them, nor does the reader read them. No
    stray cell on every row, no placeholder finding; one note names what was hidden and held text.
    The .xls is the same sheet saved by xlwt (tests/fixtures)."""
    from jixiao.domain.review import review

    if kind == "xlsx":
        path = _hidden_workbook(tmp_path / "导出.xlsx")
    else:
        path = Path(__file__).resolve().parents[1] / "fixtures" / "hidden_id_column_and_example_row.xls"
    doc = read_path(path)
    (t,) = doc.tables
    assert [(i.name, i.value, i.weight) for i in t.indicators] == [
        ("资助学生人次", "2000", 60),
        ("受助学生满意度", "90", 40),
    ]
    assert [w.message for w in doc.warnings] == [
        "隐藏的 F 列、第 8 行有内容；与 Excel 显示和打印的一样，未读取。"
    ]
    assert doc.warnings[0].where.sheet == "项目绩效目标"
    assert "placeholder-left" not in {f.code for f in review(doc)}


def test_a_hidden_empty_column_says_nothing(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    for row in HIDDEN_ROWS[:7]:
        ws.append([v for k, v in enumerate(row) if k != 5])
    ws.column_dimensions["F"].hidden = True  # nothing in it
    wb.save(tmp_path / "空列.xlsx")
    doc = read_path(tmp_path / "空列.xlsx")
    assert len(doc.tables[0].indicators) == 2 and doc.warnings == []


def test_hidden_places_of_a_sheet():
    from jixiao.readers.xlsx_formats import hidden_places

    xml = (
        b'<worksheet><cols><col min="1" max="1" width="9"/><col min="2" max="4" hidden="1" width="3"/></cols>'
        b'<sheetData><row r="1"><c r="A1"/></row><row r="8" spans="1:3" hidden="true" ht="0"><c r="A8"/></row>'
        b'<row r="9" customHeight="1"><c r="A9"/></row></sheetData></worksheet>'
    )
    assert hidden_places(xml) == ({1, 2, 3}, {7})
    assert hidden_places(b"<worksheet><sheetData/></worksheet>") == (set(), set())


def test_formulas_saved_without_their_results_are_named(tmp_path):
    """A program (openpyxl, a budget system's export) writes weights as formulas without their
    results; Excel works them out on opening, but the file holds none. The weights read empty, and
    one note names the cells and says how to fix the file."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目绩效目标"
    for row in HIDDEN_ROWS[:7]:
        ws.append([v for k, v in enumerate(row) if k != 5])
    ws["E6"], ws["E7"] = "=60", "=100-E6"
    wb.save(tmp_path / "导出.xlsx")
    doc = read_path(tmp_path / "导出.xlsx")
    assert [(i.name, i.weight) for i in doc.tables[0].indicators] == [
        ("资助学生人次", None),
        ("受助学生满意度", None),
    ]
    (note,) = doc.warnings
    assert note.where.sheet == "项目绩效目标"
    assert note.message.startswith("E6、E7是公式，但文件里没有保存计算结果")


def test_formulas_saved_with_their_results_read_as_their_results(tmp_path):
    path = _hidden_workbook(tmp_path / "已保存.xlsx")
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(
        rb'<c r="E6"([^>]*)><v>([^<]*)</v>', rb'<c r="E6"\1><f>30+30</f><v>\2</v>', parts[sheet]
    )
    assert b"<f>30+30</f>" in parts[sheet]
    with zipfile.ZipFile(path, "w") as zf:
        for n, data in parts.items():
            zf.writestr(n, data)
    doc = read_path(path)
    assert doc.tables[0].indicators[0].weight == 60
    assert not any("公式" in w.message for w in doc.warnings)


def test_a_folder_import_takes_workbooks_with_macros_and_templates(tmp_path):
    """A finance bureau's template with macros (.xlsm) or saved as a template (.xltx) is an
    ordinary workbook inside: a folder import takes it and reads it."""
    from jixiao.services.imports import check_file, expand

    macros = _hidden_workbook(tmp_path / "绩效目标（含宏）.xlsm")
    template = tmp_path / "绩效目标模板.xltx"
    template.write_bytes(macros.read_bytes())
    (tmp_path / "说明.url").write_text("[InternetShortcut]")
    assert expand([tmp_path]) == sorted([macros, template])
    assert [len(check_file(f).document.tables[0].indicators) for f in sorted([macros, template])] == [2, 2]


def test_labels_typed_apart_in_one_cell_are_read_apart_and_a_goal_with_a_gap_stays_whole(tmp_path):
    """A sheet's note row typed in one cell ("填报单位：X　　　　填报日期：…　　单位：万元") reads as its
    printed line does; a goal with spaces in it is one goal."""
    doc = _read_sheet(
        tmp_path,
        "note.xlsx",
        [
            ["2025年项目支出绩效目标表"],
            ["填报单位：某区民政局    联系人：王某　　　　单位：元"],
            ["项目名称", "困难群众救助"],
            ["年度资金总额", 1250000],
            ["年度绩效目标", "保障困难群众基本生活。    全年救助不少于3000人次。"],
            ["一级指标", "二级指标", "三级指标", "指标值", "指标权重"],
            ["产出指标", "数量指标", "救助人次", "≥3000人次", "100"],
        ],
    )
    (table,) = doc.tables
    assert (table.preparer, table.extra.get("联系人"), doc.money_unit) == ("某区民政局", "王某", "元")
    assert table.budget_total == 1250000
    assert table.goal == "保障困难群众基本生活。    全年救助不少于3000人次。"
    assert doc.warnings == []


@pytest.mark.parametrize("budget_rows", [3, 20])
def test_a_budget_table_beside_the_target_table_is_named_once(tmp_path, budget_rows):
    """A sheet with the department's 支出预算表 above its target table: a few rows outside the table
    are named one by one; a whole table of them in one warning, with its first and last rows."""
    budget = [["科目编码", "科目名称", "合计"]] + [
        [f"2050{k:02d}", f"科目{k}", f"{k}0.00"] for k in range(1, budget_rows)
    ]
    rows = [
        *budget,
        ["2024年项目支出绩效目标表"],
        ["项目名称", "学生资助专项"],
        ["一级指标", "二级指标", "三级指标", "指标值", "权重"],
        ["产出指标", "数量指标", "资助学生人次", "≥2000人次", 60],
        ["满意度指标", "服务对象满意度指标", "受助学生满意度", "≥90%", 40],
    ]
    doc = _read_sheet(tmp_path, "预算.xlsx", rows)
    (table,) = doc.tables
    assert [i.name for i in table.indicators] == ["资助学生人次", "受助学生满意度"]
    messages = [w.message for w in doc.warnings]
    if budget_rows <= 8:
        assert messages == [f"表格之外的文字「{' | '.join(row)}」未读入。" for row in budget]
    else:
        assert messages == [
            f"表格之外的 {budget_rows} 行文字未读入：从「科目编码 | 科目名称 | 合计」到「2050{budget_rows - 1:02d} | "
            f"科目{budget_rows - 1} | {budget_rows - 1}0.00」（工作表「Sheet」 第 {budget_rows} 行）。"
        ]
        assert (doc.warnings[0].where.sheet, doc.warnings[0].where.row) == ("Sheet", 1)
