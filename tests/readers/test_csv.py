"""Open-data CSV: written by our writer, read back with the same facts; bad CSV is located."""

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.domain.model import Document, TargetTable, Where
from jixiao.readers import ReadError, read_path
from jixiao.readers.csv_columns import csv_blocks
from jixiao.readers.indicators import indicator_from_cells
from jixiao.writers.csv import write_csv
from jixiao.writers.json import document_to_dict
from tests.facts import missed_facts


def test_seed_round_trip(tmp_path, seed_path, expected):
    out = tmp_path / "seed.csv"
    write_csv(read_path(seed_path), out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel opens it as UTF-8
    doc = read_path(out)
    assert doc.reader == "csv"
    missed, count = missed_facts(document_to_dict(doc), expected)
    assert count > 200 and missed == []


def test_formula_injection_is_neutralised_and_undone(tmp_path):
    table = TargetTable(
        kind="project", title="项目支出绩效目标表", name='=HYPERLINK("http://x")', fiscal_year=2024
    )
    table.indicators.append(
        indicator_from_cells({"name": "+1 增长", "weight": "10%", "value": "-5", "unit": "@单位"}, Where())
    )
    doc = Document(source_path="x", reader="test", fiscal_year=2024, tables=[table])
    text = write_csv(doc)
    assert "'=HYPERLINK" in text and "'+1 增长" in text and "'@单位" in text
    assert ",-5," in text  # a negative number is not a formula
    out = tmp_path / "x.csv"
    write_csv(doc, out)
    back = read_path(out)
    assert back.tables[0].name == '=HYPERLINK("http://x")'
    assert back.tables[0].indicators[0].name == "+1 增长" and back.tables[0].indicators[0].unit == "@单位"


def test_short_row_is_located(tmp_path, seed_path):
    out = tmp_path / "seed.csv"
    write_csv(read_path(seed_path), out)
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    lines[5] = ",".join(lines[5].split(",")[:10])
    out.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_path(out)
    assert "第 6 行" in str(info.value) and "seed.csv" in str(info.value)


def test_unknown_table_kind_is_located(tmp_path, seed_path):
    out = tmp_path / "seed.csv"
    write_csv(read_path(seed_path), out)
    text = out.read_text(encoding="utf-8-sig").replace("\n1,部门整体,", "\n1,单位整体,", 1)
    out.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError, match="表类别"):
        read_path(out)


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=1, max_value=4).flatmap(
        lambda width: st.lists(
            st.lists(st.text(alphabet='ab,"\n\r 指标，', max_size=6), min_size=width, max_size=width),
            min_size=1,
            max_size=6,
        )
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.integers(min_value=1, max_value=3),
)
def test_columns_are_what_the_csv_module_reads(rows: list[list[str]], newline: str, size: int) -> None:
    buf = io.StringIO()
    csv.writer(buf, lineterminator=newline).writerows(rows)
    text = buf.getvalue()
    header, *body = list(csv.reader(io.StringIO(text, newline=""))) or [[]]
    body = [row for row in body if row]
    if any(len(row) != len(header) for row in body):  # a bare CR inside a cell splits a record
        with pytest.raises(ReadError):
            csv_columns(text, "t.csv", size)
        return
    got_header, columns, _ = csv_columns(text, "t.csv", size)
    assert got_header == header
    assert [list(row) for row in zip(*columns, strict=True)] == body
    assert all(len(column) == len(body) for column in columns)


def csv_columns(
    text: str, name: str, size: int = 2, repeated: tuple[str, ...] = ()
) -> tuple[list[str], list[list[str]], list[int]]:
    """The blocks joined: small blocks, so that records cross block boundaries."""
    header, blocks = csv_blocks(text, name, size, repeated)
    columns: list[list[str]] = [[] for _ in header]
    starts: list[int] = []
    for block in blocks:
        assert 0 < len(block.lines) <= size
        runs = block.runs if block.runs is not None else range(len(block.lines))
        counts = [b - a for a, b in zip(runs, [*runs[1:], len(block.lines)], strict=True)]
        for j, (column, part) in enumerate(zip(columns, block.columns, strict=True)):
            if j < block.lead:  # a cell per run: each of its records has it
                part = [cell for cell, count in zip(part, counts, strict=True) for _ in range(count)]
            column.extend(part)
        starts.extend(block.lines)
    return header, columns, starts


