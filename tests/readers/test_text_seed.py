"""The seed read by the text reader: every fact of expected.yaml, in every encoding seen in the field."""

import pytest

from jixiao.readers import read_path
from jixiao.writers.json import document_from_dict, document_to_dict
from tests.facts import missed_facts


def test_every_seed_fact(seed_path, expected):
    doc = document_to_dict(read_path(seed_path))
    missed, count = missed_facts(doc, expected)
    assert count > 200
    assert missed == []


def test_indicators_point_back_to_their_lines(seed_path):
    doc = read_path(seed_path)
    lines = seed_path.read_text(encoding="utf-8").splitlines()
    for table in doc.tables:
        for ind in table.indicators:
            # the row starts at its line; the name is printed within the next few lines
            window = "".join(lines[ind.where.line - 1 : ind.where.line + 3])
            assert ind.name in window.replace("\u3000", "").replace("\t", "")


def test_raw_cells_kept_beside_normalised(seed_path):
    doc = read_path(seed_path)
    first = doc.tables[0].indicators[0]
    assert first.raw["weight"] == "20%" and str(first.weight) == "20"
    assert first.raw["level1"] == "效益" and first.level1 == "效益"
    assert first.operator is None  # the document states no direction; review says so


def test_template_rows_are_not_indicators(seed_path):
    doc = read_path(seed_path)
    assert [len(t.indicators) for t in doc.tables] == [5, 4, 4, 4, 4, 3, 4]
    assert doc.warnings == []


def test_json_round_trip(seed_path):
    data = document_to_dict(read_path(seed_path))
    assert document_to_dict(document_from_dict(data)) == data


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"],
)
def test_encodings_seen_in_the_field(tmp_path, seed_path, expected, encoding):
    text = seed_path.read_text(encoding="utf-8")
    f = tmp_path / f"seed-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    doc = read_path(f)
    data = document_to_dict(doc)
    data["source"]["path"] = seed_path.name
    missed, _ = missed_facts(data, expected)
    assert missed == []


def test_windows_line_endings(tmp_path, seed_path, expected):
    f = tmp_path / "crlf.txt"
    f.write_bytes(seed_path.read_text(encoding="utf-8").replace("\n", "\r\n").encode("gb18030"))
    missed, _ = missed_facts(document_to_dict(read_path(f)), expected)
    assert missed == []


def test_a_name_broken_over_two_lines(tmp_path, seed_path, expected):
    # Word wraps long names; the copy then has the name on two lines
    text = seed_path.read_text(encoding="utf-8").replace(
        "\t备案临聘、西部志愿者、公益性岗位人员", "\t备案临聘、西部志愿者、\n\t公益性岗位人员"
    )
    f = tmp_path / "wrapped.txt"
    f.write_text(text, encoding="utf-8")
    missed, _ = missed_facts(document_to_dict(read_path(f)), expected)
    assert missed == []
