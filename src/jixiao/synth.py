"""Synthetic declarations for benchmarks and load tests: realistic tables with known defects.

Deterministic for a given seed. Names, units and values follow what published tables contain;
about a third of the tables carry one of the defects review looks for.
"""

from __future__ import annotations

import random
from decimal import Decimal

from jixiao.domain.model import BudgetLine, Document, TargetTable, Where
from jixiao.readers.indicators import indicator_from_cells

DEPARTMENTS = [
    "教育委员会",
    "卫生健康委员会",
    "民政局",
    "农业农村委员会",
    "交通局",
    "城市管理局",
    "信访办公室",
    "司法局",
]
PROJECTS = ["义务教育学校运转经费", "基层医疗卫生机构补助", "困难群众救助资金", "高标准农田建设", "农村公路养护",
            "城市道路维护", "信访积案化解专项", "法律援助经费", "公共文化服务补助", "办公楼维修改造工程"]  # fmt: skip
ROWS = {
    "产出": [("数量", "{x}覆盖人数", "人", "≥{n}"), ("数量", "完成{x}项目个数", "个", "≥{n}"),
             ("质量", "{x}验收合格率", "%", "≥{p}"), ("时效", "{x}按时完成率", "%", "≥{p}"),
             ("数量", "开展{x}培训", "人次", "≥{n}"), ("时效", "{x}完成时间", "", "{y}年12月底前")],
    "效益": [("社会效益", "{x}服务水平", "", "有效提升"), ("社会效益", "{x}群众知晓率", "%", "≥{p}"),
             ("经济效益", "带动{x}增收", "万元", "≥{n}"), ("可持续影响", "{x}长效机制", "", "持续发挥作用"),
             ("生态效益", "{x}安全事故发生数", "起", "≤0")],
    "满意度": [("服务对象满意度", "{x}服务对象满意度", "%", "≥{s}")],
    "成本": [("经济成本", "{x}单位成本", "万元", "≤{c}")],
}  # fmt: skip
DEFECTS = [
    "weights-as-values",
    "no-outcome",
    "rate-in-count",
    "low-satisfaction",
    "zero-not-zero",
    "placeholder",
]


def _indicator_cells(rng: random.Random, level1: str, x: str, year: int, used: set[str]) -> dict[str, str]:
    choices = [r for r in ROWS[level1] if r[1] not in used] or ROWS[level1]
    level2, name, unit, value = rng.choice(choices)
    used.add(name)
    value = value.format(
        n=rng.choice([3, 5, 12, 20, 30, 100, 250, 1200]),
        p=rng.choice([90, 95, 98, 99]),
        s=rng.choice([85, 90, 95]),
        c=rng.choice(["0.5", "1.2", "3"]),
        y=year,
    )
    return {"level1": level1, "level2": level2, "name": name.format(x=x), "unit": unit, "value": value}


def synth_table(rng: random.Random, n: int, year: int, rows: int) -> TargetTable:
    project = rng.choice(PROJECTS)
    x = project[:4]
    budget = Decimal(rng.randint(100, 500_000)) / 100
    table = TargetTable(
        kind="project",
        title=f"{year}年项目支出绩效目标表",
        name=f"{project}（{n}）",
        department=rng.choice(DEPARTMENTS),
        fiscal_year=year,
        budget_total=budget,
        budget_label="年度资金总额",
        budget_lines=[BudgetLine("财政拨款", budget, str(budget))],
        goal=f"年内完成{project}各项任务，服务对象{rng.randint(100, 9000)}人，满意度达到90%以上。",
    )
    cats = ["产出"] * (rows - 3) + ["效益", "效益", "满意度"]
    if "工程" in project:
        cats[-2] = "成本"
    defect = rng.choice(DEFECTS + [None] * 12)
    if defect == "no-outcome":
        cats = [c if c != "效益" else "产出" for c in cats]
    weights = [Decimal(90) / rows] * rows
    used: set[str] = set()
    for k, level1 in enumerate(cats):
        cells = _indicator_cells(rng, level1, x, year, used)
        if cells["name"] in (i.name for i in table.indicators):
            cells["name"] += f"（{k + 1}）"  # more rows than templates: keep names distinct
        w = weights[k].quantize(Decimal("0.01"))
        cells["weight"] = f"{w}%"
        if defect == "weights-as-values":
            cells["value"] = str(w)
        if defect == "rate-in-count" and cells["unit"] == "%":
            cells["unit"] = "人次"
        if defect == "low-satisfaction" and level1 == "满意度":
            cells["value"] = "10"
        if defect == "zero-not-zero" and cells["value"] == "≤0":
            cells["value"] = "20"
        if defect == "placeholder" and k == 0:
            cells["value"] = "≥**"
        cells["nature"] = cells.pop("level1")
        table.indicators.append(indicator_from_cells(cells, Where(row=k + 1)))
    return table


def synth_document(indicators: int, seed: int = 2024, year: int = 2024, rows_per_table: int = 8) -> Document:
    rng = random.Random(seed)
    doc = Document(
        source_path="synthetic", reader="synth", fiscal_year=year, department="某区财政局（合成数据）"
    )
    made, n = 0, 0
    while made < indicators:
        rows = min(rows_per_table, indicators - made) if indicators - made >= 4 else 4
        n += 1
        doc.tables.append(synth_table(rng, n, year, rows))
        made += rows
    return doc
