"""Amounts in 元 beside tables in 万元: converted to the document's unit, exactly, the printed unit kept."""

import csv
import io
from decimal import Decimal
from pathlib import Path

from jixiao.domain.review import review
from jixiao.readers import read_path
from jixiao.writers.csv import write_csv
from jixiao.writers.json import document_from_dict, document_to_dict

TWO_UNITS = Path(__file__).parents[1] / "fixtures/two_units.txt"


def test_a_table_in_yuan_beside_one_in_wan_yuan_is_converted():
    """The department table is in 万元 (1,860.53), the project table prints 单位：元 (3,500,000.00): in
    the document's 万元 the project has 350 万元, within the department's total, as printed before."""
    doc = read_path(TWO_UNITS)
    department, project = doc.tables
    assert doc.money_unit == "万元"
    assert (department.budget_total, department.printed_money_unit) == (Decimal("1860.53"), None)
    assert (project.budget_total, project.printed_money_unit) == (Decimal("350.00"), "元")
    assert [(b.label, b.amount, b.raw) for b in project.budget_lines] == [
        ("财政拨款", Decimal("350.00"), "3,500,000.00")
    ]
    codes = {f.code for f in review(doc)}
    assert "projects-exceed-department" not in codes
    cost = next(f for f in review(doc) if f.code == "cost-indicator-missing" and f.table == 1)
    assert "350.00万元" in cost.message
    back = document_from_dict(document_to_dict(doc))
    assert back.tables[1].printed_money_unit == "元" and back.tables[1].budget_total == Decimal("350.00")


def test_a_csv_table_in_another_unit_is_converted(tmp_path):
    doc = read_path(TWO_UNITS)
    out = tmp_path / "two.csv"
    write_csv(doc, out)
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    unit, total, lines = (rows[0].index(c) for c in ("金额单位", "预算总额", "资金明细"))
    for row in rows[1:]:
        if row[0] == "2":  # the project's rows, written back in 元 as a filer might
            row[unit], row[total], row[lines] = "元", "3500000.00", "财政拨款=3500000.00"
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8")
    back = read_path(out)
    assert back.money_unit == "万元"
    assert (back.tables[1].budget_total, back.tables[1].printed_money_unit) == (Decimal("350.00"), "元")
    assert back.tables[1].budget_lines[0].amount == Decimal("350.00")
