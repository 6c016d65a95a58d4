"""Open-data CSV: one row per indicator, each cell as the document printed it.

The same shape is read back by readers/csv.py, so a published CSV is a complete document.
Text that a spreadsheet would run as a formula (= + - @ at the start) is prefixed with a quote.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from jixiao.domain.model import Document

COLUMNS = [
    "表序号", "表类别", "阶段", "表名", "项目名称", "业务主管部门", "编制单位", "年度", "金额单位",
    "预算总额栏目", "预算总额", "资金明细", "项目概况", "立项依据", "绩效目标",
    "一级指标", "二级指标", "指标名称", "指标权重", "指标方向", "指标值", "计量单位", "原文位置",
    # monitoring and self-evaluation, multi-year and department tables: empty where a table has none
    "执行数", "执行率", "总分", "自评等级", "其他栏目",
    "中长期指标值", "实际完成值", "得分", "偏差原因", "全年预计完成情况", "完成目标可能性", "履职目标", "指标说明",
]  # fmt: skip
# the indicator cells kept as printed in `raw`, by the column that carries them
RAW_COLUMNS = {"long_term": "中长期指标值", "forecast": "全年预计完成情况", "likelihood": "完成目标可能性",
               "task": "履职目标", "note": "指标说明"}  # fmt: skip
KIND_ZH = {"department": "部门整体", "project": "项目"}
STAGE_ZH = {"target": "目标", "monitoring": "运行监控", "self_evaluation": "自评"}


def _safe(text: str | None) -> str:
    s = "" if text is None else str(text)
    return "'" + s if s[:1] in ("=", "+", "-", "@") and not _is_number(s) else s


def _is_number(s: str) -> bool:
    try:
        float(s)
    except ValueError:
        return False
    return True


def _where(d: dict[str, object]) -> str:
    return ";".join(f"{k}={v}" for k, v in d.items())


def document_rows(doc: Document) -> list[list[str]]:
    rows: list[list[str]] = []
    for n, t in enumerate(doc.tables, start=1):
        lines = ";".join(f"{b.label}={'' if b.amount is None else b.amount}" for b in t.budget_lines)
        head = [
            str(n), KIND_ZH[t.kind], STAGE_ZH[t.stage], t.title, t.name or "", t.department or "", t.preparer or "",
            str(t.fiscal_year or doc.fiscal_year or ""), doc.money_unit, t.budget_label or "",
            "" if t.budget_total is None else str(t.budget_total), lines, t.overview or "", t.basis or "", t.goal or "",
        ]  # fmt: skip
        evaluation = [
            "" if t.budget_executed is None else str(t.budget_executed),
            "" if t.execution_rate is None else str(t.execution_rate),
            "" if t.score_total is None else str(t.score_total),
            t.grade or "",
            json.dumps(t.extra, ensure_ascii=False) if t.extra else "",
        ]
        for ind in t.indicators:
            raw = ind.raw
            rows.append(
                head
                + [
                    raw.get("level1", ind.level1 or ""),
                    raw.get("level2", ind.level2 or ""),
                    ind.name,
                    raw.get("weight", "" if ind.weight is None else str(ind.weight)),
                    raw.get("operator", ""),
                    raw.get("value", ind.value or ""),
                    raw.get("unit", ind.unit or ""),
                    _where(ind.where.as_dict()),
                ]
                + evaluation
                + [
                    raw.get("long_term", ""),
                    ind.actual or "",
                    raw.get("score", "" if ind.score is None else str(ind.score)),
                    ind.deviation or "",
                ]
                + [raw.get(role, "") for role in ("forecast", "likelihood", "task", "note")]
            )
    return rows


def write_csv(doc: Document, path: str | Path | None = None) -> str:
    """Write UTF-8 with BOM (Excel opens it as Chinese); returns the text when no path is given."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS)
    w.writerows([[_safe(c) for c in row] for row in document_rows(doc)])
    text = buf.getvalue()
    if path is not None:
        Path(path).write_text(text, encoding="utf-8-sig")
    return text
