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


def test_check_against_last_years_self_evaluation(tmp_path):
    last = tmp_path / "2023自评.txt"
    last.write_text(
        "项目支出绩效自评表\n项目名称\t困难群众救助补助资金\n年度\t2023\n"
        "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n"
        "产出指标\t数量指标\t城乡低保保障人数\t≥5000人\t5124人\t20\t20\n",
        encoding="utf-8",
    )
    this = tmp_path / "2024目标.txt"
    this.write_text(
        "2024年项目支出绩效目标表\n项目名称\t困难群众救助补助资金\n年度资金总额\t900.00\n"
        "年度绩效目标\t保障城乡低保对象5000人以上的基本生活。\n"
        "一级指标\t二级指标\t三级指标\t指标值\t权重\n"
        "产出指标\t数量指标\t城乡低保保障人数\t≥5000人\t50\n"
        "效益指标\t社会效益指标\t困难群众基本生活\t有效保障\t30\n"
        "满意度指标\t服务对象满意度指标\t救助对象满意度\t≥90%\t10\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [*JIXIAO, "check", str(this), "--previous", str(last), "--json"], capture_output=True, text=True
    )
    found = [(f["code"], f["indicator"]) for f in json.loads(run.stdout)["findings"]]
    assert ("target-below-last-actual", 0) in found  # 5000 < last year's 5124
    run = subprocess.run([*JIXIAO, "check", str(this), "--json"], capture_output=True, text=True)
    assert "target-below-last-actual" not in run.stdout
