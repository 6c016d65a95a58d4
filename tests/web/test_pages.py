"""The public pages, in Chinese, on the seed."""

import re

import pytest
from django.urls import reverse

from jixiao.readers import read_path
from jixiao.services.documents import do_load_document
from jixiao.web.core import models as db

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seed_path):
    do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    return db.Department.objects.get(name="重庆市沙坪坝区信访办公室")


def test_home_lists_departments_with_budget_totals(client, seeded):
    page = client.get("/", follow=True)
    html = page.content.decode()
    assert page.status_code == 200
    assert "2024 年度部门绩效目标" in html
    assert "重庆市沙坪坝区信访办公室" in html and "755.07" in html and "248.73" in html


def test_department_page_shows_every_table_and_row(client, seeded, expected):
    html = client.get(reverse("department", args=[2024, seeded.pk])).content.decode()
    assert html.count('data-testid="target-table"') == 7
    assert html.count('data-testid="indicator-row"') == 28
    for project in expected["project_tables"]:
        assert project["name"] in html
        for ind in project["indicators"]:
            assert ind["name"] in html
    assert "32.94%" in html  # 248.73 / 755.07
    assert "2,024" not in html  # a year is not a number with separators


def test_values_shown_as_printed(client, seeded):
    html = client.get(reverse("department", args=[2024, seeded.pk])).content.decode()
    rows = re.findall(r'<tr class="ind-row".*?</tr>', html, re.S)
    row = next(r for r in rows if "区、镇街信访专网运行" in r)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
    assert [c.strip() for c in cells] == ["区、镇街信访专网运行", "30%", "23", "产出", "30"]


def test_print_view(client, seeded):
    html = client.get(reverse("department_print", args=[2024, seeded.pk])).content.decode()
    assert "print.css" in html and html.count('data-testid="target-table"') == 7


def test_unknown_department_is_404(client, seeded):
    assert client.get(reverse("department", args=[2023, seeded.pk])).status_code == 404


def test_admin_in_chinese(admin_client, seeded):
    html = admin_client.get("/admin/").content.decode()
    assert "绩效目标表" in html and "站点管理" in html or "数据管理" in html
    html = admin_client.get("/admin/core/targettable/").content.decode()
    assert "稳定处突专项经费" in html


@pytest.mark.parametrize("fmt", ["xlsx", "docx", "pdf", "csv", "json"])
def test_downloads_read_back_to_the_seed_facts(client, seeded, expected, tmp_path, fmt):
    from jixiao.writers.json import document_to_dict
    from tests.facts import missed_facts

    response = client.get(reverse("department_export", args=[2024, seeded.pk, fmt]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    out = tmp_path / f"download.{fmt}"
    out.write_bytes(response.content)
    doc = read_path(out) if fmt != "json" else None
    if doc is not None:
        missed, _ = missed_facts(document_to_dict(doc), expected)
        assert missed == []
    else:
        import json

        missed, _ = missed_facts(json.loads(response.content), expected)
        assert missed == []


@pytest.mark.parametrize(
    ("fixture", "shown"),
    [
        (
            "tab_rows_monitoring.txt",
            ["监控期间", "2024年1-7月", "128.00", "40%", "1所", "暑期集中施工", "执行情况"],
        ),
        ("self_evaluation_html.xls", ["887.10", "实际完成值", "得分"]),
        ("html_department_duties.html", ["年度履职目标", "建设高标准农田2万亩", "部门预算编码"]),
        ("tab_rows_long_term.txt", ["中长期目标", "到2025年困难群众医疗救助政策全覆盖。"]),
    ],
)
def test_department_page_shows_what_each_layout_holds(client, fixture, shown):
    """Monitoring and self-evaluation tables show execution, actuals and deviations; other header
    fields (年度履职目标, 中长期目标, 监控期间 …) are shown, not only stored."""
    from pathlib import Path

    path = Path(__file__).parents[1] / "fixtures" / "layouts" / fixture
    doc = read_path(path)
    do_load_document(doc, content=path.read_bytes(), actor=None)
    dept = db.Department.objects.get(name=doc.department)
    html = client.get(reverse("department", args=[doc.fiscal_year, dept.pk])).content.decode()
    assert [s for s in shown if s not in html] == []


def test_a_document_without_a_year_is_listed_and_shown(client, tmp_path):
    """A table that states no fiscal year is on no year's page: the home page lists its document and
    links to its tables."""
    page = (
        "<p>项目支出绩效目标表</p><table border='1'><tr><td>项目名称</td><td>社区矫正经费</td></tr>"
        "<tr><td>主管部门</td><td>某区司法局</td></tr>"
        "<tr><td>一级指标</td><td>三级指标</td><td>指标值</td><td>权重</td></tr>"
        "<tr><td>产出指标</td><td>教育学习人次</td><td>≥1200人次</td><td>60</td></tr></table>"
    )
    f = tmp_path / "无年度.html"
    f.write_text(page, encoding="utf-8")
    doc = read_path(f)
    assert doc.fiscal_year is None
    record, _ = do_load_document(doc, content=f.read_bytes(), actor=None)
    home = client.get("/", follow=True).content.decode()
    assert "未注明年度的文件" in home and reverse("undated", args=[record.pk]) in home
    html = client.get(reverse("undated", args=[record.pk])).content.decode()
    assert (
        "社区矫正经费" in html and "教育学习人次" in html and html.count('data-testid="indicator-row"') == 1
    )
