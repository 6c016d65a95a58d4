"""Cases from real tables that must not be reported (false positives cost reviewers' trust)."""

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.model import BudgetLine, Document, TargetTable, Where
from jixiao.domain.review import review
from jixiao.readers.indicators import indicator_from_cells

OK = [
    ("产出", "信访积案化解数量", "30%", "件", "≥30"),
    ("效益", "信访事项按期办结率", "30%", "%", "≥95"),
    ("满意度", "群众满意度", "20%", "%", "≥90"),
]


def findings(rows, first="nature", **table):
    """Review one table whose rows are (first column, name, weight, unit, value); `first` says what
    the first column is (指标性质 holding the category, or 一级指标)."""
    table = {"kind": "project", "title": "项目支出绩效目标表", "name": "某项目", "fiscal_year": 2024, **table}
    t = TargetTable(**table)
    for n, (category, name, weight, unit, value) in enumerate(rows, start=1):
        cells = {first: category, "name": name, "weight": weight, "unit": unit, "value": value}
        t.indicators.append(indicator_from_cells(cells, Where(row=n)))
    return review(Document(source_path="x", reader="test", fiscal_year=t.fiscal_year, tables=[t]))


def codes(rows, **table):
    return {(f.code, f.indicator) for f in findings(rows, **table)}


def test_words_that_start_with_ling_are_not_zero_targets():
    found = codes([*OK, ("产出", "零星维修响应次数", "10%", "次", "≥50")])
    assert not [c for c in found if c[0] == "zero-target-not-zero"]


def test_weights_written_as_fractions():
    rows = [(a, b, w, u, v) for (a, b, _, u, v), w in zip(OK, ["0.4", "0.3", "0.2"], strict=True)]
    assert not [c for c in codes(rows) if c[0] == "weight-total"]


def test_dissatisfaction_rate_below_a_ceiling():
    found = codes([*OK[:2], ("满意度", "群众不满意率", "20%", "%", "≤5")])
    assert not [c for c in found if c[0] == "satisfaction-below-floor"]


def test_ordinary_qualitative_targets_have_a_grade():
    found = codes([*OK, ("效益", "机关运转", "10%", "", "保障正常运转")])
    assert not [c for c in found if c[0] == "qualitative-grade-unknown"]


def test_a_year_in_a_name_is_not_a_target():
    found = codes([*OK, ("产出", "2024年度资金拨付进度", "10%", "%", "≥90")])
    assert not [c for c in found if c[0] in ("value-in-name", "name-value-conflict")]


def test_remarks_after_values_keep_the_number():
    found = codes([("产出", "改造小区个数", "40%", "个", "≥12个（计划标准）"), *OK[1:]])
    assert not [
        c for c in found if c[0] in ("unit-missing", "qualitative-grade-unknown", "value-not-a-value")
    ]


def test_monitoring_money_block_adds_up_by_its_budget_column():
    """年初预算数 | 1-7月执行数 | 执行率 over 财政拨款 and 其他资金: the executed amounts and rates are
    not parts of the budget; the budget column's parts are, and a wrong one is still reported."""

    def lines(grant):
        return [
            BudgetLine(f"财政拨款·{col}", Decimal(v))
            for col, v in (("年初预算数", grant), ("1-7月执行数", "120"), ("1-7月执行率", "40"))
        ] + [
            BudgetLine(f"其他资金·{col}", Decimal(v))
            for col, v in (("年初预算数", "20"), ("1-7月执行数", "8"))
        ]

    table = {"budget_total": Decimal("320"), "budget_label": "年初预算数"}
    assert not [c for c in codes(OK, budget_lines=lines("300"), **table) if c[0] == "budget-lines-sum"]
    assert [c for c in codes(OK, budget_lines=lines("310"), **table) if c[0] == "budget-lines-sum"]


