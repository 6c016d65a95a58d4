"""A table body read a column at a time comes out as when read a row at a time.

`TableBuilder._read_body_columns` takes the cells of 10万 rows out by column and sends only the
rows that may not be plain indicators through the row-by-row checks; `_read_body_rows` checks
every row. On random bodies (short rows, cells under no column, merged cells, 合计 and footers,
the header printed again) both must give the same indicators, warnings and totals.
"""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.model import TargetTable, Where
from jixiao.readers.assemble import PendingRows, TableBuilder, _BodyShape, _Segment
from jixiao.readers.grid import GridRow

CELLS = [
    "", "", "", " ", "产出指标", "效益指标", "满意度", "数量指标", "质量指标", "社会效益", "培训人次", "办结率",
    "群众满意度", "≥90%", "100", "≥95", "20%", "10", "人次", "%", "件", "合计", "总分", "92.5", "自评等级：优",
    "注：本表由项目单位填报", "填报人：张三", "指标值", "指标权重", "计量单位", "1", "2", "≥", "产出",
]  # fmt: skip

SHAPES = [
    {0: "level1", 1: "level2", 2: "name", 3: "value", 4: "unit", 5: "weight"},
    {0: "seq", 1: "level1", 2: "level2", 3: "name", 4: "weight", 5: "nature", 6: "value", 7: "unit"},
    {0: "level1", 1: "level2", 2: "name", 4: "value"},  # column 3 under no role
    {0: "name", 1: "value"},
    {0: "task", 1: "level1", 2: "name", 3: "value", 4: "score"},
    # a summary of projects: each project's block a table of its own
    {0: "project", 1: "project_budget", 2: "level1", 3: "level2", 4: "name", 5: "value", 6: "weight"},
    {0: "seq", 1: "project", 2: "project_goal", 3: "level1", 4: "name", 5: "value"},
]

BY_ROLE = {  # what each column usually holds: most rows are plain indicators
    "seq": ["1", "2", ""],
    "level1": ["产出指标", "效益指标", "满意度", ""],
    "level2": ["数量指标", "质量指标", "社会效益", ""],
    "name": ["培训人次", "办结率", "群众满意度"],
    "value": ["≥90%", "100", "≥95"],
    "unit": ["人次", "%", ""],
    "weight": ["20%", "10"],
    "nature": ["≥", "产出", ""],
    "task": ["信访接待", ""],
    "score": ["9.5", ""],
    # a project's cells are printed on its first row (A, B, A: three blocks), or on every row
    "project": ["公共文化服务", "文物保护修缮", "", "", ""],
    "project_budget": ["120", "85.50", "待定", "", ""],
    "project_goal": ["开展送文化下乡演出60场。", "", ""],
}
LABELS = {
    "seq": "序号", "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "value": "指标值",
    "unit": "计量单位", "weight": "指标权重", "nature": "指标性质", "task": "年度任务", "score": "得分",
    "project": "项目名称", "project_budget": "预算金额", "project_goal": "年度目标",
}  # fmt: skip
ODD = [
    "合计",
    "总分",
    "注：本表由项目单位填报",
    "填报人：张三",
    "指标值",
    "指标权重",
    "",
    "多出一格",
    "自评等级：优",
]
COVER = st.tuples(st.integers(0, 8), st.sampled_from(CELLS), st.booleans())


