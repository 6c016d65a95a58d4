"""A number as the sheet shows it: the padded shortcut for amounts gives what decimal rounding gives."""

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.readers import excel
from jixiao.readers.xlsx_formats import Shown

numbers = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.floats(min_value=-1e7, max_value=1e7).map(lambda x: round(x, 2)),  # amounts as typed
    st.integers(-(10**12), 10**12),
)
formats = st.builds(Shown, st.booleans(), st.integers(0, 4))


@settings(max_examples=1000, deadline=None)
@given(numbers, formats)
def test_an_amount_is_shown_as_decimal_rounding_shows_it(value, shown):
    # (a zero of either sign shows as 0, as Excel keeps no negative zero)
    assert excel._number_text(value, shown) == excel._rounded_text.__wrapped__(value or 0, shown)


def test_amounts_are_padded_and_rounded_half_up_as_excel_shows_them():
    two = Shown(False, 2)
    assert excel._number_text(953.66, two) == "953.66"
    assert excel._number_text(1123.3, two) == "1123.30"
    assert excel._number_text(5, two) == "5.00"
    assert excel._number_text(2.675, two) == "2.68"  # the float is 2.67499…: Excel still shows 2.68
    assert excel._number_text(10.139999999999999, None) == "10.14"
    assert excel._number_text(0.3, Shown(True, 0)) == "30%"
    assert excel._number_text(1e30, two) == "1E+30"  # too many digits to round: as Excel prints it
    assert excel._number_text(-0.0, two) == excel._number_text(0.0, Shown(True, 2))[:-1] == "0.00"
