"""The seed read by the text reader: every fact of expected.yaml, in every encoding seen in the field."""

import re

import pytest

from jixiao.readers import read_path
from jixiao.writers.json import document_from_dict, document_to_dict
from tests.facts import missed_facts


def test_every_seed_fact(seed_path, expected):
    doc = document_to_dict(read_path(seed_path))
    missed, count = missed_facts(doc, expected)
    assert count > 200
    assert missed == []


def test_indicators_point_back_to_their_lines(seed_path):
    doc = read_path(seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    for table in doc.tables:
        for ind in table.indicators:
            # the row starts at its line; the name is printed within the next few lines
            window = "".join(lines[ind.where.line - 1 : ind.where.line + 3])
            assert ind.name in window.replace("\u3000", "").replace("\t", "")


def test_raw_cells_kept_beside_normalised(seed_path):
    doc = read_path(seed_path)
    first = doc.tables[0].indicators[0]
    assert first.raw["weight"] == "20%" and str(first.weight) == "20"
    assert first.raw["level1"] == "效益" and first.level1 == "效益"
    assert first.operator is None  # the document states no direction; review says so


def test_template_rows_are_not_indicators(seed_path):
    doc = read_path(seed_path)
    assert [len(t.indicators) for t in doc.tables] == [5, 4, 4, 4, 4, 3, 4]
    assert doc.warnings == []


def test_json_round_trip(seed_path):
    data = document_to_dict(read_path(seed_path))
    assert document_to_dict(document_from_dict(data)) == data


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be", "utf-16-be with its mark"],
)
def test_encodings_seen_in_the_field(tmp_path, seed_path, expected, encoding):
    text = seed_path.read_text(encoding="utf-8")
    f = tmp_path / f"seed-{encoding}.txt"
    if encoding.endswith("with its mark"):  # Python's utf-16 marks only its own byte order
        f.write_bytes(b"\xfe\xff" + text.encode("utf-16-be"))
    else:
        f.write_bytes(text.encode(encoding))
    doc = read_path(f)
    data = document_to_dict(doc)
    data["source"]["path"] = seed_path.name
    missed, _ = missed_facts(data, expected)
    assert missed == []


