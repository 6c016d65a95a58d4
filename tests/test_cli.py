import json
import subprocess
import sys

from tests.facts import missed_facts

JIXIAO = [sys.executable, "-m", "jixiao.cli"]


def test_read_prints_seven_tables(seed_path):
    run = subprocess.run(
        [*JIXIAO, "read", str(seed_path)], capture_output=True, text=True, env={"COLUMNS": "160", "PATH": ""}
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.count("绩效目标表") >= 1 and run.stdout.count("部门专项绩效目标申报表") == 6
    for name in ("稳定处突专项经费", "市级特殊疑难信访问题专项经费", "零进京上访非访", "755.07"):
        assert name in run.stdout


def test_read_json_is_the_interchange_format(seed_path, expected):
    run = subprocess.run([*JIXIAO, "read", str(seed_path), "--json"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["format"] == "jixiao.document/1"
    missed, _ = missed_facts(data, expected)
    assert missed == []
