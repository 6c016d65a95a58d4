from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.domain.money import format_amount, from_fen, parse_amount, percent, round_half_up, to_fen


def test_amounts_as_printed():
    assert parse_amount(" 10.14") == Decimal("10.14")
    assert parse_amount("\u3000160.00") == Decimal("160.00")
    assert parse_amount("1,234,567.89元") == Decimal("1234567.89")
    assert parse_amount("１２．５") == Decimal("12.5")
    assert parse_amount("") is None and parse_amount(None) is None


def test_not_an_amount_is_an_error():
    with pytest.raises(ValueError, match="不是金额"):
        parse_amount("十万")


def test_half_up_not_bankers():
    assert round_half_up(Decimal("0.125")) == Decimal("0.13")
    assert round_half_up(Decimal("2.675")) == Decimal("2.68")
    assert to_fen(Decimal("0.0000005"), "万元") == 1  # 0.5 分 rounds up


def test_seed_share_of_department():
    assert percent(Decimal("248.73"), Decimal("755.07")) == Decimal("32.94")
    assert percent(Decimal(1), Decimal(0)) is None


def test_format_groups_thousands():
    assert format_amount(Decimal("1234.5")) == "1,234.50"


@given(st.decimals(min_value=0, max_value=10**10, places=2, allow_nan=False, allow_infinity=False))
def test_fen_round_trip_in_yuan(amount):
    assert from_fen(to_fen(amount, "元"), "元", places=2) == amount


@given(st.decimals(min_value=0, max_value=10**8, places=6, allow_nan=False, allow_infinity=False))
def test_fen_round_trip_in_wanyuan(amount):
    # 1 分 = 0.000001 万元: six places survive exactly
    assert from_fen(to_fen(amount, "万元"), "万元", places=6) == amount


@given(
    st.lists(
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
        max_size=50,
    )
)
def test_sum_of_parts_in_fen_is_exact(parts):
    assert sum(to_fen(p, "万元") for p in parts) == to_fen(sum(parts, Decimal(0)), "万元")


def test_a_money_block_cell_label_splits_into_its_source_and_column():
    from jixiao.domain.model import budget_cell, budget_cell_label

    label = budget_cell_label("财政拨款", "1-7月执行数")
    assert label == "财政拨款·1-7月执行数"
    assert budget_cell(label) == ("财政拨款", "1-7月执行数")
    assert budget_cell("基本支出") == ("基本支出", "")
