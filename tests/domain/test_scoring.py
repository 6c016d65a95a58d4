"""10号's completion-proportion scoring of a quantitative indicator, and the review of self-scores above it."""

from decimal import Decimal as D

import pytest

from jixiao.domain.model import Document, TargetTable, Where
from jixiao.domain.review import review
from jixiao.domain.review.self_evaluation import formula_score
from jixiao.readers.indicators import indicator_from_cells


@pytest.mark.parametrize(
    ("operator", "target", "actual", "points", "most"),
    [
        (">=", "1500", "1400", "20", "18.67"),  # 1400 / 1500 × 20
        (">=", "1500", "1600", "20", "20"),  # over-achieved: full points, no more
        (">=", "95", "0", "15", "0.00"),
        ("=", "100", "91.7", "15", "13.76"),  # 91.7 / 100 × 15 = 13.755, half up
        ("=", "0", "0", "10", "10"),  # 安全事故 ＝0 起, none happened
        ("=", "0", "2", "10", "0"),  # any at all: nothing
        ("<=", "2000", "1900", "10", "10"),
        ("<=", "2000", "2500", "10", "8.00"),  # 2000 / 2500 beats 1 − 500 / 2000 = 0.75
        ("<=", "10", "30", "10", "3.33"),  # three times the ceiling: 10 / 30 (the overrun formula gives 0)
        ("<=", "0", "3", "10", "0"),  # ≤0 and three happened
        (">=", "0", "-1", "10", None),  # a target of 0 to exceed: not worked out
    ],
)
def test_the_most_a_missed_target_scores(operator, target, actual, points, most):
    found = formula_score(operator, D(target), D(actual), D(points))
    assert (None if found is None else str(found)) == most


def _self_evaluation(*rows):
    t = TargetTable(
        kind="project", title="项目支出绩效自评表", name="某项目", fiscal_year=2024, stage="self_evaluation"
    )
    for n, (name, value, unit, actual, weight, score) in enumerate(rows, start=1):
        cells = {"level1": "产出", "name": name, "value": value, "unit": unit, "actual": actual,
                 "weight": weight, "score": score, "deviation": "原因已说明"}  # fmt: skip
        t.indicators.append(indicator_from_cells(cells, Where(row=n)))
    doc = Document(source_path="x", reader="test", fiscal_year=2024, tables=[t])
    return [(f.indicator, f.message) for f in review(doc) if f.code == "score-above-formula"]


def test_a_self_score_above_the_proportion_met_is_reported_once_it_passes_the_next_whole_point():
    found = _self_evaluation(
        ("服务老人人数", "≥1500", "人", "1400人", "20", "20"),  # at most 18.67: 20 is too high
        ("培训人次", "≥1500", "人次", "1400人次", "20", "19"),  # 18.67 rounded up to a whole point
        ("补贴发放率", "=100", "%", "91.7%", "15", "15"),  # at most 13.76
        ("人均补贴", "≤2000", "元", "2026元", "10", "10"),  # at most 9.87, up to 10: let pass
        ("巡查次数", "≥12", "次", "全年完成", "10", "10"),  # the actual is text: not compared
        ("维修面积", "≥12000", "平方米", "1.2万平方米", "10", "10"),  # another unit: not compared
    )
    assert [k for k, _ in found] == [0, 2]
    assert "最多 18.67 分（满分 20），自评得分 20 偏高" in found[0][1]


def _monitoring(*rows):
    t = TargetTable(
        kind="project",
        title="项目支出绩效运行监控表",
        name="农村公路养护",
        fiscal_year=2025,
        stage="monitoring",
    )
    for n, (name, value, forecast, likelihood) in enumerate(rows, start=1):
        cells = {
            "level1": "产出",
            "name": name,
            "value": value,
            "forecast": forecast,
            "likelihood": likelihood,
        }
        t.indicators.append(indicator_from_cells(cells, Where(row=n)))
    doc = Document(source_path="x", reader="test", fiscal_year=2025, tables=[t])
    return [f.indicator for f in review(doc) if f.code == "forecast-contradicts-likelihood"]


def test_a_forecast_short_of_the_target_while_certain_to_meet_it_is_reported():
    assert _monitoring(
        ("优良中路率", "≥85%", "80%", "确定能"),  # short, and "certain": reported
        ("水毁路段修复时限", "≤7天", "10天", "能完成"),  # lower is better, over: reported
        ("日常养护里程", "≥320公里", "320公里", "确定能"),  # met
        ("桥梁检测座数", "≥40座", "35座", "不确定能否完成"),  # not certain
        ("路面修补面积", "≥2万平方米", "15000平方米", "确定能"),  # another unit: not compared
        ("安全隐患整改率", "100%", "95%", "有可能"),  # doubtful: deviation-missing's concern
    ) == [0, 1]
