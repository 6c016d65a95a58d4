"""A filer logs in and finds the seed's seven tables, their budgets and every indicator row."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from jixiao.readers import read_path
from jixiao.services.documents import do_load_document

pytestmark = pytest.mark.e2e


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("filer", password="correct horse 2024", first_name="填报员")


def _login(page, live_server, username, password):
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_login_and_read_the_department_page(page, live_server, staff, seed_path, expected, artifacts):
    do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    _login(page, live_server, "filer", "correct horse 2024")
    assert page.get_by_test_id("who").inner_text() == "填报员"

    page.get_by_role("link", name="重庆市沙坪坝区信访办公室").click()
    assert "2024" in page.get_by_test_id("department-name").inner_text()

    tables = page.get_by_test_id("target-table")
    assert tables.count() == 7
    assert tables.nth(0).locator(".form-title").inner_text() == "部门整体绩效目标表"
    assert tables.nth(0).get_by_test_id("budget-total").inner_text() == "755.07"

    for k, project in enumerate(expected["project_tables"], start=1):
        t = tables.nth(k)
        assert t.locator(".form-title").inner_text() == "部门专项绩效目标申报表"
        assert t.get_by_test_id("project-name").inner_text() == project["name"]
        assert Decimal(t.get_by_test_id("budget-total").inner_text()) == Decimal(project["budget"])
        rows = t.get_by_test_id("indicator-row")
        assert rows.count() == len(project["indicators"])
        for i, ind in enumerate(project["indicators"]):
            assert ind["name"] in rows.nth(i).inner_text()

    dept_rows = tables.nth(0).get_by_test_id("indicator-row")
    assert [dept_rows.nth(i).locator(".ind-name").inner_text() for i in range(dept_rows.count())] == [
        i["name"] for i in expected["department_table"]["indicators"]
    ]

    summary = page.get_by_test_id("budget-summary")
    assert summary.get_by_test_id("summary-project-total").inner_text() == "248.73"
    assert summary.get_by_test_id("summary-share").inner_text() == "32.94%"
    page.wait_for_function("window.chartReady === true")
    assert page.locator("#budget-chart svg").count() == 1  # ECharts drew, from our own static files

    page.screenshot(path=str(artifacts / "department-page.png"), full_page=True)


def test_print_view_fits_a4(page, live_server, seed_path, artifacts):
    record, _ = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    page.goto(f"{live_server.url}/y/2024/d/{record.department_id}/print/")
    page.emulate_media(media="print")
    assert page.get_by_test_id("target-table").count() == 7
    # 186 mm of content width at 96 dpi; no table may be wider than the page's printable width
    widths = page.eval_on_selector_all("table", "els => els.map(e => e.getBoundingClientRect().width)")
    assert widths and max(widths) <= 186 / 25.4 * 96 + 1
    pdf = page.pdf(format="A4", print_background=True)
    (artifacts / "department-print.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF")


def test_reviewer_dismisses_a_finding_with_a_reason(
    page, live_server, django_user_model, seed_path, artifacts
):
    from django.contrib.auth.models import Group

    record, _ = do_load_document(read_path(seed_path), content=seed_path.read_bytes(), actor=None)
    user = django_user_model.objects.create_user("reviewer", password="review pass 2024", first_name="审核员")
    user.groups.add(Group.objects.get(name="财政审核人"))
    _login(page, live_server, "reviewer", "review pass 2024")
    page.goto(f"{live_server.url}/y/2024/d/{record.department_id}/")
    page.wait_for_function("window.htmx !== undefined")

    unit_row = page.locator('[data-code="unit-is-number"]')
    assert unit_row.count() == 1
    # a row's findings are folded under a one-line summary; open the row that concerns us
    page.locator("tr.finding-row", has=unit_row).locator("summary.small").first.click()
    assert "23" in unit_row.inner_text()
    unit_row.locator("summary").click()
    unit_row.get_by_role("button", name="驳回").click()  # no reason yet: refused, in place
    expect(page.locator('[data-code="unit-is-number"] [role="alert"]')).to_contain_text("必须写明理由")

    row = page.locator('[data-code="unit-is-number"]')
    row.get_by_label("理由").fill("23 是专网点位数，已请部门移到指标值栏")
    row.get_by_role("button", name="驳回").click()
    expect(page.locator('[data-code="unit-is-number"] [data-testid="decision"]')).to_contain_text("已驳回")

    page.reload()
    page.locator("tr.finding-row", has=page.locator('[data-code="unit-is-number"]')).locator(
        "summary.small"
    ).first.click()
    decision = page.locator('[data-code="unit-is-number"] [data-testid="decision"]').inner_text()
    assert "专网点位数" in decision and "审核员" in decision
    page.screenshot(path=str(artifacts / "review-decision.png"))

    page.get_by_role("link", name="审核概览").click()
    # expect() waits for the overview page; a bare count() could run before the link's page loaded
    expect(page.get_by_test_id("overview-departments").get_by_text("重庆市沙坪坝区信访办公室")).to_have_count(
        1
    )