@settings(max_examples=400, deadline=None)
@given(
    st.integers(min_value=2, max_value=5).flatmap(
        lambda width: st.tuples(
            st.integers(min_value=0, max_value=width),  # leading columns named as repeated
            st.lists(  # runs of rows that start with the same cells, as a table's rows do
                st.tuples(
                    st.lists(
                        st.sampled_from(["", "1", "2", "项目", "项目,", "a b"]),
                        min_size=width,
                        max_size=width,
                    ),
                    st.lists(
                        st.lists(st.text(alphabet="ab 指标，1", max_size=4), min_size=width, max_size=width),
                        min_size=1,
                        max_size=4,
                    ),
                ),
                min_size=1,
                max_size=5,
            ),
        )
    ),
    st.sampled_from(["\n", "\r\n"]),
    st.integers(min_value=1, max_value=9),
)
def test_rows_sharing_their_first_cells_read_as_the_csv_module_reads_them(
    table: tuple[int, list[tuple[list[str], list[list[str]]]]], newline: str, size: int
) -> None:
    """Where the first columns repeat along runs of rows, a run is split there once: the columns
    are the csv module's, and a row with a cell too many or too few is named by its line."""
    lead, runs = table
    width = len(runs[0][0])
    lines = [",".join(f"h{j}" for j in range(width))]
    for first, rows in runs:
        for row in rows:
            lines.append(",".join([*first[:lead], *row[lead:]]))  # "项目," adds a cell: a bad row
    text = newline.join(lines) + newline
    header, *body = list(csv.reader(io.StringIO(text, newline="")))
    repeated = tuple(header[:lead])
    bad = next((k for k, row in enumerate(body) if len(row) != width), None)
    if bad is not None:
        with pytest.raises(ReadError) as err:
            csv_columns(text, "t.csv", size, repeated)
        assert err.value.where == Where(line=bad + 2)
        return
    got_header, columns, starts = csv_columns(text, "t.csv", size, repeated)
    assert got_header == header
    assert [list(row) for row in zip(*columns, strict=True)] == body
    assert starts == list(range(2, len(body) + 2))


def test_columns_keep_stray_quotes_and_say_where_a_multi_line_cell_starts() -> None:
    text = 'a,b,c\na,b"c,d\n\nx,"第一行\n第二行",y\nlast,1,2\n'
    header, columns, starts = csv_columns(text, "t.csv")
    assert header == ["a", "b", "c"]
    assert [list(r) for r in zip(*columns, strict=True)] == [
        ["a", 'b"c', "d"],
        ["x", "第一行\n第二行", "y"],
        ["last", "1", "2"],
    ]
    assert starts == [2, 4, 6]


@pytest.mark.parametrize(
    "text, line",
    [
        ("a,b,c\n1,2,3\n1,2\n", 3),
        ("a,b,c\n1,2\n1,2,3,4\n5,6,7\n", 2),
        ('a,b,c\n1,2,3\n"1\n2",3\n', 3),
        ("a,b\r1,2,3\r", 2),
    ],
)
def test_a_record_with_too_few_or_too_many_cells_is_located(text: str, line: int) -> None:
    with pytest.raises(ReadError) as err:
        csv_columns(text, "t.csv")
    assert err.value.where == Where(line=line)
    assert "表头有" in str(err.value)


