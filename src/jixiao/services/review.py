"""Reviewing stored documents and recording reviewers' decisions on findings."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from jixiao.domain.review import load_params, review
from jixiao.services.audit import log_action
from jixiao.web.core import models as db

DECISIONS = ("accepted", "dismissed", "open")


class ReviewError(Exception):
    """A decision that cannot be recorded; the message is for the user."""


def store_findings(record: db.SourceDocument, *, region: str = "全国") -> list[db.Finding]:
    """Run the review on what the database holds and store its findings.

    Findings at the same place with the same code keep the reviewer's decision; findings the
    review no longer reports are removed. Call inside the caller's transaction.
    """
    from jixiao.services.documents import document_of

    doc = document_of(record)
    findings = review(doc, load_params(region, doc.fiscal_year))
    tables = list(record.tables.order_by("position"))
    indicators = {t.pk: list(t.indicators.order_by("position")) for t in tables}
    existing = {(f.table_id, f.indicator_id, f.code): f for f in record.findings.all()}
    keep: list[db.Finding] = []
    for f in findings:
        table = tables[f.table] if f.table is not None else None
        ind = indicators[table.pk][f.indicator] if table is not None and f.indicator is not None else None
        key = (table.pk if table else None, ind.pk if ind else None, f.code)
        row = existing.pop(key, None) or db.Finding(document=record, table=table, indicator=ind, code=f.code)
        row.severity, row.message, row.basis, row.where = f.severity, f.message, f.basis, f.where.as_dict()
        row.save()
        keep.append(row)
    for stale in existing.values():
        stale.delete()
    return keep


@transaction.atomic
def do_review_document(record: db.SourceDocument, *, actor: Any, region: str = "全国") -> list[db.Finding]:
    findings = store_findings(record, region=region)
    log_action("document.reviewed", record, actor=actor, data={"findings": len(findings), "region": region})
    return findings


@transaction.atomic
def do_decide_finding(finding: db.Finding, decision: str, reason: str, *, actor: Any) -> db.Finding:
    """Accept or dismiss a finding (dismissing needs a reason), or reopen it."""
    if decision not in DECISIONS:
        raise ReviewError(f"未知的处理方式：{decision}")
    reason = (reason or "").strip()
    if decision == "dismissed" and not reason:
        raise ReviewError("驳回审核意见时必须写明理由。")
    if not getattr(actor, "pk", None) or not actor.has_perm("core.decide_finding"):
        raise ReviewError("只有财政审核人可以处理审核意见。")
    finding = db.Finding.objects.select_for_update().get(pk=finding.pk)
    before = finding.status
    finding.status = decision
    finding.reason = reason if decision != "open" else ""
    finding.decided_by = actor if decision != "open" else None
    finding.decided_at = timezone.now() if decision != "open" else None
    finding.save(update_fields=["status", "reason", "decided_by", "decided_at"])
    log_action(
        f"finding.{decision}",
        finding,
        actor=actor,
        data={"code": finding.code, "before": before, "reason": reason},
    )
    return finding
