"""HTML of the official layouts: one page, each table as a bordered form; A4 when printed.

The same HTML feeds the PDF writer (WeasyPrint), so screen, paper and PDF show the same form.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from jixiao.domain.model import Document
from jixiao.writers.layout import Box, Layout, layouts

CSS = """
@page { size: A4 portrait; margin: 14mm 12mm; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; font-size: 10pt; color: #000; }
table.form { border-collapse: collapse; width: 100%; table-layout: fixed; margin-bottom: 8mm; break-inside: avoid; }
table.form td { border: 0.5pt solid #000; padding: 1.2mm 1.5mm; vertical-align: middle; word-break: break-all; }
table.form td.title { border: none; text-align: center; font-size: 13pt; font-weight: 700; padding-bottom: 2mm; }
table.form td.note, table.form td.note-right { border: none; font-size: 9pt; }
table.form td.note-right { text-align: right; }
table.form td.label { font-weight: 600; background: #f2f2f2; text-align: center; }
table.form td.center { text-align: center; }
table.form td.number { text-align: right; white-space: nowrap; }
tr { page-break-inside: avoid; }
"""


def _cell(box: Box) -> str:
    attrs = f' class="{box.kind}"'
    if box.colspan > 1:
        attrs += f' colspan="{box.colspan}"'
    if box.rowspan > 1:
        attrs += f' rowspan="{box.rowspan}"'
    text = "<br>".join(escape(line) for line in box.text.split("\n"))
    return f"<td{attrs}>{text}</td>"


# how wide each indicator column is, relative to the others: names and reasons need room
_WEIGHTS = {"年度履职目标": 11, "一级指标": 10, "二级指标": 12, "三级指标": 25, "指标性质": 9, "指标值": 13,
            "中长期指标值": 11, "年度指标值": 11, "计量单位": 10, "指标权重": 10, "执行情况": 11,
            "全年预计完成情况": 11, "偏差原因分析": 15, "完成目标可能性": 9, "实际完成值": 11, "分值": 8,
            "得分": 8, "偏差原因分析及改进措施": 22}  # fmt: skip


def layout_html(layout: Layout) -> str:
    weights = [_WEIGHTS.get(c, 10) for c in layout.columns] or [1] * layout.width
    widths = [round(100 * w / sum(weights)) for w in weights]
    rows = ["<colgroup>" + "".join(f'<col style="width:{w}%">' for w in widths) + "</colgroup>"]
    for row in layout.rows:
        rows.append("<tr>" + "".join(_cell(b) for b in row if b is not None) + "</tr>")
    return '<table class="form">\n' + "\n".join(rows) + "\n</table>"


def document_html(doc: Document) -> str:
    title = escape(f"{doc.department or ''} {doc.fiscal_year or ''} 绩效目标表".strip())
    body = "\n".join(layout_html(layout) for _, layout in layouts(doc))
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def write_html(doc: Document, path: str | Path) -> None:
    Path(path).write_text(document_html(doc), encoding="utf-8")
