"""Excel speed: our reader vs a bare python-calamine read, our writer vs a bare XlsxWriter write.

    .venv/bin/python bench/xlsx_speed.py [--indicators 100000] [--runs 3] [--rows-per-table 8]
                                         [--summary | --sheet-per-table]

The workbook is `jixiao synth` data in the official layout (tables stacked on one sheet, merged
一级/二级 cells, number formats). The bare write puts the very same cell values in the same places,
without formats or merges; the bare read is python-calamine's `to_python()` of the same file.

`--summary`: the same indicators as a budget system exports them, one sheet, a row per indicator
with its project's name on every row (项目名称 | 一级 | 二级 | 三级 | 指标值 | 计量单位 | 指标权重 as a
percent), under a 汇总表 title. Written by XlsxWriter here (our writer prints the official layouts):
only the read is compared.

`--sheet-per-table`: the official layout our writer prints by default, each table on a sheet of its
own (with `--rows-per-table 100`: 1,000 sheets). The bare read reads every sheet; only the read is
compared.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402
from common import ratios, side_by_side  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from jixiao.domain.model import Document  # noqa: E402
from jixiao.readers import read_path  # noqa: E402
from jixiao.synth import synth_document  # noqa: E402
from jixiao.writers.xlsx import write_xlsx  # noqa: E402


def read_phases(path: Path) -> str:
    """One cold read, phase by phase (the reader's own functions, timed in place)."""
    from jixiao.domain.cache import clear_caches
    from jixiao.readers import excel

    spent: dict[str, float] = {}
    originals = {
        name: getattr(excel, name)
        for name in ("_load_sheets", "number_formats", "sheet_rows", "assemble_grid")
    }

    def timed_phase(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return run

    for name, fn in originals.items():
        setattr(excel, name, timed_phase(name, fn))
    try:
        clear_caches()
        start = time.perf_counter()
        read_path(path)
        total = time.perf_counter() - start
    finally:
        for name, fn in originals.items():
            setattr(excel, name, fn)
    return (
        f"  read phases: total {total:.2f} s; calamine parse (worker thread) {spent['_load_sheets']:.2f} s, "
        f"number formats (beside it) {spent['number_formats']:.2f} s, shown texts {spent['sheet_rows']:.2f} s, "
        f"tables and indicators {spent['assemble_grid']:.2f} s"
    )


def compare_writes(
    doc: Document, grid: list[list[object]], ours_path: Path, bare_path: Path, runs: int
) -> dict[str, Any]:
    """Our writer vs XlsxWriter putting the same values in the same cells."""

    def ours_write() -> None:
        write_xlsx(doc, ours_path, one_sheet=True)

    def bare_write() -> None:
        wb = xlsxwriter.Workbook(str(bare_path))
        ws = wb.add_worksheet("绩效目标表")
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v != "":
                    ws.write(r, c, v)
        wb.close()

    return side_by_side(ours_write, bare_write, runs)


def bare_sheets(path: Path) -> list[list[list[Any]]]:
    """Every sheet's cells, as python-calamine reads them and nothing more."""
    wb = CalamineWorkbook.from_path(str(path))
    return [wb.get_sheet_by_index(k).to_python() for k in range(len(wb.sheet_names))]


def write_summary(doc: Document, path: Path) -> None:
    """A budget system's export of the document's indicators: a row each, its project on every row."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("项目绩效目标")
    percent = wb.add_format({"num_format": "0.00%"})
    ws.write_row(0, 0, [f"{doc.fiscal_year or 2024}年项目支出绩效目标汇总表"])
    ws.write_row(1, 0, ["项目名称", "一级指标", "二级指标", "三级指标", "指标值", "计量单位", "指标权重"])
    r = 2
    for table in doc.tables:
        for ind in table.indicators:
            value = ind.raw.get("value", ind.value or "")
            ws.write_row(r, 0, [table.name, ind.level1, ind.level2, ind.name, value, ind.unit or ""])
            ws.write_number(r, 6, float(ind.weight or 0) / 100, percent)  # as typed in Excel: 11.25%
            r += 1
    wb.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--indicators", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--rows-per-table", type=int, default=8, help="8: many small tables stacked; 100000: one big table"
    )
    ap.add_argument("--summary", action="store_true", help="a summary export, a row per indicator")
    ap.add_argument("--sheet-per-table", action="store_true", help="each table on a sheet of its own")
    ap.add_argument("--breakdown", action="store_true", help="also time the reader's phases")
    args = ap.parse_args()
    doc = synth_document(args.indicators, rows_per_table=args.rows_per_table)
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, bare_path = Path(tmp) / "ours.xlsx", Path(tmp) / "bare.xlsx"
        w = None
        if args.summary:
            write_summary(doc, ours_path)
        else:
            write_xlsx(doc, ours_path, one_sheet=not args.sheet_per_table)
        grid = [row for sheet in bare_sheets(ours_path) for row in sheet]
        cells = sum(1 for row in grid for v in row if v != "")

        if not (args.summary or args.sheet_per_table):
            w = compare_writes(doc, grid, ours_path, bare_path, args.runs)
        tables, rows = len(doc.tables), len(grid)
        # the reads start from a small heap: 10万 indicators and the grid kept alive here would
        # make every GC pass of the bare read (ours pauses the GC) walk them, flattering our ratio
        del doc, grid
        gc.collect()

        def ours_read() -> int:
            return sum(len(t.indicators) for t in read_path(ours_path).tables)

        def bare_read() -> int:
            return sum(map(len, bare_sheets(ours_path)))

        r = side_by_side(ours_read, bare_read, args.runs)
        if args.breakdown:
            for _ in range(args.runs):
                print(read_phases(ours_path))
    assert r["ours_result"] == args.indicators, r["ours_result"]
    print(
        f"workbook{' (summary export)' if args.summary else ''}: {args.indicators} indicators in {tables} tables"
        f"{' (a sheet each)' if args.sheet_per_table else ''}, "
        f"{rows} rows, {cells} filled cells; median of {args.runs}"
    )
    if w is not None:
        print(f"write: jixiao {w['ours']:.2f} s, bare XlsxWriter {w['baseline']:.2f} s, ratio {ratios(w)}")
    print(f"read:  jixiao {r['ours']:.2f} s, bare calamine {r['baseline']:.2f} s, ratio {ratios(r)}")


if __name__ == "__main__":
    main()
