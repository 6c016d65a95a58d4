import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from jixiao.domain.widths import display_width

# What Chinese tables are written in: ASCII, Latin-1, general punctuation (“” ‘’ — …), CJK
# punctuation, CJK ideographs and fullwidth forms.
CHINESE_TABLE_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x20, max_codepoint=0x7E),
        st.characters(min_codepoint=0xA1, max_codepoint=0xFF),
        st.characters(min_codepoint=0x2010, max_codepoint=0x2027),
        st.characters(min_codepoint=0x3000, max_codepoint=0x303E),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF60),
    ),
    max_size=30,
)


def test_chinese_is_double_width():
    assert display_width("重点人员稳控管理") == 16
    assert display_width("≥90%") == 4
    assert display_width("满意度90%") == 9
    assert display_width("（万元）") == 8


@given(CHINESE_TABLE_TEXT)
def test_agrees_with_unicode_east_asian_width(text):
    assert display_width(text) == sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
