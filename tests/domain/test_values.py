from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.domain.values import is_percent_unit, parse_operator, parse_target

CASES = [
    # cell, kind, operator, number, unit
    ("20", "number", None, "20", None),
    ("20%", "number", None, "20", "%"),
    ("≥90%", "number", ">=", "90", "%"),
    ("≤0人次", "number", "<=", "0", "人次"),
    (">=85", "number", ">=", "85", None),
    ("<=28.40", "number", "<=", "28.40", None),
    ("≧95%", "number", ">=", "95", "%"),
    ("95%以上", "number", ">=", "95", "%"),
    ("不低于90%", "number", ">=", "90", "%"),
    ("不超过5天", "number", "<=", "5", "天"),
    ("10辆", "number", None, "10", "辆"),
    ("250万", "number", None, "250", "万"),
    ("＞８０％", "number", ">", "80", "%"),
    ("＝100%", "number", "=", "100", "%"),
    ("1,234.50万元", "number", None, "1234.50", "万元"),
    ("　20", "number", None, "20", None),
    ("≥80M", "number", ">=", "80", "M"),
    # the measure named again before its target
    ("完成率≥95%", "number", ">=", "95", "%"),
    ("验收合格率100%", "number", None, "100", "%"),
    ("群众满意度达到90%", "number", ">=", "90", "%"),
    # a scan's text recognition: O for 0 and l for 1 among digits; a sentence's full stop after it
    ("≥9O%", "number", ">=", "90", "%"),
    ("l00%", "number", None, "100", "%"),
    ("≥95%。", "number", ">=", "95", "%"),
]


@pytest.mark.parametrize(("cell", "kind", "op", "number", "unit"), CASES)
def test_quantitative_cells(cell, kind, op, number, unit):
    t = parse_target(cell)
    assert (t.kind, t.operator, t.number, t.unit) == (kind, op, Decimal(number), unit)
    assert t.raw == cell  # the printed cell is kept as it was


@pytest.mark.parametrize("cell", ["＞", "＝", "≥", "≤", "<"])
def test_a_cell_holding_only_a_direction(cell):
    t = parse_target(cell)
    assert t.kind == "operator" and t.operator == parse_operator(cell) and t.number is None


def test_qualitative_grade_is_text():
    t = parse_target("优良")
    assert (t.kind, t.operator, t.value) == ("text", "qualitative", "优良")


def test_period():
    t = parse_target("2023.07-2024.01")
    assert t.kind == "period" and t.period == ("2023-07", "2024-01")


@pytest.mark.parametrize("cell", ["2024年12月底前", "12月底前完成", "2024.10"])
def test_deadlines_are_dates_not_numbers(cell):
    t = parse_target(cell)
    assert t.kind == "date" and t.number is None


@pytest.mark.parametrize(
    "cell", ["≥**个", "**%", "指标1", "XX万元", "≥  %", "≥【】%", "≥（ ）%", "不少于  人次", "≥[]次", "≤个"]
)
def test_unfilled_template_placeholders(cell):
    """A template's blank left as printed: stars, XX, brackets with nothing in them, a sign with only
    its unit."""
    assert parse_target(cell).kind == "placeholder"


@pytest.mark.parametrize(("cell", "op"), [("≥", ">="), ("不低于", ">="), ("＝", "=")])
def test_a_sign_alone_is_an_operator_not_a_blank(cell, op):
    """A 计算符号 cell holds only its sign; its value stands in the next cell."""
    t = parse_target(cell)
    assert (t.kind, t.operator) == ("operator", op)


@pytest.mark.parametrize("cell", ["", "   ", "\u3000", None])
def test_empty(cell):
    assert parse_target(cell).kind == "empty"


def test_direction_words():
    assert parse_operator("正向") == ">="
    assert parse_operator("反向指标") == "<="
    assert parse_operator("定性") == "qualitative"
    assert parse_operator("产出") is None


def test_percent_units():
    assert is_percent_unit("百分比") and is_percent_unit("%") and is_percent_unit("％")
    assert not is_percent_unit("人次")
    assert is_percent_unit("个百分点") and is_percent_unit(
        "百分点"
    )  # 覆盖率 "提高2" 个百分点 is percent-based


OPS = {
    "≥": ">=",
    ">=": ">=",
    "＞": ">",
    "≤": "<=",
    "<=": "<=",
    "<": "<",
    "＝": "=",
    "不低于": ">=",
    "不超过": "<=",
}
UNITS = ["%", "人次", "件", "万元", "个", "天", "㎡", "辆"]


@given(
    op=st.sampled_from(sorted(OPS)),
    number=st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
    unit=st.sampled_from(UNITS),
    fullwidth=st.booleans(),
)
def test_formatted_targets_parse_back(op, number, unit, fullwidth):
    text = f"{op}{number}{unit}"
    if fullwidth:  # Word and WPS often type full-width digits
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789."})
    t = parse_target(text)
    assert t.kind == "number"
    assert t.operator == OPS[op]
    assert t.number == number
    assert t.unit == unit


@given(st.text(max_size=30))
def test_any_text_parses_without_error_and_keeps_raw(text):
    t = parse_target(text)
    assert t.raw == text
    assert t.kind in ("number", "text", "period", "date", "placeholder", "operator", "empty")


@given(number=st.integers(min_value=0, max_value=100), suffix=st.sampled_from(["以上", "以下", "以内"]))
def test_suffix_directions(number, suffix):
    t = parse_target(f"{number}%{suffix}")
    assert t.number == number and t.unit == "%"
    assert t.operator == (">=" if suffix == "以上" else "<=")


