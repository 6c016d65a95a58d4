"""Findings on the rows they concern, counts per table, decisions through the page, the year overview."""

import re

import pytest
from django.urls import reverse

from jixiao.web.core import models as db

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def filer_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("filer", password="x" * 12))
    return client


def test_findings_sit_under_their_rows_with_counts(filer_client, record):
    html = filer_client.get(reverse("department", args=[2024, record.department_id])).content.decode()
    assert html.count('data-testid="finding-count"') == 7
    # the unit-is-number finding follows the row 区、镇街信访专网运行 and comes before the next row
    after = html.split("区、镇街信访专网运行", 1)[1].split('class="ind-row"', 1)[0]
    assert 'data-code="unit-is-number"' in after
    counts = re.findall(r'data-testid="finding-count".*?错误 (\d+)', html, re.S)
    assert len(counts) == 7 and all(int(n) > 0 for n in counts)


def test_filers_see_findings_without_decision_forms(filer_client, record):
    html = filer_client.get(reverse("department", args=[2024, record.department_id])).content.decode()
    assert 'data-testid="finding"' in html and 'class="decide"' not in html


def test_the_public_sees_the_form_without_findings(client, record):
    html = client.get(reverse("department", args=[2024, record.department_id])).content.decode()
    assert html.count('data-testid="indicator-row"') == 28
    assert 'data-testid="finding' not in html and "values-copied-from-weights" not in html


def test_the_print_view_has_no_findings(filer_client, record):
    html = filer_client.get(reverse("department_print", args=[2024, record.department_id])).content.decode()
    assert 'data-testid="finding' not in html


def test_reviewer_dismisses_through_the_page(reviewer_client, record):
    f = db.Finding.objects.filter(document=record, code="operator-missing").first()
    url = reverse("decide_finding", args=[f.pk])
    refused = reviewer_client.post(url, {"decision": "dismissed", "reason": ""}, HTTP_HX_REQUEST="true")
    assert refused.status_code == 422 and "必须写明理由" in refused.content.decode()
    ok = reviewer_client.post(
        url, {"decision": "dismissed", "reason": "本地模板无方向栏"}, HTTP_HX_REQUEST="true"
    )
    assert ok.status_code == 200 and "本地模板无方向栏" in ok.content.decode()
    page = reviewer_client.get(reverse("department", args=[2024, record.department_id])).content.decode()
    assert "已驳回" in page and "本地模板无方向栏" in page


def test_filer_cannot_decide(client, django_user_model, record):
    user = django_user_model.objects.create_user("filer", password="x" * 12)
    client.force_login(user)
    f = db.Finding.objects.filter(document=record).first()
    response = client.post(
        reverse("decide_finding", args=[f.pk]), {"decision": "accepted", "reason": ""}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 422 and "财政审核人" in response.content.decode()
    f.refresh_from_db()
    assert f.status == "open"


def test_year_overview(reviewer_client, record):
    html = reviewer_client.get(reverse("review_overview", args=[2024])).content.decode()
    assert "重庆市沙坪坝区信访办公室" in html
    codes = re.findall(r"<code>([a-z0-9-]+)</code>", html.split('data-testid="overview-codes"')[1])
    assert codes[0] == "values-copied-from-weights"  # the most common defect on the seed
    assert "operator-missing" in codes


def test_overview_is_for_reviewers(client, django_user_model, record):
    client.force_login(django_user_model.objects.create_user("filer", password="x" * 12))
    assert client.get(reverse("review_overview", args=[2024])).status_code == 403


def test_decision_without_javascript(reviewer_client, record):
    f = db.Finding.objects.filter(document=record, code="unit-is-number").get()
    page = reverse("department", args=[2024, record.department_id])
    response = reviewer_client.post(
        reverse("decide_finding", args=[f.pk]),
        {"decision": "accepted", "reason": ""},
        HTTP_REFERER=f"http://testserver{page}",
    )
    assert response.status_code == 302 and response["Location"].endswith(page)
    f.refresh_from_db()
    assert f.status == "accepted"
    html = reviewer_client.get(page).content.decode()
    assert "已记录：已采纳" in html


def test_large_ids_are_not_localised(filer_client, record, settings):
    # ids past 1000 once printed as "1,377" and broke the htmx targets of the decision forms
    f = db.Finding.objects.filter(document=record).first()
    db.Finding.objects.filter(pk=f.pk).update(id=123456)
    html = filer_client.get(reverse("department", args=[2024, record.department_id])).content.decode()
    assert 'id="finding-123456"' in html
    assert "123,456" not in html
