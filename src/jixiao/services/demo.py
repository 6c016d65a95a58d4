"""Demo data: the seed document and a staff login, loaded once however often `make run` runs."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from jixiao.readers import read_path
from jixiao.services.audit import log_action
from jixiao.services.documents import do_load_document

DEMO_USER = "demo"


@dataclass
class DemoLogin:
    username: str
    password: str
    data_dir: Path
    summary: str


def _demo_password() -> str:
    path = Path(settings.DATA_DIR) / "demo-login.txt"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(9))
        path.chmod(0o600)
    return path.read_text().strip()


@transaction.atomic
def do_ensure_demo_user() -> tuple[str, str]:
    password = _demo_password()
    User = get_user_model()
    user = User.objects.filter(username=DEMO_USER).first()
    if user is None:
        user = User.objects.create_superuser(DEMO_USER, email="", password=password)
        user.first_name = "演示"
        user.save(update_fields=["first_name"])
        log_action("user.created", user, actor=None, data={"username": DEMO_USER, "demo": True})
    return DEMO_USER, password


def do_load_demo(seed: Path) -> DemoLogin:
    username, password = do_ensure_demo_user()
    doc = read_path(seed)
    record, created = do_load_document(doc, content=seed.read_bytes(), actor=None)
    indicators = sum(len(t.indicators) for t in doc.tables)
    summary = f"{doc.department} {doc.fiscal_year} 年，{len(doc.tables)} 张表，{indicators} 个指标" + (
        "（已载入）" if created else "（已存在，未重复载入）"
    )
    return DemoLogin(username, password, Path(settings.DATA_DIR), summary)
