"""Header labels: what introduces a field, and what is a value however short or long."""

import pytest

from jixiao.readers.labels import header_field, indicator_column


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("2024", ("year", None, 2024)),  # a bare year in the header block labels the table's year
        ("2024年预算", ("budget_total", None, 2024)),
        ("年度资金总额", ("budget_total", None, None)),
        ("编制单位：某区司法局", ("preparer", "某区司法局", None)),
        ("项目负责人及电话", ("extra", None, None)),  # kept in `extra`, as printed
        ("联系人：王某 12345678", ("extra", "王某 12345678", None)),
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