def test_a_budget_split_twice_adds_up_in_each_group():
    """The central self-evaluation's money block: the total's 年初预算数 beside its 全年预算数, then its
    sources 按收入性质分 and again 按支出性质分. Each group makes the total: no finding; a group that does
    not is still reported."""

    def lines(project):
        cells = [("年初预算数", None, "5000")]
        for source, budget in (("一般公共预算", "5000"), ("政府性基金预算", "200"), ("基本支出", "3000")):
            cells.append((source, "全年预算数", budget))
        cells.append(("项目支出", "全年预算数", project))
        cells += [("一般公共预算", "年初预算数", "4800"), ("基本支出", "全年执行数", "2980")]
        return [BudgetLine(s if c is None else f"{s}·{c}", Decimal(v)) for s, c, v in cells]

    table = {"budget_total": Decimal("5200"), "budget_label": "全年预算数"}
    assert not [c for c in codes(OK, budget_lines=lines("2200"), **table) if c[0] == "budget-lines-sum"]
    assert [c for c in codes(OK, budget_lines=lines("2100"), **table) if c[0] == "budget-lines-sum"]


def department_codes(rows):
    return {
        (f.code, f.indicator)
        for f in findings(
            rows, first="level1", kind="department", title="部门整体绩效目标表", name=None,
            department="某区市场监督管理局", fiscal_year=2025, budget_total=Decimal("4210.36"),
            goal="全年食品抽检不少于3000批次，不发生区域性食品安全事故。",
        )
    }  # fmt: skip


CHONGQING = [
    ("运行成本", "“三公”经费控制率", "10", "%", "≤100"),
    ("管理效率", "预算执行率", "10", "%", "≥95"),
    ("履职效能", "食品抽检批次", "40", "批次", "≥3000"),
    ("社会效应", "区域性食品安全事故发生数", "20", "起", "≤0"),
    ("服务对象满意度", "群众满意度", "10", "%", "≥90"),
]


def test_department_table_in_the_chongqing_frame():
    """重庆's 部门整体 dimensions (运行成本 … 服务对象满意度) are a frame of their own: not unknown
    一级, and no 产出/效益 demanded; covering only one of them is still reported."""
    found = department_codes(CHONGQING)
    assert not [c for c in found if c[0] in ("level1-unknown", "level1-missing")]
    one = department_codes([("履职效能", name, w, u, v) for _, name, w, u, v in CHONGQING])
    assert ("level1-missing", None) in one and not [c for c in one if c[0] == "level1-unknown"]


def test_a_frames_cost_dimension_is_the_tables_cost_indicator():
    """重庆's 运行成本 is the department table's cost indicator: no cost-indicator-missing; without a
    运行成本 row the table is still told it has none."""
    assert "cost-indicator-missing" not in {code for code, _ in department_codes(CHONGQING)}
    without = [row for row in CHONGQING if row[0] != "运行成本"]
    assert "cost-indicator-missing" in {code for code, _ in department_codes(without)}


def test_project_table_with_those_words_is_not_in_the_frame():
    found = codes([*OK, ("履职效能", "食品抽检批次", "10%", "批次", "≥3000")])
    assert ("level1-unknown", 3) in found


def test_building_a_system_is_not_a_construction_project():
    """成本 is required of 工程基建 projects; "公共文化服务体系建设" builds no structure, "校舍维修改造" does."""

    def severity(name):
        found = findings(OK, name=name, goal="全年开展送文化下乡演出60场。", budget_total=Decimal("120"))
        return [f.severity for f in found if f.code == "cost-indicator-missing"]

    assert severity("公共文化服务体系建设") == ["info"]
    assert severity("校舍维修改造") == ["error"]
    assert severity("标准化建设暨队伍建设") == ["info"]
    assert severity("信访队伍建设及接待大厅改造") == ["error"]  # an exception beside a real construction


