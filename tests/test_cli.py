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


def test_check_prints_findings_and_exits_1_on_errors(seed_path):
    run = subprocess.run(
        [*JIXIAO, "check", str(seed_path)], capture_output=True, text=True, env={"COLUMNS": "200", "PATH": ""}
    )
    assert run.returncode == 1
    assert "values-copied-from-weights" in run.stdout and "错误" in run.stdout
    assert "财预〔2021〕101号" in run.stdout


def test_check_exit_0_without_errors(tmp_path, seed_path):
    # the department table alone, with real targets instead of weights, directions and a cost indicator
    text = seed_path.read_text(encoding="utf-8").split("\t部门专项绩效目标申报表")[0]
    for old, new in [
        ("\t效益\n\t\u300020", "\t效益\n\t≥20"),
        ("\t次\n\t产出\n\t\u300020", "\t次\n\t产出\n\t≥20"),
        ("\t人\n\t产出\n\t\u300020\n\n\t\n\t\u3000零", "\t人\n\t产出\n\t≥20\n\n\t\n\t\u3000零"),
        ("\t人\n\t产出\n\t\u300020\n\n\t\n\t\u3000群众", "\t人\n\t产出\n\t≤0\n\n\t\n\t\u3000群众"),
        ("\t满意度\n\t\u300010", "\t满意度\n\t≥90"),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    f = tmp_path / "fixed.txt"
    f.write_text(text, encoding="utf-8")
    run = subprocess.run([*JIXIAO, "check", str(f), "--json"], capture_output=True, text=True)
    findings = json.loads(run.stdout)["findings"]
    assert [x for x in findings if x["severity"] == "error"] == []
    assert run.returncode == 0


def test_check_writes_an_excel_report(tmp_path, seed_path):
    from python_calamine import CalamineWorkbook

    report = tmp_path / "审核意见.xlsx"
    run = subprocess.run(
        [*JIXIAO, "check", str(seed_path), "--xlsx", str(report)], capture_output=True, text=True
    )
    assert run.returncode == 1 and report.exists()
    rows = CalamineWorkbook.from_path(str(report)).get_sheet_by_index(0).to_python()
    assert rows[0][:4] == ["文件", "表", "表名", "行"]
    zero = [r for r in rows if r[6] == "zero-target-not-zero"]
    assert {r[4] for r in zero} == {"零进京上访非访", "进京上访非访0人次"}
    assert all(r[9].startswith("第 ") for r in rows[1:])  # every finding locates its line
