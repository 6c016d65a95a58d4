"""Stored findings and reviewers' decisions on them."""

import pytest
from django.contrib.auth.models import Group

from jixiao.services.review import ReviewError, do_decide_finding, do_review_document
from jixiao.web.core import models as db

pytestmark = pytest.mark.django_db


@pytest.fixture
def filer(django_user_model):
    user = django_user_model.objects.create_user("filer", password="x" * 12)
    user.groups.add(Group.objects.get(name="部门填报人"))
    return user


def _zero_finding(record):
    return db.Finding.objects.get(
        document=record, code="zero-target-not-zero", indicator__name="零进京上访非访"
    )


def test_loading_stores_the_findings_on_their_rows(record):
    f = _zero_finding(record)
    assert f.table.kind == "department" and f.indicator.position == 3 and f.severity == "error"
    assert f.where == {"line": 42}
    assert (
        db.Finding.objects.filter(
            document=record, code="values-copied-from-weights", indicator__isnull=False
        ).count()
        == 28
    )
    assert db.AuditLog.objects.get(action="document.loaded").data["findings"] == record.findings.count()


def test_dismissing_needs_a_reason(record, reviewer):
    with pytest.raises(ReviewError, match="理由"):
        do_decide_finding(_zero_finding(record), "dismissed", "  ", actor=reviewer)
    assert _zero_finding(record).status == "open"


def test_decision_is_kept_with_reason_and_reviewer(record, reviewer):
    do_decide_finding(
        _zero_finding(record), "dismissed", "已与部门核实：此处为处置次数，下年改为反向指标", actor=reviewer
    )
    f = _zero_finding(record)
    assert f.status == "dismissed" and f.decided_by == reviewer and f.decided_at is not None
    assert "处置次数" in f.reason
    log = db.AuditLog.objects.get(action="finding.dismissed")
    assert log.actor == reviewer and log.data["before"] == "open"


def test_rereview_keeps_decisions(record, reviewer):
    do_decide_finding(_zero_finding(record), "accepted", "", actor=reviewer)
    count = record.findings.count()
    do_review_document(record, actor=reviewer)
    assert record.findings.count() == count
    assert _zero_finding(record).status == "accepted"


def test_only_reviewers_decide(record, filer):
    with pytest.raises(ReviewError, match="财政审核人"):
        do_decide_finding(_zero_finding(record), "accepted", "", actor=filer)
    assert _zero_finding(record).status == "open"
    assert not db.AuditLog.objects.filter(action__startswith="finding.").exists()
