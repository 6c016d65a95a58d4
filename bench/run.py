"""Run every benchmark in bench/ and print its lines (copy them into docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# the Excel read in the layouts 10万 indicators come in: tables stacked on a sheet, one table, a budget
# system's summary export (a row per indicator, its project on every row), a sheet per table
BENCHES = [
    ("review_throughput.py", []),
    ("xlsx_speed.py", []),
    ("xlsx_speed.py", ["--rows-per-table", "100000"]),
    ("xlsx_speed.py", ["--summary"]),
    ("xlsx_speed.py", ["--sheet-per-table", "--rows-per-table", "100"]),
]

if __name__ == "__main__":
    for name, options in BENCHES:
        print(f"== {name} {' '.join(options)}")
        subprocess.run([sys.executable, str(HERE / name), *options, *sys.argv[1:]], check=True)
