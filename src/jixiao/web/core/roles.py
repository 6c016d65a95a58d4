"""The two roles of DESIGN.md as groups: 部门填报人, and 财政审核人 who decides on findings.

Created after every migrate (and after a flush), so a fresh database always has them.
"""

from __future__ import annotations

from typing import Any

FILERS = "部门填报人"
REVIEWERS = "财政审核人"


def ensure_roles(**kwargs: Any) -> None:
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType

    from jixiao.web.core.models import Finding, SourceDocument

    ct = ContentType.objects.get_for_model(Finding)
    decide, _ = Permission.objects.get_or_create(
        content_type=ct, codename="decide_finding", defaults={"name": "可以采纳或驳回审核意见"}
    )
    upload, _ = Permission.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(SourceDocument),
        codename="add_sourcedocument",
        defaults={"name": "Can add 来源文件"},
    )
    filers, _ = Group.objects.get_or_create(name=FILERS)
    filers.permissions.add(upload)
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(decide, upload)