@st.composite
def bodies(draw: st.DrawFn) -> tuple[dict[int, str], list[GridRow]]:
    """A header's columns and rows under it: plain rows with, here and there, an odd cell, a
    row cut short, a cell beyond the columns, merged cells (from above or from the left)."""
    by_col = draw(st.sampled_from(SHAPES))
    width = max(by_col) + 1
    rows = []
    for k in range(draw(st.integers(0, 14))):
        texts = [
            draw(st.sampled_from(BY_ROLE[by_col[c]] if c in by_col else ["", "", "备注"]))
            for c in range(width)
        ]
        for _ in range(draw(st.integers(0, 2))):  # an odd cell anywhere, even beyond the columns
            at = draw(st.integers(0, width + 1))
            texts.extend([""] * (at + 1 - len(texts)))
            texts[at] = draw(st.sampled_from(ODD + CELLS))
        if draw(st.integers(0, 9)) == 0:  # the header printed again on a new page
            texts = [LABELS[by_col[c]] if c in by_col else "" for c in range(width)]
        if draw(st.integers(0, 5)) == 0:
            texts = texts[: draw(st.integers(0, width))]  # cut short
        covers = draw(st.one_of(st.none(), st.lists(COVER, min_size=1, max_size=3)))
        cover = {c: (a, v) for c, a, v in covers} if covers else None
        rows.append(GridRow([t.strip() for t in texts], Where(sheet="表1", row=k + 1), cover))
    return by_col, rows


def _read(shape: _BodyShape, rows: list[GridRow], columns: bool, short_rows_lost_merges: bool):
    table = TargetTable(kind="project", title="测试表")
    warnings: list = []
    pending = PendingRows()
    builder = TableBuilder(_Segment(None, []), warnings, short_rows_lost_merges, pending)
    (builder._read_body_columns if columns else builder._read_body_rows)(table, shape, rows)
    pending.flush()
    projects = [(t.name, t.budget_total, t.goal, t.where, t.indicators) for t in [table, *builder.split]]
    return projects, warnings, table.score_total, table.grade


@settings(max_examples=500, deadline=None)
@given(bodies(), st.booleans())
def test_a_body_reads_the_same_by_columns_and_by_rows(body, short_rows_lost_merges):
    by_col, rows = body
    shape = _BodyShape.of(by_col)
    assert _read(shape, rows, True, short_rows_lost_merges) == _read(
        shape, rows, False, short_rows_lost_merges
    )


def test_a_long_body_keeps_its_total_footer_and_stray_cells_in_place():
    """The rows the column path sends through the checks are found among many plain ones."""
    shape = _BodyShape.of({0: "level1", 1: "level2", 2: "name", 3: "value", 4: "unit"})
    plain = [["产出指标", "数量指标", f"培训{k}人次", "≥90", "%"] for k in range(3000)]
    texts = [
        *plain[:1000],
        ["合计", "", "", "", "", ""],
        *plain[1000:2000],
        ["", "", "办结率", "≥95", "%", "多出一格"],
    ]
    texts += [*plain[2000:], ["注：本表由项目单位填报"]]
    rows = [GridRow(t, Where(sheet="表1", row=k + 1)) for k, t in enumerate(texts)]
    [(*_, indicators)], warnings, *_ = _read(shape, rows, True, False)
    assert len(indicators) == 3001
    assert [w.where.row for w in warnings] == [2002, 3003]
    assert "多出一格" in warnings[0].message and "注：本表" in warnings[1].message
    assert indicators[2000].name == "办结率" and indicators[2000].level2 == "数量"  # carried down
    assert (indicators[0].where.row, indicators[-1].where.row) == (1, 3002)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(1, 5), min_size=1, max_size=6))
