"""Review throughput: read + review a synthetic CSV of ≥10万 indicators, beside `frictionless validate`.

    .venv/bin/python bench/review_throughput.py [--indicators 100000] [--runs 3]

Both sides read the same file from disk. frictionless checks what a Table Schema can express
(types, required, enums, ranges, a pattern); jixiao runs every review rule.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import ratios, side_by_side  # noqa: E402

from jixiao.domain.cache import clear_caches, gc_paused  # noqa: E402
from jixiao.domain.review import RULES, load_params, review  # noqa: E402
from jixiao.domain.review.context import ReviewContext  # noqa: E402
from jixiao.readers import read_path  # noqa: E402
from jixiao.synth import synth_document  # noqa: E402
from jixiao.writers.csv import write_csv  # noqa: E402

LEVEL1 = ["产出", "效益", "满意度", "成本", "产出指标", "效益指标", "满意度指标", "成本指标"]
SCHEMA = {
    "fields": [
        {"name": "表序号", "type": "integer", "constraints": {"required": True, "minimum": 1}},
        {"name": "表类别", "type": "string", "constraints": {"required": True, "enum": ["部门整体", "项目"]}},
        {"name": "阶段", "type": "string", "constraints": {"enum": ["目标", "运行监控", "自评"]}},
        {"name": "表名", "type": "string", "constraints": {"required": True}},
        {"name": "项目名称", "type": "string"},
        {"name": "业务主管部门", "type": "string"},
        {"name": "编制单位", "type": "string"},
        {"name": "年度", "type": "integer", "constraints": {"minimum": 2000, "maximum": 2100}},
        {"name": "金额单位", "type": "string", "constraints": {"enum": ["元", "万元", "亿元"]}},
        {"name": "预算总额栏目", "type": "string"},
        {"name": "预算总额", "type": "number", "constraints": {"minimum": 0}},
        {"name": "资金明细", "type": "string"},
        {"name": "项目概况", "type": "string"},
        {"name": "立项依据", "type": "string"},
        {"name": "绩效目标", "type": "string", "constraints": {"required": True}},
        {"name": "一级指标", "type": "string", "constraints": {"required": True, "enum": LEVEL1}},
        {"name": "二级指标", "type": "string"},
        {"name": "指标名称", "type": "string", "constraints": {"required": True, "maxLength": 100}},
        {"name": "指标权重", "type": "string", "constraints": {"pattern": "[0-9]+(\\.[0-9]+)?%?"}},
        {"name": "指标方向", "type": "string"},
        {"name": "指标值", "type": "string", "constraints": {"required": True}},
        {"name": "计量单位", "type": "string"},
        {"name": "原文位置", "type": "string"},
        {"name": "执行数", "type": "number", "constraints": {"minimum": 0}},
        {"name": "执行率", "type": "number", "constraints": {"minimum": 0}},
        {"name": "总分", "type": "number", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "自评等级", "type": "string", "constraints": {"enum": ["优", "良", "中", "差"]}},
        {"name": "其他栏目", "type": "object"},
        *(
            {"name": name, "type": "string"}
            for name in (
                "中长期指标值",
                "实际完成值",
                "得分",
                "偏差原因",
                "全年预计完成情况",
                "完成目标可能性",
                "履职目标",
                "指标说明",
            )
        ),  # fmt: skip
    ]
}


def breakdown(path: Path) -> str:
    """Where our time goes, one cold run: what review() does, phase by phase."""
    begin = time.perf_counter()
    rows = sum(1 for _ in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    parsed = time.perf_counter() - begin  # the bare stdlib parse, for scale: part of our read
    clear_caches()
    start = time.perf_counter()
    doc = read_path(path)
    read = time.perf_counter()
    with gc_paused():
        ctx = ReviewContext(doc, load_params(year=doc.fiscal_year))
        built = time.perf_counter()
        findings = [f for r in RULES.values() for f in r.check(ctx)]
        ruled = time.perf_counter()
        findings.sort(
            key=lambda f: (
                -1 if f.table is None else f.table,
                -1 if f.indicator is None else f.indicator,
                f.code,
            )
        )
        done = time.perf_counter()
    return (
        f"  phases: read {read - start:.2f} s (a bare csv parse of its {rows} rows alone: {parsed:.2f} s), "
        f"review context {built - read:.2f} s, "
        f"{len(RULES)} rules {ruled - built:.2f} s, sort {done - ruled:.2f} s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--indicators", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--breakdown", action="store_true", help="also time our phases: read, context, rules, sort"
    )
    args = ap.parse_args()
    from frictionless import Resource, Schema

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synth.csv"
        write_csv(synth_document(args.indicators), path)
        os.chdir(tmp)  # frictionless only opens paths under the working directory
        schema = Schema.from_descriptor(SCHEMA)

        def ours() -> tuple[int, int]:
            doc = read_path(path)
            return sum(len(t.indicators) for t in doc.tables), len(review(doc))

        def baseline() -> tuple[int, int]:
            report = Resource(path.name, schema=schema, encoding="utf-8-sig").validate()
            return report.tasks[0].stats["rows"], report.stats["errors"]

        r = side_by_side(ours, baseline, args.runs)
        if args.breakdown:
            for _ in range(args.runs):
                print(breakdown(path))
    rows, findings = r["ours_result"]
    base_rows, base_errors = r["baseline_result"]
    assert rows == base_rows == args.indicators, (rows, base_rows)
    ours_rate, base_rate = rows / r["ours"], rows / r["baseline"]
    print(
        f"file: {args.indicators} indicator rows, {path.name} ({len(SCHEMA['fields'])} columns), median of {args.runs}"
    )
    print(
        f"jixiao read + review ({len(RULES)} rules): {r['ours']:.2f} s, {ours_rate:,.0f} indicators/s, {findings} findings"
    )
    print(
        f"frictionless validate (Table Schema):  {r['baseline']:.2f} s, {base_rate:,.0f} rows/s, {base_errors} errors"
    )
    print(f"ratio (jixiao / frictionless throughput): {ratios(r, throughput=True)}")


if __name__ == "__main__":
    main()
