"""A filer uploads a folder's worth of files: each is checked with progress, then imported."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from jixiao.web.core import models as db
from tests.conftest import need_tool

pytestmark = pytest.mark.e2e
LAYOUTS = Path(__file__).resolve().parents[1] / "fixtures" / "layouts"


def test_upload_check_and_commit(page, live_server, django_user_model, tmp_path, artifacts):
    user = django_user_model.objects.create_user("filer", password="filer pass 2024")
    user.groups.add(Group.objects.get(name="部门填报人"))
    need_tool("soffice")  # the legacy Word file is converted by LibreOffice
    files = sorted(p for p in LAYOUTS.iterdir() if p.suffix != ".yaml")
    files.append(LAYOUTS.parent / "seed_word97.doc")
    bad = tmp_path / "不是表格.txt"
    bad.write_text("会议纪要\n", encoding="utf-8")
    files.append(bad)

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("用户名").fill("filer")
    page.get_by_label("密码").fill("filer pass 2024")
    page.get_by_role("button", name="登录").click()
    page.get_by_role("link", name="批量导入").click()
    page.set_input_files("input[name=files]", [str(f) for f in files])
    page.get_by_role("button", name="上传并检查").click()

    n = len(files)
    expect(page.get_by_test_id("progress")).to_contain_text(f"已检查 {n} / {n}", timeout=30000)
    assert db.SourceDocument.objects.count() == 0  # a dry run stores nothing
    failed = page.locator('[data-testid="import-file"][data-status="failed"]')
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text("不是表格.txt：没有找到绩效目标表")
    html_row = page.locator('[data-testid="import-file"]', has_text="html_rowspan.html")
    expect(html_row).to_contain_text("第 5 行")  # warnings carry their place
    word97 = page.locator('[data-testid="import-file"]', has_text="seed_word97.doc")
    expect(word97).to_have_attribute("data-status", "checked")

    page.get_by_test_id("commit").click()
    expect(page.get_by_test_id("done")).to_be_visible(timeout=30000)
    expect(page.get_by_test_id("progress")).to_contain_text(f"已导入 {n - 1}")
    assert db.SourceDocument.objects.count() == n - 1
    page.screenshot(path=str(artifacts / "upload.png"), full_page=True)