def test_labels_centred_on_their_rows_take_those_rows(sizes):
    """Blocks of rows (a merged 一级 each) printed as a PDF's text prints them: each label on the line
    at the middle of its rows, a line of its own (between two rows) when its rows are even. Whatever
    the sizes, each label gets its own rows back."""
    from jixiao.readers.assemble import _label_blocks

    lines: list[str] = []  # "row" or "label k", top to bottom
    for k, size in enumerate(sizes):
        block = ["row"] * size
        if size % 2:
            block[size // 2] = f"row label {k}"  # the middle row's own line
        else:
            block.insert(size // 2, f"label {k}")  # a line between the middle two
        lines.extend(block)
    rows = [n for n, line in enumerate(lines) if line.startswith("row")]
    found = [(n, line.startswith("row")) for n, line in enumerate(lines) if "label" in line]
    blocks = _label_blocks(rows, found)
    expected, first = [], 0
    for size in sizes:
        expected.append((first, first + size - 1))
        first += size
    assert blocks == expected


def test_labels_above_their_rows_head_them():
    from jixiao.readers.assemble import _label_blocks

    # 产出 over rows 1-2, 效益 over rows 4-6 (a heading line each)
    assert _label_blocks([1, 2, 4, 5, 6], [(0, False), (3, False)]) == [(0, 1), (2, 4)]


def test_a_total_row_under_centred_labels_stays_the_total():
    """A PDF's text copy of a self-evaluation: 产出指标 centred between its two rows, then the 总分
    row. The label spans the indicator rows only; 总分 and the grade are the table's."""
    from jixiao.readers import read_path

    text = "\n".join(
        [
            "                         项目支出绩效自评表",
            "  项目名称     农村饮水安全巩固提升工程",
            "  一级指标     二级指标     三级指标            年度指标值     实际完成值    分值    得分",
            "               数量指标     新建改造供水工程数      12处          12处         40     40",
            "  产出指标",
            "               质量指标     工程验收合格率          100%          100%         40     40",
            "  满意度指标   服务对象满意度指标  受益群众满意度   ≥90%          88%          20     18",
            "                            总分                                              100    98     自评等级：优",
        ]
    )
    doc = read_path("自评.txt", text.encode())
    (table,) = doc.tables
    assert [(i.level1, i.name) for i in table.indicators] == [
        ("产出", "新建改造供水工程数"), ("产出", "工程验收合格率"), ("满意度", "受益群众满意度")]  # fmt: skip
    assert (table.score_total, table.grade) == (Decimal("98"), "优")


def test_labels_wrapped_in_narrow_columns_join_the_label_above():
    """pdftotext -layout of a Word table with narrow label columns and no blank lines between rows:
    业务主管部 / 门 and 年度资金总 / 额 are labels split over two lines, each rest under its start."""
    from jixiao.readers import read_path

    head = " 项目名称   校舍维修改造                       业务主管部     某区教育委员会"
    text = "\n".join(
        [
            "                  2024年项目支出绩效目标表",
            head,
            " " * head.index("业务主管部") + "门",
            " 年度资金总     320.00",
            " 额",
            " 一级指标     二级指标      三级指标         指标值       计量单位   指标权重",
            " 产出指标     数量指标      维修改造学校数   3            所         50",
            " 满意度指标   满意度指标    师生满意度       ≥90          %          50",
        ]
    )
    doc = read_path("监控.txt", text.encode())
    (table,) = doc.tables
    assert (table.department, table.budget_total) == ("某区教育委员会", Decimal("320.00"))
    assert doc.warnings == []


def test_a_total_row_short_of_cells_ends_a_stream():
    """One cell a line (empty cells as whitespace, as in the seed): the 总分 row, merged over the
    first three columns, prints fewer cells than the others. It is the table's total and grade, not
    a table cut off."""
    from jixiao.readers import read_path

    header = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"]
    rows = [
        ["产出指标", "数量指标", "新建改造供水工程数", "12处", "12处", "50", "50", "\t"],
        ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "88%", "50", "45", "水压不稳"],
    ]
    lines = ["项目支出绩效自评表", "项目名称", "农村饮水安全", *header, *(c for r in rows for c in r)]
    lines += ["总分", "100", "95", "自评等级：优"]
    doc = read_path("自评.txt", "\n".join(lines).encode())
    (table,) = doc.tables
    assert (table.score_total, table.grade, len(table.indicators)) == (Decimal("95"), "优", 2)
    assert doc.warnings == []


def test_a_money_block_between_blank_lines_is_rows_not_one_wrapped_row():
    """pdftotext -layout of a sheet with ruled rows (a blank line between them): a total's label
    centred beside its two sources, one above it and one below. Amounts one above the other are
    rows of their own, not the lines of one wrapped cell."""

    text = "\n".join(
        [
            "                       2019年部门整体支出绩效目标表",
            "",
            "业务主管部门     宁德市某区农业农村局",
            "",
            "                                              项目支出                234.56",
            " 资金总额                          1,234.56",
            "                                              基本支出              1,000.00",
            "",
            " 一级指标       二级指标       三级指标              指标值        指标权重",
            "",
            " 产出指标       数量指标       高标准农田建设面积    ≥2万亩        100",
        ]
    )
    assert _money_read(text) == (
        Decimal("1234.56"),
        {"项目支出": Decimal("234.56"), "基本支出": Decimal("1000.00")},
        [],
    )


def _money_read(text: str) -> tuple[Decimal | None, dict[str, Decimal | None], list[str]]:
    """A department table's text read: its total, its budget lines and the warnings."""
    from jixiao.readers import read_path

    doc = read_path("部门.txt", text.encode())
    (table,) = doc.tables
    lines = {b.label: b.amount for b in table.budget_lines}
    return table.budget_total, lines, [w.message for w in doc.warnings]


def test_a_label_at_the_top_of_its_block_keeps_the_rows_above_it_apart():
    """pdftotext -layout of a Word table (cells set at their top): 资金总额 and its amount head the
    two sources below them. The task rows above, their contents wrapped over several lines, are not
    its block: a label centred on a block stands about as far from its first row as from its last."""
    text = "\n".join(
        [
            "                 2024 年部门整体支出绩效目标申报表",
            "业务主管部门   某县卫生健康局",
            "年度主要任务    任务名称      主要内容                     预算金额（万元）",
            "                                总额        财政拨款          其他资金",
            "         公共卫生服务    为辖区居民提     1,200.00    1,100.00      100.00",
            "                   供基本公共卫",
            "                   生服务 12 类",
            "         医疗机构监管    开展医疗机构      80.00      80.00          0.00",
            "                   日常监督检查",
            "                     家次",
            " 资金总额                           3580.00",
            "                                  财政拨款                           3200.00",
            "                                  其他资金                            380.00",
            " 一级指标     二级指标      三级指标      指标性质        指标值     计量单位          指标权重",
            " 产出指标     数量指标     医疗机构监督                 ≥300     家次               30",
        ]
    )
    total, lines, _ = _money_read(text)
    assert (total, lines) == (
        Decimal("3580.00"),
        {"财政拨款": Decimal("3200.00"), "其他资金": Decimal("380.00")},
    )


def test_a_viewer_copy_with_cells_wrapped_onto_their_own_lines_is_refused():
    """A Word table's PDF copied as a viewer copies it: cells a space apart, and cells too long for
    their narrow columns wrapped onto lines of their own (业务主管部 / 门). Which cell each piece
    belongs to is lost with the positions: the text is refused with what to do, not misread."""
    from jixiao.readers import ReadError, read_path

    text = "\n".join(
        [
            "2024年项目支出绩效运行监控表",
            "项目名称 校舍维修改造 业务主管部 某区教育委员会",
            "门",
            "年度资金总 320.00 128.00 40% 320.00",
            "额",
            "一级指标 二级指标 三级指标 年度指标值 执行情况 全年预计完 偏差原因分 完成目标可",
            "成情况 析 能性",
            "产出指标 数量指标 维修改造学 3所 1所 3所 暑期集中施 确定能",
            "校数 工",
            "质量指标 工程验收合 100% 100% 100% 确定能",
            "格率",
            "满意度指标 服务对象满 师生满意度 ≥90% — ≥90% 确定能",
            "意度指标",
        ]
    )
    with pytest.raises(ReadError) as info:
        read_path("监控.txt", text.encode())
    message = str(info.value)
    assert message.startswith("监控.txt") and "只隔一个空格" in message and "导入 PDF" in message
