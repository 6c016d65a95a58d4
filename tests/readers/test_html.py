"""HTML pages as government sites publish them."""

from jixiao.readers import read_path


def read_page(tmp_path, name, page):
    """The page saved as a file the way a site serves it (UTF-8), and read."""
    f = tmp_path / name
    f.write_text(page, encoding="utf-8")
    return read_path(f)


def test_html_table_inside_a_layout_table(tmp_path):
    page = (
        "<html><body><table width='100%'><tr><td>首页 &gt; 信息公开</td></tr><tr><td>"
        "<p>2024年项目支出绩效目标表</p><table border='1'>"
        "<tr><td>项目名称</td><td>社区矫正经费</td></tr>"
        "<tr><td>年度资金总额</td><td>12.50</td></tr>"
        "<tr><td>年度绩效目标</td><td>全年教育学习1200人次。</td></tr>"
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>教育学习人次</td><td>≥1200人次</td><td>60%</td></tr>"
        "<tr><td>效益指标</td><td>再犯罪率</td><td>≤0.2%</td><td>30%</td></tr>"
        "</table></td></tr></table></body></html>"
    )
    doc = read_page(tmp_path, "page.html", page)
    (t,) = doc.tables
    assert t.name == "社区矫正经费" and [i.name for i in t.indicators] == ["教育学习人次", "再犯罪率"]


def test_names_wrapped_inside_their_cells(tmp_path):
    page = (
        "<p>2024年项目支出绩效目标表</p><table border='1'>"
        "<tr><td>项目名称</td><td>社区矫正经费</td></tr>"
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td></tr>"
        "<tr><td>产出指标</td><td>社区矫正对象<br>教育学习人次</td><td>≥1200人次</td></tr>"
        "<tr><td>效益指标</td><td>Wi-Fi<br>coverage 覆盖率</td><td>≥95%</td></tr></table>"
    )
    (t,) = read_page(tmp_path, "wrapped.html", page).tables
    assert [i.name for i in t.indicators] == ["社区矫正对象教育学习人次", "Wi-Fi coverage 覆盖率"]
    assert t.indicators[0].raw["name"] == "社区矫正对象\n教育学习人次"  # as printed


def test_goal_column_merged_down_beside_the_indicators(tmp_path):
    """One project whose 绩效目标 sits in a column merged down its indicator rows: the table's goal."""
    page = (
        "<p>2024年项目支出绩效目标表</p><table border='1'>"
        "<tr><td>项目名称</td><td colspan='4'>社区矫正经费</td></tr>"
        "<tr><td>绩效目标</td><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td rowspan='2'>全年教育学习1200人次，再犯罪率控制在0.2%以内。</td>"
        "<td>产出指标</td><td>教育学习人次</td><td>≥1200人次</td><td>60</td></tr>"
        "<tr><td>效益指标</td><td>再犯罪率</td><td>≤0.2%</td><td>30</td></tr></table>"
    )
    doc = read_page(tmp_path, "goal_column.html", page)
    (t,) = doc.tables
    assert t.name == "社区矫正经费" and t.goal == "全年教育学习1200人次，再犯罪率控制在0.2%以内。"
    assert [i.name for i in t.indicators] == ["教育学习人次", "再犯罪率"] and doc.warnings == []


def test_page_with_a_table_per_project_under_one_heading(tmp_path):
    table = (
        "<p>项目名称：{0}</p><table border='1'>"
        "<tr><td>年度资金总额</td><td colspan='3'>{1}</td></tr>"
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>{2}</td><td>≥10</td><td>60</td></tr>"
        "<tr><td>效益指标</td><td>{3}</td><td>≥95%</td><td>30</td></tr></table>"
    )
    page = (
        "<p>2024年项目支出绩效目标表</p><p>编制单位：某区教育委员会　　　　单位：万元</p>"
        + table.format("学生资助", "30.00", "资助学生人数", "资助资金发放及时率")
        + table.format("校园安全", "45.00", "安保人员配备数", "校园安全事故下降率")
    )
    doc = read_page(tmp_path, "two.html", page)
    assert [(t.name, t.preparer, str(t.budget_total), len(t.indicators)) for t in doc.tables] == [
        ("学生资助", "某区教育委员会", "30.00", 2),
        ("校园安全", "某区教育委员会", "45.00", 2),
    ]
    assert doc.warnings == []


def test_header_printed_again_inside_a_long_table(tmp_path):
    """A long table whose header row is printed again part-way (a new page): no indicator 三级指标."""
    rows = "".join(
        f"<tr><td>{l1}</td><td>{name}</td><td>{value}</td><td>{w}</td></tr>"
        for l1, name, value, w in [
            ("产出指标", "道路维护里程", "≥120公里", 30),
            ("产出指标", "道路完好率", "≥95%", 30),
            ("一级指标", "三级指标", "指标值", "权重"),
            ("效益指标", "市民出行满意率", "≥90%", 20),
        ]
    )
    page = (
        "<p>2024年项目支出绩效目标表</p><table border='1'><tr><td>项目名称</td><td>城市道路维护</td></tr>"
        f"<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>{rows}</table>"
    )
    doc = read_page(tmp_path, "long.html", page)
    (t,) = doc.tables
    assert [i.name for i in t.indicators] == ["道路维护里程", "道路完好率", "市民出行满意率"]
    assert t.weight_total == 80 and doc.warnings == []


