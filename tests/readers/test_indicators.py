"""Indicator rows are built a column at a time: a row must come out the same alone or among others."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.model import Where
from jixiao.readers.indicators import indicator_from_cells, indicators_from_rows

# cells that take each branch: categories and directions in 指标性质, fused units, wrapped names,
# empty cells, a 一级 that only its 二级 names, self-evaluation columns
CELLS = {
    "name": ["开展培训", "群众满意度", "办结率\n（%）", "", "零事故"],
    "level1": ["产出指标", "效益", "", "其他"],
    "level2": ["数量指标", "服务对象满意度", "社会效益指标", ""],
    "weight": ["10", "20%", "", "十"],
    "nature": ["产出", "≥", "＝", "", "定性"],
    "value": ["≥90%", "10辆", "100", "", "有效提升", "≤0起"],
    "unit": ["%", "人次", "", "3"],
    "group": ["产出指标", "满意度指标", ""],
    "actual": ["95%", ""],
    "score": ["9.5", "", "满分"],
    "deviation": ["", "资金下达较晚"],
    "note": ["", "按季度统计"],
}

rows = st.lists(
    st.sets(st.sampled_from(sorted(CELLS)), min_size=1).flatmap(
        lambda roles: st.fixed_dictionaries({r: st.sampled_from(CELLS[r]) for r in sorted(roles)})
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(rows)
def test_a_row_reads_the_same_alone_and_among_others(texts: list[dict[str, str]]) -> None:
    wheres = [Where(row=k + 1) for k in range(len(texts))]
    together = indicators_from_rows(texts, wheres)
    alone = [indicator_from_cells(dict(t), w) for t, w in zip(texts, wheres, strict=True)]
    assert together == alone


def test_a_category_in_the_nature_column_is_the_rows_level1_and_a_direction_its_operator() -> None:
    texts = [
        {"name": "培训人次", "nature": "产出", "value": "100", "unit": "人次"},
        {"name": "满意度", "nature": "≥", "value": "90", "unit": "%"},
        {"name": "办结率\n（%）", "nature": "", "value": "≥95%", "unit": ""},
    ]
    a, b, c = indicators_from_rows(texts, [Where(row=k) for k in range(3)])
    assert (a.level1, a.operator, a.raw["level1"]) == ("产出", None, "产出")
    assert (b.level1, b.operator, b.raw["operator"]) == (None, ">=", "≥")
    assert (c.name, c.raw["name"], c.operator, c.unit) == ("办结率（%）", "办结率\n（%）", ">=", "%")
    assert "level1" not in b.raw and "operator" not in a.raw


def test_rows_printed_alike_share_their_raw_cells_but_not_what_one_adds() -> None:
    """Rows printed alike (weight, unit, 一级, 二级, value) share one `raw` dict (10万 rows of a
    district's tables repeat a few thousand); what one row adds to it (its deviation, its note, a
    name broken over two lines, a category in 指标性质) is its own."""
    base = {"level1": "产出指标", "level2": "数量指标", "weight": "10", "value": "≥90", "unit": "人次"}
    texts = [
        {**base, "name": "培训人次", "deviation": "", "note": "", "nature": ""},
        {**base, "name": "培训人次", "deviation": "资金下达较晚", "note": "", "nature": ""},
        {**base, "name": "培训\n人次", "deviation": "", "note": "按季度统计", "nature": ""},
        {**base, "name": "培训人次", "deviation": "", "note": "", "nature": "≥"},
        {**base, "name": "培训人次", "deviation": "", "note": "", "nature": ""},
    ]
    a, b, c, d, e = indicators_from_rows(texts, [Where(row=k) for k in range(5)])
    assert a.raw == e.raw == base and a.raw is e.raw
    assert b.raw == {**base, "deviation": "资金下达较晚"}
    assert c.raw == {**base, "name": "培训\n人次", "note": "按季度统计"}
    assert d.raw == {**base, "operator": "≥"}


@pytest.mark.parametrize(
    "nature, operator",
    [
        ("≥\n正向", ">="),
        ("=\n正向", "="),
        ("≥正向", ">="),
        ("=正向", "="),
        ("定性正向", "qualitative"),
        ("正向", ">="),
    ],
)
def test_a_sign_beside_a_direction_word_says_the_direction(nature, operator):
    """指标性质 and 指标方向 in one cell, a line each or run together where a copy lost the break: the
    sign decides (＝ with 正向 is ＝), and the cell is kept as printed."""
    ind = indicator_from_cells(
        {"name": "验收合格率", "nature": nature, "value": "100", "unit": "%"}, Where(row=1)
    )
    assert ind.operator == operator
    assert ind.raw["operator"] == nature