def test_windows_line_endings(tmp_path, seed_path, expected):
    f = tmp_path / "crlf.txt"
    f.write_bytes(seed_path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    missed, _ = missed_facts(document_to_dict(read_path(f)), expected)
    assert missed == []


def test_a_name_broken_over_two_lines(tmp_path, seed_path, expected):
    # Word wraps long names; the copy then has the name on two lines
    text = seed_path.read_text(encoding="utf-8").replace(
        "\t备案临聘、西部志愿者、公益性岗位人员", "\t备案临聘、西部志愿者、\n\t公益性岗位人员"
    )
    f = tmp_path / "wrapped.txt"
    f.write_text(text, encoding="utf-8")
    missed, _ = missed_facts(document_to_dict(read_path(f)), expected)
    assert missed == []


def test_category_in_the_group_column_and_titles_without_biao(tmp_path):
    # another district's copy: titles end in 绩效目标 (no 表), the category sits in the 绩效指标 column
    text = "\n".join(
        [
            "2024年项目支出绩效目标",
            "\t项目名称",
            "\t社区矫正经费",
            "\t2024年预算",
            "\t12.50",
            "\t当年绩效目标",
            "\t全年社区矫正对象再犯罪率控制在0.2%以下。",
            "\t绩效指标",
            "\t指标",
            "\t指标权重",
            "\t计量单位",
            "\t指标值",
            "\t产出指标",
            "\t社区矫正对象教育学习人次",
            "\t40%",
            "\t人次",
            "\t≥1200",
            "\t效益指标",
            "\t社区矫正对象再犯罪率",
            "\t50%",
            "\t%",
            "\t≤0.2",
            "2024年项目支出绩效目标",
            "\t项目名称",
            "\t人民调解经费",
            "\t2024年预算",
            "\t8.00",
            "\t当年绩效目标",
            "\t调解各类矛盾纠纷800件以上，调解成功率不低于95%。",
            "\t绩效指标",
            "\t指标",
            "\t指标权重",
            "\t计量单位",
            "\t指标值",
            "\t产出指标",
            "\t调解矛盾纠纷件数",
            "\t60%",
            "\t件",
            "\t≥800",
            "\t效益指标",
            "\t调解成功率",
            "\t30%",
            "\t%",
            "\t≥95",
        ]
    )
    f = tmp_path / "司法局.txt"
    f.write_text(text, encoding="utf-8")
    doc = read_path(f)
    assert [t.name for t in doc.tables] == ["社区矫正经费", "人民调解经费"]
    assert [
        [(i.level1, i.name, str(i.weight), i.operator, i.value, i.unit) for i in t.indicators]
        for t in doc.tables
    ] == [
        [
            ("产出", "社区矫正对象教育学习人次", "40", ">=", "1200", "人次"),
            ("效益", "社区矫正对象再犯罪率", "50", "<=", "0.2", "%"),
        ],
        [
            ("产出", "调解矛盾纠纷件数", "60", ">=", "800", "件"),
            ("效益", "调解成功率", "30", ">=", "95", "%"),
        ],
    ]


def _seed_cells(seed_path):
    return [
        c
        for c in (line.strip(" \t\u3000") for line in seed_path.read_text(encoding="utf-8").splitlines())
        if c
    ]


def _reads_the_seed(tmp_path, name, text, expected, reader=None):
    """The seed's facts, all of them, from `text` written to a file `name` (read by `reader`, if given)."""
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    doc = read_path(f)
    if reader is not None:
        assert doc.reader == reader
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == []
    return doc


def test_seed_as_one_cell_a_paragraph(tmp_path, seed_path, expected):
    # empty cells vanish in this layout: rows are aligned on what each column can hold
    f = tmp_path / "paragraphs.txt"
    f.write_text("\n\n".join(_seed_cells(seed_path)), encoding="utf-8")
    doc = read_path(f)
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == [] and doc.warnings == []


def test_seed_as_one_line(tmp_path, seed_path, expected):
    f = tmp_path / "one-line.txt"
    f.write_text(" ".join(_seed_cells(seed_path)), encoding="utf-8")
    doc = read_path(f)
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == []


def test_seed_as_a_web_page_copy(tmp_path, seed_path, expected):
    """Cells ending in |, a bare | starting each row, || for merged cells, cells merged from above gone."""
    from jixiao.writers.layout import layouts

    lines = []
    for _, layout in layouts(read_path(seed_path)):
        for row in layout.rows:
            lines.append("|")
            lines += [(b.text.replace("\n", "") or " ") + "|" * b.colspan for b in row if b is not None]
    f = tmp_path / "web.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    doc = read_path(f)
    assert doc.reader == "text:pipe-cells"
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == [] and doc.warnings == []


def test_seed_as_a_word_page_copied_in_a_browser(tmp_path, seed_path, expected):
    """A page whose cells hold paragraphs (Word's web pages) copied as text: a tab alone between empty
    lines parts two cells, one empty line two paragraphs of a cell, a run of them two rows; an empty
    cell is empty lines between tabs; cells merged from above are gone."""
    from jixiao.writers.layout import layouts

    rows = []
    for _, layout in layouts(read_path(seed_path)):
        for row in layout.rows:
            cells = ["\n\n".join(b.text.split("\n")) if b.text else "\n" for b in row if b is not None]
            rows.append("\n\n\t\n\n".join(cells))
    doc = _reads_the_seed(
        tmp_path, "word-page.txt", "\n\n\n\n\n".join(rows) + "\n\n\n\n", expected, "text:paragraph-cells"
    )
    assert doc.warnings == []


def test_seed_as_pdf_text_rows(tmp_path, seed_path, expected):
    """Text copied out of a PDF: one row a line, cells apart by runs of spaces, empty cells gone."""
    from jixiao.writers.layout import layouts

    lines = []
    for _, layout in layouts(read_path(seed_path)):
        for row in layout.rows:
            lines.append("    ".join(b.text.replace("\n", "") for b in row if b is not None and b.text))
    _reads_the_seed(tmp_path, "pdf-text.txt", "\n".join(lines), expected, "text:space-rows")


def test_a_group_label_printed_once_down_the_indicator_rows(tmp_path, seed_path, expected):
    # some templates print "年度绩效指标" in a column merged down all indicator rows: copied, it
    # appears once, in the first row, and the other rows have no cell for it
    text = seed_path.read_text(encoding="utf-8")
    cut = text.index("\t部门专项绩效目标申报表")
    dept, rest = text[:cut], text[cut:]
    lines = dept.split("\n")
    header = lines.index("\t绩效指标")
    lines[header] = "\t年度绩效指标"
    body = lines[header + 6 :]
    first = body.index("\t")  # the empty group cell of the first row: now the merged label
    body[first] = "\t年度绩效指标"
    body = [line for k, line in enumerate(body) if not (line == "\t" and k != first)]  # the others vanish
    f = tmp_path / "group.txt"
    f.write_text("\n".join(lines[: header + 6] + body) + rest, encoding="utf-8")
    doc = read_path(f)
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == []


def test_two_cells_on_one_line(tmp_path, seed_path, expected):
    # a copy that kept a label and its value on one line, a tab between them
    text = seed_path.read_text(encoding="utf-8")
    text = text.replace(
        "\t2024年预算\n\t 10.14\n\t区级支出\n\t\u300010.14", "\t2024年预算\t10.14\n\t区级支出\t10.14"
    )
    text = text.replace(
        "\t业务主管部门\n\t重庆市沙坪坝区信访办公室\u3000\n", "\t业务主管部门\t重庆市沙坪坝区信访办公室\n"
    )
    assert "\t2024年预算\t10.14" in text
    f = tmp_path / "pairs.txt"
    f.write_text(text, encoding="utf-8")
    doc = read_path(f)
    missed, _ = missed_facts(document_to_dict(doc), expected)
    assert missed == [] and doc.warnings == []


def test_total_row_of_a_self_evaluation_copied_one_cell_a_line(tmp_path):
    """A 自评表 copied one cell a line, as the seed is: its 总分 row gives the total and the grade and is
    not an indicator without a name."""
    cells = [
        "项目支出绩效自评表", "项目名称", "农村饮水安全巩固提升工程", "年度绩效目标", "新建改造供水工程12处。",
        "一级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
        "产出指标", "新建改造供水工程数", "≥12处", "12处", "50", "50",
        "效益指标", "农村自来水普及率", "≥92%", "92.5%", "40", "40",
        "总分", "", "", "", "100", "97.5",
    ]  # fmt: skip
    f = tmp_path / "自评.txt"
    f.write_text("".join(f"\t{c}\n" for c in cells), encoding="utf-8")
    (t,) = read_path(f).tables
    assert (t.stage, t.score_total) == ("self_evaluation", 97.5)
    assert [(i.name, i.actual, i.score) for i in t.indicators] == [
        ("新建改造供水工程数", "12处", 50),
        ("农村自来水普及率", "92.5%", 40),
    ]


def test_a_total_row_of_weights_is_not_a_score(tmp_path):
    """合计 | 100% under the weights (found by the column-reading property test: it crashed the reader)."""
    f = tmp_path / "合计.txt"
    f.write_text(
        "2024年项目支出绩效目标表\n"
        "一级指标\t二级指标\t三级指标\t指标值\t计量单位\t指标权重\n"
        "产出指标\t数量指标\t培训人次\t100\t人次\t60%\n"
        "满意度指标\t服务对象满意度\t群众满意度\t≥90\t%\t40%\n"
        "合计\t\t\t\t\t100%\n",
        encoding="utf-8",
    )
    (t,) = read_path(f).tables
    assert [i.name for i in t.indicators] == ["培训人次", "群众满意度"]
    assert t.score_total is None


def test_a_word_page_copy_keeps_a_cells_paragraphs_and_the_lines_above_apart(tmp_path):
    """Above the table, a paragraph a line (title, then the unit); in a cell, two paragraphs are one
    cell's text, a line each."""
    sep, row_break = "\n\n\t\n\n", "\n\n\n\n\n"
    rows = [
        ["项目名称", "城市道路维护", "业务主管部门", "某区城市管理局"],
        ["年度资金总额", "800.00"],
        ["年度绩效目标", "目标1：全年维护城市道路120公里。\n\n目标2：道路完好率不低于95%。"],
        ["一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标权重"],
        ["产出指标", "数量指标", "道路维护里程", "≥120", "公里", "50"],
        ["效益指标", "社会效益指标", "市民出行满意率", "≥90", "%", "50"],
    ]
    text = "2024年项目支出绩效目标表\n\n单位：万元" + row_break + row_break.join(sep.join(r) for r in rows)
    f = tmp_path / "word-page.txt"
    f.write_text(text + "\n\n\n\n", encoding="utf-8")
    doc = read_path(f)
    table = doc.tables[0]
    assert doc.reader == "text:paragraph-cells" and doc.money_unit == "万元"
    assert (table.title, table.name, table.department) == (
        "2024年项目支出绩效目标表",
        "城市道路维护",
        "某区城市管理局",
    )
    assert table.goal == "目标1：全年维护城市道路120公里。\n目标2：道路完好率不低于95%。"
    assert [(i.name, i.value, i.unit, i.weight) for i in table.indicators] == [
        ("道路维护里程", "120", "公里", 50),
        ("市民出行满意率", "90", "%", 50),
    ]
    assert doc.warnings == []


def _fused_weights_and_units(lines: list[str]) -> tuple[list[str], int]:
    """The seed's lines with each weight and the unit under it printed as one cell ("20%件")."""
    out, fused, k = [], 0, 0
    while k < len(lines):
        here = lines[k].strip(" \t\u3000")
        after = lines[k + 1].strip(" \t\u3000") if k + 1 < len(lines) else ""
        if re.fullmatch(r"\d+%", here) and after and len(after) <= 3 and not re.search(r"\d", after):
            out.append(f"\t{here}{after}")
            fused, k = fused + 1, k + 2
        else:
            out.append(lines[k])
            k += 1
    return out, fused


@pytest.mark.parametrize("form", ["as printed", "one line"])
def test_weights_fused_with_their_units(tmp_path, seed_path, expected, form):
    """A copy that lost the break between two cells: "20%件" is the weight 20% and the unit 件."""
    lines, fused = _fused_weights_and_units(seed_path.read_text(encoding="utf-8").splitlines())
    assert fused >= 20
    text = "\n".join(lines) if form == "as printed" else " ".join(ln.strip() for ln in lines if ln.strip())
    _reads_the_seed(tmp_path, "fused.txt", text, expected)


@pytest.mark.parametrize(("bar", "top", "between", "bottom"), [("｜", "－" * 30, "－" * 30, "－" * 30), ("│", "┌" + "─" * 28 + "┐", "├" + "─" * 28 + "┤", "└" + "─" * 28 + "┘")])  # fmt: skip
def test_rows_between_full_width_or_box_drawing_bars(
    tmp_path, seed_path, expected, bar, top, between, bottom
):
    """A row a line with its cells between full-width bars (｜) or drawn in a box (│ between ├──┤ lines),
    as fonts and text tools print a table: read as `|` rows."""
    from jixiao.writers.layout import layouts

    lines = [top]
    for _, layout in layouts(read_path(seed_path)):
        for row in layout.rows:
            lines += [bar + bar.join(b.text for b in row if b is not None) + bar, between]
    lines[-1] = bottom
    _reads_the_seed(tmp_path, "bars.txt", "\n".join(lines), expected, "text:pipe-rows")


@pytest.mark.parametrize(
    ("money_rows", "budget", "extra"),
    [
        (["项目总预算（万元）\t1500.00"], "1500.00", {}),  # a project of one year: its total is its budget
        (["项目总预算（万元）\t1500.00\t年度预算\t500.00"], "500.00", {"项目总预算": "1500.00"}),
    ],
)
def test_a_whole_period_total_is_the_budget_only_where_no_other_is_printed(
    tmp_path, money_rows, budget, extra
):
    lines = [
        "2025年项目支出绩效目标表",
        "项目名称\t老旧小区改造\t主管部门\t某区住房和城乡建设委员会",
        *money_rows,
        "年度绩效目标\t完成老旧小区改造12个。",
        "一级指标\t二级指标\t三级指标\t指标值\t计量单位\t权重",
        "产出指标\t数量指标\t改造小区个数\t≥12\t个\t60",
        "满意度指标\t服务对象满意度指标\t居民满意度\t≥90\t%\t40",
    ]
    f = tmp_path / "total.txt"
    f.write_text("\n".join(lines), encoding="utf-8")
    (table,) = read_path(f).tables
    assert str(table.budget_total) == budget
    assert {k: v for k, v in table.extra.items() if k == "项目总预算"} == extra


def test_the_tables_inside_a_whole_budget_document(tmp_path, seed_path, expected):
    """The seed as published inside its department's budget document: parts of text before the tables
    and after them. Every fact is read; the text before is named line by line, the part after the last
    table as text after it (not as a table cut off)."""
    before = [
        "某区信访办公室2024年部门预算公开",
        "第一部分 部门概况",
        "一、职能职责",
        "负责受理、交办人民群众来信来访。",
    ]
    after = [
        "第三部分 名词解释",
        "1.财政拨款收入：指区级财政当年拨付的资金。",
        "2.基本支出：指保障机构正常运转的支出。",
    ]
    text = "\n".join([*before, "", seed_path.read_text(encoding="utf-8"), "", *after])
    doc = _reads_the_seed(tmp_path, "budget.txt", text, expected)
    messages = [w.message for w in doc.warnings]
    assert sum("表格之外的文字" in m for m in messages) == len(before)
    assert any("之后的文字「第三部分 名词解释、1.财政拨款收入" in m for m in messages)
    assert not any("截断" in m for m in messages)


def test_the_documents_text_after_tab_rows_is_no_indicator(tmp_path, seed_path, expected):
    """Copied as tab rows from a budget document: the headings, list items and sentences after the last
    table (四、名词解释, 1.财政拨款收入：…, 公开时间：…) are named as text after it, not read as indicators."""
    from jixiao.writers.layout import layouts

    rows = [
        "\t".join(b.text for b in row if b is not None)
        for _, lay in layouts(read_path(seed_path))
        for row in lay.rows
    ]
    after = ["四、名词解释", "1.财政拨款收入：指区级财政当年拨付的资金。", "公开时间：2024年2月1日"]
    doc = _reads_the_seed(tmp_path, "rows.txt", "\n".join([*rows, *after]), expected, "text:tab-rows")
    assert [w.message for w in doc.warnings] == [
        f"表「部门专项绩效目标申报表」指标行之后的「{line}」不是指标，未读入。" for line in after
    ]