def test_a_title_in_the_tables_caption(tmp_path):
    """<caption>2024年项目支出绩效目标表</caption>: the title, and the year with it, are read."""
    page = (
        "<html><body><table border='1'><caption>2024年项目支出绩效目标表</caption>"
        "<tr><td>项目名称</td><td colspan='4'>社区矫正经费</td></tr>"
        "<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>指标权重</th></tr>"
        "<tr><td>产出指标</td><td>数量指标</td><td>社区矫正对象走访人次</td><td>≥1200人次</td><td>30%</td></tr>"
        "</table></body></html>"
    )
    doc = read_page(tmp_path, "caption.html", page)
    (t,) = doc.tables
    assert (t.title, t.fiscal_year, t.name, doc.fiscal_year) == (
        "2024年项目支出绩效目标表",
        2024,
        "社区矫正经费",
        2024,
    )
    assert doc.warnings == []


def test_a_special_fund_page_with_header_cells_and_points(tmp_path):
    """专项资金名称 in a <th>, 资金使用单位 beside 主管部门, 分值 written "30分", a 备注 column: every field
    placed, no warning."""
    page = tmp_path / "fund.html"
    page.write_text(
        """<html><body><h3>某区2025年专项资金绩效目标申报表</h3><table border="1">
<thead><tr><th colspan="2">专项资金名称</th><th colspan="5">就业补助资金</th></tr></thead><tbody>
<tr><td colspan="2">主管部门</td><td colspan="2">某区人力资源和社会保障局</td><td>资金使用单位</td><td colspan="2">某区就业服务中心</td></tr>
<tr><td colspan="2">资金情况（万元）</td><td colspan="2">2025年预算</td><td colspan="3">1,008.00</td></tr>
<tr><td colspan="2">年度绩效目标</td><td colspan="5">目标1：城镇新增就业5000人；<br>目标2：城镇登记失业率控制在4%以内。</td></tr>
<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th><th>计量单位</th><th>分值</th><th>备注</th></tr>
<tr><td>产出指标</td><td>数量指标</td><td>城镇新增就业人数</td><td>≥5000</td><td>人</td><td>50分</td><td></td></tr>
<tr><td>效益指标</td><td>社会效益指标</td><td>城镇登记失业率</td><td>≤4</td><td>%</td><td>50分</td><td>控制目标</td></tr>
</tbody></table></body></html>""",
        encoding="utf-8",
    )
    doc = read_path(page)
    (t,) = doc.tables
    assert (t.name, t.department, t.extra) == (
        "就业补助资金",
        "某区人力资源和社会保障局",
        {"资金使用单位": "某区就业服务中心"},
    )
    assert (str(t.budget_total), t.budget_label, t.fiscal_year) == ("1008.00", "2025年预算", 2025)
    assert [str(i.weight) for i in t.indicators] == ["50", "50"]
    assert t.indicators[1].raw.get("note") == "控制目标" and doc.warnings == []


def test_a_budget_table_beside_the_target_table_gets_a_warning_per_row(tmp_path):
    """A page of the whole budget (收支总表 above the target table): each of the other table's rows is
    named once, with its cells, where it was printed; not once per cell (a budget document has
    thousands of cells outside its target tables)."""
    page = (
        "<p>2024年部门收支总表</p><table border='1'>"
        "<tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>"
        "<tr><td>一般公共预算拨款收入</td><td>12,345.67</td><td>教育支出</td><td>11,000.00</td></tr></table>"
        "<p>2024年项目支出绩效目标表</p><table border='1'>"
        "<tr><td>项目名称</td><td>学生资助专项</td></tr>"
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>资助学生人次</td><td>≥2000人次</td><td>100</td></tr></table>"
    )
    doc = read_page(tmp_path, "budget.html", page)
    (t,) = doc.tables
    assert t.name == "学生资助专项" and [i.name for i in t.indicators] == ["资助学生人次"]
    assert [w.message for w in doc.warnings] == [
        "表格之外的文字「2024年部门收支总表」未读入。",
        "表格之外的文字「项目 | 预算数 | 项目 | 预算数」未读入。",
        "表格之外的文字「一般公共预算拨款收入 | 12,345.67 | 教育支出 | 11,000.00」未读入。",
    ]
    assert [w.where.row for w in doc.warnings[1:]] == [1, 2]
    assert all(w.where.column is None for w in doc.warnings)
