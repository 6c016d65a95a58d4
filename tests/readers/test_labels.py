"""Header labels: what introduces a field, and what is a value however short or long."""

import pytest

from jixiao.readers.labels import goal_column, header_field, indicator_column, is_title, mid_term_columns


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("2024", ("year", None, 2024)),  # a bare year in the header block labels the table's year
        ("2024年预算", ("budget_total", None, 2024)),
        ("年度资金总额", ("budget_total", None, None)),
        ("编制单位：某区司法局", ("preparer", "某区司法局", None)),
        ("项目负责人及电话", ("extra", None, None)),  # kept in `extra`, as printed
        ("联系人：王某 12345678", ("extra", "王某 12345678", None)),
        ("年度预算数", ("budget_total", None, None)),
        ("项目总预算（万元）", ("extra", None, None)),  # a whole period's total: not the year's budget
        ("整体目标", ("goal", None, None)),
        ("项目起止时间", ("extra", None, None)),
        ("953.66", None),  # an amount is a value, never a label
        ("1,234.50", None),
        ("95%", None),
        ("年内完成法律援助经费各项任务，服务对象3380人，满意度达到90%以上，群众知晓率达到99%以上。", None),
    ],
)
def test_header_field(text, field):
    assert header_field(text) == field


def test_long_names_are_not_column_labels():
    assert indicator_column("三级指标（指标名称）") == "name"
    assert indicator_column("指标值" + "，" * 40) is None


def test_the_mid_term_set_of_columns_is_the_first_of_two_side_by_side():
    central = ["group", "level1", "level2", "name", "value", "level2", "name", "value"]
    assert mid_term_columns(central) == [
        "group", "level1", "long_term_level2", "long_term_name", "long_term", "level2", "name", "value"
    ]  # fmt: skip
    assert mid_term_columns(["level1", "name", "value", "weight"]) == ["level1", "name", "value", "weight"]
    interleaved = ["name", "name", "value", "value"]  # not two sets side by side: left as printed
    assert mid_term_columns(interleaved) == interleaved


def test_a_goal_label_may_print_its_years():
    assert goal_column("中期目标（2025年—2027年）") == "extra"
    assert goal_column("年度目标") == "goal"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("绩效指标值", "value"),
        ("指标值（包含数字及文字描述）", "value"),
        ("全年实际完成值", "actual"),
        ("1-7月实际完成值", "actual"),
        ("偏差原因及改进措施", "deviation"),
        ("指标单位", "unit"),
        ("分值（权重）", "weight"),
        ("全年完成值", "actual"),
        ("自评得分", "score"),
        ("未完成原因", "deviation"),
        ("年度预期值", "value"),
        ("期望值", "value"),
        ("全年目标值", "value"),
        ("权重分值", "weight"),
        ("指标属性", "nature"),
        ("扣分标准", "note"),
    ],
)
def test_column_labels_as_templates_word_them(label, role):
    assert indicator_column(label) == role


@pytest.mark.parametrize(
    "label",
    [
        "财政资金",
        "其中：财政资金",
        "自有资金",
        "单位自筹",
        "债券资金",
        "其中：一般公共预算",
        "政府性基金预算",
    ],
)
def test_a_source_of_funds_named_by_its_kind_is_a_budget_line(label):
    assert header_field(label) == ("budget_line", None, None)


@pytest.mark.parametrize(
    "title",
    [
        "附件3：2025年项目支出绩效目标表",
        "2025年项目支出绩效目标汇总表",
        "2025年度部门项目支出绩效目标公开表",
        "2024年度项目支出绩效自评结果表",
        "某区民政局2025年度部门整体支出绩效目标表",
    ],
)
def test_titles_as_sites_publish_them(title):
    assert is_title(title)