def test_targets_stated_against_last_year():
    """ "不低于上年" and "较上年提高5%" name no number to score against; "稳步提升" is a grade."""
    found = codes(
        [
            *OK,
            ("效益", "群众信访满意率", "10%", "%", "不低于上年"),
            ("效益", "办结效率", "10%", "", "较上年提高5%"),
        ]
    )
    assert ("qualitative-grade-unknown", 3) in found and ("qualitative-grade-unknown", 4) in found
    assert ("qualitative-grade-unknown", 3) not in codes([*OK, ("效益", "服务水平", "10%", "", "稳步提升")])


def test_self_evaluation_checks_on_a_published_layout():
    """The self-evaluation fixture: its total is off by one point; the shortfall (571 of ≥600) has its
    reason written; no score exceeds its points."""
    from pathlib import Path

    from jixiao.readers import read_path

    doc = read_path(Path(__file__).parents[1] / "fixtures/layouts/self_evaluation_html.xls")
    found = {(f.code, f.indicator) for f in review(doc)}
    assert ("score-total-mismatch", None) in found
    assert not [c for c in found if c[0] in ("deviation-missing", "score-above-weight")]
    doc.tables[0].indicators[1].deviation = None  # the reason for 571 of ≥600 left out
    assert ("deviation-missing", 1) in {(f.code, f.indicator) for f in review(doc)}


def test_monitoring_doubt_without_a_reason():
    """A monitoring row whose 完成可能性 is 有可能 needs its 偏差原因; 确定能 needs none."""
    from pathlib import Path

    from jixiao.readers import read_path

    doc = read_path(Path(__file__).parents[1] / "fixtures/layouts/tab_rows_monitoring_central.txt")
    found = [(f.code, f.indicator, f.basis) for f in review(doc) if f.code == "deviation-missing"]
    assert found == [("deviation-missing", 2, "财预〔2019〕136号")]


def test_a_goals_sentences_are_quoted_as_printed_and_compared_folded():
    from jixiao.domain.review.context import goal_facts

    facts = goal_facts("年内完成业务培训１２０人次！\n服务对象满意度达到 ９０％以上；短句。")
    assert facts.sentences == (
        ("年内完成业务培训120人次", "年内完成业务培训１２０人次"),
        ("服务对象满意度达到90%以上", "服务对象满意度达到 ９０％以上"),
    )
    assert facts.measurable and facts.folded.startswith("年内完成业务培训120人次!")
    assert goal_facts("　 \n").folded == ""


def test_a_department_table_without_effect_is_told_as_a_department():
    """A 部门整体 table without 效益: the finding speaks of the department's targets, not of a project."""
    rows = [OK[0], OK[2]]
    (finding,) = [
        f
        for f in findings(rows, first="level1", kind="department", title="部门整体绩效目标表")
        if f.code == "level1-missing"
    ]
    assert (
        "部门整体绩效目标原则上都应设置产出指标和效益指标" in finding.message
        and "每个项目" not in finding.message
        and "部门履职带来的" in finding.message
    )
    (project,) = [f for f in findings(rows, first="level1") if f.code == "level1-missing"]
    assert "每个项目原则上" in project.message and "项目实施带来的" in project.message


def test_a_placeholder_in_a_department_table_is_told_as_the_department():
    rows = [*OK, ("产出", "重点工作完成数", "10%", "个", "≥**")]
    dept = [
        f
        for f in findings(rows, first="level1", kind="department", title="部门整体绩效目标表")
        if f.code == "placeholder-left"
    ]
    assert dept and all("请替换为本部门的实际指标值" in f.message for f in dept)
    project = [f for f in findings(rows, first="level1") if f.code == "placeholder-left"]
    assert project and all("请替换为本项目的实际指标值" in f.message for f in project)