@pytest.mark.parametrize(
    ("cell", "unit"), [("1-2次", "次"), ("2～3个", "个"), ("95%-98%", "%"), ("0.5-1万元", "万元")]
)
def test_ranges_are_targets_not_grades(cell, unit):
    t = parse_target(cell)
    assert (t.kind, t.unit, t.value) == ("range", unit, t.text)


def test_a_range_is_not_reported_as_a_grade_without_levels():
    from jixiao.domain.model import Document, TargetTable, Where
    from jixiao.domain.review import review
    from jixiao.readers.indicators import indicator_from_cells

    t = TargetTable(kind="project", title="项目支出绩效目标表", name="社区矫正经费", fiscal_year=2024)
    for n, (name, value, unit) in enumerate(
        [("集中教育次数", "1-2次", "次"), ("教育合格率", "95%-98%", "%")]
    ):
        t.indicators.append(
            indicator_from_cells({"level1": "产出", "name": name, "value": value, "unit": unit}, Where(row=n))
        )
    codes = {f.code for f in review(Document(source_path="x", reader="test", fiscal_year=2024, tables=[t]))}
    assert not codes & {"qualitative-grade-unknown", "value-not-a-value", "unit-missing", "operator-missing"}


@pytest.mark.parametrize(
    "text",
    [
        "满意度≥９０％",
        "ＡＢＣ　１２３，。",
        "𠀋𡈽字（扩展Ｂ）≥８５％",
        "😀８０％",
        "plain ascii",
        "",
    ],
)
def test_the_fast_fold_agrees_with_nfkc(text):
    """Full-width forms are folded by a table indexed by code point; characters past it (CJK
    extension B, emoji) stay as they are. The result is what NFKC gives."""
    import unicodedata

    from jixiao.domain.values import fold_fullwidth, nfkc, unspaced

    assert nfkc(text) == unicodedata.normalize("NFKC", text)
    assert unspaced(fold_fullwidth(text)) == "".join(unicodedata.normalize("NFKC", text).split())


@given(
    st.text(
        alphabet=st.sampled_from(
            " \t\n\r\f\v\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u200b\u3000\ufeff满意度９０％ab1"
        )
    )
)
def test_unspaced_removes_what_the_whitespace_regex_removes(text):
    import re

    from jixiao.domain.values import unspaced

    assert unspaced(text) == re.sub(r"[\s\u3000]+", "", text)


@pytest.mark.parametrize(
    "raw, operator, number, unit",
    [
        ("每月1次", None, "1", "次/月"),
        ("每季度至少1次", ">=", "1", "次/季度"),
        ("每周不少于3次", ">=", "3", "次/周"),
        ("每月≥2次", ">=", "2", "次/月"),
        ("每年2次以上", ">=", "2", "次/年"),
        ("1次/月", None, "1", "次/月"),
    ],
)
def test_a_frequency_is_a_number_per_period(raw, operator, number, unit):
    """巡查、督查 "每季度至少1次" is a measurable target, read as 1 次/季度 (as "1次/月" reads), not a
    qualitative phrase without grades."""
    t = parse_target(raw)
    assert (t.kind, t.operator, t.number, t.unit) == ("number", operator, Decimal(number), unit)


def test_a_period_word_without_a_count_stays_text():
    assert parse_target("每年度开展1次检查").kind == "text" and parse_target("每月").kind == "text"


def test_dingliang_states_no_direction():
    """指标性质 "定量" says the value is a number; the direction must still come from the value."""
    from jixiao.readers.indicators import indicator_from_cells

    assert parse_operator("定量") is None and parse_operator("定性") == "qualitative"
    bare = indicator_from_cells({"name": "办结率", "nature": "定量", "value": "95", "unit": "%"}, None)
    signed = indicator_from_cells({"name": "办结率", "nature": "定量", "value": "≥95", "unit": "%"}, None)
    assert (bare.operator, signed.operator, bare.raw["operator"]) == (None, ">=", "定量")


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        ("[201]某区城市管理局", "某区城市管理局"),
        ("【201001】某区城市管理局", "某区城市管理局"),
        ("201-某区城市管理局", "某区城市管理局"),
        ("201001 某区城市管理局", "某区城市管理局"),
        ("某区城市管理局（201）", "某区城市管理局"),
        ("12345热线服务中心", "12345热线服务中心"),  # a number that is part of the name
        ("110指挥中心", "110指挥中心"),
        ("某区第二人民医院", "某区第二人民医院"),
    ],
)
def test_a_department_name_without_its_budget_code(printed, name):
    from jixiao.domain.values import department_name

    assert department_name(printed) == name


@pytest.mark.parametrize("cell", ["年度2024", "效率提升10%", "ISO9001"])
def test_text_before_a_number_that_names_no_measure_stays_text(cell):
    target = parse_target(cell)
    assert target.kind == "text" and target.text == cell  # ISO9001 is not read as IS09001


@pytest.mark.parametrize(
    "cell, operator, number, unit",
    [
        ("最多3次", "<=", "3", "次"),
        ("最少2次", ">=", "2", "次"),
        ("在95%以上", ">=", "95", "%"),
        ("保持在90%以上", ">=", "90", "%"),
        ("达95%", ">=", "95", "%"),
        ("约300人", None, "300", "人"),  # a number, with no direction: the review asks for one
        ("95%左右", None, "95", "%"),
    ],
)
def test_targets_worded_around_their_number(cell, operator, number, unit):
    target = parse_target(cell)
    assert (target.kind, target.operator, target.number, target.unit) == (
        "number",
        operator,
        Decimal(number),
        unit,
    )


@pytest.mark.parametrize("cell", ["达标", "约定俗成", "左右"])
def test_words_that_only_start_like_a_direction_stay_text(cell):
    assert parse_target(cell).kind == "text"
