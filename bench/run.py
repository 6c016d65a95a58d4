"""Run every benchmark in bench/ and print its lines (copy them into docs/performance.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["review_throughput.py", "xlsx_speed.py"]

if __name__ == "__main__":
    for name in BENCHES:
        print(f"== {name}")
        subprocess.run([sys.executable, str(HERE / name), *sys.argv[1:]], check=True)
