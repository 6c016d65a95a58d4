"""`jixiao import` (dry run, then all or nothing per file) and `jixiao export` from the database."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.readers import read_path
from tests.facts import missed_facts

LAYOUTS = Path(__file__).resolve().parent / "fixtures" / "layouts"
N_LAYOUTS = sum(1 for p in LAYOUTS.iterdir() if p.suffix != ".yaml")  # every fixture is readable
JIXIAO = [sys.executable, "-m", "jixiao.cli"]


@pytest.fixture
def data_dir(tmp_path):
    env = dict(os.environ, JIXIAO_DATA_DIR=str(tmp_path / "data"), COLUMNS="200")
    env.pop("JIXIAO_DATABASE_URL", None)  # a fresh SQLite database of its own
    return env


def run(args, env):
    return subprocess.run([*JIXIAO, *args], capture_output=True, text=True, env=env)


def count(env):
    code = "import django; django.setup(); from jixiao.web.core.models import SourceDocument as S; print(S.objects.count())"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=dict(env, DJANGO_SETTINGS_MODULE="jixiao.web.settings"))  # fmt: skip
    return int(r.stdout.strip() or -1)


def test_dry_run_stores_nothing_and_reports_places(data_dir, tmp_path):
    bad = tmp_path / "in" / "坏文件.xlsx"
    bad.parent.mkdir()
    bad.write_bytes(b"PK\x03\x04broken")
    r = run(["import", str(LAYOUTS), str(bad), "--dry-run"], data_dir)
    assert r.returncode == 2  # one file could not be read
    assert "坏文件.xlsx：文件已损坏" in r.stdout
    assert "html_rowspan.html" in r.stdout and "第 5 行" in r.stdout
    assert f"可导入 {N_LAYOUTS} 个文件，无法读取 1 个" in r.stdout
    assert count(data_dir) in (0, -1)  # nothing stored (the database may not even exist)


def test_without_yes_and_no_terminal_nothing_is_stored(data_dir):
    r = run(["import", str(LAYOUTS)], data_dir)
    assert "未导入" in r.stdout
    assert count(data_dir) in (0, -1)


def test_import_then_export(data_dir, tmp_path, seed_path, expected):
    r = run(["import", str(LAYOUTS), str(seed_path), "--yes"], data_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("已导入：") == N_LAYOUTS + 1
    again = run(["import", str(seed_path), "--yes"], data_dir)
    assert "已存在，未重复导入" in again.stdout
    assert count(data_dir) == N_LAYOUTS + 1

    out = tmp_path / "信访办.xlsx"
    r = run(["export", str(out), "--year", "2024", "--department", "重庆市沙坪坝区信访办公室"], data_dir)
    assert r.returncode == 0, r.stderr
    from jixiao.writers.json import document_to_dict

    missed, _ = missed_facts(document_to_dict(read_path(out)), expected)
    assert missed == []

    folder = tmp_path / "2025"
    r = run(["export", str(folder), "--year", "2025", "--format", "docx", "--per-department"], data_dir)
    assert r.returncode == 0, r.stderr
    names = sorted(p.name for p in folder.iterdir())
    fixtures = [p for p in LAYOUTS.iterdir() if p.suffix != ".yaml"]
    departments = {d.department for d in map(read_path, fixtures) if d.fiscal_year == 2025}
    departments.discard(None)
    assert len(departments) >= 3 and names == sorted(f"{d}-2025.docx" for d in departments)
    doc = read_path(folder / "某区交通局-2025.docx")
    assert doc.tables[0].name == "农村公路养护补助" and len(doc.tables[0].indicators) == 5


def test_export_of_nothing(data_dir, tmp_path):
    run(["demo"], data_dir)
    r = run(["export", str(tmp_path / "x.xlsx"), "--year", "1999"], data_dir)
    assert r.returncode == 2 and "没有" in r.stderr


def test_the_dry_run_names_the_department_as_it_will_be_filed(tmp_path):
    """主管部门及代码 "[201]某区城市管理局": the department is filed as 某区城市管理局, and the dry run says so."""
    from jixiao.services.imports import check_file

    f = tmp_path / "coded.txt"
    f.write_text(
        "\n".join([
            "2025年项目支出绩效目标表",
            "项目名称\t垃圾清运\t主管部门及代码\t[201]某区城市管理局",
            "年度资金总额\t100.00",
            "一级指标\t二级指标\t三级指标\t指标值",
            "产出指标\t数量指标\t生活垃圾清运量\t≥18万吨",
        ]),
        encoding="utf-8",
    )  # fmt: skip
    assert check_file(f).summary().startswith("某区城市管理局 2025年：1 张表")


def test_a_folder_gives_the_files_it_can_read_and_leaves_the_others(tmp_path):
    """`jixiao import 文件夹/`: tables saved by any office suite (an .ods among them), not its notes."""
    from jixiao.services.imports import expand

    for name in ("表1.xlsx", "表2.ods", "表3.odt", "子目录/表4.et", "说明.png", "desktop.ini"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"x")
    assert sorted(p.name for p in expand([tmp_path])) == ["表1.xlsx", "表2.ods", "表3.odt", "表4.et"]
