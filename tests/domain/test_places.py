"""Places built in bulk are the places a reader would build one by one."""

from jixiao.domain.model import Where, line_places, row_places


def test_places_in_bulk_are_the_places_one_by_one():
    assert line_places([3, 7]) == [Where(line=3), Where(line=7)]
    assert row_places("表1", range(1, 3)) == [Where(sheet="表1", row=1), Where(sheet="表1", row=2)]
    (where,) = row_places("表1", [9])
    assert (where.describe(), where.as_dict()) == (
        Where(sheet="表1", row=9).describe(),
        {"sheet": "表1", "row": 9},
    )
    assert line_places([]) == []