@pytest.mark.parametrize("value", ["≥  %", "≥【】", "不少于（ ）"])
def test_a_blank_target_of_brackets_or_a_sign_alone_with_its_unit_is_a_placeholder(value):
    """A template's blank printed as empty brackets or as a sign before its unit: 指标值 left
    unfilled; a filled value beside it is not."""
    rows = [*OK, ("产出", "重点工作完成数", "10%", "%", value), ("产出", "工作完成率", "10%", "%", "≥95")]
    found = [f for f in findings(rows, first="level1") if f.code == "placeholder-left"]
    assert len(found) == 1 and "指标值" in found[0].message and "重点工作完成数" in found[0].message


def test_a_span_in_a_rates_name_is_no_target():
    """ "20个工作日内办结率", "24小时响应率": the number defines the measure; a percent in a rate's name
    ("满意度90%") is still a target written into the name."""
    for name in ("20个工作日内办结率", "3天内处置率", "24小时响应率"):
        found = codes([*OK, ("效益", name, "10%", "%", "≥95")])
        assert not [c for c in found if c[0] in ("value-in-name", "name-value-conflict")], name
    found = codes([*OK, ("满意度", "满意度90%", "10%", "%", "≥90")])
    assert ("value-in-name", 3) in found


def test_the_same_measure_under_two_duties_is_no_duplicate():
    """A 部门整体 table by duty (年度履职目标): each duty may have its own 完成率; within one duty it repeats."""
    t = TargetTable(kind="department", title="部门整体绩效目标表", fiscal_year=2024)
    rows = [
        ("信访接待", "产出", "接待任务完成率", "≥95"), ("信访接待", "满意度", "来访群众满意度", "≥90"),
        ("积案化解", "产出", "接待任务完成率", "≥90"), ("积案化解", "效益", "积案化解率", "≥80"),
        ("积案化解", "产出", "接待任务完成率", "≥85"),
    ]  # fmt: skip
    for n, (task, level1, name, value) in enumerate(rows, start=1):
        cells = {"task": task, "level1": level1, "name": name, "weight": "20", "unit": "%", "value": value}
        t.indicators.append(indicator_from_cells(cells, Where(row=n)))
    found = review(Document(source_path="x", reader="test", fiscal_year=2024, tables=[t]))
    # the third 完成率, in 积案化解 again, is the only duplicate
    assert [f.indicator for f in found if f.code == "duplicate-indicator"] == [4]
    assert not [f for f in found if f.code == "same-measure-two-categories"]
    t.indicators[4].level1 = "效益"  # 积案化解's two 完成率 in two categories: that clash is within one duty
    found = review(Document(source_path="x", reader="test", fiscal_year=2024, tables=[t]))
    assert [f.indicator for f in found if f.code == "same-measure-two-categories"] == [4]


@settings(max_examples=3000, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "0123456789１２年号〔〕[]零百分之全覆盖上访事故非投诉发生生 x%％“”「」，。；！\n\u3000"
        ),
        max_size=24,
    )
)
def test_a_goal_is_measurable_as_the_plain_patterns_say(goal):
    """The goal patterns are written for speed; what they find is what their plain forms find:
    measurable when a number, a zero target, 百分之 or 全覆盖 is left once quoted words, years and
    document numbers are taken out; the sentences are the goal's own, split at 。；！？ and new lines."""
    import re

    from jixiao.domain.review.context import goal_facts

    folded = "".join(unicodedata.normalize("NFKC", goal).split())
    unquoted = re.sub(r"[“\"「『][^”\"」』]{0,20}[”\"」』]", "", folded)
    left = re.sub(r"\d{4}年|〔\d{4}〕|\[\d{4}\]|\d+号", "", unquoted)
    measure = r"\d|[零]\S{0,3}(上访|非访|事故|发生|投诉)|百分之|全覆盖|100%"
    facts = goal_facts(goal)
    assert facts.folded == folded
    assert facts.measurable == bool(re.search(measure, left))
    printed = [p.strip(" \t\u3000") for p in re.split(r"[。；;！!？?\n]", goal)]
    assert [p for _, p in facts.sentences] == [p for p in printed if len("".join(p.split())) >= 8]


