"""Word (.docx) of the official layouts: a title paragraph and a bordered table per target table."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from jixiao.domain.model import Document
from jixiao.writers.layout import layouts


def write_docx(doc: Document, path: str | Path) -> None:
    out = docx.Document()
    section = out.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(15)
    style = out.styles["Normal"]
    style.font.size = Pt(10)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    for n, (_, layout) in enumerate(layouts(doc)):
        if n:
            out.add_page_break()
        rows = layout.rows
        title = rows[0][0]
        p = out.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = p.add_run(title.text if title else "")
        run.bold, run.font.size = True, Pt(14)
        body = rows[1:]
        table = out.add_table(rows=len(body), cols=layout.width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(body):
            for c, box in enumerate(row):
                if box is None:
                    continue
                cell = table.cell(r, c)
                if box.colspan > 1 or box.rowspan > 1:
                    cell = cell.merge(table.cell(r + box.rowspan - 1, c + box.colspan - 1))
                cell.text = box.text
                para = cell.paragraphs[0]
                if box.kind in ("label", "center"):
                    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
                elif box.kind in ("number", "note-right"):
                    para.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if box.kind == "label" and para.runs:
                    para.runs[0].bold = True
    # Word ends a document with a paragraph, never a table; LibreOffice drops a last table that
    # has none after it when it saves the file as .doc
    out.add_paragraph()
    out.save(str(path))