@pytest.mark.parametrize(
    ("column", "bad", "message"),
    [
        ("表类别", "单位整体", "表类别「单位整体」应为"),
        ("表类别", "", "表类别是空的"),
        ("预算总额", "约一百万", "不是金额：约一百万"),
        ("资金明细", "财政拨款=很多", "不是金额：很多"),
        ("执行率", "九成", "执行数、执行率、总分或其他栏目写法不对"),
        ("其他栏目", "[1, 2]", "应是 JSON 对象"),
    ],
)
def test_a_bad_table_cell_names_that_tables_line(tmp_path, seed_path, column, bad, message):
    """Tables are built a block at a time: a bad cell of the third table still names its line."""
    out = tmp_path / "seed.csv"
    write_csv(read_path(seed_path), out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    at = rows[0].index(column)
    line = next(k for k, row in enumerate(rows) if row[0] == "3") + 1
    rows[line - 1][at] = bad
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8")
    with pytest.raises(ReadError, match=message) as info:
        read_path(out)
    assert f"第 {line} 行" in str(info.value)


@pytest.mark.parametrize("ending", ["\n", "\n\n", "\r\n\r\n", "\n\n\n"])
@pytest.mark.parametrize("quoted", [True, False], ids=["quoted-cells", "no-quote-mark"])
def test_a_file_ending_in_blank_lines_reads_the_same(tmp_path, seed_path, ending, quoted):
    """Editors often leave a blank line at the end: it is no record. A file without a quote mark
    (read a block of lines at a time) took it for a row of one cell: "这一行有 1 格，表头有 36 格"."""
    from jixiao.synth import synth_document

    clean = tmp_path / "clean.csv"
    write_csv(read_path(seed_path) if quoted else synth_document(40), clean)
    assert ('"' in clean.read_text(encoding="utf-8-sig")) is quoted
    text = clean.read_text(encoding="utf-8-sig").rstrip("\r\n")
    if "\r" in ending:
        text = text.replace("\n", "\r\n")
    ended = tmp_path / "ended.csv"
    ended.write_text(text + ending, encoding="utf-8", newline="")
    assert document_to_dict(read_path(ended))["tables"] == document_to_dict(read_path(clean))["tables"]


def _tables_of(path):
    doc = read_path(path)
    return [(t.title, t.name, [i.name for i in t.indicators]) for t in doc.tables]


@pytest.mark.parametrize(
    "order", ["written", "key after an indicator column", "rows interleaved", "a cell that changes"]
)
def test_tables_from_runs_of_rows_are_the_tables_read_row_by_row(tmp_path, order):
    """The reader splits a run of rows sharing a table's cells once and looks at the run, not each
    row: the tables must be those the rows name, whatever order the columns and rows come in, and
    a table whose cells change between its rows is still one table (its first row's cells). The
    file holds no quote mark (a quoted cell sends the reader line by line, without runs)."""
    from jixiao.synth import synth_document

    written = tmp_path / "synth.csv"
    write_csv(synth_document(48, rows_per_table=8), written)
    assert '"' not in written.read_text(encoding="utf-8-sig")
    header, *rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    expected = _tables_of(written)
    if order == "key after an indicator column":  # 表类别 first, 表序号 after 指标名称: no run is one table
        at = [header.index(h) for h in ("表类别", "指标名称", "表序号")]
        rest = [k for k in range(len(header)) if k not in at]
        header, rows = [header[k] for k in at + rest], [[r[k] for k in at + rest] for r in rows]
    elif order == "rows interleaved":  # a table's rows in two places: its indicators in reading order
        second = [r for r in rows if r[0] == "2"]
        rows = [r for r in rows if r[0] != "2"]
        rows[3:3] = second[:2]
        rows.extend(second[2:])
        firsts = {}
        for r in rows:
            firsts.setdefault(r[0], []).append(r[header.index("指标名称")])
        expected = [(t, n, firsts[str(k + 1)]) for k, (t, n, _) in enumerate(expected)]
    elif order == "a cell that changes":  # the second row of table 2 has another 项目概况
        k = next(k for k, r in enumerate(rows) if r[0] == "2") + 1
        rows[k][header.index("项目概况")] = "另一段概况"
    out = tmp_path / "reordered.csv"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows([header, *rows])
    out.write_text(buf.getvalue(), encoding="utf-8")
    assert _tables_of(out) == expected


def test_a_sheet_saved_as_csv_reads_as_the_seed(expected):
    """The seed's workbook (every table on one sheet) saved as CSV in GBK by LibreOffice Calc, as
    Excel saves one on a Chinese system: the printed layout a row a line, not our open-data columns."""
    doc = read_path(Path(__file__).resolve().parents[1] / "fixtures" / "seed_saved_as_csv.csv")
    missed, count = missed_facts(document_to_dict(doc), expected)
    assert count > 200 and missed == []
    assert (doc.reader, doc.encoding, len(doc.tables)) == ("text:csv-rows", "gb18030", 7)


def test_prose_with_commas_is_not_a_csv_file():
    """A copy of one cell a line whose goal holds ASCII commas stays one cell a line."""
    text = "\n".join(
        ["2024年项目支出绩效目标表", "项目名称", "老旧小区改造", "年度绩效目标", "改造12个小区, 惠及2,400户, 年内完工。",
         "三级指标", "指标值", "指标权重", "改造小区个数", "≥12个", "50", "居民满意度", "≥90%", "50"]
    )  # fmt: skip
    doc = read_path("copy.txt", text.encode())
    assert doc.reader == "text" and doc.tables[0].goal == "改造12个小区, 惠及2,400户, 年内完工。"
    assert [i.name for i in doc.tables[0].indicators] == ["改造小区个数", "居民满意度"]
