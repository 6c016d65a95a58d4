"""Excel speed: our reader vs a bare python-calamine read, our writer vs a bare XlsxWriter write.

    .venv/bin/python bench/xlsx_speed.py [--indicators 100000] [--runs 3]

The workbook is `jixiao synth` data in the official layout (tables stacked on one sheet, merged
一级/二级 cells, number formats). The bare write puts the very same cell values in the same places,
without formats or merges; the bare read is python-calamine's `to_python()` of the same file.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter  # noqa: E402
from common import side_by_side  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from jixiao.readers import read_path  # noqa: E402
from jixiao.synth import synth_document  # noqa: E402
from jixiao.writers.xlsx import write_xlsx  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--indicators", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--rows-per-table", type=int, default=8, help="8: many small tables stacked; 100000: one big table"
    )
    args = ap.parse_args()
    doc = synth_document(args.indicators, rows_per_table=args.rows_per_table)
    with tempfile.TemporaryDirectory() as tmp:
        ours_path, bare_path = Path(tmp) / "ours.xlsx", Path(tmp) / "bare.xlsx"
        write_xlsx(doc, ours_path, one_sheet=True)
        grid = CalamineWorkbook.from_path(str(ours_path)).get_sheet_by_index(0).to_python()
        cells = sum(1 for row in grid for v in row if v != "")

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

        w = side_by_side(ours_write, bare_write, args.runs)

        def ours_read() -> int:
            return sum(len(t.indicators) for t in read_path(ours_path).tables)

        def bare_read() -> int:
            return len(CalamineWorkbook.from_path(str(ours_path)).get_sheet_by_index(0).to_python())

        r = side_by_side(ours_read, bare_read, args.runs)
    assert r["ours_result"] == args.indicators, r["ours_result"]
    print(
        f"workbook: {args.indicators} indicators in {len(doc.tables)} tables, {len(grid)} rows, {cells} filled cells; median of {args.runs}"
    )
    print(
        f"write: jixiao {w['ours']:.2f} s, bare XlsxWriter {w['baseline']:.2f} s, ratio {w['ours'] / w['baseline']:.2f}"
    )
    print(
        f"read:  jixiao {r['ours']:.2f} s, bare calamine {r['baseline']:.2f} s, ratio {r['ours'] / r['baseline']:.2f}"
    )


if __name__ == "__main__":
    main()
