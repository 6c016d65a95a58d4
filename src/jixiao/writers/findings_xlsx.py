"""The review report as an Excel workbook: one row per finding, with the row it concerns."""

from __future__ import annotations

from pathlib import Path

import xlsxwriter

from jixiao.domain.model import Document
from jixiao.domain.review import Finding
from jixiao.domain.review.finding import SEVERITY_ZH
from jixiao.writers.widths import column_width

HEADERS = ["文件", "表", "表名", "行", "指标", "级别", "代码", "问题与修改建议", "依据", "原文位置"]


def write_findings_xlsx(path: str | Path, results: list[tuple[Document, list[Finding]]]) -> None:
    rows: list[list[str]] = []
    for doc, findings in results:
        for f in findings:
            table = doc.tables[f.table] if f.table is not None else None
            ind = table.indicators[f.indicator] if table is not None and f.indicator is not None else None
            rows.append(
                [
                    doc.source_path,
                    "" if f.table is None else str(f.table + 1),
                    (table.name or table.title) if table else "",
                    "" if f.indicator is None else str(f.indicator + 1),
                    ind.name if ind else "",
                    SEVERITY_ZH[f.severity],
                    f.code,
                    f.message,
                    f.basis,
                    f.where.describe(),
                ]
            )
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("审核意见")
    head = wb.add_format(
        {"bold": True, "bg_color": "#EEF1F5", "border": 1, "align": "center", "valign": "vcenter"}
    )
    cell = wb.add_format({"border": 1, "valign": "top", "text_wrap": True})
    error = wb.add_format({"border": 1, "valign": "top", "font_color": "#B42318", "bold": True})
    ws.write_row(0, 0, HEADERS, head)
    for r, values in enumerate(rows, start=1):
        for c, v in enumerate(values):
            ws.write_string(r, c, v, error if c == 5 and v == "错误" else cell)
    for c, name in enumerate(HEADERS):
        width = column_width([name] + [row[c] for row in rows], maximum=70 if c == 7 else 30)
        ws.set_column(c, c, width)
    ws.freeze_panes(1, 0)
    ws.autofilter(0, 0, max(len(rows), 1), len(HEADERS) - 1)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.repeat_rows(0)
    wb.close()
