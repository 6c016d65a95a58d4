"""The action log: one row per state change, written inside the change's own transaction."""

from __future__ import annotations

from typing import Any

from django.db import models as dj

from jixiao.web.core.models import AuditLog


def log_action(
    action: str, obj: dj.Model | None, *, actor: Any, data: dict[str, Any] | None = None
) -> AuditLog:
    return AuditLog.objects.create(
        action=action,
        actor=actor if getattr(actor, "pk", None) else None,
        object_type=obj._meta.model_name if obj is not None else "",
        object_id=obj.pk if obj is not None else None,
        data=data or {},
    )