def test_a_rate_per_a_population_is_a_number_and_a_rate():
    """Health tables give death rates per 10万 (孕产妇死亡率 ≤10/10万): a number with its unit, not a
    qualitative phrase without grades, and not a rate that should be in percent; a 率 in 人 still is."""
    found = codes(
        [*OK, ("效益", "孕产妇死亡率", "10%", "", "≤10/10万"), ("效益", "传染病报告率", "10%", "人", "≥30")]
    )
    assert ("qualitative-grade-unknown", 3) not in found and ("rate-not-percent", 3) not in found
    assert ("rate-not-percent", 4) in found


def test_cost_under_output_in_the_older_frame_is_a_cost_indicator():
    """The 88号 frame puts 成本指标 under 产出指标 (一级 产出, 二级 成本): the table has a cost indicator."""

    def cost_findings(level2):
        t = TargetTable(
            kind="project", title="项目支出绩效目标表", name="办公楼维修改造工程", fiscal_year=2024
        )
        for n, (level1, l2, name, value) in enumerate(
            [("产出指标", "数量指标", "维修面积", "≥1200平方米"), ("产出指标", level2, "单位面积维修成本", "≤600元"),
             ("效益指标", "社会效益指标", "安全隐患消除率", "≥95%")], start=1,
        ):  # fmt: skip
            cells = {"level1": level1, "level2": l2, "name": name, "value": value}
            t.indicators.append(indicator_from_cells(cells, Where(row=n)))
        doc = Document(source_path="x", reader="test", fiscal_year=2024, tables=[t])
        return [f for f in review(doc) if f.code == "cost-indicator-missing"]

    assert cost_findings("成本指标") == []
    assert [f.severity for f in cost_findings("质量指标")] == ["error"]  # a construction project without one


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        ("项目完成率", "100%完成", "number"),  # a percent with a word after it
        ("项目完成率", "95%达标", "number"),
        ("配套资金比例", "≥1:1.5", "ratio"),
        ("项目完成时间", "第四季度", "date"),  # deadlines within the year
        ("设备采购完成时间", "年底前", "date"),
        ("报告提交时间", "上半年", "date"),
        ("工程完工时间", "三季度末前完成", "date"),
    ],
)
def test_values_real_tables_write_that_are_measurable(name, value, kind):
    """Values as filers write them that state a measurable target: no "qualitative without grades",
    no "rate not in percent"."""
    from jixiao.domain.values import parse_target

    assert parse_target(value).kind == kind
    found = {code for code, row in codes([*OK, ("产出", name, "10%", "", value)]) if row == 3}
    assert not found & {"qualitative-grade-unknown", "rate-not-percent", "value-not-a-value"}


def test_a_short_goal_with_a_number_is_called_too_brief_not_unmeasurable():
    short = [f for f in findings(OK, goal="维护道路50公里。") if f.code == "goal-not-measurable"]
    vague = [f for f in findings(OK, goal="确保项目顺利实施。") if f.code == "goal-not-measurable"]
    assert len(short) == 1 and "过于简略" in short[0].message and "没有写明可衡量" not in short[0].message
    assert len(vague) == 1 and "没有写明可衡量的结果" in vague[0].message


def test_numbered_levels_are_read_as_their_categories():
    rows = [
        ("一、产出指标", "1.数量指标"),
        ("（二）效益指标", "（一）社会效益指标"),
        ("3.满意度指标", "①服务对象满意度指标"),
        ("四、成本指标", "(1)经济成本指标"),
    ]
    built = [
        indicator_from_cells({"level1": a, "level2": b, "name": "x", "value": "1"}, Where(row=1))
        for a, b in rows
    ]
    assert [(i.level1, i.level2) for i in built] == [
        ("产出", "数量"), ("效益", "社会效益"), ("满意度", "服务对象满意度"), ("成本", "经济成本")
    ]  # fmt: skip
    assert built[0].raw["level1"] == "一、产出指标"  # as printed
